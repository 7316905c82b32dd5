package lexicon

import (
	"math/rand"
	"slices"
	"sort"
	"testing"
)

func TestSuggest(t *testing.T) {
	vocab := map[string]int{
		"voorzitter": 50, "voorzitters": 10, "gemeenteraad": 80, "gemeente": 200,
		"burgemeester": 90, "preventieadviseur": 5, "schepen": 60, "schepenen": 20,
		"scheppen": 1, "raad": 100, "raden": 30, "klacht": 40, "klachten": 35,
		"directeur": 70, "direct": 3, "adviseur": 25, "adviseurs": 8,
	}
	sp := NewSpeller(vocab)
	tests := []struct {
		w    string
		want []string
	}{
		{"vorzitter", []string{"voorzitter", "voorzitters"}}, // 9 letters: two edits
		{"gemeentraad", []string{"gemeenteraad"}},            // idem, 11 letters
		{"gemeenteraad", []string{"gemeenteraad"}},           // a word of the vocabulary is its own best
		{"burgemeeser", []string{"burgemeester"}},            // 11 letters
		{"burgmeeser", []string{"burgemeester"}},             // two edits from 8 letters
		{"preventieadvisuer", []string{"preventieadviseur"}}, // a transposition is one edit
		{"schepn", []string{"schepen"}},                      // 6 letters: one edit
		{"klahcten", []string{"klachten"}},
		{"rade", []string{"raden"}},                      // raad is two edits away
		{"klachtn", []string{"klacht", "klachten"}},      // one edit each: by frequency
		{"adviseuur", []string{"adviseur", "adviseurs"}}, // by distance
		{"raa", nil},    // under 4 letters: no guesses
		{"xyzxyz", nil}, // nothing near
		{"shepnn", nil}, // two edits, but only 6 letters
		{"", nil},
	}
	for _, tt := range tests {
		got := sp.Suggest(tt.w)
		if len(got) == 0 && tt.want == nil {
			continue
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Suggest(%q) = %q, want %q", tt.w, got, tt.want)
		}
	}
}

func TestMaxDistance(t *testing.T) {
	for n, want := range map[int]int{0: 0, 3: 0, 4: 1, 7: 1, 8: 2, 30: 2} {
		if got := MaxDistance(n); got != want {
			t.Errorf("MaxDistance(%d) = %d, want %d", n, got, want)
		}
	}
}

// osa is the optimal string alignment distance, computed in full.
func osa(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// TestSpellerMatchesBruteForce checks the pruned walk against the full
// table for every word, on words of a small alphabet where many are near
// each other.
func TestSpellerMatchesBruteForce(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	word := func() string {
		b := make([]byte, 1+r.Intn(9))
		for i := range b {
			b[i] = "abcde"[r.Intn(5)]
		}
		return string(b)
	}
	vocab := map[string]int{}
	for len(vocab) < 3000 {
		vocab[word()] = r.Intn(10)
	}
	sp := NewSpeller(vocab)
	for q := 0; q < 100; q++ {
		w := word()
		dist := map[string]int{}
		for v := range vocab {
			dist[v] = osa(w, v)
		}
		for k := 0; k <= 2; k++ {
			var want []string
			for v, d := range dist {
				if d <= k {
					want = append(want, v)
				}
			}
			var got []string
			for _, c := range sp.Candidates(w, k) {
				got = append(got, c.Word)
				if c.Distance != dist[c.Word] {
					t.Fatalf("Candidates(%q, %d): %q at distance %d, want %d", w, k, c.Word, c.Distance, dist[c.Word])
				}
			}
			sort.Strings(want)
			sort.Strings(got)
			if !slices.Equal(got, want) {
				t.Fatalf("Candidates(%q, %d) = %q, want %q", w, k, got, want)
			}
		}
	}
}
