package bot

import (
	"context"
	"errors"
	"net/http"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/rs/zerolog"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"github.com/wieiswie/wieiswie/index"
)

// Asker answers a question; *index.Index is one. top is how many candidates
// to return at most.
type Asker interface {
	Ask(ctx context.Context, question string, top int) (index.Result, error)
}

// Reloader is implemented by an Asker whose knowledge can be read again
// from disk; the admins named in ADMIN_USER_IDS can ask for it with
// "/wie herlaad".
type Reloader interface {
	Reload(ctx context.Context) (summary string, err error)
}

// How many candidates to ask for: a normal answer shows the first and a
// few others; "Meer resultaten" shows more.
const (
	answerTop = 5
	moreTop   = 1 + moreCandidates
)

// answerTimeout bounds one answer (search plus Slack calls), and with it
// how long shutdown can wait.
const answerTimeout = 30 * time.Second

// errClosed marks work refused because the handler is shutting down.
var errClosed = errors.New("bot is shutting down")

// Handler answers Slack events, slash commands and button clicks, whatever
// transport (Socket Mode or HTTP) delivered them. Its Handle methods only
// filter and deduplicate, which takes no I/O, and hand the answer to a
// goroutine: the transport can acknowledge Slack at once. Close waits for
// the answers in flight.
type Handler struct {
	asker     Asker
	send      messenger
	log       zerolog.Logger
	seen      *dedupe
	botUserID string
	timeout   time.Duration

	// isAdmin says who may reload the knowledge; nil: nobody.
	isAdmin func(userID string) bool

	mu     sync.Mutex
	closed bool
	wg     sync.WaitGroup
}

// NewHandler makes a Handler that answers with asker and posts through api
// (chat.postMessage, chat.postEphemeral) and httpClient (response URLs).
// botUserID is the bot's own user ID (auth.test), so it never answers
// itself.
func NewHandler(asker Asker, api *slack.Client, httpClient *http.Client, botUserID string, log zerolog.Logger) *Handler {
	if httpClient == nil {
		httpClient = &http.Client{Timeout: 15 * time.Second}
	}
	return &Handler{
		asker:     asker,
		send:      slackMessenger{api: api, http: httpClient},
		log:       log,
		seen:      newDedupe(dedupeTTL, dedupeMax, nil),
		botUserID: botUserID,
		timeout:   answerTimeout,
	}
}

// question is a message the bot was asked in a conversation.
type question struct {
	kind     string // "mention" or "dm", for logs
	channel  string
	ts       string // the message's own ts: the dedupe key with channel
	threadTS string // where to answer; empty: top level
	user     string
	text     string
}

// HandleEvent takes an Events API event (app_mention, message) with its
// event_id and answers it if it is a question for the bot it has not
// answered yet.
func (h *Handler) HandleEvent(ctx context.Context, eventID string, inner slackevents.EventsAPIInnerEvent, log zerolog.Logger) {
	log = log.With().Str("event_id", eventID).Str("event_type", inner.Type).Logger()
	q, why := h.questionFrom(inner)
	if why != "" {
		log.Debug().Str("reason", why).Msg("event ignored")
		return
	}
	log = log.With().Str("kind", q.kind).Str("channel", q.channel).Str("user", q.user).Str("ts", q.ts).Logger()
	if !h.seen.first(dedupeKey("event:", eventID)) {
		log.Info().Msg("event delivered again; already handled")
		return
	}
	// The same mention arrives as app_mention and as message: one answer.
	if !h.seen.first(dedupeKey("message:", q.channel, q.ts)) {
		log.Info().Msg("message already answered")
		return
	}
	h.spawn(ctx, log, func(ctx context.Context, log zerolog.Logger) {
		h.answerConversation(ctx, q, log)
	})
}

// questionFrom picks the question out of an event, or says why there is
// none.
func (h *Handler) questionFrom(inner slackevents.EventsAPIInnerEvent) (question, string) {
	switch ev := inner.Data.(type) {
	case *slackevents.AppMentionEvent:
		if ev.BotID != "" || ev.User == "" || ev.User == h.botUserID {
			return question{}, "from a bot"
		}
		return question{
			kind: "mention", channel: ev.Channel, ts: ev.TimeStamp,
			threadTS: firstNonEmpty(ev.ThreadTimeStamp, ev.TimeStamp),
			user:     ev.User, text: ev.Text,
		}, ""
	case *slackevents.MessageEvent:
		switch {
		case ev.SubType != "":
			return question{}, "message subtype " + ev.SubType
		case ev.BotID != "" || ev.User == "" || ev.User == h.botUserID:
			return question{}, "from a bot"
		case ev.ChannelType == "im":
			return question{
				kind: "dm", channel: ev.Channel, ts: ev.TimeStamp,
				threadTS: ev.ThreadTimeStamp, user: ev.User, text: ev.Text,
			}, ""
		case mentions(ev.Text, h.botUserID):
			// message.channels delivers mentions too; treat them as one.
			return question{
				kind: "mention", channel: ev.Channel, ts: ev.TimeStamp,
				threadTS: firstNonEmpty(ev.ThreadTimeStamp, ev.TimeStamp),
				user:     ev.User, text: ev.Text,
			}, ""
		default:
			return question{}, "channel message not addressed to the bot"
		}
	default:
		return question{}, "event type not handled"
	}
}

