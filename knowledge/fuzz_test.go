package knowledge

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The fuzz targets feed the parsers arbitrary bytes. Their seed corpora live
// in testdata/fuzz/<FuzzName>/ and are built from the seed and sample
// documents; plain "go test" runs them, "go test -fuzz=FuzzParseText"
// explores from them. Every target checks the same promises: no panic, line
// numbers inside the file, valid UTF-8 everywhere, no empty passages.

func FuzzParseText(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, problems := Parse("f.txt", data)
		checkDocument(t, "f.txt", data, doc, problems)
	})
}

func FuzzParseMarkdown(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, problems := Parse("f.md", data)
		checkDocument(t, "f.md", data, doc, problems)
	})
}

// The parser-specific targets skip format detection, so that mutations that
// break the shape still exercise the parser.

func FuzzParsePersonCard(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzParser(t, data, parsePersonCard)
	})
}

func FuzzParseFunctionDescription(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzParser(t, data, parseFunctionDescription)
	})
}

func FuzzParseGeneric(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzParser(t, data, func(source string, lines []string) (Document, []Problem) { return parseGeneric(source, lines), nil })
	})
}

// FuzzFrontMatter fuzzes the YAML between the "---" lines.
func FuzzFrontMatter(f *testing.F) {
	f.Fuzz(func(t *testing.T, yamlText string) {
		data := []byte("---\n" + yamlText + "\n---\n# Kop\n\nTekst.\n")
		doc, problems := Parse("f.md", data)
		checkDocument(t, "f.md", data, doc, problems)
	})
}

// The office formats are fuzzed where a hostile file hurts: the XML inside
// the zip (a zip of random bytes only exercises archive/zip), the bytes of
// a PDF and of a web page. The fixtures written by LibreOffice are the
// seeds.

func FuzzParseDOCX(f *testing.F) {
	styles, document := fixturePart(f, "functiebeschrijving-omgevingsambtenaar.docx", "word/styles.xml", "word/document.xml")
	f.Add(document)
	f.Fuzz(func(t *testing.T, xmlText []byte) {
		data := zipOf(t, map[string][]byte{"word/styles.xml": styles, "word/document.xml": xmlText})
		doc, problems := Parse("f.docx", data)
		checkDocument(t, "f.docx", data, doc, problems)
	})
}

func FuzzParseODT(f *testing.F) {
	_, content := fixturePart(f, "bij-wie-kan-ik-terecht.odt", "styles.xml", "content.xml")
	f.Add(content)
	f.Fuzz(func(t *testing.T, xmlText []byte) {
		data := zipOf(t, map[string][]byte{"content.xml": xmlText})
		doc, problems := Parse("f.odt", data)
		checkDocument(t, "f.odt", data, doc, problems)
	})
}

func FuzzParsePDF(f *testing.F) {
	for _, name := range []string{"functiebeschrijving-preventieadviseur.pdf", "reglement-scan.pdf"} {
		data, err := os.ReadFile(formatsDir + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, problems := Parse("f.pdf", data)
		checkDocument(t, "f.pdf", data, doc, problems)
	})
}

func FuzzParseHTML(f *testing.F) {
	data, err := os.ReadFile(formatsDir + "sofie-van-damme.html")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte("<h1>Titel</h1><table><tr><th>Bestuur<th>Functie<tr><td>RaadVoorzitter</table>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, problems := Parse("f.html", data)
		checkDocument(t, "f.html", data, doc, problems)
	})
}

// fixturePart returns two parts of an office fixture.
func fixturePart(f *testing.F, file, a, b string) ([]byte, []byte) {
	zr, err := zip.OpenReader(formatsDir + file)
	if err != nil {
		f.Fatal(err)
	}
	defer zr.Close()
	read := func(name string) []byte {
		r, err := zr.Open(name)
		if err != nil {
			f.Fatal(err)
		}
		defer r.Close()
		data, err := io.ReadAll(r)
		if err != nil {
			f.Fatal(err)
		}
		return data
	}
	return read(a), read(b)
}

