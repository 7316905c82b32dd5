// Package postgres is the store for several instances: they share one
// PostgreSQL database (DATABASE_URL), its questions, feedback and claims,
// so each Slack event is answered once between them. It goes through pgx's
// database/sql driver, the maintained pure-Go PostgreSQL client.
package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/wieiswie/wieiswie/store"
	"github.com/wieiswie/wieiswie/store/internal/sqlstore"
)

// migrationLock is the advisory lock id under which instances starting
// together migrate one after the other.
const migrationLock = 7_266_318_001

// Open connects to the database url names (a postgres:// URL or a
// key=value string) and migrates it. The error never repeats the URL, which
// may hold a password.
func Open(ctx context.Context, databaseURL string, opts store.Options) (*sqlstore.DB, error) {
	cfg, err := pgx.ParseConfig(databaseURL)
	if err != nil {
		return nil, fmt.Errorf("postgres store: DATABASE_URL is not a valid connection string")
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = 5 * time.Second
	}
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(8)
	db.SetConnMaxIdleTime(5 * time.Minute)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres store at %s: %w", where(cfg), err)
	}
	s, err := sqlstore.Open(ctx, db, sqlstore.Dialect{
		Name:           "postgres",
		Numbered:       true,
		LockMigrations: fmt.Sprintf("SELECT pg_advisory_xact_lock(%d)", migrationLock),
	}, opts)
	if err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// where names the server and database without credentials.
func where(cfg *pgx.ConnConfig) string {
	return fmt.Sprintf("%s:%d/%s", cfg.Host, cfg.Port, cfg.Database)
}
