package bot

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/wieiswie/wieiswie/index"
	"github.com/wieiswie/wieiswie/internal/slackfake"
	"github.com/wieiswie/wieiswie/knowledge"
)

// realIndex is the index built from the embedded seed documents, the same
// one `wieiswie serve` answers from without KNOWLEDGE_DIR.
func realIndex(t *testing.T) *index.Index {
	t.Helper()
	docs, problems := knowledge.Load(context.Background(), ".", knowledge.Options{FS: knowledge.Default()})
	if len(docs) == 0 {
		t.Fatalf("no seed documents (problems: %v)", problems)
	}
	ix, err := index.Build(context.Background(), docs, index.Options{})
	if err != nil {
		t.Fatalf("build index: %v", err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// runningBot is a bot serving on loopback against a fake Slack.
type runningBot struct {
	fake *slackfake.Server
	base string // http://127.0.0.1:port
	logs *syncBuffer
	stop func() error
	bot  *Bot
}

// startBot runs the bot's real Serve path with cfg completed for the fake
// Slack: Socket Mode when socket is true, else HTTP mode.
func startBot(t *testing.T, asker knowledge.Asker, socket bool) *runningBot {
	t.Helper()
	return startBotWith(t, asker, socket, botSetup{})
}

// botSetup varies startBot: a fake with options, a change to the Config
// and the Deps, a change to the Bot before it serves, and whether to wait
// for Socket Mode's hello.
type botSetup struct {
	fake     *slackfake.Server
	config   func(*Config)
	deps     func(*Deps)
	tweak    func(*Bot)
	noWait   bool
	logLevel zerolog.Level
}

func startBotWith(t *testing.T, asker knowledge.Asker, socket bool, setup botSetup) *runningBot {
	t.Helper()
	fake := setup.fake
	if fake == nil {
		fake = slackfake.New(t, testBotToken, testAppToken)
	}
	cfg := Config{
		BotToken:           testBotToken,
		ListenAddr:         "127.0.0.1:0",
		APIURL:             fake.APIURL(),
		LogQuestions:       true,
		RateLimitPerMinute: 10,
	}
	if socket {
		cfg.AppToken = testAppToken
	} else {
		cfg.SigningSecret = testSecret
	}
	if setup.config != nil {
		setup.config(&cfg)
	}
	deps := Deps{Asker: asker}
	if c, ok := asker.(interface{ Len() int }); ok {
		deps.Documents = c.Len
	}
	if setup.deps != nil {
		setup.deps(&deps)
	}
	logs := &syncBuffer{}
	b, err := New(cfg, deps, zerolog.New(logs).Level(setup.logLevel).With().Timestamp().Logger())
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	if setup.tweak != nil {
		setup.tweak(b)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Serve(ctx, ln) }()

	var once sync.Once
	var stopErr error
	stop := func() error {
		once.Do(func() {
			cancel()
			select {
			case stopErr = <-done:
			case <-time.After(20 * time.Second):
				t.Fatal("the bot did not stop")
			}
		})
		return stopErr
	}
	t.Cleanup(func() { _ = stop() })
	r := &runningBot{fake: fake, base: "http://" + ln.Addr().String(), logs: logs, stop: stop, bot: b}
	if socket && !setup.noWait {
		fake.WaitConnected()
	}
	return r
}

// waitReady polls GET /readyz until it answers want (200 or 503). The
// deadline only bounds a failing test; a passing one returns as soon as
// the state is reached.
func (r *runningBot) waitReady(t *testing.T, want int) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		code, body := r.get(t, "/readyz")
		if code == want {
			return body
		}
		if time.Now().After(deadline) {
			t.Fatalf("/readyz stayed %d %s, want %d", code, body, want)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func (r *runningBot) get(t *testing.T, path string) (int, string) {
	t.Helper()
	resp, err := http.Get(r.base + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// checkLogs asserts the logs hold no secret and that every answer's log
// lines carry the delivery's ids.
func (r *runningBot) checkLogs(t *testing.T) {
	t.Helper()
	logs := r.logs.String()
	checkNoSecrets(t, logs)
	answered := 0
	for _, l := range logLines(t, logs) {
		// Every line about one delivery (they all carry its kind) names
		// the delivery, so grepping one request_id shows its whole story.
		if l["kind"] != nil && l["request_id"] == nil {
			t.Errorf("log line about a delivery without request_id: %v", l)
		}
		if (l["kind"] == "mention" || l["kind"] == "dm") && l["event_id"] == nil {
			t.Errorf("log line about an event without event_id: %v", l)
		}
		if l["message"] != "answered" {
			continue
		}
		answered++
		if l["request_id"] == nil {
			t.Errorf("answer log line without request_id: %v", l)
		}
		if (l["kind"] == "mention" || l["kind"] == "dm") && l["event_id"] == nil {
			t.Errorf("event answer log line without event_id: %v", l)
		}
	}
	if answered == 0 {
		t.Error("no answer was logged")
	}
}

// decodedBlocks is a call's blocks as text, without JSON's HTML escaping.
func decodedBlocks(c slackfake.Call) string {
	var v any
	_ = json.Unmarshal(c.Blocks, &v)
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
	return b.String()
}

// wantMiet checks a call carries the Miet Gobert answer.
func wantMiet(t *testing.T, c slackfake.Call) {
	t.Helper()
	blocks := decodedBlocks(c)
	for _, want := range []string{`"type":"header"`, "Miet Gobert", "Algemeen directeur", "<tel:+3250630100|+32 50 630 100>"} {
		if !strings.Contains(blocks, want) {
			t.Errorf("%s lacks %q: %s", c.Method, want, blocks)
		}
	}
	if !strings.Contains(c.Text, "Miet Gobert") {
		t.Errorf("%s fallback text %q lacks Miet Gobert", c.Method, c.Text)
	}
}

// buttonValue finds the value of the button with actionID in a call's blocks.
func buttonValue(t *testing.T, c slackfake.Call, actionID string) string {
	t.Helper()
	v, ok := c.Button(actionID)
	if !ok {
		t.Fatalf("no %s button in %s", actionID, decodedBlocks(c))
	}
	return v
}

func countCalls(calls []slackfake.Call, pred func(slackfake.Call) bool) int {
	n := 0
	for _, c := range calls {
		if pred(c) {
			n++
		}
	}
	return n
}

func waitStarted(t *testing.T, started chan string, want string) {
	t.Helper()
	select {
	case q := <-started:
		if q != want {
			t.Fatalf("asked %q, want %q", q, want)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("%q was not asked", want)
	}
}
