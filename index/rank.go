package index

import (
	"maps"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/wieiswie/wieiswie/knowledge"
)

// rank scores the candidates and, for questions about a person, folds a
// function description into the people who hold that function. seen
// reports, for each concept, whether any candidate has it at all.
func (ix view) rank(q question, cs []concept, hits []hit) (ranked []hit, seen []bool) {
	maxBleve := 0.0
	for _, h := range hits {
		maxBleve = math.Max(maxBleve, h.bleveScore)
	}
	seen = make([]bool, len(cs))
	for i := range hits {
		h := &hits[i]
		h.coverage, h.score, h.roleMatch = ix.score(q, cs, h.doc, seen)
		h.score += rank.bonusBleve * h.bleveScore / math.Max(maxBleve, 1e-9)
	}
	if q.shape != knowledge.ShapeWhatDoesRole {
		hits = ix.foldIntoHolders(q, cs, hits)
	}
	// Ties fall to the source path, so the same question always gets the
	// same first answer whatever order bleve or loading gave.
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].score != hits[j].score {
			return hits[i].score > hits[j].score
		}
		return hits[i].doc.Source < hits[j].doc.Source
	})
	return hits, seen
}

// score returns coverage (the weighted share of the question's required
// concepts that d has, 0..1) and a ranking score that adds where the
// concepts stand and what the question's shape prefers. It marks in seen
// the concepts d has.
//
// An overview page (a generic document: the college and its portfolios, a
// "bij wie kan ik terecht" list, an organogram) names many people, each in
// their own passage; what a question asks must stand together in one
// passage, or "schepen van cultuur" would match a page with "schepen" in
// one line and "cultuur" in another. Such a page is scored by its best
// passage, with its title.
//
// roleMatch is how well the document (or its best passage) shows the roles
// asked, the least of them (1 when none is asked).
func (ix view) score(q question, cs []concept, d *knowledge.Document, seen []bool) (coverage, score, roleMatch float64) {
	ts := ix.docTerms(d)
	roles := ix.docRoles(d)
	if len(ts.passages) == 0 {
		return ix.scoreTerms(q, cs, d, ts.all, ts.strong, roles, 0, seen)
	}
	coverage, score = -1, -1
	mark := make([]bool, len(seen))
	for i, pt := range ts.passages {
		c, s, r := ix.scoreTerms(q, cs, d, pt, ts.strong, roles, d.Passages[i].Line, mark)
		if s > score {
			coverage, score, roleMatch = c, s, r
		}
	}
	for i, m := range mark {
		seen[i] = seen[i] || m
	}
	return coverage, score, roleMatch
}

// scoreTerms scores d as having terms (strong: those of its strong fields;
// roles: the roles it holds). With line > 0 the terms are those of the
// passage at that line: a role named there counts as held (an overview line
// names its holder), and so do the people named there.
func (ix view) scoreTerms(q question, cs []concept, d *knowledge.Document, terms, strong, roles map[string]bool, line int, seen []bool) (coverage, score, roleMatch float64) {
	passage := line > 0
	roleMatch = 1
	var got, total, bonus float64
	for i, c := range cs {
		m, s := 0.0, false
		switch c.kind {
		case "role":
			if roles[c.key] {
				m, s = 1, true
			} else if ix.holdsWithin(d, c.key) {
				m, s = rank.roleWithin, true
			} else if containsAll(terms, ix.analyzeTerms(c.key)) {
				m = rank.roleText
				if passage {
					m, s = rank.rolePassage, true
				}
			}
			if c.roleModifier != "" && m < rank.roleWithin && holdsRoleAbout(d, line, c) {
				m, s = rank.roleWithin, true
			}
			roleMatch = math.Min(roleMatch, m)
		case "name":
			if knowledge.Fold(d.Name) == c.key {
				// Their own card, unless the question asks who does
				// something to them ("wie vervangt Luc Janssens").
				if !c.object {
					m, s = 1, true
				}
			} else if names(d, line, c.key) {
				m, s = rank.nameMentioned, true
			}
		case "word":
			m = matchWord(c, terms)
			// In a title, an object is who the document is, not what
			// it does: the burgemeester does not replace himself.
			s = m > 0 && matchWord(c, strong) > 0 && !c.object
			if c.roleModifier != "" && m < rank.roleWithin && holdsRoleAbout(d, line, c) {
				m, s = rank.roleWithin, true
			}
		}
		if m > 0 {
			seen[i] = true
		}
		if s {
			bonus += c.weight
		}
		if c.optional || c.oov && m == 0 {
			bonus += c.weight * m
			continue
		}
		got += c.weight * m
		total += c.weight
	}
	if total == 0 {
		// Only optional words: coverage is how many of them it has.
		return math.Min(1, bonus), bonus, roleMatch
	}
	coverage = got / total
	score = coverage + rank.bonusStrong*bonus/total
	if q.shape != knowledge.ShapeWhatDoesRole && namesSomeone(d, line) {
		// Whoever asks "wie" wants a person: a page or a line that names
		// one beats one that only explains.
		score += rank.bonusPerson
	}
	switch {
	case d.Kind != knowledge.KindFunction:
	case q.shape == knowledge.ShapeWhatDoesRole:
		score += rank.descriptionWhat
	case len(d.Holders) == 0 && q.shape != knowledge.ShapeWhoHandles:
		// A description nobody is known to hold cannot say who it is.
		score += rank.descriptionUnheld
	default:
		score += rank.descriptionOther
	}
	return coverage, score, roleMatch
}

