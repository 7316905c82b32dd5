package sqlstore

import (
	"context"
	"fmt"
	"time"
)

// migrations are the schema's versions, in order; version N is
// migrations[N-1]. A released migration is never edited: a change is a new
// one. The SQL is what SQLite and PostgreSQL both accept.
var migrations = []string{
	// 1: questions, feedback, claims and the pseudonym key.
	`CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
	CREATE TABLE questions (
		id TEXT PRIMARY KEY,
		at_ms BIGINT NOT NULL,
		text TEXT NOT NULL,
		channel_type TEXT NOT NULL,
		outcome TEXT NOT NULL,
		topic TEXT NOT NULL,
		documents TEXT NOT NULL,
		asker TEXT NOT NULL
	);
	CREATE INDEX questions_at ON questions (at_ms);
	CREATE TABLE feedback (
		question_id TEXT NOT NULL,
		asker TEXT NOT NULL,
		kind TEXT NOT NULL,
		at_ms BIGINT NOT NULL,
		reason TEXT NOT NULL,
		comment TEXT NOT NULL,
		question TEXT NOT NULL,
		document TEXT NOT NULL,
		PRIMARY KEY (question_id, asker, kind)
	);
	CREATE INDEX feedback_at ON feedback (at_ms);
	CREATE TABLE claims (
		claim_key TEXT PRIMARY KEY,
		owner TEXT NOT NULL,
		at_ms BIGINT NOT NULL,
		until_ms BIGINT NOT NULL,
		done INTEGER NOT NULL,
		payload TEXT NOT NULL
	);
	CREATE INDEX claims_at ON claims (at_ms);`,
}

// migrate brings the schema to the latest version in one transaction: a
// failed step leaves the previous version whole (both databases have
// transactional DDL). A database newer than this program is refused, so an
// old instance never writes into a schema it does not know.
func (s *DB) migrate(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if s.dialect.LockMigrations != "" {
		if _, err := tx.ExecContext(ctx, s.dialect.LockMigrations); err != nil {
			return fmt.Errorf("lock: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_ms BIGINT NOT NULL)`); err != nil {
		return err
	}
	var current int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return err
	}
	if current > len(migrations) {
		return fmt.Errorf("the database is at schema version %d, newer than this wieiswie knows (%d): upgrade wieiswie", current, len(migrations))
	}
	for v := current + 1; v <= len(migrations); v++ {
		if _, err := tx.ExecContext(ctx, migrations[v-1]); err != nil {
			return fmt.Errorf("version %d: %w", v, err)
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO schema_migrations (version, applied_ms) VALUES (?, ?)`), v, time.Now().UnixMilli()); err != nil {
			return fmt.Errorf("version %d: %w", v, err)
		}
	}
	return tx.Commit()
}
