package knowledge

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
)

// MaxFileSize is the largest file Load reads. Real documents are a few KiB;
// anything this big is a mistake (an export, a log) and would only slow the
// index down.
const MaxFileSize = 4 << 20

// LoadDir loads the knowledge folder dir; see Load.
func LoadDir(dir string) ([]Document, []Problem) { return LoadDirSince(dir, nil) }

// LoadDirSince loads the knowledge folder dir; see LoadSince.
func LoadDirSince(dir string, previous map[string]Document) ([]Document, []Problem) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, []Problem{{File: dir, Message: fmt.Sprintf("cannot open knowledge folder: %v", err), Skipped: true}}
	}
	if !info.IsDir() {
		return nil, []Problem{{File: dir, Message: "knowledge folder is not a folder", Skipped: true}}
	}
	return LoadSince(os.DirFS(dir), previous)
}

// Load reads every .txt, .md and .markdown file under fsys, recursively,
// and links function descriptions to the people who hold the function (see
// Link). Hidden files and folders (".git") and other files are skipped
// silently; a file that cannot be read, is too large, empty or binary is
// reported and skipped, and loading goes on. Documents come sorted by
// Source, which is the slash path relative to the root of fsys.
func Load(fsys fs.FS) ([]Document, []Problem) { return LoadSince(fsys, nil) }

// LoadSince is Load that takes the document of a file from previous (by
// Source) instead of reading the file, when the file still has the size and
// modification time it had when that document was parsed (see Stamp). At
// 100,000 files, looking at each file is a tenth of reading and parsing it.
func LoadSince(fsys fs.FS, previous map[string]Document) ([]Document, []Problem) {
	files, problems, err := walk(fsys, ".")
	if err != nil {
		problems = append(problems, Problem{File: ".", Message: fmt.Sprintf("cannot read knowledge folder: %v", err), Skipped: true})
	}
	docs, more := loadFiles(fsys, files, previous)
	return finish(docs, append(problems, more...), previous)
}

// LoadChanged is LoadSince for a caller that knows which files or folders
// may have changed (a file watcher): only those paths (slash paths from the
// root of fsys) are looked at, and every other document of previous is
// taken as it is. A path that is gone removes its documents.
func LoadChanged(fsys fs.FS, previous map[string]Document, changed []string) ([]Document, []Problem) {
	var files []file
	var problems []Problem
	seen := map[string]bool{}  // files found
	roots := map[string]bool{} // paths changed
	for _, c := range changed {
		c = path.Clean(c)
		if c == "." || !fs.ValidPath(c) {
			return LoadSince(fsys, previous)
		}
		if hidden(c) {
			continue
		}
		roots[c] = true
		if info, err := fs.Lstat(fsys, c); err == nil && info.Mode()&fs.ModeSymlink != 0 {
			if info, err := fs.Stat(fsys, c); err == nil && info.IsDir() {
				continue // a link to a folder: not followed, as in LoadSince
			}
		}
		found, more, err := walk(fsys, c)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			more = append(more, Problem{File: c, Message: fmt.Sprintf("cannot read: %v; skipped", err), Skipped: true})
		}
		problems = append(problems, more...)
		for _, f := range found {
			if !seen[f.path] {
				seen[f.path] = true
				files = append(files, f)
			}
		}
	}
	loaded, more := loadFiles(fsys, files, previous)
	problems = append(problems, more...)
	// The documents that stay, in order (sorting strings moves less than
	// sorting documents), then those read.
	var kept []string
	for src := range previous {
		if !seen[src] && !under(src, roots) {
			kept = append(kept, src)
		}
	}
	slices.Sort(kept)
	slices.SortFunc(loaded, bySource)
	docs := make([]Document, 0, len(kept)+len(loaded))
	for _, src := range kept {
		for len(loaded) > 0 && loaded[0].Source < src {
			docs, loaded = append(docs, loaded[0]), loaded[1:]
		}
		docs = append(docs, previous[src])
	}
	return finish(append(docs, loaded...), problems, previous)
}

// file is a document file found by walk.
type file struct {
	path string
	d    fs.DirEntry
}

// walk finds the document files at or under root, skipping hidden files
// and folders, and reports what it cannot read; err is about root itself.
func walk(fsys fs.FS, root string) (files []file, problems []Problem, err error) {
	err = fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root {
				return err // the root itself: nothing to load
			}
			problems = append(problems, Problem{File: p, Message: fmt.Sprintf("cannot read: %v; skipped", err), Skipped: true})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !isDocumentName(p) {
			return nil
		}
		files = append(files, file{p, d})
		return nil
	})
	return files, problems, err
}

// loadFiles reads and parses files on every core: at 100,000 files parsing
// is most of start-up.
func loadFiles(fsys fs.FS, files []file, previous map[string]Document) ([]Document, []Problem) {
	type loaded struct {
		doc      Document
		problems []Problem
		ok       bool
	}
	results := make([]loaded, len(files))
	var wg sync.WaitGroup
	next := atomic.Int64{}
	for range max(1, min(runtime.GOMAXPROCS(0), len(files))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(files); i = int(next.Add(1) - 1) {
				r := &results[i]
				r.doc, r.problems, r.ok = loadFile(fsys, files[i].path, files[i].d, previous)
			}
		}()
	}
	wg.Wait()
	docs := make([]Document, 0, len(files))
	var problems []Problem
	for i := range results {
		r := &results[i]
		problems = append(problems, r.problems...)
		if r.ok {
			docs = append(docs, r.doc)
		}
	}
	return docs, problems
}