// holdsRoleAbout reports whether d holds, or names on the passage at line
// (when line > 0) someone holding, a role whose title is about c's
// modifier: a "jeugdconsulent" is what a question's "jeugdambtenaar" asks
// for. The title may also be about one of the question's other words: the
// sportfunctionaris is the "beleidsmedewerker sport".
func holdsRoleAbout(d *knowledge.Document, line int, c concept) bool {
	about := func(title string) bool {
		for _, w := range strings.Fields(knowledge.Fold(title)) {
			m, _, ok := knowledge.RoleHead(w)
			if ok && (aboutSame(m, c.roleModifier) || slices.ContainsFunc(c.alsoAbout, func(a string) bool { return aboutSame(m, a) })) {
				return true
			}
		}
		return false
	}
	modifier := c.roleModifier
	if line == 0 {
		for _, t := range roleTitles(d) {
			if about(t) {
				return true
			}
		}
	}
	for _, p := range d.People {
		if line == 0 || p.Line == line {
			for _, t := range p.Titles {
				if about(t) {
					return true
				}
			}
			// "Privacy: Sofie Vanmechelen, DPO" is the one for privacy,
			// "Archief en stamboomonderzoek: …" for stamboomonderzoek.
			for _, w := range strings.Fields(knowledge.Fold(p.Topic)) {
				if aboutSame(w, modifier) {
					return true
				}
			}
		}
	}
	return false
}

// aboutSame reports whether two role modifiers are about the same: equal,
// or one the first part of the other, as "cultuur" of the
// cultuurbeleidscoördinator and "cultuurdienst" (a part of four letters at
// least, so "ict" is no "ictus").
func aboutSame(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	return a == b || len(b) >= 4 && strings.HasPrefix(a, b)
}

// namesSomeone reports whether d is about a person or, for line > 0, the
// passage at line names one.
func namesSomeone(d *knowledge.Document, line int) bool {
	if d.Name != "" || len(d.Holders) > 0 || len(d.HolderMentions) > 0 {
		return true
	}
	for _, m := range d.People {
		if line == 0 || m.Line == line {
			return true
		}
	}
	return false
}

// names reports whether d names the person key (folded) among its People,
// on the passage at line when line > 0.
func names(d *knowledge.Document, line int, key string) bool {
	for _, m := range d.People {
		if (line == 0 || m.Line == line) && knowledge.Fold(m.Name) == key {
			return true
		}
	}
	return false
}

// matchWord says how well a document's terms show word concept c: its own
// stem 1, a compound that starts with it 0.8, some of its parts less.
func matchWord(c concept, terms map[string]bool) float64 {
	for _, t := range c.terms {
		if terms[t] {
			return 1
		}
	}
	for _, t := range c.terms {
		if len(t) >= 5 {
			for dt := range terms {
				if len(dt) > len(t) && strings.HasPrefix(dt, t) {
					return rank.wordPrefix
				}
			}
		}
	}
	if len(c.parts) == 0 {
		return 0
	}
	// The parts a document has, each weighed by its rarity: in
	// "sportambtenaar" the modifier "sport" says more than the head
	// "ambtenaar", which half the staff pages have.
	var got, all float64
	for _, p := range c.parts {
		w := idf(c.df[p], c.n)
		all += w
		if terms[p] {
			got += w
		}
	}
	if all == 0 {
		return 0
	}
	return rank.wordParts * got / all
}

func containsAll(terms map[string]bool, want []string) bool {
	for _, w := range want {
		if !terms[w] {
			return false
		}
	}
	return len(want) > 0
}

// docTerms returns the analysed terms of a whole document, and those of its
// strong fields (name, roles, aliases, title). Popular documents come back
// question after question, so the terms are cached.
func (ix view) docTerms(d *knowledge.Document) docTermSet {
	if t, ok := ix.terms.get(d.Source); ok {
		return t
	}
	t := ix.analyzeDoc(d)
	ix.terms.put(d.Source, t)
	return t
}

