package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/rs/zerolog"

	"github.com/wieiswie/wieiswie/bot"
	"github.com/wieiswie/wieiswie/config"
	"github.com/wieiswie/wieiswie/knowledge"
	"github.com/wieiswie/wieiswie/metrics"
	"github.com/wieiswie/wieiswie/store"
	"github.com/wieiswie/wieiswie/store/postgres"
	"github.com/wieiswie/wieiswie/store/sqlite"
)

// openIndexFunc gives serve something to answer with: the knowledge folder
// (empty: the embedded default) indexed in memory or in INDEX_DIR, kept up
// to date with the folder.
type openIndexFunc func(ctx context.Context, cfg config.Config, log zerolog.Logger) (answerer, error)

// answerer is the index as serve wires it into the bot, each capability
// named: no one has to discover it by type assertion.
type answerer struct {
	asker     knowledge.Asker
	reloader  bot.Reloader // nil: the embedded default, which never changes
	documents func() int
	// reportReloads has the reloads the folder watch and SIGHUP start
	// reported (the bot counts those asked in Slack); nil: none happen.
	reportReloads func(report func(err error))
	// stale reports whether the last reload failed, for
	// wieiswie_knowledge_stale; nil: never (the example documents).
	stale func() bool
	// warnings says what /readyz should warn about the knowledge.
	warnings func() []string
	// example: the embedded example documents answer; every answer says so.
	example bool
	closer  io.Closer // closed when serve stops; nil: nothing
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
  WEB_ENABLED           true: also serve the who-is-who web page on LISTEN_ADDR
  WEB_USERS             comma-separated user:bcrypt-hash for the web page (htpasswd -nbB)
  WEB_AUTH_HEADER       header in which a trusted reverse proxy names the web page's user
  AUTO_ANSWER_CHANNELS  channel IDs where top-level who-questions are answered without a mention
  DATA_DIR              folder of the embedded store (SQLite), default ./data
  DATABASE_URL          PostgreSQL instead: several instances share it and
                        answer each question once between them
  STORE_USER_IDS        true: store Slack user IDs; default false (a keyed hash)
  RETENTION_DAYS        delete stored questions and feedback after, default 90
  LOG_QUESTIONS         false: keep question texts out of the log; default true
  EDITOR_USER_IDS       Slack member IDs who see the editors' report in App Home
  REPORT_CHANNEL        channel ID for a weekly digest of that report
  CLAIM_LEASE           with DATABASE_URL: how long before another instance
                        answers a question whose instance died, default 20s

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
	cfg, getenv, code, done := readSettings(flags, args, serveUsage, stdout, stderr, getenv, config.Config.ValidateForServe)
	if done {
		return code
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
	ans, err := open(ctx, cfg, log)
	if err != nil {
		if ctx.Err() != nil {
			log.Info().Msg("stopped before serving")
			return 0
		}
		log.Error().Err(err).Msg("opening the index failed")
		fmt.Fprintf(stderr, "wieiswie serve: open index: %v\n", err)
		return 1
	}
	if ans.closer != nil {
		defer func() {
			if err := ans.closer.Close(); err != nil {
				log.Warn().Err(err).Msg("closing the index failed")
			}
		}()
	}

	// A store that cannot be opened (the database is down, the folder is
	// read-only) does not stop the bot: it answers without storing, says so
	// in /readyz, and opens the store when it can.
	st, err := openStore(ctx, cfg)
	if err != nil {
		log.Error().Err(err).Msg("the store cannot be opened; answering without it and trying again every 30s")
		st = store.NewLazy(func(ctx context.Context) (store.Store, error) { return openStore(ctx, cfg) }, 30*time.Second, err)
	}
	defer st.Close()
	sweepCtx, stopSweep := context.WithCancel(ctx)
	swept := make(chan struct{})
	go func() {
		defer close(swept)
		daily := time.NewTicker(24 * time.Hour)
		defer daily.Stop()
		store.Retention{Store: st, Keep: time.Duration(cfg.RetentionDays) * 24 * time.Hour, Log: log}.Run(sweepCtx, daily.C)
	}()
	defer func() { stopSweep(); <-swept }() // before the store closes

	m := metrics.New()
	m.BuildInfo(v, c)
	if ans.stale != nil {
		m.WatchStale(ans.stale)
	}
	var b *bot.Bot
	var page http.Handler
	if cfg.Web.Enabled {
		p, err := newWebPage(ans.asker, cfg, func(email string) string { return b.SlackLink(email) }, log)
		if err != nil {
			log.Error().Err(err).Msg("starting the web page failed")
			return 1
		}
		page = p
	}
	b, err = bot.New(botConfig(cfg), bot.Deps{
		Asker:     ans.asker,
		Reloader:  ans.reloader,
		Documents: ans.documents,
		Knowledge: cachedKnowledge(cfg.KnowledgeDir, cfg.IndexDir, time.Minute),
		Store:     st,
		Metrics:   m,
		Page:      page,
		Warnings:  ans.warnings,
		Example:   ans.example,
	}, log)
	if err != nil {
		log.Error().Err(err).Msg("starting the bot failed")
		return 1
	}
	if ans.reportReloads != nil {
		ans.reportReloads(func(err error) {
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

// cachedKnowledge loads the folder (documents and problems, as `check`
// sees them) for the Home tab and the digest, at most once per ttl: an
// editor opening the tab twice does not read the folder twice.
func cachedKnowledge(dir, indexDir string, ttl time.Duration) func() ([]knowledge.Document, []knowledge.Problem) {
	var mu sync.Mutex
	var at time.Time
	var docs []knowledge.Document
	var problems []knowledge.Problem
	return func() ([]knowledge.Document, []knowledge.Problem) {
		mu.Lock()
		defer mu.Unlock()
		if at.IsZero() || time.Since(at) > ttl {
			docs, problems = loadKnowledge(context.Background(), dir, indexDir)
			at = time.Now()
		}
		return docs, problems
	}
}

// botConfig copies the bot's settings out of the environment's.
func botConfig(c config.Config) bot.Config {
	return bot.Config{
		BotToken:           c.SlackBotToken,
		AppToken:           c.SlackAppToken,
		SigningSecret:      c.SlackSigningSecret,
		ListenAddr:         c.ListenAddr,
		APIURL:             c.SlackAPIURL,
		AdminUserIDs:       c.AdminUserIDs,
		EditorUserIDs:      c.EditorUserIDs,
		RateLimitPerMinute: c.RateLimitPerMinute,
		RateLimitBurst:     c.Burst(),
		LogQuestions:       c.LogQuestions,
		ReportChannel:      c.ReportChannel,
		ClaimLease:         c.ClaimLease,
		AutoAnswerChannels: c.AutoAnswerChannels,
	}
}

// openStore opens PostgreSQL when DATABASE_URL is set, else the SQLite
// file in DATA_DIR; either is migrated to the current schema.
func openStore(ctx context.Context, c config.Config) (store.Store, error) {
	opts := store.Options{KeepUserIDs: c.StoreUserIDs}
	if c.DatabaseURL != "" {
		s, err := postgres.Open(ctx, c.DatabaseURL, opts)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", config.EnvDatabaseURL, err)
		}
		return s, nil
	}
	s, err := sqlite.Open(ctx, c.DataDir, opts)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", config.EnvDataDir, err)
	}
	return s, nil
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
