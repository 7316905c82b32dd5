package reload

import (
	"context"
	"fmt"
	"github.com/rs/zerolog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/wieiswie/wieiswie/index"
)

// watching starts Watch on r for the test.
func watching(t *testing.T, r *Reloader) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- r.Watch(ctx, 50*time.Millisecond) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	})
	time.Sleep(100 * time.Millisecond) // let the watcher start
}

// eventually waits until cond holds, or fails saying what.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("not seen after 10s: %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func answers(ix *index.Index, q, want string) func() bool {
	return func() bool {
		res, err := ix.Ask(context.Background(), q, 1)
		got := ""
		if err == nil && len(res.Answers) > 0 {
			got = res.Answers[0].Name
		}
		return got == want
	}
}

// A folder renamed, twice, and once only in case: what is then edited,
// added and deleted inside it is seen. Before, the watch kept the old name
// and nothing in the folder was seen again, without a word.
func TestWatchFollowsRenamedFolders(t *testing.T) {
	dir, ix, r := setup(t)
	os.Mkdir(filepath.Join(dir, "dorp"), 0o755)
	os.Mkdir(filepath.Join(dir, "kastelbroek"), 0o755)
	watching(t, r)
	writeCard(t, filepath.Join(dir, "dorp"), "fd.txt", "Ruben Maes", "Hij int de belastingen.")
	writeCard(t, filepath.Join(dir, "kastelbroek"), "ds.txt", "Lies Peeters", "Zij leidt de dienst sport.")
	eventually(t, "cards in new folders", func() bool {
		return answers(ix, "wie int de belastingen", "Ruben Maes")() && answers(ix, "wie leidt de dienst sport", "Lies Peeters")()
	})

	for _, step := range [][2]string{{"dorp", "dorp-2"}, {"dorp-2", "Dorp"}, {"kastelbroek", "Kastelbroek"}} {
		if err := os.Rename(filepath.Join(dir, step[0]), filepath.Join(dir, step[1])); err != nil {
			t.Fatal(err)
		}
		time.Sleep(150 * time.Millisecond) // a rename, then later edits
	}
	writeCard(t, filepath.Join(dir, "Dorp"), "fd.txt", "Ruben Maes", "Hij beheert de markten.")
	writeCard(t, filepath.Join(dir, "Dorp"), "pz.txt", "An Janssens", "Zij regelt de parkeerzones.")
	os.Remove(filepath.Join(dir, "Kastelbroek", "ds.txt"))
	eventually(t, "an edit in a renamed folder", answers(ix, "wie beheert de markten", "Ruben Maes"))
	eventually(t, "a new card in a renamed folder", answers(ix, "wie regelt de parkeerzones", "An Janssens"))
	eventually(t, "a deletion in a folder renamed in case only", answers(ix, "wie leidt de dienst sport", ""))
	eventually(t, "exactly the files on disk", func() bool { return ix.Len() == 3 })
}

// Editors replace a folder: everything deleted (a reload with nothing to
// answer from, refused), then the new export copied in. The index ends with
// exactly the new files; before, the deleted documents came back.
func TestWatchConvergesOnReplacedFolder(t *testing.T) {
	dir, ix, r := setup(t)
	for i := range 5 {
		writeCard(t, dir, fmt.Sprintf("old%d.txt", i), fmt.Sprintf("Oud Persoon%c", 'A'+i), "Hij deed vroeger iets.")
	}
	if _, err := r.Reload(context.Background()); err != nil {
		t.Fatal(err)
	}
	watching(t, r)
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		os.RemoveAll(filepath.Join(dir, e.Name()))
	}
	eventually(t, "the refused empty reload", func() bool { return r.Stale() != nil })
	if ix.Len() != 6 {
		t.Errorf("an empty folder changed the knowledge: %d documents", ix.Len())
	}
	time.Sleep(100 * time.Millisecond)
	os.Mkdir(filepath.Join(dir, "export"), 0o755)
	writeCard(t, filepath.Join(dir, "export"), "nieuw.txt", "Nieuwe Persoon", "Zij int de belastingen.")
	writeCard(t, dir, "ad.txt", "Pieter Claes", "Hij volgt de klachten op.")
	eventually(t, "exactly the two new files", func() bool { return ix.Len() == 2 && r.Stale() == nil })
	if !answers(ix, "wie int de belastingen", "Nieuwe Persoon")() {
		t.Error("the new export is not answered")
	}
}

// A reload that fails keeps its changed paths: the next one, for another
// path, applies them too, and no edit is lost.
func TestFailedReloadKeepsItsPaths(t *testing.T) {
	dir, ix, r := setup(t)
	os.Remove(filepath.Join(dir, "ad.txt"))
	if _, err := r.ReloadPaths(context.Background(), []string{"ad.txt"}); err == nil {
		t.Fatal("a reload to nothing worked")
	}
	if r.Stale() == nil {
		t.Error("a failed reload is not stale")
	}
	writeCard(t, dir, "fd.txt", "Ruben Maes", "Hij int de belastingen.")
	if _, err := r.ReloadPaths(context.Background(), []string{"fd.txt"}); err != nil {
		t.Fatal(err)
	}
	if ix.Len() != 1 || !answers(ix, "wie volgt de klachten op", "")() {
		t.Errorf("the deletion of the failed reload was lost: %d documents", ix.Len())
	}
	if r.Stale() != nil {
		t.Errorf("stale after a reload that worked: %v", r.Stale())
	}
}

// A failed reload is tried again after a back-off, without any new event.
func TestFailedReloadRetried(t *testing.T) {
	dir, ix, r := setup(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	os.Remove(filepath.Join(dir, "ad.txt"))
	r.reloadObserved(ctx, "test", []string{"ad.txt"}) // nothing left: refused
	// The card comes back, changed, and no event says so.
	writeCard(t, dir, "ad.txt", "Pieter Claes", "Hij beheert de kermissen.")
	eventually(t, "the retry", func() bool { return r.Stale() == nil && answers(ix, "wie beheert de kermissen", "Pieter Claes")() })
}

// The knowledge folder itself removed and made again (an export copied in
// its place): it is watched again and answered from.
func TestWatchFollowsRecreatedRoot(t *testing.T) {
	dir, ix, r := setup(t)
	watching(t, r)
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	os.Mkdir(dir, 0o755)
	writeCard(t, dir, "fd.txt", "Ruben Maes", "Hij int de belastingen.")
	eventually(t, "the card in the folder made again", answers(ix, "wie int de belastingen", "Ruben Maes"))
	writeCard(t, dir, "fd.txt", "Ruben Maes", "Hij beheert de markten.")
	eventually(t, "an edit after that", answers(ix, "wie beheert de markten", "Ruben Maes"))
	eventually(t, "exactly the files on disk", func() bool { return ix.Len() == 1 })
}

func testLog(t *testing.T) zerolog.Logger {
	if os.Getenv("RELOAD_DEBUG") == "" {
		return zerolog.Nop()
	}
	return zerolog.New(zerolog.NewTestWriter(t))
}

// Polling sees what no watcher reports (a network share): here, with no
// watcher at all.
func TestPollSeesChanges(t *testing.T) {
	dir, ix, r := setup(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go r.Poll(ctx, 50*time.Millisecond)
	writeCard(t, dir, "fd.txt", "Ruben Maes", "Hij int de belastingen.")
	eventually(t, "a new card, by polling", answers(ix, "wie int de belastingen", "Ruben Maes"))
	os.Remove(filepath.Join(dir, "fd.txt"))
	eventually(t, "a removed card, by polling", func() bool { return ix.Len() == 1 })
}
