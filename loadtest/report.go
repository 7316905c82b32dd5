// Package loadtest drives the real bot (Bot.Serve in HTTP mode on a
// loopback listener) with signed Slack events from many concurrent senders
// against a fake Slack Web API, while the knowledge folder changes under
// it, and checks that Slack's promises hold: every event acknowledged
// within 3 s, every distinct event answered exactly once, no 5xx, no
// answer lost, and memory and goroutines back where they were after
// shutdown.
//
// The normal test suite runs a small load (TestLoad, a few hundred
// events). The full one runs on demand:
//
//	WIEISWIE_LOADTEST=1 go test ./loadtest -run TestLoad -v -timeout 10m
//
// This file holds what the test measures and reports; the harness is in
// load_test.go.
package loadtest

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Percentile returns the p-th percentile (0 < p ≤ 100) of ds by the
// nearest-rank method; 0 for none. ds is not changed.
func Percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	rank := int(float64(len(s))*p/100+0.999999999) - 1
	return s[min(max(rank, 0), len(s)-1)]
}

// ProcStatus reads fields of /proc/self/status in bytes (VmRSS, VmHWM:
// resident memory now and at its peak). It fails where there is no /proc.
func ProcStatus(fields ...string) (map[string]int64, error) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return nil, fmt.Errorf("read process status: %w", err)
	}
	defer f.Close()
	return parseStatus(f, fields)
}

func parseStatus(r io.Reader, fields []string) (map[string]int64, error) {
	out := make(map[string]int64, len(fields))
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		name, rest, ok := strings.Cut(sc.Text(), ":")
		if !ok || !slices.Contains(fields, name) {
			continue
		}
		kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
		if err != nil {
			return nil, fmt.Errorf("process status %s: %q is not a size in kB", name, rest)
		}
		out[name] = kb * 1024
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read process status: %w", err)
	}
	for _, f := range fields {
		if _, ok := out[f]; !ok {
			return nil, fmt.Errorf("process status has no %s", f)
		}
	}
	return out, nil
}

// Report is what one load test run measured.
type Report struct {
	Events, Retries, Senders int
	SendDuration             time.Duration // first delivery to last acknowledgement
	Duration                 time.Duration // first delivery to last answer posted and shutdown done

	AckP50, AckP99, AckMax time.Duration
	Non200, Status5xx      int

	Answered, Duplicates, Lost int // distinct events answered once, more than once, never
	SlackFaults                int // 429/5xx the fake Slack answered instead of posting
	SlackRetries               int // retries the bot counted

	Reloads, ReloadFailures int
	ReloadMax               time.Duration // the slowest reload, under load
	Documents               int           // in the index at the end

	RSSBefore, RSSPeak, RSSAfter       int64
	HeapBefore, HeapAfter              uint64
	GoroutinesBefore, GoroutinesDuring int
	GoroutinesAfter                    int
}

// MiB formats bytes as mebibytes.
func MiB[T int64 | uint64](b T) string { return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20)) }

// Markdown is the report as the table in BENCHMARKS.md.
func (r Report) Markdown() string {
	var b strings.Builder
	row := func(k, v string) { fmt.Fprintf(&b, "| %s | %s |\n", k, v) }
	b.WriteString("| measure | result |\n|---|---|\n")
	row("events (distinct)", strconv.Itoa(r.Events))
	row("deliveries (with Slack retries)", fmt.Sprintf("%d (%d retries, `X-Slack-Retry-Num: 1`)", r.Events+r.Retries, r.Retries))
	row("concurrent senders", strconv.Itoa(r.Senders))
	row("all delivered and acknowledged in", fmt.Sprintf("%s (%.0f deliveries/s)", r.SendDuration.Round(time.Millisecond), float64(r.Events+r.Retries)/r.SendDuration.Seconds()))
	row("all answered (shutdown drained) in", fmt.Sprintf("%s (%.0f answers/s)", r.Duration.Round(time.Millisecond), float64(r.Answered)/r.Duration.Seconds()))
	row("ack latency p50 / p99 / max", fmt.Sprintf("%s / %s / %s", r.AckP50.Round(time.Microsecond), r.AckP99.Round(time.Microsecond), r.AckMax.Round(time.Microsecond)))
	row("non-200 answers (5xx)", fmt.Sprintf("%d (%d)", r.Non200, r.Status5xx))
	row("events answered exactly once", fmt.Sprintf("%d / %d", r.Answered, r.Events))
	row("answered twice or more / lost", fmt.Sprintf("%d / %d", r.Duplicates, r.Lost))
	row("Slack 429/5xx injected / bot retries", fmt.Sprintf("%d / %d", r.SlackFaults, r.SlackRetries))
	row("knowledge reloads (failed), slowest", fmt.Sprintf("%d (%d), %s; %d documents at the end", r.Reloads, r.ReloadFailures, r.ReloadMax.Round(time.Millisecond), r.Documents))
	row("RSS before / peak / after", fmt.Sprintf("%s / %s / %s", MiB(r.RSSBefore), MiB(r.RSSPeak), MiB(r.RSSAfter)))
	row("Go heap in use before / after", fmt.Sprintf("%s / %s", MiB(r.HeapBefore), MiB(r.HeapAfter)))
	row("goroutines before / during / after", fmt.Sprintf("%d / %d / %d", r.GoroutinesBefore, r.GoroutinesDuring, r.GoroutinesAfter))
	return b.String()
}
