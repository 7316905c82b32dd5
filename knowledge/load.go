package knowledge

import (
	"context"
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

// MaxFileSize is the largest text, Markdown or HTML file Load reads. Real
// documents are a few KiB; anything this big is a mistake (an export, a
// log) and would only slow the index down. Word, OpenDocument and PDF files
// carry images and may be larger (maxOfficeBytes).
const MaxFileSize = 4 << 20

// Options says what Load may take from an earlier load.
type Options struct {
	// FS, when set, is read instead of the operating system's files, and
	// dir is a slash path in it ("." for all of it): the embedded default
	// documents, or a test's fstest.MapFS.
	FS fs.FS
	// Previous holds the documents of an earlier load by Source. A file
	// that still has the size and modification time it had when its
	// document was parsed (see Stamp) is taken from here instead of being
	// read: at 100,000 files, looking at each file is a tenth of reading
	// and parsing it.
	Previous map[string]Document
	// Changed, when not nil, lists the files or folders (slash paths from
	// dir) that may have changed since Previous, as a file watcher knows
	// them: only those are looked at and every other document of Previous
	// is taken as it is. A path that is gone removes its documents.
	Changed []string
}

// Load reads the knowledge folder dir, recursively: every file of a format
// in formats (text, Markdown, Word, OpenDocument, PDF, web page), and links
// function descriptions to the people who hold the function (see Link).
// Hidden files and folders (".git") are passed over. Every other file, and
// every file that cannot be read, is too large, empty, broken or a scan
// without text, is reported by name, and loading goes on. Documents come
// sorted by Source, the slash path relative to dir.
func Load(ctx context.Context, dir string, opts Options) ([]Document, []Problem) {
	fsys := opts.FS
	if fsys == nil {
		info, err := os.Stat(dir)
		if err != nil {
			return nil, []Problem{{File: dir, Message: "kennismap niet te openen: " + cause(err), Skipped: true}}
		}
		if !info.IsDir() {
			return nil, []Problem{{File: dir, Message: "kennismap is geen map", Skipped: true}}
		}
		fsys = os.DirFS(dir)
	} else if dir != "" && dir != "." {
		sub, err := fs.Sub(fsys, dir)
		if err != nil {
			return nil, []Problem{{File: dir, Message: "kennismap niet te openen: " + cause(err), Skipped: true}}
		}
		fsys = sub
	}
	if opts.Changed != nil {
		return loadChanged(ctx, fsys, opts.Previous, opts.Changed)
	}
	files, problems, err := walk(fsys, ".")
	if err != nil {
		problems = append(problems, Problem{File: ".", Message: "kennismap onleesbaar: " + cause(err), Skipped: true})
	}
	docs, more := loadFiles(ctx, fsys, files, opts.Previous)
	return finish(docs, append(problems, more...), opts.Previous)
}

// loadChanged is Load for a caller that knows which paths may have changed.
func loadChanged(ctx context.Context, fsys fs.FS, previous map[string]Document, changed []string) ([]Document, []Problem) {
	var files []file
	var problems []Problem
	seen := map[string]bool{}  // files found
	roots := map[string]bool{} // paths changed
	for _, c := range changed {
		c = path.Clean(c)
		if c == "." || !fs.ValidPath(c) {
			return Load(ctx, ".", Options{FS: fsys, Previous: previous})
		}
		if hidden(c) {
			continue
		}
		roots[c] = true
		if info, err := fs.Lstat(fsys, c); err == nil && info.Mode()&fs.ModeSymlink != 0 {
			if info, err := fs.Stat(fsys, c); err == nil && info.IsDir() {
				continue // a link to a folder: not followed, as in Load
			}
		}
		found, more, err := walk(fsys, c)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			more = append(more, Problem{File: c, Message: "onleesbaar: " + cause(err) + "; overgeslagen", Skipped: true})
		}
		problems = append(problems, more...)
		for _, f := range found {
			if !seen[f.path] {
				seen[f.path] = true
				files = append(files, f)
			}
		}
	}
	loaded, more := loadFiles(ctx, fsys, files, previous)
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

// walk finds the files at or under root, skipping hidden files and
// folders, and reports what it cannot read; err is about root itself.
// Files of a type Load does not read are found too: loadFile reports them.
func walk(fsys fs.FS, root string) (files []file, problems []Problem, err error) {
	err = fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root {
				return err // the root itself: nothing to load
			}
			problems = append(problems, Problem{File: p, Message: "onleesbaar: " + cause(err) + "; overgeslagen", Skipped: true})
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
		if d.IsDir() {
			return nil
		}
		files = append(files, file{p, d})
		return nil
	})
	return files, problems, err
}

// loadFiles reads and parses files on every core: at 100,000 files parsing
// is most of start-up.
func loadFiles(ctx context.Context, fsys fs.FS, files []file, previous map[string]Document) ([]Document, []Problem) {
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
				r.doc, r.problems, r.ok = loadFile(ctx, fsys, files[i].path, files[i].d, previous)
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

// loadFile reads and parses one file. A symbolic link to a file is followed;
// one to a folder is not (fs.WalkDir does not descend into it either), so a
// link loop cannot make loading hang.
func loadFile(ctx context.Context, fsys fs.FS, p string, d fs.DirEntry, previous map[string]Document) (Document, []Problem, bool) {
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
		return skip("onleesbaar: %v; overgeslagen", err)
	}
	if info.IsDir() {
		return Document{}, nil, false // a link to a folder: not followed
	}
	if !info.Mode().IsRegular() {
		return skip("geen gewoon bestand (%v); overgeslagen", info.Mode().Type())
	}
	f, ok := formatOf(p)
	if !ok {
		return Document{}, unknownType(p), false
	}
	stamp := stampOf(info, time.Now())
	if prev, ok := previous[p]; ok && prev.Stamp == stamp && stamp != (Stamp{}) {
		return prev, nil, true
	}
	if info.Size() > f.maxSize {
		return Document{}, tooLarge(p, info.Size(), f.maxSize), false
	}
	data, err := readLimited(fsys, p, f.maxSize)
	if err != nil {
		return skip("onleesbaar: %v; overgeslagen", err)
	}

	doc, problems := parse(ctx, p, data)
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

var errTooLarge = errors.New("het bestand werd groter dan de grens terwijl het gelezen werd")

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