func (h *Handler) answerConversation(ctx context.Context, q question, log zerolog.Logger) {
	text := cleanQuestion(q.text)
	var m Message
	if isHelp(text) {
		m = Help()
	} else {
		m = h.ask(ctx, text, answerTop, RenderOptions{}, log)
	}
	if err := h.send.post(ctx, q.channel, q.threadTS, m); err != nil {
		log.Error().Err(err).Msg("posting the answer failed")
		return
	}
	log.Debug().Str("thread_ts", q.threadTS).Msg("answer posted")
}

// HandleSlash takes a /wie command: help when it has no question, else an
// ephemeral answer with a "Deel in kanaal" button.
func (h *Handler) HandleSlash(ctx context.Context, cmd slack.SlashCommand, log zerolog.Logger) {
	log = log.With().Str("kind", "slash").Str("command", cmd.Command).
		Str("channel", cmd.ChannelID).Str("user", cmd.UserID).Logger()
	if !h.seen.first(dedupeKey("trigger:", cmd.TriggerID)) {
		log.Info().Msg("slash command delivered again; already handled")
		return
	}
	h.spawn(ctx, log, func(ctx context.Context, log zerolog.Logger) {
		text := cleanQuestion(cmd.Text)
		var m Message
		if isHelp(text) {
			m = Help()
		} else if isReload(text) {
			m = h.reload(ctx, cmd.UserID, log)
		} else {
			m = h.ask(ctx, text, answerTop, RenderOptions{ShowQuestion: true, Share: true}, log)
		}
		h.replyEphemeral(ctx, cmd.ResponseURL, cmd.ChannelID, cmd.UserID, "", m, log)
	})
}

// HandleInteraction takes a button click on one of the bot's messages.
func (h *Handler) HandleInteraction(ctx context.Context, cb slack.InteractionCallback, log zerolog.Logger) {
	log = log.With().Str("kind", "interaction").Str("interaction_type", string(cb.Type)).
		Str("channel", channelOf(cb)).Str("user", cb.User.ID).Logger()
	if cb.Type != slack.InteractionTypeBlockActions {
		log.Debug().Msg("interaction type not handled")
		return
	}
	for _, a := range cb.ActionCallback.BlockActions {
		if a == nil {
			continue
		}
		alog := log.With().Str("action_id", a.ActionID).Logger()
		if !h.seen.first(dedupeKey("action:", cb.TriggerID, a.ActionID)) {
			alog.Info().Msg("click delivered again; already handled")
			continue
		}
		switch a.ActionID {
		case actionShare:
			q := unescapeText(a.Value)
			h.spawn(ctx, alog, func(ctx context.Context, log zerolog.Logger) { h.share(ctx, cb, q, log) })
		case actionMore:
			q := unescapeText(a.Value)
			h.spawn(ctx, alog, func(ctx context.Context, log zerolog.Logger) { h.more(ctx, cb, q, log) })
		case actionFeedbackUp, actionFeedbackDown:
			up := a.ActionID == actionFeedbackUp
			source, q := parseFeedbackValue(a.Value)
			vote := "down"
			if up {
				vote = "up"
			}
			// The log line is the feedback record.
			alog.Info().Str("vote", vote).Str("question", q).Str("source", source).Msg("feedback")
			h.spawn(ctx, alog, func(ctx context.Context, log zerolog.Logger) {
				h.replyEphemeral(ctx, cb.ResponseURL, channelOf(cb), cb.User.ID, threadOf(cb), thanksMessage(up), log)
			})
		default:
			alog.Debug().Msg("action not handled")
		}
	}
}

// share posts an ephemeral /wie answer in the channel for everyone, then
// removes the ephemeral one.
func (h *Handler) share(ctx context.Context, cb slack.InteractionCallback, q string, log zerolog.Logger) {
	m := h.ask(ctx, q, answerTop, RenderOptions{SharedBy: cb.User.ID, ShowQuestion: true}, log)
	if cb.ResponseURL == "" {
		if err := h.send.post(ctx, channelOf(cb), threadOf(cb), m); err != nil {
			log.Error().Err(err).Msg("sharing the answer failed")
		}
		return
	}
	if err := h.send.respond(ctx, cb.ResponseURL, response{Message: m, ResponseType: responseInChannel}); err != nil {
		log.Error().Err(err).Msg("sharing the answer failed")
		return
	}
	if err := h.send.respond(ctx, cb.ResponseURL, response{DeleteOriginal: true}); err != nil {
		log.Warn().Err(err).Msg("removing the ephemeral answer failed")
	}
	log.Info().Msg("answer shared in channel")
}

