package knowledge

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestLoadDefault(t *testing.T) {
	docs, problems := Load(t.Context(), ".", Options{FS: Default()})
	if len(problems) > 0 {
		t.Errorf("problems: %v", problems)
	}
	if len(docs) != 2 {
		t.Fatalf("got %d documents, want 2", len(docs))
	}
	card, fd := docs[0], docs[1]
	if card.Source != seedCard || fd.Source != seedFunction {
		t.Errorf("sources %q, %q", card.Source, fd.Source)
	}
	if card.Organisation != "Knokke-Heist" {
		t.Errorf("organisation from the address = %q, want Knokke-Heist", card.Organisation)
	}
	if fd.Organisation != "" {
		t.Errorf("function description organisation = %q, want none", fd.Organisation)
	}
	if want := []string{seedCard}; !reflect.DeepEqual(fd.Holders, want) {
		t.Errorf("holders = %q, want %q", fd.Holders, want)
	}
}

// TestLoadSample loads the sample set.
func TestLoadSample(t *testing.T) {
	docs, problems := Load(t.Context(), "testdata/sample/corpus", Options{})
	if len(problems) > 0 {
		t.Errorf("problems: %v", problems)
	}
	if len(docs) != 15 {
		t.Fatalf("got %d documents, want 15", len(docs))
	}
	bySource := map[string]Document{}
	for _, d := range docs {
		bySource[d.Source] = d
		if d.Organisation != "Kastelbroek" {
			t.Errorf("%s: organisation %q, want Kastelbroek", d.Source, d.Organisation)
		}
	}
	if !sort.SliceIsSorted(docs, func(i, j int) bool { return docs[i].Source < docs[j].Source }) {
		t.Error("documents not sorted by source")
	}
	holders := map[string][]string{
		"kastelbroek/functiebeschrijving-algemeen-directeur.txt":   {"kastelbroek/algemeen-directeur.txt"},
		"kastelbroek/functiebeschrijving-financieel-directeur.txt": {"kastelbroek/financieel-directeur.txt"},
	}
	for source, want := range holders {
		if got := bySource[source].Holders; !reflect.DeepEqual(got, want) {
			t.Errorf("%s: holders %q, want %q", source, got, want)
		}
	}
	if d := bySource["kastelbroek/burgerzaken.md"]; d.Kind != KindService || d.Name != "Els Blommaert" {
		t.Errorf("burgerzaken.md: %q %q", d.Kind, d.Name)
	}
}

// TestLoadBrokenFolder: every broken file is reported with its name and
// line, and the good documents are loaded all the same.
func TestLoadBrokenFolder(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good.txt", []byte("Jan Peeters\nContactgegevens\nMarkt 1\n9000 Gent\n"))
	write("latin1.txt", []byte("Titel\n\nBelgi\xeb\n"))
	write("open.md", []byte("---\ntitle: Dienst\n\n# Kop\ntekst\n"))
	write("badyaml.md", []byte("---\ntitle: Dienst\ntype: service\nname: [Jan\n---\n# Kop\ntekst\n"))
	write("empty.txt", nil)
	write("image.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	write("big.txt", make([]byte, MaxFileSize+1))
	write("UPPER.TXT", []byte("Hoofdletters\n\nTekst."))
	write("gent/diensten/nested.markdown", []byte("# Genest\n\nTekst."))
	write("notes.docx", []byte("not a zip"))
	write(".hidden.txt", []byte("ignored"))
	write(".git/config.txt", []byte("ignored"))
	symlink := func(target, name string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skipf("symlinks not supported: %v", err)
		}
	}
	symlink(".", "loop")            // a folder linked to itself
	symlink("self.txt", "self.txt") // a file linked to itself
	symlink("good.txt", "link.txt") // a file link is followed

	docs, problems := Load(t.Context(), dir, Options{})

	var sources []string
	for _, d := range docs {
		sources = append(sources, d.Source)
	}
	wantSources := []string{"UPPER.TXT", "badyaml.md", "gent/diensten/nested.markdown", "good.txt", "latin1.txt", "link.txt", "open.md"}
	if !reflect.DeepEqual(sources, wantSources) {
		t.Errorf("loaded %q, want %q", sources, wantSources)
	}
	type want struct {
		line    int
		skipped bool
		msg     string
	}
	wantProblems := map[string]want{
		"badyaml.md": {4, false, "ongeldige YAML"},
		"big.txt":    {0, true, "4194305 bytes, groter dan de grens van 4 MiB"},
		"empty.txt":  {0, true, "leeg bestand"},
		"image.txt":  {0, true, "binair bestand"},
		"latin1.txt": {3, false, "geen geldige UTF-8"},
		"notes.docx": {0, true, "kapot of onvolledig"},
		"open.md":    {1, false, "front matter niet afgesloten"},
		"self.txt":   {0, true, "onleesbaar"},
	}
	if len(problems) != len(wantProblems) {
		t.Errorf("got %d problems, want %d: %v", len(problems), len(wantProblems), problems)
	}
	for _, p := range problems {
		w, ok := wantProblems[p.File]
		if !ok || p.Line != w.line || p.Skipped != w.skipped || !strings.Contains(p.Message, w.msg) {
			t.Errorf("problem %+v, want %+v", p, w)
		}
	}
	for _, d := range docs {
		if d.Source == "gent/diensten/nested.markdown" && d.Organisation != "Gent" {
			t.Errorf("nested: organisation %q, want Gent", d.Organisation)
		}
		if d.Source == "badyaml.md" && (d.Title != "Kop" || len(d.Passages) != 1) {
			t.Errorf("badyaml.md: title %q, %d passages", d.Title, len(d.Passages))
		}
	}
}