// zipOf makes a zip archive of parts.
func zipOf(t testing.TB, parts map[string][]byte) []byte {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for name, data := range parts {
		fw, err := w.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(data)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func FuzzSplitGluedRow(f *testing.F) {
	f.Fuzz(func(t *testing.T, row string) {
		fn, ok := SplitGluedRow(row)
		if !utf8.ValidString(fn.Body) || !utf8.ValidString(fn.Title) {
			t.Fatalf("invalid UTF-8: %q + %q", fn.Body, fn.Title)
		}
		if !ok && fn.Body == "" {
			if fn.Title != cleanText(row) {
				t.Fatalf("not split, but got %q + %q", fn.Body, fn.Title)
			}
			return
		}
		// Split, for certain or at a guess.
		if fn.Body == "" || fn.Title == "" || fn.Body != cleanText(fn.Body) || fn.Title != cleanText(fn.Title) {
			t.Fatalf("split into %q + %q", fn.Body, fn.Title)
		}
		// Splitting loses only spaces and separators, never letters.
		if got, want := alnum(fn.Body+fn.Title), alnum(row); got != want {
			t.Fatalf("split %q into %q + %q: letters %q, want %q", row, fn.Body, fn.Title, got, want)
		}
	})
}

func alnum(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}

// fuzzParser runs one parser on data prepared as Parse prepares it.
func fuzzParser(t *testing.T, data []byte, parse func(source string, lines []string) (Document, []Problem)) {
	text, problems := decodeText("f.txt", data)
	if isSkipped(problems) {
		return
	}
	doc, more := parse("f.txt", strings.Split(text, "\n"))
	checkDocument(t, "f.txt", data, doc, append(problems, more...))
}

// checkDocument checks the promises every parse keeps, whatever the input.
func checkDocument(t *testing.T, source string, data []byte, doc Document, problems []Problem) {
	t.Helper()
	text, _ := decodeText(source, data)
	lineCount := strings.Count(text, "\n") + 1
	switch path.Ext(source) {
	case ".docx", ".odt", ".pdf", ".html":
		lineCount = maxBlocks + 1 // lines are blocks; the title may be <title>, block 0
	}

	for _, p := range problems {
		if p.File != source || p.Message == "" || p.Line < 0 || p.Line > lineCount || !utf8.ValidString(p.Message) {
			t.Fatalf("bad problem %+v (file has %d lines)", p, lineCount)
		}
	}
	if isSkipped(problems) {
		if len(doc.Passages) > 0 || doc.Title != "" {
			t.Fatalf("skipped file has a document: %+v", doc)
		}
		return
	}
	texts := []string{doc.Title, doc.Organisation, doc.Name, doc.Role, doc.Contact.Address, doc.Contact.Website}
	texts = append(texts, doc.Contact.Phones...)
	texts = append(texts, doc.Contact.Emails...)
	texts = append(texts, doc.Aliases...)
	for _, f := range doc.Functions {
		if f.Title == "" {
			t.Fatalf("function without title: %+v", f)
		}
		texts = append(texts, f.Body, f.Title)
	}
	for _, s := range texts {
		if !utf8.ValidString(s) || s != strings.TrimSpace(s) {
			t.Fatalf("text not valid UTF-8 or not trimmed: %q", s)
		}
	}
	lines := map[int]bool{}
	for _, p := range doc.Passages {
		lines[p.Line] = true
	}
	for _, m := range doc.People {
		if !lines[m.Line] {
			t.Fatalf("mention on line %d, where no passage starts: %+v", m.Line, m)
		}
		if m.Name == "" || len(m.Titles) == 0 && m.Topic == "" || Fold(m.Name) == Fold(doc.Name) {
			t.Fatalf("mention without name, role or topic, or of the document's own person: %+v", m)
		}
		for _, s := range append([]string{m.Name, m.Topic}, m.Titles...) {
			if !utf8.ValidString(s) || s != strings.TrimSpace(s) {
				t.Fatalf("mention text not valid UTF-8 or not trimmed: %+v", m)
			}
		}
	}
	for _, p := range doc.Passages {
		if p.Line < 1 || p.Line > lineCount {
			t.Fatalf("passage on line %d of %d: %+v", p.Line, lineCount, p)
		}
		if strings.TrimSpace(p.Text) == "" || p.Text != cleanText(p.Text) {
			t.Fatalf("empty or unclean passage %+v", p)
		}
		if !utf8.ValidString(p.Text) || !utf8.ValidString(p.Heading) {
			t.Fatalf("invalid UTF-8 in passage %+v", p)
		}
	}
}

// FuzzFold: the ASCII fast path of Fold folds exactly as the Unicode one.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"", " ", "Algemeen Directeur", "ab ", "  a--b  ", "OCMW-secretaris", "financiën", "a\tb\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Fold(s), foldUnicode(s); got != want {
			t.Errorf("Fold(%q) = %q, want %q", s, got, want)
		}
	})
}
