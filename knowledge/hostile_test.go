package knowledge

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"fmt"
	"strings"
	"testing"
)

// Front matter built to hurt: deep nesting, an alias bomb, a huge list.
// Each is reported or loaded, quickly, and never takes the loader down.
func TestHostileFrontMatter(t *testing.T) {
	laughs := "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
	prev := "a"
	for _, n := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		laughs += n + ": &" + n + " [" + strings.Repeat("*"+prev+",", 8) + "*" + prev + "]\n"
		prev = n
	}
	tests := map[string]struct {
		text      string
		wantTitle string // "" when the front matter must be reported and ignored
	}{
		"deep.md":    {"---\ntitle: " + strings.Repeat("[", 100000) + "\n---\n# Kop\n\nTekst.\n", ""},
		"bomb.md":    {"---\n" + laughs + "title: Bom\n---\n# Kop\n\nTekst.\n", "Bom"},
		"huge.md":    {"---\ntitle: Groot\naliases:\n" + strings.Repeat("  - alias\n", 200000) + "---\n# Kop\n\nTekst.\n", "Groot"},
		"deepmap.md": {"---\ntitle: Diep\n" + nestedMap(5000) + "---\nTekst.\n", "Diep"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			doc, problems := Parse(name, []byte(tt.text))
			if doc.Source != name {
				t.Errorf("source %q", doc.Source)
			}
			if tt.wantTitle == "" && len(problems) == 0 {
				t.Errorf("no problem reported")
			}
			if tt.wantTitle != "" && doc.Title != tt.wantTitle {
				t.Errorf("title %q, want %q (problems: %v)", doc.Title, tt.wantTitle, first(problems))
			}
		})
	}
}

func nestedMap(depth int) string {
	var b strings.Builder
	for i := 0; i < depth; i++ {
		b.WriteString(strings.Repeat(" ", i))
		b.WriteString("x:\n")
	}
	return b.String()
}

func first(ps []Problem) any {
	if len(ps) == 0 {
		return nil
	}
	return ps[0]
}

// Office files built to hurt: a zip bomb, XML nested past any document,
// more entries than any document, a web page nested ten thousand deep.
// Each is reported (or read as far as is safe), quickly, and never takes
// the loader down.
func TestHostileOfficeFiles(t *testing.T) {
	bomb := func() []byte {
		// A part that says it expands to more than the limit; one that
		// lies about it is stopped by the limited reader as it is read.
		var part bytes.Buffer
		fw, _ := flate.NewWriter(&part, flate.BestCompression)
		fw.Write(bytes.Repeat([]byte(" "), 1<<20))
		fw.Close()
		var buf bytes.Buffer
		w := zip.NewWriter(&buf)
		raw, _ := w.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
			CompressedSize64: uint64(part.Len()), UncompressedSize64: maxPartBytes + 1, CRC32: 0})
		raw.Write(part.Bytes())
		w.Close()
		return buf.Bytes()
	}
	manyEntries := func() []byte {
		var buf bytes.Buffer
		w := zip.NewWriter(&buf)
		for i := range maxZipEntries + 1 {
			w.CreateHeader(&zip.FileHeader{Name: fmt.Sprintf("x/%d", i), Method: zip.Store})
		}
		w.Close()
		return buf.Bytes()
	}
	deep := strings.Repeat("<w:p>", maxXMLDepth+10)
	tests := []struct {
		name string
		data []byte
		want string // in the problem
	}{
		{"bomb.docx", bomb(), "zip-bom"},
		{"many.odt", manyEntries(), "onderdelen"},
		{"deep.docx", zipOf(t, map[string][]byte{"word/document.xml": []byte(deep)}), "genest"},
		{"deep.odt", zipOf(t, map[string][]byte{"content.xml": []byte(strings.Repeat("<text:p>", maxXMLDepth+10))}), "genest"},
		{"empty.docx", zipOf(t, map[string][]byte{"other.xml": nil}), "word/document.xml ontbreekt"},
		{"notazip.odt", []byte("PK\x03\x04 not really"), "kapot of onvolledig"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, problems := Parse(tt.name, tt.data)
			if len(problems) != 1 || !problems[0].Skipped || !strings.Contains(problems[0].Message, tt.want) {
				t.Fatalf("problems %v, want one skipping the file with %q", problems, tt.want)
			}
			if doc.Title != "" || len(doc.Passages) > 0 {
				t.Errorf("a document from a hostile file: %+v", doc)
			}
		})
	}

	// A web page a little too deep is read down to the limit; one far too
	// deep is refused by the HTML parser itself.
	deepPage := func(n int) []byte {
		return []byte("<h1>Diep</h1>" + strings.Repeat("<div>", n) + "tekst" + strings.Repeat("</div>", n))
	}
	doc, problems := Parse("deep.html", deepPage(maxXMLDepth+10))
	if doc.Title != "Diep" || len(problems) != 1 || problems[0].Skipped || !strings.Contains(problems[0].Message, "dieper genest") {
		t.Errorf("deep.html: title %q, problems %v", doc.Title, problems)
	}
	_, problems = Parse("deeper.html", deepPage(1000))
	if len(problems) != 1 || !problems[0].Skipped {
		t.Errorf("deeper.html: problems %v", problems)
	}
}

// TestParseTimeout: a parser that does not finish in time is reported and
// loading goes on without it.
func TestParseTimeout(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel() // the deadline is already gone
	slow := format{name: "traag", timed: true, parse: func(ctx context.Context, _ string, _ []byte) (Document, []Problem) {
		<-make(chan struct{}) // never returns
		return Document{}, nil
	}}
	_, problems := parseWithin(ctx, slow, "x.traag", nil)
	if len(problems) != 1 || !problems[0].Skipped || !strings.Contains(problems[0].Message, "niet gelezen binnen") {
		t.Errorf("problems %v", problems)
	}
}
