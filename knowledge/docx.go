package knowledge

import (
	"context"
	"encoding/xml"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// A Word file (.docx) keeps its text in word/document.xml: paragraphs
// (w:p) of runs (w:t), tables (w:tbl) of rows (w:tr) of cells (w:tc). A
// paragraph is a heading when its style is one: word/styles.xml maps each
// style id to its name and outline level ("Heading1" → "heading 1", level
// 0), and a style inherits both from the style it is based on. Headers,
// footers, comments and deleted text are other parts or other elements and
// are not read.

// docxStyle is what a paragraph style says about its paragraphs.
type docxStyle struct {
	name    string
	outline int // 0-based outline level; -1 when the style sets none
	list    bool
	basedOn string
}

var docxHeadingName = regexp.MustCompile(`(?i)^(heading|kop)\s*([1-9])$`)

// level returns the heading level (1 is the top) of paragraphs in style id,
// following basedOn, or 0 for body text.
func docxLevel(styles map[string]docxStyle, id string) (level int, list bool) {
	for range 16 { // basedOn can loop in a hostile file
		s, ok := styles[id]
		if !ok {
			return 0, list
		}
		list = list || s.list
		if m := docxHeadingName.FindStringSubmatch(s.name); m != nil {
			return int(m[2][0] - '0'), list
		}
		switch strings.ToLower(s.name) {
		case "title", "titel":
			return 1, list
		}
		if s.outline >= 0 && s.outline < 9 {
			return s.outline + 1, list
		}
		id = s.basedOn
	}
	return 0, list
}

// parseDOCX reads a Word file.
func parseDOCX(ctx context.Context, source string, data []byte) (Document, []Problem) {
	zr, err := openZip(data)
	if err != nil {
		return Document{}, officeProblem(source, "Word", err)
	}
	list := blockList{ctx: ctx}
	styles := map[string]docxStyle{}
	if r, ok, err := zipPart(zr, "word/styles.xml"); err != nil {
		return Document{}, officeProblem(source, "Word", err)
	} else if ok {
		err = readDOCXStyles(r, &list, styles)
		r.Close()
		if err != nil {
			return Document{}, officeProblem(source, "Word", err)
		}
	}
	r, ok, err := zipPart(zr, "word/document.xml")
	if err == nil && !ok {
		return Document{}, unreadable(source, "geen Word-document (word/document.xml ontbreekt); bewaar het als .docx in Word of LibreOffice")
	}
	if err == nil {
		err = readDOCXBody(r, &list, styles)
		r.Close()
	}
	if err != nil {
		return Document{}, officeProblem(source, "Word", err)
	}
	return fromBlocks(source, list.blocks)
}

func readDOCXStyles(r io.Reader, list *blockList, styles map[string]docxStyle) error {
	var id string
	var cur docxStyle
	return xmlTokens(r, list, func(tok xml.Token, _ int) error {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "style":
				id, cur = attrVal(t, "styleId"), docxStyle{outline: -1}
			case "name":
				cur.name = attrVal(t, "val")
			case "basedOn":
				cur.basedOn = attrVal(t, "val")
			case "outlineLvl":
				if n, err := strconv.Atoi(attrVal(t, "val")); err == nil {
					cur.outline = n
				}
			case "numPr":
				cur.list = true
			}
		case xml.EndElement:
			if t.Name.Local == "style" && id != "" {
				styles[id] = cur
				id = ""
			}
		}
		return nil
	})
}

// readDOCXBody turns word/document.xml into blocks. Tables nested in a
// cell are read as text of that cell; a text box inside a paragraph is a
// paragraph of its own.
func readDOCXBody(r io.Reader, list *blockList, styles map[string]docxStyle) error {
	type para struct {
		text    strings.Builder
		style   string
		outline int
		list    bool
	}
	var paras []*para // open paragraphs: a text box opens one inside another
	var tables int    // open tables
	var row tableRow
	headerRow := false // w:tblHeader
	inText := false

	var err error
	endPara := func() {
		p := paras[len(paras)-1]
		paras = paras[:len(paras)-1]
		text := p.text.String()
		if tables > 0 {
			row.addParagraph(text, headingStyle(styles[p.style].name) || headingStyle(p.style))
			return
		}
		level, isList := docxLevel(styles, p.style)
		if p.outline >= 0 && p.outline < 9 {
			level = p.outline + 1
		}
		b := block{kind: blockParagraph, text: text}
		switch {
		case level > 0:
			b.kind, b.text = blockHeading, cleanText(text)
		case p.list || isList:
			b.kind = blockItem
		}
		if err == nil {
			err = list.add(b)
		}
	}
	walkErr := xmlTokens(r, list, func(tok xml.Token, depth int) error {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "Fallback": // mc:Fallback repeats mc:Choice for old readers
				return errSkipElement
			case "p":
				paras = append(paras, &para{outline: -1})
			case "pStyle":
				if len(paras) > 0 {
					paras[len(paras)-1].style = attrVal(t, "val")
				}
			case "outlineLvl":
				if len(paras) > 0 {
					if n, err := strconv.Atoi(attrVal(t, "val")); err == nil {
						paras[len(paras)-1].outline = n
					}
				}
			case "numPr":
				if len(paras) > 0 {
					paras[len(paras)-1].list = true
				}
			case "t":
				inText = t.Name.Space == "w"
			case "tab", "cr", "br", "noBreakHyphen":
				if len(paras) > 0 {
					sep := " "
					switch t.Name.Local {
					case "br", "cr":
						sep = "\n"
					case "noBreakHyphen":
						sep = "-"
					}
					paras[len(paras)-1].text.WriteString(sep)
				}
			case "tbl":
				tables++
			case "tr":
				if tables == 1 {
					row.start()
					headerRow = false
				}
			case "tblHeader":
				if tables == 1 && attrVal(t, "val") != "false" && attrVal(t, "val") != "0" {
					headerRow = true
				}
			case "tc":
				if tables == 1 {
					row.startCell()
				}
			}
		case xml.CharData:
			if inText && len(paras) > 0 {
				paras[len(paras)-1].text.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				if len(paras) > 0 {
					endPara()
				}
			case "tc":
				if tables == 1 {
					row.endCell()
				}
			case "tr":
				if tables == 1 && err == nil {
					err = list.add(row.block(headerRow))
				}
			case "tbl":
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