// failingFS fails to open or list the names it is given, as a folder without
// read permission would.
type failingFS struct {
	fstest.MapFS
	fail map[string]bool
}

func (f failingFS) Open(name string) (fs.File, error) {
	if f.fail[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f.MapFS.Open(name)
}

func (f failingFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if f.fail[name] {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrPermission}
	}
	return f.MapFS.ReadDir(name)
}

func TestLoadGoesOnAfterUnreadableFiles(t *testing.T) {
	fsys := failingFS{
		MapFS: fstest.MapFS{
			"a.txt":          {Data: []byte("A\n\nTekst.")},
			"secret.txt":     {Data: []byte("B")},
			"locked/c.txt":   {Data: []byte("C")},
			"z/last.txt":     {Data: []byte("Z\n\nTekst.")},
			"device.txt":     {Data: []byte("D"), Mode: fs.ModeNamedPipe},
			"folder.md/x.md": {Data: []byte("# X")}, // a folder named like a document
		},
		fail: map[string]bool{"secret.txt": true, "locked": true},
	}
	docs, problems := Load(t.Context(), ".", Options{FS: fsys})
	var sources []string
	for _, d := range docs {
		sources = append(sources, d.Source)
	}
	if want := []string{"a.txt", "folder.md/x.md", "z/last.txt"}; !reflect.DeepEqual(sources, want) {
		t.Errorf("loaded %q, want %q", sources, want)
	}
	got := map[string]bool{}
	for _, p := range problems {
		if !p.Skipped || p.Line != 0 {
			t.Errorf("problem %+v: want skipped, no line", p)
		}
		got[p.File] = true
	}
	if want := map[string]bool{"secret.txt": true, "locked": true, "device.txt": true}; !reflect.DeepEqual(got, want) {
		t.Errorf("problems about %v, want %v (%v)", got, want, problems)
	}
}

func TestLoadDirNotAFolder(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file.txt")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{filepath.Join(t.TempDir(), "missing"), file} {
		docs, problems := Load(t.Context(), dir, Options{})
		if len(docs) != 0 || len(problems) != 1 || problems[0].File != dir || !problems[0].Skipped {
			t.Errorf("Load(t.Context(), %q, Options{}) = %d docs, %v", dir, len(docs), problems)
		}
	}
}

func TestLoadRootError(t *testing.T) {
	docs, problems := Load(t.Context(), ".", Options{FS: failingFS{MapFS: fstest.MapFS{}, fail: map[string]bool{".": true}}})
	if len(docs) != 0 || len(problems) != 1 || problems[0].File != "." || !problems[0].Skipped {
		t.Errorf("got %d docs, problems %v", len(docs), problems)
	}
}

