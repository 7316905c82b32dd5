package knowledge

// A generic document is any other text: its first line is the title and its
// paragraphs are passages, with short heading-like lines as headings (see
// passageList.addProse).

// parseGeneric reads plain text. The first line is the title; when it stands
// alone it is not repeated as a passage, but when it starts a longer
// paragraph the whole paragraph is kept so no text is lost.
func parseGeneric(source string, lines []string) Document {
	doc := Document{Kind: KindGeneric}
	paras := paragraphs(lines, 0)
	if len(paras) == 0 {
		return doc
	}
	doc.Title = cleanText(paras[0].lines[0])
	if len(paras[0].lines) == 1 {
		paras = paras[1:]
	}
	var list passageList
	list.addProse(paras)
	doc.Passages = list.passages()
	doc.People = findPeople(source, &doc, list.lines)
	return doc
}
