package bot

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rs/zerolog"
)

// Two instances sharing a folder: of many concurrent claims on one key,
// exactly one wins; another key is free; an expired claim is free again.
func TestClaimsAnswerOnceAcrossInstances(t *testing.T) {
	dir := t.TempDir()
	a, err := newClaims(dir, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := newClaims(dir, time.Minute)
	var won atomic.Int32
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := a
			if i%2 == 1 {
				c = b
			}
			if c.claim("message:C1:1700000000.000100") {
				won.Add(1)
			}
		}()
	}
	wg.Wait()
	if won.Load() != 1 {
		t.Errorf("%d instances answered, want 1", won.Load())
	}
	if !b.claim("message:C1:1700000000.000200") {
		t.Error("another question was refused")
	}
	later := time.Now().Add(2 * time.Minute)
	b.now = func() time.Time { return later }
	if !b.claim("message:C1:1700000000.000100") {
		t.Error("an expired claim still blocks")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("%d claim files, want 2", len(entries))
	}
	b.sweep() // by b's clock every file on disk is older than the TTL
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("%d claim files after sweep, want 0", len(entries))
	}
}

func TestClaimsUnwritableFolderAnswersAnyway(t *testing.T) {
	c := &claims{dir: filepath.Join(t.TempDir(), "missing", "deeper"), ttl: time.Minute, now: time.Now}
	if !c.claim("k") {
		t.Error("an unwritable folder must not stop answers")
	}
}

// Two running instances both receive a mention over Socket Mode: one answer.
func TestTwoInstancesAnswerOnce(t *testing.T) {
	dir := t.TempDir()
	var handlers []*Handler
	var recs []*recorder
	for range 2 {
		h, rec := newTestHandler(t, mietAsker(), zerolog.Nop())
		h.claims, _ = newClaims(dir, time.Minute)
		handlers, recs = append(handlers, h), append(recs, rec)
	}
	ev := mention("<@"+botUser+"> wie is algemeen directeur", "1700000000.000100", "")
	for i, h := range handlers {
		h.HandleEvent(context.Background(), "Ev"+string(rune('A'+i)), ev, zerolog.Nop())
		h.Close()
	}
	if n := len(recs[0].all()) + len(recs[1].all()); n != 1 {
		t.Errorf("%d answers from two instances, want 1", n)
	}
}
