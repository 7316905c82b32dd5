package config

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/rs/zerolog"
)

const (
	botToken = "xoxb-1111-2222-Zq9s3cr3tBOT"
	appToken = "xapp-1-A111-333-Zq9s3cr3tAPP"
	secret   = "8f742231b10e8888abcd99yyyzzz85a5"
)

func envOf(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestFromEnv(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		want    Config
		wantErr string
	}{
		{
			name: "defaults",
			env:  map[string]string{},
			want: Config{ListenAddr: ":8080", LogLevel: "info", LogFormat: "json", RateLimitPerMinute: 10, RateLimitBurst: 5,
				DataDir: "data", RetentionDays: 90, LogQuestions: true},
		},
		{
			name: "everything set, trimmed and normalised",
			env: map[string]string{
				EnvSlackBotToken:      " " + botToken + "\n",
				EnvSlackAppToken:      appToken,
				EnvSlackSigningSecret: secret,
				EnvListenAddr:         "127.0.0.1:9000",
				EnvKnowledgeDir:       "/data/kennis",
				EnvIndexDir:           "/data/index",
				EnvLogLevel:           "DEBUG",
				EnvLogFormat:          "Console",
				EnvSlackAPIURL:        "http://127.0.0.1:1234/api",
				EnvAdminUserIDs:       "U012AB3CD, W0ABC ,,",
				EnvRateLimit:          " 30 ",
				EnvRateLimitBurst:     "8",
				EnvDataDir:            "/var/lib/wieiswie",
				EnvDatabaseURL:        "postgres://wie:pw@db:5432/wieiswie",
				EnvStoreUserIDs:       "true",
				EnvRetentionDays:      "30",
				EnvLogQuestions:       "false",
				EnvEditorUserIDs:      "U0EDITOR",
				EnvReportChannel:      "C0REDACTIE",
			},
			want: Config{
				SlackBotToken: botToken, SlackAppToken: appToken, SlackSigningSecret: secret,
				ListenAddr: "127.0.0.1:9000", KnowledgeDir: "/data/kennis", IndexDir: "/data/index",
				LogLevel: "debug", LogFormat: "console", SlackAPIURL: "http://127.0.0.1:1234/api/",
				AdminUserIDs: []string{"U012AB3CD", "W0ABC"}, RateLimitPerMinute: 30, RateLimitBurst: 8,
				DataDir: "/var/lib/wieiswie", DatabaseURL: "postgres://wie:pw@db:5432/wieiswie", StoreUserIDs: true,
				RetentionDays: 30, LogQuestions: false, EditorUserIDs: []string{"U0EDITOR"}, ReportChannel: "C0REDACTIE",
			},
		},
		{name: "bad log level", env: map[string]string{EnvLogLevel: "verbose"}, wantErr: `LOG_LEVEL "verbose" is not valid`},
		{name: "bad log format", env: map[string]string{EnvLogFormat: "xml"}, wantErr: `LOG_FORMAT "xml" is not valid`},
		{name: "api url not http", env: map[string]string{EnvSlackAPIURL: "ftp://x/"}, wantErr: "SLACK_API_URL"},
		{name: "api url relative", env: map[string]string{EnvSlackAPIURL: "slack.com/api/"}, wantErr: "not a valid http(s) URL"},
		{name: "api url with query", env: map[string]string{EnvSlackAPIURL: "https://slack.com/api/?x=1"}, wantErr: "must not have"},
		{name: "rate limit off", env: map[string]string{EnvRateLimit: "0"}, want: Config{ListenAddr: ":8080", LogLevel: "info", LogFormat: "json", RateLimitPerMinute: 0, RateLimitBurst: 5,
			DataDir: "data", RetentionDays: 90, LogQuestions: true}},
		{name: "rate limit not a number", env: map[string]string{EnvRateLimit: "tien"}, wantErr: `RATE_LIMIT_PER_MINUTE "tien" is not a whole number`},
		{name: "rate limit negative", env: map[string]string{EnvRateLimit: "-1"}, wantErr: "RATE_LIMIT_PER_MINUTE"},
		{name: "burst zero", env: map[string]string{EnvRateLimitBurst: "0"}, wantErr: `RATE_LIMIT_BURST "0" is not a whole number of at least 1`},
		{name: "bad admin id", env: map[string]string{EnvAdminUserIDs: "U012AB3CD,jan"}, wantErr: `ADMIN_USER_IDS entry "jan"`},
		{name: "bad editor id", env: map[string]string{EnvEditorUserIDs: "piet"}, wantErr: `EDITOR_USER_IDS entry "piet"`},
		{name: "dedupe dir is gone", env: map[string]string{EnvDedupeDir: "/mnt/share"}, wantErr: "DEDUPE_DIR is no longer used: instances that answer together now share a PostgreSQL database; remove DEDUPE_DIR and set DATABASE_URL"},
		{name: "claim lease not a duration", env: map[string]string{EnvClaimLease: "20"}, wantErr: `CLAIM_LEASE "20" is not a duration`},
		{name: "retention zero", env: map[string]string{EnvRetentionDays: "0"}, wantErr: `RETENTION_DAYS "0" is not a whole number of at least 1`},
		{name: "store user ids not a bool", env: map[string]string{EnvStoreUserIDs: "misschien"}, wantErr: `STORE_USER_IDS "misschien" is not true or false`},
		{name: "report channel not an id", env: map[string]string{EnvReportChannel: "#redactie"}, wantErr: `REPORT_CHANNEL "#redactie" is not a Slack channel ID`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := FromEnv(envOf(tt.env))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("FromEnv error = %v, want containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("FromEnv: %v", err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("FromEnv =\n%#v\nwant\n%#v", got.view(), tt.want.view())
			}
		})
	}
}

