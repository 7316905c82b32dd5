package index

import (
	"math"
	"strconv"
	"strings"

	"github.com/wieiswie/wieiswie/knowledge"
)

// Index answers questions for whoever asks, in the words of the domain
// (knowledge.Result); nothing it returns is a bleve type.
var _ knowledge.Asker = (*Index)(nil)

// known returns a few role titles the knowledge base does know, as a hint.
func (ix view) known() []string {
	const n = 6
	if len(ix.vocab.known) <= n {
		return ix.vocab.known
	}
	return ix.vocab.known[:n]
}

// answer turns a ranked hit into an Answer with its best passage.
func (ix view) answer(q question, cs []concept, h hit) knowledge.Answer {
	d := h.doc
	a := knowledge.Answer{
		Source: d.Source, Title: d.Title, Kind: d.Kind, Organisation: d.Organisation,
		Name: d.Name, Functions: d.Functions, Contact: d.Contact, Score: round(h.score),
	}
	var at int
	at, a.Excerpt = ix.bestPassage(cs, d, a.Name == "" && q.shape != knowledge.ShapeWhatDoesRole)
	if a.Name == "" && at >= 0 {
		ix.namePerson(&a, cs, q.roles, d, d.Passages[at].Line)
	}
	if h.via != nil && len(a.Excerpt.Highlights) == 0 {
		// The person's own card says nothing about it; the description does.
		a.Excerpt = ix.excerpt(cs, h.via)
	}
	if d.Kind == knowledge.KindFunction && a.Name == "" {
		// A function description still names who holds the function.
		var names []string
		for _, src := range d.Holders {
			if p := ix.docs[src]; p != nil && p.Name != "" {
				names = append(names, p.Name)
				if a.Contact.Empty() {
					a.Contact = p.Contact
				}
				if len(a.Functions) == 0 {
					a.Functions = p.Functions
				}
			}
		}
		a.Name = strings.Join(names, ", ")
		if a.Name == "" {
			// Or an overview page names them.
			for _, ref := range d.HolderMentions {
				src, line, _ := strings.Cut(ref, "#")
				if o := ix.docs[src]; o != nil {
					n, _ := strconv.Atoi(line)
					ix.namePerson(&a, cs, []string{d.Role}, o, n)
				}
				if a.Name != "" {
					break
				}
			}
		}
	}
	return a
}

// namePerson names in a the person the passage of d at line names: an
// overview page answers with the person on the line it quotes. Of several,
// the one holding one of roles, else the one whose titles and topic have
// the most of what was asked (cs). Their own document, if any, gives their
// functions and contact.
func (ix view) namePerson(a *knowledge.Answer, cs []concept, roles []string, d *knowledge.Document, line int) {
	var found *knowledge.Mention
	best := -1
	for i := range d.People {
		m := &d.People[i]
		if m.Line != line {
			continue
		}
		n := 0
		for _, r := range roles {
			if m.Holds(r, ix.roles) {
				n += 100
			}
		}
		terms := map[string]bool{}
		for _, t := range ix.analyze(m.Topic + "\n" + strings.Join(m.Titles, "\n")) {
			terms[string(t.Term)] = true
		}
		for _, c := range cs {
			if matchWord(c, terms) >= fullMatch {
				n++
			}
		}
		if n > best {
			found, best = m, n
		}
	}
	if found == nil {
		return
	}
	a.Name = found.Name
	if src, ok := ix.vocab.people[personKey{knowledge.Fold(d.Organisation), knowledge.Fold(found.Name)}]; ok {
		p := ix.docs[src]
		a.Functions, a.Contact = p.Functions, p.Contact
		return
	}
	a.Functions = nil
	for _, t := range found.Titles {
		a.Functions = append(a.Functions, knowledge.Function{Title: t})
	}
}

func round(f float64) float64 { return math.Round(f*1000) / 1000 }
