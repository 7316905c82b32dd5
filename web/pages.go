package web

import (
	"bytes"
	"context"
	"html/template"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/wieiswie/wieiswie/knowledge"
)

// answerTop is how many candidates a search asks for: the answer and the
// others listed under it.
const answerTop = 1 + otherCandidates

// maxQuestionRunes bounds what is sent to the index, as in Slack.
const maxQuestionRunes = 500

// examples are offered on the empty search page.
var examples = []string{"wie is algemeen directeur", "telefoonnummer van de burgemeester", "wie behandelt klachten"}

// page is everything a template may show; each page fills what it needs.
type page struct {
	Title    string
	Question string
	User     string // who signed in, if anyone
	Message  string // an error or notice
	Answer   *answerView
	Examples []string
	Orgs     []*orgView
	Org      *orgView
	Doc      *documentView
}

var funcs = template.FuncMap{
	"askURL": askURL,
	"join":   strings.Join,
}

// home is the search page; with ?q= it answers the question.
func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	q := strings.Join(strings.Fields(r.URL.Query().Get("q")), " ")
	if utf8.RuneCountInString(q) > maxQuestionRunes {
		q = string([]rune(q)[:maxQuestionRunes])
	}
	if q == "" {
		s.render(w, r, http.StatusOK, "home", page{Title: "Wie is wie?", Examples: examples, Orgs: s.currentCatalog().orgs})
		return
	}
	res, err := s.ask(r.Context(), q)
	if err != nil {
		s.log.Error().Err(err).Str("question", q).Msg("web: search failed")
		s.render(w, r, http.StatusInternalServerError, "home", page{
			Title: q, Question: q,
			Message: "Sorry, er ging iets mis bij het zoeken. Probeer het zo meteen opnieuw.",
		})
		return
	}
	if res.Question == "" {
		res.Question = q
	}
	ev := s.log.Info().Str("question", q).Str("outcome", string(res.Outcome)).Int("answers", len(res.Answers)).Dur("took", res.Took)
	if len(res.Answers) > 0 {
		ev = ev.Str("source", res.Answers[0].Source)
	}
	ev.Msg("web: answered")
	v := s.newAnswerView(res)
	s.render(w, r, http.StatusOK, "home", page{Title: q, Question: q, Answer: &v})
}

// ask searches once a search slot is free.
func (s *Server) ask(ctx context.Context, q string) (knowledge.Result, error) {
	select {
	case s.searches <- struct{}{}:
		defer func() { <-s.searches }()
	case <-ctx.Done():
		return knowledge.Result{}, ctx.Err()
	}
	return s.lib.Ask(ctx, q, answerTop)
}

// organisations lists every organisation with what it holds.
func (s *Server) organisations(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "organisations", page{Title: "Organisaties", Orgs: s.currentCatalog().orgs})
}

// organisation shows one organisation's bodies, people, services,
// function descriptions and other pages.
func (s *Server) organisation(w http.ResponseWriter, r *http.Request) {
	o := s.currentCatalog().byKey[r.PathValue("name")]
	if o == nil {
		s.notFound(w, r)
		return
	}
	s.render(w, r, http.StatusOK, "organisation", page{Title: orgName(o.Name), Org: o})
}

// document shows one document: a person, a service, a function
// description or another page, with everything it says.
func (s *Server) document(w http.ResponseWriter, r *http.Request) {
	c := s.currentCatalog()
	d := c.bySource[r.PathValue("source")]
	if d == nil {
		s.notFound(w, r)
		return
	}
	v := s.newDocumentView(c, d)
	s.render(w, r, http.StatusOK, "document", page{Title: v.Title, Doc: v})
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusNotFound, "error", page{
		Title:   "Pagina niet gevonden",
		Message: "Deze pagina bestaat niet (meer). Zoek hieronder of bekijk de organisaties.",
	})
}

// render executes a page into a buffer first, so a template error is a
// clean 500 and never half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, p page) {
	if u, ok := r.Context().Value(userKey{}).(string); ok {
		p.User = u
	}
	var buf bytes.Buffer
	if err := s.pages[name].Execute(&buf, p); err != nil {
		s.log.Error().Err(err).Str("page", name).Msg("web: rendering failed")
		http.Error(w, "Er ging iets mis.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// documentView is one document as its page shows it.
type documentView struct {
	Kind         string // what it is, in Dutch
	Title        string
	Person       string // a service's contact person
	Organisation string
	OrgURL       string
	Functions    []functionGroup
	Contact      contactView
	HasDetails   bool // functions or contact to show
	Aliases      []string
	Sections     []sectionView
	Holders      []entryView
	People       []mentionView
	Source       string
}

type sectionView struct {
	Heading    string
	Paragraphs []string
}

var kindNames = map[knowledge.Kind]string{
	knowledge.KindPerson:   "Persoon",
	knowledge.KindFunction: "Functiebeschrijving",
	knowledge.KindService:  "Dienst",
	knowledge.KindGeneric:  "Pagina",
}

func (s *Server) newDocumentView(c *catalog, d *knowledge.Document) *documentView {
	v := &documentView{
		Kind:         kindNames[d.Kind],
		Title:        firstNonEmpty(d.Name, d.Title, d.Source),
		Organisation: d.Organisation,
		OrgURL:       orgURL(orgKey(d.Organisation)),
		Functions:    groupFunctions(d.Functions),
		Contact:      s.newContact(d.Contact),
		Aliases:      d.Aliases,
		Source:       d.Source,
	}
	k := v.Contact
	v.HasDetails = len(v.Functions) > 0 || len(k.Phones) > 0 || len(k.Emails) > 0 || k.Address != "" || k.Website != "" || k.Slack != ""
	if d.Kind == knowledge.KindService && d.Title != "" {
		v.Title, v.Person = d.Title, d.Name
	}
	if d.Kind == knowledge.KindFunction {
		v.Title = functionTitle(d)
		v.Holders = c.holdersOf(d)
	}
	for _, m := range d.People {
		v.People = append(v.People, mentionView{Name: m.Name, Role: mentionRole(m)})
	}
	for _, p := range d.Passages {
		text := strings.TrimSpace(p.Text)
		if text == "" {
			continue
		}
		h := strings.TrimSpace(p.Heading)
		if n := len(v.Sections); n == 0 || v.Sections[n-1].Heading != h {
			v.Sections = append(v.Sections, sectionView{Heading: h})
		}
		last := &v.Sections[len(v.Sections)-1]
		last.Paragraphs = append(last.Paragraphs, text)
	}
	return v
}

// orgName is how an organisation is called on its page.
func orgName(name string) string {
	if name == "" {
		return "Zonder organisatie"
	}
	return name
}
