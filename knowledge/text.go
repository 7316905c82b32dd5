package knowledge

import (
	"path"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Helpers shared by the parsers: every format ends up as lines of text that
// are grouped into paragraphs and turned into passages.

// cleanText turns the odd spaces that web pages and word processors leave
// behind (U+00A0, tabs, thin spaces) into plain spaces, drops invisible
// format characters (zero-width space, soft hyphen, stray BOM), collapses
// runs of spaces and trims, so the index and the answers see the text the
// way a reader does.
func cleanText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	pending := false // a space is owed before the next visible character
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf { // ASCII, the common case, without unicode tables
			i++
			if c <= ' ' || c == 0x7F {
				pending = true
				continue
			}
			if pending && b.Len() > 0 {
				b.WriteByte(' ')
			}
			pending = false
			b.WriteByte(c)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case unicode.Is(unicode.Cf, r):
			continue
		case unicode.IsSpace(r) || unicode.Is(unicode.Zs, r) || unicode.IsControl(r):
			pending = true
		default:
			if pending && b.Len() > 0 {
				b.WriteByte(' ')
			}
			pending = false
			if r == utf8.RuneError && size == 1 {
				b.WriteRune(r) // an invalid byte becomes U+FFFD: the result is always valid text
			} else {
				b.WriteString(s[i-size : i])
			}
		}
	}
	return b.String()
}

// isBlank reports whether a line holds nothing a reader would see.
func isBlank(line string) bool {
	for _, r := range line {
		if !unicode.Is(unicode.Cf, r) && !unicode.IsSpace(r) && !unicode.Is(unicode.Zs, r) && !unicode.IsControl(r) {
			return false
		}
	}
	return true
}

// paragraph is a run of consecutive non-blank lines.
type paragraph struct {
	line  int      // 1-based number of the first line in the file
	lines []string // raw lines
}

func (p paragraph) text() string { return cleanText(strings.Join(p.lines, " ")) }

// paragraphs groups lines[from:] into paragraphs; blank lines separate them.
func paragraphs(lines []string, from int) []paragraph {
	var out []paragraph
	var cur *paragraph
	for i := from; i < len(lines); i++ {
		if isBlank(lines[i]) {
			cur = nil
			continue
		}
		if cur == nil {
			out = append(out, paragraph{line: i + 1})
			cur = &out[len(out)-1]
		}
		cur.lines = append(cur.lines, lines[i])
	}
	return out
}

// passageList collects passages: the lines of one paragraph or bullet are
// joined into one passage that stands under the current heading and starts
// on the line of its first line. It keeps the lines each passage was joined
// from too, since a list written one entry a line ("Klachten: Joke
// Ramaekers") is read for the people it names line by line.
type passageList struct {
	heading string
	out     []Passage
	cur     []string
	line    int
	lines   []passageLine // the lines of the passages in out, in order

	// A heading from the document's structure (Markdown, the office
	// formats) with nothing under it is kept as a passage when the next
	// heading replaces it or the text ends (see headingAt), unless it is
	// titleHeading, the document's title, which is kept as the title.
	headingLine  int // the line of the heading set by headingAt; 0 when none
	headingOut   int // len(out) when it was set
	titleHeading string
}

// passageLine is one line of text a passage was joined from.
type passageLine struct {
	passage int    // index of the passage in passageList.out
	text    string // the line, cleaned, without its bullet or number
}

// start begins a new passage (a bullet or the first line of a paragraph).
func (p *passageList) start(line int, text string) {
	p.flush()
	p.line = line
	p.cur = append(p.cur, text)
}

// extend adds a line to the passage being built, or starts one.
func (p *passageList) extend(line int, text string) {
	if len(p.cur) == 0 {
		p.line = line
	}
	p.cur = append(p.cur, text)
}

// flush ends the passage being built; a passage without visible text is
// dropped, since an answer could not quote it.
func (p *passageList) flush() {
	if len(p.cur) == 0 {
		return
	}
	if t := cleanText(strings.Join(p.cur, " ")); t != "" {
		for _, l := range p.cur {
			if l = strings.TrimSpace(l); l != "" { // the parsers hand in cleaned lines
				p.lines = append(p.lines, passageLine{passage: len(p.out), text: l})
			}
		}
		p.out = append(p.out, Passage{Heading: p.heading, Text: t, Line: p.line})
	}
	p.cur = p.cur[:0]
}

// takePending returns the text of the passage being built and drops it;
// Markdown needs this when an underline turns a paragraph into a heading.
func (p *passageList) takePending() string {
	t := cleanText(strings.Join(p.cur, " "))
	p.cur = p.cur[:0]
	return t
}

// setHeading ends the passage being built and puts the next ones under h.
func (p *passageList) setHeading(h string) {
	p.flush()
	p.keepBareHeading()
	p.heading = cleanText(h)
}

