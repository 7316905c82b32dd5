// Package metrics counts what the bot does, for Prometheus: questions and
// how they ended, answer latency, feedback, reloads, Slack API trouble and
// the connection to Slack. Everything lives in one non-global
// prometheus.Registry per Metrics, so tests and several bots in one process
// never share counters.
package metrics

import (
	"net/http"
	"runtime"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// namespace prefixes every metric name.
const namespace = "wieiswie"

// Question kinds, the values of the "kind" label: how a question reached
// the bot. A fixed set keeps the label's cardinality bounded.
const (
	KindMention = "mention"
	KindDM      = "dm"
	KindSlash   = "slash"
	KindShare   = "share"
	KindMore    = "more"
)

// Metrics holds the bot's collectors and the registry that exposes them.
// A nil *Metrics is valid and records nothing, so code paths and tests that
// do not care need no setup.
type Metrics struct {
	reg *prometheus.Registry

	asked       *prometheus.CounterVec
	answered    *prometheus.CounterVec
	unanswered  *prometheus.CounterVec
	failed      *prometheus.CounterVec
	rateLimited prometheus.Counter
	latency     *prometheus.HistogramVec
	inFlight    prometheus.Gauge
	panics      prometheus.Counter
	feedback    *prometheus.CounterVec

	reloads        prometheus.Counter
	reloadFailures prometheus.Counter

	slackErrors  *prometheus.CounterVec
	slackRetries *prometheus.CounterVec
	connected    prometheus.Gauge
	connections  prometheus.Counter

	storeFailures *prometheus.CounterVec
	takenOver     prometheus.Counter
}

// New makes a Metrics with its own registry, which also carries the Go
// runtime and process collectors (memory, goroutines, open files), under
// their standard names (go_*, process_*) that stock dashboards and alerts
// use.
func New() *Metrics {
	reg := prometheus.NewRegistry()
	kind := []string{"kind"}
	m := &Metrics{reg: reg}
	m.asked = register(reg, prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: namespace, Name: "questions_asked_total",
		Help: "Questions the bot started answering, by how they arrived.",
	}, kind))
	m.answered = register(reg, prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: namespace, Name: "questions_answered_total",
		Help: "Questions answered with at least one candidate (a clear answer or \"Bedoelde je …?\").",
	}, kind))
	m.unanswered = register(reg, prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: namespace, Name: "questions_unanswered_total",
		Help: "Questions for which the knowledge held nothing (\"Ik vond niets over …\").",
	}, kind))
	m.failed = register(reg, prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: namespace, Name: "questions_failed_total",
		Help: "Questions whose search failed, whose answer panicked, or whose answer could not be posted.",
	}, kind))
	m.rateLimited = register(reg, prometheus.NewCounter(prometheus.CounterOpts{
		Namespace: namespace, Name: "questions_rate_limited_total",
		Help: "Questions refused because their user asked too many too fast.",
	}))
	m.latency = register(reg, prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Namespace: namespace, Name: "answer_duration_seconds",
		Help:    "Time from receiving a question to its answer being accepted by Slack.",
		Buckets: []float64{0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30},
	}, kind))
	m.inFlight = register(reg, prometheus.NewGauge(prometheus.GaugeOpts{
		Namespace: namespace, Name: "answers_in_flight",
		Help: "Answers being made or posted right now.",
	}))
	m.panics = register(reg, prometheus.NewCounter(prometheus.CounterOpts{
		Namespace: namespace, Name: "panics_total",
		Help: "Panics recovered while handling a Slack event; each is a bug.",
	}))
	m.feedback = register(reg, prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: namespace, Name: "feedback_total",
		Help: "Feedback clicks on answers, by vote (up or down).",
	}, []string{"vote"}))
	m.reloads = register(reg, prometheus.NewCounter(prometheus.CounterOpts{
		Namespace: namespace, Name: "reloads_total",
		Help: "Reloads of the knowledge folder (watch, SIGHUP, /wie herlaad), failed ones included.",
	}))
	m.reloadFailures = register(reg, prometheus.NewCounter(prometheus.CounterOpts{
		Namespace: namespace, Name: "reload_failures_total",
		Help: "Reloads that failed; the bot kept answering from the previous knowledge.",
	}))
	m.slackErrors = register(reg, prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: namespace, Name: "slack_api_errors_total",
		Help: "Slack Web API and response_url calls that failed for good, after any retries.",
	}, []string{"method"}))
	m.slackRetries = register(reg, prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: namespace, Name: "slack_api_retries_total",
		Help: "Slack calls retried, by method and reason (rate_limited, server_error, network, slack_error).",
	}, []string{"method", "reason"}))
	m.connected = register(reg, prometheus.NewGauge(prometheus.GaugeOpts{
		Namespace: namespace, Name: "slack_connected",
		Help: "1 while the bot can receive from Slack (Socket Mode: after hello; HTTP mode: after auth.test).",
	}))
	m.connections = register(reg, prometheus.NewCounter(prometheus.CounterOpts{
		Namespace: namespace, Name: "slack_connections_total",
		Help: "Socket Mode connections made (hello received); more than one means the bot reconnected.",
	}))
	m.storeFailures = register(reg, prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: namespace, Name: "store_failures_total",
		Help: "Store operations that failed for good (question, feedback: not in the report; claim: answered without one).",
	}, []string{"op"}))
	m.takenOver = register(reg, prometheus.NewCounter(prometheus.CounterOpts{
		Namespace: namespace, Name: "events_taken_over_total",
		Help: "Events this instance answered because the instance that claimed them died before it finished.",
	}))
	reg.MustRegister(collectors.NewGoCollector())
	reg.MustRegister(collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// register adds c to reg and returns it, keeping New one line per metric.
func register[C prometheus.Collector](reg *prometheus.Registry, c C) C {
	reg.MustRegister(c)
	return c
}

// Registry is the registry the metrics are in, for callers that add their
// own collectors.
func (m *Metrics) Registry() *prometheus.Registry {
	if m == nil {
		return prometheus.NewRegistry()
	}
	return m.reg
}

// Handler serves the metrics in Prometheus' text format (GET /metrics).
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.Registry(), promhttp.HandlerOpts{})
}

