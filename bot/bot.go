// Package bot is wieiswie's Slack front end: it takes questions from
// mentions, direct messages and the /wie command, asks the index and
// answers with a Block Kit message. One Handler serves two transports:
// Socket Mode (the default, no public URL needed) and HTTP (Events API
// requests signed with the signing secret).
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
)

// slackHTTPTimeout bounds every call to Slack.
const slackHTTPTimeout = 15 * time.Second

// shutdownTimeout bounds how long the HTTP server waits for requests in
// progress; the answers they started are waited for separately.
const shutdownTimeout = 10 * time.Second

// Bot connects a Handler to Slack over Socket Mode or HTTP, and serves
// GET /healthz either way.
type Bot struct {
	cfg   config.Config
	asker Asker
	log   zerolog.Logger
	http  *http.Client
	api   *slack.Client
}

// New checks cfg (see config.Config.ValidateForServe) and prepares a bot
// that answers with asker. It does not connect yet; Run does.
func New(cfg config.Config, asker Asker, log zerolog.Logger) (*Bot, error) {
	if asker == nil {
		return nil, errors.New("bot: no Asker")
	}
	if err := cfg.ValidateForServe(); err != nil {
		return nil, fmt.Errorf("bot: %w", err)
	}
	httpClient := &http.Client{Timeout: slackHTTPTimeout}
	opts := []slack.Option{
		slack.OptionHTTPClient(httpClient),
		slack.OptionLog(stdLogger{log.With().Str("component", "slack-go").Logger()}),
	}
	if cfg.SlackAPIURL != "" {
		opts = append(opts, slack.OptionAPIURL(cfg.SlackAPIURL))
	}
	if cfg.SlackAppToken != "" {
		opts = append(opts, slack.OptionAppLevelToken(cfg.SlackAppToken))
	}
	return &Bot{
		cfg:   cfg,
		asker: asker,
		log:   log,
		http:  httpClient,
		api:   slack.New(cfg.SlackBotToken, opts...),
	}, nil
}

// Run listens on the configured LISTEN_ADDR and serves until ctx is
// cancelled; see Serve.
func (b *Bot) Run(ctx context.Context) error {
	ln, err := net.Listen("tcp", b.cfg.ListenAddr)
	if err != nil {
		return fmt.Errorf("listen on %s %s: %w", config.EnvListenAddr, b.cfg.ListenAddr, err)
	}
	return b.Serve(ctx, ln)
}

// Serve checks the bot token (auth.test), then answers Slack until ctx is
// cancelled: over Socket Mode when an app token is configured, else over
// HTTP on ln. ln also serves GET /healthz. On cancel it stops taking
// questions, lets the answers in flight finish and returns nil; it returns
// an error when it cannot connect or serve.
func (b *Bot) Serve(ctx context.Context, ln net.Listener) error {
	auth, err := b.api.AuthTestContext(ctx)
	if err != nil {
		ln.Close()
		if ctx.Err() != nil {
			return nil // stopped while starting
		}
		return fmt.Errorf("slack auth.test (check %s): %w", config.EnvSlackBotToken, err)
	}
	log := b.log.With().Str("mode", b.cfg.Mode()).Logger()
	log.Info().Str("team", auth.Team).Str("team_id", auth.TeamID).Str("bot_user_id", auth.UserID).
		Str("addr", ln.Addr().String()).Msg("connected to Slack")

	h := NewHandler(b.asker, b.api, b.http, auth.UserID, log)
	h.isAdmin = b.cfg.IsAdmin
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", healthz(b.cfg.Mode()))
	if !b.cfg.SocketMode() {
		t := &httpTransport{secret: b.cfg.SlackSigningSecret, h: h, log: log, ctx: ctx}
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

	var runErr error
	if b.cfg.SocketMode() {
		runErr = b.runSocketMode(runCtx, h, log)
	} else {
		<-runCtx.Done()
	}

	log.Info().Msg("shutting down: finishing answers in progress")
	shutCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil {
		log.Warn().Err(err).Msg("http server did not shut down cleanly")
	}
	h.Close()
	if err, ok := <-srvErr; ok && err != nil {
		return err
	}
	log.Info().Msg("stopped")
	return runErr
}

func healthz(mode string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, "{\"status\":\"ok\",\"mode\":%q}\n", mode)
	}
}

// stdLogger feeds slack-go's Output-style logging into zerolog at debug
// level. slack-go only logs when its debug option is on, which the bot
// leaves off, so nothing (and no token) arrives here in normal operation.
type stdLogger struct{ log zerolog.Logger }

func (l stdLogger) Output(_ int, s string) error {
	l.log.Debug().Msg(strings.TrimSpace(s))
	return nil
}
