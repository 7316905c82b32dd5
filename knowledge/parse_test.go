package knowledge

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"
)

func TestParseChoosesTheFormat(t *testing.T) {
	tests := []struct {
		source string
		text   string
		want   Kind
	}{
		{"a.txt", "\n\nFunctiebeschrijving algemeen directeur\n\nTekst.", KindFunction},
		{"a.txt", "Jan\nContactgegevens\nMarkt 1", KindPerson},
		{"a.txt", "Jan\nBestuurFunctie\nRaadLid", KindPerson},
		{"a.txt", "Jan\n\nEen tekst.", KindGeneric},
		{"a.md", "---\ntype: person\n---\nJan", KindPerson},
		{"a.MD", "Functiebeschrijving x\nContactgegevens", KindGeneric}, // Markdown decides by front matter only
		{"a.markdown", "# Kop", KindGeneric},
		{"a", "Functiebeschrijving x", KindFunction}, // no extension: text
	}
	for _, tt := range tests {
		doc, _ := Parse(tt.source, []byte(tt.text))
		if doc.Kind != tt.want || doc.Source != tt.source {
			t.Errorf("Parse(%q, %q): kind %q source %q, want %q", tt.source, tt.text, doc.Kind, doc.Source, tt.want)
		}
	}
}

func TestParseFileProblems(t *testing.T) {
	utf16le := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune("Jan Peeters\r\nContactgegevens\r\nMarkt 1, België")) {
		utf16le = append(utf16le, byte(u), byte(u>>8))
	}
	tests := []struct {
		name        string
		data        []byte
		wantSkipped bool
		wantLine    int    // of the one problem; 0 and wantMsg "" for none
		wantMsg     string // part of the problem message
		wantTitle   string
	}{
		{name: "empty", data: nil, wantSkipped: true, wantMsg: "leeg bestand"},
		{name: "white space only", data: []byte(" \r\n\t\n\u00a0 \n"), wantSkipped: true, wantMsg: "leeg bestand"},
		{name: "BOM only", data: []byte("\uFEFF\n"), wantSkipped: true, wantMsg: "leeg bestand"},
		{name: "NUL byte", data: []byte("Titel\n\x00\x01rest"), wantSkipped: true, wantMsg: "binair bestand"},
		{name: "mostly control bytes", data: []byte("ab\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f"), wantSkipped: true, wantMsg: "binair bestand"},
		{name: "PNG header", data: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), wantSkipped: true, wantMsg: "binair bestand"},
		{name: "Latin-1", data: []byte("Titel\r\n\r\nGemeente\r\nBelgi\xeb en co\xf6rdinatie\r\n"), wantLine: 4, wantMsg: "geen geldige UTF-8", wantTitle: "Titel"},
		{name: "UTF-8 BOM and CR line endings", data: []byte("\uFEFFTitel\rTekst.\r"), wantTitle: "Titel"},
		{name: "UTF-16 from Notepad", data: utf16le, wantTitle: "Jan Peeters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, problems := Parse("f.txt", tt.data)
			if tt.wantMsg == "" {
				if len(problems) > 0 {
					t.Fatalf("problems: %v", problems)
				}
			} else {
				if len(problems) != 1 {
					t.Fatalf("problems = %v, want one with %q", problems, tt.wantMsg)
				}
				p := problems[0]
				if p.File != "f.txt" || p.Line != tt.wantLine || p.Skipped != tt.wantSkipped || !strings.Contains(p.Message, tt.wantMsg) {
					t.Errorf("problem = %+v, want line %d skipped %v %q", p, tt.wantLine, tt.wantSkipped, tt.wantMsg)
				}
			}
			if doc.Title != tt.wantTitle {
				t.Errorf("title = %q, want %q", doc.Title, tt.wantTitle)
			}
		})
	}
}

func TestParseRepairsInvalidUTF8(t *testing.T) {
	doc, _ := Parse("f.txt", []byte("Titel\n\nBelgi\xeb."))
	want := []Passage{{Text: "Belgi\uFFFD.", Line: 3}}
	if !reflect.DeepEqual(doc.Passages, want) {
		t.Errorf("passages = %+v, want %+v", doc.Passages, want)
	}
}

func TestParseUTF16Card(t *testing.T) {
	var data []byte
	data = append(data, 0xFE, 0xFF) // big endian
	for _, u := range utf16.Encode([]rune("Jan\nContactgegevens\nMarkt 1\nBelgië\n")) {
		data = append(data, byte(u>>8), byte(u))
	}
	doc, problems := Parse("f.txt", data)
	if len(problems) > 0 || doc.Kind != KindPerson || doc.Contact.Address != "Markt 1, België" {
		t.Errorf("got %q %+v %v", doc.Kind, doc.Contact, problems)
	}
}

func TestParseTitleFallsBackToFileName(t *testing.T) {
	doc, _ := Parse("kastelbroek/dienst-burgerzaken.md", []byte("---\ntype: service\n---\n"))
	if doc.Title != "dienst burgerzaken" {
		t.Errorf("title = %q", doc.Title)
	}
}

func TestCleanText(t *testing.T) {
	tests := map[string]string{
		"  a\u00a0 b\t\tc  ":               "a b c",
		"zero\u200bwidth soft\u00adhyphen": "zerowidth softhyphen",
		"thin\u2009space\u202fnarrow":      "thin space narrow",
		"\u00a0\u2003":                     "",
		"‘curly’ “quotes” stay":            "‘curly’ “quotes” stay",
	}
	for in, want := range tests {
		if got := cleanText(in); got != want {
			t.Errorf("cleanText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCleanTextRepairsInvalidUTF8(t *testing.T) {
	if got := cleanText("a\xffb"); got != "a\uFFFDb" {
		t.Errorf("cleanText = %q", got)
	}
}
