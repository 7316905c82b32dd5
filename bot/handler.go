package bot

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/rs/zerolog"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"github.com/wieiswie/wieiswie/knowledge"
	"github.com/wieiswie/wieiswie/metrics"
	"github.com/wieiswie/wieiswie/store"
)

// Reloader reads the knowledge again from disk; the admins (ADMIN_USER_IDS)
// can ask for it with "/wie herlaad".
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

// apologyTimeout bounds the apology after a panic; the answer's own
// deadline may be spent by then.
const apologyTimeout = 15 * time.Second

// errClosed marks work refused because the handler is shutting down.
var errClosed = errors.New("bot is shutting down")

// replyFunc sends one message to whoever asked; each kind of request knows
// where its answer goes (a thread, a DM, a response_url).
type replyFunc func(ctx context.Context, m Message) error

// Handler answers Slack events, slash commands and button clicks, whatever
// transport (Socket Mode or HTTP) delivered them. Its Handle methods only
// filter and deduplicate, which takes no I/O, and hand the answer to a
// goroutine: the transport can acknowledge Slack at once. Close waits for
// the answers in flight.
type Handler struct {
	asker     knowledge.Asker
	send      messenger
	log       zerolog.Logger
	seen      *dedupe
	botUserID string
	timeout   time.Duration
	metrics   *metrics.Metrics // nil: not counted
	limit     *userLimiter     // nil: no per-user limit
	// searches holds a slot per search running: a burst of questions waits
	// its turn instead of running thousands of searches at once.
	searches chan struct{}

	// users links answers to Slack accounts; nil: no direct-message links.
	users *slackUsers
	// autoAnswers says in which channels top-level who-questions are
	// answered without a mention; nil: none.
	autoAnswers func(channel string) bool
	// example says the bot answers from the embedded example documents.
	example bool

	// store keeps questions and feedback and holds claims shared with
	// other instances; nil: nothing kept, this instance alone.
	store        store.Store
	instance     string        // this handler's name in claims
	lease        time.Duration // how long a claim holds; see Config.ClaimLease
	claimPoll    time.Duration // how often a lost claim is looked at again
	storeBackoff time.Duration // first wait before a failed store write is tried again
	now          func() time.Time

	logQuestions bool
	// isAdmin says who may reload the knowledge; isEditor who sees the
	// editors' report. nil: nobody.
	isAdmin, isEditor func(userID string) bool
	reloader          Reloader                                           // nil: no reload
	knowledge         func() ([]knowledge.Document, []knowledge.Problem) // nil: none loaded
	reportChannel     string

	// active holds the claim keys this instance waits for or works on.
	active sync.Map

	mu       sync.Mutex
	closed   bool
	stopping chan struct{} // closed by Close: claims stop waiting
	wg       sync.WaitGroup
}

// NewHandler makes a Handler for cfg and deps that posts through api
// (chat.postMessage, chat.postEphemeral, views.*) and httpClient
// (response URLs), retrying what Slack refuses for now. botUserID is the
// bot's own user ID (auth.test), so it never answers itself.
func NewHandler(cfg Config, deps Deps, api *slack.Client, httpClient *http.Client, botUserID string, log zerolog.Logger) *Handler {
	if httpClient == nil {
		httpClient = &http.Client{Timeout: slackHTTPTimeout}
	}
	burst := cfg.RateLimitBurst
	if burst <= 0 {
		burst = DefaultRateLimitBurst
	}
	now := deps.Now
	if now == nil {
		now = time.Now
	}
	return &Handler{
		asker:         deps.Asker,
		send:          retryingMessenger{next: slackMessenger{api: api, http: httpClient}, policy: defaultRetry, metrics: deps.Metrics},
		log:           log,
		seen:          newDedupe(dedupeTTL, dedupeMax, nil),
		botUserID:     botUserID,
		timeout:       answerTimeout,
		metrics:       deps.Metrics,
		limit:         newUserLimiter(cfg.RateLimitPerMinute, burst, nil),
		searches:      make(chan struct{}, maxParallelSearches()),
		store:         deps.Store,
		instance:      store.NewID(),
		lease:         cmp.Or(cfg.ClaimLease, defaultClaimLease),
		claimPoll:     claimPoll,
		storeBackoff:  storeBackoff,
		now:           now,
		logQuestions:  cfg.LogQuestions,
		isAdmin:       cfg.isAdmin,
		isEditor:      cfg.isEditor,
		reloader:      deps.Reloader,
		knowledge:     deps.Knowledge,
		reportChannel: cfg.ReportChannel,
		autoAnswers:   cfg.autoAnswers,
		example:       deps.Example,
		stopping:      make(chan struct{}),
	}
}

