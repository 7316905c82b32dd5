package lexicon

import (
	"sort"
	"unicode/utf8"
)

// Speller suggests, for a misspelt word, the words of a vocabulary that
// are closest to it. The vocabulary is the caller's own (the words of
// the knowledge base), so that a suggestion is always a word that can
// match something. A Speller is safe for concurrent use.
type Speller struct {
	byLen []wordList // the words of each length in bytes
	n     int
}

// wordList is the words of one length L in byte order, back to back in
// one slice, with the length of the prefix each shares with the one
// before: a trie, flattened.
type wordList struct {
	size int    // L
	blob []byte // word i is blob[i*L:(i+1)*L]
	freq []int
	lcp  []uint8
	// next[i] is the first word after i that shares less with the one
	// before it than word i does: the end of the subtree i is in, for
	// skipping a pruned prefix in a few jumps instead of word by word.
	next []uint32
}

func (l *wordList) len() int { return len(l.freq) }

func (l *wordList) word(i int) []byte { return l.blob[i*l.size : (i+1)*l.size] }

// NewSpeller indexes a vocabulary of folded words and their frequencies,
// which order suggestions at the same distance. It sorts the words of
// each length apart, so that a search looks only at the lengths within
// reach and knows, along the way, how many letters every word still has.
func NewSpeller(freq map[string]int) *Speller {
	words := make([]string, 0, len(freq))
	for w := range freq {
		if w != "" {
			words = append(words, w)
		}
	}
	sort.Slice(words, func(i, j int) bool {
		if len(words[i]) != len(words[j]) {
			return len(words[i]) < len(words[j])
		}
		return words[i] < words[j]
	})
	s := &Speller{n: len(words)}
	for i := 0; i < len(words); {
		n := len(words[i])
		j := i
		for j < len(words) && len(words[j]) == n {
			j++
		}
		for len(s.byLen) <= n {
			s.byLen = append(s.byLen, wordList{})
		}
		l := wordList{size: n, blob: make([]byte, 0, n*(j-i)), freq: make([]int, j-i), lcp: make([]uint8, j-i)}
		for x, w := range words[i:j] {
			l.blob = append(l.blob, w...)
			l.freq[x] = freq[w]
			if x > 0 {
				p := words[i+x-1]
				c := 0
				for c < n && c < 255 && p[c] == w[c] {
					c++
				}
				l.lcp[x] = uint8(c)
			}
		}
		l.next = make([]uint32, len(l.lcp))
		var stack []int
		for x := range l.lcp {
			for len(stack) > 0 && l.lcp[x] < l.lcp[stack[len(stack)-1]] {
				l.next[stack[len(stack)-1]] = uint32(x)
				stack = stack[:len(stack)-1]
			}
			stack = append(stack, x)
		}
		for _, x := range stack {
			l.next[x] = uint32(len(l.lcp))
		}
		s.byLen[n] = l
		i = j
	}
	return s
}

// Len returns the number of words in the vocabulary.
func (s *Speller) Len() int { return s.n }

// Candidate is a vocabulary word near a query, at Distance edits, with
// the frequency the caller gave it.
type Candidate struct {
	Word     string
	Distance int
	Freq     int
}

// MaxDistance is the edit distance Suggest allows for a word of n
// letters: none below 4 letters (too many short words are one edit from
// each other), one up to 7, two from 8.
func MaxDistance(n int) int {
	switch {
	case n < 4:
		return 0
	case n < 8:
		return 1
	}
	return 2
}

// Suggest returns the vocabulary words within MaxDistance of w in
// Damerau–Levenshtein distance (an adjacent transposition is one edit:
// "advisuer" → "adviseur"), the nearest first, then the most frequent,
// then in byte order. A word of the vocabulary comes back first, as its
// own best suggestion.
func (s *Speller) Suggest(w string) []string {
	cs := s.Candidates(w, MaxDistance(utf8.RuneCountInString(w)))
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Word
	}
	return out
}

// Candidates returns the vocabulary words within max edits of w, in the
// order of Suggest.
func (s *Speller) Candidates(w string, max int) []Candidate {
	if w == "" || max < 0 {
		return nil
	}
	var out []Candidate
	for n := len(w) - max; n <= len(w)+max; n++ {
		if n <= 0 || n >= len(s.byLen) {
			continue
		}
		l := &s.byLen[n]
		l.search(w, max, func(i, d int) {
			out = append(out, Candidate{Word: string(l.word(i)), Distance: d, Freq: l.freq[i]})
		})
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Distance != b.Distance {
			return a.Distance < b.Distance
		}
		if a.Freq != b.Freq {
			return a.Freq > b.Freq
		}
		return a.Word < b.Word
	})
	return out
}

// search calls visit for every word of the list within k edits of q
// (optimal string alignment distance: insertions, deletions,
// substitutions and adjacent transpositions). It walks the sorted words
// as a trie: the rows of the edit-distance table for a prefix are kept
// for the next word that shares it, and once no word with a prefix can
// come within k, they are all skipped. Every word of the list has the
// same length L, so a cell (d, j) of the table is at least
// |(L-d) - (m-j)| from the end, which prunes most prefixes after a few
// letters. Only the cells within k of the diagonal are computed
// (Ukkonen's cut-off): the others are over k anyway, and stay at k+1.
func (l *wordList) search(q string, k int, visit func(i, d int)) {
	if l.len() == 0 {
		return
	}
	m, L := len(q), l.size
	over := k + 1
	rows := make([][]int, L+1)
	for d := range rows {
		row := make([]int, m+1)
		for j := range row {
			row[j] = over
		}
		row[0] = min(d, over)
		rows[d] = row
	}
	for j := 0; j <= min(k, m); j++ {
		rows[0][j] = j
	}
	// bound[d] is the least distance any word through row d can end at.
	bound := make([]int, L+1)
	bound[0] = abs(L - m)
	valid := 0 // rows[:valid+1] hold the prefix of the last word walked
	for i := 0; i < l.len(); {
		w := l.word(i)
		// The word shares lcp[i] bytes with the one before it, and so
		// with the prefix walked last (after a skip too: the skipped
		// words all share more than that with it).
		c := min(valid, int(l.lcp[i]))
		pruned := 0
		for d := c + 1; d <= L; d++ {
			row, prev := rows[d], rows[d-1]
			ch := w[d-1]
			least := over
			if d <= k {
				least = d + abs((L-d)-m)
			}
			for j := max(1, d-k); j <= m && j <= d+k; j++ {
				cost := 1
				if ch == q[j-1] {
					cost = 0
				}
				v := prev[j-1] + cost
				if x := prev[j] + 1; x < v {
					v = x
				}
				if x := row[j-1] + 1; x < v {
					v = x
				}
				if d > 1 && j > 1 && ch == q[j-2] && w[d-2] == q[j-1] {
					if x := rows[d-2][j-2] + 1; x < v {
						v = x
					}
				}
				if v > over {
					v = over
				}
				row[j] = v
				if b := v + abs((L-d)-(m-j)); b < least {
					least = b
				}
			}
			bound[d] = least
			valid = d
			// Every path to the end passes through this row, or jumps
			// over it by a transposition (one edit) from the row before.
			if least > k && bound[d-1]+1 > k {
				pruned = d
				break
			}
		}
		if pruned > 0 {
			// Skip the words that share the pruned prefix: they follow
			// w, each sharing at least as much with the one before.
			i++
			for i < l.len() && int(l.lcp[i]) >= pruned {
				i = int(l.next[i])
			}
			continue
		}
		if d := rows[L][m]; d <= k {
			visit(i, d)
		}
		i++
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
