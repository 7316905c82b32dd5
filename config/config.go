// Package config reads wieiswie's settings from the environment and checks
// them before the bot starts, so a wrong token or a typo in LOG_LEVEL is one
// clear line at start-up instead of a puzzling failure later. Secrets never
// leave this package unredacted: String, Format, MarshalJSON and
// MarshalZerologObject all hide them.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/rs/zerolog"
)

// Environment variable names.
const (
	EnvSlackBotToken      = "SLACK_BOT_TOKEN"
	EnvSlackAppToken      = "SLACK_APP_TOKEN"
	EnvSlackSigningSecret = "SLACK_SIGNING_SECRET"
	EnvListenAddr         = "LISTEN_ADDR"
	EnvKnowledgeDir       = "KNOWLEDGE_DIR"
	EnvIndexDir           = "INDEX_DIR"
	EnvLogLevel           = "LOG_LEVEL"
	EnvLogFormat          = "LOG_FORMAT"
	EnvSlackAPIURL        = "SLACK_API_URL"
	EnvAdminUserIDs       = "ADMIN_USER_IDS"
	EnvRateLimit          = "RATE_LIMIT_PER_MINUTE"
	EnvRateLimitBurst     = "RATE_LIMIT_BURST"
	EnvReloadPoll         = "RELOAD_POLL_INTERVAL"
	EnvDataDir            = "DATA_DIR"
	EnvDatabaseURL        = "DATABASE_URL"
	EnvStoreUserIDs       = "STORE_USER_IDS"
	EnvRetentionDays      = "RETENTION_DAYS"
	EnvLogQuestions       = "LOG_QUESTIONS"
	EnvEditorUserIDs      = "EDITOR_USER_IDS"
	EnvReportChannel      = "REPORT_CHANNEL"
	EnvClaimLease         = "CLAIM_LEASE"
	// EnvDedupeDir is no longer read: several instances share DATABASE_URL.
	// Setting it is an error that says so.
	EnvDedupeDir = "DEDUPE_DIR"
)

// Defaults for settings that may be left unset.
const (
	DefaultListenAddr = ":8080"
	DefaultLogLevel   = "info"
	DefaultLogFormat  = "json"
	// Ten questions a minute, five in a row, is more than a person types
	// and less than a script needs to drown the bot.
	DefaultRateLimitPerMinute = 10
	DefaultRateLimitBurst     = 5
	// DefaultDataDir holds the embedded SQLite store, relative to the
	// working directory.
	DefaultDataDir = "data"
	// DefaultRetentionDays: records older than this are deleted daily.
	DefaultRetentionDays = 90
)

// Log formats.
const (
	LogFormatJSON    = "json"
	LogFormatConsole = "console"
)

// Token prefixes Slack uses; they tell the token kinds apart.
const (
	botTokenPrefix  = "xoxb-"
	appTokenPrefix  = "xapp-"
	userTokenPrefix = "xoxp-"
)

// logLevels are the LOG_LEVEL values accepted, in zerolog's spelling.
var logLevels = []string{"trace", "debug", "info", "warn", "error", "fatal", "panic", "disabled"}

