// Package sqlite is the embedded store: one SQLite file in DATA_DIR, in
// pure Go (modernc.org/sqlite), so the distroless image and `go run` need
// no database server. It suits one instance; several share PostgreSQL.
package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/wieiswie/wieiswie/store"
	"github.com/wieiswie/wieiswie/store/internal/sqlstore"
)

// FileName is the database's name inside the data folder.
const FileName = "wieiswie.db"

// Open opens (creating it and the folder if needed) the store in dir and
// migrates it to the current schema.
func Open(ctx context.Context, dir string, opts store.Options) (*sqlstore.DB, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("sqlite store: data folder: %w", err)
	}
	path := filepath.Join(dir, FileName)
	// WAL lets the report read while the bot writes; busy_timeout makes a
	// writer wait for another instead of failing at once.
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(5000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("sqlite store %s: %w", path, err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite store %s: %w", path, err)
	}
	s, err := sqlstore.Open(ctx, db, sqlstore.Dialect{Name: "sqlite"}, opts)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}
