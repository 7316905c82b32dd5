package bot

import (
	"fmt"
	"sync"
	"testing"
	"time"
)

type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

func TestDedupe(t *testing.T) {
	clock := &fakeClock{now: time.Unix(1700000000, 0)}
	d := newDedupe(time.Minute, 100, clock.Now)

	steps := []struct {
		advance time.Duration
		key     string
		first   bool
	}{
		{0, "event:Ev1", true},
		{0, "event:Ev1", false},                // retried delivery
		{30 * time.Second, "event:Ev1", false}, // still within the TTL
		{0, "event:Ev2", true},
		{31 * time.Second, "event:Ev1", true}, // expired: new again
		{0, "event:Ev2", false},               // Ev2 is 31 s old
		{0, "", true},                         // no key: never a duplicate
		{0, "", true},
	}
	for i, s := range steps {
		clock.Advance(s.advance)
		if got := d.first(s.key); got != s.first {
			t.Fatalf("step %d: first(%q) = %v, want %v", i, s.key, got, s.first)
		}
	}
}

func TestDedupeBounded(t *testing.T) {
	clock := &fakeClock{now: time.Unix(1700000000, 0)}
	d := newDedupe(time.Hour, 50, clock.Now)
	for i := 0; i < 10000; i++ {
		clock.Advance(time.Millisecond)
		if !d.first(fmt.Sprintf("k%d", i)) {
			t.Fatalf("k%d reported as seen", i)
		}
		if n := d.len(); n > 50 {
			t.Fatalf("dedupe holds %d keys, bound is 50", n)
		}
	}
	if len(d.queue) > 200 {
		t.Errorf("queue grew to %d entries", len(d.queue))
	}
	if !d.first("k0") {
		t.Error("the oldest key should have been evicted")
	}
	if d.first("k9999") {
		t.Error("the newest key should still be remembered")
	}

	// Everything expires.
	clock.Advance(2 * time.Hour)
	d.first("fresh")
	if n := d.len(); n != 1 {
		t.Errorf("after the TTL %d keys remain, want 1", n)
	}
}

func TestDedupeConcurrent(t *testing.T) {
	d := newDedupe(time.Minute, 1000, nil)
	var wg sync.WaitGroup
	var mu sync.Mutex
	firsts := 0
	for i := 0; i < 20; i++ {
		wg.Go(func() {
			if d.first("same") {
				mu.Lock()
				firsts++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if firsts != 1 {
		t.Errorf("%d goroutines saw the key first, want 1", firsts)
	}
}
