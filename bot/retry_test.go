package bot

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"github.com/slack-go/slack"

	"github.com/wieiswie/wieiswie/metrics"
)

func TestRetryable(t *testing.T) {
	tests := []struct {
		name   string
		err    error
		reason string
		wait   time.Duration
	}{
		{"slack-go 429", fmt.Errorf("chat.postMessage: %w", &slack.RateLimitedError{RetryAfter: 3 * time.Second}), "rate_limited", 3 * time.Second},
		{"slack-go 503", slack.StatusCodeError{Code: 503, Status: "503 Service Unavailable"}, "server_error", 0},
		{"slack-go 429 without Retry-After", slack.StatusCodeError{Code: 429}, "rate_limited", 0},
		{"slack-go 404", slack.StatusCodeError{Code: 404}, "", 0},
		{"internal_error", slack.SlackErrorResponse{Err: "internal_error"}, "slack_error", 0},
		{"ratelimited in the body", slack.SlackErrorResponse{Err: "ratelimited"}, "rate_limited", 0},
		{"channel_not_found", slack.SlackErrorResponse{Err: "channel_not_found"}, "", 0},
		{"invalid_auth", slack.SlackErrorResponse{Err: "invalid_auth"}, "", 0},
		{"response_url 429", fmt.Errorf("response_url at x: %w", &statusError{code: 429, retryAfter: 2 * time.Second}), "rate_limited", 2 * time.Second},
		{"response_url 502", &statusError{code: 502}, "server_error", 0},
		{"response_url 404 expired", &statusError{code: 404}, "", 0},
		{"connection refused", fmt.Errorf("post: %w", syscall.ECONNREFUSED), "network", 0},
		{"connection cut", io.ErrUnexpectedEOF, "network", 0},
		{"deadline", context.DeadlineExceeded, "", 0},
		{"something else", errors.New("no"), "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reason, wait, ok := retryable(context.Background(), tt.err)
			if reason != tt.reason || wait != tt.wait || ok != (tt.reason != "") {
				t.Errorf("retryable = %q, %s, %v; want %q, %s", reason, wait, ok, tt.reason, tt.wait)
			}
		})
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, ok := retryable(ctx, slack.StatusCodeError{Code: 503}); ok {
		t.Error("retryable after the context ended")
	}
}

// sleeps records the waits a policy asks for, without waiting.
type sleeps struct {
	mu    sync.Mutex
	waits []time.Duration
}

func (s *sleeps) sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.waits = append(s.waits, d)
	s.mu.Unlock()
	return ctx.Err()
}

func (s *sleeps) all() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.waits...)
}

func TestRetryPolicy(t *testing.T) {
	busy := &slack.RateLimitedError{RetryAfter: 2 * time.Second}
	down := slack.StatusCodeError{Code: 503, Status: "503 Service Unavailable"}
	tests := []struct {
		name      string
		errs      []error // what each call returns; past the end: nil
		deadline  time.Duration
		wantCalls int
		wantWaits []time.Duration // backoffs are checked as [w, w*1.25]
		wantErr   string
	}{
		{"first try", nil, 0, 1, nil, ""},
		{"429 waits Retry-After", []error{busy}, 0, 2, []time.Duration{2 * time.Second}, ""},
		{"5xx backs off, doubling", []error{down, down, down}, 0, 4, []time.Duration{100 * time.Millisecond, 200 * time.Millisecond, 400 * time.Millisecond}, ""},
		{"gives up after the attempts", []error{down, down, down, down, down}, 0, 4, []time.Duration{100 * time.Millisecond, 200 * time.Millisecond, 400 * time.Millisecond}, "gave up after 4 attempts"},
		{"Retry-After too long", []error{&slack.RateLimitedError{RetryAfter: time.Minute}}, 0, 1, nil, "more than 20s"},
		{"not worth retrying", []error{slack.SlackErrorResponse{Err: "channel_not_found"}}, 0, 1, nil, "channel_not_found"},
		{"would pass the deadline", []error{busy}, time.Second, 1, nil, "would pass the answer's deadline"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &sleeps{}
			p := retryPolicy{attempts: 4, maxWait: 20 * time.Second, backoff: 100 * time.Millisecond, sleep: s.sleep}
			ctx := context.Background()
			if tt.deadline > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, tt.deadline)
				defer cancel()
			}
			m := metrics.New()
			calls := 0
			err := p.do(ctx, "chat.postMessage", m, func(context.Context) error {
				calls++
				if calls <= len(tt.errs) {
					return tt.errs[calls-1]
				}
				return nil
			})
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("err = %v, want %q", err, tt.wantErr)
			}
			if calls != tt.wantCalls {
				t.Errorf("%d calls, want %d", calls, tt.wantCalls)
			}
			waits := s.all()
			if len(waits) != len(tt.wantWaits) {
				t.Fatalf("waits %v, want %v", waits, tt.wantWaits)
			}
			for i, w := range tt.wantWaits {
				if waits[i] < w || waits[i] > w+w/4 {
					t.Errorf("wait %d = %s, want %s (+25%% jitter)", i, waits[i], w)
				}
			}
			if got := scrape(t, m, "wieiswie_slack_api_retries_total"); got != 0 && len(waits) == 0 {
				t.Errorf("retries counted without retrying")
			}
		})
	}
}

