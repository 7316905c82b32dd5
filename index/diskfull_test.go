//go:build unix

package index

import (
	"context"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/wieiswie/wieiswie/internal/corpusgen"
	"github.com/wieiswie/wieiswie/knowledge"
)

// smallDisk returns a folder on a 3 MB tmpfs, unmounted when the test ends,
// or "" when the test may not mount one.
func smallDisk(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Logf("cannot mount a tmpfs (%v: %s)", err, strings.TrimSpace(string(out)))
		return ""
	}
	t.Cleanup(func() { exec.Command("umount", dir).Run() })
	return dir
}

// fillDisk writes to dir until the file system is full and returns the
// file that filled it.
func fillDisk(t *testing.T, dir string) string {
	t.Helper()
	name := filepath.Join(dir, "filler")
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	buf := make([]byte, 64<<10)
	for {
		if _, err := f.Write(buf); err != nil {
			if !strings.Contains(err.Error(), "no space left") {
				t.Fatal(err)
			}
			return name
		}
	}
}

// generated returns n generated documents.
func generated(t *testing.T, n int) []knowledge.Document {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "gen")
	if _, err := corpusgen.Generate(dir, n, 13); err != nil {
		t.Fatal(err)
	}
	docs, problems := knowledge.Load(context.Background(), filepath.Join(dir, corpusgen.CorpusDir), knowledge.Options{})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	return docs
}

// A disk that fills up while the bot serves: the reload fails with its
// cause, the previous knowledge keeps answering, whole and without a panic,
// and a later update (disk freed or not) applies. Before, every question
// after the failed reload panicked inside bleve.
func TestUpdateOnFullDisk(t *testing.T) {
	disk := smallDisk(t)
	if disk == "" {
		skipOutsideCI(t, "needs a tmpfs: run as root (TestUpdateOverFileSizeLimit tests the same without)")
	}
	testUpdateFails(t, disk, func() func() {
		filler := fillDisk(t, disk)
		return func() { os.Remove(filler) }
	}, "no space left on device")
}

// The same fault without mount rights: the file size limit (RLIMIT_FSIZE)
// makes bleve's segment writes fail as a full disk does.
//
// The limit holds for every file of the process, also the log go test keeps
// of the files a test opens when its result may be cached (-test.testlogfile,
// already larger than the limit): that run would fail on its own log, so the
// test runs only uncached, as CI runs it (-count=1).
func TestUpdateOverFileSizeLimit(t *testing.T) {
	if f := flag.Lookup("test.testlogfile"); f != nil && f.Value.String() != "" {
		t.Skip("the file size limit would also stop go test's own log; run with -count=1")
	}
	testUpdateFails(t, t.TempDir(), func() func() {
		signalIgnore(t)
		var old syscall.Rlimit
		if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
			skipOutsideCI(t, err.Error())
		}
		lim := old
		lim.Cur = 64 << 10
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
			skipOutsideCI(t, err.Error())
		}
		return func() { syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old) }
	}, "file too large")
}

func testUpdateFails(t *testing.T, dir string, fault func() (undo func()), cause string) {
	all := generated(t, 400)
	first := all[:100]
	ix, err := Build(context.Background(), first, Options{Path: filepath.Join(dir, "index")})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	const q = "wie is de burgemeester"
	want := firstSource(t, ix, q)
	if want == "" {
		t.Fatal("no answer before the fault")
	}

	// Questions asked throughout: the answer is the old one or, once the
	// update applied, any, but never an error or a panic.
	stop := askWhile(t, ix, 3, q, func(_ knowledge.Result, err error) error { return err })

	undo := fault()
	_, err = ix.Update(context.Background(), all)
	undo()
	if err == nil || !strings.Contains(err.Error(), cause) {
		t.Fatalf("update on a failing disk: %v, want an error saying %q", err, cause)
	}
	if ix.Len() != len(first) {
		t.Errorf("after the failed update: %d documents, want the previous %d", ix.Len(), len(first))
	}
	if got := firstSource(t, ix, q); got != want {
		t.Errorf("after the failed update %q answers %s, want %s as before", q, got, want)
	}
	if ix.DiskError() == nil {
		t.Error("the index on disk was given up, but DiskError says nothing")
	}
	if _, err := ix.Update(context.Background(), all); err != nil {
		t.Fatalf("update after the fault: %v", err)
	}
	if ix.Len() != len(all) {
		t.Errorf("after the retried update: %d documents, want %d", ix.Len(), len(all))
	}
	stop()
}
