package lexicon

import (
	"slices"
	"strings"
	"sync"
	"testing"
)

var testEnglish = sync.OnceValues(English)

func english(tb testing.TB) *Bilingual {
	tb.Helper()
	b, err := testEnglish()
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func TestEnglishDutch(t *testing.T) {
	b := english(t)
	tests := []struct {
		en    string
		first string   // the first translation, or "" for none
		has   []string // translations that must be among them
	}{
		{"mayor", "burgemeester", nil},
		{"Mayor", "burgemeester", nil},
		{" Town-Hall ", "gemeentehuis", nil},
		{"alderman", "schepen", []string{"wethouder"}},
		{"aldermen", "schepen", nil},
		{"complaint", "", []string{"klacht"}},
		{"complaints", "", []string{"klacht"}},
		{"council", "raad", nil},
		{"councils", "raad", nil},
		{"library", "bibliotheek", nil},
		{"libraries", "bibliotheek", nil},
		{"town hall", "gemeentehuis", []string{"stadhuis"}},
		{"secretary", "", []string{"secretaris"}},
		{"chairman", "", []string{"voorzitter"}},
		{"director", "directeur", nil},
		{"police", "politie", nil},
		{"budget", "begroting", nil},
		{"permit", "", []string{"vergunning"}},
		{"xyzzy", "", nil},
		{"", "", nil},
	}
	for _, tt := range tests {
		got := b.Dutch(tt.en)
		if tt.first == "" && tt.has == nil {
			if len(got) != 0 {
				t.Errorf("Dutch(%q) = %q, want none", tt.en, got)
			}
			continue
		}
		if tt.first != "" && (len(got) == 0 || got[0] != tt.first) {
			t.Errorf("Dutch(%q) = %q, want %q first", tt.en, got, tt.first)
		}
		for _, h := range tt.has {
			if !slices.Contains(got, h) {
				t.Errorf("Dutch(%q) = %q, want %q among them", tt.en, got, h)
			}
		}
	}
}

// TestEnglishTranslationsAreClean checks what the generator promises:
// folded words and short phrases, no remarks.
func TestEnglishTranslationsAreClean(t *testing.T) {
	b := english(t)
	if b.Len() < 10000 {
		t.Errorf("Len() = %d, want the whole dictionary", b.Len())
	}
	for i := range b.Len() {
		en, all := b.line(i)
		for _, nl := range strings.Split(all, "\t") {
			if len(nl) < 2 || nl[0] == ' ' || nl[len(nl)-1] == ' ' {
				t.Fatalf("%q → %q", en, nl)
			}
			words := 1
			for _, r := range nl {
				switch {
				case r == ' ':
					words++
				case r == '(' || r == ')' || r == '/' || r == '.' || r == ',' || r >= 'A' && r <= 'Z':
					t.Fatalf("%q → %q: not folded", en, nl)
				}
			}
			if words > 4 {
				t.Fatalf("%q → %q: longer than four words", en, nl)
			}
		}
	}
}

func TestSingulars(t *testing.T) {
	tests := []struct {
		en   string
		want string // must be among the guesses
	}{
		{"complaints", "complaint"},
		{"libraries", "library"},
		{"aldermen", "alderman"},
		{"taxes", "tax"},
		{"churches", "church"},
		{"wives", "wife"},
		{"shelves", "shelf"},
		{"town halls", "town hall"},
		{"speeding", "speed"},
		{"making", "make"},
		{"planned", "plan"},
		{"called", "call"},
		{"handled", "handle"},
		{"running", "run"},
	}
	for _, tt := range tests {
		if got := singulars(tt.en); !slices.Contains(got, tt.want) {
			t.Errorf("singulars(%q) = %q, want %q among them", tt.en, got, tt.want)
		}
	}
	for _, not := range [][2]string{{"glass", "glas"}, {"called", "cal"}, {"ring", "r"}} {
		if got := singulars(not[0]); slices.Contains(got, not[1]) {
			t.Errorf("singulars(%s) = %q", not[0], got)
		}
	}
}

func TestCorrectEnglish(t *testing.T) {
	b, err := English()
	if err != nil {
		t.Fatal(err)
	}
	for typo, want := range map[string]string{"compalint": "complaint", "archviist": "archivist", "mayor": "", "qqqqqqq": ""} {
		if got := b.Correct(typo); got != want {
			t.Errorf("Correct(%q) = %q, want %q", typo, got, want)
		}
	}
}
