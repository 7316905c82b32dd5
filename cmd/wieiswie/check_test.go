package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/wieiswie/wieiswie/knowledge"
)

// check --json writes exactly the documented shape: these keys, lists
// that are never null.
func TestCheckJSONShape(t *testing.T) {
	code, out, errOut := runCmd(t, "", "check", "--json", "--knowledge", "../../knowledge/testdata/formats")
	if code != 1 {
		t.Errorf("exit %d, want 1 (the folder holds unreadable files)\n%s", code, errOut)
	}
	var report map[string][]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, out)
	}
	if len(report) != 2 || len(report["documents"]) != 5 || len(report["problems"]) == 0 {
		t.Fatalf("want documents and problems: %s", out)
	}
	for _, d := range report["documents"] {
		if got := keys(d); got != "aliases,contact,functions,held_by,name,organisation,passages,source,title,type" {
			t.Errorf("document keys %s", got)
		}
		for _, list := range []string{"aliases", "functions", "held_by", "passages"} {
			if string(d[list]) == "null" {
				t.Errorf("%s is null in %s", list, d["source"])
			}
		}
		var contact map[string]json.RawMessage
		json.Unmarshal(d["contact"], &contact)
		if got := keys(contact); got != "address,email,phone,website" || string(contact["phone"]) == "null" || string(contact["email"]) == "null" {
			t.Errorf("contact %s", d["contact"])
		}
		var passages []map[string]json.RawMessage
		json.Unmarshal(d["passages"], &passages)
		for _, p := range passages {
			if got := keys(p); got != "heading,line,text" {
				t.Errorf("passage keys %s", got)
			}
		}
		var functions []map[string]json.RawMessage
		json.Unmarshal(d["functions"], &functions)
		for _, f := range functions {
			if got := keys(f); got != "body,function" {
				t.Errorf("function keys %s", got)
			}
		}
	}
	severities := map[string]int{}
	for _, p := range report["problems"] {
		if got := keys(p); got != "line,message,severity,source" {
			t.Errorf("problem keys %s", got)
		}
		var s string
		json.Unmarshal(p["severity"], &s)
		severities[s]++
	}
	if severities["error"] != 5 || len(severities) != 1 {
		t.Errorf("severities %v, want 5 errors (scan, password, broken, image, script)", severities)
	}
	if !strings.Contains(out, `"source": "veldegem/reglement-scan.pdf"`) || !strings.Contains(out, "exporteer het origineel als PDF met tekst") {
		t.Errorf("the scan is not reported by name with what to do:\n%s", out)
	}
}

// check exits 1 on unreadable documents; with --strict on any problem.
func TestCheckStrict(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("kaart.txt", "Jan Peeters\nContactgegevens\nMarkt 1\nBestuurFunctie\nSchepencollegeSchepen\n")
	for _, strict := range []bool{false, true} {
		if code, out, _ := runCmd(t, "", checkArgs(dir, strict)...); code != 0 {
			t.Errorf("clean folder, strict %v: exit %d\n%s", strict, code, out)
		}
	}
	write("leeg.txt", "Bert Claes\nContactgegevens\nMarkt 2\n") // a person without functions: a warning
	if code, out, _ := runCmd(t, "", checkArgs(dir, false)...); code != 0 || !strings.Contains(out, "waarschuwing: leeg.txt: persoon zonder functies") || !strings.Contains(out, "2 documenten, 1 probleem\n") {
		t.Errorf("a warning: exit %d, want 0\n%s", code, out)
	}
	if code, _, _ := runCmd(t, "", checkArgs(dir, true)...); code != 1 {
		t.Errorf("a warning with --strict: exit %d, want 1", code)
	}
	write("kapot.docx", "geen zip")
	if code, _, _ := runCmd(t, "", checkArgs(dir, false)...); code != 1 {
		t.Errorf("an unreadable document: exit %d, want 1", code)
	}
	if code, out, _ := runCmd(t, "", checkArgs(t.TempDir(), false)...); code != 0 || !strings.Contains(out, "lege kennismap") || !strings.Contains(out, "0 documenten, 1 probleem") {
		t.Errorf("empty folder: exit %d\n%s", code, out)
	}
}

func checkArgs(dir string, strict bool) []string {
	args := []string{"check", "--knowledge", dir}
	if strict {
		args = append(args, "--strict")
	}
	return args
}

// TestCheckAccountsForEveryLine: on the development set, the customer's
// sample and the seeds, every line of every file is in a field or a
// passage of check --json, or a problem names it (or its whole file).
// Markup (Markdown marks, front-matter keys, the section titles of a
// person card, contact labels) is structure, not text.
func TestCheckAccountsForEveryLine(t *testing.T) {
	for _, dir := range []string{"../../../shared/devset/corpus", "../../../shared/sample/corpus", "../../../shared/seeds"} {
		t.Run(filepath.Base(filepath.Dir(dir))+"/"+filepath.Base(dir), func(t *testing.T) {
			if _, err := os.Stat(dir); err != nil {
				if os.Getenv("CI") != "" {
					t.Fatalf("CI must have ../shared beside the clone: %v", err)
				}
				t.Skipf("no %s here: %v", dir, err)
			}
			_, out, _ := runCmd(t, "", "check", "--json", "--knowledge", dir)
			var report checkJSON
			if err := json.Unmarshal([]byte(out), &report); err != nil {
				t.Fatal(err)
			}
			problemLines := map[string]map[int]bool{}
			for _, p := range report.Problems {
				if problemLines[p.Source] == nil {
					problemLines[p.Source] = map[int]bool{}
				}
				problemLines[p.Source][p.Line] = true
			}
			files := 0
			for _, d := range report.Documents {
				data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(d.Source)))
				if err != nil {
					t.Fatal(err)
				}
				files++
				for _, l := range unaccounted(string(data), d, problemLines[d.Source]) {
					t.Errorf("%s: %s", d.Source, l)
				}
			}
			if files == 0 {
				t.Fatal("no documents")
			}
		})
	}
}

