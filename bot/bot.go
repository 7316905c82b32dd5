// Package bot is wieiswie's Slack front end: it takes questions from
// mentions, direct messages and the /wie command, asks a knowledge.Asker
// (the index, wired in by cmd/wieiswie) and answers with a Block Kit
// message. One Handler serves two transports: Socket Mode (the default, no
// public URL needed) and HTTP (Events API requests signed with the signing
// secret). It stores each question and the feedback on it (👍/👎 with the
// "Wat klopte er niet?" modal, "Meld dat dit ontbreekt") in a store.Store,
// shows editors the report of it on the App Home tab, and claims each event
// in the store so several instances answer it once. The package does not
// depend on the index, the search engine or a database driver.
package bot

import (
	"context"
	"errors"
	"fmt"
	stdlog "log"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/rs/zerolog"
	"github.com/slack-go/slack"

	"github.com/wieiswie/wieiswie/metrics"
)

// slackHTTPTimeout bounds every call to Slack.
const slackHTTPTimeout = 15 * time.Second

// shutdownTimeout bounds how long the HTTP server waits for requests in
// progress; the answers they started are waited for separately.
const shutdownTimeout = 10 * time.Second

// slackIdleConns is how many idle connections to Slack are kept: answers
// are posted in parallel, and the default of two would open and close a
// connection for most of them.
const slackIdleConns = 32

// Bot connects a Handler to Slack over Socket Mode or HTTP, and serves
// GET /healthz, GET /readyz and GET /metrics either way.
type Bot struct {
	cfg     Config
	deps    Deps
	log     zerolog.Logger
	http    *http.Client
	api     *slack.Client
	metrics *metrics.Metrics
	// retry is how Slack calls are retried; startRetry how auth.test is
	// retried while Slack cannot be reached at start-up. Tests shorten
	// their waits.
	retry      retryPolicy
	startRetry retryPolicy
	users      *slackUsers // e-mail address → Slack account, for direct-message links
}

// New prepares a bot with cfg that answers with deps.Asker. It does not
// connect yet; Run does. cfg is checked by the caller (cmd/wieiswie checks
// the environment); New only refuses what cannot work at all.
func New(cfg Config, deps Deps, log zerolog.Logger) (*Bot, error) {
	if deps.Asker == nil {
		return nil, errors.New("bot: no Asker")
	}
	if err := cfg.validate(); err != nil {
		return nil, fmt.Errorf("bot: %w", err)
	}
	if deps.Metrics == nil {
		deps.Metrics = metrics.New()
	}
	if deps.Documents != nil {
		deps.Metrics.WatchDocuments(deps.Documents)
	}
	if deps.Now == nil {
		deps.Now = time.Now
	}
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.MaxIdleConnsPerHost = slackIdleConns
	httpClient := &http.Client{Timeout: slackHTTPTimeout, Transport: transport}
	slackOpts := []slack.Option{
		slack.OptionHTTPClient(httpClient),
		slack.OptionLog(stdLogger{log.With().Str("component", "slack-go").Logger()}),
	}
	if cfg.APIURL != "" {
		slackOpts = append(slackOpts, slack.OptionAPIURL(cfg.APIURL))
	}
	if cfg.AppToken != "" {
		slackOpts = append(slackOpts, slack.OptionAppLevelToken(cfg.AppToken))
	}
	api := slack.New(cfg.BotToken, slackOpts...)
	return &Bot{
		cfg:        cfg,
		deps:       deps,
		log:        log,
		http:       httpClient,
		api:        api,
		metrics:    deps.Metrics,
		retry:      defaultRetry,
		startRetry: startRetry,
		users:      newSlackUsers(api),
	}, nil
}

// Metrics is what the bot counts, as served on GET /metrics.
func (b *Bot) Metrics() *metrics.Metrics { return b.metrics }

// Run listens on the configured LISTEN_ADDR and serves until ctx is
// cancelled; see Serve.
func (b *Bot) Run(ctx context.Context) error {
	ln, err := net.Listen("tcp", b.cfg.ListenAddr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", b.cfg.ListenAddr, err)
	}
	return b.Serve(ctx, ln)
}

// startRetry retries auth.test at start-up while Slack is unreachable or
// failing (not when it refuses the token): a bot started during a Slack
// or network hiccup comes up when it passes, instead of exiting.
var startRetry = retryPolicy{attempts: 1 << 30, maxWait: time.Minute, backoff: time.Second}