func TestValidateForServe(t *testing.T) {
	base := func() Config {
		return Config{SlackBotToken: botToken, SlackAppToken: appToken, ListenAddr: ":8080", LogLevel: "info", LogFormat: "json"}
	}
	tests := []struct {
		name    string
		edit    func(*Config)
		wantErr string // empty: valid
	}{
		{name: "socket mode", edit: func(*Config) {}},
		{name: "http mode", edit: func(c *Config) { c.SlackAppToken = ""; c.SlackSigningSecret = secret }},
		{name: "both: socket mode wins", edit: func(c *Config) { c.SlackSigningSecret = secret }},
		{name: "no bot token", edit: func(c *Config) { c.SlackBotToken = "" }, wantErr: "SLACK_BOT_TOKEN is not set"},
		{name: "app token as bot token", edit: func(c *Config) { c.SlackBotToken = appToken }, wantErr: "SLACK_BOT_TOKEN must start with xoxb- (this is an app-level token; it belongs in SLACK_APP_TOKEN)"},
		{name: "user token as bot token", edit: func(c *Config) { c.SlackBotToken = "xoxp-123-Zq9s3cr3tUSR" }, wantErr: "this is a user token"},
		{name: "bot token only prefix", edit: func(c *Config) { c.SlackBotToken = "xoxb-" }, wantErr: "only the prefix"},
		{name: "bot token with space", edit: func(c *Config) { c.SlackBotToken = "xoxb-12 34" }, wantErr: "SLACK_BOT_TOKEN contains whitespace"},
		{name: "bot token as app token", edit: func(c *Config) { c.SlackAppToken = botToken }, wantErr: "SLACK_APP_TOKEN must start with xapp- (this is a bot token; it belongs in SLACK_BOT_TOKEN)"},
		{name: "neither app token nor secret", edit: func(c *Config) { c.SlackAppToken = "" }, wantErr: "neither SLACK_APP_TOKEN nor SLACK_SIGNING_SECRET is set"},
		{name: "secret with whitespace", edit: func(c *Config) { c.SlackAppToken = ""; c.SlackSigningSecret = "ab cd" }, wantErr: "SLACK_SIGNING_SECRET contains whitespace"},
		{name: "bad listen addr", edit: func(c *Config) { c.ListenAddr = "8080" }, wantErr: `LISTEN_ADDR "8080" is not host:port`},
		{name: "bad listen port", edit: func(c *Config) { c.ListenAddr = ":http-alt" }, wantErr: "no valid port"},
		{name: "bad log level", edit: func(c *Config) { c.LogLevel = "loud" }, wantErr: "LOG_LEVEL"},
		{name: "bad log format", edit: func(c *Config) { c.LogFormat = "text" }, wantErr: "LOG_FORMAT"},
		{name: "api url without slash", edit: func(c *Config) { c.SlackAPIURL = "https://slack.com/api" }, wantErr: `must end in "/"`},
		{name: "api url fine", edit: func(c *Config) { c.SlackAPIURL = "http://127.0.0.1:1/api/" }},
		{name: "negative rate limit", edit: func(c *Config) { c.RateLimitPerMinute = -5 }, wantErr: "RATE_LIMIT_PER_MINUTE -5 is negative"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := base()
			tt.edit(&c)
			err := c.ValidateForServe()
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("ValidateForServe: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("ValidateForServe error = %v, want containing %q", err, tt.wantErr)
			}
			msg := err.Error()
			if strings.Contains(msg, "\n") {
				t.Errorf("error is not one line: %q", msg)
			}
			for _, s := range []string{"s3cr3t", secret} {
				if strings.Contains(msg, s) {
					t.Errorf("error leaks a secret: %q", msg)
				}
			}
		})
	}
}

