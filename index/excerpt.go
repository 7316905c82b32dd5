package index

import (
	"github.com/wieiswie/wieiswie/knowledge"
)

// maxExcerpt bounds an excerpt in bytes; a passage longer than that is cut
// around its first highlight.
const maxExcerpt = 400

// excerpt picks the passage of d that shows best why it answers the
// concepts, and marks the words that matched. Rare words count more than
// common ones, a match in the heading counts half.
func (ix view) excerpt(cs []concept, d *knowledge.Document) knowledge.Excerpt {
	_, e := ix.bestPassage(cs, d, false)
	return e
}

// bestPassage returns the index of the passage of d that shows the most of
// cs (-1 when d has none) and its excerpt. With naming, a passage that names
// one of the document's People comes first, if it shows anything of cs: to
// someone asking who, the line with the person is the answer.
func (ix view) bestPassage(cs []concept, d *knowledge.Document, naming bool) (int, knowledge.Excerpt) {
	want := map[string]float64{}
	for _, c := range cs {
		for _, t := range append(append([]string{}, c.terms...), c.parts...) {
			want[t] = max(want[t], c.weight)
		}
	}
	best, bestScore, bestNamed := -1, 0.0, false
	var bestSpans []knowledge.Span
	named := func(p knowledge.Passage) bool {
		for _, m := range d.People {
			if m.Line == p.Line {
				return true
			}
		}
		return false
	}
	for i, p := range d.Passages {
		spans, s := ix.marks(p.Text, want)
		_, hs := ix.marks(p.Heading, want)
		s += hs / 2
		isNamed := naming && s > 0 && named(p)
		if isNamed && !bestNamed || isNamed == bestNamed && s > bestScore {
			best, bestScore, bestSpans, bestNamed = i, s, spans, isNamed
		}
	}
	if best < 0 {
		if len(d.Passages) == 0 {
			return -1, knowledge.Excerpt{}
		}
		best = 0
	}
	p := d.Passages[best]
	return best, trim(knowledge.Excerpt{Heading: p.Heading, Text: p.Text, Highlights: bestSpans})
}

// marks returns the byte ranges of text whose terms are wanted, and the sum
// of their weights (each term counted once).
func (ix view) marks(text string, want map[string]float64) ([]knowledge.Span, float64) {
	if text == "" {
		return nil, 0
	}
	var spans []knowledge.Span
	seen := map[string]bool{}
	score := 0.0
	for _, t := range ix.analyze(text) {
		w, ok := want[string(t.Term)]
		if !ok {
			continue
		}
		if !seen[string(t.Term)] {
			seen[string(t.Term)] = true
			score += w
		}
		if n := len(spans); n > 0 && spans[n-1].End >= t.Start {
			spans[n-1].End = max(spans[n-1].End, t.End)
			continue
		}
		spans = append(spans, knowledge.Span{Start: t.Start, End: t.End})
	}
	return spans, score
}

// trim cuts a long excerpt to maxExcerpt bytes around its first highlight,
// on word boundaries, with "…" where text was left out.
func trim(e knowledge.Excerpt) knowledge.Excerpt {
	if len(e.Text) <= maxExcerpt {
		return e
	}
	from := 0
	if len(e.Highlights) > 0 && e.Highlights[0].Start > maxExcerpt/2 {
		from = wordStart(e.Text, e.Highlights[0].Start-maxExcerpt/3)
	}
	to := min(len(e.Text), from+maxExcerpt)
	to = wordEnd(e.Text, to)
	prefix, suffix := "", ""
	if from > 0 {
		prefix = "… "
	}
	if to < len(e.Text) {
		suffix = " …"
	}
	out := knowledge.Excerpt{Heading: e.Heading, Text: prefix + e.Text[from:to] + suffix}
	shift := len(prefix) - from
	for _, h := range e.Highlights {
		if h.Start >= from && h.End <= to {
			out.Highlights = append(out.Highlights, knowledge.Span{Start: h.Start + shift, End: h.End + shift})
		}
	}
	return out
}

// wordStart moves i back to the start of a word.
func wordStart(s string, i int) int {
	for i > 0 && s[i-1] != ' ' {
		i--
	}
	return i
}

// wordEnd moves i back to the end of a word (never splitting a rune).
func wordEnd(s string, i int) int {
	j := i
	for j > 0 && j < len(s) && s[j] != ' ' {
		j--
	}
	if j == 0 {
		for i < len(s) && s[i]&0xC0 == 0x80 {
			i++
		}
		return i
	}
	return j
}