// Serve answers Slack until ctx is cancelled: over Socket Mode when an app
// token is configured, else over HTTP on ln. ln also serves GET /healthz,
// GET /readyz and GET /metrics, from the start: while the bot token is
// checked (auth.test, retried while Slack cannot be reached) readyz says
// "not ready". On cancel it stops taking questions, lets the answers in
// flight finish and returns nil; it returns an error when Slack refuses a
// token or the server cannot serve.
func (b *Bot) Serve(ctx context.Context, ln net.Listener) error {
	log := b.log.With().Str("mode", b.cfg.mode()).Logger()
	st := &health{mode: b.cfg.mode(), metrics: b.metrics, documents: b.deps.Documents, store: b.deps.Store, warnings: b.deps.Warnings}
	st.setSlack(false)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", st.healthz)
	mux.HandleFunc("GET /readyz", st.readyz)
	mux.Handle("GET /metrics", b.metrics.Handler())
	if b.deps.Page != nil {
		mux.Handle("/", b.deps.Page)
	}
	var t *httpTransport
	if !b.cfg.socketMode() {
		t = &httpTransport{secret: b.cfg.SigningSecret, log: log, ctx: ctx, ready: make(chan struct{})}
		t.register(mux)
	}
	srv := &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		ErrorLog:          stdlog.New(log.With().Str("component", "http").Logger(), "", 0),
	}

	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	srvErr := make(chan error, 1)
	go func() {
		err := srv.Serve(ln)
		if !errors.Is(err, http.ErrServerClosed) {
			srvErr <- fmt.Errorf("http server: %w", err)
			stop()
		}
		close(srvErr)
	}()
	shutdown := func() {
		st.stopping.Store(true)
		st.setSlack(false)
		shutCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownTimeout)
		defer cancel()
		if err := srv.Shutdown(shutCtx); err != nil {
			log.Warn().Err(err).Msg("http server did not shut down cleanly")
		}
	}

	auth, err := b.authTest(runCtx, log)
	if err != nil {
		shutdown()
		if err, ok := <-srvErr; ok && err != nil {
			return err
		}
		if ctx.Err() != nil {
			return nil // stopped while starting
		}
		return fmt.Errorf("slack auth.test (check the bot token): %w", err)
	}
	log.Info().Str("team", auth.Team).Str("team_id", auth.TeamID).Str("bot_user_id", auth.UserID).
		Str("addr", ln.Addr().String()).Msg("connected to Slack")

	h := NewHandler(b.cfg, b.deps, b.api, b.http, auth.UserID, log)
	// The Bot's retry policy, which tests shorten, replaces the default.
	h.send = retryingMessenger{next: slackMessenger{api: b.api, http: b.http}, policy: b.retry, metrics: b.metrics}
	if b.cfg.ReportChannel != "" {
		h.runDigest(runCtx, time.Hour, log)
	}
	if b.deps.Store != nil {
		h.runOrphans(runCtx, log)
	}
	b.users.setTeam(auth.TeamID)
	h.users = b.users

	var runErr error
	if b.cfg.socketMode() {
		runErr = b.runSocketMode(runCtx, h, st, log)
	} else {
		t.h = h
		close(t.ready)
		st.setSlack(true)
		<-runCtx.Done()
	}

	log.Info().Msg("shutting down: finishing answers in progress")
	shutdown()
	h.Close()
	if err, ok := <-srvErr; ok && err != nil {
		return err
	}
	log.Info().Msg("stopped")
	return runErr
}

// authTest checks the bot token, retrying while Slack cannot be reached or
// is failing; a refused token is returned at once.
func (b *Bot) authTest(ctx context.Context, log zerolog.Logger) (*slack.AuthTestResponse, error) {
	var auth *slack.AuthTestResponse
	err := b.startRetry.do(log.WithContext(ctx), "auth.test", b.metrics, func(ctx context.Context) error {
		var err error
		auth, err = b.api.AuthTestContext(ctx)
		return err
	})
	return auth, err
}

// stdLogger feeds slack-go's Output-style logging into zerolog at debug
// level. slack-go only logs when its debug option is on, which the bot
// leaves off, so nothing (and no token) arrives here in normal operation.
type stdLogger struct{ log zerolog.Logger }

func (l stdLogger) Output(_ int, s string) error {
	l.log.Debug().Msg(strings.TrimSpace(s))
	return nil
}
