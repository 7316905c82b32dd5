package knowledge

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Markdown documents are written by hand for wieiswie. The YAML front matter
// between "---" lines says what the document is about; the body gives the
// passages:
//
//	---
//	title: Privacy en gegevensbescherming Kastelbroek
//	type: person
//	name: Charlotte Mortier
//	functions:
//	  - body: Lokaal bestuur Kastelbroek
//	    function: DPO
//	phone: "+32 9 378 40 28"
//	aliases: [privacyfunctionaris]
//	---
//	# Charlotte Mortier
//	- Een vermoedelijk datalek onderzoeken.

// frontMatter is the YAML at the top of a Markdown document.
type frontMatter struct {
	Title        string       `yaml:"title"`
	Type         string       `yaml:"type"`
	Name         string       `yaml:"name"`
	Functions    []fmFunction `yaml:"functions"`
	Phone        stringList   `yaml:"phone"`
	Email        stringList   `yaml:"email"`
	Address      stringList   `yaml:"address"` // one line, or a list of address lines
	Website      string       `yaml:"website"`
	Aliases      stringList   `yaml:"aliases"`
	Organisation string       `yaml:"organisation"`
	Organisatie  string       `yaml:"organisatie"` // Dutch spelling of organisation
	Role         string       `yaml:"role"`
}

type fmFunction struct {
	Body     string `yaml:"body"`
	Function string `yaml:"function"`
}

// stringList accepts one text or a list of texts, so "phone: 050 …" and a
// list of phone numbers both work.
type stringList []string

func (l *stringList) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	switch n.Kind {
	case yaml.ScalarNode:
		if n.ShortTag() != "!!null" {
			*l = stringList{n.Value}
		}
		return nil
	case yaml.SequenceNode:
		for _, item := range n.Content {
			if item.Kind != yaml.ScalarNode {
				// A TypeError lets the decoder go on with the other fields.
				return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: verwacht een tekst, geen lijst of map", item.Line)}}
			}
			*l = append(*l, item.Value)
		}
		return nil
	}
	return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: verwacht een tekst of een lijst van teksten", n.Line)}}
}

// documentKinds maps the front matter's type to a Kind; the Dutch words are
// accepted because the people who write these files speak Dutch.
var documentKinds = map[string]Kind{
	"person": KindPerson, "persoon": KindPerson,
	"function": KindFunction, "functie": KindFunction,
	"service": KindService, "dienst": KindService,
}

// parseMarkdown reads a Markdown document with optional front matter. A
// front matter that cannot be read is reported and the body is still loaded,
// as a generic document, so one typo does not hide a whole page.
func parseMarkdown(source string, lines []string) (Document, []Problem) {
	var problems []Problem
	doc := Document{Kind: KindGeneric}
	bodyStart := 0
	// Blank lines before the front matter are a slip, not a page of text.
	if first := firstNonBlank(lines); first > 0 && strings.TrimRight(lines[first], " \t") == "---" {
		bodyStart = first
	}
	if bodyStart < len(lines) && strings.TrimRight(lines[bodyStart], " \t") == "---" {
		start := bodyStart
		end := closingFence(lines, start)
		if end < 0 {
			problems = append(problems, Problem{File: source, Line: start + 1,
				Message: `front matter niet afgesloten (geen tweede "---"-regel); het hele bestand is als tekst gelezen`})
		} else {
			bodyStart = end + 1
			fm, root, fmProblems, ok := readFrontMatter(source, strings.Join(lines[start+1:end], "\n"), start, end+1)
			problems = append(problems, fmProblems...)
			if ok {
				problems = append(problems, applyFrontMatter(&doc, fm, root, source, start)...)
			}
		}
	}

	list, firstHeading, firstLine := markdownBody(lines, bodyStart, doc.Title)
	doc.Passages = list.passages()
	if doc.Title == "" {
		doc.Title = firstHeading
	}
	if doc.Title == "" {
		doc.Title = firstLine
	}
	if doc.Kind == KindFunction && doc.Role == "" {
		doc.Role = doc.Title
		if role, ok := roleInTitle(doc.Title); ok {
			doc.Role = role
		}
	}
	doc.People = findPeople(source, &doc, list.lines)
	return doc, problems
}

// closingFence returns the index of the line that closes the front matter
// opened on lines[open], or -1.
func closingFence(lines []string, open int) int {
	for i := open + 1; i < len(lines); i++ {
		if l := strings.TrimRight(lines[i], " \t"); l == "---" || l == "..." {
			return i
		}
	}
	return -1
}

// readFrontMatter decodes the YAML text of the lines after the opening fence
// on lines[open] up to closeLine-1 (1-based). ok is false
// when the YAML cannot be read at all; fields of the wrong shape and unknown
// fields are reported and the rest is kept.
func readFrontMatter(source, text string, open, closeLine int) (fm frontMatter, root *yaml.Node, problems []Problem, ok bool) {
	root = &yaml.Node{}
	err := decodeYAML(text, &fm, root)
	if err == nil {
		return fm, root, nil, true
	}
	var typeErr *yaml.TypeError
	if errors.As(err, &typeErr) {
		for _, msg := range typeErr.Errors {
			problems = append(problems, yamlProblem(source, msg, open, closeLine))
		}
		return fm, root, problems, true
	}
	p := yamlProblem(source, err.Error(), open, closeLine)
	p.Message += "; front matter genegeerd"
	return frontMatter{}, nil, []Problem{p}, false
}

