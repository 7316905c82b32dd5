package lexicon

import (
	"strings"
	"testing"
)

var fuzzSeeds = []string{
	"informatieveiligheidsadviseur", "noodplanningscoordinator", "klachtenbehandeling",
	"verkeersongevallen", "gemeenteraadsleden", "klachten", "bestuur", "indienen",
	"behandelt", "coordineert", "schepenencollege", "zzzz", "", "a", "Klacht", "e mail",
	"financiën", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "sssssssss", "enenenenen",
}

// letters maps any input onto the letters a–z, so that the fuzzer reaches
// words the lexicon can split and not only strings it rejects at once.
func letters(s string) string {
	var b strings.Builder
	for i := 0; i < len(s) && i < 64; i++ {
		b.WriteByte('a' + s[i]%26)
	}
	return b.String()
}

func FuzzSplit(f *testing.F) {
	lx := dutch(f)
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, w := range []string{s, letters(s)} {
			parts := lx.Split(w)
			if len(parts) == 0 {
				t.Fatalf("Split(%q) = no parts", w)
			}
			if !rejoins(w, parts) {
				t.Fatalf("Split(%q) = %q does not spell the word", w, parts)
			}
			for _, p := range parts {
				if len(parts) > 1 && len(p) < minPart {
					t.Fatalf("Split(%q) = %q: part shorter than %d", w, parts, minPart)
				}
			}
			if h := lx.Head(w); h != parts[len(parts)-1] {
				t.Fatalf("Head(%q) = %q, Split's last part %q", w, h, parts[len(parts)-1])
			}
		}
	})
}

func FuzzLemmas(f *testing.F) {
	lx := dutch(f)
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, w := range []string{s, letters(s)} {
			ls := lx.Lemmas(w)
			if lx.IsWord(w) && len(ls) == 0 {
				t.Fatalf("Lemmas(%q) = none for a word", w)
			}
			for _, l := range ls {
				if l == "" || !isFolded(l) {
					t.Fatalf("Lemmas(%q) = %q", w, ls)
				}
			}
			if lx.attr(w) == 0 && len(ls) > 0 {
				// By the head: the modifiers stay as they are.
				parts := lx.split(w, false)
				if len(parts) < 2 {
					t.Fatalf("Lemmas(%q) = %q without a split", w, ls)
				}
				prefix := w[:parts[len(parts)-1].start]
				for _, l := range ls {
					if !strings.HasPrefix(l, prefix) {
						t.Fatalf("Lemmas(%q) = %q, want them to start with %q", w, ls, prefix)
					}
				}
			}
		}
	})
}
