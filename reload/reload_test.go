package reload

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wieiswie/wieiswie/index"
	"github.com/wieiswie/wieiswie/knowledge"
)

const card = `%s

Contactgegevens
Markt 1
2240 Zandhoven
+32 3 410 12 00

Functie(s)

BestuurFunctie
SchepencollegeAlgemeen directeur
Info

1. Taken

 • %s
`

func writeCard(t *testing.T, dir, name, person, task string) {
	t.Helper()
	text := strings.Replace(strings.Replace(card, "%s", person, 1), "%s", task, 1)
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func setup(t *testing.T) (string, *index.Index, *Reloader) {
	t.Helper()
	dir := t.TempDir()
	writeCard(t, dir, "ad.txt", "Pieter Claes", "Hij volgt de klachten op.")
	docs, problems := knowledge.Load(context.Background(), dir, knowledge.Options{})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	ix, err := index.Build(context.Background(), docs, index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return dir, ix, New(dir, ix, docs, testLog(t))
}

func who(t *testing.T, ix *index.Index, q string) string {
	t.Helper()
	res, err := ix.Ask(context.Background(), q, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Answers) == 0 {
		return ""
	}
	return res.Answers[0].Name
}

func TestReloadPicksUpChanges(t *testing.T) {
	dir, ix, r := setup(t)
	writeCard(t, dir, "ad.txt", "Pieter Claes", "Hij beheert de kermissen.")
	writeCard(t, dir, "fd.txt", "Ruben Maes", "Hij int de belastingen.")
	res, err := r.Reload(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.Indexed != 2 || res.Documents != 2 {
		t.Errorf("reload: %+v", res)
	}
	if got := who(t, ix, "wie beheert de kermissen"); got != "Pieter Claes" {
		t.Errorf("changed document: %q", got)
	}
	if got := who(t, ix, "wie int de belastingen"); got != "Ruben Maes" {
		t.Errorf("new document: %q", got)
	}
}

// A document that no longer reads keeps its previous version answerable,
// and the problem is reported.
func TestReloadKeepsPreviousVersionOfBrokenDocument(t *testing.T) {
	dir, ix, r := setup(t)
	if err := os.WriteFile(filepath.Join(dir, "ad.txt"), []byte{0, 1, 2, 0, 'x'}, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := r.Reload(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Kept) != 1 || len(res.Problems) == 0 {
		t.Errorf("reload: %+v", res)
	}
	if got := who(t, ix, "wie volgt de klachten op"); got != "Pieter Claes" {
		t.Errorf("broken document lost its previous version: %q", got)
	}
}

// Saving files is noticed, and several saves are one reload.
func TestWatchReloadsAfterChanges(t *testing.T) {
	dir, ix, r := setup(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error)
	go func() { done <- r.Watch(ctx, 50*time.Millisecond) }()
	time.Sleep(100 * time.Millisecond) // let the watcher start
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	time.Sleep(100 * time.Millisecond)
	writeCard(t, filepath.Join(dir, "sub"), "fd.txt", "Ruben Maes", "Hij int de belastingen.")
	waitFor := func(what, q, want string) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for who(t, ix, q) != want {
			if time.Now().After(deadline) {
				t.Fatalf("%s not picked up: %q answers %q, want %q", what, q, who(t, ix, q), want)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	waitFor("a card in a new subfolder", "wie int de belastingen", "Ruben Maes")
	writeCard(t, dir, "ad.txt", "Pieter Claes", "Hij beheert de begraafplaatsen.")
	waitFor("an edited card", "wie beheert de begraafplaatsen", "Pieter Claes")
	os.RemoveAll(filepath.Join(dir, "sub"))
	waitFor("a removed subfolder", "wie int de belastingen", "")
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// A signal reloads, and the observer hears of it.
func TestReloadOnSignalIsObserved(t *testing.T) {
	dir, ix, r := setup(t)
	observed := make(chan error, 1)
	r.SetObserver(func(err error) { observed <- err })
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sig := make(chan os.Signal, 1)
	go r.On(ctx, sig)
	writeCard(t, dir, "fd.txt", "Ruben Maes", "Hij int de belastingen.")
	sig <- os.Interrupt
	if err := <-observed; err != nil {
		t.Fatal(err)
	}
	if got := who(t, ix, "wie int de belastingen"); got != "Ruben Maes" {
		t.Errorf("after the signal: %q", got)
	}
}
