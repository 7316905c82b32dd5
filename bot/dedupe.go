package bot

import (
	"sync"
	"time"
)

// Slack delivers some things more than once: a retried event (same
// event_id) when it did not see the ack in time, and a mention both as
// app_mention and as message (same channel and ts). dedupe remembers what
// was answered for a while so each question is answered once.
//
// It is bounded both ways: entries expire after ttl, and past max entries
// the oldest are dropped, so a flood of events cannot grow it without end.
type dedupe struct {
	mu    sync.Mutex
	ttl   time.Duration
	max   int
	now   func() time.Time
	seen  map[string]time.Time
	queue []dedupeEntry // insertion order, oldest first, from head
	head  int
}

type dedupeEntry struct {
	key string
	at  time.Time
}

// Slack retries a failed delivery after about 1 and 5 minutes, so 15 minutes
// covers every retry. A question takes two keys (its event_id and its
// message), so 50,000 keys remember 25,000 questions: far more than a
// municipality asks in that time, and enough that a burst like the load
// test's 5,000 events never forgets one it must not answer twice (a few
// megabytes at most).
const (
	dedupeTTL = 15 * time.Minute
	dedupeMax = 50000
)

func newDedupe(ttl time.Duration, max int, now func() time.Time) *dedupe {
	if now == nil {
		now = time.Now
	}
	return &dedupe{ttl: ttl, max: max, now: now, seen: make(map[string]time.Time)}
}

// first records key and reports whether it was not seen within the TTL.
// An empty key is never a duplicate.
func (d *dedupe) first(key string) bool {
	if key == "" {
		return true
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	now := d.now()
	d.expire(now)
	if at, ok := d.seen[key]; ok && now.Sub(at) < d.ttl {
		return false
	}
	d.seen[key] = now
	d.queue = append(d.queue, dedupeEntry{key: key, at: now})
	for len(d.seen) > d.max && d.head < len(d.queue) {
		d.pop()
	}
	return true
}

// len is the number of keys remembered.
func (d *dedupe) len() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.seen)
}

func (d *dedupe) expire(now time.Time) {
	for d.head < len(d.queue) && now.Sub(d.queue[d.head].at) >= d.ttl {
		d.pop()
	}
}

// pop drops the oldest queue entry, and its key unless the key was recorded
// again later.
func (d *dedupe) pop() {
	e := d.queue[d.head]
	d.queue[d.head] = dedupeEntry{}
	d.head++
	if at, ok := d.seen[e.key]; ok && at.Equal(e.at) {
		delete(d.seen, e.key)
	}
	// Reuse the slice once the dead prefix is more than half of it.
	if d.head > len(d.queue)/2 && d.head > 64 {
		n := copy(d.queue, d.queue[d.head:])
		clear(d.queue[n:])
		d.queue = d.queue[:n]
		d.head = 0
	}
	if d.head == len(d.queue) {
		d.queue = d.queue[:0]
		d.head = 0
	}
}
