package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rs/zerolog"

	"github.com/wieiswie/wieiswie/knowledge"
)

// ownTags are the only tags an excerpt may carry into the page.
var ownTags = regexp.MustCompile(`</?mark>|<br>`)

// FuzzMarkExcerpt: whatever a document holds and wherever the highlights
// fall, the excerpt never panics and carries no markup but its own.
func FuzzMarkExcerpt(f *testing.F) {
	f.Add(`De <script>alert(1)</script> directeur`, 3, 11, 40)
	f.Add("financiën & \"begroting\"\n<b>x</b>", 0, 9, 5)
	f.Add("één twee", 1, 2, 1)
	f.Fuzz(func(t *testing.T, text string, start, end, max int) {
		if max < 0 || max > 10000 {
			return
		}
		e := knowledge.Excerpt{Text: text, Highlights: []knowledge.Span{{Start: start, End: end}}}
		got := string(markExcerpt(e, max))
		rest := ownTags.ReplaceAllString(got, "")
		if strings.ContainsAny(rest, "<>") {
			t.Errorf("markup in %q", got)
		}
		if utf8.ValidString(text) && !utf8.ValidString(got) {
			t.Errorf("valid text became invalid UTF-8: %q", got)
		}
	})
}

// stubLibrary answers every question with one fixed result.
type stubLibrary struct {
	res  knowledge.Result
	docs []knowledge.Document
}

func (s stubLibrary) Ask(context.Context, string, int) (knowledge.Result, error) { return s.res, nil }
func (s stubLibrary) Documents() []knowledge.Document                            { return s.docs }

// FuzzPageEscapes: whatever a document says (name, function, contact,
// excerpt, organisation, source), the answer page and the document and
// organisation pages carry it as text.
func FuzzPageEscapes(f *testing.F) {
	f.Add(`<script>alert(1)</script>`, `"><img src=x onerror=alert(1)>`, `javascript:alert(1)`, `a@b.be"><script>`, "x/<y>.md")
	f.Add("Jan", "Schepen", "+32 <9>", "jan@gemeente.be", "kastelbroek/jan.txt")
	f.Fuzz(func(t *testing.T, name, function, phone, email, source string) {
		doc := knowledge.Document{
			Source: source, Kind: knowledge.KindPerson, Name: name, Title: name, Organisation: name,
			Functions: []knowledge.Function{{Body: function, Title: function}},
			Contact:   knowledge.Contact{Phones: []string{phone}, Emails: []string{email}, Address: function, Website: phone},
			Passages:  []knowledge.Passage{{Heading: function, Text: name + " " + function}},
			People:    []knowledge.Mention{{Name: name, Titles: []string{function}, Topic: email}},
			Aliases:   []string{function},
		}
		a := knowledge.Answer{Source: source, Title: name, Kind: knowledge.KindPerson, Organisation: name, Name: name,
			Functions: doc.Functions, Contact: doc.Contact,
			Excerpt: knowledge.Excerpt{Heading: function, Text: name + " " + function, Highlights: []knowledge.Span{{Start: 0, End: len(name)}}}}
		lib := stubLibrary{
			res:  knowledge.Result{Question: name, Outcome: knowledge.Answered, Topic: function, Answers: []knowledge.Answer{a, a}},
			docs: []knowledge.Document{doc},
		}
		s, err := New(lib, Config{}, zerolog.Nop())
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range []string{"/?q=" + url.QueryEscape(name), documentURL(source), "/organisatie/" + url.PathEscape(orgKey(strings.TrimSpace(name))), "/organisaties"} {
			req := httptest.NewRequest(http.MethodGet, "/", nil)
			req.URL, err = url.Parse(p)
			if err != nil {
				continue
			}
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			body := rec.Body.String()
			if m := scriptTag.FindString(body); m != "" {
				t.Errorf("%s: markup %q in the page", p, m)
			}
			if strings.Contains(body, `href="javascript:`) {
				t.Errorf("%s: a javascript: link", p)
			}
		}
	})
}
