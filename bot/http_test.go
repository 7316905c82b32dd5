package bot

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wieiswie/wieiswie/internal/slackfake"
)

// signed is a request as Slack sends it: X-Slack-Signature is
// v0=HMAC-SHA256(secret, "v0:" + timestamp + ":" + body).
type signed struct {
	path        string
	contentType string
	body        string
	ts          time.Time
	secret      string            // empty: testSecret
	signature   string            // set: sent instead of the computed one
	header      map[string]string // extra headers
}

func sign(secret, ts, body string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte("v0:" + ts + ":" + body))
	return "v0=" + hex.EncodeToString(mac.Sum(nil))
}

func (r *runningBot) send(t *testing.T, s signed) (int, string) {
	t.Helper()
	if s.ts.IsZero() {
		s.ts = time.Now()
	}
	if s.secret == "" {
		s.secret = testSecret
	}
	if s.contentType == "" {
		s.contentType = "application/json"
	}
	ts := strconv.FormatInt(s.ts.Unix(), 10)
	req, err := http.NewRequest(http.MethodPost, r.base+s.path, strings.NewReader(s.body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", s.contentType)
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	sig := s.signature
	if sig == "" {
		sig = sign(s.secret, ts, s.body)
	}
	if sig != "-" {
		req.Header.Set("X-Slack-Signature", sig)
	}
	for k, v := range s.header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("POST %s: %v", s.path, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func jsonBody(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func interactionBody(t *testing.T, payload map[string]any) string {
	return slackfake.FormEncode(map[string]any{"payload": jsonBody(t, payload)})
}

// TestHTTPModeEndToEnd runs the real Serve path in HTTP mode: signatures
// are checked, url_verification answered, events, /wie and buttons
// acknowledged at once and answered after.
func TestHTTPModeEndToEnd(t *testing.T) {
	asker := newGatedAsker(realIndex(t))
	gate := asker.gate("algemeen directeur")
	r := startBot(t, asker, false)
	fake := r.fake
	mention := jsonBody(t, slackfake.EventEnvelope("Ev1", appMention("<@UBOT0WIE> wie is algemeen directeur", mentionTS)))
	form := "application/x-www-form-urlencoded"

	if code, body := r.get(t, "/healthz"); code != 200 || !strings.Contains(body, `"mode":"http"`) {
		t.Fatalf("healthz = %d %s", code, body)
	}

	// Requests Slack did not sign are refused.
	refused := []struct {
		name string
		req  signed
	}{
		{"wrong secret", signed{path: "/slack/events", body: mention, secret: "not-the-secret"}},
		{"garbage signature", signed{path: "/slack/events", body: mention, signature: "v0=abc"}},
		{"no signature", signed{path: "/slack/events", body: mention, signature: "-"}},
		{"old timestamp", signed{path: "/slack/events", body: mention, ts: time.Now().Add(-6 * time.Minute)}},
		{"future timestamp", signed{path: "/slack/events", body: mention, ts: time.Now().Add(6 * time.Minute)}},
		{"bad command signature", signed{path: "/slack/commands", contentType: form, body: "text=x", secret: "nope"}},
		{"bad interaction signature", signed{path: "/slack/interactions", contentType: form, body: "payload={}", secret: "nope"}},
	}
	for _, tt := range refused {
		if code, _ := r.send(t, tt.req); code != http.StatusUnauthorized {
			t.Errorf("%s: status %d, want 401", tt.name, code)
		}
	}

	// url_verification: the challenge comes back.
	code, body := r.send(t, signed{path: "/slack/events", body: `{"token":"x","challenge":"c4ll3ng3","type":"url_verification"}`})
	if code != 200 || !strings.Contains(body, `"challenge":"c4ll3ng3"`) {
		t.Fatalf("url_verification = %d %s", code, body)
	}

	// A mention: 200, then the answer in the thread.
	if code, _ := r.send(t, signed{path: "/slack/events", body: mention}); code != 200 {
		t.Fatalf("event status %d", code)
	}
	c := fake.NextCall()
	if c.Method != "chat.postMessage" || c.Channel != "C0ALGEMEEN" || c.ThreadTS != mentionTS {
		t.Fatalf("mention answered with %s to %s thread %q", c.Method, c.Channel, c.ThreadTS)
	}
	wantMiet(t, c)

	// Slack's retry of the same event, and the same mention as a message
	// event: 200, no second answer.
	retry := signed{path: "/slack/events", body: mention, header: map[string]string{"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}}
	if code, _ := r.send(t, retry); code != 200 {
		t.Fatalf("retry status %d", code)
	}
	asMessage := jsonBody(t, slackfake.EventEnvelope("Ev2", channelMessage("<@UBOT0WIE> wie is algemeen directeur", mentionTS)))
	if code, _ := r.send(t, signed{path: "/slack/events", body: asMessage}); code != 200 {
		t.Fatalf("message event status %d", code)
	}

	// /wie with a search held at the gate: the command is acknowledged
	// while the answer is still being made, then answered via response_url.
	cmd := slackfake.FormEncode(slackfake.SlashCommand("algemeen directeur", fake.ResponseURL("slash-1"), "trig-1"))
	if code, body := r.send(t, signed{path: "/slack/commands", contentType: form, body: cmd}); code != 200 || body != "" {
		t.Fatalf("slash command = %d %q, want an empty 200", code, body)
	}
	waitStarted(t, asker.started, "algemeen directeur")
	if n := len(fake.Calls()); n != 1 {
		t.Fatalf("%d calls before the held answer was released, want 1", n)
	}
	close(gate)
	c = fake.NextCall()
	if c.Method != "response" || c.ResponseName != "slash-1" || c.ResponseType != "ephemeral" {
		t.Fatalf("slash command answered with %+v", c)
	}
	wantMiet(t, c)

	// "Deel in kanaal" from the interactions endpoint.
	click := slackfake.BlockAction(actionShare, buttonValue(t, c, actionShare), fake.ResponseURL("share-1"), "trig-2")
	if code, _ := r.send(t, signed{path: "/slack/interactions", contentType: form, body: interactionBody(t, click)}); code != 200 {
		t.Fatalf("interaction status %d", code)
	}
	c = fake.NextCall()
	if c.ResponseType != "in_channel" || c.ResponseName != "share-1" {
		t.Fatalf("share posted %+v", c)
	}
	wantMiet(t, c)
	if c = fake.NextCall(); !c.DeleteOriginal {
		t.Fatalf("after sharing: %+v, want delete_original", c)
	}

	// 👎 is logged with the question and thanked.
	down := slackfake.BlockAction(actionFeedbackDown, buttonValue(t, c0(fake.Calls()), actionFeedbackDown), fake.ResponseURL("fb-1"), "trig-3")
	if code, _ := r.send(t, signed{path: "/slack/interactions", contentType: form, body: interactionBody(t, down)}); code != 200 {
		t.Fatalf("feedback status %d", code)
	}
	if c = fake.NextCall(); c.Method != "views.open" || c.TriggerID != "trig-3" || !strings.Contains(string(c.View), "Wat klopte er niet?") {
		t.Fatalf("feedback answered %+v, want the modal", c)
	}

	// Slack's certificate check on the command URL is not a command.
	if code, _ := r.send(t, signed{path: "/slack/commands", contentType: form, body: "ssl_check=1&token=x"}); code != 200 {
		t.Errorf("ssl_check: %d, want 200", code)
	}

	// Malformed but signed requests.
	if code, _ := r.send(t, signed{path: "/slack/interactions", contentType: form, body: "payload="}); code != http.StatusBadRequest {
		t.Errorf("empty payload: %d, want 400", code)
	}
	if code, _ := r.send(t, signed{path: "/slack/events", body: `{"type":"event_callback","event_id":"Ev9","event":{"type":"no_such_event"}}`}); code != 200 {
		t.Errorf("unknown event type: %d, want 200 so Slack does not retry", code)
	}

	if err := r.stop(); err != nil {
		t.Fatalf("Serve returned %v", err)
	}
	calls := fake.Calls()
	if n := countCalls(calls, func(c slackfake.Call) bool { return c.ThreadTS == mentionTS }); n != 1 {
		t.Errorf("the mention was answered %d times, want 1", n)
	}
	if len(calls) != 5 {
		t.Errorf("%d calls to Slack, want 5", len(calls))
	}
	r.checkLogs(t)
	feedback := 0
	for _, l := range logLines(t, r.logs.String()) {
		if l["message"] == "feedback" && l["feedback"] == "down" && l["question"] == "wie is algemeen directeur" {
			feedback++
		}
	}
	if feedback != 1 {
		t.Errorf("feedback logged %d times, want 1", feedback)
	}
}

// c0 is the first call: the mention's answer, whose buttons carry the
// question.
func c0(calls []slackfake.Call) slackfake.Call { return calls[0] }

func TestHTTPModeSocketRoutesAbsent(t *testing.T) {
	// In Socket Mode the HTTP server only has /healthz.
	r := startBot(t, newFakeAsker(), true)
	if code, _ := r.send(t, signed{path: "/slack/events", body: "{}"}); code != http.StatusNotFound {
		t.Errorf("/slack/events in Socket Mode: %d, want 404", code)
	}
}
