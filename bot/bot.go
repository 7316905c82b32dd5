// Package bot is wieiswie's Slack front end: it takes questions from
// mentions, direct messages and the /wie command, asks a knowledge.Asker
// (the index, wired in by cmd/wieiswie) and answers with a Block Kit
// message. One Handler serves two transports: Socket Mode (the default, no
// public URL needed) and HTTP (Events API requests signed with the signing
// secret). The package does not depend on the index or the search engine.
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

	"github.com/wieiswie/wieiswie/config"
	"github.com/wieiswie/wieiswie/knowledge"
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
	cfg     config.Config
	asker   knowledge.Asker
	log     zerolog.Logger
	http    *http.Client
	api     *slack.Client
	opts    options
	metrics *metrics.Metrics
	// startRetry is how auth.test is retried while Slack cannot be
	// reached at start-up; tests shorten its waits.
	startRetry retryPolicy
	users      *slackUsers // e-mail address → Slack account, for direct-message links
}

// New checks cfg (see config.Config.ValidateForServe) and prepares a bot
// that answers with asker. It does not connect yet; Run does. The per-user
// rate limit comes from cfg unless WithRateLimit says otherwise.
func New(cfg config.Config, asker knowledge.Asker, log zerolog.Logger, opts ...Option) (*Bot, error) {
	if asker == nil {
		return nil, errors.New("bot: no Asker")
	}
	if err := cfg.ValidateForServe(); err != nil {
		return nil, fmt.Errorf("bot: %w", err)
	}
	if cfg.DedupeDir != "" {
		opts = append([]Option{WithSharedDedupe(cfg.DedupeDir)}, opts...)
	}
	o := newOptions(opts)
	if !o.limitSet {
		o.perMinute, o.burst = cfg.RateLimitPerMinute, cfg.Burst()
	}
	if o.metrics == nil {
		o.metrics = metrics.New()
	}
	if c, ok := asker.(documentCounter); ok {
		o.metrics.WatchDocuments(c.Len)
	}
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.MaxIdleConnsPerHost = slackIdleConns
	httpClient := &http.Client{Timeout: slackHTTPTimeout, Transport: transport}
	slackOpts := []slack.Option{
		slack.OptionHTTPClient(httpClient),
		slack.OptionLog(stdLogger{log.With().Str("component", "slack-go").Logger()}),
	}
	if cfg.SlackAPIURL != "" {
		slackOpts = append(slackOpts, slack.OptionAPIURL(cfg.SlackAPIURL))
	}
	if cfg.SlackAppToken != "" {
		slackOpts = append(slackOpts, slack.OptionAppLevelToken(cfg.SlackAppToken))
	}
	api := slack.New(cfg.SlackBotToken, slackOpts...)
	return &Bot{
		cfg:        cfg,
		asker:      asker,
		log:        log,
		http:       httpClient,
		api:        api,
		opts:       o,
		metrics:    o.metrics,
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
		return fmt.Errorf("listen on %s %s: %w", config.EnvListenAddr, b.cfg.ListenAddr, err)
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
	log := b.log.With().Str("mode", b.cfg.Mode()).Logger()
	st := &health{mode: b.cfg.Mode(), metrics: b.metrics}
	if c, ok := b.asker.(documentCounter); ok {
		st.documents = c.Len
	}
	if w, ok := b.asker.(knowledgeWarner); ok {
		st.warnings = w.KnowledgeWarnings
	}
	st.setSlack(false)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", st.healthz)
	mux.HandleFunc("GET /readyz", st.readyz)
	mux.Handle("GET /metrics", b.metrics.Handler())
	if b.opts.page != nil {
		mux.Handle("/", b.opts.page)
	}
	var t *httpTransport
	if !b.cfg.SocketMode() {
		t = &httpTransport{secret: b.cfg.SlackSigningSecret, log: log, ctx: ctx, ready: make(chan struct{})}
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
		return fmt.Errorf("slack auth.test (check %s): %w", config.EnvSlackBotToken, err)
	}
	log.Info().Str("team", auth.Team).Str("team_id", auth.TeamID).Str("bot_user_id", auth.UserID).
		Str("addr", ln.Addr().String()).Msg("connected to Slack")

	h := NewHandler(b.asker, b.api, b.http, auth.UserID, log,
		WithMetrics(b.metrics), WithRateLimit(b.opts.perMinute, b.opts.burst), withRetry(b.opts.retry),
		func(o *options) { o.claims = b.opts.claims })
	h.isAdmin = b.cfg.IsAdmin
	b.users.setTeam(auth.TeamID)
	h.users = b.users
	h.autoAnswers = b.cfg.AutoAnswers

	var runErr error
	if b.cfg.SocketMode() {
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
