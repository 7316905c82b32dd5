package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"github.com/wieiswie/wieiswie/knowledge"
)

func loadTwee(t *testing.T) []knowledge.Document {
	t.Helper()
	docs, problems := knowledge.Load(context.Background(), "testdata/twee", knowledge.Options{})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	return docs
}

func firstSource(t *testing.T, ix *Index, q string) string {
	t.Helper()
	res, err := ix.Ask(context.Background(), q, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Answers) == 0 {
		return ""
	}
	return res.Answers[0].Source
}

// A start with unchanged knowledge opens the index on disk without
// re-indexing; a changed, added or removed document is handled one by one.
func TestPersistedIndexIsReusedAndUpdated(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index")
	docs := loadTwee(t)
	ix, err := Build(context.Background(), docs, Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	if s := ix.Stats(); s.Reused || s.Indexed != len(docs) {
		t.Errorf("first build: %+v", s)
	}
	ix.Close()

	ix, err = Build(context.Background(), loadTwee(t), Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	if s := ix.Stats(); !s.Reused || s.Indexed != 0 || s.Removed != 0 {
		t.Errorf("unchanged start: %+v, want reused with nothing indexed", s)
	}
	ix.Close()

	// Change one document, remove another.
	docs = loadTwee(t)
	var kept []knowledge.Document
	for _, d := range docs {
		switch d.Source {
		case "heibeek/sportdienst.md":
			continue
		case "zandhoven/schepen-financien.txt":
			d.Passages = append(d.Passages, knowledge.Passage{Heading: "Portefeuille", Text: "Kermissen en foren"})
		}
		kept = append(kept, d)
	}
	ix, err = Build(context.Background(), kept, Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if s := ix.Stats(); !s.Reused || s.Indexed != 1 || s.Removed != 1 {
		t.Errorf("one changed, one removed: %+v", s)
	}
	if got := firstSource(t, ix, "wie regelt de kermissen in zandhoven"); got != "zandhoven/schepen-financien.txt" {
		t.Errorf("changed document not answerable: %q", got)
	}
	if got := firstSource(t, ix, "subsidies voor sportclubs heibeek"); got != "" {
		t.Errorf("removed document still answers: %q", got)
	}
}

// A manifest of another format version rebuilds the index.
func TestPersistedIndexRebuiltOnFormatChange(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index")
	ix, err := Build(context.Background(), loadTwee(t), Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	current := filepath.Join(path, currentName)
	m, err := readManifest(current)
	if err != nil {
		t.Fatal(err)
	}
	m.Format = formatVersion - 1
	if err := writeManifest(current, m); err != nil {
		t.Fatal(err)
	}
	ix, err = Build(context.Background(), loadTwee(t), Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if s := ix.Stats(); s.Reused {
		t.Errorf("old format reused: %+v", s)
	}
	if _, err := os.Stat(filepath.Join(path, buildingName)); !os.IsNotExist(err) {
		t.Errorf("building folder left behind")
	}
}

// Questions asked while Update swaps in new knowledge get an answer from
// the old or the new knowledge, never an error (run with -race).
func TestUpdateWhileAsking(t *testing.T) {
	docs := loadTwee(t)
	ix, err := Build(context.Background(), docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	stop := askWhile(t, ix, 4, "wie is de algemeen directeur van zandhoven", func(res knowledge.Result, err error) error {
		if err == nil && (len(res.Answers) == 0 || res.Answers[0].Name != "Pieter Claes") {
			err = fmt.Errorf("answers %+v, want Pieter Claes", res.Answers)
		}
		return err
	})
	for i := range 20 {
		next := loadTwee(t)
		if i%2 == 0 {
			next = next[:len(next)-1] // drop one document, then bring it back
		}
		if _, err := ix.Update(context.Background(), next); err != nil {
			t.Fatal(err)
		}
	}
	stop()
	if ix.Len() != len(docs) {
		t.Errorf("after updates: %d documents, want %d", ix.Len(), len(docs))
	}
}

// The manifest keeps any file name, also one with a tab, a newline or a
// quote in it.
func TestManifestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	want := manifest{Format: formatVersion, Lists: "abc", Docs: map[string]string{
		"gewoon/bestand.txt": "h1", "met\ttab.txt": "h2", "met\nnieuwe lijn.md": "h3", `"aanhalingstekens".txt`: "h4", "spatie en é.txt": "h5",
	}}
	if err := writeManifest(dir, want); err != nil {
		t.Fatal(err)
	}
	got, err := readManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("read back %+v, want %+v", got, want)
	}
	os.WriteFile(filepath.Join(dir, manifestName), []byte("wieiswie-index 4 abc\nno tab here\n"), 0o644)
	if _, err := readManifest(dir); err == nil {
		t.Error("a damaged manifest was read without error")
	}
}

// Update takes over from the state it replaces what did not change: the
// vocabulary when only paragraphs changed, each unchanged document's hash.
// What it takes over must be what it would have computed.
func TestUpdateTakesOverWhatDidNotChange(t *testing.T) {
	docs := loadTwee(t)
	ix, err := Build(context.Background(), docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	const card = "zandhoven/schepen-financien.txt"
	edit := func(f func(d *knowledge.Document)) []knowledge.Document {
		next := loadTwee(t)
		for i := range next {
			if next[i].Source == card {
				f(&next[i])
			}
		}
		return next
	}
	checkHashes := func(step string) {
		t.Helper()
		st := ix.cur.Load()
		for src, d := range st.docs {
			if st.hashes[src] != docHash(d) {
				t.Errorf("%s: %s has hash %s, want %s", step, src, st.hashes[src], docHash(d))
			}
		}
	}

	before := ix.cur.Load()
	if _, err := ix.Update(context.Background(), edit(func(d *knowledge.Document) {
		d.Passages = append(d.Passages, knowledge.Passage{Heading: "Portefeuille", Text: "Kermissen en foren"})
	})); err != nil {
		t.Fatal(err)
	}
	if ix.cur.Load().vocab != before.vocab {
		t.Error("a paragraph changed: the vocabulary was built again")
	}
	if got := firstSource(t, ix, "wie regelt de kermissen in zandhoven"); got != card {
		t.Errorf("changed paragraph not answerable: %q", got)
	}
	checkHashes("paragraph changed")

	before = ix.cur.Load()
	if _, err := ix.Update(context.Background(), edit(func(d *knowledge.Document) {
		d.Functions = append(d.Functions, knowledge.Function{Body: "Schepencollege", Title: "Schepen van Toerisme"})
	})); err != nil {
		t.Fatal(err)
	}
	if ix.cur.Load().vocab == before.vocab {
		t.Error("a function added: the vocabulary was taken over")
	}
	if got := firstSource(t, ix, "wie is de schepen van toerisme in zandhoven"); got != card {
		t.Errorf("added function not answerable: %q", got)
	}
	checkHashes("function added")
}

// askWhile asks q from n goroutines until stop is called; check turns an
// answer into an error, which fails the test and ends that asker.
func askWhile(t *testing.T, ix *Index, n int, q string, check func(knowledge.Result, error) error) (stop func()) {
	t.Helper()
	done := make(chan struct{})
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			for {
				select {
				case <-done:
					return
				default:
				}
				if err := check(ix.Ask(context.Background(), q, 1)); err != nil {
					t.Errorf("asking %q while updating: %v", q, err)
					return
				}
			}
		})
	}
	return func() { close(done); wg.Wait() }
}
