package web

import (
	"cmp"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wieiswie/wieiswie/knowledge"
)

// noOrgKey stands in the URL for the documents without an organisation.
const noOrgKey = "-"

// catalog is the documents grouped for browsing: per organisation its
// bodies with the people in them, its services, its function descriptions
// and its other pages. It is made again only when the knowledge changes.
type catalog struct {
	docs     []knowledge.Document // what it was made from
	orgs     []*orgView
	byKey    map[string]*orgView
	bySource map[string]*knowledge.Document
}

type orgView struct {
	Name      string
	URL       string
	Bodies    []*bodyView
	Services  []entryView
	Functions []entryView // function descriptions
	Pages     []pageView  // overview and other pages, with the people they name
	People    int         // people and services with a page of their own
}

type bodyView struct {
	Name    string
	Members []memberView
}

type memberView struct {
	Name   string
	URL    string
	Titles []string
}

type entryView struct {
	Title  string
	URL    string
	Detail string
}

type pageView struct {
	Title  string
	URL    string
	People []mentionView
}

type mentionView struct {
	Name string
	Role string
}

// catalog returns the catalog of the current documents.
func (s *Server) currentCatalog() *catalog {
	docs := s.lib.Documents()
	s.mu.Lock()
	defer s.mu.Unlock()
	if c := s.catalog; c != nil && sameSlice(c.docs, docs) {
		return c
	}
	s.catalog = newCatalog(docs)
	return s.catalog
}

// sameSlice reports whether a and b are the same slice (not merely equal):
// Documents returns the same one until the knowledge changes.
func sameSlice(a, b []knowledge.Document) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

func newCatalog(docs []knowledge.Document) *catalog {
	c := &catalog{docs: docs, byKey: map[string]*orgView{}, bySource: map[string]*knowledge.Document{}}
	bodies := map[*orgView]map[string]*bodyView{}
	for i := range docs {
		d := &docs[i]
		c.bySource[d.Source] = d
		org := c.org(d.Organisation)
		switch d.Kind {
		case knowledge.KindFunction:
			org.Functions = append(org.Functions, entryView{Title: functionTitle(d), URL: documentURL(d.Source)})
			continue
		case knowledge.KindService:
			org.Services = append(org.Services, entryView{Title: d.Title, URL: documentURL(d.Source), Detail: d.Name})
		case knowledge.KindGeneric:
			p := pageView{Title: d.Title, URL: documentURL(d.Source)}
			for _, m := range d.People {
				p.People = append(p.People, mentionView{Name: m.Name, Role: mentionRole(m)})
			}
			org.Pages = append(org.Pages, p)
			continue
		}
		if d.Kind == knowledge.KindPerson || d.Name != "" {
			org.People++
		}
		name := firstNonEmpty(d.Name, d.Title, d.Source)
		for _, g := range groupFunctionsByBody(d.Functions) {
			if bodies[org] == nil {
				bodies[org] = map[string]*bodyView{}
			}
			b := bodies[org][strings.ToLower(g.body)]
			if b == nil {
				b = &bodyView{Name: g.body}
				bodies[org][strings.ToLower(g.body)] = b
				org.Bodies = append(org.Bodies, b)
			}
			b.Members = append(b.Members, memberView{Name: name, URL: documentURL(d.Source), Titles: g.titles})
		}
	}
	for _, o := range c.orgs {
		slices.SortFunc(o.Bodies, func(a, b *bodyView) int { return cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)) })
		for _, b := range o.Bodies {
			slices.SortStableFunc(b.Members, func(x, y memberView) int {
				return cmp.Or(cmp.Compare(strings.ToLower(strings.Join(x.Titles, ", ")), strings.ToLower(strings.Join(y.Titles, ", "))),
					cmp.Compare(x.Name, y.Name))
			})
		}
		slices.SortStableFunc(o.Functions, func(a, b entryView) int { return cmp.Compare(strings.ToLower(a.Title), strings.ToLower(b.Title)) })
	}
	slices.SortFunc(c.orgs, func(a, b *orgView) int {
		if (a.Name == "") != (b.Name == "") { // the documents without an organisation last
			if a.Name == "" {
				return 1
			}
			return -1
		}
		return cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
	})
	return c
}

// org returns the organisation named name, made on first use.
func (c *catalog) org(name string) *orgView {
	name = strings.TrimSpace(name)
	key := orgKey(name)
	if o := c.byKey[key]; o != nil {
		return o
	}
	o := &orgView{Name: name, URL: "/organisatie/" + url.PathEscape(key)}
	c.byKey[key] = o
	c.orgs = append(c.orgs, o)
	return o
}

func orgKey(name string) string {
	if name == "" {
		return noOrgKey
	}
	return name
}

type bodyFunctions struct {
	body   string
	titles []string
}

// groupFunctionsByBody lists, per body, the titles held in it; a function
// without a body is held in "Overige functies".
func groupFunctionsByBody(fns []knowledge.Function) []bodyFunctions {
	var out []bodyFunctions
	at := map[string]int{}
	for _, f := range fns {
		body, title := strings.TrimSpace(f.Body), strings.TrimSpace(f.Title)
		if body == "" {
			body = "Overige functies"
		}
		i, ok := at[strings.ToLower(body)]
		if !ok {
			i = len(out)
			at[strings.ToLower(body)] = i
			out = append(out, bodyFunctions{body: body})
		}
		if title != "" && !slices.Contains(out[i].titles, title) {
			out[i].titles = append(out[i].titles, title)
		}
	}
	return out
}

// functionTitle is what a function description describes.
func functionTitle(d *knowledge.Document) string {
	if r := strings.TrimSpace(d.Role); r != "" {
		first, size := utf8.DecodeRuneInString(r)
		return string(unicode.ToUpper(first)) + r[size:]
	}
	return d.Title
}

// mentionRole is what a page makes someone: their titles, else the topic.
func mentionRole(m knowledge.Mention) string {
	if len(m.Titles) > 0 {
		return strings.Join(m.Titles, ", ")
	}
	return m.Topic
}

// holdersOf lists who holds the role a function description describes:
// the people with their own page, then the people an overview page names.
func (c *catalog) holdersOf(d *knowledge.Document) []entryView {
	var out []entryView
	for _, src := range d.Holders {
		if h := c.bySource[src]; h != nil {
			out = append(out, entryView{Title: firstNonEmpty(h.Name, h.Title), URL: documentURL(src), Detail: h.Organisation})
		}
	}
	for _, at := range d.HolderMentions {
		src, lineText, _ := strings.Cut(at, "#")
		line, _ := strconv.Atoi(lineText)
		page := c.bySource[src]
		if page == nil {
			continue
		}
		for _, m := range page.People {
			if m.Line == line {
				out = append(out, entryView{Title: m.Name, URL: documentURL(src), Detail: "genoemd in " + page.Title})
				break
			}
		}
	}
	return out
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x = strings.TrimSpace(x); x != "" {
			return x
		}
	}
	return ""
}
