package loadtest

import (
	"strings"
	"testing"
	"time"
)

func TestPercentile(t *testing.T) {
	ms := func(ns ...int) []time.Duration {
		var out []time.Duration
		for _, n := range ns {
			out = append(out, time.Duration(n)*time.Millisecond)
		}
		return out
	}
	tests := []struct {
		name string
		ds   []time.Duration
		p    float64
		want time.Duration
	}{
		{"none", nil, 50, 0},
		{"one", ms(7), 99, 7 * time.Millisecond},
		{"median of odd", ms(5, 1, 3), 50, 3 * time.Millisecond},
		{"nearest rank", ms(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 90, 9 * time.Millisecond},
		{"p99 of 100", ms(make([]int, 99)...), 100, 0},
		{"max", ms(4, 9, 2), 100, 9 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Percentile(tt.ds, tt.p); got != tt.want {
				t.Errorf("Percentile(%v, %v) = %s, want %s", tt.ds, tt.p, got, tt.want)
			}
		})
	}
	ds := ms(3, 1, 2)
	Percentile(ds, 50)
	if ds[0] != 3*time.Millisecond {
		t.Error("Percentile sorted its input")
	}
}

func TestParseStatus(t *testing.T) {
	status := "Name:\tloadtest.test\nVmHWM:\t  102400 kB\nVmRSS:\t   51200 kB\nThreads:\t9\n"
	got, err := parseStatus(strings.NewReader(status), []string{"VmRSS", "VmHWM"})
	if err != nil || got["VmRSS"] != 50<<20 || got["VmHWM"] != 100<<20 {
		t.Errorf("parseStatus = %v, %v", got, err)
	}
	if _, err := parseStatus(strings.NewReader(status), []string{"VmSwap"}); err == nil {
		t.Error("a missing field is not an error")
	}
	if _, err := parseStatus(strings.NewReader("VmRSS:\tlots\n"), []string{"VmRSS"}); err == nil {
		t.Error("a malformed size is not an error")
	}
}

func TestReportMarkdown(t *testing.T) {
	md := Report{Events: 10, Retries: 1, Senders: 2, SendDuration: time.Second, Duration: 2 * time.Second, Answered: 10, RSSPeak: 3 << 20}.Markdown()
	for _, want := range []string{"| events (distinct) | 10 |", "11 deliveries/s", "5 answers/s", "3.0 MiB"} {
		if !strings.Contains(md, want) {
			t.Errorf("report lacks %q:\n%s", want, md)
		}
	}
}
