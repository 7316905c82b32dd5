// Package sqlstore is the store.Store both databases share: the SQL they
// accept alike (upserts with ON CONFLICT, integer timestamps), run through
// database/sql. store/sqlite and store/postgres only open the connection
// and say how their dialect differs (Dialect).
package sqlstore

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/wieiswie/wieiswie/store"
)

// Dialect is what differs between the databases.
type Dialect struct {
	Name string // "sqlite" or "postgres", for errors
	// Numbered placeholders ($1, $2) instead of "?".
	Numbered bool
	// LockMigrations is run first in the migration transaction, so that
	// instances starting together migrate one after the other; "" for none.
	LockMigrations string
}

// DB is a store.Store on a database/sql handle.
type DB struct {
	db      *sql.DB
	dialect Dialect
	opts    store.Options
	key     []byte // pseudonym key, kept in the settings table
}

var _ store.Store = (*DB)(nil)

// Open migrates db to the latest schema, loads (or makes) the pseudonym
// key and returns the store. On error db is left open for the caller.
func Open(ctx context.Context, db *sql.DB, d Dialect, opts store.Options) (*DB, error) {
	s := &DB{db: db, dialect: d, opts: opts}
	if err := s.migrate(ctx); err != nil {
		return nil, fmt.Errorf("%s store: migrate: %w", d.Name, err)
	}
	if err := s.loadKey(ctx); err != nil {
		return nil, fmt.Errorf("%s store: pseudonym key: %w", d.Name, err)
	}
	return s, nil
}

// q adapts a query written with "?" to the dialect.
func (s *DB) q(query string) string {
	if !s.dialect.Numbered {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func (s *DB) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return s.db.ExecContext(ctx, s.q(query), args...)
}

func (s *DB) loadKey(ctx context.Context) error {
	if _, err := s.exec(ctx, `INSERT INTO settings(name, value) VALUES (?, ?) ON CONFLICT(name) DO NOTHING`,
		"pseudonym_key", hex.EncodeToString(store.NewKey())); err != nil {
		return err
	}
	var v string
	if err := s.db.QueryRowContext(ctx, s.q(`SELECT value FROM settings WHERE name = ?`), "pseudonym_key").Scan(&v); err != nil {
		return err
	}
	key, err := hex.DecodeString(v)
	if err != nil || len(key) < 16 {
		return errors.New("the stored key is damaged")
	}
	s.key = key
	return nil
}

// asker is what is stored for a Slack user ID.
func (s *DB) asker(userID string) string {
	if s.opts.KeepUserIDs {
		return userID
	}
	return store.Pseudonym(s.key, userID)
}

func ms(t time.Time) int64 { return t.UnixMilli() }

func fromMS(v int64) time.Time { return time.UnixMilli(v).UTC() }

func (s *DB) RecordQuestion(ctx context.Context, q store.Question) error {
	if q.ID == "" {
		return store.ErrNoID
	}
	docs, err := json.Marshal(nonNil(q.Documents))
	if err != nil {
		return err
	}
	_, err = s.exec(ctx, `INSERT INTO questions(id, at_ms, text, channel_type, outcome, topic, documents, asker)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`,
		q.ID, ms(q.At), q.Text, q.ChannelType, string(q.Outcome), q.Topic, string(docs), s.asker(q.Asker))
	if err != nil {
		return fmt.Errorf("record question: %w", err)
	}
	return nil
}

func (s *DB) RecordFeedback(ctx context.Context, f store.Feedback) error {
	if f.QuestionID == "" {
		return store.ErrNoID
	}
	_, err := s.exec(ctx, `INSERT INTO feedback(question_id, asker, kind, at_ms, reason, comment, question, document)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(question_id, asker, kind) DO UPDATE SET
			reason = CASE WHEN excluded.reason <> '' THEN excluded.reason ELSE feedback.reason END,
			comment = CASE WHEN excluded.comment <> '' THEN excluded.comment ELSE feedback.comment END,
			question = CASE WHEN feedback.question = '' THEN excluded.question ELSE feedback.question END,
			document = CASE WHEN feedback.document = '' THEN excluded.document ELSE feedback.document END`,
		f.QuestionID, s.asker(f.Asker), string(f.Kind), ms(f.At), f.Reason, f.Comment, f.Question, f.Document)
	if err != nil {
		return fmt.Errorf("record feedback: %w", err)
	}
	return nil
}

func (s *DB) Questions(ctx context.Context, since time.Time) ([]store.Question, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT id, at_ms, text, channel_type, outcome, topic, documents, asker
		FROM questions WHERE at_ms >= ? ORDER BY at_ms, id`), ms(since))
	if err != nil {
		return nil, fmt.Errorf("list questions: %w", err)
	}
	defer rows.Close()
	var out []store.Question
	for rows.Next() {
		var q store.Question
		var at int64
		var outcome, docs string
		if err := rows.Scan(&q.ID, &at, &q.Text, &q.ChannelType, &outcome, &q.Topic, &docs, &q.Asker); err != nil {
			return nil, fmt.Errorf("list questions: %w", err)
		}
		q.At, q.Outcome = fromMS(at), store.Outcome(outcome)
		if err := json.Unmarshal([]byte(docs), &q.Documents); err != nil {
			return nil, fmt.Errorf("list questions: documents of %s: %w", q.ID, err)
		}
		out = append(out, q)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list questions: %w", err)
	}
	return out, nil
}

func (s *DB) Feedback(ctx context.Context, since time.Time) ([]store.Feedback, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT question_id, asker, kind, at_ms, reason, comment, question, document
		FROM feedback WHERE at_ms >= ? ORDER BY at_ms, question_id, kind`), ms(since))
	if err != nil {
		return nil, fmt.Errorf("list feedback: %w", err)
	}
	defer rows.Close()
	var out []store.Feedback
	for rows.Next() {
		var f store.Feedback
		var at int64
		var kind string
		if err := rows.Scan(&f.QuestionID, &f.Asker, &kind, &at, &f.Reason, &f.Comment, &f.Question, &f.Document); err != nil {
			return nil, fmt.Errorf("list feedback: %w", err)
		}
		f.At, f.Kind = fromMS(at), store.FeedbackKind(kind)
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list feedback: %w", err)
	}
	return out, nil
}

