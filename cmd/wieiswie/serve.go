package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"

	"github.com/rs/zerolog"

	"github.com/wieiswie/wieiswie/bot"
	"github.com/wieiswie/wieiswie/config"
	"github.com/wieiswie/wieiswie/knowledge"
	"github.com/wieiswie/wieiswie/metrics"
)

// openIndexFunc gives serve something to answer with: the knowledge folder
// (empty: the embedded default) indexed in memory or in INDEX_DIR. The
// Closer, if not nil, is closed when serve stops.
type openIndexFunc func(ctx context.Context, cfg config.Config, log zerolog.Logger) (knowledge.Asker, io.Closer, error)

// staleReporter is an Asker that knows whether its knowledge is behind the
// folder (a reload failed), for wieiswie_knowledge_stale.
type staleReporter interface {
	Stale() bool
}

// reloadReporter is an Asker that reloads by itself (folder watch, SIGHUP)
// and can report each of those reloads, so /metrics counts them too.
// Reloads asked with "/wie herlaad" are counted by the bot; report must not
// be called for them.
type reloadReporter interface {
	ReportReloads(report func(err error))
}

const serveUsage = `Usage: wieiswie serve [--env-file FILE]

Runs the Slack bot until interrupted (SIGINT/SIGTERM). Settings come from the
environment; a .env file fills in what the environment leaves unset:

  SLACK_BOT_TOKEN       xoxb-… bot token (required)
  SLACK_APP_TOKEN       xapp-… app-level token: Socket Mode (recommended)
  SLACK_SIGNING_SECRET  signing secret: HTTP mode, used without SLACK_APP_TOKEN
  LISTEN_ADDR           HTTP address for /healthz (and /slack/* in HTTP mode), default :8080
  KNOWLEDGE_DIR         documents folder, default: the embedded EXAMPLE documents
  INDEX_DIR             keep the index in this folder, default: in memory
  RELOAD_POLL_INTERVAL  also scan KNOWLEDGE_DIR this often (e.g. 30s): network shares
  LOG_LEVEL             trace|debug|info|warn|error, default info
  LOG_FORMAT            json|console (colour only on a terminal), default json
  SLACK_API_URL         Slack Web API base URL (tests), default Slack's own
  ADMIN_USER_IDS        comma-separated Slack member IDs of administrators
  RATE_LIMIT_PER_MINUTE questions one user may ask a minute, default 10; 0: no limit
  RATE_LIMIT_BURST      questions one user may ask in a row, default 5
  DEDUPE_DIR            folder shared by several instances: each question answered once
  WEB_ENABLED           true: also serve the who-is-who web page on LISTEN_ADDR
  WEB_USERS             comma-separated user:bcrypt-hash for the web page (htpasswd -nbB)
  WEB_AUTH_HEADER       header in which a trusted reverse proxy names the web page's user
  AUTO_ANSWER_CHANNELS  channel IDs where top-level who-questions are answered without a mention

LISTEN_ADDR also serves GET /healthz (alive), GET /readyz (index loaded and
connected to Slack) and GET /metrics (Prometheus).

Exit status: 0 stopped cleanly, 1 failed while running, 2 bad flags or
configuration.

Examples:
  wieiswie serve                       (settings from the environment and ./.env)
  wieiswie serve --env-file /etc/wieiswie.env

Flags:
`

