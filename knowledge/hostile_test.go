package knowledge

import (
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
