package corpusgen

import (
	"fmt"
	"strings"

	"github.com/wieiswie/wieiswie/knowledge"
)

// card is a person card before it is written out.
type card struct {
	name      string
	address   []string // street, "postcode town", "België"
	phones    []string
	emails    []string
	website   string
	labels    bool // contact lines carry "Tel.:" and "E-mail:", as some sites print them
	functions []knowledge.Function
	info      []section
	prose     bool // Info as plain paragraphs instead of numbered headings with bullets
}

// render writes the card the way the municipal websites are copied: section
// titles on their own line, the functions table with body and function glued
// together, "Info" right after the last row, " • " bullets.
func (c card) render() string {
	var b strings.Builder
	b.WriteString(c.name + "\n\nContactgegevens\n")
	for _, l := range c.address {
		b.WriteString(l + "\n")
	}
	for _, p := range c.phones {
		if c.labels {
			b.WriteString("Tel.: ")
		}
		b.WriteString(p + "\n")
	}
	for _, e := range c.emails {
		if c.labels {
			b.WriteString("E-mail: ")
		}
		b.WriteString(e + "\n")
	}
	if c.website != "" {
		b.WriteString(c.website + "\n")
	}
	b.WriteString("\nFunctie(s)\n\nBestuurFunctie\n")
	for _, f := range c.functions {
		b.WriteString(f.Body + f.Title + "\n")
	}
	if len(c.info) == 0 {
		return b.String()
	}
	b.WriteString("Info\n")
	for i, s := range c.info {
		if c.prose {
			if s.heading != "" {
				b.WriteString("\n" + s.heading + "\n")
			}
			b.WriteString("\n" + strings.Join(s.bullets, " ") + "\n")
			continue
		}
		fmt.Fprintf(&b, "\n%d. %s\n\n", i+1, s.heading)
		for _, l := range s.bullets {
			b.WriteString(" • " + l + "\n")
		}
	}
	return b.String()
}

// page is a Markdown document before it is written out.
type page struct {
	title, kind, name string
	organisation      string // written only when set: most pages leave it to the folder
	functions         []knowledge.Function
	phones, emails    []string
	address           string
	website           string
	aliases           []string
	heading           string // the "#" heading
	intro             []string
	sections          []section // "##" headings with bullets
	table             [][]string
}

// render writes the page with its YAML front matter in the shape of the
// customer's sample.
func (p page) render() string {
	var b strings.Builder
	b.WriteString("---\n")
	field := func(key, value string, quote bool) {
		if value != "" {
			b.WriteString(key + ": " + yamlScalar(value, quote) + "\n")
		}
	}
	field("title", p.title, false)
	field("type", p.kind, false)
	field("name", p.name, false)
	field("organisation", p.organisation, false)
	if len(p.functions) > 0 {
		b.WriteString("functions:\n")
		for _, f := range p.functions {
			b.WriteString("  - body: " + yamlScalar(f.Body, false) + "\n")
			b.WriteString("    function: " + yamlScalar(f.Title, false) + "\n")
		}
	}
	list := func(key string, values []string, quote bool) {
		switch len(values) {
		case 0:
		case 1:
			field(key, values[0], quote)
		default:
			b.WriteString(key + ":\n")
			for _, v := range values {
				b.WriteString("  - " + yamlScalar(v, quote) + "\n")
			}
		}
	}
	list("phone", p.phones, true)
	list("email", p.emails, false)
	field("address", p.address, true)
	field("website", p.website, false)
	list("aliases", p.aliases, false)
	b.WriteString("---\n\n")
	b.WriteString("# " + p.heading + "\n\n")
	for _, l := range p.intro {
		b.WriteString(l + "\n\n")
	}
	for _, s := range p.sections {
		b.WriteString("## " + s.heading + "\n\n")
		for _, l := range s.bullets {
			b.WriteString("- " + l + "\n")
		}
		b.WriteString("\n")
	}
	if len(p.table) > 0 {
		for i, row := range p.table {
			b.WriteString("| " + strings.Join(row, " | ") + " |\n")
			if i == 0 {
				b.WriteString(strings.Repeat("|---", len(row)) + "|\n")
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

// yamlScalar writes s as a YAML scalar: plain when that reads back as the
// same text, double-quoted otherwise (or always, with force, as the sample
// quotes phone numbers and addresses).
func yamlScalar(s string, force bool) string {
	if force || needsQuotes(s) {
		r := strings.NewReplacer(`\`, `\\`, `"`, `\"`)
		return `"` + r.Replace(s) + `"`
	}
	return s
}

func needsQuotes(s string) bool {
	if s == "" || strings.TrimSpace(s) != s {
		return true
	}
	if strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'\"%@`+0123456789") {
		return true
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") {
		return true
	}
	switch strings.ToLower(s) {
	case "yes", "no", "true", "false", "null", "on", "off", "y", "n", "~":
		return true
	}
	return false
}