// finish sorts docs by Source and links them.
func finish(docs []Document, problems []Problem, previous map[string]Document) ([]Document, []Problem) {
	// The walk's order is nearly that of the sources already ("a.txt"
	// comes after "a/b.txt" there, not before); moving 100,000 documents
	// about only when needed saves a tenth of a second.
	if !slices.IsSortedFunc(docs, bySource) {
		slices.SortFunc(docs, bySource)
	}
	if !linkedAsBefore(docs, previous) {
		Link(docs, DefaultRoles())
	}
	return docs, problems
}

func bySource(a, b Document) int { return strings.Compare(a.Source, b.Source) }

// hidden reports whether a part of the slash path p starts with a dot.
func hidden(p string) bool {
	for _, part := range strings.Split(p, "/") {
		if strings.HasPrefix(part, ".") {
			return true
		}
	}
	return false
}

// under reports whether src is one of roots or lies in one of them.
func under(src string, roots map[string]bool) bool {
	for ; src != "."; src = path.Dir(src) {
		if roots[src] {
			return true
		}
	}
	return false
}

func isDocumentName(name string) bool {
	return isMarkdownName(name) || strings.EqualFold(path.Ext(name), ".txt")
}

// loadFile reads and parses one file. A symbolic link to a file is followed;
// one to a folder is not (fs.WalkDir does not descend into it either), so a
// link loop cannot make loading hang.
func loadFile(fsys fs.FS, p string, d fs.DirEntry, previous map[string]Document) (Document, []Problem, bool) {
	skip := func(format string, args ...any) (Document, []Problem, bool) {
		return Document{}, []Problem{{File: p, Message: fmt.Sprintf(format, args...), Skipped: true}}, false
	}
	var info fs.FileInfo
	var err error
	if d.Type()&fs.ModeSymlink != 0 {
		info, err = fs.Stat(fsys, p)
	} else {
		info, err = d.Info()
	}
	if err != nil {
		return skip("cannot read: %v; skipped", err)
	}
	if info.IsDir() {
		return Document{}, nil, false // a link to a folder: not followed
	}
	if !info.Mode().IsRegular() {
		return skip("not a regular file (%v); skipped", info.Mode().Type())
	}
	stamp := stampOf(info, time.Now())
	if prev, ok := previous[p]; ok && prev.Stamp == stamp && stamp != (Stamp{}) {
		return prev, nil, true
	}
	if info.Size() > MaxFileSize {
		return skip("file is %d bytes, over the limit of %d MiB; skipped", info.Size(), MaxFileSize>>20)
	}
	data, err := readLimited(fsys, p, MaxFileSize)
	if err != nil {
		return skip("cannot read: %v; skipped", err)
	}

	doc, problems := Parse(p, data)
	if isSkipped(problems) {
		return Document{}, problems, false
	}
	if doc.Organisation == "" {
		doc.Organisation = organisationOf(doc)
	}
	// A document with problems is read again every time, so its problems
	// are reported every time; one that changed while we read it, too.
	if len(problems) == 0 && int64(len(data)) == info.Size() {
		doc.Stamp = stamp
	}
	return doc, problems, true
}

// stampOf is the Stamp of a file read at now. A file changed in the last two
// seconds gets none: where modification times are coarse (a second on some
// file systems), a second change within the same tick would look like none.
func stampOf(info fs.FileInfo, now time.Time) Stamp {
	mod := info.ModTime()
	if mod.IsZero() || now.Sub(mod) < 2*time.Second {
		return Stamp{}
	}
	return Stamp{Size: info.Size(), ModTime: mod.UnixNano()}
}

var errTooLarge = errors.New("file grew larger than the size limit while reading")

// readLimited reads at most limit bytes; the size from the directory may be
// stale, and reading without a limit could exhaust memory.
func readLimited(fsys fs.FS, p string, limit int64) ([]byte, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, errTooLarge
	}
	return data, nil
}

// belgianPostcode matches an address line "8300 Knokke-Heist" (also
// "B-8300 Knokke-Heist").
var belgianPostcode = regexp.MustCompile(`^(?:B-?)?[1-9]\d{3} +(\S.*)$`)

// organisationOf guesses the organisation of a document without one in its
// front matter: the first folder of its source ("knokke-heist/…" →
// "Knokke-Heist"), else the city of its address ("8300 Knokke-Heist").
func organisationOf(doc Document) string {
	if folder := organisationFolder(doc.Source); folder != "" {
		return titleCase(folder)
	}
	for _, line := range strings.Split(doc.Contact.Address, ",") {
		if m := belgianPostcode.FindStringSubmatch(strings.TrimSpace(line)); m != nil {
			return m[1]
		}
	}
	return ""
}

// organisationFolder returns the first folder of source, passing over
// folders that only hold documents ("corpus/kastelbroek/…" → "kastelbroek",
// as in the sample set), or "" for a file at the root.
func organisationFolder(source string) string {
	folders := strings.Split(path.Dir(source), "/")
	for _, f := range folders {
		switch strings.ToLower(f) {
		case ".", "", "corpus", "docs", "documents", "documenten", "kennis", "knowledge":
			continue
		}
		return f
	}
	return ""
}

// titleCase capitalises each part of an all-lower-case folder name
// ("knokke-heist" → "Knokke-Heist", "de_panne" → "De Panne"); a name that
// already has capitals ("Heist-op-den-Berg") is kept as written.
func titleCase(folder string) string {
	folder = cleanText(strings.ReplaceAll(folder, "_", " "))
	if strings.ToLower(folder) != folder {
		return folder
	}
	var b strings.Builder
	upper := true
	for _, r := range folder {
		if upper {
			r = unicode.ToUpper(r)
		}
		b.WriteRune(r)
		upper = r == ' ' || r == '-'
	}
	return b.String()
}
