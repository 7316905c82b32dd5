package bot

import (
	"net/http"

	"github.com/wieiswie/wieiswie/metrics"
)

// Option changes how New and NewHandler make a bot.
type Option func(*options)

type options struct {
	metrics   *metrics.Metrics
	perMinute int // questions per user per minute; 0: no limit
	burst     int
	limitSet  bool // WithRateLimit was given: it wins over the Config
	retry     retryPolicy
	claims    *claims      // shared with other instances; nil: this one only
	page      http.Handler // the web page, served beside the bot; nil: none
}

func newOptions(opts []Option) options {
	o := options{retry: defaultRetry}
	for _, opt := range opts {
		opt(&o)
	}
	return o
}

// WithMetrics counts into m, which the caller can also feed (reloads it
// starts itself: m.ObserveReload). Without it New makes its own; GET
// /metrics serves whichever is used.
func WithMetrics(m *metrics.Metrics) Option {
	return func(o *options) { o.metrics = m }
}

// WithRateLimit lets each Slack user ask perMinute questions a minute
// after a burst of burst in a row; perMinute 0 turns the limit off. New
// takes it from the Config (RATE_LIMIT_PER_MINUTE) unless this is given.
func WithRateLimit(perMinute, burst int) Option {
	return func(o *options) { o.perMinute, o.burst, o.limitSet = perMinute, burst, true }
}

// withRetry replaces the retry policy for Slack calls; tests use it to
// retry without waiting.
func withRetry(p retryPolicy) Option {
	return func(o *options) { o.retry = p }
}

// WithSharedDedupe makes instances that share dir answer each question
// once between them (DEDUPE_DIR).
func WithSharedDedupe(dir string) Option {
	return func(o *options) {
		if c, err := newClaims(dir, dedupeTTL); err == nil {
			o.claims = c
		}
	}
}
