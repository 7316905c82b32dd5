package knowledge

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/ledongthuc/pdf"
)

// A PDF has no paragraphs or headings, only glyphs placed on pages. The
// text is read with github.com/ledongthuc/pdf (pure Go: the image has no C
// libraries and runs no programs), and the structure comes back from the
// typography: glyphs on one baseline make a line, a wider gap between lines
// ends a paragraph, a line in a larger font than the body text is a heading,
// a line that starts with a bullet is a list item. The blocks then read as
// those of a Word file (fromBlocks).
//
// A PDF without text (a scan), one with a password and one that cannot be
// read are reported with what to do instead.

const (
	maxPDFPages  = 2000
	maxPDFChunks = 200_000 // strings shown on one page; a page of text has a few thousand
)

// parsePDF reads a PDF.
func parsePDF(ctx context.Context, source string, data []byte) (doc Document, problems []Problem) {
	defer func() {
		// The library panics on some malformed files; a panic here is a
		// broken file, never a crash.
		if r := recover(); r != nil {
			doc, problems = Document{}, pdfBroken(source, fmt.Errorf("%v", r))
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if errors.Is(err, pdf.ErrInvalidPassword) {
		return Document{}, unreadable(source, "PDF met wachtwoord: bewaar of exporteer een versie zonder wachtwoord")
	}
	if err != nil {
		return Document{}, pdfBroken(source, err)
	}
	pages := r.NumPage()
	if pages > maxPDFPages {
		return Document{}, unreadable(source, "PDF van %d pagina's, meer dan %d; knip het document op", pages, maxPDFPages)
	}
	list := blockList{ctx: ctx}
	var lines []pdfLine
	for i := 1; i <= pages; i++ {
		if ctx.Err() != nil {
			return Document{}, unreadable(source, "PDF niet gelezen binnen %v; knip het document op", ParseTimeout)
		}
		p := r.Page(i)
		if p.V.IsNull() {
			continue
		}
		lines = append(lines, pdfLines(pdfText(p))...)
	}
	if len(lines) == 0 {
		return Document{}, unreadable(source, "gescande PDF zonder tekst: exporteer het origineel als PDF met tekst of als .docx")
	}
	if err := pdfBlocks(lines, &list); err != nil {
		return Document{}, unreadable(source, "PDF niet gelezen: %s; knip het document op", cause(err))
	}
	return fromBlocks(source, list.blocks)
}

func pdfBroken(source string, err error) []Problem {
	return unreadable(source, "kapotte of onvolledige PDF (%s): exporteer het document opnieuw als PDF", cause(err))
}

// pdfChunk is one string a page shows, where it starts and ends.
type pdfChunk struct {
	text   string
	x, end float64 // start and end on the baseline
	y      float64 // baseline; larger is higher on the page
	size   float64 // font size as printed
}

// pdfText interprets the content stream of one page for its text. The
// library's own Page.Content adds a stray glyph after every TJ (it shows
// "\n" through the font), so this small interpreter of the text operators
// stands in for it: it follows the text and graphics matrices to place
// each string, and leaves drawing to others.
func pdfText(p pdf.Page) []pdfChunk {
	type matrix [6]float64 // a b c d e f
	mul := func(m, n matrix) matrix {
		return matrix{
			m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
			m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
			m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
		}
	}
	ident := matrix{1, 0, 0, 1, 0, 0}
	translate := func(x, y float64) matrix { return matrix{1, 0, 0, 1, x, y} }
	var (
		ctm, tm, tlm        = ident, ident, ident
		stack               []matrix
		size, lead, th      = 0.0, 0.0, 1.0
		charSp, wordSp, rse float64
		font                *pdf.Font
		fonts               = map[string]*pdf.Font{}
		out                 []pdfChunk
	)
	show := func(raw string) {
		if font == nil || len(out) >= maxPDFChunks {
			return
		}
		trm := mul(mul(matrix{size * th, 0, 0, size, 0, rse}, tm), ctm)
		text := font.Encoder().Decode(raw)
		width := 0.0
		for i := 0; i < len(raw); i++ {
			width += font.Width(int(raw[i]))
		}
		if width == 0 { // a font with two-byte codes: about half an em a letter
			width = 500 * float64(len([]rune(text)))
		}
		tx := (width/1000*size + charSp*float64(len(raw)) + wordSp*float64(strings.Count(raw, " "))) * th
		tm = mul(translate(tx, 0), tm)
		end := mul(mul(matrix{size * th, 0, 0, size, 0, rse}, tm), ctm)
		out = append(out, pdfChunk{text: text, x: trm[4], end: end[4], y: trm[5], size: math.Hypot(trm[2], trm[3])})
	}
	nextLine := func(x, y float64) {
		tlm = mul(translate(x, y), tlm)
		tm = tlm
	}
	pdf.Interpret(p.V.Key("Contents"), func(stk *pdf.Stack, op string) {
		args := make([]pdf.Value, stk.Len())
		for i := len(args) - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		num := func(i int) float64 {
			if i < len(args) {
				return args[i].Float64()
			}
			return 0
		}
		str := func(i int) string {
			if i < len(args) {
				return args[i].RawString()
			}
			return ""
		}
		six := func() matrix { return matrix{num(0), num(1), num(2), num(3), num(4), num(5)} }
		switch op {
		case "q":
			if len(stack) < 64 {
				stack = append(stack, ctm)
			}
		case "Q":
			if len(stack) > 0 {
				ctm, stack = stack[len(stack)-1], stack[:len(stack)-1]
			}
		case "cm":
			ctm = mul(six(), ctm)
		case "BT":
			tm, tlm = ident, ident
		case "Tf":
			if len(args) == 2 {
				name := args[0].Name()
				if fonts[name] == nil {
					f := p.Font(name)
					fonts[name] = &f
				}
				font, size = fonts[name], num(1)
			}
		case "TL":
			lead = num(0)
		case "Tc":
			charSp = num(0)
		case "Tw":
			wordSp = num(0)
		case "Tz":
			th = num(0) / 100
		case "Ts":
			rse = num(0)
		case "Td":
			nextLine(num(0), num(1))
		case "TD":
			lead = -num(1)
			nextLine(num(0), num(1))
		case "Tm":
			tm, tlm = six(), six()
		case "T*":
			nextLine(0, -lead)
		case "Tj":
			show(str(0))
		case "'":
			nextLine(0, -lead)
			show(str(0))
		case "\"":
			wordSp, charSp = num(0), num(1)
			nextLine(0, -lead)
			show(str(2))
		case "TJ":
			if len(args) != 1 {
				return
			}
			for i := 0; i < args[0].Len(); i++ {
				v := args[0].Index(i)
				if v.Kind() == pdf.String {
					show(v.RawString())
				} else {
					tm = mul(translate(-v.Float64()/1000*size*th, 0), tm)
				}
			}
		}
	})
	return out
}

// pdfLine is the text on one baseline of a page.
type pdfLine struct {
	text string
	y    float64
	size float64 // the largest font size on the line
	top  bool    // the first line of its page
}

// pdfLines groups the strings of one page into lines, top to bottom, with
// a space where the gap between two strings is wider than a letter's
// spacing. Strings whose baselines differ by less than a third of their
// size (a superscript, a rounding) share a line.
func pdfLines(chunks []pdfChunk) []pdfLine {
	chunks = slices.DeleteFunc(chunks, func(c pdfChunk) bool { return strings.TrimSpace(c.text) == "" && c.text != " " })
	sort.SliceStable(chunks, func(i, j int) bool { return chunks[i].y > chunks[j].y })
	var out []pdfLine
	for len(chunks) > 0 {
		n := 1
		size := chunks[0].size
		for n < len(chunks) && chunks[0].y-chunks[n].y <= 0.3*math.Max(1, math.Max(size, chunks[n].size)) {
			size = math.Max(size, chunks[n].size)
			n++
		}
		line := chunks[:n]
		chunks = chunks[n:]
		sort.SliceStable(line, func(i, j int) bool { return line[i].x < line[j].x })
		var b strings.Builder
		end := math.Inf(-1)
		for _, c := range line {
			if b.Len() > 0 && c.x-end > 0.15*math.Max(1, c.size) {
				b.WriteByte(' ')
			}
			b.WriteString(c.text)
			end = c.end
		}
		if t := cleanText(b.String()); t != "" {
			out = append(out, pdfLine{text: t, y: line[0].y, size: size, top: len(out) == 0})
		}
	}
	return out
}

// pdfBlocks turns lines into blocks: headings by font size, paragraphs by
// the gaps between lines, list items by their bullets.
func pdfBlocks(lines []pdfLine, list *blockList) error {
	body := bodySize(lines)
	var cur block
	var prev pdfLine
	flush := func() error {
		err := list.add(cur)
		cur = block{}
		return err
	}
	for i, l := range lines {
		heading := l.size > body*1.15
		text, bullet := bulletText(l.text)
		if !bullet {
			text = l.text
		}
		newBlock := i == 0 || l.top || bullet || heading != (cur.kind == blockHeading) ||
			prev.y-l.y > 1.6*math.Max(prev.size, l.size) || // a blank line's worth of space
			heading && l.size != prev.size
		if newBlock {
			if err := flush(); err != nil {
				return err
			}
			switch {
			case heading:
				cur.kind = blockHeading
			case bullet:
				cur.kind = blockItem
			}
		}
		if text = strings.TrimSpace(text); text != "" {
			if cur.text != "" {
				cur.text += " "
			}
			cur.text += text
		}
		prev = l
	}
	return flush()
}

// bodySize is the font size of most of the text.
func bodySize(lines []pdfLine) float64 {
	count := map[float64]int{}
	best := 0.0
	for _, l := range lines {
		n := 0
		for _, r := range l.text {
			if !unicode.IsSpace(r) {
				n++
			}
		}
		count[l.size] += n
		if count[l.size] > count[best] {
			best = l.size
		}
	}
	return best
}
