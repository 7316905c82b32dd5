package bot

import (
	"errors"
	"net/http"
	"slices"
	"time"

	"github.com/wieiswie/wieiswie/knowledge"
	"github.com/wieiswie/wieiswie/metrics"
	"github.com/wieiswie/wieiswie/store"
)

// Config is the bot's own settings; cmd/wieiswie copies them from the
// environment (config.Config) after checking them there.
type Config struct {
	BotToken      string // xoxb-…
	AppToken      string // xapp-…: Socket Mode; empty: HTTP mode
	SigningSecret string // HTTP mode: verifies Slack's requests
	ListenAddr    string // /healthz, /readyz, /metrics, and /slack/* in HTTP mode
	APIURL        string // Web API base URL ending in "/"; empty: Slack's own
	// AdminUserIDs may reload the knowledge; they are editors too.
	AdminUserIDs []string
	// EditorUserIDs see the editors' report on the App Home tab.
	EditorUserIDs []string
	// RateLimitPerMinute questions per user a minute after a burst of
	// RateLimitBurst (0: DefaultRateLimitBurst); 0 per minute: no limit.
	RateLimitPerMinute int
	RateLimitBurst     int
	// LogQuestions writes question texts into the log; false keeps them
	// out (they are still stored for the report, under RETENTION_DAYS).
	LogQuestions bool
	// ReportChannel gets a weekly digest of the editors' report; empty:
	// none.
	ReportChannel string
	// ClaimLease is how long an instance holds an event it claimed before
	// another may take over, if it never finishes (it died); 0: 20 s.
	ClaimLease time.Duration
	// AutoAnswerChannels are the channel IDs where top-level who-questions
	// are answered in their thread without a mention.
	AutoAnswerChannels []string
}

// DefaultRateLimitBurst is the burst when Config.RateLimitBurst is 0.
const DefaultRateLimitBurst = 5

// defaultClaimLease covers a normal answer (well under a second) with room
// for Slack's slow moments; an instance that dies holding a claim delays
// that one answer by this much.
const defaultClaimLease = 20 * time.Second

func (c Config) socketMode() bool { return c.AppToken != "" }

func (c Config) mode() string {
	if c.socketMode() {
		return "socket"
	}
	return "http"
}

func (c Config) isAdmin(id string) bool { return id != "" && slices.Contains(c.AdminUserIDs, id) }

func (c Config) autoAnswers(channel string) bool {
	return channel != "" && slices.Contains(c.AutoAnswerChannels, channel)
}

func (c Config) isEditor(id string) bool {
	return c.isAdmin(id) || id != "" && slices.Contains(c.EditorUserIDs, id)
}

func (c Config) validate() error {
	switch {
	case c.BotToken == "":
		return errors.New("no bot token")
	case c.AppToken == "" && c.SigningSecret == "":
		return errors.New("neither an app token (Socket Mode) nor a signing secret (HTTP mode)")
	}
	return nil
}

// Deps is what the bot works with, each given explicitly.
type Deps struct {
	// Asker answers questions (required).
	Asker knowledge.Asker
	// Reloader reads the knowledge again on "/wie herlaad" from an admin;
	// nil: the knowledge cannot be reloaded (the embedded default).
	Reloader Reloader
	// Documents counts the documents answered from, for /readyz and the
	// metrics; nil: not reported.
	Documents func() int
	// Knowledge lists the loaded documents and their problems, for the
	// App Home (examples, the editors' report) and the digest; nil: none.
	Knowledge func() ([]knowledge.Document, []knowledge.Problem)
	// Store keeps questions and feedback and holds the claims that let
	// several instances answer once; nil: nothing is kept.
	Store store.Store
	// Metrics counts; nil: the bot makes its own.
	Metrics *metrics.Metrics
	// Now is the clock; nil: time.Now.
	Now func() time.Time
	// Page is served on ListenAddr for every path the bot does not serve
	// itself (/healthz, /readyz, /metrics, /slack/…): the who-is-who web
	// page when WEB_ENABLED is set; it brings its own sign-in. nil: none.
	Page http.Handler
	// Warnings says what /readyz should warn about the knowledge (stale
	// after a failed reload, the embedded example); nil: nothing.
	Warnings func() []string
	// Example says the bot answers from the embedded example documents:
	// every answer then says so.
	Example bool
}
