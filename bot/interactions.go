package bot

import (
	"context"
	"strings"
	"time"

	"github.com/rs/zerolog"
	"github.com/slack-go/slack"

	"github.com/wieiswie/wieiswie/knowledge"
	"github.com/wieiswie/wieiswie/metrics"
	"github.com/wieiswie/wieiswie/store"
)

// HandleInteraction takes a button click on one of the bot's messages, or
// the submission of its feedback modal.
func (h *Handler) HandleInteraction(ctx context.Context, cb slack.InteractionCallback, log zerolog.Logger) {
	received := time.Now()
	log = log.With().Str("kind", "interaction").Str("interaction_type", string(cb.Type)).
		Str("channel", channelOf(cb)).Str("user", cb.User.ID).Logger()
	switch cb.Type {
	case slack.InteractionTypeViewSubmission:
		h.feedbackSubmitted(ctx, cb, log)
		return
	case slack.InteractionTypeBlockActions:
	default:
		log.Debug().Msg("interaction type not handled")
		return
	}
	for _, a := range cb.ActionCallback.BlockActions {
		if a == nil {
			continue
		}
		alog := log.With().Str("action_id", a.ActionID).Logger()
		key := dedupeKey("action:", cb.TriggerID, a.ActionID)
		if !h.seen.first(key) {
			alog.Info().Msg("click delivered again; already handled")
			continue
		}
		reply := h.ephemeralTo(cb.ResponseURL, channelOf(cb), cb.User.ID, threadOf(cb))
		switch {
		case a.ActionID == actionShare:
			q := unescapeText(a.Value)
			h.claimThen(ctx, key, "", alog, metrics.KindShare, reply, func(ctx context.Context, log zerolog.Logger) {
				if h.admit(ctx, cb.User.ID, log, reply, true) {
					h.share(ctx, cb, q, received, log)
				}
			})
		case a.ActionID == actionMore:
			q := unescapeText(a.Value)
			h.claimThen(ctx, key, "", alog, metrics.KindMore, reply, func(ctx context.Context, log zerolog.Logger) {
				if h.admit(ctx, cb.User.ID, log, reply, true) {
					h.more(ctx, q, reply, received, log)
				}
			})
		case strings.HasPrefix(a.ActionID, actionPick):
			ref := parseFeedbackValue(a.Value)
			h.claimThen(ctx, key, "", alog, metrics.KindMore, reply, func(ctx context.Context, log zerolog.Logger) {
				if h.admit(ctx, cb.User.ID, log, reply, true) {
					h.pick(ctx, ref, reply, received, log)
				}
			})
		case a.ActionID == actionFeedbackUp, a.ActionID == actionFeedbackDown, a.ActionID == actionMissing:
			ref := parseFeedbackValue(a.Value)
			h.claimThen(ctx, key, "", alog, "", nil, func(ctx context.Context, log zerolog.Logger) {
				h.feedbackClicked(ctx, cb, a.ActionID, ref, reply, log)
			})
		default:
			alog.Debug().Msg("action not handled")
		}
	}
}

