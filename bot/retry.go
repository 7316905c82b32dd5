package bot

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/rs/zerolog"
	"github.com/slack-go/slack"

	"github.com/wieiswie/wieiswie/metrics"
)

// retryPolicy says how often and how long the bot tries a Slack call again
// when Slack is busy (429 with Retry-After), failing (5xx, internal_error)
// or unreachable. It is bounded both ways: at most attempts tries, no
// single wait longer than maxWait, and never past the caller's deadline, so
// an answer is late at worst, never stuck.
type retryPolicy struct {
	attempts int           // tries in all, the first one included
	maxWait  time.Duration // a longer Retry-After gives up at once
	backoff  time.Duration // first wait after a server or network error; doubles each time
	// sleep waits d or until ctx ends; nil: a timer. Tests replace it.
	sleep func(ctx context.Context, d time.Duration) error
}

// defaultRetry fits in answerTimeout: a 429's usual Retry-After (1 to a few
// seconds) or three backoffs (0.5 s, 1 s, 2 s) leave time to post.
var defaultRetry = retryPolicy{attempts: 4, maxWait: 20 * time.Second, backoff: 500 * time.Millisecond}

// transientSlackErrors are Web API "error" values that mean "try again
// later" (docs.slack.dev: every method's error list).
var transientSlackErrors = map[string]string{
	"ratelimited":         "rate_limited",
	"internal_error":      "slack_error",
	"fatal_error":         "slack_error",
	"service_unavailable": "slack_error",
	"request_timeout":     "slack_error",
}

// statusError is a response_url answer that was not 2xx. retryAfter is the
// Retry-After Slack sent with a 429 or 503; zero when none.
type statusError struct {
	code       int
	status     string
	body       string
	retryAfter time.Duration
}

func (e *statusError) Error() string {
	if e.body == "" {
		return "answered " + e.status
	}
	return "answered " + e.status + ": " + e.body
}

// parseRetryAfter reads a Retry-After header: seconds, or an HTTP date.
func parseRetryAfter(h string, now time.Time) time.Duration {
	h = strings.TrimSpace(h)
	if h == "" {
		return 0
	}
	if s, err := strconv.Atoi(h); err == nil {
		return time.Duration(max(s, 0)) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// retryable says whether err is worth another try, why (a metrics label),
// and how long Slack asked to wait (zero: use the backoff).
func retryable(ctx context.Context, err error) (reason string, wait time.Duration, ok bool) {
	if err == nil || ctx.Err() != nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return "", 0, false
	}
	if rl, isRL := errors.AsType[*slack.RateLimitedError](err); isRL {
		return "rate_limited", rl.RetryAfter, true
	}
	if se, isSE := errors.AsType[*statusError](err); isSE {
		switch {
		case se.code == http.StatusTooManyRequests:
			return "rate_limited", se.retryAfter, true
		case se.code >= 500:
			return "server_error", se.retryAfter, true
		}
		return "", 0, false
	}
	if sc, isSC := errors.AsType[slack.StatusCodeError](err); isSC {
		switch {
		case sc.Code == http.StatusTooManyRequests:
			return "rate_limited", 0, true
		case sc.Code >= 500:
			return "server_error", 0, true
		}
		return "", 0, false
	}
	if se, isSE := errors.AsType[slack.SlackErrorResponse](err); isSE {
		if reason, ok := transientSlackErrors[se.Err]; ok {
			return reason, 0, true
		}
		return "", 0, false
	}
	if _, isNet := errors.AsType[net.Error](err); isNet ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNREFUSED) {
		return "network", 0, true
	}
	return "", 0, false
}

// do runs call until it succeeds, fails for good, or the policy is spent.
// method names the call in logs and metrics. The error is call's last one;
// when the policy gave up early, it says why.
func (p retryPolicy) do(ctx context.Context, method string, m *metrics.Metrics, call func(context.Context) error) error {
	log := zerolog.Ctx(ctx)
	backoff := p.backoff
	for attempt := 1; ; attempt++ {
		err := call(ctx)
		if err == nil {
			return nil
		}
		reason, wait, ok := retryable(ctx, err)
		if !ok {
			return err
		}
		if attempt >= p.attempts {
			return fmt.Errorf("%w (gave up after %d attempts)", err, attempt)
		}
		if wait <= 0 {
			wait = backoff + rand.N(backoff/4+1) // jitter: retries from many answers spread out
			backoff *= 2
		}
		if wait > p.maxWait {
			return fmt.Errorf("%w (not retried: Slack asks to wait %s, more than %s)", err, wait, p.maxWait)
		}
		if deadline, has := ctx.Deadline(); has && time.Until(deadline) < wait {
			return fmt.Errorf("%w (not retried: waiting %s would pass the answer's deadline)", err, wait)
		}
		m.SlackRetry(method, reason)
		log.Warn().Err(err).Str("method", method).Str("reason", reason).Int("attempt", attempt).
			Dur("wait", wait).Msg("Slack call failed; retrying")
		if err := p.wait(ctx, wait); err != nil {
			return fmt.Errorf("%s: waiting to retry: %w", method, err)
		}
	}
}

func (p retryPolicy) wait(ctx context.Context, d time.Duration) error {
	if p.sleep != nil {
		return p.sleep(ctx, d)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// retryingMessenger retries what its next messenger fails to send, and
// counts what fails for good.
type retryingMessenger struct {
	next    messenger
	policy  retryPolicy
	metrics *metrics.Metrics
}

// Method names for logs and the slack_api_* metrics.
const (
	methodPostMessage   = "chat.postMessage"
	methodPostEphemeral = "chat.postEphemeral"
	methodResponseURL   = "response_url"
	methodViewsOpen     = "views.open"
	methodViewsPublish  = "views.publish"
)

func (r retryingMessenger) run(ctx context.Context, method string, call func(context.Context) error) error {
	err := r.policy.do(ctx, method, r.metrics, call)
	if err != nil {
		r.metrics.SlackError(method)
	}
	return err
}

func (r retryingMessenger) post(ctx context.Context, channel, threadTS string, m Message) error {
	return r.run(ctx, methodPostMessage, func(ctx context.Context) error { return r.next.post(ctx, channel, threadTS, m) })
}

func (r retryingMessenger) postEphemeral(ctx context.Context, channel, user, threadTS string, m Message) error {
	return r.run(ctx, methodPostEphemeral, func(ctx context.Context) error {
		return r.next.postEphemeral(ctx, channel, user, threadTS, m)
	})
}

func (r retryingMessenger) respond(ctx context.Context, responseURL string, resp response) error {
	return r.run(ctx, methodResponseURL, func(ctx context.Context) error { return r.next.respond(ctx, responseURL, resp) })
}

func (r retryingMessenger) openView(ctx context.Context, triggerID string, v slack.ModalViewRequest) error {
	return r.run(ctx, methodViewsOpen, func(ctx context.Context) error { return r.next.openView(ctx, triggerID, v) })
}

func (r retryingMessenger) publishView(ctx context.Context, userID string, v slack.HomeTabViewRequest) error {
	return r.run(ctx, methodViewsPublish, func(ctx context.Context) error { return r.next.publishView(ctx, userID, v) })
}
