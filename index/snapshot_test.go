package index

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/wieiswie/wieiswie/knowledge"
)

// copyTwee copies the two-municipality fixture into a temporary folder with
// files last changed an hour ago, so the loader stamps them.
func copyTwee(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	old := time.Now().Add(-time.Hour)
	err := os.CopyFS(dir, os.DirFS("testdata/twee"))
	if err == nil {
		err = filepath.WalkDir(dir, func(p string, _ os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			return os.Chtimes(p, old, old)
		})
	}
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// The documents an index on disk was built from are saved beside it; the
// next start takes them as they are, reads only the file that changed, and
// answers from the change.
func TestSavedDocuments(t *testing.T) {
	knowledgeDir := copyTwee(t)
	path := filepath.Join(t.TempDir(), "index")
	docs, problems := knowledge.Load(context.Background(), knowledgeDir, knowledge.Options{})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if _, err := SavedDocuments(path); err == nil {
		t.Fatal("saved documents before any index was built")
	}
	ix, err := Build(context.Background(), docs, Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil { // waits for the save
		t.Fatal(err)
	}
	saved, err := SavedDocuments(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(saved) != len(docs) {
		t.Fatalf("saved %d documents, want %d", len(saved), len(docs))
	}
	for _, d := range docs {
		if d.Stamp == (knowledge.Stamp{}) {
			t.Errorf("%s: not stamped", d.Source)
		}
		if !reflect.DeepEqual(saved[d.Source], d) {
			t.Errorf("%s: saved as\n%+v\nwant\n%+v", d.Source, saved[d.Source], d)
		}
	}

	// One file changes; the rest comes from the saved documents.
	changed := filepath.Join(knowledgeDir, "zandhoven", "schepen-financien.txt")
	f, err := os.OpenFile(changed, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("\n • Kermissen en foren\n")
	f.Close()
	for src, d := range saved {
		d.Title += " (saved)" // marks what was not read again
		saved[src] = d
	}
	docs, problems = knowledge.Load(context.Background(), knowledgeDir, knowledge.Options{Previous: saved})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	for _, d := range docs {
		fromSaved := d.Title == saved[d.Source].Title
		if fromSaved == (d.Source == "zandhoven/schepen-financien.txt") {
			t.Errorf("%s: taken from the saved documents: %v", d.Source, fromSaved)
		}
	}
	ix, err = Build(context.Background(), docs, Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if s := ix.Stats(); !s.Reused || s.Indexed == 0 {
		t.Errorf("stats %+v, want the index reused and the changes indexed", s)
	}
	if got := firstSource(t, ix, "wie regelt de kermissen in zandhoven"); got != "zandhoven/schepen-financien.txt" {
		t.Errorf("changed document not answerable: %q", got)
	}
}

// Saved documents that are damaged or were written by another program are
// not used, and say so.
func TestSavedDocumentsRejected(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index")
	ix, err := Build(context.Background(), loadTwee(t), Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(path, currentName, snapshotName)
	good, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	h, _, err := readSnapshotHeader(good[:len(good)-sha256.Size], programID())
	if err != nil {
		t.Fatal(err)
	}
	headLen := len(good) - sha256.Size - sum(h.Chunks)
	for _, n := range []int{0, 4, 8, headLen - 1, headLen, headLen + 10, len(good) - 1} {
		if err := os.WriteFile(file, good[:n], 0o644); err != nil {
			t.Fatal(err)
		}
		if docs, err := SavedDocuments(path); err == nil {
			t.Errorf("cut at %d of %d bytes: %d documents, no error", n, len(good), len(docs))
		}
	}

	// One byte changed anywhere: header, a document, the checksum.
	for _, at := range []int{9, headLen + 40, len(good) / 2, len(good) - 1} {
		bad := bytes.Clone(good)
		bad[at] ^= 0x20
		if err := os.WriteFile(file, bad, 0o644); err != nil {
			t.Fatal(err)
		}
		if docs, err := SavedDocuments(path); err == nil {
			t.Errorf("byte %d of %d flipped: %d documents, no error", at, len(good), len(docs))
		}
		if _, err := os.Stat(file); !os.IsNotExist(err) {
			t.Errorf("byte %d flipped: the damaged snapshot stays", at)
		}
	}

	// The same documents, saved by another program.
	ix = &Index{path: filepath.Join(path, currentName), saver: saver{program: "another build"}}
	ix.cur.Store(ix.newStateFor(t, loadTwee(t)))
	ix.writeSnapshot()
	if ix.saver.err != nil {
		t.Fatal(ix.saver.err)
	}
	if _, err := SavedDocuments(path); !errors.Is(err, errForeignSnapshot) {
		t.Errorf("saved by another program: %v, want %v", err, errForeignSnapshot)
	}
}

func sum(ns []int) int {
	s := 0
	for _, n := range ns {
		s += n
	}
	return s
}

// newStateFor is the state of docs with the default lists.
func (ix *Index) newStateFor(t *testing.T, docs []knowledge.Document) *state {
	t.Helper()
	ix.baseRoles = knowledge.DefaultRoles()
	sf, err := newStemFilter(stemsTxt)
	if err != nil {
		t.Fatal(err)
	}
	ix.stem, ix.isWord, ix.dutch = sf.stem, sf.lex.IsWord, sf.lex
	st, vocabulary := ix.newState(docs, nil)
	vocabulary()
	return st
}

// An update is saved later, or at the latest when the index is closed.
func TestUpdateSavedOnClose(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index")
	docs := loadTwee(t)
	ix, err := Build(context.Background(), docs[1:], Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Update(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	saved, err := SavedDocuments(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := saved[docs[0].Source]; !ok || len(saved) != len(docs) {
		t.Errorf("saved %d documents (with %s: %v), want all %d", len(saved), docs[0].Source, ok, len(docs))
	}
}