// Config is every setting of wieiswie.
type Config struct {
	SlackBotToken      string // xoxb-…: posts answers (chat:write)
	SlackAppToken      string // xapp-…: Socket Mode; when empty the bot serves HTTP
	SlackSigningSecret string // verifies HTTP-mode requests
	ListenAddr         string // HTTP server: /healthz, and /slack/* in HTTP mode
	KnowledgeDir       string // documents; empty: the embedded seed documents
	IndexDir           string // where the search index is kept; empty: in memory
	LogLevel           string // trace, debug, info, warn, error, fatal, panic, disabled
	LogFormat          string // json or console
	SlackAPIURL        string // Web API base URL ending in "/"; empty: Slack's own
	AdminUserIDs       []string
	// RateLimitPerMinute is how many questions one Slack user may ask a
	// minute; 0 turns the limit off. FromEnv fills in the default, so only
	// a Config built by hand is unlimited without saying so.
	RateLimitPerMinute int
	// RateLimitBurst is how many questions a user may ask in a row before
	// the per-minute rate applies; 0: DefaultRateLimitBurst.
	RateLimitBurst int
	// Web is the who-is-who web page (WEB_ENABLED, WEB_USERS,
	// WEB_AUTH_HEADER).
	Web Web
	// AutoAnswerChannels are the channel IDs where top-level who-questions
	// are answered without a mention.
	AutoAnswerChannels []string
	// ReloadPollInterval, when set, scans the knowledge folder that often
	// for changes, besides watching it: on a network share (SMB/CIFS, NFS)
	// changes made elsewhere are never notified. 0: watch only.
	ReloadPollInterval time.Duration
	// DataDir holds the SQLite store when DatabaseURL is empty.
	DataDir string
	// DatabaseURL is a PostgreSQL connection string: the store that
	// several instances share (and answer each question once through).
	DatabaseURL string
	// StoreUserIDs keeps Slack user IDs in the store; by default only a
	// keyed hash is kept.
	StoreUserIDs bool
	// RetentionDays: stored questions and feedback older than this are
	// deleted daily.
	RetentionDays int
	// LogQuestions writes question texts in the log (default true).
	LogQuestions bool
	// EditorUserIDs see the editors' report in the App Home tab (admins do
	// too).
	EditorUserIDs []string
	// ReportChannel gets a weekly digest of the report; empty: none.
	ReportChannel string
	// ClaimLease is how long another instance waits before it answers a
	// question whose claimant died; 0: the bot's default (20 s).
	ClaimLease time.Duration
}

// FromEnv reads the settings through getenv (os.Getenv, or a test's map),
// trims stray whitespace, fills defaults and normalises SLACK_API_URL to end
// in "/". It reports malformed values that are wrong for every command (log
// level and format, API URL, admin IDs); checks that only matter for the bot
// are in ValidateForServe.
func FromEnv(getenv func(string) string) (Config, error) {
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	get := func(name string) string { return strings.TrimSpace(getenv(name)) }
	c := Config{
		SlackBotToken:      get(EnvSlackBotToken),
		SlackAppToken:      get(EnvSlackAppToken),
		SlackSigningSecret: get(EnvSlackSigningSecret),
		ListenAddr:         get(EnvListenAddr),
		KnowledgeDir:       get(EnvKnowledgeDir),
		IndexDir:           get(EnvIndexDir),
		LogLevel:           strings.ToLower(get(EnvLogLevel)),
		LogFormat:          strings.ToLower(get(EnvLogFormat)),
		SlackAPIURL:        get(EnvSlackAPIURL),
		AdminUserIDs:       splitList(get(EnvAdminUserIDs)),
		DataDir:            get(EnvDataDir),
		DatabaseURL:        get(EnvDatabaseURL),
		EditorUserIDs:      splitList(get(EnvEditorUserIDs)),
		ReportChannel:      get(EnvReportChannel),
	}
	if get(EnvDedupeDir) != "" {
		return c, fmt.Errorf("%s is no longer used: instances that answer together now share a PostgreSQL database; remove %s and set %s (e.g. postgres://wieiswie@db:5432/wieiswie) on every instance",
			EnvDedupeDir, EnvDedupeDir, EnvDatabaseURL)
	}
	if c.DataDir == "" {
		c.DataDir = DefaultDataDir
	}
	if c.ListenAddr == "" {
		c.ListenAddr = DefaultListenAddr
	}
	if c.LogLevel == "" {
		c.LogLevel = DefaultLogLevel
	}
	if c.LogFormat == "" {
		c.LogFormat = DefaultLogFormat
	}
	if c.SlackAPIURL != "" && !strings.HasSuffix(c.SlackAPIURL, "/") {
		c.SlackAPIURL += "/"
	}
	var err error
	if c.RateLimitPerMinute, err = parseCount(EnvRateLimit, get(EnvRateLimit), DefaultRateLimitPerMinute, 0,
		"questions per user per minute, e.g. 10, or 0 to turn the limit off"); err != nil {
		return c, err
	}
	if c.RateLimitBurst, err = parseCount(EnvRateLimitBurst, get(EnvRateLimitBurst), DefaultRateLimitBurst, 1,
		"questions a user may ask in a row, e.g. 5"); err != nil {
		return c, err
	}
	if raw := get(EnvReloadPoll); raw != "" {
		if c.ReloadPollInterval, err = time.ParseDuration(raw); err != nil || c.ReloadPollInterval < time.Second {
			return c, fmt.Errorf("%s %q is not a duration of at least 1s: give e.g. 30s, or leave it unset to only watch the folder", EnvReloadPoll, raw)
		}
	}
	if c.Web, c.AutoAnswerChannels, err = readWeb(get); err != nil {
		return c, err
	}
	if c.RetentionDays, err = parseCount(EnvRetentionDays, get(EnvRetentionDays), DefaultRetentionDays, 1,
		"days to keep stored questions and feedback, e.g. 90"); err != nil {
		return c, err
	}
	if raw := get(EnvClaimLease); raw != "" {
		if c.ClaimLease, err = time.ParseDuration(raw); err != nil || c.ClaimLease <= 0 {
			return c, fmt.Errorf("%s %q is not a duration: use e.g. 20s", EnvClaimLease, raw)
		}
	}
	if c.StoreUserIDs, err = parseBool(EnvStoreUserIDs, get(EnvStoreUserIDs), false); err != nil {
		return c, err
	}
	if c.LogQuestions, err = parseBool(EnvLogQuestions, get(EnvLogQuestions), true); err != nil {
		return c, err
	}
	if err := c.validateCommon(); err != nil {
		return c, err
	}
	return c, nil
}