// maxParallelSearches is how many searches run at once: enough to keep
// every core busy while others wait on Slack, few enough that a flood of
// questions queues cheaply instead of each holding a search's memory.
func maxParallelSearches() int { return max(4, 2*runtime.GOMAXPROCS(0)) }

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
	received := time.Now()
	log = log.With().Str("event_id", eventID).Str("event_type", inner.Type).Logger()
	if ev, ok := inner.Data.(*slackevents.AppHomeOpenedEvent); ok {
		h.homeOpened(ctx, eventID, ev, log)
		return
	}
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
	key := dedupeKey("message:", q.channel, q.ts)
	if !h.seen.first(key) {
		log.Info().Msg("message already answered")
		return
	}
	answer := func(ctx context.Context, m Message) error { return h.send.post(ctx, q.channel, q.threadTS, m) }
	notice, apologize := answer, answer
	if q.kind == kindAuto {
		notice, apologize = func(context.Context, Message) error { return nil }, nil // nobody asked the bot
	}
	// Other instances of the bot received it too: the one that claims it
	// answers (see claimThen). A refusal of the rate limit is told in the
	// thread, where the answer would have been: an ephemeral message is
	// easily missed, and this one comes once per window.
	h.claimThen(ctx, key, q.payload(key, eventID), log, q.kind, apologize, func(ctx context.Context, log zerolog.Logger) {
		if h.admit(ctx, q.user, log, notice, false) {
			h.answerConversation(ctx, q, answer, received, log)
		}
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
			return h.autoQuestion(ev)
		}
	default:
		return question{}, "event type not handled"
	}
}

func (h *Handler) answerConversation(ctx context.Context, q question, answer replyFunc, received time.Time, log zerolog.Logger) {
	if q.kind == kindAuto {
		h.answerAuto(ctx, q, answer, received, log)
		return
	}
	text := cleanQuestion(q.text)
	help := isHelp(text)
	var m Message
	if help {
		m = Help()
	} else {
		channelType := store.ChannelMention
		if q.kind == metrics.KindDM {
			channelType = store.ChannelDM
		}
		m = h.ask(ctx, asked{kind: q.kind, channelType: channelType, user: q.user, text: text}, answerTop, RenderOptions{}, log)
	}
	if err := answer(ctx, m); err != nil {
		log.Error().Err(err).Msg("posting the answer failed")
		return
	}
	if !help {
		h.metrics.ObserveLatency(q.kind, time.Since(received).Seconds())
	}
	log.Debug().Str("thread_ts", q.threadTS).Msg("answer posted")
}

// HandleSlash takes a /wie command: help when it has no question, else an
// ephemeral answer with a "Deel in kanaal" button.
func (h *Handler) HandleSlash(ctx context.Context, cmd slack.SlashCommand, log zerolog.Logger) {
	received := time.Now()
	log = log.With().Str("kind", metrics.KindSlash).Str("command", cmd.Command).
		Str("channel", cmd.ChannelID).Str("user", cmd.UserID).Logger()
	key := dedupeKey("trigger:", cmd.TriggerID)
	if !h.seen.first(key) {
		log.Info().Msg("slash command delivered again; already handled")
		return
	}
	reply := h.ephemeralTo(cmd.ResponseURL, cmd.ChannelID, cmd.UserID, "")
	h.claimThen(ctx, key, "", log, metrics.KindSlash, reply, func(ctx context.Context, log zerolog.Logger) {
		if !h.admit(ctx, cmd.UserID, log, reply, true) {
			return
		}
		text := cleanQuestion(cmd.Text)
		question := false
		var m Message
		switch {
		case isHelp(text):
			m = Help()
		case isReload(text):
			m = h.reload(ctx, cmd.UserID, log)
		default:
			m = h.ask(ctx, asked{kind: metrics.KindSlash, channelType: store.ChannelSlash, user: cmd.UserID, text: text},
				answerTop, RenderOptions{ShowQuestion: true, Share: true}, log)
			question = true
		}
		if err := reply(ctx, m); err != nil {
			log.Error().Err(err).Msg("replying failed")
			return
		}
		if question {
			h.metrics.ObserveLatency(metrics.KindSlash, time.Since(received).Seconds())
		}
	})
}

