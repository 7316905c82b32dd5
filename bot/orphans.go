package bot

import (
	"context"
	"encoding/json"
	"time"

	"github.com/rs/zerolog"
)

// Slack gives an event to one Socket Mode connection and does not give it
// again once it is acknowledged. An instance that dies between the
// acknowledgement and its answer would lose the question, so a
// conversation question's claim carries the question itself; every
// instance looks for claims whose holder's lease ran out unfinished and
// answers them in its place.

// orphanMaxAge is how old a question may be and still be answered by
// another instance; older ones are forgotten (and their text with them).
const orphanMaxAge = 15 * time.Minute

// orphansAtOnce bounds one sweep; the next takes the rest.
const orphansAtOnce = 20

// orphan is what a conversation question's claim carries.
type orphan struct {
	Key      string `json:"key"`
	EventID  string `json:"event_id"`
	Kind     string `json:"kind"`
	Channel  string `json:"channel"`
	TS       string `json:"ts"`
	ThreadTS string `json:"thread_ts"`
	User     string `json:"user"`
	Text     string `json:"text"`
}

// payload is q as its claim carries it.
func (q question) payload(key, eventID string) string {
	b, err := json.Marshal(orphan{Key: key, EventID: eventID, Kind: q.kind, Channel: q.channel, TS: q.ts, ThreadTS: q.threadTS, User: q.user, Text: q.text})
	if err != nil {
		return ""
	}
	return string(b)
}

// runOrphans sweeps for orphaned questions every half lease until ctx is
// done or the handler closes.
func (h *Handler) runOrphans(ctx context.Context, log zerolog.Logger) {
	h.every(ctx, log, h.lease/2, false, func() { h.adoptOrphans(ctx, log) })
}

// adoptOrphans answers the questions whose instance claimed them and did
// not finish in time, and reports how many it took.
func (h *Handler) adoptOrphans(ctx context.Context, log zerolog.Logger) int {
	now := h.now()
	octx, cancel := context.WithTimeout(ctx, storeTimeout)
	payloads, err := h.store.Orphans(octx, now, now.Add(-orphanMaxAge), orphansAtOnce)
	cancel()
	if err != nil {
		log.Debug().Err(err).Msg("looking for orphaned questions failed")
		return 0
	}
	taken := 0
	for _, p := range payloads {
		var o orphan
		if json.Unmarshal([]byte(p), &o) != nil || o.Key == "" {
			continue
		}
		if _, busy := h.active.LoadOrStore(o.Key, true); busy {
			continue // this instance is on it already
		}
		cctx, cancel := context.WithTimeout(ctx, storeTimeout)
		won, _, err := h.store.Claim(cctx, o.Key, h.instance, now, h.lease, "")
		cancel()
		if err != nil || !won {
			h.active.Delete(o.Key)
			continue
		}
		taken++
		h.metrics.TookOver()
		h.seen.first(o.Key) // a late delivery here is not answered again
		q := question{kind: o.Kind, channel: o.Channel, ts: o.TS, threadTS: o.ThreadTS, user: o.User, text: o.Text}
		qlog := log.With().Str("event_id", o.EventID).Str("kind", o.Kind).Str("channel", o.Channel).
			Str("user", o.User).Str("ts", o.TS).Logger()
		qlog.Warn().Str("via", "orphan").Msg("took over an event whose instance did not finish it in time")
		answer := func(ctx context.Context, m Message) error { return h.send.post(ctx, q.channel, q.threadTS, m) }
		h.goTracked(ctx, qlog, false, func(ctx context.Context) {
			defer h.active.Delete(o.Key)
			stop := h.keepClaim(ctx, o.Key, qlog)
			defer h.finish(ctx, o.Key, qlog)
			defer stop()
			h.answerNow(ctx, qlog, q.kind, answer, func(ctx context.Context, log zerolog.Logger) {
				h.answerConversation(ctx, q, answer, now, log)
			})
		})
	}
	return taken
}