// parseBool reads true/false (also 1/0, yes/no, on/off); empty gives def.
func parseBool(name, raw string, def bool) (bool, error) {
	switch strings.ToLower(raw) {
	case "":
		return def, nil
	case "true", "1", "yes", "on":
		return true, nil
	case "false", "0", "no", "off":
		return false, nil
	}
	return def, fmt.Errorf("%s %q is not true or false", name, raw)
}

// ValidateForServe checks everything the Slack bot needs. The error is one
// English line naming the setting and saying how to fix it; it never
// contains a secret.
func (c Config) ValidateForServe() error {
	if err := c.validateCommon(); err != nil {
		return err
	}
	if err := checkToken(EnvSlackBotToken, c.SlackBotToken, botTokenPrefix, true,
		"the Bot User OAuth Token from your Slack app's \"OAuth & Permissions\" page"); err != nil {
		return err
	}
	if err := checkToken(EnvSlackAppToken, c.SlackAppToken, appTokenPrefix, false,
		"an app-level token with the connections:write scope (\"Basic Information\" → \"App-Level Tokens\")"); err != nil {
		return err
	}
	if c.SlackAppToken == "" && c.SlackSigningSecret == "" {
		return fmt.Errorf("neither %s nor %s is set: set %s for Socket Mode (the default) or %s for HTTP mode",
			EnvSlackAppToken, EnvSlackSigningSecret, EnvSlackAppToken, EnvSlackSigningSecret)
	}
	if c.SlackAppToken == "" && strings.ContainsFunc(c.SlackSigningSecret, isSpace) {
		return fmt.Errorf("%s contains whitespace: copy it again from your Slack app's \"Basic Information\" page", EnvSlackSigningSecret)
	}
	if err := checkListenAddr(c.ListenAddr); err != nil {
		return err
	}
	if err := CheckFolder(EnvKnowledgeDir, c.KnowledgeDir); err != nil {
		return err
	}
	return nil
}

