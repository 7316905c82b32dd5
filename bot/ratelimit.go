package bot

import (
	"sync"
	"time"

	"github.com/slack-go/slack"
)

// userLimiter is a token bucket per Slack user: each user may ask burst
// questions in a row and then perMinute a minute, so one person, or one
// script with a user's token, cannot keep the bot busy for everyone else.
// A refused user is told once per noticeEvery; the other refusals are
// silent, or the bot would flood the flooder.
//
// It holds only users who asked recently: buckets that have filled up again
// are dropped when the map grows, so it stays as small as the number of
// people asking within a minute or so.
type userLimiter struct {
	mu          sync.Mutex
	perMinute   float64
	burst       float64
	noticeEvery time.Duration
	now         func() time.Time
	users       map[string]*bucket
	sweepAt     int // sweep idle buckets when the map reaches this size
}

type bucket struct {
	tokens   float64
	at       time.Time // when tokens was computed
	noticeAt time.Time // when the user was last told to slow down; zero: never
}

// limitNoticeEvery is how often a limited user hears "Rustig aan": once a
// minute, the same window the rate is counted in.
const limitNoticeEvery = time.Minute

// minSweep is the map size below which idle buckets are not worth sweeping.
const minSweep = 1024

// newUserLimiter returns a limiter, or nil (no limit) when perMinute is 0
// or less. now is the clock; nil: time.Now.
func newUserLimiter(perMinute, burst int, now func() time.Time) *userLimiter {
	if perMinute <= 0 {
		return nil
	}
	if burst <= 0 {
		burst = 1
	}
	if now == nil {
		now = time.Now
	}
	return &userLimiter{
		perMinute:   float64(perMinute),
		burst:       float64(burst),
		noticeEvery: limitNoticeEvery,
		now:         now,
		users:       make(map[string]*bucket),
		sweepAt:     minSweep,
	}
}

// allow takes a token for user. When there is none it reports !ok, and
// tell says whether this is the refusal the user should hear about. A nil
// limiter and an unknown user ("") always allow.
func (l *userLimiter) allow(user string) (ok, tell bool) {
	if l == nil || user == "" {
		return true, false
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	b := l.users[user]
	if b == nil {
		if len(l.users) >= l.sweepAt {
			l.sweep(now)
		}
		b = &bucket{tokens: l.burst, at: now}
		l.users[user] = b
	}
	b.refill(now, l.perMinute, l.burst)
	if b.tokens >= 1 {
		b.tokens--
		return true, false
	}
	if b.noticeAt.IsZero() || now.Sub(b.noticeAt) >= l.noticeEvery {
		b.noticeAt = now
		return false, true
	}
	return false, false
}

func (b *bucket) refill(now time.Time, perMinute, burst float64) {
	if d := now.Sub(b.at); d > 0 {
		// Multiply before dividing: 6 s at 10/min is exactly one token.
		b.tokens = min(burst, b.tokens+d.Seconds()*perMinute/60)
	}
	b.at = now
}

// sweep drops the buckets that are full again and whose notice window has
// passed: a new bucket for that user would be the same. The next sweep is
// due when the map has doubled, so sweeping costs O(1) per call on average.
func (l *userLimiter) sweep(now time.Time) {
	for user, b := range l.users {
		b.refill(now, l.perMinute, l.burst)
		if b.tokens >= l.burst && (b.noticeAt.IsZero() || now.Sub(b.noticeAt) >= l.noticeEvery) {
			delete(l.users, user)
		}
	}
	l.sweepAt = max(minSweep, 2*len(l.users))
}

// size is the number of users remembered, for tests.
func (l *userLimiter) size() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.users)
}

// rateLimitedMessage asks a user who asks too much too fast to wait, and
// says that what is asked meanwhile gets no answer: in a conversation this
// is said once per window, so the silence after it is no mystery.
func rateLimitedMessage() Message {
	text := "Rustig aan! Je stelde veel vragen kort na elkaar. Vragen die je de komende minuut nog stelt, beantwoord ik niet: stel ze over een minuutje opnieuw."
	return Message{Text: text, Blocks: []slack.Block{section(":hourglass_flowing_sand: " + text)}}
}
