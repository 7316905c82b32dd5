package bot

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"github.com/wieiswie/wieiswie/metrics"
)

func TestUserLimiter(t *testing.T) {
	type step struct {
		after    time.Duration // clock moves this much first
		user     string
		ok, tell bool
	}
	tests := []struct {
		name  string
		rate  int // per minute
		burst int
		steps []step
	}{
		{"burst, then refused, told once", 10, 3, []step{
			{0, "U1", true, false}, {0, "U1", true, false}, {0, "U1", true, false},
			{0, "U1", false, true}, {0, "U1", false, false}, {time.Second, "U1", false, false},
		}},
		{"users do not share a bucket", 10, 1, []step{
			{0, "U1", true, false}, {0, "U1", false, true}, {0, "U2", true, false}, {0, "U2", false, true},
		}},
		{"refills at the rate", 10, 1, []step{
			{0, "U1", true, false}, {0, "U1", false, true},
			{5 * time.Second, "U1", false, false}, // 10/min: a token per 6 s
			{time.Second, "U1", true, false},
			{0, "U1", false, false}, // told less than a minute ago
		}},
		{"told again after a minute", 10, 1, []step{
			{0, "U1", true, false}, {0, "U1", false, true},
			{time.Minute, "U1", true, false}, {0, "U1", false, true},
		}},
		{"refill stops at the burst", 60, 2, []step{
			{time.Hour, "U1", true, false}, {0, "U1", true, false}, {0, "U1", false, true},
		}},
		{"unknown user is never limited", 1, 1, []step{
			{0, "", true, false}, {0, "", true, false},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := &fakeClock{now: time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC)}
			l := newUserLimiter(tt.rate, tt.burst, clock.Now)
			for i, s := range tt.steps {
				clock.Advance(s.after)
				ok, tell := l.allow(s.user)
				if ok != s.ok || tell != s.tell {
					t.Fatalf("step %d (%s): allow = %v, %v; want %v, %v", i, s.user, ok, tell, s.ok, s.tell)
				}
			}
		})
	}
}

func TestUserLimiterOff(t *testing.T) {
	l := newUserLimiter(0, 5, nil)
	if l != nil {
		t.Fatal("a rate of 0 should give no limiter")
	}
	for range 100 {
		if ok, _ := l.allow("U1"); !ok {
			t.Fatal("a nil limiter refused")
		}
	}
}

// TestUserLimiterBounded: many users who each asked once do not pile up;
// idle, refilled buckets are dropped when the map grows.
func TestUserLimiterBounded(t *testing.T) {
	clock := &fakeClock{now: time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC)}
	l := newUserLimiter(60, 5, clock.Now)
	for i := range 20 * minSweep {
		l.allow(fmt.Sprintf("U%d", i))
		clock.Advance(100 * time.Millisecond) // each bucket refills within 1 s
	}
	if n := l.size(); n > 2*minSweep {
		t.Errorf("%d users remembered, want at most %d", n, 2*minSweep)
	}
	// A user being limited is not forgotten by a sweep.
	for range 6 {
		l.allow("UFLOOD")
	}
	for i := range 2 * minSweep {
		l.allow(fmt.Sprintf("V%d", i))
	}
	if ok, tell := l.allow("UFLOOD"); ok || tell {
		t.Errorf("limited user after a sweep: allow = %v, %v; want refused, already told", ok, tell)
	}
}

