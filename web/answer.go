package web

import (
	"html/template"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/wieiswie/wieiswie/knowledge"
)

// Limits that keep a page short; the document page shows everything.
const (
	otherCandidates = 4 // listed under an answer
	ambiguousListed = 5 // in "Bedoelde je …?"
	knownListed     = 8 // in "Ik weet wel iets over …"
	excerptRunes    = 1500
)

// answerView is a knowledge.Result as the page shows it: the same parts,
// in the same order, as the bot's Slack answer.
type answerView struct {
	Outcome knowledge.Outcome
	Topic   string
	Place   string   // a town the knowledge does not cover
	Known   []string // what the bot does know, as a hint
	Card    *cardView
	Others  []candidateView // other candidates, or the "Bedoelde je …?" list
}

// cardView is the person (or document) an answer is about.
type cardView struct {
	Title        string
	Organisation string
	OrgURL       string
	Functions    []functionGroup
	Contact      contactView
	Excerpt      *excerptView
	Source       string
	SourceURL    string
	// Order names the parts in the order the question asks for them:
	// "functions", "contact", "excerpt".
	Order []string
}

type functionGroup struct {
	Title  string
	Bodies []string
}

type contactView struct {
	Phones  []linkView
	Emails  []linkView
	Address string
	Website string
	Slack   string // a link that opens a direct message in Slack
}

type linkView struct {
	Text string
	URL  template.URL // built here from checked parts only
}

type excerptView struct {
	Heading string
	Text    template.HTML // escaped, with <mark> around the matched words
}

type candidateView struct {
	Title        string
	Detail       string
	URL          string
	Phone        *linkView
	Organisation string
}

// newAnswerView turns a search result into what the page shows.
func (s *Server) newAnswerView(res knowledge.Result) answerView {
	v := answerView{Outcome: res.Outcome, Topic: strings.TrimSpace(res.Topic), Place: res.UnknownPlace}
	if v.Topic == "" {
		v.Topic = strings.TrimSpace(res.Question)
	}
	if len(res.Answers) == 0 {
		v.Outcome = knowledge.NotFound
	}
	switch v.Outcome {
	case knowledge.NotFound:
		v.Known = first(res.Known, knownListed)
	case knowledge.Ambiguous:
		for _, a := range first(res.Answers, ambiguousListed) {
			v.Others = append(v.Others, newCandidate(a))
		}
	default:
		v.Card = s.newCard(res.Answers[0], res.Shape)
		for _, a := range first(res.Answers[1:], otherCandidates) {
			v.Others = append(v.Others, newCandidate(a))
		}
	}
	return v
}

func (s *Server) newCard(a knowledge.Answer, shape knowledge.Shape) *cardView {
	c := &cardView{
		Title:        answerTitle(a),
		Organisation: a.Organisation,
		OrgURL:       orgURL(a.Organisation),
		Functions:    groupFunctions(a.Functions),
		Contact:      s.newContact(a.Contact),
		Source:       a.Source,
		SourceURL:    documentURL(a.Source),
	}
	if strings.TrimSpace(a.Excerpt.Text) != "" {
		c.Excerpt = &excerptView{Heading: strings.TrimSpace(a.Excerpt.Heading), Text: markExcerpt(a.Excerpt, excerptRunes)}
	}
	switch {
	case shape == knowledge.ShapeContactOf:
		c.Order = []string{"contact", "functions", "excerpt"}
	case shape == knowledge.ShapeRolesOfPerson:
		c.Order = []string{"functions", "contact", "excerpt"}
	case shape == knowledge.ShapeWhatDoesRole || a.Kind == knowledge.KindFunction:
		c.Order = []string{"excerpt", "functions", "contact"}
	default:
		c.Order = []string{"functions", "contact", "excerpt"}
	}
	return c
}

func newCandidate(a knowledge.Answer) candidateView {
	c := candidateView{Title: answerTitle(a), URL: documentURL(a.Source), Organisation: a.Organisation}
	if g := groupFunctions(a.Functions); len(g) > 0 {
		c.Detail = g[0].Title
		if len(g[0].Bodies) > 0 {
			c.Detail += " (" + strings.Join(g[0].Bodies, ", ") + ")"
		}
	} else if a.Name != "" && a.Title != a.Name {
		c.Detail = a.Title
	}
	if p := phoneLinks(a.Contact.Phones); len(p) > 0 {
		c.Phone = &p[0]
	}
	return c
}

