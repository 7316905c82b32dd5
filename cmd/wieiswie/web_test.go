package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/wieiswie/wieiswie/internal/slackfake"
)

// startWeb runs `wieiswie web` with env until the test ends and returns
// its base URL.
func startWeb(t *testing.T, env map[string]string) string {
	t.Helper()
	env["LISTEN_ADDR"] = "127.0.0.1:0"
	ctx, cancel := context.WithCancel(context.Background())
	var logs serveLog
	exit := make(chan int, 1)
	go func() { exit <- runWeb(ctx, []string{"--env-file", ""}, &logs, &logs, serveEnv(env), openIndex) }()
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-exit:
			if code != 0 {
				t.Errorf("exit code %d; logs:\n%s", code, logs.String())
			}
		case <-time.After(20 * time.Second):
			t.Error("web did not stop")
		}
	})
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		for _, line := range strings.Split(logs.String(), "\n") {
			var l struct{ Message, Addr string }
			if json.Unmarshal([]byte(line), &l) == nil && l.Message == "web page listening" {
				return "http://" + l.Addr
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("web did not log its address:\n%s", logs.String())
	return ""
}

func fetch(t *testing.T, u, user, password string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, u, nil)
	if user != "" {
		req.SetBasicAuth(user, password)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestRunWeb(t *testing.T) {
	hash, err := bcrypt.GenerateFromPassword([]byte("raad2026"), bcrypt.MinCost)
	if err != nil {
		t.Fatal(err)
	}
	base := startWeb(t, map[string]string{"WEB_USERS": "raadslid:" + string(hash)})
	if code, _ := fetch(t, base+"/healthz", "", ""); code != http.StatusOK {
		t.Errorf("/healthz: %d", code)
	}
	if code, body := fetch(t, base+"/?q=wie+is+algemeen+directeur", "", ""); code != http.StatusUnauthorized || strings.Contains(body, "Miet") {
		t.Errorf("without password: %d", code)
	}
	code, body := fetch(t, base+"/?q="+url.QueryEscape("wie is algemeen directeur"), "raadslid", "raad2026")
	if code != http.StatusOK || !strings.Contains(body, `<h2 id="antwoord">Miet Gobert</h2>`) || !strings.Contains(body, `href="tel:&#43;3250630100"`) {
		t.Errorf("answer: %d\n%s", code, body)
	}
}

func TestRunWebConfigErrors(t *testing.T) {
	for name, env := range map[string]map[string]string{
		"plain password": {"WEB_USERS": "raadslid:geheim"},
		"bad address":    {"LISTEN_ADDR": "8080"},
	} {
		t.Run(name, func(t *testing.T) {
			var stderr bytes.Buffer
			args := []string{"--env-file", filepath.Join(t.TempDir(), "none.env")}
			if code := runWeb(context.Background(), args, &stderr, &stderr, serveEnv(env), noIndex); code != 2 {
				t.Errorf("exit %d, want 2; stderr %q", code, stderr.String())
			}
			if strings.Contains(stderr.String(), "geheim") {
				t.Errorf("stderr shows the password: %q", stderr.String())
			}
		})
	}
}

// TestRunServeWebEnabled: serve shows the web page on LISTEN_ADDR only with
// WEB_ENABLED=true.
func TestRunServeWebEnabled(t *testing.T) {
	for _, enabled := range []bool{false, true} {
		fake := slackfake.New(t, serveTestBotToken, serveTestAppToken)
		env := map[string]string{
			"SLACK_BOT_TOKEN": serveTestBotToken, "SLACK_SIGNING_SECRET": "s3cr3t-signing",
			"SLACK_API_URL": fake.APIURL(), "LISTEN_ADDR": "127.0.0.1:0", "DATA_DIR": t.TempDir(),
		}
		if enabled {
			env["WEB_ENABLED"] = "true"
		}
		ctx, cancel := context.WithCancel(context.Background())
		var logs serveLog
		exit := make(chan int, 1)
		go func() { exit <- runServe(ctx, []string{"--env-file", ""}, io.Discard, &logs, serveEnv(env), openIndex) }()
		base := "http://" + waitListening(t, &logs)
		waitStatus(t, base+"/readyz", http.StatusOK)
		code, body := fetch(t, base+"/?q=wie+is+algemeen+directeur", "", "")
		switch {
		case enabled && (code != http.StatusOK || !strings.Contains(body, "Miet Gobert")):
			t.Errorf("WEB_ENABLED=true: %d\n%s", code, body)
		case !enabled && code != http.StatusNotFound:
			t.Errorf("web page served without WEB_ENABLED: %d", code)
		}
		cancel()
		if code := <-exit; code != 0 {
			t.Fatalf("exit %d:\n%s", code, logs.String())
		}
	}
}
