//go:build unix

package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wieiswie/wieiswie/knowledge"
)

// An index folder that cannot be written is one error with its cause,
// never a panic (bleve's typed-nil index was closed before).
func TestBuildUnwritableIndexDir(t *testing.T) {
	docs := loadTwee(t)
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T) string
		want  string
	}{
		{"read-only folder", func(t *testing.T) string {
			dir := t.TempDir()
			makeReadOnly(t, dir)
			return dir
		}, "not writable"},
		{"inside a file", func(t *testing.T) string {
			f := filepath.Join(t.TempDir(), "file")
			os.WriteFile(f, nil, 0o644)
			return filepath.Join(f, "index")
		}, "cannot be made"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := tc.setup(t)
			ix, err := Build(context.Background(), docs, Options{Path: dir})
			if err == nil {
				ix.Close()
				t.Fatal("built an index in a folder that cannot be written")
			}
			if !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), dir) || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q: want one line naming %s and saying %q", err, dir, tc.want)
			}
		})
	}
}

// makeReadOnly makes dir read-only for this process until the test ends:
// a read-only bind mount for root (who writes through file modes), the
// modes for anyone else.
func makeReadOnly(t *testing.T, dir string) {
	t.Helper()
	if os.Getuid() != 0 {
		exec.Command("chmod", "-R", "a-w", dir).Run()
		t.Cleanup(func() { exec.Command("chmod", "-R", "u+w", dir).Run() })
		return
	}
	if out, err := exec.Command("mount", "-o", "bind,ro", dir, dir).CombinedOutput(); err != nil {
		skipOutsideCI(t, fmt.Sprintf("cannot bind-mount read-only: %v %s", err, out))
	}
	t.Cleanup(func() { exec.Command("umount", dir).Run() })
}

// A read-only index folder holding the index of exactly these documents is
// used as it is; the first update moves to memory.
func TestReadOnlyIndexDirUsedAsItIs(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	docs := loadTwee(t)
	ix, err := Build(context.Background(), docs, Options{Path: dir})
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	makeReadOnly(t, dir)
	ix, err = Build(context.Background(), docs, Options{Path: dir})
	if err != nil {
		t.Fatalf("a read-only folder with the right index: %v", err)
	}
	defer ix.Close()
	if !ix.Stats().Reused || ix.DiskError() == nil || !strings.Contains(ix.DiskError().Error(), "not writable") {
		t.Errorf("stats %+v, disk error %v", ix.Stats(), ix.DiskError())
	}
	const q = "wie is de algemeen directeur van zandhoven"
	if firstSource(t, ix, q) == "" {
		t.Fatal("no answer from the read-only index")
	}
	if _, err := ix.Update(context.Background(), docs[1:]); err != nil {
		t.Fatalf("update on a read-only index: %v", err)
	}
	if ix.Len() != len(docs)-1 {
		t.Errorf("after the update: %d documents, want %d", ix.Len(), len(docs)-1)
	}
	// Other documents than those in the index: it cannot be used.
	if ix2, err := Build(context.Background(), docs[1:], Options{Path: dir}); err == nil {
		ix2.Close()
		t.Error("a read-only index of other documents was used")
	}
}

// An index folder that is a mount point (a Docker volume) cannot be renamed:
// a rebuild happens inside it, and the next start reuses what it built.
func TestBuildOnMountPoint(t *testing.T) {
	disk := smallDisk(t)
	if disk == "" {
		skipOutsideCI(t, "needs a tmpfs mount point: run as root")
	}
	docs := loadTwee(t)
	for i, wantReused := range []bool{false, true} {
		ix, err := Build(context.Background(), docs, Options{Path: disk})
		if err != nil {
			t.Fatalf("start %d: %v", i, err)
		}
		if s := ix.Stats(); s.Reused != wantReused {
			t.Errorf("start %d: reused %v, want %v", i, s.Reused, wantReused)
		}
		if err := ix.Close(); err != nil {
			t.Fatal(err)
		}
	}
	// A format change rebuilds: aside in the mount point, then renamed in.
	current := filepath.Join(disk, currentName)
	m, err := readManifest(current)
	if err != nil {
		t.Fatal(err)
	}
	m.Format--
	if err := writeManifest(current, m); err != nil {
		t.Fatal(err)
	}
	ix, err := Build(context.Background(), docs, Options{Path: disk})
	if err != nil {
		t.Fatalf("rebuild on a mount point: %v", err)
	}
	defer ix.Close()
	if ix.Stats().Reused || firstSource(t, ix, "wie is de algemeen directeur van zandhoven") == "" {
		t.Errorf("rebuild: %+v, and no answer", ix.Stats())
	}
}

// A second index on a folder in use waits, then says who holds it; it
// never hangs on bolt's lock. Once the first lets go, the folder is free.
func TestIndexDirLocked(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	first, err := Build(context.Background(), loadTwee(t), Options{Path: dir})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	second, err := Build(context.Background(), loadTwee(t), Options{Path: dir, LockWait: 300 * time.Millisecond})
	if err == nil {
		second.Close()
		first.Close()
		t.Fatal("two indexes on one folder")
	}
	if !errors.Is(err, ErrInUse) || !strings.Contains(err.Error(), fmt.Sprintf("index in gebruik door proces %d", os.Getpid())) {
		t.Errorf("error %q: want it to name the process using the index", err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("waited %s for a lock of 300ms", took)
	}
	first.Close()
	second, err = Build(context.Background(), loadTwee(t), Options{Path: dir, LockWait: 300 * time.Millisecond})
	if err != nil {
		t.Fatalf("after the first closed: %v", err)
	}
	second.Close()
}

// A manifest with a changed byte is not trusted: the index is rebuilt.
func TestDamagedManifestRebuilds(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := Build(context.Background(), loadTwee(t), Options{Path: dir})
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	name := filepath.Join(dir, currentName, manifestName)
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)/2] ^= 1
	os.WriteFile(name, data, 0o644)
	if _, err := readManifest(filepath.Dir(name)); !errors.Is(err, errBadManifest) {
		t.Errorf("damaged manifest read: %v", err)
	}
	ix, err = Build(context.Background(), loadTwee(t), Options{Path: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if ix.Stats().Reused {
		t.Error("an index with a damaged manifest was reused")
	}
}

// bleve returns a typed-nil index when it cannot create one; it must not
// become the state's index, which Build then closed: a panic hiding the
// cause.
func TestCreateFailureLeavesNoIndex(t *testing.T) {
	docs := loadTwee(t)
	ix := &Index{}
	st := &state{roles: knowledge.DefaultRoles()}
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o644)
	err := ix.create(filepath.Join(file, "index"), docs, st)
	if err == nil || !strings.Contains(err.Error(), file) {
		t.Fatalf("create inside a file: %v", err)
	}
	if st.bleve != nil {
		t.Errorf("a failed create left %#v as the index", st.bleve)
	}
}