// decodeYAML decodes text twice: into a node tree, to find the line of a
// field for later problems, and into fm, reporting unknown fields (usually
// typos). yaml.v3 is third-party code reading untrusted text, so a panic in
// it becomes an error: Parse must never panic.
func decodeYAML(text string, fm *frontMatter, root *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: %v", r) // a panic of the reader: invalid YAML
		}
	}()
	if err := yaml.Unmarshal([]byte(text), root); err != nil {
		return err
	}
	dec := yaml.NewDecoder(strings.NewReader(text))
	dec.KnownFields(true)
	if err := dec.Decode(fm); err != nil && err != io.EOF {
		return err
	}
	return nil
}

var (
	yamlLine         = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)
	yamlUnknownField = regexp.MustCompile(`^field (.*) not found in type .*$`)
)

// yamlProblem turns one yaml.v3 message ("yaml: line 3: …", relative to the
// front matter) into a Problem on the line of the file; the front matter
// starts on the line after the opening "---" on lines[open].
func yamlProblem(source, msg string, open, closeLine int) Problem {
	line := 1 // yaml.v3 leaves out the line when it is the first one
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		msg = m[2]
		if yamlCountsFromZero(msg) {
			n++
		}
		line = n
	}
	line = min(max(line+open+1, 1), closeLine) // yaml may point just past the end
	// yaml.v3 quotes the offending value cut at a byte count, which can
	// split a character; a Problem must stay valid text.
	msg = strings.ToValidUTF8(strings.TrimPrefix(msg, "yaml: "), "\uFFFD")
	// yaml.v3 speaks English; check speaks Dutch (our own type errors,
	// "verwacht een tekst …", are Dutch already).
	switch m := yamlUnknownField.FindStringSubmatch(msg); {
	case m != nil:
		msg = fmt.Sprintf("onbekend veld %q genegeerd (gekend: title, type, name, functions, phone, email, address, website, aliases, organisation, role)", m[1])
	case strings.HasPrefix(msg, "verwacht "):
	case strings.HasPrefix(msg, "cannot unmarshal"):
		msg = "een waarde van de verkeerde soort (een lijst waar een tekst hoort, of omgekeerd)"
	default:
		msg = "ongeldige YAML (kijk de dubbele punten, de inspringing en de aanhalingstekens na)"
	}
	return Problem{File: source, Line: line, Message: "front matter: " + msg}
}

// yamlCountsFromZero reports whether msg is one of yaml.v3's parser errors
// (as opposed to its scanner and type errors), whose line numbers count from
// zero (yaml.v3 v3.0.1, decode.go, parser.fail).
func yamlCountsFromZero(msg string) bool {
	for _, prefix := range []string{"did not find expected", "found undefined tag handle", "found duplicate %", "found incompatible YAML document"} {
		if strings.HasPrefix(msg, prefix) {
			return true
		}
	}
	return false
}

// keyLine returns the file line of a top-level front-matter key, or the
// line of the opening fence, lines[open].
func keyLine(root *yaml.Node, key string, open int) int {
	if root == nil || root.Kind != yaml.DocumentNode || len(root.Content) == 0 {
		return open + 1
	}
	m := root.Content[0]
	if m.Kind != yaml.MappingNode {
		return open + 1
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i].Line + open + 1
		}
	}
	return open + 1
}

// applyFrontMatter copies the front matter into doc.
func applyFrontMatter(doc *Document, fm frontMatter, root *yaml.Node, source string, open int) []Problem {
	var problems []Problem
	if t := strings.ToLower(cleanText(fm.Type)); t != "" {
		if k, ok := documentKinds[t]; ok {
			doc.Kind = k
		} else {
			problems = append(problems, Problem{File: source, Line: keyLine(root, "type", open),
				Message: fmt.Sprintf("front matter: onbekend type %q (verwacht person, function of service); gelezen als gewoon document", fm.Type)})
		}
	}
	doc.Name = cleanText(fm.Name)
	doc.Title = cleanText(fm.Title)
	if doc.Title == "" {
		doc.Title = doc.Name
	}
	doc.Organisation = cleanText(fm.Organisation)
	if doc.Organisation == "" {
		doc.Organisation = cleanText(fm.Organisatie)
	}
	for _, f := range fm.Functions {
		body, title := cleanText(f.Body), cleanText(f.Function)
		if title == "" {
			problems = append(problems, Problem{File: source, Line: keyLine(root, "functions", open),
				Message: "front matter: een item van functions heeft geen function; overgeslagen"})
			continue
		}
		doc.Functions = append(doc.Functions, Function{Body: body, Title: title})
	}
	doc.Contact = Contact{
		Phones:  cleanList(fm.Phone),
		Emails:  cleanList(fm.Email),
		Address: strings.Join(cleanList(fm.Address), ", "),
		Website: cleanText(fm.Website),
	}
	// "aliases: a, b" is two aliases, as its writer meant.
	for _, a := range fm.Aliases {
		doc.Aliases = append(doc.Aliases, cleanList(strings.Split(a, ","))...)
	}
	role := cleanText(fm.Role)
	switch {
	case doc.Kind == KindFunction:
		doc.Role = role
	case role != "" && !slices.ContainsFunc(doc.Functions, func(f Function) bool { return strings.EqualFold(f.Title, role) }):
		// The role of a person or service is a function they hold.
		doc.Functions = append(doc.Functions, Function{Title: role})
	}
	return problems
}