// Warnings are settings that work but are probably not what was meant,
// for the start-up log.
func (c Config) Warnings() []string {
	var out []string
	if c.SlackAppToken != "" && c.SlackSigningSecret != "" {
		out = append(out, fmt.Sprintf("both %s and %s are set: Socket Mode is used and %s is ignored; unset one of them",
			EnvSlackAppToken, EnvSlackSigningSecret, EnvSlackSigningSecret))
	}
	if c.KnowledgeDir == "" {
		out = append(out, fmt.Sprintf("%s is not set: answering from the embedded EXAMPLE documents (Knokke-Heist), not your organisation's; set %s to your documents folder",
			EnvKnowledgeDir, EnvKnowledgeDir))
	}
	return out
}

// CheckFolder checks that a folder setting (or flag) name, when set,
// names a folder.
func CheckFolder(name, dir string) error {
	if dir == "" {
		return nil
	}
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s %q does not exist: give the folder that holds the documents", name, dir)
	case err != nil:
		return fmt.Errorf("%s %q cannot be read: %v", name, dir, errors.Unwrap(err))
	case !fi.IsDir():
		return fmt.Errorf("%s %q is a file, not a folder", name, dir)
	}
	return nil
}

// SocketMode reports whether the bot connects out over Socket Mode (an app
// token is set) rather than serving Slack's HTTP requests.
func (c Config) SocketMode() bool { return c.SlackAppToken != "" }

// Mode names the transport for logs: "socket" or "http".
func (c Config) Mode() string {
	if c.SocketMode() {
		return "socket"
	}
	return "http"
}

// Burst is RateLimitBurst, or its default when unset.
func (c Config) Burst() int {
	if c.RateLimitBurst <= 0 {
		return DefaultRateLimitBurst
	}
	return c.RateLimitBurst
}

// Level is LogLevel as a zerolog level (info when unset or invalid; FromEnv
// and ValidateForServe report invalid ones).
func (c Config) Level() zerolog.Level {
	if c.LogLevel == "" {
		return zerolog.InfoLevel
	}
	l, err := zerolog.ParseLevel(c.LogLevel)
	if err != nil {
		return zerolog.InfoLevel
	}
	return l
}

// IsAdmin reports whether the Slack user ID is in ADMIN_USER_IDS.
func (c Config) IsAdmin(userID string) bool {
	for _, id := range c.AdminUserIDs {
		if id == userID {
			return true
		}
	}
	return false
}

func (c Config) validateCommon() error {
	if c.LogLevel != "" && !contains(logLevels, c.LogLevel) {
		return fmt.Errorf("%s %q is not valid: use one of %s", EnvLogLevel, c.LogLevel, strings.Join(logLevels, ", "))
	}
	if c.LogFormat != "" && c.LogFormat != LogFormatJSON && c.LogFormat != LogFormatConsole {
		return fmt.Errorf("%s %q is not valid: use %s or %s", EnvLogFormat, c.LogFormat, LogFormatJSON, LogFormatConsole)
	}
	if c.SlackAPIURL != "" {
		if err := checkAPIURL(c.SlackAPIURL); err != nil {
			return err
		}
	}
	if c.RateLimitPerMinute < 0 {
		return fmt.Errorf("%s %d is negative: use e.g. 10, or 0 to turn the limit off", EnvRateLimit, c.RateLimitPerMinute)
	}
	if c.RateLimitBurst < 0 {
		return fmt.Errorf("%s %d is negative: use e.g. 5", EnvRateLimitBurst, c.RateLimitBurst)
	}
	for name, ids := range map[string][]string{EnvAdminUserIDs: c.AdminUserIDs, EnvEditorUserIDs: c.EditorUserIDs} {
		for _, id := range ids {
			if !looksLikeUserID(id) {
				return fmt.Errorf("%s entry %q is not a Slack user ID (like U012AB3CD): give a comma-separated list of member IDs", name, id)
			}
		}
	}
	if c.ReportChannel != "" && !looksLikeChannelID(c.ReportChannel) {
		return fmt.Errorf("%s %q is not a Slack channel ID (like C012AB3CD): open the channel's details and copy the ID at the bottom", EnvReportChannel, c.ReportChannel)
	}
	if c.RetentionDays < 0 {
		return fmt.Errorf("%s %d is negative: use e.g. 90", EnvRetentionDays, c.RetentionDays)
	}
	return nil
}