// share posts an ephemeral /wie answer in the channel for everyone, then
// removes the ephemeral one.
func (h *Handler) share(ctx context.Context, cb slack.InteractionCallback, q string, received time.Time, log zerolog.Logger) {
	m := h.ask(ctx, asked{kind: metrics.KindShare, text: q}, answerTop, RenderOptions{SharedBy: cb.User.ID, ShowQuestion: true}, log)
	if cb.ResponseURL == "" {
		if err := h.send.post(ctx, channelOf(cb), threadOf(cb), m); err != nil {
			log.Error().Err(err).Msg("sharing the answer failed")
			return
		}
		h.metrics.ObserveLatency(metrics.KindShare, time.Since(received).Seconds())
		return
	}
	if err := h.send.respond(ctx, cb.ResponseURL, response{Message: m, ResponseType: responseInChannel}); err != nil {
		log.Error().Err(err).Msg("sharing the answer failed")
		return
	}
	h.metrics.ObserveLatency(metrics.KindShare, time.Since(received).Seconds())
	if err := h.send.respond(ctx, cb.ResponseURL, response{DeleteOriginal: true}); err != nil {
		log.Warn().Err(err).Msg("removing the ephemeral answer failed")
	}
	log.Info().Msg("answer shared in channel")
}

// more shows the clicking user more candidates, ephemerally.
func (h *Handler) more(ctx context.Context, q string, reply replyFunc, received time.Time, log zerolog.Logger) {
	h.metrics.Asked(metrics.KindMore)
	res, err := h.search(ctx, q, moreTop)
	m := RenderMore(res)
	if err != nil {
		h.metrics.Failed(metrics.KindMore)
		h.withQuestion(log.Error().Err(err), q).Msg("search failed")
		m = ErrorMessage()
	} else {
		h.countOutcome(metrics.KindMore, res)
	}
	if err := reply(ctx, m); err != nil {
		log.Error().Err(err).Msg("replying failed")
		return
	}
	h.metrics.ObserveLatency(metrics.KindMore, time.Since(received).Seconds())
}

// search asks the Asker once a search slot is free.
func (h *Handler) search(ctx context.Context, q string, top int) (knowledge.Result, error) {
	if h.searches != nil {
		select {
		case h.searches <- struct{}{}:
			defer func() { <-h.searches }()
		case <-ctx.Done():
			return knowledge.Result{}, fmt.Errorf("waiting for a free search slot: %w", ctx.Err())
		}
	}
	return h.asker.Ask(ctx, q, top)
}

// countOutcome counts a search that worked as answered or unanswered.
func (h *Handler) countOutcome(kind string, res knowledge.Result) {
	if res.Outcome == knowledge.NotFound || len(res.Answers) == 0 {
		h.metrics.Unanswered(kind)
	} else {
		h.metrics.Answered(kind)
	}
}

// asked is a question as the handler asks it: how it arrived (kind, for
// the metrics), where (channelType, for the store; empty: not stored, as
// for a shared answer that was stored when first asked) and by whom.
type asked struct {
	kind, channelType, user, text string
}

// ask searches and renders; a failed search becomes a friendly message.
// A question with a channel type is stored for the editors' report, and
// its answer's buttons carry the record's ID.
func (h *Handler) ask(ctx context.Context, a asked, top int, opts RenderOptions, log zerolog.Logger) Message {
	h.metrics.Asked(a.kind)
	rec := store.Question{ID: store.NewID(), At: h.now(), Text: a.text, ChannelType: a.channelType, Asker: a.user}
	if a.channelType != "" {
		opts.QuestionID = rec.ID
	}
	res, err := h.search(ctx, a.text, top)
	if err != nil {
		h.metrics.Failed(a.kind)
		h.withQuestion(log.Error().Err(err), a.text).Msg("search failed")
		if a.channelType != "" {
			rec.Outcome = store.Failed
			h.recordQuestion(rec, log)
		}
		return ErrorMessage()
	}
	h.countOutcome(a.kind, res)
	if res.Question == "" {
		res.Question = a.text
	}
	ev := h.withQuestion(log.Info(), a.text).Str("outcome", string(res.Outcome)).
		Str("shape", string(res.Shape)).Int("answers", len(res.Answers)).Dur("took", res.Took)
	if len(res.Answers) > 0 {
		ev = ev.Str("source", res.Answers[0].Source)
	}
	ev.Msg("answered")
	if a.channelType != "" {
		rec.Outcome, rec.Topic, rec.Documents = outcomeOf(res), res.Topic, shownSources(res)
		h.recordQuestion(rec, log)
	}
	m := Render(res, opts)
	if h.example {
		m = withExampleNote(m)
	}
	return h.withDirectMessage(ctx, res, m, log)
}

// withQuestion adds the question text to a log line unless LOG_QUESTIONS
// is off.
func (h *Handler) withQuestion(ev *zerolog.Event, q string) *zerolog.Event {
	if h.logQuestions {
		return ev.Str("question", q)
	}
	return ev
}