// more shows the clicking user more candidates, ephemerally.
func (h *Handler) more(ctx context.Context, cb slack.InteractionCallback, q string, log zerolog.Logger) {
	res, err := h.asker.Ask(ctx, q, moreTop)
	m := RenderMore(res)
	if err != nil {
		log.Error().Err(err).Str("question", q).Msg("search failed")
		m = ErrorMessage()
	}
	h.replyEphemeral(ctx, cb.ResponseURL, channelOf(cb), cb.User.ID, threadOf(cb), m, log)
}

// ask searches and renders; a failed search becomes a friendly message.
func (h *Handler) ask(ctx context.Context, q string, top int, opts RenderOptions, log zerolog.Logger) Message {
	res, err := h.asker.Ask(ctx, q, top)
	if err != nil {
		log.Error().Err(err).Str("question", q).Msg("search failed")
		return ErrorMessage()
	}
	if res.Question == "" {
		res.Question = q
	}
	ev := log.Info().Str("question", q).Str("outcome", string(res.Outcome)).
		Str("shape", string(res.Shape)).Int("answers", len(res.Answers)).Dur("took", res.Took)
	if len(res.Answers) > 0 {
		ev = ev.Str("source", res.Answers[0].Source)
	}
	ev.Msg("answered")
	return Render(res, opts)
}

// replyEphemeral answers one user: through the response_url when there is
// one (it works in channels the bot is not in), else chat.postEphemeral.
func (h *Handler) replyEphemeral(ctx context.Context, responseURL, channel, user, threadTS string, m Message, log zerolog.Logger) {
	var err error
	if responseURL != "" {
		err = h.send.respond(ctx, responseURL, response{Message: m, ResponseType: responseEphemeral})
	} else {
		err = h.send.postEphemeral(ctx, channel, user, threadTS, m)
	}
	if err != nil {
		log.Error().Err(err).Msg("replying failed")
	}
}

// spawn runs fn in a goroutine the handler waits for on Close. The work
// gets its own deadline and is not cancelled with ctx: an answer that has
// started is finished during shutdown.
func (h *Handler) spawn(ctx context.Context, log zerolog.Logger, fn func(context.Context, zerolog.Logger)) {
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		log.Warn().Err(errClosed).Msg("not answering")
		return
	}
	h.wg.Add(1)
	h.mu.Unlock()
	go func() {
		defer h.wg.Done()
		defer func() {
			if r := recover(); r != nil {
				log.Error().Interface("panic", r).Str("stack", string(debug.Stack())).Msg("answer panicked")
			}
		}()
		actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), h.timeout)
		defer cancel()
		fn(actx, log)
	}()
}

// Close refuses new work and waits for the answers in flight.
func (h *Handler) Close() {
	h.mu.Lock()
	h.closed = true
	h.mu.Unlock()
	h.wg.Wait()
}

func channelOf(cb slack.InteractionCallback) string {
	return firstNonEmpty(cb.Channel.ID, cb.Container.ChannelID)
}

func threadOf(cb slack.InteractionCallback) string {
	return cb.Container.ThreadTs
}

// dedupeKey joins the parts that identify a delivery into a key, or
// returns "" (never a duplicate) when one of them is missing.
func dedupeKey(prefix string, parts ...string) string {
	key := prefix
	for i, p := range parts {
		if p == "" {
			return ""
		}
		if i > 0 {
			key += ":"
		}
		key += p
	}
	return key
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// isReload reports whether a /wie command asks to reload the knowledge.
func isReload(text string) bool {
	switch strings.ToLower(strings.TrimSpace(text)) {
	case "herlaad", "reload":
		return true
	}
	return false
}

// reload reads the knowledge again, for admins only.
func (h *Handler) reload(ctx context.Context, userID string, log zerolog.Logger) Message {
	r, ok := h.asker.(Reloader)
	if !ok || h.isAdmin == nil || !h.isAdmin(userID) {
		log.Warn().Msg("reload refused: not an admin, or nothing to reload")
		return plainMessage("Herladen mag alleen een beheerder van wieiswie, en alleen als de documenten uit een map komen.")
	}
	summary, err := r.Reload(ctx)
	if err != nil {
		log.Error().Err(err).Msg("reload asked in Slack failed")
		return plainMessage("Herladen is niet gelukt; ik antwoord verder met de vorige versie. " + escapeMrkdwn(err.Error()))
	}
	log.Info().Str("summary", summary).Msg("reload asked in Slack")
	return plainMessage("Kennis herladen: " + escapeMrkdwn(summary) + ".")
}

// plainMessage is a one-section message; text must be escaped already.
func plainMessage(text string) Message {
	return Message{Text: text, Blocks: []slack.Block{section(text)}}
}