// looksLikeChannelID accepts public (C…) and private (G…) channel IDs.
func looksLikeChannelID(id string) bool {
	return len(id) >= 3 && (id[0] == 'C' || id[0] == 'G') && looksLikeUserID("U"+id[1:])
}

// checkToken validates a token by its prefix. The message names the kind of
// token that was given instead (people paste the wrong one), never the value.
func checkToken(name, value, prefix string, required bool, what string) error {
	if value == "" {
		if required {
			return fmt.Errorf("%s is not set: it is %s and starts with %s", name, what, prefix)
		}
		return nil
	}
	if strings.ContainsFunc(value, isSpace) {
		return fmt.Errorf("%s contains whitespace: copy the token again (it starts with %s)", name, prefix)
	}
	if strings.HasPrefix(value, prefix) {
		if len(value) == len(prefix) {
			return fmt.Errorf("%s is only the prefix %s: copy the whole token", name, prefix)
		}
		return nil
	}
	hint := ""
	switch {
	case strings.HasPrefix(value, botTokenPrefix):
		hint = fmt.Sprintf(" (this is a bot token; it belongs in %s)", EnvSlackBotToken)
	case strings.HasPrefix(value, appTokenPrefix):
		hint = fmt.Sprintf(" (this is an app-level token; it belongs in %s)", EnvSlackAppToken)
	case strings.HasPrefix(value, userTokenPrefix):
		hint = " (this is a user token; the bot needs its own token)"
	}
	return fmt.Errorf("%s must start with %s%s: it is %s", name, prefix, hint, what)
}

// checkAPIURL checks SLACK_API_URL. Its errors never quote the value: a
// URL with credentials in it would print them.
func checkAPIURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%s is not a valid http(s) URL: use e.g. https://slack.com/api/", EnvSlackAPIURL)
	}
	if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return fmt.Errorf("%s must not have credentials, a query or a fragment: use e.g. https://slack.com/api/", EnvSlackAPIURL)
	}
	if !strings.HasSuffix(u.Path, "/") {
		return fmt.Errorf("%s must end in \"/\": use e.g. https://slack.com/api/", EnvSlackAPIURL)
	}
	return nil
}

func checkListenAddr(addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("%s %q is not host:port: use e.g. :8080 or 127.0.0.1:8080", EnvListenAddr, addr)
	}
	n, err := strconv.Atoi(port)
	if err != nil || n < 0 || n > 65535 {
		return fmt.Errorf("%s %q has no valid port: use e.g. :8080", EnvListenAddr, addr)
	}
	if strings.ContainsFunc(host, isSpace) {
		return fmt.Errorf("%s %q has whitespace in the host: use e.g. :8080", EnvListenAddr, addr)
	}
	return nil
}

// looksLikeUserID accepts Slack member IDs: U… or W… followed by upper-case
// letters and digits.
func looksLikeUserID(id string) bool {
	if len(id) < 3 || (id[0] != 'U' && id[0] != 'W') {
		return false
	}
	for _, r := range id[1:] {
		if (r < 'A' || r > 'Z') && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// parseCount reads a whole number of at least min; empty gives def. what
// says what the number means, for the error.
func parseCount(name, raw string, def, min int, what string) (int, error) {
	if raw == "" {
		return def, nil
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < min {
		return def, fmt.Errorf("%s %q is not a whole number of at least %d: give the %s", name, raw, min, what)
	}
	return n, nil
}

func splitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }
