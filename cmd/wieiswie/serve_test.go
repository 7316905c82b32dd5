package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/wieiswie/wieiswie/bot"
	"github.com/wieiswie/wieiswie/bot/slackfake"
)

const (
	serveTestBotToken = "xoxb-1-2-s3cr3tBOT"
	serveTestAppToken = "xapp-1-A1-3-s3cr3tAPP"
)

// serveLog is a stderr safe for the bot's goroutines.
type serveLog struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *serveLog) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *serveLog) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func serveEnv(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func noIndex(context.Context, string, string, zerolog.Logger) (bot.Asker, io.Closer, error) {
	return nil, nil, errors.New("no index in this test")
}

func TestRunServeConfigErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want string
	}{
		{"no bot token", nil, map[string]string{"SLACK_APP_TOKEN": serveTestAppToken}, "wieiswie serve: SLACK_BOT_TOKEN is not set"},
		{"tokens swapped", nil, map[string]string{"SLACK_BOT_TOKEN": serveTestAppToken, "SLACK_APP_TOKEN": serveTestBotToken}, "SLACK_BOT_TOKEN must start with xoxb-"},
		{"no transport", nil, map[string]string{"SLACK_BOT_TOKEN": serveTestBotToken}, "neither SLACK_APP_TOKEN nor SLACK_SIGNING_SECRET is set"},
		{"bad log level", nil, map[string]string{"SLACK_BOT_TOKEN": serveTestBotToken, "SLACK_APP_TOKEN": serveTestAppToken, "LOG_LEVEL": "chatty"}, `LOG_LEVEL "chatty" is not valid`},
		{"extra argument", []string{"now"}, nil, `unexpected argument "now"`},
		{"unknown flag", []string{"--port", "1"}, nil, "flag provided but not defined: -port"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			args := append([]string{"--env-file", filepath.Join(t.TempDir(), "none.env")}, tt.args...)
			code := runServe(context.Background(), args, &stdout, &stderr, serveEnv(tt.env), noIndex)
			if code != 2 {
				t.Errorf("exit code %d, want 2", code)
			}
			if !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("stderr = %q, want %q", stderr.String(), tt.want)
			}
			if strings.Contains(stderr.String(), "s3cr3t") {
				t.Errorf("stderr leaks a token: %q", stderr.String())
			}
		})
	}
}

func TestWithEnvFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, ".env")
	if err := os.WriteFile(path, []byte("# wieiswie\nSLACK_BOT_TOKEN=xoxb-from-file\nLOG_LEVEL=debug\nLISTEN_ADDR=\":9000\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	getenv, err := withEnvFile(serveEnv(map[string]string{"LOG_LEVEL": "warn"}), path)
	if err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]string{"SLACK_BOT_TOKEN": "xoxb-from-file", "LOG_LEVEL": "warn", "LISTEN_ADDR": ":9000", "INDEX_DIR": ""} {
		if got := getenv(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	if _, err := withEnvFile(nil, filepath.Join(dir, "missing.env")); err != nil {
		t.Errorf("a missing .env is an error: %v", err)
	}
	if err := os.WriteFile(path, []byte("NOT VALID LINE WITHOUT EQUALS\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := withEnvFile(nil, path); err == nil {
		t.Error("a malformed .env is accepted")
	}
}

func TestRunServeOpenFails(t *testing.T) {
	var out bytes.Buffer
	env := map[string]string{"SLACK_BOT_TOKEN": serveTestBotToken, "SLACK_APP_TOKEN": serveTestAppToken}
	code := runServe(context.Background(), []string{"--env-file", ""}, &out, &out, serveEnv(env), noIndex)
	if code != 1 || !strings.Contains(out.String(), "open index: no index in this test") {
		t.Errorf("exit %d, output %q", code, out.String())
	}
}

// TestRunServeSocketMode runs the whole serve command (config, logger, the
// real index from the embedded documents, Socket Mode) against a loopback
// Slack, asks one question and stops it with the context, as SIGTERM does.
func TestRunServeSocketMode(t *testing.T) {
	fake := slackfake.New(t, serveTestBotToken, serveTestAppToken)
	env := map[string]string{
		"SLACK_BOT_TOKEN": serveTestBotToken,
		"SLACK_APP_TOKEN": serveTestAppToken,
		"SLACK_API_URL":   strings.TrimSuffix(fake.APIURL(), "/"), // normalised by config
		"LISTEN_ADDR":     "127.0.0.1:0",
		"LOG_LEVEL":       "debug",
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr serveLog
	exit := make(chan int, 1)
	go func() {
		exit <- runServe(ctx, []string{"--env-file", ""}, &stdout, &stderr, serveEnv(env), openIndex)
	}()

	fake.WaitConnected()
	fake.Send("env-1", "events_api", slackfake.EventEnvelope("Ev1", map[string]any{
		"type": "app_mention", "user": "U0ASKER", "text": "<@UBOT0WIE> wie is algemeen directeur",
		"ts": "1700000000.000100", "channel": "C0ALGEMEEN", "event_ts": "1700000000.000100",
	}))
	fake.WaitAck("env-1")
	c := fake.NextCall()
	if c.Method != "chat.postMessage" || c.ThreadTS != "1700000000.000100" || !strings.Contains(string(c.Blocks), "Miet Gobert") || !strings.Contains(string(c.Blocks), "tel:+3250630100") {
		t.Fatalf("answer = %+v", c)
	}

	cancel()
	select {
	case code := <-exit:
		if code != 0 {
			t.Fatalf("exit code %d; stderr:\n%s", code, stderr.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop")
	}
	logs := stderr.String()
	if strings.Contains(logs, "s3cr3t") {
		t.Errorf("logs leak a token:\n%s", logs)
	}
	for _, want := range []string{`"message":"starting wieiswie"`, `"slack_bot_token":"xoxb-[redacted]"`, `"message":"knowledge indexed"`, `"message":"answered"`, `"message":"stopped"`} {
		if !strings.Contains(logs, want) {
			t.Errorf("logs lack %s:\n%s", want, logs)
		}
	}
}