// TestRetryPolicyCancelled: shutting down while waiting to retry (here a
// 15-minute backoff) ends the wait at once.
func TestRetryPolicyCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	p := retryPolicy{attempts: 4, maxWait: time.Hour, backoff: 15 * time.Minute}
	called := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- p.do(ctx, "chat.postMessage", nil, func(context.Context) error {
			close(called)
			return slack.StatusCodeError{Code: 500}
		})
	}()
	<-called
	cancel()
	select {
	case err := <-done:
		if err == nil {
			t.Error("no error after cancel")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the wait was not cancelled")
	}
}

// flakySlack answers each path with a scripted list of responses, then
// with success, and counts the calls.
type flakySlack struct {
	mu      sync.Mutex
	script  map[string][]func(w http.ResponseWriter)
	calls   map[string]int
	srv     *httptest.Server
	okCalls map[string]int
}

func newFlakySlack(t *testing.T, script map[string][]func(w http.ResponseWriter)) *flakySlack {
	f := &flakySlack{script: script, calls: map[string]int{}, okCalls: map[string]int{}}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		f.mu.Lock()
		f.calls[r.URL.Path]++
		var next func(http.ResponseWriter)
		if q := f.script[r.URL.Path]; len(q) > 0 {
			next, f.script[r.URL.Path] = q[0], q[1:]
		} else {
			f.okCalls[r.URL.Path]++
		}
		f.mu.Unlock()
		if next != nil {
			next(w)
			return
		}
		if strings.HasPrefix(r.URL.Path, "/api/") {
			w.Header().Set("Content-Type", "application/json")
			_, _ = io.WriteString(w, `{"ok":true,"channel":"C1","ts":"1.2","message_ts":"1.2"}`)
			return
		}
		_, _ = io.WriteString(w, "ok")
	}))
	t.Cleanup(f.srv.Close)
	return f
}

func status(code int, retryAfter string) func(http.ResponseWriter) {
	return func(w http.ResponseWriter) {
		if retryAfter != "" {
			w.Header().Set("Retry-After", retryAfter)
		}
		http.Error(w, http.StatusText(code), code)
	}
}

