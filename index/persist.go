package index

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/wieiswie/wieiswie/knowledge"
)

// formatVersion changes whenever what is indexed for a document, the
// mapping or the analysis changes: an index of another version is rebuilt.
const formatVersion = 6

const manifestName = "wieiswie-manifest.txt"

// An index folder (INDEX_DIR) holds the index in use in a folder of its own,
// so that a new one is built beside it and switched in by renames inside
// the index folder: that works when the index folder is a mount point
// (a Docker volume), where renaming the folder itself fails (EBUSY).
const (
	lockName     = "wieiswie.lock"
	currentName  = "current"
	buildingName = "building"
	oldName      = "old"
)

// openOptions are bleve's run-time options for an index on disk: bolt,
// underneath, would wait for ever for a lock another process holds; the
// folder lock (lockDir) makes that impossible, this bounds it anyway.
var openOptions = map[string]any{"bolt_timeout": "5s"}

// manifest records what an index on disk holds, so the next start opens it
// and re-indexes only what changed. On disk: a first line with the format
// and the lists' hash, then one line per document, "hash<TAB>source"; a
// line format, because JSON of 100,000 entries takes a tenth of a second
// to write on every reload.
type manifest struct {
	Format int
	Lists  string            // hash of the role and word lists and analysis data
	Docs   map[string]string // Source → content hash
}

func (ix *Index) manifest(st *state) manifest {
	return manifest{Format: formatVersion, Lists: ix.listsHash(st), Docs: st.hashes}
}

// openOrBuild locks the index folder, opens the index in it when its
// manifest fits and updates it; otherwise it builds a new one aside and
// switches it in, so a crash never leaves a half-written index where the
// next start would open it.
func (ix *Index) openOrBuild(ctx context.Context, docs []knowledge.Document, st *state, wait time.Duration) error {
	if err := os.MkdirAll(ix.root, 0o755); err != nil {
		return fmt.Errorf("index folder %s cannot be made: %w", ix.root, err)
	}
	if err := checkIndexDir(ix.root); err != nil {
		return err
	}
	want := ix.manifest(st)
	lock, err := lockDir(ctx, ix.root, wait)
	if errors.Is(err, errNotWritable) && ix.openReadOnly(st, want) {
		ix.diskErr = err
		return nil
	}
	if err != nil {
		return err
	}
	ix.lock = lock
	if old, err := readManifest(ix.path); err == nil && old.Format == want.Format && old.Lists == want.Lists {
		if b, err := bleve.OpenUsing(ix.path, openOptions); err == nil {
			st.bleve, st.text = b, b.Mapping().AnalyzerNamed(textAnalyzer)
			if err := ix.apply(ctx, st, old.Docs, want.Docs); err != nil {
				return err
			}
			ix.stats.Reused = true
			if ix.stats.Indexed == 0 && ix.stats.Removed == 0 {
				return nil // the manifest on disk says it all already
			}
			return writeManifest(ix.path, want)
		}
	}
	if err := clearIndexDir(ix.root); err != nil {
		return err
	}
	building := filepath.Join(ix.root, buildingName)
	if err := ix.create(building, docs, st); err != nil {
		return err
	}
	if err := ix.apply(ctx, st, nil, want.Docs); err != nil {
		return err
	}
	if err := writeManifest(building, want); err != nil {
		return err
	}
	b, err := swapIn(st.bleve, building, ix.path)
	st.bleve = b
	return err
}

// openReadOnly opens the index in a folder that cannot be written, as it
// is, when it holds exactly the documents of want (an index made ahead,
// on a read-only volume). The first update moves to memory.
func (ix *Index) openReadOnly(st *state, want manifest) bool {
	old, err := readManifest(ix.path)
	if err != nil || old.Format != want.Format || old.Lists != want.Lists || !maps.Equal(old.Docs, want.Docs) {
		return false
	}
	b, err := bleve.OpenUsing(ix.path, map[string]any{"read_only": true, "bolt_timeout": "5s"})
	if err != nil {
		return false
	}
	st.bleve, st.text = b, b.Mapping().AnalyzerNamed(textAnalyzer)
	ix.readOnly, ix.stats = true, Stats{Reused: true}
	return true
}

var errBadManifest = errors.New("manifest is damaged")

// manifestSumPrefix starts the manifest's last line, the checksum of all
// before it: a damaged manifest rebuilds the index rather than trust it.
const manifestSumPrefix = "sum "

