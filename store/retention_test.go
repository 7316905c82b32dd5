package store_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/wieiswie/wieiswie/store"
	"github.com/wieiswie/wieiswie/store/sqlite"
)

// clock is a time the test moves.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// Records past RETENTION_DAYS are gone after the daily sweep; younger ones
// stay.
func TestRetentionSweepsDaily(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s, err := sqlite.Open(ctx, t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	start := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	c := &clock{now: start}
	for i, age := range []int{100, 91, 89, 1} { // days before start
		at := start.AddDate(0, 0, -age)
		id := string(rune('a' + i))
		if err := s.RecordQuestion(ctx, store.Question{ID: id, At: at, Text: "q"}); err != nil {
			t.Fatal(err)
		}
		if err := s.RecordFeedback(ctx, store.Feedback{QuestionID: id, At: at, Kind: store.Down}); err != nil {
			t.Fatal(err)
		}
	}
	tick := make(chan time.Time)
	swept := make(chan struct{})
	go func() {
		store.Retention{Store: sweepSignal{s, swept}, Keep: 90 * 24 * time.Hour, Now: c.Now, Log: zerolog.Nop()}.Run(ctx, tick)
	}()
	<-swept // the sweep at start
	ids := func() []string {
		qs, err := s.Questions(ctx, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		fs, _ := s.Feedback(ctx, time.Time{})
		if len(fs) != len(qs) {
			t.Errorf("%d feedback records for %d questions", len(fs), len(qs))
		}
		var out []string
		for _, q := range qs {
			out = append(out, q.ID)
		}
		return out
	}
	if got := ids(); len(got) != 2 || got[0] != "c" || got[1] != "d" {
		t.Errorf("after the first sweep: %v, want [c d]", got)
	}
	c.add(2 * 24 * time.Hour) // c is now 91 days old
	tick <- c.Now()
	<-swept
	if got := ids(); len(got) != 1 || got[0] != "d" {
		t.Errorf("two days later: %v, want [d]", got)
	}
}

// sweepSignal reports each DeleteBefore, so the test knows a sweep ran.
type sweepSignal struct {
	store.Store
	done chan struct{}
}

func (s sweepSignal) DeleteBefore(ctx context.Context, cutoff time.Time) (int, error) {
	n, err := s.Store.DeleteBefore(ctx, cutoff)
	s.done <- struct{}{}
	return n, err
}

// A retention of zero would delete everything: it is refused.
func TestRetentionRefusesZero(t *testing.T) {
	s, err := sqlite.Open(context.Background(), t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.RecordQuestion(context.Background(), store.Question{ID: "q", At: time.Now().Add(-time.Hour), Text: "q"}); err != nil {
		t.Fatal(err)
	}
	if _, err := (store.Retention{Store: s}).Sweep(context.Background()); err == nil {
		t.Error("a sweep without a retention period ran")
	}
	if qs, _ := s.Questions(context.Background(), time.Time{}); len(qs) != 1 {
		t.Error("the record was deleted")
	}
}
