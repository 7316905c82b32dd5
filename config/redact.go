package config

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/rs/zerolog"
)

// redacted is what a set secret looks like in logs.
const redacted = "[redacted]"

// Redact hides a secret but keeps a known token prefix ("xoxb-[redacted]"),
// which is enough to tell a bot token from an app token when debugging. An
// empty secret stays empty, so "not set" remains visible.
func Redact(secret string) string {
	if secret == "" {
		return ""
	}
	for _, p := range []string{botTokenPrefix, appTokenPrefix, userTokenPrefix} {
		if strings.HasPrefix(secret, p) {
			return p + redacted
		}
	}
	return redacted
}

// redactedView is Config with the secrets replaced; every printed or logged
// form of Config goes through it.
type redactedView struct {
	SlackBotToken      string   `json:"slack_bot_token"`
	SlackAppToken      string   `json:"slack_app_token"`
	SlackSigningSecret string   `json:"slack_signing_secret"`
	ListenAddr         string   `json:"listen_addr"`
	KnowledgeDir       string   `json:"knowledge_dir"`
	IndexDir           string   `json:"index_dir"`
	LogLevel           string   `json:"log_level"`
	LogFormat          string   `json:"log_format"`
	SlackAPIURL        string   `json:"slack_api_url"`
	AdminUserIDs       []string `json:"admin_user_ids"`
	RateLimitPerMinute int      `json:"rate_limit_per_minute"`
	RateLimitBurst     int      `json:"rate_limit_burst"`
	ReloadPollInterval string   `json:"reload_poll_interval"`
	Mode               string   `json:"mode"`
	DataDir            string   `json:"data_dir"`
	DatabaseURL        string   `json:"database_url"`
}

func (c Config) view() redactedView {
	return redactedView{
		SlackBotToken:      Redact(c.SlackBotToken),
		SlackAppToken:      Redact(c.SlackAppToken),
		SlackSigningSecret: Redact(c.SlackSigningSecret),
		ListenAddr:         c.ListenAddr,
		KnowledgeDir:       c.KnowledgeDir,
		IndexDir:           c.IndexDir,
		LogLevel:           c.LogLevel,
		LogFormat:          c.LogFormat,
		SlackAPIURL:        c.SlackAPIURL,
		AdminUserIDs:       c.AdminUserIDs,
		RateLimitPerMinute: c.RateLimitPerMinute,
		RateLimitBurst:     c.Burst(),
		ReloadPollInterval: c.ReloadPollInterval.String(),
		Mode:               c.Mode(),
		DataDir:            c.DataDir,
		DatabaseURL:        redactURL(c.DatabaseURL),
	}
}

// redactURL hides a database URL's password (and a key=value string's
// password=…), keeping where it points.
func redactURL(raw string) string {
	if raw == "" {
		return ""
	}
	if u, err := url.Parse(raw); err == nil && u.Scheme != "" && u.Host != "" {
		if _, ok := u.User.Password(); ok {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
		}
		q := u.Query()
		if q.Has("password") {
			q.Set("password", "xxxxx")
			u.RawQuery = q.Encode()
		}
		return strings.Replace(u.String(), "xxxxx", redacted, -1)
	}
	if strings.Contains(raw, "password") || strings.Contains(raw, "://") {
		return redacted
	}
	return raw
}

// String shows the configuration with secrets redacted.
func (c Config) String() string {
	v := c.view()
	return fmt.Sprintf("Config{mode=%s listen_addr=%q knowledge_dir=%q index_dir=%q log_level=%q log_format=%q slack_api_url=%q admin_user_ids=%q rate_limit_per_minute=%d rate_limit_burst=%d reload_poll_interval=%s data_dir=%q database_url=%q slack_bot_token=%q slack_app_token=%q slack_signing_secret=%q}",
		v.Mode, v.ListenAddr, v.KnowledgeDir, v.IndexDir, v.LogLevel, v.LogFormat, v.SlackAPIURL, v.AdminUserIDs,
		v.RateLimitPerMinute, v.RateLimitBurst, v.ReloadPollInterval, v.DataDir, v.DatabaseURL, v.SlackBotToken, v.SlackAppToken, v.SlackSigningSecret)
}

// Format makes every fmt verb (%v, %+v, %#v, %s, %d …) print the redacted
// form; without it %#v and %+v would print the raw fields.
func (c Config) Format(f fmt.State, _ rune) {
	_, _ = io.WriteString(f, c.String())
}

// MarshalJSON redacts secrets, so zerolog's Interface and any JSON dump are
// safe too.
func (c Config) MarshalJSON() ([]byte, error) {
	return json.Marshal(c.view())
}

// MarshalZerologObject lets log lines carry the configuration:
// log.Info().Object("config", cfg).
func (c Config) MarshalZerologObject(e *zerolog.Event) {
	v := c.view()
	e.Str("mode", v.Mode).
		Str("listen_addr", v.ListenAddr).
		Str("knowledge_dir", v.KnowledgeDir).
		Str("index_dir", v.IndexDir).
		Str("log_level", v.LogLevel).
		Str("log_format", v.LogFormat).
		Str("slack_api_url", v.SlackAPIURL).
		Strs("admin_user_ids", v.AdminUserIDs).
		Int("rate_limit_per_minute", v.RateLimitPerMinute).
		Int("rate_limit_burst", v.RateLimitBurst).
		Str("reload_poll_interval", v.ReloadPollInterval).
		Str("data_dir", v.DataDir).
		Str("database_url", v.DatabaseURL).
		Str("slack_bot_token", v.SlackBotToken).
		Str("slack_app_token", v.SlackAppToken).
		Str("slack_signing_secret", v.SlackSigningSecret)
}