func slackError(code string) func(http.ResponseWriter) {
	return func(w http.ResponseWriter) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"ok":false,"error":%q}`, code)
	}
}

// TestMessengerRetries runs the real messenger (slack-go for the Web API,
// its own client for response URLs) against a Slack that is busy or
// failing, and checks what is retried, how long it waits, and what is
// counted.
func TestMessengerRetries(t *testing.T) {
	tests := []struct {
		name      string
		path      string
		script    []func(http.ResponseWriter)
		send      func(ctx context.Context, m messenger, base string) error
		wantCalls int
		wantWaits []time.Duration // exact ones; zero: any backoff
		wantErr   string
		retries   string // series that must count the retries
	}{
		{
			name: "chat.postMessage 429 with Retry-After", path: "/api/chat.postMessage",
			script: []func(http.ResponseWriter){status(429, "3")},
			send: func(ctx context.Context, m messenger, _ string) error {
				return m.post(ctx, "C1", "", plainMessage("hoi"))
			},
			wantCalls: 2, wantWaits: []time.Duration{3 * time.Second},
			retries: `wieiswie_slack_api_retries_total{method="chat.postMessage",reason="rate_limited"}`,
		},
		{
			name: "chat.postEphemeral internal_error, then 500", path: "/api/chat.postEphemeral",
			script: []func(http.ResponseWriter){slackError("internal_error"), status(500, "")},
			send: func(ctx context.Context, m messenger, _ string) error {
				return m.postEphemeral(ctx, "C1", "U1", "", plainMessage("hoi"))
			},
			wantCalls: 3, wantWaits: []time.Duration{0, 0},
			retries: `wieiswie_slack_api_retries_total{method="chat.postEphemeral",reason="slack_error"}`,
		},
		{
			name: "response_url 503, then 429 with Retry-After", path: "/response/1",
			script: []func(http.ResponseWriter){status(503, ""), status(429, "2")},
			send: func(ctx context.Context, m messenger, base string) error {
				return m.respond(ctx, base+"/response/1", response{Message: plainMessage("hoi"), ResponseType: responseEphemeral})
			},
			wantCalls: 3, wantWaits: []time.Duration{0, 2 * time.Second},
			retries: `wieiswie_slack_api_retries_total{method="response_url",reason="rate_limited"}`,
		},
		{
			name: "response_url expired: not retried", path: "/response/2",
			script: []func(http.ResponseWriter){status(404, "")},
			send: func(ctx context.Context, m messenger, base string) error {
				return m.respond(ctx, base+"/response/2", response{Message: plainMessage("hoi")})
			},
			wantCalls: 1, wantErr: "404 Not Found",
		},
		{
			name: "chat.postMessage down for good", path: "/api/chat.postMessage",
			script: []func(http.ResponseWriter){status(502, ""), status(502, ""), status(502, ""), status(502, "")},
			send: func(ctx context.Context, m messenger, _ string) error {
				return m.post(ctx, "C1", "", plainMessage("hoi"))
			},
			wantCalls: 4, wantWaits: []time.Duration{0, 0, 0}, wantErr: "gave up after 4 attempts",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := newFlakySlack(t, map[string][]func(http.ResponseWriter){tt.path: tt.script})
			s := &sleeps{}
			m := metrics.New()
			api := slack.New(testBotToken, slack.OptionAPIURL(fake.srv.URL+"/api/"))
			msgr := retryingMessenger{
				next:    slackMessenger{api: api, http: fake.srv.Client()},
				policy:  retryPolicy{attempts: 4, maxWait: 20 * time.Second, backoff: 10 * time.Millisecond, sleep: s.sleep},
				metrics: m,
			}
			var logs syncBuffer
			ctx := zerolog.New(&logs).With().Str("request_id", "req-1").Logger().WithContext(context.Background())
			err := tt.send(ctx, msgr, fake.srv.URL)
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("err = %v, want %q", err, tt.wantErr)
			}
			if got := fake.calls[tt.path]; got != tt.wantCalls {
				t.Errorf("%d calls, want %d", got, tt.wantCalls)
			}
			waits := s.all()
			if len(waits) != len(tt.wantWaits) {
				t.Fatalf("waits %v, want %v", waits, tt.wantWaits)
			}
			for i, w := range tt.wantWaits {
				if w != 0 && waits[i] != w {
					t.Errorf("wait %d = %s, want %s", i, waits[i], w)
				}
			}
			if tt.retries != "" && scrape(t, m, tt.retries) == 0 {
				t.Errorf("%s not counted:\n%s", tt.retries, scrapeText(t, m))
			}
			failed := 0.0
			for _, method := range []string{methodPostMessage, methodPostEphemeral, methodResponseURL} {
				failed += scrape(t, m, `wieiswie_slack_api_errors_total{method="`+method+`"}`)
			}
			if (tt.wantErr != "") != (failed == 1) {
				t.Errorf("slack_api_errors_total = %v with error %v", failed, err)
			}
			for _, l := range logLines(t, logs.String()) {
				if l["request_id"] != "req-1" {
					t.Errorf("retry log line without the request's id: %v", l)
				}
			}
		})
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"", 0},
		{"7", 7 * time.Second},
		{" 2 ", 2 * time.Second},
		{"-1", 0},
		{"soon", 0},
		{now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second},
		{now.Add(-time.Minute).Format(http.TimeFormat), 0},
	}
	for _, tt := range tests {
		if got := parseRetryAfter(tt.in, now); got != tt.want {
			t.Errorf("parseRetryAfter(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