func TestOrganisation(t *testing.T) {
	card := func(address string) []byte {
		return []byte("Jan\nContactgegevens\nMarkt 1\n" + address + "\n")
	}
	fsys := fstest.MapFS{
		"root-card.txt":                {Data: card("8300 Knokke-Heist")},
		"root-card-b.txt":              {Data: card("B-9000 Gent")},
		"root-no-address.txt":          {Data: []byte("Jan\n\nTekst.")},
		"knokke-heist/card.txt":        {Data: card("9000 Gent")}, // the folder wins over the address
		"de_panne/x/deep.txt":          {Data: []byte("X")},
		"Heist-op-den-Berg/x.txt":      {Data: []byte("X")},
		"documenten/sint-niklaas/x.md": {Data: []byte("X")},
		"knokke-heist/front.md":        {Data: []byte("---\norganisation: Stad Brugge\n---\nX")}, // front matter wins
	}
	docs, problems := Load(t.Context(), ".", Options{FS: fsys})
	if len(problems) > 0 {
		t.Errorf("problems: %v", problems)
	}
	want := map[string]string{
		"root-card.txt":                "Knokke-Heist",
		"root-card-b.txt":              "Gent",
		"root-no-address.txt":          "",
		"knokke-heist/card.txt":        "Knokke-Heist",
		"de_panne/x/deep.txt":          "De Panne",
		"Heist-op-den-Berg/x.txt":      "Heist-op-den-Berg",
		"documenten/sint-niklaas/x.md": "Sint-Niklaas",
		"knokke-heist/front.md":        "Stad Brugge",
	}
	for _, d := range docs {
		if d.Organisation != want[d.Source] {
			t.Errorf("%s: organisation %q, want %q", d.Source, d.Organisation, want[d.Source])
		}
	}
}

// TestLoadSince: a file whose size and modification time are those of the
// previous load is not read again; any other file is.
func TestLoadSince(t *testing.T) {
	old := time.Now().Add(-time.Hour)
	file := func(text string, mod time.Time) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(text), ModTime: mod}
	}
	fsys := fstest.MapFS{
		"same.txt":     file("Same\n\nTekst.", old),
		"touched.txt":  file("Touched\n\nTekst.", old.Add(time.Second)),
		"grown.txt":    file("Grown\n\nLangere tekst.", old),
		"recent.txt":   file("Recent\n\nTekst.", time.Now()),
		"new.txt":      file("New\n\nTekst.", old),
		"warning.md":   file("---\nfoo: [\n---\n# Warning\n\nTekst.", old),
		"unstamped.md": file("# Unstamped\n\nTekst.", time.Time{}),
	}
	first, _ := Load(t.Context(), ".", Options{FS: fsys})
	stamps := map[string]Stamp{}
	for _, d := range first {
		stamps[d.Source] = d.Stamp
	}
	for src, want := range map[string]bool{"same.txt": true, "grown.txt": true, "recent.txt": false, "warning.md": false, "unstamped.md": false} {
		if got := stamps[src] != (Stamp{}); got != want {
			t.Errorf("%s stamped %v, want %v (%+v)", src, got, want, stamps[src])
		}
	}

	// The previous documents, marked so we can tell which were reused.
	previous := map[string]Document{}
	for _, d := range first {
		d.Title = "from the previous load"
		previous[d.Source] = d
	}
	touched := previous["same.txt"]
	touched.Source = "touched.txt"
	previous["touched.txt"] = touched
	previous["grown.txt"] = Document{Source: "grown.txt", Title: "from the previous load", Stamp: Stamp{Size: 5, ModTime: old.UnixNano()}}
	previous["gone.txt"] = Document{Source: "gone.txt", Title: "from the previous load"}
	delete(previous, "new.txt") // as if it was added since

	docs, _ := Load(t.Context(), ".", Options{FS: fsys, Previous: previous})
	reused := map[string]bool{}
	for _, d := range docs {
		reused[d.Source] = d.Title == "from the previous load"
	}
	want := map[string]bool{"same.txt": true, "touched.txt": false, "grown.txt": false, "recent.txt": false,
		"new.txt": false, "warning.md": false, "unstamped.md": false}
	if !reflect.DeepEqual(reused, want) {
		t.Errorf("reused %v, want %v", reused, want)
	}
}

