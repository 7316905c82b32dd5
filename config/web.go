package config

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/crypto/bcrypt"
)

// Settings of the who-is-who web page and of answering without a mention.
const (
	EnvWebEnabled         = "WEB_ENABLED"
	EnvWebUsers           = "WEB_USERS"
	EnvWebAuthHeader      = "WEB_AUTH_HEADER"
	EnvAutoAnswerChannels = "AUTO_ANSWER_CHANNELS"
)

// WebUser is one WEB_USERS entry: a name and its bcrypt hash, as
// `htpasswd -nbB user password` writes them.
type WebUser struct {
	Name string
	Hash []byte
}

// Web holds the settings of the web page.
type Web struct {
	// Enabled serves the page beside the bot in `serve`; `wieiswie web`
	// serves it regardless.
	Enabled bool
	// Users may sign in with basic auth; none: no password asked.
	Users []WebUser
	// AuthHeader is the request header in which a trusted reverse proxy
	// passes the signed-in user (single sign-on); empty: not trusted.
	AuthHeader string
}

// readWeb reads the web settings and AUTO_ANSWER_CHANNELS. The error names
// the setting and the entry, never a hash.
func readWeb(get func(string) string) (Web, []string, error) {
	var w Web
	if raw := get(EnvWebEnabled); raw != "" {
		on, err := strconv.ParseBool(raw)
		if err != nil {
			return w, nil, fmt.Errorf("%s %q is not valid: use true or false", EnvWebEnabled, raw)
		}
		w.Enabled = on
	}
	users, err := parseWebUsers(get(EnvWebUsers))
	if err != nil {
		return w, nil, err
	}
	w.Users = users
	w.AuthHeader = get(EnvWebAuthHeader)
	if w.AuthHeader != "" && !isHeaderName(w.AuthHeader) {
		return w, nil, fmt.Errorf("%s %q is not a header name: use e.g. X-Forwarded-User", EnvWebAuthHeader, w.AuthHeader)
	}
	channels := splitList(get(EnvAutoAnswerChannels))
	for _, c := range channels {
		if !looksLikeChannelID(c) {
			return w, nil, fmt.Errorf("%s entry %q is not a Slack channel ID (like C012AB3CD): give a comma-separated list of channel IDs", EnvAutoAnswerChannels, c)
		}
	}
	return w, channels, nil
}

// parseWebUsers reads comma-separated user:bcrypt-hash entries and checks
// that each hash is a bcrypt hash, so a typo shows at start-up and not as
// a sign-in that never works.
func parseWebUsers(raw string) ([]WebUser, error) {
	var users []WebUser
	seen := map[string]bool{}
	for i, entry := range splitList(raw) {
		name, hash, ok := strings.Cut(entry, ":")
		name = strings.TrimSpace(name)
		if !ok || name == "" {
			return nil, fmt.Errorf("%s entry %d is not user:bcrypt-hash: write it as `htpasswd -nbB user password` does", EnvWebUsers, i+1)
		}
		if _, err := bcrypt.Cost([]byte(hash)); err != nil {
			return nil, fmt.Errorf("%s entry %d (user %q) has no valid bcrypt hash: make it with `htpasswd -nbB %s password`", EnvWebUsers, i+1, name, name)
		}
		if seen[name] {
			return nil, fmt.Errorf("%s names user %q twice", EnvWebUsers, name)
		}
		seen[name] = true
		users = append(users, WebUser{Name: name, Hash: []byte(hash)})
	}
	return users, nil
}

// isHeaderName accepts the token characters of an HTTP field name.
func isHeaderName(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("!#$%&'*+-.^_`|~", r)) {
			return false
		}
	}
	return s != ""
}

// AutoAnswers reports whether top-level questions in channel are answered
// without a mention (AUTO_ANSWER_CHANNELS).
func (c Config) AutoAnswers(channel string) bool {
	return contains(c.AutoAnswerChannels, channel)
}

// ValidateForWeb checks what `wieiswie web` needs: no Slack token, only a
// valid listen address besides the common settings.
func (c Config) ValidateForWeb() error {
	if err := c.validateCommon(); err != nil {
		return err
	}
	return checkListenAddr(c.ListenAddr)
}
