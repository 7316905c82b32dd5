package knowledge

import (
	"bytes"
	"context"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// A saved web page (.html, .htm) holds the page's knowledge between the
// site's menu, header, footer and cookie banner, which are the same on
// every page and say nothing about this one: a footer's phone number is the
// town hall's, not the person's. Only <main> (or the page's <article>, or
// else the body) is read, and within it navigation, forms, scripts and
// hidden parts are left out. Headings are h1–h6; table rows, list items and
// paragraphs are passages.

// parseHTML reads a saved web page.
func parseHTML(ctx context.Context, source string, data []byte) (Document, []Problem) {
	enc, _, _ := charset.DetermineEncoding(data, "text/html")
	if dec, err := enc.NewDecoder().Bytes(data); err == nil {
		data = dec
	}
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return Document{}, unreadable(source, "webpagina onleesbaar (%s); bewaar de pagina opnieuw", cause(err))
	}
	content := find(root, func(n *html.Node) bool { return n.DataAtom == atom.Main || attr(n, "role") == "main" })
	if content == nil {
		content = find(root, func(n *html.Node) bool { return n.DataAtom == atom.Article })
	}
	if content == nil {
		content = find(root, func(n *html.Node) bool { return n.DataAtom == atom.Body })
	}
	w := htmlWalker{list: blockList{ctx: ctx}}
	if content != nil {
		w.walk(content, 0)
		w.flush()
	}
	if w.err != nil {
		return Document{}, unreadable(source, "webpagina niet gelezen: %s", cause(w.err))
	}
	var problems []Problem
	if w.tooDeep {
		problems = append(problems, Problem{File: source, Message: "webpagina dieper genest dan een echte pagina; wat dieper staat is niet gelezen"})
	}
	if !hasHeading(w.list.blocks) {
		// Without an h1 the page's <title> names it.
		if t := find(root, func(n *html.Node) bool { return n.DataAtom == atom.Title }); t != nil {
			// "Sofie Van Damme | Gemeente Veldegem": the site's name goes.
			title, _, _ := strings.Cut(cleanText(textOf(t)), " | ")
			if title != "" {
				w.list.blocks = append([]block{{kind: blockHeading, text: title}}, w.list.blocks...)
			}
		}
	}
	doc, more := fromBlocks(source, w.list.blocks)
	return doc, append(problems, more...)
}

func hasHeading(blocks []block) bool {
	for _, b := range blocks {
		if b.kind == blockHeading {
			return true
		}
	}
	return false
}

// htmlWalker turns the DOM into blocks. Inline text gathers in cur until a
// block element ends it; kinds is the stack of open block kinds, so text in
// a list item becomes an item.
type htmlWalker struct {
	list    blockList
	cur     strings.Builder
	kinds   []blockKind
	err     error
	tooDeep bool
}

func (w *htmlWalker) flush() {
	kind := blockParagraph
	if len(w.kinds) > 0 {
		kind = w.kinds[len(w.kinds)-1]
	}
	if w.err == nil {
		w.err = w.list.add(block{kind: kind, text: w.cur.String()})
	}
	w.cur.Reset()
}

func (w *htmlWalker) walk(n *html.Node, depth int) {
	if w.err != nil {
		return
	}
	if w.err = w.list.tick(); w.err != nil {
		return
	}
	if depth > maxXMLDepth {
		w.tooDeep = true
		return
	}
	switch n.Type {
	case html.TextNode:
		w.cur.WriteString(n.Data)
		return
	case html.ElementNode:
	default:
		return
	}
	if notKnowledge(n) {
		return
	}
	switch n.DataAtom {
	case atom.Br:
		w.cur.WriteString("\n")
		return
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		w.flush()
		w.err = w.list.add(block{kind: blockHeading, text: cleanText(textOf(n))})
		return
	case atom.Tr:
		w.flush()
		var cells []string
		header := inTableHead(n)
		allTh := true
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.DataAtom == atom.Td || c.DataAtom == atom.Th {
				cells = append(cells, cleanText(textOf(c)))
				allTh = allTh && c.DataAtom == atom.Th
			}
		}
		w.err = w.list.add(block{kind: blockRow, cells: cells, header: header || (allTh && len(cells) > 0)})
		return
	case atom.Li, atom.Dt, atom.Dd:
		w.block(n, depth, blockItem)
		return
	}
	if isBlockElement(n.DataAtom) {
		w.block(n, depth, blockParagraph)
		return
	}
	w.children(n, depth) // inline: a, b, span …
}

// block walks n as a block of kind: its text is a block of its own.
func (w *htmlWalker) block(n *html.Node, depth int, kind blockKind) {
	w.flush()
	w.kinds = append(w.kinds, kind)
	w.children(n, depth)
	w.flush()
	w.kinds = w.kinds[:len(w.kinds)-1]
}

func (w *htmlWalker) children(n *html.Node, depth int) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, depth+1)
	}
}

// notKnowledge reports whether an element is part of the site rather than
// of the page: navigation, header, footer, cookie banner, forms, scripts,
// or hidden.
func notKnowledge(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Nav, atom.Header, atom.Footer, atom.Aside, atom.Script, atom.Style, atom.Noscript,
		atom.Template, atom.Form, atom.Button, atom.Iframe, atom.Svg, atom.Select, atom.Head:
		return true
	}
	switch attr(n, "role") {
	case "navigation", "banner", "contentinfo", "search", "dialog", "alertdialog", "complementary":
		return true
	}
	if _, hidden := attrOK(n, "hidden"); hidden || attr(n, "aria-hidden") == "true" {
		return true
	}
	if style := strings.ReplaceAll(strings.ToLower(attr(n, "style")), " ", ""); strings.Contains(style, "display:none") {
		return true
	}
	idClass := strings.ToLower(attr(n, "id") + " " + attr(n, "class"))
	for _, w := range []string{"cookie", "breadcrumb", "kruimelpad", "skip-link", "skiplink", "share", "social", "consent"} {
		if strings.Contains(idClass, w) {
			return true
		}
	}
	return false
}

func isBlockElement(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Main, atom.Blockquote, atom.Address, atom.Pre,
		atom.Ul, atom.Ol, atom.Dl, atom.Table, atom.Thead, atom.Tbody, atom.Tfoot, atom.Caption,
		atom.Figure, atom.Figcaption, atom.Details, atom.Summary, atom.Fieldset, atom.Hr, atom.Body:
		return true
	}
	return false
}

// inTableHead reports whether a row is in a <thead>.
func inTableHead(tr *html.Node) bool {
	return tr.Parent != nil && tr.Parent.DataAtom == atom.Thead
}

// textOf is the text of n and its descendants, line breaks kept, block
// children on lines of their own; the site's parts are left out here too.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > maxXMLDepth {
			return
		}
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
			return
		case n.Type != html.ElementNode:
			return
		case notKnowledge(n):
			return
		case n.DataAtom == atom.Br:
			b.WriteString("\n")
			return
		}
		block := isBlockElement(n.DataAtom) || n.DataAtom == atom.Li
		if block {
			b.WriteString("\n")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
		if block {
			b.WriteString("\n")
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, 1)
	}
	return b.String()
}

// find returns the first node, depth first, for which ok is true.
func find(n *html.Node, ok func(*html.Node) bool) *html.Node {
	var stack []*html.Node
	for stack = append(stack, n); len(stack) > 0; {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode && ok(n) {
			return n
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	return nil
}

func attr(n *html.Node, key string) string {
	v, _ := attrOK(n, key)
	return v
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}