// cleanList cleans every text and drops the empty ones.
func cleanList(l stringList) []string {
	var out []string
	for _, s := range l {
		if s = cleanText(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

var (
	mdHeading  = regexp.MustCompile(`^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$`)
	mdBullet   = regexp.MustCompile(`^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(.*)$`)
	mdRule     = regexp.MustCompile(`^ {0,3}[-*_](?:[ \t]*[-*_]){2,}[ \t]*$`)
	mdSetext   = regexp.MustCompile(`^ {0,3}(?:=+|-+)[ \t]*$`)
	mdFence    = regexp.MustCompile("^ {0,3}(?:```|~~~)")
	mdTableSep = regexp.MustCompile(`^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$`)
	mdQuote    = regexp.MustCompile(`^[ \t]*(?:>[ \t]?)+`)
	mdImage    = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)
	mdLink     = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	mdAutolink = regexp.MustCompile(`<(?:mailto:)?((?:https?://)[^<>\s]+|[^@<>\s]+@[^@<>\s]+)>`)
	mdMarks    = strings.NewReplacer("**", "", "__", "", "`", "")
)

// inline strips the inline Markdown a reader does not see: emphasis marks,
// code backticks, link targets.
func inline(s string) string {
	s = mdImage.ReplaceAllString(s, "$1")
	s = mdLink.ReplaceAllString(s, "$1")
	s = mdAutolink.ReplaceAllString(s, "$1")
	return cleanText(mdMarks.Replace(s))
}

// markdownBody turns the body (lines[from:]) into passages: every paragraph
// and every list item is one, under the last "#" heading. It also returns the
// first heading and the first line of text, for a title when the front
// matter gives none.
func markdownBody(lines []string, from int, title string) (list *passageList, firstHeading, firstLine string) {
	list = &passageList{titleHeading: title}
	paraLines := 0  // lines in the paragraph being built; 0 in a list item
	inItem := false // the passage being built is a list item
	headingSeen := false
	setHeading := func(h string, line int) {
		if !headingSeen && title == "" {
			list.titleHeading = cleanText(h) // the first heading is the title
		}
		list.headingAt(h, line)
		if !headingSeen {
			firstHeading, headingSeen = list.heading, true
		}
		paraLines, inItem = 0, false
	}

	for i := from; i < len(lines); i++ {
		n := i + 1
		raw := mdQuote.ReplaceAllString(lines[i], "")
		switch {
		case isBlank(raw) || mdFence.MatchString(raw):
			list.flush()
			paraLines, inItem = 0, false
			continue
		case mdHeading.MatchString(raw):
			setHeading(inline(mdHeading.FindStringSubmatch(raw)[1]), n)
			continue
		case mdSetext.MatchString(raw) && paraLines == 1:
			// "Title" underlined with === or --- is a heading.
			setHeading(list.takePending(), n-1)
			continue
		case mdRule.MatchString(raw) || mdTableSep.MatchString(raw) && strings.Contains(raw, "|"):
			list.flush()
			paraLines, inItem = 0, false
			continue
		}

		var text string
		trimmed := strings.TrimSpace(raw)
		switch m := mdBullet.FindStringSubmatch(raw); {
		case m != nil || strings.HasPrefix(trimmed, "•"):
			if m != nil {
				text = inline(m[1])
			} else {
				text = inline(strings.TrimPrefix(trimmed, "•"))
			}
			list.start(n, text)
			paraLines, inItem = 0, true
		case strings.HasPrefix(trimmed, "|"):
			// A table row: one passage, cells separated by " | ".
			cells := strings.Split(strings.Trim(trimmed, "|"), "|")
			for j := range cells {
				cells[j] = inline(cells[j])
			}
			text = strings.Join(cells, " | ")
			list.start(n, text)
			list.flush()
			paraLines, inItem = 0, false
		default:
			text = inline(raw)
			if inItem || paraLines > 0 {
				list.extend(n, text) // lazy continuation of an item or paragraph
			} else {
				list.start(n, text)
			}
			if !inItem {
				paraLines++
			}
		}
		if firstLine == "" {
			firstLine = cleanText(strings.Trim(text, "| "))
		}
	}
	list.passages()
	return list, firstHeading, firstLine
}
