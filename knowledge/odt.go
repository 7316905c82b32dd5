package knowledge

import (
	"context"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
)

// An OpenDocument text (.odt, the Flemish government's open standard)
// keeps its text in content.xml: headings (text:h, with their
// text:outline-level), paragraphs (text:p), lists (text:list-item) and
// tables (table:table-row, header rows in table:table-header-rows). Page
// headers and footers live in styles.xml and are not read; nor are
// comments (office:annotation) or tracked deletions.

// parseODT reads an OpenDocument text.
func parseODT(ctx context.Context, source string, data []byte) (Document, []Problem) {
	zr, err := openZip(data)
	if err != nil {
		return Document{}, officeProblem(source, "OpenDocument", err)
	}
	r, ok, err := zipPart(zr, "content.xml")
	if err == nil && !ok {
		return Document{}, unreadable(source, "geen OpenDocument-tekst (content.xml ontbreekt); bewaar het als .odt in LibreOffice")
	}
	list := blockList{ctx: ctx}
	if err == nil {
		err = readODTContent(r, &list)
		r.Close()
	}
	if err != nil {
		return Document{}, officeProblem(source, "OpenDocument", err)
	}
	return fromBlocks(source, list.blocks)
}

func readODTContent(r io.Reader, list *blockList) error {
	type para struct {
		text  strings.Builder
		kind  blockKind
		style string
	}
	parents := map[string]string{} // automatic style → the style it is based on
	var paras []*para              // open paragraphs: a note's body opens one inside another
	items := 0                     // open list items
	tables, headerRows := 0, 0     // open tables; open header-row groups
	var row tableRow
	var style string

	var err error
	endPara := func() {
		p := paras[len(paras)-1]
		paras = paras[:len(paras)-1]
		text := p.text.String()
		if tables > 0 {
			row.addParagraph(text, headingStyle(p.style) || headingStyle(parents[p.style]))
			return
		}
		b := block{kind: p.kind, text: text}
		if b.kind == blockHeading {
			b.text = cleanText(text)
		}
		if err == nil {
			err = list.add(b)
		}
	}
	walkErr := xmlTokens(r, list, func(tok xml.Token, depth int) error {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Space + ":" + t.Name.Local {
			case "style:style":
				style = attrVal(t, "name")
				if p := attrVal(t, "parent-style-name"); p != "" {
					parents[style] = p
				}
			case "office:annotation", "text:note-citation", "text:tracked-changes", "text:sequence-decls", "office:forms":
				return errSkipElement
			case "text:h":
				paras = append(paras, &para{kind: blockHeading, style: attrVal(t, "style-name")})
			case "text:p":
				kind := blockParagraph
				if items > 0 {
					kind = blockItem
				}
				paras = append(paras, &para{kind: kind, style: attrVal(t, "style-name")})
			case "text:list-item", "text:list-header":
				items++
			case "text:s":
				if len(paras) > 0 {
					n, err := strconv.Atoi(attrVal(t, "c"))
					if err != nil || n < 1 {
						n = 1
					}
					paras[len(paras)-1].text.WriteString(strings.Repeat(" ", min(n, 64)))
				}
			case "text:tab":
				if len(paras) > 0 {
					paras[len(paras)-1].text.WriteString(" ")
				}
			case "text:line-break":
				if len(paras) > 0 {
					paras[len(paras)-1].text.WriteString("\n")
				}
			case "table:table":
				tables++
			case "table:table-header-rows":
				headerRows++
			case "table:table-row":
				if tables == 1 {
					row.start()
				}
			case "table:table-cell", "table:covered-table-cell":
				if tables == 1 {
					row.startCell()
				}
			}
		case xml.CharData:
			if len(paras) > 0 {
				paras[len(paras)-1].text.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Space + ":" + t.Name.Local {
			case "text:h", "text:p":
				if len(paras) > 0 {
					endPara()
				}
			case "text:list-item", "text:list-header":
				items = max(0, items-1)
			case "table:table-cell", "table:covered-table-cell":
				if tables == 1 {
					row.endCell()
				}
			case "table:table-row":
				if tables == 1 && err == nil {
					err = list.add(row.block(headerRows > 0))
				}
			case "table:table-header-rows":
				headerRows = max(0, headerRows-1)
			case "table:table":
				tables = max(0, tables-1)
			}
		}
		return err
	})
	if walkErr != nil {
		return walkErr
	}
	return err
}
