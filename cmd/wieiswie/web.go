package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	stdlog "log"
	"net"
	"net/http"
	"time"

	"github.com/rs/zerolog"

	"github.com/wieiswie/wieiswie/config"
	"github.com/wieiswie/wieiswie/knowledge"
	"github.com/wieiswie/wieiswie/web"
)

const webUsage = `Usage: wieiswie web [--env-file FILE]

Serves the who-is-who web page alone, without Slack (for an intranet),
until interrupted. Settings come from the environment or a .env file:

  LISTEN_ADDR      HTTP address, default :8080 (also GET /healthz)
  KNOWLEDGE_DIR    documents folder, default: the embedded documents
  INDEX_DIR        keep the index in this folder, default: in memory
  WEB_USERS        comma-separated user:bcrypt-hash (htpasswd -nbB user password)
  WEB_AUTH_HEADER  header in which a trusted reverse proxy names the user
  LOG_LEVEL        trace|debug|info|warn|error, default info
  LOG_FORMAT       json|console, default json

Without WEB_USERS and WEB_AUTH_HEADER everyone who reaches LISTEN_ADDR
sees the page. wieiswie serve serves the same page beside the bot when
WEB_ENABLED=true.

Examples:
  KNOWLEDGE_DIR=./kennis wieiswie web
  wieiswie web --env-file /etc/wieiswie.env

Flags:
`

// runWeb is the web command. Exit codes as serve: 0 stopped cleanly, 1
// failed while running, 2 bad flags or configuration.
func runWeb(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string, open openIndexFunc) int {
	flags := flag.NewFlagSet("web", flag.ContinueOnError)
	flags.SetOutput(stderr)
	cfg, getenv, code, done := readSettings(flags, args, webUsage, stdout, stderr, getenv, config.Config.ValidateForWeb)
	if done {
		return code
	}
	log := newLogger(stderr, cfg, getenv)
	log.Info().Str("listen_addr", cfg.ListenAddr).Str("knowledge_dir", cfg.KnowledgeDir).Msg("starting the wieiswie web page")

	ans, err := open(ctx, cfg, log)
	if err != nil {
		if ctx.Err() != nil {
			return 0
		}
		log.Error().Err(err).Msg("opening the index failed")
		fmt.Fprintf(stderr, "wieiswie web: open index: %v\n", err)
		return 1
	}
	if ans.closer != nil {
		defer func() {
			if err := ans.closer.Close(); err != nil {
				log.Warn().Err(err).Msg("closing the index failed")
			}
		}()
	}
	page, err := newWebPage(ans.asker, cfg, nil, log)
	if err != nil {
		log.Error().Err(err).Msg("starting the web page failed")
		return 1
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "ok\n") })
	mux.Handle("/", page)
	if err := serveHTTP(ctx, cfg.ListenAddr, mux, log); err != nil {
		log.Error().Err(err).Msg("the web page stopped with an error")
		fmt.Fprintf(stderr, "wieiswie web: %v\n", err)
		return 1
	}
	return 0
}

// newWebPage makes the web page over the index asker, with the sign-in of
// cfg. slackLink, if not nil, links people to a direct message in Slack.
func newWebPage(asker knowledge.Asker, cfg config.Config, slackLink func(email string) string, log zerolog.Logger) (*web.Server, error) {
	lib, ok := asker.(web.Library)
	if !ok {
		return nil, fmt.Errorf("the index cannot list its documents for the web page")
	}
	users := make([]web.User, len(cfg.Web.Users))
	for i, u := range cfg.Web.Users {
		users[i] = web.User{Name: u.Name, Hash: u.Hash}
	}
	log = log.With().Str("component", "web").Logger()
	switch {
	case cfg.Web.AuthHeader != "" && len(users) > 0:
		log.Info().Str("header", cfg.Web.AuthHeader).Int("users", len(users)).Msg("web page: signed in by the proxy's header or a password")
	case cfg.Web.AuthHeader != "":
		log.Info().Str("header", cfg.Web.AuthHeader).Msg("web page: signed in by the proxy's header only")
	case len(users) > 0:
		log.Info().Int("users", len(users)).Msg("web page: signed in with a password")
	default:
		log.Warn().Msg("web page: open to everyone who reaches it (set WEB_USERS or WEB_AUTH_HEADER to restrict it)")
	}
	return web.New(lib, web.Config{Users: users, AuthHeader: cfg.Web.AuthHeader, SlackLink: slackLink}, log)
}

// serveHTTP serves h on addr until ctx ends, then lets requests in
// progress finish.
func serveHTTP(ctx context.Context, addr string, h http.Handler, log zerolog.Logger) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s %s: %w", config.EnvListenAddr, addr, err)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		ErrorLog:          stdlog.New(log.With().Str("component", "http").Logger(), "", 0),
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	log.Info().Str("addr", ln.Addr().String()).Msg("web page listening")
	select {
	case err := <-done:
		return fmt.Errorf("http server: %w", err)
	case <-ctx.Done():
	}
	shutCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil {
		log.Warn().Err(err).Msg("http server did not shut down cleanly")
	}
	log.Info().Msg("stopped")
	return nil
}
