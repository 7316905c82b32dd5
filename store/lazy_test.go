package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/wieiswie/wieiswie/store"
	"github.com/wieiswie/wieiswie/store/sqlite"
)

// A store that was down at start-up is opened by a later call once the
// retry interval has passed; before that every call fails at once with the
// reason, without trying again.
func TestLazyOpensWhenTheDatabaseComesBack(t *testing.T) {
	dir := t.TempDir()
	down := errors.New("connection refused")
	opens := 0
	up := false
	l := store.NewLazy(func(ctx context.Context) (store.Store, error) {
		opens++
		if !up {
			return nil, down
		}
		return sqlite.Open(ctx, dir, store.Options{})
	}, 50*time.Millisecond, down)
	defer l.Close()
	ctx := context.Background()
	if err := l.RecordQuestion(ctx, store.Question{ID: "q1", At: time.Now(), Text: "x"}); !errors.Is(err, down) {
		t.Fatalf("while down: %v", err)
	}
	if opens != 0 {
		t.Errorf("tried to open %d times within the retry interval, want 0", opens)
	}
	time.Sleep(60 * time.Millisecond)
	if err := l.Ping(ctx); !errors.Is(err, down) || opens != 1 {
		t.Fatalf("after the interval, still down: %v, %d opens", err, opens)
	}
	up = true
	time.Sleep(60 * time.Millisecond)
	if err := l.RecordQuestion(ctx, store.Question{ID: "q1", At: time.Now(), Text: "x"}); err != nil {
		t.Fatalf("after the database came back: %v", err)
	}
	if qs, err := l.Questions(ctx, time.Time{}); err != nil || len(qs) != 1 || opens != 2 {
		t.Errorf("questions %v, %v after %d opens", qs, err, opens)
	}
}