var (
	mdLinkTarget  = regexp.MustCompile(`\]\([^)]*\)`)
	listNumber    = regexp.MustCompile(`^\s*(?:[-*•]\s*)?\d{1,3}[.)]\s+`)
	frontMatterKV = regexp.MustCompile(`^\s*(?:-\s+)?[A-Za-z_]+:(?:\s|$)`)
	// Words that are structure: the section titles of a person card, the
	// labels of contact lines, the values of a front matter's type.
	structureWords = map[string]bool{
		"contactgegevens": true, "functie": true, "functies": true, "s": true, "bestuurfunctie": true,
		"bestuur": true, "info": true, "informatie": true, "tel": true, "telefoon": true, "gsm": true,
		"mobiel": true, "e": true, "mail": true, "email": true, "web": true, "website": true, "adres": true,
		"person": true, "persoon": true, "function": true, "service": true, "dienst": true,
	}
)

// unaccounted returns the lines of text found in no field or passage of d
// and named by no problem.
func unaccounted(text string, d checkDocument, problemLines map[int]bool) []string {
	if problemLines[0] && len(d.Passages) == 0 && d.Title == "" {
		return nil // the whole file is reported
	}
	var fields []string
	add := func(s ...string) {
		for _, v := range s {
			if v = alnumFold(v); v != "" {
				fields = append(fields, v)
			}
		}
	}
	add(d.Title, d.Name, d.Organisation, d.Contact.Website)
	add(strings.Split(d.Contact.Address, ", ")...)
	add(d.Contact.Phone...)
	add(d.Contact.Email...)
	add(d.Aliases...)
	var glued []string // the parts of a functions table row, which may be glued
	for _, f := range d.Functions {
		add(f.Body, f.Title)
		glued = append(glued, alnumFold(f.Body), alnumFold(f.Title))
	}
	for _, p := range d.Passages {
		add(p.Heading, p.Text)
	}
	// Longest first, so that a passage is taken out of a line before a
	// word of it is.
	sort.Slice(fields, func(i, j int) bool { return len(fields[i]) > len(fields[j]) })
	sort.Slice(glued, func(i, j int) bool { return len(glued[i]) > len(glued[j]) })

	var lost []string
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	inFrontMatter := false
	for i, line := range lines {
		n := i + 1
		trimmed := strings.TrimSpace(line)
		if trimmed == "---" && (n == 1 || inFrontMatter || strings.TrimSpace(strings.Join(lines[:i], "")) == "") {
			inFrontMatter = !inFrontMatter
			continue
		}
		if problemLines[n] {
			continue
		}
		if inFrontMatter {
			line = frontMatterKV.ReplaceAllString(line, "")
		}
		line = listNumber.ReplaceAllString(mdLinkTarget.ReplaceAllString(line, "]"), "")
		rest := " " + alnumFold(line) + " "
		if slices.ContainsFunc(fields, func(f string) bool { return strings.Contains(" "+f+" ", rest) }) {
			continue // the line is (part of) a field or passage
		}
		for _, g := range glued {
			if g != "" {
				rest = strings.ReplaceAll(rest, g, " ")
			}
		}
		for _, f := range fields {
			for strings.Contains(rest, " "+f+" ") {
				rest = strings.Replace(rest, " "+f+" ", " ", 1)
			}
			if strings.TrimSpace(rest) == "" {
				break
			}
		}
		for _, w := range strings.Fields(rest) {
			if !structureWords[w] {
				lost = append(lost, "line "+strconv.Itoa(n)+" lost: "+strings.TrimSpace(lines[i]))
				break
			}
		}
	}
	return lost
}

// alnumFold keeps letters and digits, lower case, with single spaces.
func alnumFold(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// The accountant itself finds a line that is nowhere.
func TestUnaccountedFindsLostLines(t *testing.T) {
	text := "---\ntitle: Dienst\n---\n# Dienst\n- Eerste taak\n- Tweede taak\nSchepencollegeSchepen\n"
	d := checkDocument{Title: "Dienst", Functions: []knowledge.Function{{Body: "Schepencollege", Title: "Schepen"}},
		Passages: []checkPassage{{Heading: "Dienst", Text: "Eerste taak", Line: 5}}}
	got := unaccounted(text, d, nil)
	if want := []string{"line 6 lost: - Tweede taak"}; !slices.Equal(got, want) {
		t.Errorf("unaccounted = %q, want %q", got, want)
	}
	if got := unaccounted(text, d, map[int]bool{6: true}); len(got) != 0 {
		t.Errorf("a line a problem names is accounted for, got %q", got)
	}
}
