package sqlite_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wieiswie/wieiswie/store"
	"github.com/wieiswie/wieiswie/store/sqlite"
	"github.com/wieiswie/wieiswie/store/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) string { return t.TempDir() },
		func(ctx context.Context, dir string, opts store.Options) (store.Store, error) {
			return sqlite.Open(ctx, dir, opts)
		})
}

// A data folder that cannot be made is an error naming it, not a panic.
func TestOpenUnwritableFolder(t *testing.T) {
	file := filepath.Join(t.TempDir(), "plain-file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := sqlite.Open(context.Background(), filepath.Join(file, "data"), store.Options{})
	if err == nil || !strings.Contains(err.Error(), "data folder") {
		t.Errorf("err = %v, want a data folder error", err)
	}
}