// TestLoadSinceLinks: loading again links a function description to who
// holds the function now, also when only the cards changed.
func TestLoadSinceLinks(t *testing.T) {
	old := time.Now().Add(-time.Hour)
	card := func(name, function, task string) *fstest.MapFile {
		text := name + "\n\nContactgegevens\nMarkt 1\n2240 Zandhoven\n\nFunctie(s)\n\nBestuurFunctie\nSchepencollege" + function + "\nInfo\n\n • " + task + "\n"
		return &fstest.MapFile{Data: []byte(text), ModTime: old}
	}
	fsys := fstest.MapFS{
		"fd.md":  {Data: []byte("---\ntype: function\nrole: algemeen directeur\n---\n# Algemeen directeur\n\nLeidt de diensten.\n"), ModTime: old},
		"a.txt":  card("An Peeters", "Algemeen directeur", "Volgt de klachten op."),
		"b.txt":  card("Bert Claes", "Schepen", "Sport."),
		"fd2.md": {Data: []byte("---\ntype: function\nrole: schepen\n---\n# Schepen\n\nBeslist mee.\n"), ModTime: old},
	}
	holders := func(docs []Document) map[string][]string {
		out := map[string][]string{}
		for _, d := range docs {
			if d.Kind == KindFunction {
				out[d.Source] = d.Holders
			}
		}
		return out
	}
	docs, problems := Load(t.Context(), ".", Options{FS: fsys})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	want := map[string][]string{"fd.md": {"a.txt"}, "fd2.md": {"b.txt"}}
	if got := holders(docs); !reflect.DeepEqual(got, want) {
		t.Fatalf("first load: holders %v, want %v", got, want)
	}

	steps := []struct {
		name   string
		change func()
		want   map[string][]string
	}{
		{"a paragraph changed", func() { fsys["a.txt"] = card("An Peeters", "Algemeen directeur", "Volgt ook de vergunningen op.") },
			map[string][]string{"fd.md": {"a.txt"}, "fd2.md": {"b.txt"}}},
		{"the function changed", func() { fsys["a.txt"] = card("An Peeters", "Schepen", "Cultuur.") },
			map[string][]string{"fd.md": nil, "fd2.md": {"a.txt", "b.txt"}}},
		{"a card added", func() { fsys["c.txt"] = card("Chris Maes", "Algemeen directeur", "Leidt het MAT.") },
			map[string][]string{"fd.md": {"c.txt"}, "fd2.md": {"a.txt", "b.txt"}}},
		{"a card removed", func() { delete(fsys, "b.txt") },
			map[string][]string{"fd.md": {"c.txt"}, "fd2.md": {"a.txt"}}},
	}
	for _, s := range steps {
		s.change()
		docs, problems = Load(t.Context(), ".", Options{FS: fsys, Previous: bySourceMap(docs)})
		if len(problems) > 0 {
			t.Fatal(problems)
		}
		if got := holders(docs); !reflect.DeepEqual(got, s.want) {
			t.Errorf("%s: holders %v, want %v", s.name, got, s.want)
		}
	}
}

// TestLoadChanged: told which paths changed, Load with Changed gives what loading
// the whole folder again gives.
func TestLoadChanged(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-time.Hour)
	write := func(p, text string) {
		t.Helper()
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	card := func(name, function string) string {
		return name + "\n\nContactgegevens\nMarkt 1\n2240 Zandhoven\n\nFunctie(s)\n\nBestuurFunctie\nSchepencollege" + function + "\nInfo\n\n • Taak.\n"
	}
	write("zandhoven/a.txt", card("An Peeters", "Algemeen directeur"))
	write("zandhoven/b.txt", card("Bert Claes", "Schepen"))
	write("zandhoven/fd.md", "---\ntype: function\nrole: schepen\n---\n# Schepen\n\nBeslist mee.\n")
	write("heibeek/c.txt", card("Chris Maes", "Burgemeester"))
	write("heibeek/diensten/d.md", "# Sportdienst\n\nSubsidies.\n")
	filepath.WalkDir(dir, func(p string, _ fs.DirEntry, _ error) error { return os.Chtimes(p, old, old) })

	docs, problems := Load(t.Context(), dir, Options{})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	steps := []struct {
		name    string
		change  func()
		changed []string
	}{
		{"a card edited", func() { write("zandhoven/a.txt", card("An Peeters", "Schepen")) }, []string{"zandhoven/a.txt"}},
		{"a card added in a new folder", func() { write("nieuw/e.txt", card("Els Wouters", "Schepen")) }, []string{"nieuw"}},
		{"a card removed", func() { os.Remove(filepath.Join(dir, "zandhoven", "b.txt")) }, []string{"zandhoven/b.txt"}},
		{"a folder removed", func() { os.RemoveAll(filepath.Join(dir, "heibeek", "diensten")) }, []string{"heibeek/diensten"}},
		{"a card renamed", func() {
			os.Rename(filepath.Join(dir, "heibeek", "c.txt"), filepath.Join(dir, "heibeek", "c2.txt"))
		}, []string{"heibeek/c.txt", "heibeek/c2.txt"}},
		{"hidden and other files", func() {
			write("zandhoven/.a.txt.swp", "x")
			write("zandhoven/notes.pdf", "x")
		}, []string{"zandhoven/.a.txt.swp", "zandhoven/notes.pdf"}},
		// A broken file is reported when it is looked at; the loads after
		// this one would differ in that alone.
		{"the broken file removed", func() { os.Remove(filepath.Join(dir, "zandhoven", "notes.pdf")) }, []string{"zandhoven/notes.pdf"}},
		{"a link to a folder", func() {
			if err := os.Symlink(filepath.Join(dir, "zandhoven"), filepath.Join(dir, "link")); err != nil {
				t.Skip("no symbolic links here:", err)
			}
		}, []string{"link"}},
		{"a broken card", func() { write("zandhoven/a.txt", "") }, []string{"zandhoven/a.txt"}},
	}
	for _, s := range steps {
		previous := bySourceMap(docs)
		s.change()
		docs, problems = Load(t.Context(), ".", Options{FS: os.DirFS(dir), Previous: previous, Changed: s.changed})
		want, wantProblems := Load(t.Context(), dir, Options{Previous: previous})
		if !reflect.DeepEqual(docs, want) {
			t.Errorf("%s: Load with Changed gives %d documents, loading all %d:\n%+v\nwant\n%+v", s.name, len(docs), len(want), docs, want)
		}
		if !reflect.DeepEqual(problems, wantProblems) {
			t.Errorf("%s: problems %v, want %v", s.name, problems, wantProblems)
		}
		docs = want
	}
}

