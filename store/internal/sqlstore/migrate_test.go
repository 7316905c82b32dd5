package sqlstore

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"

	"github.com/wieiswie/wieiswie/store"
)

// Opening migrates to the latest version once; a database that a newer
// wieiswie migrated is refused rather than written with an old schema.
func TestMigrationsAreVersioned(t *testing.T) {
	ctx := context.Background()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for range 2 {
		if _, err := Open(ctx, db, Dialect{Name: "sqlite"}, store.Options{}); err != nil {
			t.Fatalf("open: %v", err)
		}
	}
	var versions, latest int
	if err := db.QueryRow(`SELECT COUNT(*), MAX(version) FROM schema_migrations`).Scan(&versions, &latest); err != nil {
		t.Fatal(err)
	}
	if versions != len(migrations) || latest != len(migrations) {
		t.Errorf("%d versions recorded, latest %d; want each of %d once", versions, latest, len(migrations))
	}
	if _, err := db.Exec(`INSERT INTO schema_migrations (version, applied_ms) VALUES (?, 0)`, len(migrations)+1); err != nil {
		t.Fatal(err)
	}
	_, err = Open(ctx, db, Dialect{Name: "sqlite"}, store.Options{})
	if err == nil || !strings.Contains(err.Error(), "newer than this wieiswie knows") {
		t.Errorf("a newer schema: %v", err)
	}
}

func TestNumberedPlaceholders(t *testing.T) {
	s := &DB{dialect: Dialect{Numbered: true}}
	if got := s.q(`SELECT a FROM t WHERE b = ? AND c < ?`); got != `SELECT a FROM t WHERE b = $1 AND c < $2` {
		t.Errorf("q = %s", got)
	}
}
