package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const (
	secretToken  = "xoxb-1111-2222-SECRETBOTTOKEN"
	secretSecret = "8f14e45fceea167a5a36dedd4bea2543"
)

// A malformed .env is reported by line and variable name; the token or
// secret on that line (or any other) never appears in the error.
func TestReadEnvFileErrorsHoldNoSecret(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       string
	}{
		{"unterminated quote", "LOG_LEVEL=info\nSLACK_BOT_TOKEN=\"" + secretToken + "\nLISTEN_ADDR=:8080\n", "line 2 (SLACK_BOT_TOKEN)"},
		{"missing =", "SLACK_BOT_TOKEN=" + secretToken + "\nSLACK_SIGNING_SECRET " + secretSecret + "\n", "line 2 (SLACK_SIGNING_SECRET)"},
		{"single quote", "export SLACK_BOT_TOKEN='" + secretToken + "\n", "line 1 (SLACK_BOT_TOKEN)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), ".env")
			os.WriteFile(path, []byte(tc.text), 0o600)
			_, err := ReadEnvFile(path)
			if err == nil {
				t.Fatal("malformed .env read without error")
			}
			msg := err.Error()
			if strings.Contains(msg, "SECRETBOTTOKEN") || strings.Contains(msg, secretSecret) || strings.Contains(msg, "xoxb-1111") {
				t.Errorf("error shows a secret: %s", msg)
			}
			if !strings.Contains(msg, tc.want) {
				t.Errorf("error %q does not say %q", msg, tc.want)
			}
		})
	}
	path := filepath.Join(t.TempDir(), ".env")
	os.WriteFile(path, []byte("# comment\nSLACK_BOT_TOKEN=\""+secretToken+"\"\n"), 0o600)
	if v, err := ReadEnvFile(path); err != nil || v[EnvSlackBotToken] != secretToken {
		t.Errorf("well-formed .env: %v", err)
	}
}

// Every configuration error is secret-free: a SLACK_API_URL with
// credentials in it is not echoed.
func TestConfigErrorsHoldNoSecret(t *testing.T) {
	for _, raw := range []string{"https://user:" + secretSecret + "@slack.example/api/", "https://" + secretToken + "@slack.example/api/", "ftp://" + secretSecret, "https://slack.example/api?token=" + secretToken} {
		_, err := FromEnv(mapEnv(map[string]string{EnvSlackAPIURL: raw}))
		if err == nil {
			t.Errorf("%s accepted", EnvSlackAPIURL)
			continue
		}
		if strings.Contains(err.Error(), secretSecret) || strings.Contains(err.Error(), "SECRETBOTTOKEN") {
			t.Errorf("error shows the secret: %v", err)
		}
	}
}

func TestKnowledgeDirMustExist(t *testing.T) {
	c := Config{SlackBotToken: secretToken, SlackAppToken: "xapp-1-A", ListenAddr: ":8080", KnowledgeDir: filepath.Join(t.TempDir(), "missing")}
	if err := c.ValidateForServe(); err == nil || !strings.Contains(err.Error(), EnvKnowledgeDir) {
		t.Errorf("missing folder: %v", err)
	}
	c.KnowledgeDir = t.TempDir()
	if err := c.ValidateForServe(); err != nil {
		t.Errorf("existing folder: %v", err)
	}
}

func TestWarnings(t *testing.T) {
	c := Config{SlackAppToken: "xapp-1-A", SlackSigningSecret: secretSecret, KnowledgeDir: "/k"}
	w := strings.Join(c.Warnings(), "\n")
	if !strings.Contains(w, EnvSlackSigningSecret+" is ignored") || strings.Contains(w, secretSecret) {
		t.Errorf("both tokens: %q", w)
	}
	c = Config{SlackAppToken: "xapp-1-A"}
	if w := strings.Join(c.Warnings(), "\n"); !strings.Contains(w, "EXAMPLE") {
		t.Errorf("no knowledge folder: %q", w)
	}
}

func TestReloadPollInterval(t *testing.T) {
	c, err := FromEnv(mapEnv(map[string]string{EnvReloadPoll: "30s"}))
	if err != nil || c.ReloadPollInterval != 30*time.Second {
		t.Errorf("30s: %v %v", c.ReloadPollInterval, err)
	}
	for _, bad := range []string{"30", "10ms", "-1m", "soms"} {
		if _, err := FromEnv(mapEnv(map[string]string{EnvReloadPoll: bad})); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func mapEnv(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
