package index

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/wieiswie/wieiswie/knowledge"
)

// The documents an index on disk was built from are kept beside it, parsed,
// so the next start reads only the files that changed (knowledge.Load with Options.Previous):
// at 100,000 documents that is the difference between seconds and a second.
// The snapshot is a cache: a missing, stale or foreign one costs time, never
// a wrong answer, because every document in it is checked against its file.
const snapshotName = "wieiswie-documents.gob"

// snapshotFormat changes when the snapshot's layout does.
const snapshotFormat = 3

// The file is a header, then the documents in chunks, each a gob stream of
// its own, so that they are encoded and decoded on every core: gob alone
// would take half a second at 100,000 documents. The header is preceded by
// its length (8 bytes); the file ends in the SHA-256 of all before it, so
// that a damaged byte means reading the files again, never serving a wrong
// e-mail address.
type snapshotHeader struct {
	Format int
	// Program identifies the executable that parsed the documents: another
	// build may parse the same file differently.
	Program string
	// Stamps sums the documents' sources and stamps, to tell whether the
	// snapshot still holds what the index serves.
	Stamps uint64
	Count  int
	Chunks []int // the length in bytes of each chunk
}

// SavedDocuments returns the documents the index in the index folder dir
// was last saved with, by Source, for knowledge.Options.Previous. It
// returns an error when there are none this program can use; start from
// nothing then. A damaged snapshot is removed, so the next save writes it
// anew.
func SavedDocuments(dir string) (map[string]knowledge.Document, error) {
	name := filepath.Join(dir, currentName, snapshotName)
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	if len(data) < sha256.Size || sha256.Sum256(data[:len(data)-sha256.Size]) != [sha256.Size]byte(data[len(data)-sha256.Size:]) {
		os.Remove(name)
		return nil, fmt.Errorf("read %s: %w", snapshotName, errDamagedSnapshot)
	}
	data = data[:len(data)-sha256.Size]
	h, rest, err := readSnapshotHeader(data, programID())
	if err != nil {
		return nil, err
	}
	chunks := make([][]knowledge.Document, len(h.Chunks))
	err = onEveryCore(len(chunks), func(i int) error {
		off := 0
		for _, n := range h.Chunks[:i] {
			off += n
		}
		if off+h.Chunks[i] > len(rest) {
			return io.ErrUnexpectedEOF
		}
		r := bytes.NewReader(rest[off : off+h.Chunks[i]])
		dec := gob.NewDecoder(r)
		for r.Len() > 0 {
			var d knowledge.Document
			if err := dec.Decode(&d); err != nil {
				return err
			}
			chunks[i] = append(chunks[i], d)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", snapshotName, err)
	}
	docs := make(map[string]knowledge.Document, h.Count)
	for _, c := range chunks {
		for _, d := range c {
			docs[d.Source] = d
		}
	}
	return docs, nil
}

var (
	errForeignSnapshot = errors.New("saved documents are of another format or program")
	errDamagedSnapshot = errors.New("saved documents are damaged (checksum mismatch)")
)

// readSnapshotHeader reads the header at the start of data and returns it
// with the rest of data.
func readSnapshotHeader(data []byte, program string) (snapshotHeader, []byte, error) {
	var h snapshotHeader
	if len(data) < 8 || binary.LittleEndian.Uint64(data) > uint64(len(data)-8) {
		return h, nil, fmt.Errorf("read %s: %w", snapshotName, io.ErrUnexpectedEOF)
	}
	n := 8 + int(binary.LittleEndian.Uint64(data))
	if err := gob.NewDecoder(bytes.NewReader(data[8:n])).Decode(&h); err != nil {
		return h, nil, fmt.Errorf("read %s: %w", snapshotName, err)
	}
	if h.Format != snapshotFormat || h.Program == "" || h.Program != program {
		return h, nil, errForeignSnapshot
	}
	return h, data[n:], nil
}

// saver saves the documents of an Index in the background.
type saver struct {
	mu      sync.Mutex // guards timer and closed
	timer   *time.Timer
	closed  bool
	running sync.WaitGroup

	writeMu sync.Mutex // one save at a time; guards err and program
	err     error      // of the last save, reported by Close
	program string     // programID, once known
}

// saveDelay is how long after an update the documents are saved: a burst of
// reloads is saved once, and the save (half a second of work at 100,000
// documents) does not compete with the answers to what just changed.
const saveDelay = 30 * time.Second

// saveDocuments saves the documents of the current state beside the index
// on disk, in the background, unless the snapshot there already holds them.
func (ix *Index) saveDocuments() {
	if ix.path == "" {
		return
	}
	ix.saver.mu.Lock()
	defer ix.saver.mu.Unlock()
	if ix.saver.closed {
		return
	}
	ix.saver.running.Add(1)
	go func() {
		defer ix.saver.running.Done()
		ix.writeSnapshot()
	}()
}

// saveLater saves the documents saveDelay after the last call.
func (ix *Index) saveLater() {
	if ix.path == "" {
		return
	}
	ix.saver.mu.Lock()
	defer ix.saver.mu.Unlock()
	if ix.saver.timer != nil {
		ix.saver.timer.Stop()
	}
	ix.saver.timer = time.AfterFunc(saveDelay, ix.saveDocuments)
}

// stopSaving saves now what waits to be saved, waits for the saves under
// way and returns the error of the last one.
func (ix *Index) stopSaving() error {
	ix.saver.mu.Lock()
	if ix.saver.timer != nil && ix.saver.timer.Stop() {
		ix.saver.mu.Unlock()
		ix.saveDocuments()
		ix.saver.mu.Lock()
	}
	ix.saver.closed = true
	ix.saver.mu.Unlock()
	ix.saver.running.Wait()
	ix.saver.writeMu.Lock()
	defer ix.saver.writeMu.Unlock()
	return ix.saver.err
}

// writeSnapshot writes the current state's documents unless the snapshot on
// disk holds them already.
func (ix *Index) writeSnapshot() {
	if ix.DiskError() != nil {
		return // the index folder is given up, or cannot be written
	}
	sv := &ix.saver
	sv.writeMu.Lock()
	defer sv.writeMu.Unlock()
	if sv.program == "" {
		sv.program = programID()
	}
	st := ix.cur.Load()
	sum := stampsSum(st)
	if saved, err := ix.savedHeader(sv.program); err == nil && saved.Stamps == sum && saved.Count == len(st.docs) {
		return
	}
	sv.err = writeSnapshot(ix.path, snapshotHeader{Format: snapshotFormat, Program: sv.program, Stamps: sum, Count: len(st.docs)}, st)
}

// savedHeader reads the header of the snapshot on disk.
func (ix *Index) savedHeader(program string) (snapshotHeader, error) {
	f, err := os.Open(filepath.Join(ix.path, snapshotName))
	if err != nil {
		return snapshotHeader{}, err
	}
	defer f.Close()
	var size [8]byte
	if _, err := io.ReadFull(f, size[:]); err != nil {
		return snapshotHeader{}, err
	}
	n := binary.LittleEndian.Uint64(size[:])
	if n > 1<<20 {
		return snapshotHeader{}, errForeignSnapshot
	}
	data := make([]byte, 8+n)
	copy(data, size[:])
	if _, err := io.ReadFull(f, data[8:]); err != nil {
		return snapshotHeader{}, err
	}
	h, _, err := readSnapshotHeader(data, program)
	return h, err
}

// writeSnapshot writes the snapshot aside, syncs it and renames it into
// place, so a crash leaves the old one or the new one, never half of one.
func writeSnapshot(dir string, h snapshotHeader, st *state) error {
	docs := make([]*knowledge.Document, 0, len(st.docs))
	for _, d := range st.docs {
		docs = append(docs, d)
	}
	n := max(1, min(runtime.GOMAXPROCS(0)*2, len(docs)/1000))
	chunks := make([]bytes.Buffer, n)
	err := onEveryCore(n, func(i int) error {
		enc := gob.NewEncoder(&chunks[i])
		for _, d := range docs[i*len(docs)/n : (i+1)*len(docs)/n] {
			if err := enc.Encode(d); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("save documents: %w", err)
	}
	for i := range chunks {
		h.Chunks = append(h.Chunks, chunks[i].Len())
	}
	var head bytes.Buffer
	head.Write(make([]byte, 8))
	if err := gob.NewEncoder(&head).Encode(h); err != nil {
		return fmt.Errorf("save documents: %w", err)
	}
	binary.LittleEndian.PutUint64(head.Bytes(), uint64(head.Len()-8))

	sum := sha256.New()
	sum.Write(head.Bytes())
	parts := [][]byte{head.Bytes()}
	for i := range chunks {
		sum.Write(chunks[i].Bytes())
		parts = append(parts, chunks[i].Bytes())
	}
	if err := writeFileSynced(filepath.Join(dir, snapshotName), append(parts, sum.Sum(nil))...); err != nil {
		return fmt.Errorf("save documents: %w", err)
	}
	return nil
}

// onEveryCore runs f(0) … f(n-1) on as many goroutines as there are cores
// and returns the first error.
func onEveryCore(n int, f func(i int) error) error {
	errs := make([]error, n)
	var wg sync.WaitGroup
	var next atomic.Int64
	for range max(1, min(runtime.GOMAXPROCS(0), n)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				errs[i] = f(i)
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// stampsSum sums the sources and stamps of st's documents, in any order.
func stampsSum(st *state) uint64 {
	var sum uint64
	var buf [16]byte
	for src, d := range st.docs {
		h := fnv.New64a()
		io.WriteString(h, src)
		binary.LittleEndian.PutUint64(buf[:8], uint64(d.Stamp.Size))
		binary.LittleEndian.PutUint64(buf[8:], uint64(d.Stamp.ModTime))
		h.Write(buf[:])
		sum += h.Sum64()
	}
	return sum
}

// programID is a hash of the running executable: documents parsed by
// another build are parsed again, since its parsers may differ. "" when the
// executable cannot be read, which disables the snapshot.
// It is computed once per process: the executable does not change while it
// runs, and hashing it takes tens of milliseconds.
var programID = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
})
