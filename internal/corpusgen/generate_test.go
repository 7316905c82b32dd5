package corpusgen

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wieiswie/wieiswie/knowledge"
)

// generate writes a corpus into a fresh temporary folder.
func generate(t *testing.T, n int, seed int64) (string, Manifest) {
	t.Helper()
	dir := t.TempDir()
	m, err := Generate(dir, n, seed)
	if err != nil {
		t.Fatal(err)
	}
	return dir, m
}

// readTree returns every file under dir by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// The same seed gives byte-identical files; another seed other files.
func TestGenerateIsDeterministic(t *testing.T) {
	dirA, _ := generate(t, 300, 7)
	dirB, _ := generate(t, 300, 7)
	a, b := readTree(t, dirA), readTree(t, dirB)
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for p, data := range a {
		if !bytes.Equal(data, b[p]) {
			t.Errorf("%s differs between two runs with the same seed", p)
		}
	}
	dirC, _ := generate(t, 300, 8)
	c := readTree(t, dirC)
	if bytes.Equal(a[QuestionsFile], c[QuestionsFile]) {
		t.Error("seeds 7 and 8 gave the same questions")
	}
}

// Every generated file loads without a problem, as the document the
// generator meant to write.
func TestGeneratedDocumentsLoad(t *testing.T) {
	const n = 1200
	dir, m := generate(t, n, 1)
	docs, problems := knowledge.Load(context.Background(), filepath.Join(dir, CorpusDir), knowledge.Options{})
	for _, p := range problems {
		t.Errorf("problem: %s", p)
	}
	if len(docs) != n || len(m.Files) != n {
		t.Fatalf("loaded %d documents, manifest lists %d, want %d", len(docs), len(m.Files), n)
	}
	bySource := map[string]knowledge.Document{}
	for _, d := range docs {
		bySource[d.Source] = d
	}
	wantKind := map[Format]knowledge.Kind{
		FormatPersonCard: knowledge.KindPerson, FormatFunction: knowledge.KindFunction,
		FormatMarkdownPerson: knowledge.KindPerson, FormatMarkdownService: knowledge.KindService,
	}
	for _, f := range m.Files {
		d, ok := bySource[f.Path]
		if !ok {
			t.Errorf("%s: not loaded", f.Path)
			continue
		}
		if d.Kind != wantKind[f.Format] {
			t.Errorf("%s: kind %s, want %s", f.Path, d.Kind, wantKind[f.Format])
		}
		if d.Name != f.Name {
			t.Errorf("%s: name %q, want %q", f.Path, d.Name, f.Name)
		}
		if !equalFunctions(d.Functions, f.Functions) {
			t.Errorf("%s: functions %v, want %v", f.Path, d.Functions, f.Functions)
		}
		if d.Organisation == "" || (f.Format != FormatPersonCard && len(d.Passages) == 0) {
			t.Errorf("%s: organisation %q, %d passages", f.Path, d.Organisation, len(d.Passages))
		}
		if f.Format == FormatPersonCard && (len(d.Contact.Phones) == 0 || d.Contact.Address == "") {
			t.Errorf("%s: contact %+v", f.Path, d.Contact)
		}
	}
}

func equalFunctions(a, b []knowledge.Function) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// The counts add up: documents per format and per town, towns of a
// realistic size, one holder of every role questions ask about per town,
// and the fixed mix of questions.
func TestGenerateCounts(t *testing.T) {
	const n = 3000
	dir, m := generate(t, n, 3)
	total := 0
	for _, c := range m.Counts {
		total += c
	}
	if total != n {
		t.Errorf("counts add up to %d, want %d", total, n)
	}
	for _, f := range []Format{FormatPersonCard, FormatFunction, FormatMarkdownPerson, FormatMarkdownService} {
		if m.Counts[f] < n/50 {
			t.Errorf("only %d documents of format %s", m.Counts[f], f)
		}
	}
	if len(m.Municipalities) < 5 {
		t.Errorf("%d municipalities for %d documents", len(m.Municipalities), n)
	}
	sum := 0
	for _, mu := range m.Municipalities {
		sum += mu.Docs
		if mu.Docs < MinTownDocs || mu.Docs >= MaxTownDocs+MinTownDocs {
			t.Errorf("%s has %d documents", mu.Name, mu.Docs)
		}
	}
	if sum != n {
		t.Errorf("municipalities hold %d documents, want %d", sum, n)
	}

	perTown := map[string]map[string]int{}
	for _, f := range m.Files {
		town, _, _ := strings.Cut(f.Path, "/")
		if perTown[town] == nil {
			perTown[town] = map[string]int{}
		}
		perTown[town][f.Role]++
	}
	for town, roles := range perTown {
		for _, r := range []string{RoleMayor, RoleChair, RoleDirector, RoleFinance, RoleDPO, RolePrevention, RoleComplaints, RoleCivil, RolePersonnel} {
			if roles[r] != 1 {
				t.Errorf("%s: %d documents of role %s, want 1", town, roles[r], r)
			}
		}
		if roles[RoleAlderman] < 4 || roles[RoleCouncillor] == 0 || roles[RoleStaff] == 0 {
			t.Errorf("%s: %d schepenen, %d raadsleden, %d staff", town, roles[RoleAlderman], roles[RoleCouncillor], roles[RoleStaff])
		}
	}

	qs := readQuestions(t, filepath.Join(dir, QuestionsFile))
	want := 0
	for _, mix := range QuestionMix {
		want += mix.Count
		if m.QuestionKinds[mix.Kind] != mix.Count {
			t.Errorf("%d questions of kind %s, want %d", m.QuestionKinds[mix.Kind], mix.Kind, mix.Count)
		}
	}
	if len(qs) != want {
		t.Fatalf("%d questions, want %d", len(qs), want)
	}
	for _, q := range qs {
		if (q.Kind == "no-answer") != (len(q.Expect) == 0) || (q.ExpectName == nil) != (len(q.Expect) == 0) {
			t.Errorf("%s %q: kind %s with expect %v, name %v", q.ID, q.Question, q.Kind, q.Expect, q.ExpectName)
		}
		for _, e := range q.Expect {
			if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(e))); err != nil {
				t.Errorf("%s: expected document %s: %v", q.ID, e, err)
			}
		}
	}
}