func TestModeAndLevel(t *testing.T) {
	c := Config{SlackAppToken: appToken, LogLevel: "warn"}
	if !c.SocketMode() || c.Mode() != "socket" {
		t.Errorf("with app token: SocketMode=%v Mode=%q", c.SocketMode(), c.Mode())
	}
	if c.Level() != zerolog.WarnLevel {
		t.Errorf("Level = %v", c.Level())
	}
	c = Config{SlackSigningSecret: secret}
	if c.SocketMode() || c.Mode() != "http" || c.Level() != zerolog.InfoLevel {
		t.Errorf("without app token: SocketMode=%v Mode=%q Level=%v", c.SocketMode(), c.Mode(), c.Level())
	}
	if (Config{AdminUserIDs: []string{"U1"}}).IsAdmin("U2") || !(Config{AdminUserIDs: []string{"U1"}}).IsAdmin("U1") {
		t.Error("IsAdmin")
	}
	if (Config{}).Burst() != DefaultRateLimitBurst || (Config{RateLimitBurst: 2}).Burst() != 2 {
		t.Error("Burst")
	}
}

// TestSecretsNeverPrinted formats a Config every way a log line might.
func TestSecretsNeverPrinted(t *testing.T) {
	c := Config{SlackBotToken: botToken, SlackAppToken: appToken, SlackSigningSecret: secret, ListenAddr: ":8080", LogLevel: "info", LogFormat: "json"}

	var logBuf bytes.Buffer
	log := zerolog.New(&logBuf)
	log.Info().Object("config", c).Msg("starting")
	log.Info().Interface("config", c).Msg("starting")
	log.Info().Stringer("config", c).Msg("starting")
	js, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	outputs := map[string]string{
		"%v":     fmt.Sprintf("%v", c),
		"%+v":    fmt.Sprintf("%+v", c),
		"%#v":    fmt.Sprintf("%#v", c),
		"%s":     fmt.Sprintf("%s", c),
		"%d":     fmt.Sprintf("%d", c),
		"ptr %v": fmt.Sprintf("%v", &c),
		"String": c.String(),
		"json":   string(js),
		"log":    logBuf.String(),
	}
	for name, out := range outputs {
		for _, s := range []string{"s3cr3t", secret} {
			if strings.Contains(out, s) {
				t.Errorf("%s leaks a secret: %s", name, out)
			}
		}
		if !strings.Contains(out, "xoxb-[redacted]") || !strings.Contains(out, "xapp-[redacted]") {
			t.Errorf("%s does not show the redacted token kinds: %s", name, out)
		}
	}
	if Redact("") != "" {
		t.Error("Redact of an empty secret should stay empty")
	}
}

// The database password never shows in any printed form of the
// configuration; where the database is does.
func TestDatabaseURLRedacted(t *testing.T) {
	for _, raw := range []string{
		"postgres://wie:Sup3rGeheim@db:5432/wieiswie?sslmode=disable",
		"postgres://wie@db/wieiswie?password=Sup3rGeheim",
		"host=db user=wie password=Sup3rGeheim dbname=wieiswie",
	} {
		c := Config{DatabaseURL: raw}
		var b strings.Builder
		log := zerolog.New(&b)
		log.Info().Object("config", c).Msg("")
		j, _ := c.MarshalJSON()
		for _, out := range []string{c.String(), fmt.Sprintf("%#v", c), string(j), b.String()} {
			if strings.Contains(out, "Sup3rGeheim") {
				t.Errorf("%q shows the password: %s", raw, out)
			}
		}
		if strings.HasPrefix(raw, "postgres://") && !strings.Contains(c.String(), "db") {
			t.Errorf("%q: where the database is was hidden too: %s", raw, c.String())
		}
	}
}
