package bot

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"github.com/slack-go/slack/socketmode"

	"github.com/wieiswie/wieiswie/internal/slackfake"
	"github.com/wieiswie/wieiswie/metrics"
)

// TestSocketModeReconnects: Slack's side drops the websocket; the bot is
// "not ready" while it cannot reconnect, then opens a new connection
// (apps.connections.open and hello again) and answers the next event.
func TestSocketModeReconnects(t *testing.T) {
	r := startBot(t, realIndex(t), true)
	fake := r.fake
	r.waitReady(t, http.StatusOK)

	release := fake.HoldConnections()
	fake.DropSocket()
	body := r.waitReady(t, http.StatusServiceUnavailable)
	if !strings.Contains(body, "not connected to Slack") {
		t.Errorf("/readyz while reconnecting = %s", body)
	}
	if code, _ := r.get(t, "/healthz"); code != http.StatusOK {
		t.Errorf("/healthz while reconnecting = %d, want 200: the process is alive", code)
	}
	release()
	fake.WaitConnected()
	r.waitReady(t, http.StatusOK)
	if n := fake.ConnectionsOpened(); n != 2 {
		t.Errorf("apps.connections.open answered %d times, want 2", n)
	}

	fake.Send("env-after", "events_api", slackfake.EventEnvelope("EvAfter", appMention("<@UBOT0WIE> wie is algemeen directeur", mentionTS)))
	fake.WaitAck("env-after")
	c := fake.NextCall()
	if c.Method != "chat.postMessage" || c.ThreadTS != mentionTS {
		t.Fatalf("after reconnecting: %+v", c)
	}
	wantMiet(t, c)
	if got := scrape(t, r.bot.Metrics(), "wieiswie_slack_connections_total"); got != 2 {
		t.Errorf("wieiswie_slack_connections_total = %v, want 2", got)
	}
	if err := r.stop(); err != nil {
		t.Fatalf("Serve returned %v", err)
	}
}