// feedbackClicked stores a 👍, 👎 or "Meld dat dit ontbreekt" and answers
// it: thanks, or for 👎 the modal that asks what was wrong.
func (h *Handler) feedbackClicked(ctx context.Context, cb slack.InteractionCallback, actionID string, ref buttonRef, reply replyFunc, log zerolog.Logger) {
	kind := map[string]store.FeedbackKind{actionFeedbackUp: store.Up, actionFeedbackDown: store.Down, actionMissing: store.Missing}[actionID]
	if ref.questionID == "" {
		// A shared answer, or one posted before questions were stored:
		// the click carries its own question and document.
		ref.questionID = store.NewID()
	}
	h.withQuestion(log.Info().Str("feedback", string(kind)).Str("question_id", ref.questionID).Str("source", ref.source), ref.question).Msg("feedback")
	if kind != store.Missing {
		h.metrics.Feedback(kind == store.Up)
	}
	h.recordFeedback(store.Feedback{
		QuestionID: ref.questionID, At: h.now(), Kind: kind,
		Question: ref.question, Document: ref.source, Asker: cb.User.ID,
	}, log)
	var m Message
	switch kind {
	case store.Down:
		if cb.TriggerID != "" {
			err := h.send.openView(ctx, cb.TriggerID, feedbackModal(ref))
			if err == nil {
				return
			}
			log.Warn().Err(err).Msg("opening the feedback modal failed; thanking instead")
		}
		m = thanksMessage(false)
	case store.Missing:
		m = missingThanksMessage()
	default:
		m = thanksMessage(true)
	}
	if err := reply(ctx, m); err != nil {
		log.Error().Err(err).Msg("replying failed")
	}
}

// feedbackSubmitted stores what the 👎 modal said was wrong. Slack closes
// the modal on the empty acknowledgement the transport already sent.
func (h *Handler) feedbackSubmitted(ctx context.Context, cb slack.InteractionCallback, log zerolog.Logger) {
	if cb.View.CallbackID != callbackFeedback {
		log.Debug().Str("callback_id", cb.View.CallbackID).Msg("view submission not handled")
		return
	}
	key := dedupeKey("view:", cb.View.ID)
	if !h.seen.first(key) {
		log.Info().Msg("modal submission delivered again; already handled")
		return
	}
	ref := parseFeedbackValue(cb.View.PrivateMetadata)
	reason, comment := feedbackFromState(cb.View.State)
	h.claimThen(ctx, key, "", log, "", nil, func(ctx context.Context, log zerolog.Logger) {
		h.withQuestion(log.Info().Str("question_id", ref.questionID).Str("reason", reason).Bool("comment", comment != ""), ref.question).
			Msg("feedback explained")
		if ref.questionID == "" {
			return
		}
		h.recordFeedback(store.Feedback{
			QuestionID: ref.questionID, At: h.now(), Kind: store.Down, Reason: reason, Comment: comment,
			Question: ref.question, Document: ref.source, Asker: cb.User.ID,
		}, log)
	})
}

// pick answers with the "Bedoelde je …?" candidate that was clicked: the
// question is asked again and that candidate's answer is shown first.
func (h *Handler) pick(ctx context.Context, ref buttonRef, reply replyFunc, received time.Time, log zerolog.Logger) {
	h.metrics.Asked(metrics.KindMore)
	res, err := h.search(ctx, ref.question, moreTop)
	var m Message
	switch {
	case err != nil:
		h.metrics.Failed(metrics.KindMore)
		h.withQuestion(log.Error().Err(err), ref.question).Msg("search failed")
		m = ErrorMessage()
	default:
		i := indexOfSource(res.Answers, ref.source)
		if i < 0 {
			h.metrics.Unanswered(metrics.KindMore)
			m = plainMessage("Dat antwoord vind ik niet meer: de documenten zijn intussen gewijzigd. Stel je vraag gerust opnieuw.")
			break
		}
		h.metrics.Answered(metrics.KindMore)
		answers := append([]knowledge.Answer{res.Answers[i]}, res.Answers[:i]...)
		res.Answers = append(answers, res.Answers[i+1:]...)
		res.Outcome = knowledge.Answered
		if res.Question == "" {
			res.Question = ref.question
		}
		m = Render(res, RenderOptions{ShowQuestion: true, QuestionID: ref.questionID})
	}
	if err := reply(ctx, m); err != nil {
		log.Error().Err(err).Msg("replying failed")
		return
	}
	h.metrics.ObserveLatency(metrics.KindMore, time.Since(received).Seconds())
}

func indexOfSource(answers []knowledge.Answer, source string) int {
	for i, a := range answers {
		if source != "" && a.Source == source {
			return i
		}
	}
	return -1
}
