package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

func runCmd(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errb, func(string) string { return "" })
	return code, out.String(), errb.String()
}

func TestAskText(t *testing.T) {
	code, out, _ := runCmd(t, "", "ask", "wie is algemeen directeur")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"Miet Gobert", "Algemeen directeur (Schepencollege, Gemeenteraad, OCMW raad)", "+32 50 630 100", "Alfred Verweeplein 1", "Bron", "000_8756befdf3055604.txt"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	_, out, _ = runCmd(t, "", "ask", "wie is de brandweercommandant")
	if !strings.Contains(out, "Ik vond niets over") || strings.Contains(out, "Miet Gobert") {
		t.Errorf("not-found output:\n%s", out)
	}
}

// ask --json over standard input: one valid JSON object a line, with
// exactly the documented keys.
func TestAskJSONLines(t *testing.T) {
	questions := "wie is algemeen directeur\n\nwie behandelt klachten\nwie is de brandweercommandant\n"
	code, out, errOut := runCmd(t, questions, "ask", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines, want 3:\n%s", len(lines), out)
	}
	for i, line := range lines {
		var m map[string]json.RawMessage
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("line %d not JSON: %v", i, err)
		}
		if got := keys(m); got != "answers,question,took_ms" {
			t.Errorf("line %d keys %s", i, got)
		}
		var answers []map[string]json.RawMessage
		json.Unmarshal(m["answers"], &answers)
		if i == 2 && len(answers) != 0 {
			t.Errorf("brandweercommandant answered: %s", line)
		}
		if i < 2 {
			if len(answers) == 0 {
				t.Fatalf("line %d: no answers", i)
			}
			if got := keys(answers[0]); got != "contact,excerpt,functions,name,score,source,title" {
				t.Errorf("answer keys %s", got)
			}
			var c map[string]json.RawMessage
			json.Unmarshal(answers[0]["contact"], &c)
			if got := keys(c); got != "address,email,phone" {
				t.Errorf("contact keys %s", got)
			}
		}
	}
	if !strings.Contains(errOut, `{"event":"indexed","docs":2,`) {
		t.Errorf("stderr lacks the indexed event: %s", errOut)
	}
}

func keys(m map[string]json.RawMessage) string {
	var k []string
	for key := range m {
		k = append(k, key)
	}
	sort.Strings(k)
	return strings.Join(k, ",")
}

// A folder with broken files: each is reported with file and line, and the
// good documents still answer.
func TestAskBrokenFolder(t *testing.T) {
	dir := t.TempDir()
	seed, err := os.ReadFile("../../knowledge/default/000_8756befdf3055604.txt")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"goed.txt":     seed,
		"ongeldig.txt": []byte("Titel\n\nTekst met \xff\xfe ongeldige bytes.\n"),
		"open.md":      []byte("---\ntitle: nooit gesloten\n\nTekst\n"),
		"leeg.txt":     {},
		"binair.txt":   {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 0, 0},
		"notities.pdf": []byte("%PDF-1.4"),
		"sub/kapot.md": []byte("---\ntitle: [kapot\n---\n# Kop\n"),
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errOut := runCmd(t, "", "ask", "--knowledge", dir, "wie is algemeen directeur")
	if code != 0 || !strings.Contains(out, "Miet Gobert") {
		t.Fatalf("exit %d, out:\n%s\nerr:\n%s", code, out, errOut)
	}
	// A broken PDF is reported by name like every other file.
	for _, want := range []string{"ongeldig.txt:3", "open.md:1", "leeg.txt", "binair.txt", "sub/kapot.md:", "notities.pdf: kapotte of onvolledige PDF"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("warnings lack %q:\n%s", want, errOut)
		}
	}
	code, out, _ = runCmd(t, "", "check", "--knowledge", dir)
	if code != 1 {
		t.Errorf("check exit %d, want 1 (unreadable documents)", code)
	}
	if !strings.Contains(out, "goed.txt") || !strings.Contains(out, "Algemeen directeur — Schepencollege") || !strings.Contains(out, "fout: leeg.txt: leeg bestand") {
		t.Errorf("check output:\n%s", out)
	}
}

func TestCheckDefault(t *testing.T) {
	code, out, _ := runCmd(t, "", "check")
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	for _, want := range []string{"soort          persoon", "naam           Miet Gobert", "soort          functiebeschrijving", "gehouden door  000_8756befdf3055604.txt", "2 documenten, 0 problemen"} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q:\n%s", want, out)
		}
	}
}

// eval agrees with ask --json: the same top document for every question.
func TestEvalSample(t *testing.T) {
	code, out, errOut := runCmd(t, "", "eval", "--knowledge", "../../knowledge/testdata/sample/corpus", "--questions", "../../knowledge/testdata/sample/questions.jsonl", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep struct {
		Top1Accuracy float64 `json:"top1_accuracy"`
		Misses       []struct{ ID, Got string }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	missed := map[string]string{}
	for _, m := range rep.Misses {
		missed[m.ID] = m.Got
	}
	data, _ := os.ReadFile("../../knowledge/testdata/sample/questions.jsonl")
	var qs []string
	var ids []string
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var q struct{ ID, Question string }
		json.Unmarshal([]byte(line), &q)
		qs = append(qs, q.Question)
		ids = append(ids, q.ID)
	}
	_, askOut, _ := runCmd(t, strings.Join(qs, "\n"), "ask", "--json", "--knowledge", "../../knowledge/testdata/sample/corpus")
	for i, line := range strings.Split(strings.TrimSpace(askOut), "\n") {
		var r struct{ Answers []struct{ Source string } }
		json.Unmarshal([]byte(line), &r)
		if got, ok := missed[ids[i]]; ok {
			top := ""
			if len(r.Answers) > 0 {
				top = r.Answers[0].Source
			}
			if top != got {
				t.Errorf("%s: eval says %q, ask says %q", ids[i], got, top)
			}
		}
	}
	if !strings.Contains(out, "top1_accuracy") {
		t.Errorf("eval JSON: %s", out)
	}
}