// TestStartsWhileSlackIsDown: auth.test fails with 503 at start-up; the
// bot serves /healthz (alive) and /readyz (503) meanwhile, retries, and is
// ready and answering once Slack is back.
func TestStartsWhileSlackIsDown(t *testing.T) {
	fake := slackfake.New(t, testBotToken, testAppToken)
	fake.Fail("auth.test", slackfake.Fault{Status: http.StatusServiceUnavailable})
	waiting := make(chan time.Duration, 1)
	resume := make(chan struct{})
	r := startBotWith(t, realIndex(t), false, botSetup{fake: fake, tweak: func(b *Bot) {
		b.startRetry.sleep = func(ctx context.Context, d time.Duration) error {
			waiting <- d
			select {
			case <-resume:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}
	}})
	<-waiting // auth.test failed; the bot waits to retry
	if code, body := r.get(t, "/healthz"); code != http.StatusOK || !strings.Contains(body, `"status":"ok"`) {
		t.Errorf("/healthz = %d %s", code, body)
	}
	code, body := r.get(t, "/readyz")
	if code != http.StatusServiceUnavailable || !strings.Contains(body, "not connected to Slack") {
		t.Errorf("/readyz before auth.test passed = %d %s", code, body)
	}
	close(resume)
	body = r.waitReady(t, http.StatusOK)
	var ready struct {
		Status    string `json:"status"`
		Mode      string `json:"mode"`
		Documents int    `json:"documents"`
	}
	if err := json.Unmarshal([]byte(body), &ready); err != nil || ready.Status != "ready" || ready.Mode != "http" || ready.Documents == 0 {
		t.Errorf("/readyz = %s (%v)", body, err)
	}
	if code, _ := r.send(t, signed{path: "/slack/events", body: jsonBody(t, slackfake.EventEnvelope("Ev1", appMention("<@UBOT0WIE> wie is algemeen directeur", mentionTS)))}); code != 200 {
		t.Fatalf("event status %d", code)
	}
	wantMiet(t, fake.NextCall())
	if fake.AuthTests() != 1 || fake.Failed("auth.test") != 1 {
		t.Errorf("auth.test: %d passed, %d failed; want 1 and 1", fake.AuthTests(), fake.Failed("auth.test"))
	}
}

// TestAnswerRetriedWhenSlackIsBusy: chat.postMessage answers 429 with
// Retry-After and then 500; the bot waits what Slack asked, tries again
// and the question is answered exactly once.
func TestAnswerRetriedWhenSlackIsBusy(t *testing.T) {
	fake := slackfake.New(t, testBotToken, testAppToken)
	fake.Fail("chat.postMessage", slackfake.Fault{Status: http.StatusTooManyRequests, RetryAfter: "7"}, slackfake.Fault{Status: http.StatusInternalServerError})
	fake.Fail("response", slackfake.Fault{Status: http.StatusBadGateway})
	s := &sleeps{}
	r := startBotWith(t, realIndex(t), true, botSetup{fake: fake, tweak: func(b *Bot) {
		b.retry = retryPolicy{attempts: 4, maxWait: 20 * time.Second, backoff: time.Millisecond, sleep: s.sleep}
	}})

	fake.Send("env-1", "events_api", slackfake.EventEnvelope("Ev1", appMention("<@UBOT0WIE> wie is algemeen directeur", mentionTS)))
	wantMiet(t, fake.NextCall())
	fake.Send("env-2", "slash_commands", slackfake.SlashCommand("wie is algemeen directeur", fake.ResponseURL("slash-1"), "trig-1"))
	wantMiet(t, fake.NextCall())
	if err := r.stop(); err != nil {
		t.Fatal(err)
	}
	if n := len(fake.Calls()); n != 2 {
		t.Errorf("%d answers recorded, want 2", n)
	}
	waits := s.all()
	if len(waits) != 3 || waits[0] != 7*time.Second {
		t.Errorf("waits %v, want 7s (Retry-After) and two backoffs", waits)
	}
	m := r.bot.Metrics()
	for series, want := range map[string]float64{
		`wieiswie_slack_api_retries_total{method="chat.postMessage",reason="rate_limited"}`: 1,
		`wieiswie_slack_api_retries_total{method="chat.postMessage",reason="server_error"}`: 1,
		`wieiswie_slack_api_retries_total{method="response_url",reason="server_error"}`:     1,
	} {
		if got := scrape(t, m, series); got != want {
			t.Errorf("%s = %v, want %v", series, got, want)
		}
	}
	if strings.Contains(scrapeText(t, m), "wieiswie_slack_api_errors_total{") {
		t.Error("a retried call that succeeded is counted as an error")
	}
	r.checkLogs(t)
	retries := 0
	for _, l := range logLines(t, r.logs.String()) {
		if l["message"] == "Slack call failed; retrying" {
			retries++
			if l["request_id"] == nil || l["kind"] == nil {
				t.Errorf("retry logged without the delivery's ids: %v", l)
			}
		}
	}
	if retries != 3 {
		t.Errorf("%d retries logged, want 3", retries)
	}
}

// TestMetricsEndpoint: GET /metrics serves the bot's counters in
// Prometheus' text format, in both modes.
func TestMetricsEndpoint(t *testing.T) {
	for _, socket := range []bool{true, false} {
		name := "http"
		if socket {
			name = "socket"
		}
		t.Run(name, func(t *testing.T) {
			m := metrics.New()
			r := startBotWith(t, realIndex(t), socket, botSetup{deps: func(d *Deps) { d.Metrics = m }})
			ev := slackfake.EventEnvelope("Ev1", appMention("<@UBOT0WIE> wie is algemeen directeur", mentionTS))
			notFound := slackfake.EventEnvelope("Ev2", appMention("<@UBOT0WIE> wie is de brandweercommandant van Mars", "1700000000.000200"))
			if socket {
				r.fake.Send("env-1", "events_api", ev)
				r.fake.Send("env-2", "events_api", notFound)
			} else {
				r.send(t, signed{path: "/slack/events", body: jsonBody(t, ev)})
				r.send(t, signed{path: "/slack/events", body: jsonBody(t, notFound)})
			}
			r.fake.NextCall()
			r.fake.NextCall()
			fb := slackfake.BlockAction(actionFeedbackUp, feedbackValue("q1", "x.txt", "wie"), r.fake.ResponseURL("fb"), "trig-fb")
			if socket {
				r.fake.Send("env-3", "interactive", fb)
			} else {
				r.send(t, signed{path: "/slack/interactions", contentType: "application/x-www-form-urlencoded", body: interactionBody(t, fb)})
			}
			r.fake.NextCall()
			r.waitReady(t, http.StatusOK)

			code, text := r.get(t, "/metrics")
			if code != http.StatusOK {
				t.Fatalf("/metrics = %d", code)
			}
			if got := seriesValue(t, text, "wieiswie_slack_connected"); got != 1 {
				t.Errorf("wieiswie_slack_connected = %v while connected", got)
			}
			// Serve returns after every answer is posted: the counts are final.
			if err := r.stop(); err != nil {
				t.Fatal(err)
			}
			after := scrapeText(t, m)
			for series, want := range map[string]float64{
				`wieiswie_questions_asked_total{kind="mention"}`:         2,
				`wieiswie_questions_answered_total{kind="mention"}`:      1,
				`wieiswie_questions_unanswered_total{kind="mention"}`:    1,
				`wieiswie_answer_duration_seconds_count{kind="mention"}`: 2,
				`wieiswie_feedback_total{vote="up"}`:                     1,
				`wieiswie_slack_connected`:                               0,
			} {
				if got := seriesValue(t, after, series); got != want {
					t.Errorf("%s = %v, want %v", series, got, want)
				}
			}
			if got := seriesValue(t, text, "wieiswie_documents"); got < 1 {
				t.Errorf("wieiswie_documents = %v", got)
			}
			for _, name := range []string{"wieiswie_reloads_total", "wieiswie_reload_failures_total", "go_goroutines", "process_resident_memory_bytes"} {
				if !strings.Contains(text, "\n"+name+" ") {
					t.Errorf("/metrics lacks %s", name)
				}
			}
		})
	}
}

// TestHTTPGuard: a Slack request that panics is logged with its
// request_id and answered 500, and one that arrives while the bot is still
// checking its token waits, then gets 503 so that Slack retries it.
func TestHTTPGuard(t *testing.T) {
	var logs syncBuffer
	m := metrics.New()
	h, _ := newTestHandler(t, newFakeAsker(), zerolog.New(&logs))
	h.metrics = m
	tr := &httpTransport{log: zerolog.New(&logs), ready: make(chan struct{}), wait: time.Millisecond}

	rec := httptest.NewRecorder()
	tr.guard(func(http.ResponseWriter, *http.Request, zerolog.Logger) { t.Error("served before ready") })(rec, httptest.NewRequest(http.MethodPost, "/slack/events", nil))
	if rec.Code != http.StatusServiceUnavailable {
		t.Errorf("before ready: %d, want 503", rec.Code)
	}

	tr.h = h
	close(tr.ready)
	rec = httptest.NewRecorder()
	tr.guard(func(http.ResponseWriter, *http.Request, zerolog.Logger) { panic("kapot") })(rec, httptest.NewRequest(http.MethodPost, "/slack/events", nil))
	if rec.Code != http.StatusInternalServerError {
		t.Errorf("after a panic: %d, want 500", rec.Code)
	}
	found := false
	for _, l := range logLines(t, logs.String()) {
		if l["message"] == "request panicked" {
			found = true
			if l["request_id"] == nil || l["panic"] != "kapot" {
				t.Errorf("panic log line %v", l)
			}
		}
	}
	if !found || scrape(t, m, "wieiswie_panics_total") != 1 {
		t.Errorf("panic not logged or counted: %s", logs.String())
	}
}

// TestSocketDispatchPanicIsContained: a panic while dispatching one
// envelope is logged with its envelope id and the read loop goes on.
func TestSocketDispatchPanicIsContained(t *testing.T) {
	var logs syncBuffer
	m := metrics.New()
	h, _ := newTestHandler(t, newFakeAsker(), zerolog.New(&logs))
	h.metrics = m
	b := &Bot{}
	evt := socketmode.Event{Type: socketmode.EventTypeEventsAPI, Request: &socketmode.Request{EnvelopeID: "env-kapot", Type: "events_api"}}
	// No Socket Mode client: acknowledging panics.
	b.dispatchSocketEvent(context.Background(), nil, h, &health{}, evt, zerolog.New(&logs))
	if !strings.Contains(logs.String(), `"request_id":"env-kapot"`) || !strings.Contains(logs.String(), "socket mode event panicked") {
		t.Errorf("panic not logged with the envelope id: %s", logs.String())
	}
	if scrape(t, m, "wieiswie_panics_total") != 1 {
		t.Error("panic not counted")
	}
}
