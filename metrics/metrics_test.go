package metrics

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

func scrape(t *testing.T, m *Metrics) string {
	t.Helper()
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("/metrics = %d", rec.Code)
	}
	return rec.Body.String()
}

func value(t *testing.T, text, series string) (float64, bool) {
	t.Helper()
	for _, line := range strings.Split(text, "\n") {
		if rest, ok := strings.CutPrefix(line, series+" "); ok {
			v, err := strconv.ParseFloat(rest, 64)
			if err != nil {
				t.Fatalf("%s = %q", series, rest)
			}
			return v, true
		}
	}
	return 0, false
}

func TestMetrics(t *testing.T) {
	docs := 3
	tests := []struct {
		name   string
		do     func(m *Metrics)
		series string
		want   float64
	}{
		{"asked", func(m *Metrics) { m.Asked(KindMention); m.Asked(KindMention); m.Asked(KindSlash) }, `wieiswie_questions_asked_total{kind="mention"}`, 2},
		{"answered", func(m *Metrics) { m.Answered(KindDM) }, `wieiswie_questions_answered_total{kind="dm"}`, 1},
		{"unanswered", func(m *Metrics) { m.Unanswered(KindSlash) }, `wieiswie_questions_unanswered_total{kind="slash"}`, 1},
		{"failed", func(m *Metrics) { m.Failed(KindMore) }, `wieiswie_questions_failed_total{kind="more"}`, 1},
		{"rate limited", func(m *Metrics) { m.RateLimited(); m.RateLimited() }, `wieiswie_questions_rate_limited_total`, 2},
		{"latency", func(m *Metrics) { m.ObserveLatency(KindMention, 0.2); m.ObserveLatency(KindMention, 3) }, `wieiswie_answer_duration_seconds_bucket{kind="mention",le="0.25"}`, 1},
		{"latency count", func(m *Metrics) { m.ObserveLatency(KindShare, 0.2) }, `wieiswie_answer_duration_seconds_count{kind="share"}`, 1},
		{"in flight", func(m *Metrics) { m.AnswerStarted(); m.AnswerStarted(); m.AnswerDone() }, `wieiswie_answers_in_flight`, 1},
		{"panics", func(m *Metrics) { m.Panicked() }, `wieiswie_panics_total`, 1},
		{"feedback up", func(m *Metrics) { m.Feedback(true); m.Feedback(false) }, `wieiswie_feedback_total{vote="up"}`, 1},
		{"feedback down", func(m *Metrics) { m.Feedback(false) }, `wieiswie_feedback_total{vote="down"}`, 1},
		{"reloads", func(m *Metrics) { m.ObserveReload(nil); m.ObserveReload(errors.New("x")) }, `wieiswie_reloads_total`, 2},
		{"reload failures", func(m *Metrics) { m.ObserveReload(nil); m.ObserveReload(errors.New("x")) }, `wieiswie_reload_failures_total`, 1},
		{"slack errors", func(m *Metrics) { m.SlackError("chat.postMessage") }, `wieiswie_slack_api_errors_total{method="chat.postMessage"}`, 1},
		{"slack retries", func(m *Metrics) { m.SlackRetry("response_url", "rate_limited") }, `wieiswie_slack_api_retries_total{method="response_url",reason="rate_limited"}`, 1},
		{"connected", func(m *Metrics) { m.SetConnected(true) }, `wieiswie_slack_connected`, 1},
		{"disconnected", func(m *Metrics) { m.SetConnected(true); m.SetConnected(false) }, `wieiswie_slack_connected`, 0},
		{"connections", func(m *Metrics) { m.Connected(); m.Connected() }, `wieiswie_slack_connections_total`, 2},
		{"documents follow the index", func(m *Metrics) {
			m.WatchDocuments(func() int { return docs })
			m.WatchDocuments(func() int { return 99 }) // ignored: one bot, one gauge
			docs = 7
		}, `wieiswie_documents`, 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := New()
			tt.do(m)
			got, ok := value(t, scrape(t, m), tt.series)
			if !ok || got != tt.want {
				t.Errorf("%s = %v (present %v), want %v", tt.series, got, ok, tt.want)
			}
		})
	}
}

// TestRuntimeCollectors: memory and goroutines are there for dashboards
// and the load test, under the standard names stock dashboards use.
func TestRuntimeCollectors(t *testing.T) {
	text := scrape(t, New())
	for _, name := range []string{"go_goroutines", "go_memstats_heap_alloc_bytes", "process_resident_memory_bytes", "process_open_fds"} {
		if !strings.Contains(text, "\n"+name+" ") {
			t.Errorf("no %s", name)
		}
	}
	if strings.Contains(text, "wieiswie_process_") {
		t.Error("process metrics are namespaced: stock dashboards do not find them")
	}
}

func TestBuildInfoAndStale(t *testing.T) {
	m := New()
	m.BuildInfo("v1.2.3", "abc1234")
	stale := false
	m.WatchStale(func() bool { return stale })
	text := scrape(t, m)
	if !strings.Contains(text, `wieiswie_build_info{commit="abc1234",goversion="go`) || !strings.Contains(text, `version="v1.2.3"} 1`) {
		t.Errorf("no build info:\n%s", text)
	}
	if v, ok := value(t, text, "wieiswie_knowledge_stale"); !ok || v != 0 {
		t.Errorf("stale = %v %v, want 0", v, ok)
	}
	stale = true
	if v, _ := value(t, scrape(t, m), "wieiswie_knowledge_stale"); v != 1 {
		t.Errorf("stale = %v, want 1", v)
	}
}

// TestSeparateRegistries: two Metrics never share a counter.
func TestSeparateRegistries(t *testing.T) {
	a, b := New(), New()
	a.Panicked()
	if v, _ := value(t, scrape(t, b), "wieiswie_panics_total"); v != 0 {
		t.Errorf("b counted a's panic: %v", v)
	}
}

// TestNilMetrics: a nil *Metrics records nothing and does not panic.
func TestNilMetrics(t *testing.T) {
	var m *Metrics
	m.Asked(KindMention)
	m.Answered(KindMention)
	m.Unanswered(KindMention)
	m.Failed(KindMention)
	m.RateLimited()
	m.ObserveLatency(KindMention, 1)
	m.AnswerStarted()
	m.AnswerDone()
	m.Panicked()
	m.Feedback(true)
	m.ObserveReload(nil)
	m.SlackError("x")
	m.SlackRetry("x", "y")
	m.SetConnected(true)
	m.Connected()
	m.WatchDocuments(func() int { return 1 })
	if text := scrape(t, m); strings.Contains(text, "wieiswie_") {
		t.Errorf("a nil Metrics serves %s", text)
	}
}