// bySourceMap is docs by Source, as Options.Previous takes the previous load.
func bySourceMap(docs []Document) map[string]Document {
	m := map[string]Document{}
	for _, d := range docs {
		m[d.Source] = d
	}
	return m
}

// TestLoadOfficeSince: an unchanged Word file is taken from the previous
// load, a changed one is read again, as with every other format (hot
// reload and the saved index rely on it).
func TestLoadOfficeSince(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(formatsDir + "functiebeschrijving-omgevingsambtenaar.docx")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "fb.docx")
	old := time.Now().Add(-time.Hour)
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(file, old, old)
	first, problems := Load(t.Context(), dir, Options{})
	if len(problems) > 0 || len(first) != 1 || first[0].Stamp == (Stamp{}) {
		t.Fatalf("docs %+v, problems %v", first, problems)
	}
	previous := bySourceMap(first)
	marked := previous["fb.docx"]
	marked.Title = "from the previous load"
	previous["fb.docx"] = marked

	docs, _ := Load(t.Context(), dir, Options{Previous: previous})
	if docs[0].Title != marked.Title {
		t.Errorf("unchanged file read again: title %q", docs[0].Title)
	}
	newer := old.Add(time.Minute)
	os.Chtimes(file, newer, newer)
	for _, opts := range []Options{{Previous: previous}, {Previous: previous, Changed: []string{"fb.docx"}}} {
		docs, _ = Load(t.Context(), dir, opts)
		if docs[0].Title != "Functiebeschrijving omgevingsambtenaar" {
			t.Errorf("changed file not read again (changed %q): title %q", opts.Changed, docs[0].Title)
		}
	}
}

func TestReview(t *testing.T) {
	docs := []Document{
		{Source: "kaart.txt", Kind: KindPerson, Name: "An", Functions: []Function{{Title: "Schepen"}}},
		{Source: "leeg.txt", Kind: KindPerson, Name: "Bert"},
		{Source: "fb.docx", Kind: KindFunction, Role: "archivaris"},
		{Source: "fb2.docx", Kind: KindFunction, Role: "schepen", Holders: []string{"kaart.txt"}},
		{Source: "dienst.md", Kind: KindGeneric, Aliases: []string{"loket"}},
	}
	var got []string
	for _, p := range Review("kennis", docs) {
		got = append(got, p.File)
	}
	if want := []string{"leeg.txt", "fb.docx", "dienst.md"}; !reflect.DeepEqual(got, want) {
		t.Errorf("review reports %q, want %q", got, want)
	}
	if p := Review("kennis", nil); len(p) != 1 || p[0].File != "kennis" || !strings.Contains(p[0].Message, "lege kennismap") {
		t.Errorf("empty folder: %v", p)
	}
}
