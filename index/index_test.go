package index

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wieiswie/wieiswie/knowledge"
)

// An index on disk answers like one in memory, is rebuilt in place on the
// next start, and never overwrites a folder that is not an index.
func TestBuildOnDisk(t *testing.T) {
	docs, _ := knowledge.Load(context.Background(), ".", knowledge.Options{FS: knowledge.Default()})
	path := filepath.Join(t.TempDir(), "index")
	for round := 0; round < 2; round++ {
		ix, err := Build(context.Background(), docs, Options{Path: path})
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		res, err := ix.Ask(context.Background(), "wie is algemeen directeur", 1)
		if err != nil || len(res.Answers) == 0 || res.Answers[0].Name != "Miet Gobert" {
			t.Errorf("round %d: %v %+v", round, err, res.Answers)
		}
		ix.Close()
	}
	if _, err := os.Stat(path + ".building"); !os.IsNotExist(err) {
		t.Errorf("building folder left behind: %v", err)
	}

	other := t.TempDir()
	keep := filepath.Join(other, "precious.txt")
	os.WriteFile(keep, []byte("x"), 0o644)
	if _, err := Build(context.Background(), docs, Options{Path: other}); err == nil {
		t.Fatal("Build overwrote a folder that is not an index")
	}
	if _, err := os.Stat(keep); err != nil {
		t.Errorf("file in a non-index folder was touched: %v", err)
	}
}

// A bad line in the equivalence list is reported and skipped; search goes on.
func TestBadEquivalenceLineKeepsSearchWorking(t *testing.T) {
	roles, problems := knowledge.ParseEquivalences("roles.txt", strings.NewReader("algemeen directeur = gemeentesecretaris\n = \nde = het\nonzin\n"))
	if len(problems) != 2 {
		t.Errorf("problems %v, want 2 (the empty terms and the single term)", problems)
	}
	docs, _ := knowledge.Load(context.Background(), ".", knowledge.Options{FS: knowledge.Default()})
	ix, err := Build(context.Background(), docs, Options{Roles: roles})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	res, err := ix.Ask(context.Background(), "wie is de gemeentesecretaris", 1)
	if err != nil || len(res.Answers) == 0 || res.Answers[0].Name != "Miet Gobert" {
		t.Errorf("%v %+v", err, res.Answers)
	}
}
