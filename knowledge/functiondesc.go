package knowledge

import (
	"strings"
	"unicode/utf8"
)

// A function description explains what a role does. Its first line names the
// role ("Functiebeschrijving algemeen directeur"); then come paragraphs of
// running text under short section headings ("Scharnierfunctie en
// netwerking").

const functionPrefix = "Functiebeschrijving"

// roleInTitle returns the role a "Functiebeschrijving <role>" title names and
// whether the title has that form. A separator after the word is allowed:
// "Functiebeschrijving: algemeen directeur".
func roleInTitle(title string) (string, bool) {
	rest, ok := cutPrefixFold(cleanText(title), functionPrefix)
	next, _ := utf8.DecodeRuneInString(rest)
	if !ok || (rest != "" && !strings.ContainsRune(" :-–", next)) {
		return "", false // "Functiebeschrijvingen" is another word
	}
	return strings.TrimSpace(strings.TrimLeft(rest, " :-–")), true
}

// isFunctionDescription reports whether a .txt file starts with a
// "Functiebeschrijving …" line.
func isFunctionDescription(lines []string) bool {
	i := firstNonBlank(lines)
	if i < 0 {
		return false
	}
	_, ok := roleInTitle(lines[i])
	return ok
}

// parseFunctionDescription reads a function description: the first line is
// the title and names the role, every other paragraph is a passage.
func parseFunctionDescription(source string, lines []string) (Document, []Problem) {
	doc := Document{Kind: KindFunction}
	var problems []Problem
	first := firstNonBlank(lines)
	if first < 0 {
		return doc, nil
	}
	doc.Title = cleanText(lines[first])
	doc.Role, _ = roleInTitle(lines[first])
	if doc.Role == "" {
		problems = append(problems, Problem{File: source, Line: first + 1,
			Message: `functiebeschrijving noemt de functie niet: schrijf "Functiebeschrijving <functie>"`})
	}
	var list passageList
	list.addProse(paragraphs(lines, first+1))
	doc.Passages = list.passages()
	doc.People = findPeople(source, &doc, list.lines)
	return doc, problems
}