// ephemeralTo answers one user: through the response_url when there is one
// (it works in channels the bot is not in), else chat.postEphemeral.
func (h *Handler) ephemeralTo(responseURL, channel, user, threadTS string) replyFunc {
	return func(ctx context.Context, m Message) error {
		if responseURL != "" {
			return h.send.respond(ctx, responseURL, response{Message: m, ResponseType: responseEphemeral})
		}
		return h.send.postEphemeral(ctx, channel, user, threadTS, m)
	}
}

// admit applies the per-user rate limit; it runs in the answer's
// goroutine, before any search. A refused request is dropped; the first
// refusal in a window is answered through notice with "Rustig aan", the
// others only logged. everyTime answers every refusal: a /wie or a click
// that gets no reply shows nothing at all, and an ephemeral reply bothers
// no one else.
func (h *Handler) admit(ctx context.Context, user string, log zerolog.Logger, notice replyFunc, everyTime bool) bool {
	ok, tell := h.limit.allow(user)
	if ok {
		return true
	}
	tell = tell || everyTime
	h.metrics.RateLimited()
	log.Warn().Bool("told", tell).Msg("rate limited: too many questions from this user")
	if tell {
		if err := notice(ctx, rateLimitedMessage()); err != nil {
			log.Error().Err(err).Msg("telling the user to slow down failed")
		}
	}
	return false
}

// spawn runs fn in a goroutine the handler waits for on Close. The work
// gets its own deadline and is not cancelled with ctx: an answer that has
// started is finished during shutdown. Its context carries log, so the
// Slack calls it makes log with the request's ids. A panic in fn is logged
// and, when apologize is set, the user gets an apology instead of silence;
// kind ("" for none) counts it as a failed question.
func (h *Handler) spawn(ctx context.Context, log zerolog.Logger, kind string, apologize replyFunc, fn func(context.Context, zerolog.Logger)) {
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
		h.answerNow(ctx, log, kind, apologize, fn)
	}()
}

// answerNow is the body of spawn, for work that already runs in a
// goroutine Close waits for.
func (h *Handler) answerNow(ctx context.Context, log zerolog.Logger, kind string, apologize replyFunc, fn func(context.Context, zerolog.Logger)) {
	h.metrics.AnswerStarted()
	defer h.metrics.AnswerDone()
	actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), h.timeout)
	defer cancel()
	actx = log.WithContext(actx)
	defer h.recoverAnswer(actx, log, kind, apologize)
	fn(actx, log)
}

// recoverAnswer is spawn's deferred panic handler: one broken answer must
// not take the bot, or the asker's patience, with it.
func (h *Handler) recoverAnswer(ctx context.Context, log zerolog.Logger, kind string, apologize replyFunc) {
	r := recover()
	if r == nil {
		return
	}
	h.metrics.Panicked()
	if kind != "" {
		h.metrics.Failed(kind)
	}
	log.Error().Interface("panic", r).Str("stack", string(debug.Stack())).Msg("answer panicked")
	if apologize == nil {
		return
	}
	defer func() {
		if r := recover(); r != nil {
			log.Error().Interface("panic", r).Msg("apology panicked too")
		}
	}()
	actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), apologyTimeout)
	defer cancel()
	if err := apologize(actx, ErrorMessage()); err != nil {
		log.Error().Err(err).Msg("apologising for the failed answer failed")
		return
	}
	log.Info().Msg("apologised for the failed answer")
}

// Close refuses new work and waits for the answers in flight.
func (h *Handler) Close() {
	h.mu.Lock()
	if !h.closed {
		h.closed = true
		close(h.stopping)
	}
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
	r := h.reloader
	if r == nil || h.isAdmin == nil || !h.isAdmin(userID) {
		log.Warn().Msg("reload refused: not an admin, or nothing to reload")
		return plainMessage("Herladen mag alleen een beheerder van wieiswie, en alleen als de documenten uit een map komen.")
	}
	summary, err := r.Reload(ctx)
	h.metrics.ObserveReload(err)
	if err != nil {
		log.Error().Err(err).Msg("reload asked in Slack failed")
		return plainMessage("Herladen is niet gelukt; ik antwoord verder met de vorige versie. " + escapeMrkdwn(err.Error()))
	}
	h.users.forget() // e-mail addresses may have changed with the documents
	log.Info().Str("summary", summary).Msg("reload asked in Slack")
	return plainMessage("Kennis herladen: " + escapeMrkdwn(summary) + ".")
}

// plainMessage is a one-section message; text must be escaped already.
func plainMessage(text string) Message {
	return Message{Text: text, Blocks: []slack.Block{section(text)}}
}