func (s *DB) DeleteBefore(ctx context.Context, cutoff time.Time) (int, error) {
	total := 0
	for _, query := range []string{
		`DELETE FROM feedback WHERE at_ms < ?`,
		`DELETE FROM questions WHERE at_ms < ?`,
		`DELETE FROM claims WHERE at_ms < ?`,
	} {
		res, err := s.exec(ctx, query, ms(cutoff))
		if err != nil {
			return total, fmt.Errorf("delete old records: %w", err)
		}
		n, _ := res.RowsAffected()
		total += int(n)
	}
	return total, nil
}

func (s *DB) Claim(ctx context.Context, key, owner string, now time.Time, lease time.Duration, payload string) (won, done bool, err error) {
	// One statement: a new key is inserted; a held one is renewed by its
	// owner, or taken over when its lease ran out unfinished. Both
	// databases lock the row, so of two racing callers exactly one
	// changes it.
	res, err := s.exec(ctx, `INSERT INTO claims(claim_key, owner, at_ms, until_ms, done, payload) VALUES (?, ?, ?, ?, 0, ?)
		ON CONFLICT(claim_key) DO UPDATE SET owner = excluded.owner, until_ms = excluded.until_ms
		WHERE claims.done = 0 AND (claims.owner = excluded.owner OR claims.until_ms < ?)`,
		claimKey(key), owner, ms(now), ms(now.Add(lease)), payload, ms(now))
	if err != nil {
		return false, false, fmt.Errorf("claim: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return false, false, fmt.Errorf("claim: %w", err)
	} else if n == 1 {
		return true, false, nil
	}
	var d int
	if err := s.db.QueryRowContext(ctx, s.q(`SELECT done FROM claims WHERE claim_key = ?`), claimKey(key)).Scan(&d); err != nil {
		return false, false, fmt.Errorf("claim: %w", err)
	}
	return false, d == 1, nil
}

func (s *DB) Finish(ctx context.Context, key string) error {
	if _, err := s.exec(ctx, `UPDATE claims SET done = 1, payload = '' WHERE claim_key = ?`, claimKey(key)); err != nil {
		return fmt.Errorf("finish claim: %w", err)
	}
	return nil
}

func (s *DB) Orphans(ctx context.Context, now, since time.Time, limit int) ([]string, error) {
	if _, err := s.exec(ctx, `UPDATE claims SET payload = '' WHERE done = 0 AND payload <> '' AND at_ms < ?`, ms(since)); err != nil {
		return nil, fmt.Errorf("orphaned claims: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT payload FROM claims
		WHERE done = 0 AND payload <> '' AND until_ms < ? AND at_ms >= ? ORDER BY at_ms LIMIT ?`), ms(now), ms(since), limit)
	if err != nil {
		return nil, fmt.Errorf("orphaned claims: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			return nil, fmt.Errorf("orphaned claims: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// claimKey is what is stored for a claim: a hash, since the key names a
// channel and a message, which the store does not keep.
func claimKey(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:16])
}

func (s *DB) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }

func (s *DB) Close() error { return s.db.Close() }

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
