package bot

import (
	"context"
	"time"

	"github.com/rs/zerolog"

	"github.com/wieiswie/wieiswie/knowledge"
	"github.com/wieiswie/wieiswie/store"
)

// Store writes never hold up an answer: they run after it, in the
// background, and are tried storeAttempts times (waiting storeBackoff,
// then twice that) before the record is given up with a log line that
// holds it and a metric, so nothing is dropped silently.
const (
	storeAttempts = 3
	storeBackoff  = 250 * time.Millisecond
)

// recordQuestion stores q for the editors' report.
func (h *Handler) recordQuestion(q store.Question, log zerolog.Logger) {
	h.write("question", log, func(ctx context.Context) error { return h.store.RecordQuestion(ctx, q) },
		func(ev *zerolog.Event) *zerolog.Event {
			return h.withQuestion(ev.Str("question_id", q.ID).Str("outcome", string(q.Outcome)).Strs("documents", q.Documents), q.Text)
		})
}

// recordFeedback stores f.
func (h *Handler) recordFeedback(f store.Feedback, log zerolog.Logger) {
	h.write("feedback", log, func(ctx context.Context) error { return h.store.RecordFeedback(ctx, f) },
		func(ev *zerolog.Event) *zerolog.Event {
			return h.withQuestion(ev.Str("question_id", f.QuestionID).Str("feedback", string(f.Kind)).
				Str("reason", f.Reason).Str("document", f.Document), f.Question)
		})
}

func (h *Handler) write(what string, log zerolog.Logger, fn func(context.Context) error, describe func(*zerolog.Event) *zerolog.Event) {
	if h.store == nil {
		return
	}
	h.goTracked(context.Background(), log, false, func(ctx context.Context) {
		var err error
		wait := h.storeBackoff
		for attempt := 1; ; attempt++ {
			wctx, cancel := context.WithTimeout(ctx, storeTimeout)
			err = fn(wctx)
			cancel()
			if err == nil {
				return
			}
			if attempt == storeAttempts {
				break
			}
			time.Sleep(wait)
			wait *= 2
		}
		h.metrics.StoreFailed(what)
		describe(log.Error().Err(err).Str("record", what)).Msg("storing the record failed after retries; it is not in the report")
	})
}

// outcomeOf is a search result's outcome in the store's words.
func outcomeOf(res knowledge.Result) store.Outcome {
	switch {
	case res.Outcome == knowledge.NotFound || len(res.Answers) == 0:
		return store.NotFound
	case res.Outcome == knowledge.Ambiguous:
		return store.Ambiguous
	}
	return store.Answered
}

// shownSources are the documents an answer showed: the first and the
// others listed under it, or the candidates of "Bedoelde je …?".
func shownSources(res knowledge.Result) []string {
	n := 1 + otherCandidates
	if res.Outcome == knowledge.Ambiguous {
		n = ambiguousListed
	}
	var out []string
	for i, a := range res.Answers {
		if i == n {
			break
		}
		out = append(out, a.Source)
	}
	return out
}
