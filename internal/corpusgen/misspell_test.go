package corpusgen

import (
	"testing"
	"unicode/utf8"
)

// A typo keeps the first letter and stays within what the index forgives:
// one letter wrong up to seven letters, two from eight.
func TestMisspell(t *testing.T) {
	d := newDice(1, 1)
	for _, w := range []string{"burgemeester", "preventieadviseur", "klachtencoördinator", "kastelbroek", "berg", "lede"} {
		for range 50 {
			for _, gentle := range []bool{false, true} {
				got := misspell(d, w, gentle)
				if utf8.RuneCountInString(w) < 5 {
					if got != w {
						t.Errorf("misspell(%q) = %q, want the short word unchanged", w, got)
					}
					continue
				}
				max := 2
				if gentle || utf8.RuneCountInString(w) < 8 {
					max = 1
				}
				if dist := editDistance(w, got); got == w || dist > max || got[0] != w[0] {
					t.Errorf("misspell(%q, %v) = %q (distance %d)", w, gentle, got, dist)
				}
			}
		}
	}
	if got := misspellLongest(newDice(1, 2), "heist-op-den-berg", true); got[:5] == "heist" && got[len(got)-4:] == "berg" && got == "heist-op-den-berg" {
		t.Errorf("misspellLongest left %q unchanged", got)
	}
}

func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	prev := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur := make([]int, len(y)+1)
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(y)]
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Van de Velde": "van-de-velde", "D'Hondt": "dhondt", "Heist-op-den-Berg": "heist-op-den-berg",
		"Mariën": "marien", "Diensthoofd financiën": "diensthoofd-financien",
	} {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}
