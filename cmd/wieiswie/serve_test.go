package main

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/wieiswie/wieiswie/config"
	"github.com/wieiswie/wieiswie/internal/slackfake"
	"github.com/wieiswie/wieiswie/knowledge"
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

func noIndex(context.Context, config.Config, zerolog.Logger) (answerer, error) {
	return answerer{}, errors.New("no index in this test")
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
		{"bad rate limit", nil, map[string]string{"SLACK_BOT_TOKEN": serveTestBotToken, "SLACK_APP_TOKEN": serveTestAppToken, "RATE_LIMIT_PER_MINUTE": "veel"}, `RATE_LIMIT_PER_MINUTE "veel" is not a whole number`},
		{"extra argument", []string{"now"}, nil, `unexpected argument "now"`},
		{"unknown flag", []string{"--port", "1"}, nil, "flag provided but not defined: -port"},
		{"missing knowledge folder", nil, map[string]string{"SLACK_BOT_TOKEN": serveTestBotToken, "SLACK_APP_TOKEN": serveTestAppToken, "KNOWLEDGE_DIR": "/nonexistent/kennis"}, `KNOWLEDGE_DIR "/nonexistent/kennis" does not exist`},
		{"bad poll interval", nil, map[string]string{"SLACK_BOT_TOKEN": serveTestBotToken, "SLACK_APP_TOKEN": serveTestAppToken, "RELOAD_POLL_INTERVAL": "30"}, `RELOAD_POLL_INTERVAL "30" is not a duration`},
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
		"DATA_DIR":        t.TempDir(),
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
	if !strings.Contains(string(c.Blocks), "voorbeeldkennis — stel KNOWLEDGE_DIR in") {
		t.Errorf("an answer from the example documents does not say so: %s", c.Blocks)
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
	for _, want := range []string{`"message":"starting wieiswie"`, `"slack_bot_token":"xoxb-[redacted]"`, `"message":"knowledge indexed"`, `"message":"answered"`, `"message":"stopped"`,
		`"message":"KNOWLEDGE_DIR is not set: answering from the embedded EXAMPLE documents`} {
		if !strings.Contains(logs, want) {
			t.Errorf("logs lack %s:\n%s", want, logs)
		}
	}
}

// reportingAsker is an Asker that reloads by itself and reports it, as the
// knowledge folder's watcher does.
type reportingAsker struct {
	knowledge.Asker
	mu     sync.Mutex
	report func(error)
}

func (a *reportingAsker) ReportReloads(report func(error)) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.report = report
}

func (a *reportingAsker) reported(err error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.report != nil {
		a.report(err)
	}
}

// TestRunServeHTTPMode runs serve in HTTP mode: /readyz turns ready, a
// signed mention is answered, and /metrics counts it together with the
// reloads the Asker reports.
func TestRunServeHTTPMode(t *testing.T) {
	fake := slackfake.New(t, serveTestBotToken, serveTestAppToken)
	const secret = "s3cr3t-signing"
	env := map[string]string{
		"SLACK_BOT_TOKEN":      serveTestBotToken,
		"SLACK_SIGNING_SECRET": secret,
		"SLACK_API_URL":        fake.APIURL(),
		"LISTEN_ADDR":          "127.0.0.1:0",
		"DATA_DIR":             t.TempDir(),
	}
	asker := &reportingAsker{}
	open := func(ctx context.Context, cfg config.Config, log zerolog.Logger) (answerer, error) {
		a, err := openIndex(ctx, cfg, log)
		asker.Asker = a.asker
		a.asker, a.reportReloads = asker, asker.ReportReloads
		return a, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stderr serveLog
	exit := make(chan int, 1)
	go func() { exit <- runServe(ctx, []string{"--env-file", ""}, io.Discard, &stderr, serveEnv(env), open) }()

	base := "http://" + waitListening(t, &stderr)
	waitStatus(t, base+"/readyz", http.StatusOK)
	asker.reported(nil)
	asker.reported(errors.New("folder gone"))

	body := `{"type":"event_callback","event_id":"Ev1","event":{"type":"app_mention","user":"U0ASKER","text":"<@UBOT0WIE> wie is algemeen directeur","ts":"1700000000.000100","channel":"C0ALGEMEEN"}}`
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte("v0:" + ts + ":" + body))
	req, _ := http.NewRequest(http.MethodPost, base+"/slack/events", strings.NewReader(body))
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("event: %v %v", resp, err)
	}
	resp.Body.Close()
	if c := fake.NextCall(); !strings.Contains(string(c.Blocks), "Miet Gobert") {
		t.Fatalf("answer = %+v", c)
	}

	metricsText := get(t, base+"/metrics")
	for _, want := range []string{
		`wieiswie_questions_asked_total{kind="mention"} 1`,
		"wieiswie_reloads_total 2",
		"wieiswie_reload_failures_total 1",
		"wieiswie_slack_connected 1",
	} {
		if !strings.Contains(metricsText, want) {
			t.Errorf("/metrics lacks %q", want)
		}
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
	if logs := stderr.String(); strings.Contains(logs, "s3cr3t") || !strings.Contains(logs, `"rate_limit_per_minute":10`) {
		t.Errorf("logs leak a secret or lack the rate limit:\n%s", logs)
	}
}

// waitListening reads the bot's address from its "connected to Slack" log
// line.
func waitListening(t *testing.T, logs *serveLog) string {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		for _, line := range strings.Split(logs.String(), "\n") {
			if !strings.Contains(line, `"message":"connected to Slack"`) {
				continue
			}
			var l struct{ Addr string }
			if err := json.Unmarshal([]byte(line), &l); err == nil && l.Addr != "" {
				return l.Addr
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("serve did not log its address:\n%s", logs.String())
	return ""
}

// waitStatus polls url until it answers want.
func waitStatus(t *testing.T, url string, want int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		resp, err := http.Get(url)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == want {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s did not answer %d (last: %v %v)", url, want, resp, err)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func get(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}