func readQuestions(t *testing.T, path string) []Question {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var qs []Question
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var q Question
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			t.Fatalf("%s: %v", sc.Text(), err)
		}
		if q.Expect == nil {
			t.Errorf("%s: expect is null, want a list", q.ID)
		}
		qs = append(qs, q)
	}
	return qs
}

// A no-answer question is only right when no document holds the role, under
// any of its names; and the words a task question is about stand only in
// the documents that answer it, so the expected answer is the right one.
func TestQuestionsHaveTheirAnswers(t *testing.T) {
	dir, m := generate(t, 2000, 5)
	roles := knowledge.DefaultRoles()
	unheld := map[string]bool{}
	for _, r := range NoAnswerRoles {
		unheld[roles.Canonical(r)] = true
	}
	onlyIn := map[string][]string{
		"datalek":         {RoleDPO},
		"ziektemeldingen": {RolePersonnel},
		"ongeval":         {RolePrevention, RoleDescription},
		"rampenplan":      {RolePrevention, RoleEmergency},
		"jaarrekening":    {RoleFinance, RoleDescription},
		"klacht":          {RoleComplaints, RoleDirector, RoleDescription},
		"eid":             {RoleCivil},
	}
	for _, f := range m.Files {
		for _, fn := range f.Functions {
			if unheld[roles.Canonical(fn.Title)] {
				t.Errorf("%s holds %q, the role of a no-answer question", f.Path, fn.Title)
			}
		}
		data, err := os.ReadFile(filepath.Join(dir, CorpusDir, filepath.FromSlash(f.Path)))
		if err != nil {
			t.Fatal(err)
		}
		words := strings.Fields(knowledge.Fold(string(data)))
		for word, allowed := range onlyIn {
			for _, w := range words {
				if strings.HasPrefix(w, word) && !contains(allowed, f.Role) {
					t.Errorf("%s (%s) says %q; only %v may", f.Path, f.Role, w, allowed)
					break
				}
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, o := range list {
		if o == s {
			return true
		}
	}
	return false
}

func TestGenerateRefuses(t *testing.T) {
	if _, err := Generate(t.TempDir(), MinTownDocs-1, 1); err == nil {
		t.Error("fewer documents than one municipality: no error")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Generate(dir, 100, 1); err == nil {
		t.Error("non-empty folder: no error")
	}
}

// Cached generates once and then hands out the same folder.
func TestCached(t *testing.T) {
	root := t.TempDir()
	dir, err := Cached(root, 100, 2)
	if err != nil {
		t.Fatal(err)
	}
	manifest := filepath.Join(dir, ManifestFile)
	before, err := os.Stat(manifest)
	if err != nil {
		t.Fatal(err)
	}
	again, err := Cached(root, 100, 2)
	if err != nil || again != dir {
		t.Fatalf("second call: %q, %v; want %q", again, err, dir)
	}
	after, _ := os.Stat(manifest)
	if !after.ModTime().Equal(before.ModTime()) {
		t.Error("the cached corpus was generated again")
	}
	entries, _ := os.ReadDir(root)
	if len(entries) != 1 {
		t.Errorf("%d entries in the cache root, want 1 (no leftovers)", len(entries))
	}
}