func readManifest(dir string) (manifest, error) {
	m := manifest{Docs: map[string]string{}}
	data, err := os.ReadFile(filepath.Join(dir, manifestName))
	if err != nil {
		return m, err
	}
	body, ok := verifySum(data)
	if !ok {
		return m, errBadManifest
	}
	head, rest, _ := strings.Cut(string(body), "\n")
	if _, err := fmt.Sscanf(head, "wieiswie-index %d %s", &m.Format, &m.Lists); err != nil {
		return m, errBadManifest
	}
	for rest != "" {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		hash, src, ok := strings.Cut(line, "\t")
		if strings.HasPrefix(src, `"`) {
			src, err = strconv.Unquote(src)
		}
		if !ok || err != nil {
			return m, errBadManifest
		}
		m.Docs[src] = hash
	}
	return m, nil
}

// writeManifest writes the manifest beside the index, atomically: written
// aside, synced, then renamed over the old one.
func writeManifest(dir string, m manifest) error {
	var b strings.Builder
	fmt.Fprintf(&b, "wieiswie-index %d %s\n", m.Format, m.Lists)
	for src, hash := range m.Docs {
		b.WriteString(hash)
		b.WriteByte('\t')
		if strings.ContainsAny(src, "\t\n\r\"") {
			src = strconv.Quote(src) // a file name may hold anything but "/" and NUL
		}
		b.WriteString(src)
		b.WriteByte('\n')
	}
	if err := writeFileSynced(filepath.Join(dir, manifestName), appendSum([]byte(b.String()))); err != nil {
		return fmt.Errorf("write manifest: %w", err)
	}
	return nil
}

// appendSum appends a line with the SHA-256 of data (which ends in a
// newline) to it.
func appendSum(data []byte) []byte {
	sum := sha256.Sum256(data)
	return append(append(data, manifestSumPrefix...), hex.EncodeToString(sum[:])+"\n"...)
}

// verifySum checks the last line of data against the rest and returns
// the rest.
func verifySum(data []byte) ([]byte, bool) {
	i := bytes.LastIndex(bytes.TrimSuffix(data, []byte("\n")), []byte("\n"+manifestSumPrefix))
	if i < 0 {
		return nil, false
	}
	body := data[:i+1]
	sum := sha256.Sum256(body)
	return body, string(data[i+1:]) == manifestSumPrefix+hex.EncodeToString(sum[:])+"\n"
}

// writeFileSynced replaces name with data so that a crash or a power cut
// leaves the old file or the new one, whole: written aside, synced to
// disk, renamed, and the rename synced too.
func writeFileSynced(name string, data ...[]byte) (err error) {
	tmp := name + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.Remove(tmp)
		}
	}()
	for _, d := range data {
		if err == nil {
			_, err = f.Write(d)
		}
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, name); err != nil {
		return err
	}
	return syncDir(filepath.Dir(name))
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) {
		return err // some file systems cannot sync a folder: nothing to do then
	}
	return nil
}

// docHash is a hash of everything of d that is indexed.
func docHash(d *knowledge.Document) string {
	b := make([]byte, 0, 4096)
	b = appendStrings(b, d.Source, string(d.Kind), d.Title, d.Organisation, d.Name, d.Role,
		d.Contact.Address, d.Contact.Website)
	b = appendStrings(b, d.Contact.Phones...)
	b = appendStrings(b, d.Contact.Emails...)
	b = appendStrings(b, d.Aliases...)
	b = appendStrings(b, d.Holders...)
	b = appendStrings(b, d.HolderMentions...)
	for _, m := range d.People {
		b = appendStrings(b, m.Name, m.Topic, strconv.Itoa(m.Line))
		b = appendStrings(b, m.Titles...)
	}
	for _, f := range d.Functions {
		b = appendStrings(b, f.Body, f.Title)
	}
	for _, p := range d.Passages {
		b = appendStrings(b, p.Heading, p.Text)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16])
}

// sameContent reports whether a and b are equal in all that docHash hashes
// (so they have the same hash). Comparing is cheaper than hashing: a
// document taken over from the previous load shares its strings with it.
func sameContent(a, b *knowledge.Document) bool {
	return sameVocabulary(a, b) && a.Source == b.Source && a.Kind == b.Kind && a.Title == b.Title &&
		a.Contact.Address == b.Contact.Address && a.Contact.Website == b.Contact.Website &&
		slices.Equal(a.Contact.Phones, b.Contact.Phones) && slices.Equal(a.Contact.Emails, b.Contact.Emails) &&
		slices.Equal(a.Holders, b.Holders) && slices.Equal(a.HolderMentions, b.HolderMentions) &&
		slices.EqualFunc(a.Passages, b.Passages, func(p, q knowledge.Passage) bool { return p.Heading == q.Heading && p.Text == q.Text })
}

