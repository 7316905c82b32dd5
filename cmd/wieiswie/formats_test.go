package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestAskFromOfficeFiles: questions answered end to end from the files
// LibreOffice wrote (knowledge/testdata/formats): a Word and a PDF
// function description, an OpenDocument brochure with a table, a saved
// person page; the unreadable files beside them are reported and the rest
// answers all the same.
func TestAskFromOfficeFiles(t *testing.T) {
	tests := []struct{ question, source, name string }{
		{"wie is de omgevingsambtenaar", "veldegem/sofie-van-damme.html", "Sofie Van Damme"},
		{"wat doet de preventieadviseur", "veldegem/functiebeschrijving-preventieadviseur.pdf", "Jan Claes"},
		{"bij wie kan ik terecht voor begraafplaatsen", "veldegem/bij-wie-kan-ik-terecht.odt", "Greet Wuyts"},
		{"wie is de contactpersoon voor subsidies voor verenigingen", "veldegem/bij-wie-kan-ik-terecht.odt", "Lotte Peeters"},
		{"wie behandelt bouwovertredingen", "veldegem/sofie-van-damme.html", "Sofie Van Damme"},
	}
	var questions []string
	for _, tt := range tests {
		questions = append(questions, tt.question)
	}
	code, out, errOut := runCmd(t, strings.Join(questions, "\n"), "ask", "--json", "--knowledge", "../../knowledge/testdata/formats")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"reglement-scan.pdf: gescande PDF zonder tekst", "kapot.docx", "functiebeschrijving-beveiligd.pdf: PDF met wachtwoord", "organogram.png"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("warnings lack %q:\n%s", want, errOut)
		}
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(tests) {
		t.Fatalf("%d answers for %d questions:\n%s", len(lines), len(tests), out)
	}
	for i, tt := range tests {
		var got struct {
			Answers []struct {
				Source, Name string
				Contact      struct{ Phone []string }
			}
		}
		if err := json.Unmarshal([]byte(lines[i]), &got); err != nil {
			t.Fatal(err)
		}
		if len(got.Answers) == 0 || got.Answers[0].Source != tt.source || got.Answers[0].Name != tt.name {
			t.Errorf("%q: got %s, want %s (%s)", tt.question, lines[i], tt.source, tt.name)
			continue
		}
		// The person page's phone is hers, not the town hall's in the footer.
		if tt.name == "Sofie Van Damme" && strings.Join(got.Answers[0].Contact.Phone, ",") != "09 360 11 50" {
			t.Errorf("%q: phone %q", tt.question, got.Answers[0].Contact.Phone)
		}
	}
}