// headingAt is setHeading for a heading that is structure, on line: if the
// previous one had nothing under it, it becomes a passage of its own so no
// text is lost.
func (p *passageList) headingAt(h string, line int) {
	p.flush()
	p.keepBareHeading()
	p.heading = cleanText(h)
	p.headingLine, p.headingOut = line, len(p.out)
}

// keepBareHeading turns the heading set by headingAt into a passage when
// no passage came under it.
func (p *passageList) keepBareHeading() {
	if p.headingLine > 0 && len(p.out) == p.headingOut && p.heading != "" && p.heading != p.titleHeading {
		h := p.heading
		p.heading = ""
		p.start(p.headingLine, h)
		p.flush()
		p.heading = h
	}
	p.headingLine = 0
}

func (p *passageList) passages() []Passage {
	p.flush()
	p.keepBareHeading()
	return p.out
}

// Headings in prose are recognised by shape: short, one line, not a sentence.
// The limits are wider than a typical heading because the seed function
// description has a real heading of 91 characters and 13 words.
const (
	maxHeadingRunes = 100
	maxHeadingWords = 15
)

// headingLike reports whether a paragraph looks like a section heading: one
// short line that does not end like a sentence and has no colon inside
// (a colon at the end is fine: "Taken:").
func headingLike(p paragraph) bool {
	if len(p.lines) != 1 {
		return false
	}
	t := p.text()
	if t == "" || utf8.RuneCountInString(t) > maxHeadingRunes || len(strings.Fields(t)) > maxHeadingWords {
		return false
	}
	if strings.HasSuffix(t, ":") {
		return true
	}
	if strings.Contains(t, ":") {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	return !strings.ContainsRune(".;,", last)
}

// addProse turns paragraphs of running text into passages. A heading-like
// paragraph followed by a real paragraph becomes the heading of the passages
// after it; otherwise (two heading-like lines in a row, or one at the end) it
// is kept as a passage so no text is lost.
//
// A paragraph written one entry a line ("Klachten: Joke Ramaekers, …" then
// "Privacy: …") is a list: a line that starts with a capital and follows a
// finished sentence, or is itself an entry ("label: …", "a - b - c"),
// starts a passage of its own, so each entry is quoted, and scored, on its
// own. A sentence wrapped over lines stays one passage.
func (p *passageList) addProse(paras []paragraph) {
	for i, para := range paras {
		if headingLike(para) && i+1 < len(paras) && !headingLike(paras[i+1]) {
			p.setHeading(strings.TrimSuffix(para.text(), ":"))
			continue
		}
		p.start(para.line, cleanText(para.lines[0]))
		for j, l := range para.lines[1:] {
			l = cleanText(l)
			if startsCapital(l) && (endsSentence(cleanText(para.lines[j])) || isEntry(l)) {
				p.start(para.line+1+j, l)
				continue
			}
			p.extend(para.line+1+j, l)
		}
		p.flush()
	}
}

// endsSentence reports whether a line ends a sentence.
func endsSentence(line string) bool {
	last, _ := utf8.DecodeLastRuneInString(line)
	return strings.ContainsRune(".!?", last)
}

// isEntry reports whether a line is an entry of a list: a short label and a
// colon ("Klachten: …"), or fields joined by dashes ("Klachten -
// Klachtencoördinator - Joke Ramaekers").
func isEntry(line string) bool {
	if i := strings.Index(line, ": "); i > 0 && utf8.RuneCountInString(line[:i]) <= 60 {
		return true
	}
	return strings.Count(line, " - ")+strings.Count(line, " – ") >= 2
}

// startsCapital reports whether a line starts with a capital letter.
func startsCapital(line string) bool {
	r, _ := utf8.DecodeRuneInString(line)
	return unicode.IsUpper(r)
}

// firstNonBlank returns the index of the first non-blank line, or -1.
func firstNonBlank(lines []string) int {
	for i, l := range lines {
		if !isBlank(l) {
			return i
		}
	}
	return -1
}

// titleFromSource makes a title from a file name for documents that carry
// none: "kastelbroek/hr-dienst.md" → "hr dienst".
func titleFromSource(source string) string {
	base := path.Base(source)
	base = strings.TrimSuffix(base, path.Ext(base))
	return cleanText(strings.NewReplacer("-", " ", "_", " ").Replace(base))
}

// cutPrefixFold is strings.CutPrefix ignoring case, comparing rune by rune so
// that upper and lower case forms of different byte length still match.
func cutPrefixFold(s, prefix string) (string, bool) {
	rest := s
	for _, pr := range prefix {
		r, size := utf8.DecodeRuneInString(rest)
		if size == 0 || !equalFoldRune(r, pr) {
			return s, false
		}
		rest = rest[size:]
	}
	return rest, true
}

func equalFoldRune(a, b rune) bool {
	if a == b {
		return true
	}
	for f := unicode.SimpleFold(a); f != a; f = unicode.SimpleFold(f) {
		if f == b {
			return true
		}
	}
	return false
}