func (s *Server) newContact(k knowledge.Contact) contactView {
	c := contactView{Phones: phoneLinks(k.Phones), Address: strings.TrimSpace(k.Address), Website: webURL(k.Website)}
	for _, e := range k.Emails {
		if e = strings.TrimSpace(e); e == "" {
			continue
		}
		l := linkView{Text: e}
		if isEmail(e) {
			l.URL = template.URL("mailto:" + url.PathEscape(e))
		}
		c.Emails = append(c.Emails, l)
		if c.Slack == "" && s.cfg.SlackLink != nil {
			c.Slack = s.cfg.SlackLink(e)
		}
	}
	return c
}

// phoneLinks links each number with tel: and only its digits (and a
// leading +), which cannot break out of the attribute.
func phoneLinks(phones []string) []linkView {
	var out []linkView
	for _, p := range phones {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		l := linkView{Text: p}
		if digits := telDigits(p); digits != "" {
			l.URL = template.URL("tel:" + digits)
		}
		out = append(out, l)
	}
	return out
}

func telDigits(phone string) string {
	phone = strings.TrimSpace(phone)
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, phone)
	if digits != "" && strings.HasPrefix(phone, "+") {
		digits = "+" + digits
	}
	return digits
}

// isEmail is a plain check: one @, something on both sides, no spaces.
func isEmail(s string) bool {
	local, domain, ok := strings.Cut(s, "@")
	return ok && local != "" && strings.Contains(domain, ".") && !strings.ContainsAny(s, " \t<>\"'") && !strings.Contains(domain, "@")
}

// webURL keeps a website only when it is an http(s) URL.
func webURL(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	if !strings.Contains(raw, "://") {
		raw = "https://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// markExcerpt escapes the excerpt (at most max runes) and marks the
// matched words; line breaks stay line breaks.
func markExcerpt(e knowledge.Excerpt, max int) template.HTML {
	cut, n := len(e.Text), 0 // the byte offset after max characters
	for i := range e.Text {
		if n == max {
			cut = i
			break
		}
		n++
	}
	if cut < len(e.Text) {
		var kept []knowledge.Span
		for _, h := range e.Highlights {
			if h.End <= cut {
				kept = append(kept, h)
			}
		}
		e.Text, e.Highlights = e.Text[:cut]+" …", kept
	}
	var whole []knowledge.Span // highlights that split no character
	for _, h := range e.Highlights {
		if h.Start >= 0 && h.Start < h.End && h.End <= len(e.Text) &&
			utf8.RuneStart(e.Text[h.Start]) && (h.End == len(e.Text) || utf8.RuneStart(e.Text[h.End])) {
			whole = append(whole, h)
		}
	}
	e.Highlights = whole
	marked := e.Marked("<mark>", "</mark>", template.HTMLEscapeString)
	var lines []string
	for _, l := range strings.Split(marked, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return template.HTML(strings.Join(lines, "<br>"))
}

// answerTitle is what an answer is called: the person, else the document.
func answerTitle(a knowledge.Answer) string {
	for _, s := range []string{a.Name, a.Title, a.Source} {
		if s = strings.Join(strings.Fields(s), " "); s != "" {
			return s
		}
	}
	return "Onbekend"
}

// groupFunctions puts the bodies of one function title together, in the
// order they come: "Algemeen directeur — Schepencollege, Gemeenteraad".
func groupFunctions(fns []knowledge.Function) []functionGroup {
	var out []functionGroup
	at := map[string]int{}
	for _, f := range fns {
		title, body := strings.TrimSpace(f.Title), strings.TrimSpace(f.Body)
		key := strings.ToLower(title)
		if title == "" {
			key = "\x00" + body // a body alone is its own line
		}
		i, ok := at[key]
		if !ok {
			i = len(out)
			at[key] = i
			out = append(out, functionGroup{Title: title})
		}
		if body != "" {
			out[i].Bodies = append(out[i].Bodies, body)
		}
	}
	return out
}

func first[T any](s []T, n int) []T {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// documentURL is the page of a document; every path segment is escaped.
func documentURL(source string) string {
	parts := strings.Split(source, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return "/document/" + strings.Join(parts, "/")
}

// orgURL is the page of an organisation; "" for none.
func orgURL(org string) string {
	if strings.TrimSpace(org) == "" {
		return ""
	}
	return "/organisatie/" + url.PathEscape(org)
}

// askURL is the answer to a question, to share or to follow.
func askURL(q string) string { return "/?q=" + url.QueryEscape(q) }
