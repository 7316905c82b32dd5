package knowledge

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// Word, OpenDocument and HTML files say what their parts are: a heading, a
// paragraph, a list item, a table row. Their parsers turn a file into
// blocks (so does the PDF parser, from the typography), and fromBlocks turns
// blocks into a Document the way the text parsers do with lines, except
// that headings come from the file's structure instead of from guessing by
// shape.
//
// Blocks are numbered from 1 in reading order; that number is the "line"
// of a passage or a problem in such a file (the n-th heading, paragraph,
// list item or table row), since these files have no lines of their own.

type blockKind int

const (
	blockParagraph blockKind = iota
	blockHeading
	blockItem // a list item
	blockRow  // a table row
)

type block struct {
	kind   blockKind
	text   string   // lines separated by "\n" (a line break inside a paragraph); cleaned
	cells  []string // of a table row, cleaned
	header bool     // a table's header row
}

// These limits bound what a hostile office file can make a parser do:
// a zip bomb, a million empty paragraphs, XML nested until the stack is
// gone. Real documents stay far below them.
const (
	maxBlocks      = 200_000
	maxXMLDepth    = 256
	maxTextBytes   = 8 << 20 // text kept from one file
	checkCtxEveryN = 4096    // tokens between looks at the deadline
)

var (
	errTooDeep      = errors.New("XML dieper genest dan in een echt document")
	errTooManyParts = errors.New("meer tekst dan in een echt document")
)

// blockList collects blocks and enforces the limits.
type blockList struct {
	ctx    context.Context
	blocks []block
	size   int // bytes of text in blocks
	ticks  int
}

func (b *blockList) add(bl block) error {
	bl.text = cleanLines(bl.text)
	if bl.kind == blockRow {
		if strings.Join(bl.cells, "") == "" {
			return nil
		}
	} else if bl.text == "" {
		return nil
	}
	if len(b.blocks) >= maxBlocks {
		return errTooManyParts
	}
	b.size += len(bl.text)
	for _, c := range bl.cells {
		b.size += len(c)
	}
	if b.size > maxTextBytes {
		return errTooManyParts
	}
	b.blocks = append(b.blocks, bl)
	return nil
}

// tick is called for every token a parser reads; now and then it looks
// whether the time for this file is up.
func (b *blockList) tick() error {
	b.ticks++
	if b.ticks%checkCtxEveryN == 0 {
		return b.ctx.Err()
	}
	return nil
}

// cleanLines cleans each line of s and drops the empty ones.
func cleanLines(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = cleanText(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// fromBlocks makes the Document of a structured file. The first heading
// (else the first paragraph) is the title; a title "Functiebeschrijving
// <functie>" makes a function description; a "Contactgegevens" heading or a
// table headed "Bestuur | Functie" makes a person page, whose name is the
// title; anything else is a generic document. Every other block is a
// passage under the last heading.
func fromBlocks(source string, blocks []block) (Document, []Problem) {
	doc := Document{Kind: KindGeneric}
	var problems []Problem
	title := -1
	for i, b := range blocks {
		if b.kind == blockHeading {
			title = i
			break
		}
	}
	if title < 0 {
		for i, b := range blocks {
			if b.kind == blockParagraph && !strings.Contains(b.text, "\n") {
				title = i
				break
			}
		}
	}
	if title >= 0 {
		doc.Title = blocks[title].text
	}
	if role, ok := roleInTitle(doc.Title); ok {
		doc.Kind, doc.Role = KindFunction, role
		if role == "" {
			problems = append(problems, Problem{File: source, Line: title + 1,
				Message: `functiebeschrijving noemt de functie niet: schrijf "Functiebeschrijving <functie>"`})
		}
	} else if isPersonPage(blocks) {
		doc.Kind, doc.Name = KindPerson, doc.Title
	}

	list := passageList{titleHeading: doc.Title}
	var address []string
	section := sectionIntro
	var header []string // the cells of the header row of the current table
	for i, b := range blocks {
		n := i + 1
		if i == title {
			list.headingAt(b.text, n)
			continue
		}
		if b.kind != blockRow {
			header = nil
		}
		switch b.kind {
		case blockHeading:
			if s, _, ok := cardMarker(b.text); ok && doc.Kind == KindPerson {
				section = s
				if s == sectionInfo {
					list.headingAt(b.text, n)
				} else {
					list.setHeading(b.text) // the fields hold what comes under it
				}
				continue
			}
			section = sectionIntro
			list.headingAt(b.text, n)
			continue
		case blockRow:
			if b.header {
				header = b.cells
				if doc.Kind == KindPerson && isFunctionsHeader(b.cells) {
					section = sectionFunctions
				}
				continue
			}
			if doc.Kind == KindPerson && section == sectionFunctions {
				if f, ok := functionOfRow(b.cells); ok {
					doc.Functions = append(doc.Functions, f)
					continue
				}
			}
			list.start(n, rowText(header, b.cells))
			list.flush()
			continue
		}
		if doc.Kind == KindPerson && section == sectionContact {
			for _, line := range strings.Split(b.text, "\n") {
				if addContactLine(&doc.Contact, &address, line, false) == contactText {
					list.start(n, line)
					list.flush()
				}
			}
			continue
		}
		list.start(n, strings.ReplaceAll(b.text, "\n", " "))
		list.flush()
	}
	doc.Contact.Address = strings.Join(address, ", ")
	doc.Passages = list.passages()
	doc.People = findPeople(source, &doc, list.lines)
	if doc.Title == "" {
		problems = append(problems, Problem{File: source, Message: "geen tekst gevonden in het document"})
	}
	return doc, problems
}

// isPersonPage reports whether blocks have the shape of a person page: a
// contact heading, or a functions table headed "Bestuur | Functie".
func isPersonPage(blocks []block) bool {
	for _, b := range blocks {
		if s, _, ok := cardMarker(b.text); ok && b.kind == blockHeading && s == sectionContact {
			return true
		}
		if b.kind == blockRow && b.header && isFunctionsHeader(b.cells) {
			return true
		}
	}
	return false
}

func isFunctionsHeader(cells []string) bool {
	return len(cells) == 2 && strings.EqualFold(cells[0], "bestuur") && strings.EqualFold(cells[1], "functie")
}

// functionOfRow reads a row of a functions table: body and function in
// their own cells, or glued in one.
func functionOfRow(cells []string) (Function, bool) {
	var filled []string
	for _, c := range cells {
		if c != "" {
			filled = append(filled, c)
		}
	}
	switch len(filled) {
	case 1:
		return SplitGluedRow(filled[0])
	case 2:
		return Function{Body: filled[0], Title: filled[1]}, true
	}
	return Function{}, false
}

// rowText is the passage of a table row: each cell after its column's
// header ("Contactpersoon: Greet Wuyts"), so the row reads on its own.
func rowText(header, cells []string) string {
	var parts []string
	for i, c := range cells {
		if c == "" {
			continue
		}
		if i < len(header) && header[i] != "" && !strings.EqualFold(header[i], c) {
			c = header[i] + ": " + c
		}
		parts = append(parts, strings.ReplaceAll(c, "\n", " "))
	}
	return strings.Join(parts, " | ")
}

// unreadable is the Problem of a file that could not be read at all, with
// what to do about it.
func unreadable(source, format string, args ...any) []Problem {
	// Errors of XML and PDF readers quote the bad bytes; a Problem is text.
	msg := strings.ToValidUTF8(fmt.Sprintf(format, args...), "\uFFFD")
	return []Problem{{File: source, Message: msg, Skipped: true}}
}
