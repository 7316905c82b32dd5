package knowledge

import "strings"

// tableRow collects a row of a word processor's table (Word, OpenDocument)
// while its XML is read: each cell's paragraphs, one a line, and whether
// every cell is styled as a table heading, which makes the row a header.
type tableRow struct {
	cell     strings.Builder
	cells    []string
	headings bool // every paragraph so far, bar empty ones, styled as a heading
}

// start begins a row.
func (r *tableRow) start() { r.cells, r.headings = nil, true }

// startCell begins a cell.
func (r *tableRow) startCell() { r.cell.Reset() }

// addParagraph adds a paragraph of the current cell; heading says whether
// its style is a heading's.
func (r *tableRow) addParagraph(text string, heading bool) {
	if r.cell.Len() > 0 {
		r.cell.WriteString("\n")
	}
	r.cell.WriteString(text)
	r.headings = r.headings && (cleanText(text) == "" || heading)
}

// endCell ends the current cell.
func (r *tableRow) endCell() { r.cells = append(r.cells, cleanText(r.cell.String())) }

// block is the row, a header when the file says so (header) or every cell
// is a heading.
func (r *tableRow) block(header bool) block {
	return block{kind: blockRow, cells: r.cells, header: header || r.headings && len(r.cells) > 0}
}