func (ix view) analyzeDoc(d *knowledge.Document) docTermSet {
	r := ix.record(d)
	t := docTermSet{all: map[string]bool{}, strong: map[string]bool{}}
	for _, tok := range ix.analyze(r.Text) {
		t.all[string(tok.Term)] = true
	}
	for _, s := range append(append([]string{d.Name, d.Title}, r.Role...), d.Aliases...) {
		for _, tok := range ix.analyze(s) {
			t.strong[string(tok.Term)] = true
		}
	}
	if d.Kind == knowledge.KindGeneric {
		for _, p := range d.Passages {
			// A passage stands under the document's title and strong fields.
			pt := maps.Clone(t.strong)
			for _, tok := range ix.analyze(p.Heading + "\n" + p.Text) {
				pt[string(tok.Term)] = true
			}
			t.passages = append(t.passages, pt)
		}
	}
	return t
}

func (ix view) analyzeTerms(s string) []string {
	var out []string
	for _, t := range ix.analyze(s) {
		out = append(out, string(t.Term))
	}
	return out
}

// holdsWithin reports whether d holds a function whose title contains role.
func (ix view) holdsWithin(d *knowledge.Document, role string) bool {
	forms := ix.roleForms(role)
	for _, t := range roleTitles(d) {
		if within(knowledge.Fold(t), forms) {
			return true
		}
	}
	return false
}

// docRoles returns the canonical roles (and bodies) a document holds or
// describes.
func (ix view) docRoles(d *knowledge.Document) map[string]bool {
	out := map[string]bool{}
	for _, t := range roleTitles(d) {
		out[ix.roles.Canonical(t)] = true
	}
	for _, f := range d.Functions {
		if f.Body != "" {
			out[ix.roles.Canonical(f.Body)] = true
		}
	}
	for _, a := range d.Aliases {
		out[ix.roles.Canonical(a)] = true
	}
	if (d.Kind == knowledge.KindService || d.Kind == knowledge.KindGeneric) && d.Title != "" {
		// A service's page is the service; an overview page titled by a
		// body ("College van burgemeester en schepenen") is that body's.
		out[ix.roles.Canonical(titleRole(d))] = true
	}
	return out
}

// foldIntoHolders replaces a function description by the people holding the
// function: someone asking "wie" wants a person, and the description only
// explains why. The person keeps the better of both scores. A description
// held only by a service page stays: it names the holder (see answer) and
// says what the task is, which the service page may not.
func (ix view) foldIntoHolders(q question, cs []concept, hits []hit) []hit {
	// Where each document stands: in hits, or (when it came in only as
	// a holder) in extra.
	byDoc := map[string]*hit{}
	for i := range hits {
		byDoc[hits[i].doc.Source] = &hits[i]
	}
	var out []hit
	var extra []*hit
	for _, h := range hits {
		holders := ix.holders(q, h.doc)
		if h.doc.Kind != knowledge.KindFunction || len(holders) == 0 {
			out = append(out, h)
			continue
		}
		for _, src := range holders {
			holder := ix.docs[src]
			if holder == nil || (q.org != "" && !sameOrg(holder.Organisation, q.org)) {
				continue
			}
			if o, ok := byDoc[src]; ok {
				if h.score > o.score {
					o.score, o.coverage, o.via = h.score, math.Max(h.coverage, o.coverage), h.doc
					o.roleMatch = math.Max(o.roleMatch, h.roleMatch)
				}
				continue
			}
			e := &hit{doc: holder, coverage: h.coverage, score: h.score, roleMatch: h.roleMatch, via: h.doc}
			extra = append(extra, e)
			byDoc[src] = e
		}
	}
	// Re-read the scores updated in place.
	for i := range out {
		out[i] = *byDoc[out[i].doc.Source]
	}
	for _, e := range extra {
		out = append(out, *e)
	}
	return out
}

// holders returns the documents that answer for the function d describes:
// the people holding it, and for a question about who someone is also the
// service and overview pages that name the holder, unless d is itself the
// holder's page (their name and contact). For a question about a
// task, a description held by no person's card stays the answer: it says
// what the task is, and names the holder (see answer).
func (ix view) holders(q question, d *knowledge.Document) []string {
	var out []string
	for _, src := range d.Holders {
		if h := ix.docs[src]; h != nil && (h.Kind == knowledge.KindPerson || q.shape != knowledge.ShapeWhoHandles) {
			out = append(out, src)
		}
	}
	// A description that names its holder with their contact details is
	// the holder's own page: an overview line that mentions them says less.
	ownPage := d.Name != "" && (len(d.Contact.Phones) > 0 || len(d.Contact.Emails) > 0)
	if q.shape != knowledge.ShapeWhoHandles && len(out) == 0 && !ownPage {
		for _, ref := range d.HolderMentions {
			src, _, _ := strings.Cut(ref, "#")
			if !slices.Contains(out, src) {
				out = append(out, src)
			}
		}
	}
	return out
}

func sameOrg(a, b string) bool { return knowledge.Fold(a) == knowledge.Fold(b) }