// TestHandlerRateLimit: one user flooding gets burst answers and one
// "Rustig aan": in the thread of a refused question in a channel, in the
// DM for a DM, through the response_url (ephemeral) for every refused /wie. Another user is answered as
// usual, and retries of one event do not use up the flooder's questions.
func TestHandlerRateLimit(t *testing.T) {
	const burst = 3
	tests := []struct {
		name    string
		ask     func(h *Handler, i int, user string, log zerolog.Logger)
		noticed func(s sent) bool
		notices int // of 8 - burst refusals
	}{
		{"mention", func(h *Handler, i int, user string, log zerolog.Logger) {
			ev := mention("<@UBOT0WIE> wie is algemeen directeur", fmt.Sprintf("1700000000.%06d", i), "")
			ev.Data.(*slackevents.AppMentionEvent).User = user
			h.HandleEvent(context.Background(), fmt.Sprintf("Ev%d", i), ev, log)
			h.HandleEvent(context.Background(), fmt.Sprintf("Ev%d", i), ev, log) // Slack's retry
		}, func(s sent) bool {
			// In the thread of one of the flooder's questions: which one is
			// refused first depends on which answer starts first.
			return s.how == "post" && s.channel == "C0ALGEMEEN" && strings.HasPrefix(s.threadTS, "1700000000.00000")
		}, 1},
		{"direct message", func(h *Handler, i int, user string, log zerolog.Logger) {
			h.HandleEvent(context.Background(), fmt.Sprintf("Ev%d", i), message(slackevents.MessageEvent{
				ChannelType: "im", Channel: "D" + user, User: user, Text: "wie is algemeen directeur", TimeStamp: fmt.Sprintf("1700000000.%06d", i),
			}), log)
		}, func(s sent) bool { return s.how == "post" && s.channel == "DU0ASKER" }, 1},
		{"slash command", func(h *Handler, i int, user string, log zerolog.Logger) {
			h.HandleSlash(context.Background(), slack.SlashCommand{Command: "/wie", Text: "wie is algemeen directeur", ChannelID: "C0ALGEMEEN",
				UserID: user, ResponseURL: "https://hooks.slack.test/commands/" + user, TriggerID: fmt.Sprintf("trig-%d", i)}, log)
		}, func(s sent) bool {
			return s.how == "respond" && s.url == "https://hooks.slack.test/commands/U0ASKER" && s.resp.ResponseType == responseEphemeral
		}, 8 - burst},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logs syncBuffer
			m := metrics.New()
			h, rec := newTestHandler(t, mietAsker(), zerolog.New(&logs))
			h.metrics = m
			h.limit = newUserLimiter(10, burst, nil)
			for i := range 8 {
				tt.ask(h, i, "U0ASKER", zerolog.New(&logs).With().Str("request_id", fmt.Sprintf("req-%d", i)).Logger())
			}
			tt.ask(h, 100, "U0OTHER", zerolog.Nop())
			h.Close()

			var answers, otherAnswers, notices int
			for _, s := range rec.all() {
				switch {
				case strings.Contains(s.resp.Text, "Rustig aan"):
					notices++
					if !tt.noticed(s) {
						t.Errorf("notice sent as %+v, want it only for the asker", s)
					}
				case strings.Contains(s.resp.Text, "Miet Gobert") && (s.user == "U0OTHER" || strings.Contains(s.channel+s.url, "U0OTHER") || s.threadTS == "1700000000.000100"):
					otherAnswers++
				case strings.Contains(s.resp.Text, "Miet Gobert"):
					answers++
				default:
					t.Errorf("unexpected %+v", s)
				}
			}
			if answers != burst || notices != tt.notices || otherAnswers != 1 {
				t.Errorf("%d answers, %d notices, %d answers to another user; want %d, %d, 1", answers, notices, otherAnswers, burst, tt.notices)
			}
			if got := scrape(t, m, "wieiswie_questions_rate_limited_total"); got != 8-burst {
				t.Errorf("rate limited = %v, want %d", got, 8-burst)
			}
			if !strings.Contains(logs.String(), `"message":"rate limited: too many questions from this user"`) ||
				!strings.Contains(logs.String(), `"request_id":"req-7"`) {
				t.Errorf("refusal not logged with its request: %s", logs.String())
			}
		})
	}
}

func TestRateLimitedMessageIsDutch(t *testing.T) {
	m := rateLimitedMessage()
	if !strings.HasPrefix(m.Text, "Rustig aan") || len(m.Blocks) != 1 {
		t.Errorf("message = %+v", m)
	}
}
