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
	var docs []Document
	var problems []Problem
	type file struct {
		path string
		d    fs.DirEntry
	}
	var files []file
	walkErr := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "." {
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
	// Parse on every core: at 100,000 files parsing is most of start-up.
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
	docs = make([]Document, 0, len(files))
	for i := range results {
		r := &results[i]
		problems = append(problems, r.problems...)
		if r.ok {
			docs = append(docs, r.doc)
		}
	}
	if walkErr != nil {
		problems = append(problems, Problem{File: ".", Message: fmt.Sprintf("cannot read knowledge folder: %v", walkErr), Skipped: true})
	}
	// The walk's order is nearly that of the sources already ("a.txt"
	// comes after "a/b.txt" there, not before); moving 100,000 documents
	// about only when needed saves a tenth of a second.
	bySource := func(a, b Document) int { return strings.Compare(a.Source, b.Source) }
	if !slices.IsSortedFunc(docs, bySource) {
		slices.SortStableFunc(docs, bySource)
	}
	if !linkedAsBefore(docs, previous) {
		Link(docs, DefaultRoles())
	}
	return docs, problems
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
