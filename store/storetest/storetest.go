// Package storetest is the conformance suite every store.Store passes,
// and the PostgreSQL test database helper: the same tests run against
// SQLite and a real PostgreSQL server, so the two never drift apart.
package storetest

import (
	"context"
	"fmt"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/wieiswie/wieiswie/store"
)

// Opener opens the store at location (a folder or a database URL) with
// opts; NewLocation gives each test an empty one.
type (
	Opener      func(ctx context.Context, location string, opts store.Options) (store.Store, error)
	NewLocation func(t *testing.T) string
)

// Run runs the suite.
func Run(t *testing.T, newLocation NewLocation, open Opener) {
	mustOpen := func(t *testing.T, loc string, opts store.Options) store.Store {
		t.Helper()
		s, err := open(context.Background(), loc, opts)
		if err != nil {
			t.Fatalf("open: %v", err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	t.Run("QuestionsRoundTripAndAskersArePseudonyms", func(t *testing.T) {
		loc := newLocation(t)
		s := mustOpen(t, loc, store.Options{})
		ctx := context.Background()
		at := time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC)
		qs := []store.Question{
			{ID: "a1", At: at, Text: "wie is <!channel> de algemeen directeur?", ChannelType: store.ChannelMention,
				Outcome: store.Answered, Topic: "algemeen directeur", Documents: []string{"000_miet.txt", "004_fd.txt"}, Asker: "U0ASKER"},
			{ID: "a2", At: at.Add(time.Minute), Text: "wie doet de brandweer 🚒", ChannelType: store.ChannelDM,
				Outcome: store.NotFound, Topic: "brandweer", Asker: "U0ASKER"},
			{ID: "a3", At: at.Add(2 * time.Minute), Text: "telefoon schepen", ChannelType: store.ChannelSlash,
				Outcome: store.Ambiguous, Topic: "schepen", Documents: []string{"x.md"}, Asker: "U0OTHER"},
		}
		for _, q := range []store.Question{qs[2], qs[0], qs[1]} {
			if err := s.RecordQuestion(ctx, q); err != nil {
				t.Fatalf("record %s: %v", q.ID, err)
			}
		}
		if err := s.RecordQuestion(ctx, qs[0]); err != nil {
			t.Fatalf("recording a question again must be harmless: %v", err)
		}
		if err := s.RecordQuestion(ctx, store.Question{Text: "zonder id"}); err == nil {
			t.Error("a question without ID was accepted")
		}
		got, err := s.Questions(ctx, at)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 3 {
			t.Fatalf("%d questions, want 3", len(got))
		}
		for i, g := range got {
			w := qs[i]
			if g.ID != w.ID || !g.At.Equal(w.At) || g.Text != w.Text || g.ChannelType != w.ChannelType ||
				g.Outcome != w.Outcome || g.Topic != w.Topic || !slices.Equal(g.Documents, w.Documents) && len(w.Documents)+len(g.Documents) > 0 {
				t.Errorf("question %d = %+v, want %+v", i, g, w)
			}
			if g.Asker == w.Asker || g.Asker == "" {
				t.Errorf("question %s keeps asker %q: want a pseudonym of %q", g.ID, g.Asker, w.Asker)
			}
		}
		if got[0].Asker != got[1].Asker || got[0].Asker == got[2].Asker {
			t.Errorf("pseudonyms %q %q %q: the same asker must match, others differ", got[0].Asker, got[1].Asker, got[2].Asker)
		}
		later, err := s.Questions(ctx, at.Add(time.Minute))
		if err != nil || len(later) != 2 || later[0].ID != "a2" {
			t.Errorf("questions since the second: %v %v", later, err)
		}
		// Reopening keeps the records and the pseudonym key: the
		// migrations run again without harm.
		s2 := mustOpen(t, loc, store.Options{})
		if err := s2.RecordQuestion(ctx, store.Question{ID: "a4", At: at.Add(3 * time.Minute), Text: "x", Asker: "U0ASKER"}); err != nil {
			t.Fatal(err)
		}
		again, err := s2.Questions(ctx, at)
		if err != nil || len(again) != 4 {
			t.Fatalf("after reopening: %d questions, %v", len(again), err)
		}
		if again[3].Asker != got[0].Asker {
			t.Errorf("after reopening the same asker is %q, was %q", again[3].Asker, got[0].Asker)
		}
	})

	t.Run("KeepUserIDs", func(t *testing.T) {
		s := mustOpen(t, newLocation(t), store.Options{KeepUserIDs: true})
		ctx := context.Background()
		now := time.Now().UTC().Truncate(time.Millisecond)
		if err := s.RecordQuestion(ctx, store.Question{ID: "k1", At: now, Text: "q", Asker: "U0ASKER"}); err != nil {
			t.Fatal(err)
		}
		if err := s.RecordFeedback(ctx, store.Feedback{QuestionID: "k1", At: now, Kind: store.Up, Asker: "U0ASKER"}); err != nil {
			t.Fatal(err)
		}
		qs, _ := s.Questions(ctx, now)
		fs, _ := s.Feedback(ctx, now)
		if len(qs) != 1 || qs[0].Asker != "U0ASKER" || len(fs) != 1 || fs[0].Asker != "U0ASKER" {
			t.Errorf("with KeepUserIDs the IDs must be kept: %+v %+v", qs, fs)
		}
	})

	t.Run("FeedbackModalCompletesTheClick", func(t *testing.T) {
		s := mustOpen(t, newLocation(t), store.Options{})
		ctx := context.Background()
		at := time.Date(2026, 11, 3, 10, 0, 0, 0, time.UTC)
		click := store.Feedback{QuestionID: "q1", At: at, Kind: store.Down, Question: "wie is de dpo", Document: "dpo.md", Asker: "U0ASKER"}
		if err := s.RecordFeedback(ctx, click); err != nil {
			t.Fatal(err)
		}
		modal := store.Feedback{QuestionID: "q1", At: at.Add(time.Minute), Kind: store.Down, Reason: store.ReasonOutdated,
			Comment: "Zij is met pensioen; het is nu *Jan*.", Asker: "U0ASKER"}
		if err := s.RecordFeedback(ctx, modal); err != nil {
			t.Fatal(err)
		}
		if err := s.RecordFeedback(ctx, store.Feedback{QuestionID: "q1", At: at, Kind: store.Down, Question: "wie is de dpo", Asker: "U0OTHER"}); err != nil {
			t.Fatal(err)
		}
		if err := s.RecordFeedback(ctx, store.Feedback{QuestionID: "q2", At: at.Add(2 * time.Minute), Kind: store.Missing, Question: "wie doet de brandweer", Asker: "U0ASKER"}); err != nil {
			t.Fatal(err)
		}
		fs, err := s.Feedback(ctx, at)
		if err != nil {
			t.Fatal(err)
		}
		if len(fs) != 3 {
			t.Fatalf("%d feedback records, want 3 (click and modal are one): %+v", len(fs), fs)
		}
		var mine *store.Feedback
		for i := range fs {
			if fs[i].QuestionID == "q1" && fs[i].Reason != "" {
				mine = &fs[i]
			}
		}
		if mine == nil || mine.Reason != store.ReasonOutdated || mine.Comment != modal.Comment ||
			mine.Document != "dpo.md" || mine.Question != "wie is de dpo" || !mine.At.Equal(at) {
			t.Errorf("completed 👎 = %+v", mine)
		}
		if fs[2].Kind != store.Missing || fs[2].Question != "wie doet de brandweer" {
			t.Errorf("missing report = %+v", fs[2])
		}
	})

	t.Run("DeleteBefore", func(t *testing.T) {
		s := mustOpen(t, newLocation(t), store.Options{})
		ctx := context.Background()
		old := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
		recent := old.AddDate(0, 3, 0)
		for i, at := range []time.Time{old, recent} {
			id := fmt.Sprint("d", i)
			if err := s.RecordQuestion(ctx, store.Question{ID: id, At: at, Text: "q"}); err != nil {
				t.Fatal(err)
			}
			if err := s.RecordFeedback(ctx, store.Feedback{QuestionID: id, At: at, Kind: store.Up}); err != nil {
				t.Fatal(err)
			}
			if _, _, err := s.Claim(ctx, "event:"+id, "instance-a", at, time.Minute, ""); err != nil {
				t.Fatal(err)
			}
		}
		n, err := s.DeleteBefore(ctx, old.AddDate(0, 1, 0))
		if err != nil {
			t.Fatal(err)
		}
		if n != 3 {
			t.Errorf("deleted %d records, want 3 (question, feedback, claim)", n)
		}
		qs, _ := s.Questions(ctx, time.Time{})
		fs, _ := s.Feedback(ctx, time.Time{})
		if len(qs) != 1 || qs[0].ID != "d1" || len(fs) != 1 || fs[0].QuestionID != "d1" {
			t.Errorf("left: %+v %+v", qs, fs)
		}
	})

	t.Run("ClaimsOnceAcrossConnections", func(t *testing.T) {
		loc := newLocation(t)
		a := mustOpen(t, loc, store.Options{})
		b := mustOpen(t, loc, store.Options{})
		ctx := context.Background()
		now := time.Now()
		var won atomic.Int32
		var wg sync.WaitGroup
		for i := range 16 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				s := a
				if i%2 == 1 {
					s = b
				}
				ok, _, err := s.Claim(ctx, "message:C1:1700000000.000100", fmt.Sprint("instance-", i), now, time.Minute, "")
				if err != nil {
					t.Errorf("claim: %v", err)
				}
				if ok {
					won.Add(1)
				}
			}()
		}
		wg.Wait()
		if won.Load() != 1 {
			t.Errorf("%d claims won, want 1", won.Load())
		}
		const key = "message:C1:1700000000.000100"
		if ok, done, err := b.Claim(ctx, key, "instance-new", now, time.Minute, ""); ok || done || err != nil {
			t.Errorf("held claim: won %v done %v err %v", ok, done, err)
		}
		// The holder renews its lease while it works: a slow answer is
		// not taken over.
		var holder string
		for i := range 16 {
			if ok, _, _ := a.Claim(ctx, key, fmt.Sprint("instance-", i), now.Add(50*time.Second), time.Minute, ""); ok {
				holder = fmt.Sprint("instance-", i)
			}
		}
		if holder == "" {
			t.Fatal("the holder could not renew its claim")
		}
		if ok, _, _ := b.Claim(ctx, key, "instance-new", now.Add(100*time.Second), time.Minute, ""); ok {
			t.Error("a renewed claim was taken over before its new lease ran out")
		}
		// The holder died: past its lease the key can be taken over once.
		later := now.Add(3 * time.Minute)
		if ok, _, _ := b.Claim(ctx, key, "instance-new", later, time.Minute, ""); !ok {
			t.Error("an expired, unfinished claim was not taken over")
		}
		if ok, _, _ := a.Claim(ctx, key, holder, later, time.Minute, ""); ok {
			t.Error("a taken-over claim was taken back by the instance that lost it")
		}
		if err := b.Finish(ctx, key); err != nil {
			t.Fatal(err)
		}
		if ok, done, _ := a.Claim(ctx, key, "instance-new", later.Add(time.Hour), time.Minute, ""); ok || !done {
			t.Errorf("finished claim: won %v done %v, want lost and done", ok, done)
		}
		if ok, _, _ := a.Claim(ctx, "message:C1:1700000000.000200", "instance-new", now, time.Minute, ""); !ok {
			t.Error("another key was refused")
		}
	})

	t.Run("OrphansAreTheWorkOfADeadHolder", func(t *testing.T) {
		s := mustOpen(t, newLocation(t), store.Options{})
		ctx := context.Background()
		now := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
		window := now.Add(-15 * time.Minute)
		for key, at := range map[string]time.Time{"live": now, "dead": now, "done": now, "old": now.Add(-20 * time.Minute), "none": now} {
			payload := `{"key":"` + key + `"}`
			if key == "none" {
				payload = ""
			}
			if ok, _, err := s.Claim(ctx, key, "holder", at, time.Minute, payload); !ok || err != nil {
				t.Fatalf("claim %s: %v %v", key, ok, err)
			}
		}
		if err := s.Finish(ctx, "done"); err != nil {
			t.Fatal(err)
		}
		// "live" is renewed by its holder; "dead" is not.
		if ok, _, _ := s.Claim(ctx, "live", "holder", now.Add(50*time.Second), time.Minute, ""); !ok {
			t.Fatal("renewal refused")
		}
		got, err := s.Orphans(ctx, now.Add(90*time.Second), window, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0] != `{"key":"dead"}` {
			t.Errorf("orphans = %q, want only the dead holder's (payload kept through a renewal-free takeover)", got)
		}
		if got, _ := s.Orphans(ctx, now.Add(30*time.Second), window, 10); len(got) != 0 {
			t.Errorf("orphans before any lease ran out = %q", got)
		}
		// The payload outlives a takeover, so a third instance can adopt
		// the work if the second dies too; Finish forgets it.
		if ok, _, _ := s.Claim(ctx, "dead", "adopter", now.Add(90*time.Second), time.Minute, ""); !ok {
			t.Fatal("adopting refused")
		}
		if got, _ := s.Orphans(ctx, now.Add(3*time.Minute), window, 10); len(got) != 2 {
			t.Errorf("after the adopter died too: %q, want dead and live", got)
		}
		_ = s.Finish(ctx, "dead")
		_ = s.Finish(ctx, "live")
		if got, _ := s.Orphans(ctx, now.Add(3*time.Minute), window.Add(-time.Hour), 10); len(got) != 0 {
			t.Errorf("after Finish, and the old one forgotten: %q", got)
		}
	})
}

// postgresDefault is the test server every developer machine runs (trust
// auth, database test); TEST_DATABASE_URL names another.
const postgresDefault = "postgres://127.0.0.1:5432/test?sslmode=disable"

// PostgresURL gives the test a schema of its own in the test database and
// returns a connection string that works in it; the schema is dropped
// after the test. Without a server the test is skipped, except in CI (env
// CI set), where that is a failure.
func PostgresURL(t testing.TB) string {
	t.Helper()
	base := os.Getenv("TEST_DATABASE_URL")
	if base == "" {
		base = postgresDefault
	}
	return postgresSchema(t, base)
}