// Asked counts a question the bot starts answering.
func (m *Metrics) Asked(kind string) {
	if m != nil {
		m.asked.WithLabelValues(kind).Inc()
	}
}

// Answered counts a question with at least one candidate.
func (m *Metrics) Answered(kind string) {
	if m != nil {
		m.answered.WithLabelValues(kind).Inc()
	}
}

// Unanswered counts a question the knowledge had nothing for.
func (m *Metrics) Unanswered(kind string) {
	if m != nil {
		m.unanswered.WithLabelValues(kind).Inc()
	}
}

// Failed counts a question that got no proper answer because something
// broke.
func (m *Metrics) Failed(kind string) {
	if m != nil {
		m.failed.WithLabelValues(kind).Inc()
	}
}

// RateLimited counts a question refused by the per-user rate limit.
func (m *Metrics) RateLimited() {
	if m != nil {
		m.rateLimited.Inc()
	}
}

// ObserveLatency records how long one answer took, in seconds.
func (m *Metrics) ObserveLatency(kind string, seconds float64) {
	if m != nil {
		m.latency.WithLabelValues(kind).Observe(seconds)
	}
}

// AnswerStarted and AnswerDone track the answers in flight.
func (m *Metrics) AnswerStarted() {
	if m != nil {
		m.inFlight.Inc()
	}
}

// AnswerDone: see AnswerStarted.
func (m *Metrics) AnswerDone() {
	if m != nil {
		m.inFlight.Dec()
	}
}

// Panicked counts a recovered panic.
func (m *Metrics) Panicked() {
	if m != nil {
		m.panics.Inc()
	}
}

// Feedback counts a 👍 (up true) or 👎 click.
func (m *Metrics) Feedback(up bool) {
	if m == nil {
		return
	}
	vote := "down"
	if up {
		vote = "up"
	}
	m.feedback.WithLabelValues(vote).Inc()
}

// ObserveReload counts one reload of the knowledge and, when err is not
// nil, a failure. Call it once per reload, whatever triggered it.
func (m *Metrics) ObserveReload(err error) {
	if m == nil {
		return
	}
	m.reloads.Inc()
	if err != nil {
		m.reloadFailures.Inc()
	}
}

// SlackError counts a Slack call (chat.postMessage, chat.postEphemeral,
// response_url, …) that failed after its retries.
func (m *Metrics) SlackError(method string) {
	if m != nil {
		m.slackErrors.WithLabelValues(method).Inc()
	}
}

// SlackRetry counts a Slack call about to be retried, and why.
func (m *Metrics) SlackRetry(method, reason string) {
	if m != nil {
		m.slackRetries.WithLabelValues(method, reason).Inc()
	}
}

// SetConnected records whether the bot can receive from Slack now.
func (m *Metrics) SetConnected(ok bool) {
	if m == nil {
		return
	}
	if ok {
		m.connected.Set(1)
	} else {
		m.connected.Set(0)
	}
}

// Connected counts a Socket Mode connection made.
func (m *Metrics) Connected() {
	if m != nil {
		m.connections.Inc()
	}
}

// WatchDocuments exposes the number of documents indexed as the gauge
// wieiswie_documents, read from count at every scrape so it follows
// reloads. Only the first call counts: a Metrics describes one bot.
func (m *Metrics) WatchDocuments(count func() int) {
	if m == nil || count == nil {
		return
	}
	// Register fails only for a second gauge of the same name; the first
	// one stays.
	_ = m.reg.Register(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Namespace: namespace, Name: "documents",
		Help: "Documents in the index the bot answers from.",
	}, func() float64 { return float64(count()) }))
}

// BuildInfo exposes wieiswie_build_info{version,commit,goversion} 1, the
// usual way to see in Prometheus which build runs where.
func (m *Metrics) BuildInfo(version, commit string) {
	if m == nil {
		return
	}
	_ = m.reg.Register(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Namespace: namespace, Name: "build_info",
		Help:        "Always 1; the labels say which build of wieiswie runs.",
		ConstLabels: prometheus.Labels{"version": version, "commit": commit, "goversion": runtime.Version()},
	}, func() float64 { return 1 }))
}

// WatchStale exposes wieiswie_knowledge_stale: 1 while the last reload
// failed and the knowledge answered from is behind the folder (see
// reload.Reloader.Stale), read from stale at every scrape.
func (m *Metrics) WatchStale(stale func() bool) {
	if m == nil || stale == nil {
		return
	}
	_ = m.reg.Register(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Namespace: namespace, Name: "knowledge_stale",
		Help: "1 while the last reload failed: the bot answers from the previous knowledge until a retry applies the changes.",
	}, func() float64 {
		if stale() {
			return 1
		}
		return 0
	}))
}

// StoreFailed counts a store operation (question, feedback, claim,
// finish) that failed after its retries.
func (m *Metrics) StoreFailed(op string) {
	if m != nil {
		m.storeFailures.WithLabelValues(op).Inc()
	}
}

// TookOver counts an event answered in place of an instance that died.
func (m *Metrics) TookOver() {
	if m != nil {
		m.takenOver.Inc()
	}
}