// runServe is the serve command: configuration, logging and index, then the
// bot until ctx is cancelled. Exit codes: 0 stopped cleanly, 1 failed while
// running, 2 bad flags or configuration.
func runServe(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string, open openIndexFunc) int {
	flags := flag.NewFlagSet("serve", flag.ContinueOnError)
	flags.SetOutput(stderr)
	envFile := flags.String("env-file", ".env", "read settings the environment leaves unset from this file, if it exists")
	rest, code, done := parseFlags(flags, args, serveUsage, stdout)
	if done {
		return code
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "wieiswie serve: unexpected argument %q\n", rest[0])
		return 2
	}

	getenv, err := withEnvFile(getenv, *envFile)
	if err != nil {
		fmt.Fprintf(stderr, "wieiswie serve: %v\n", err)
		return 2
	}
	cfg, err := config.FromEnv(getenv)
	if err == nil {
		err = cfg.ValidateForServe()
	}
	if err != nil {
		fmt.Fprintf(stderr, "wieiswie serve: %v\n", err)
		return 2
	}

	log := newLogger(stderr, cfg, getenv)
	v, c := buildVersion()
	log.Info().Str("version", v).Str("commit", c).Object("config", cfg).Msg("starting wieiswie")
	for _, w := range cfg.Warnings() {
		log.Warn().Msg(w)
	}

	if open == nil {
		log.Error().Msg("no index to answer from")
		return 1
	}
	asker, closer, err := open(ctx, cfg, log)
	if err != nil {
		if ctx.Err() != nil {
			log.Info().Msg("stopped before serving")
			return 0
		}
		log.Error().Err(err).Msg("opening the index failed")
		fmt.Fprintf(stderr, "wieiswie serve: open index: %v\n", err)
		return 1
	}
	if closer != nil {
		defer func() {
			if err := closer.Close(); err != nil {
				log.Warn().Err(err).Msg("closing the index failed")
			}
		}()
	}

	m := metrics.New()
	m.BuildInfo(v, c)
	if r, ok := asker.(reloadReporter); ok {
		r.ReportReloads(m.ObserveReload)
	}
	if s, ok := asker.(staleReporter); ok {
		m.WatchStale(s.Stale)
	}
	opts := []bot.Option{bot.WithMetrics(m)}
	var b *bot.Bot
	if cfg.Web.Enabled {
		page, err := newWebPage(asker, cfg, func(email string) string { return b.SlackLink(email) }, log)
		if err != nil {
			log.Error().Err(err).Msg("starting the web page failed")
			return 1
		}
		opts = append(opts, bot.WithPage(page))
	}
	b, err = bot.New(cfg, asker, log, opts...)
	if err != nil {
		log.Error().Err(err).Msg("starting the bot failed")
		return 1
	}
	if r, ok := asker.(reloadReporter); ok {
		r.ReportReloads(func(err error) {
			m.ObserveReload(err)
			b.KnowledgeReloaded(err)
		})
	}
	if err := b.Run(ctx); err != nil {
		log.Error().Err(err).Msg("the bot stopped with an error")
		fmt.Fprintf(stderr, "wieiswie serve: %v\n", err)
		return 1
	}
	return 0
}

// withEnvFile returns a getenv that falls back to the values in path (a
// .env file) for variables the real environment leaves empty; the file
// never overrides the environment. A missing file is not an error.
func withEnvFile(getenv func(string) string, path string) (func(string) string, error) {
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	if path == "" {
		return getenv, nil
	}
	values, err := config.ReadEnvFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return getenv, nil
	}
	if err != nil {
		return nil, err
	}
	return func(name string) string {
		if v := getenv(name); v != "" {
			return v
		}
		return values[name]
	}, nil
}

// newLogger builds the serve logger from LOG_LEVEL and LOG_FORMAT. It is
// passed down explicitly; zerolog's global logger is not used. The console
// format is coloured only on a terminal, and never with NO_COLOR set:
// colour codes in a pipe or a log file are noise.
func newLogger(w io.Writer, cfg config.Config, getenv func(string) string) zerolog.Logger {
	out := w
	if cfg.LogFormat == config.LogFormatConsole {
		out = zerolog.ConsoleWriter{Out: w, TimeFormat: time.RFC3339, NoColor: !isTerminal(w) || getenv("NO_COLOR") != ""}
	}
	return zerolog.New(out).Level(cfg.Level()).With().Timestamp().Logger()
}

// isTerminal reports whether w is a terminal (a character device).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