// sameVocabulary reports whether a and b are equal in all that the question
// vocabulary and the role equivalences are made of (see newState).
func sameVocabulary(a, b *knowledge.Document) bool {
	return a.Organisation == b.Organisation && a.Name == b.Name && a.Role == b.Role && a.Kind == b.Kind && a.Title == b.Title &&
		slices.Equal(a.Functions, b.Functions) && slices.Equal(a.Aliases, b.Aliases) &&
		slices.EqualFunc(a.People, b.People, func(m, n knowledge.Mention) bool {
			return m.Name == n.Name && m.Topic == n.Topic && m.Line == n.Line && slices.Equal(m.Titles, n.Titles)
		}) && slices.Equal(definingPassages(a), definingPassages(b))
}

// definingPassages returns the passages of d that may introduce an
// abbreviation ("het managementteam (MAT)"), which the vocabulary reads.
func definingPassages(d *knowledge.Document) []string {
	var out []string
	for _, p := range d.Passages {
		if strings.Contains(p.Text, "(") {
			out = append(out, p.Text)
		}
	}
	return out
}

// appendStrings appends ss to b, each ended by a 0 and the list by a 1, so
// that different lists never run together into the same bytes.
func appendStrings(b []byte, ss ...string) []byte {
	for _, s := range ss {
		b = append(b, s...)
		b = append(b, 0)
	}
	return append(b, 1)
}

// listsHash is a hash of the lists that shape what is indexed: a change in
// them rebuilds the index.
func (ix *Index) listsHash(st *state) string {
	var b []byte
	for _, g := range st.roles.Groups() {
		b = appendStrings(b, g...)
	}
	b = appendStrings(b, stemsTxt)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16])
}

// checkIndexDir refuses an index folder that holds anything but an index
// of ours: --index pointed at the wrong folder must not delete anything.
// A folder of the earlier layout (the index right in it) is ours.
func checkIndexDir(root string) error {
	entries, err := os.ReadDir(root)
	if err != nil {
		return fmt.Errorf("index folder %s: %w", root, err)
	}
	if _, err := os.Stat(filepath.Join(root, "index_meta.json")); err == nil {
		return nil
	}
	for _, e := range entries {
		if !ours(e.Name()) {
			return fmt.Errorf("index folder %s holds %s, which is not ours; refusing to overwrite it: give an empty or new folder", root, e.Name())
		}
	}
	return nil
}

// ours reports whether an entry of an index folder is one wieiswie makes.
func ours(name string) bool {
	switch name {
	case lockName, currentName, buildingName, oldName:
		return true
	}
	return false
}

// clearIndexDir removes from the index folder (locked, checked) all but the
// lock and the index in use: an unfinished build, an old index, the files
// of the earlier layout.
func clearIndexDir(root string) error {
	entries, err := os.ReadDir(root)
	if err != nil {
		return fmt.Errorf("index folder %s: %w", root, err)
	}
	for _, e := range entries {
		if e.Name() == lockName || e.Name() == currentName {
			continue
		}
		if err := os.RemoveAll(filepath.Join(root, e.Name())); err != nil {
			return fmt.Errorf("clear index folder: %w", err)
		}
	}
	return nil
}

// swapIn closes the index built at building, puts it in place of path and
// opens it there. building and path are in the same folder, so renames do
// it, also when that folder is a mount point.
func swapIn(b bleve.Index, building, path string) (bleve.Index, error) {
	if err := b.Close(); err != nil {
		return nil, fmt.Errorf("close %s: %w", building, err)
	}
	old := filepath.Join(filepath.Dir(path), oldName)
	if err := os.RemoveAll(old); err != nil {
		return nil, err
	}
	if err := os.Rename(path, old); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("move old index aside: %w", err)
	}
	if err := os.Rename(building, path); err != nil {
		return nil, fmt.Errorf("switch to new index: %w", err)
	}
	if err := syncDir(filepath.Dir(path)); err != nil {
		return nil, fmt.Errorf("switch to new index: %w", err)
	}
	if err := os.RemoveAll(old); err != nil {
		return nil, err
	}
	nb, err := bleve.OpenUsing(path, openOptions)
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", path, err)
	}
	return nb, nil
}
