package index

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	bleveindex "github.com/blevesearch/bleve_index_api"

	"github.com/wieiswie/wieiswie/knowledge"
)

// Confidence thresholds on coverage, the weighted share of what the question
// asks about that a document has (see score). Calibrated on the sample
// questions with `wieiswie eval`: below answerAt the bot offers "Bedoelde
// je …?", below suggestAt it says it found nothing.
const (
	answerAt  = 0.74
	suggestAt = 0.5
	// candidates is how many bleve hits are re-ranked.
	candidates = 25
	// maxQuestion bounds what is read of a question; nobody asks in 500 characters
	// what they could not ask in 300.
	maxQuestion = 500
)

// Ask answers one question with at most top answers (0: 3). It reads one
// snapshot of the knowledge, so an Update meanwhile never mixes two.
func (ix *Index) Ask(ctx context.Context, text string, top int) (Result, error) {
	return ix.view().ask(ctx, text, top)
}

func (ix view) ask(ctx context.Context, text string, top int) (Result, error) {
	start := time.Now()
	if top <= 0 {
		top = 3
	}
	text = cleanQuestion(text)
	q := ix.understand(ctx, text)
	res := Result{Question: text, Shape: q.shape, Topic: q.topic}
	defer func() { res.Took = time.Since(start) }()

	cs := ix.concepts(ctx, q)
	if len(cs) == 0 || ix.unheldRole(q) {
		res.Outcome = NotFound
		res.Known = ix.known()
		res.Took = time.Since(start)
		return res, nil
	}
	hits, err := ix.search(ctx, q, cs)
	if err != nil {
		return res, fmt.Errorf("search %q: %w", text, err)
	}
	ranked, unmatched := ix.rank(q, cs, hits)
	res.Outcome = outcome(q, ranked)
	if unmatched {
		// Part of the question is about something no candidate has
		// ("de schepen van landbouw" where no schepen has landbouw):
		// naming a schepen anyway would be a wrong answer.
		res.Outcome = NotFound
	}
	if res.Outcome == NotFound {
		res.Known = ix.known()
	} else {
		for _, c := range ranked {
			if len(res.Answers) == top || c.coverage < suggestAt {
				break
			}
			res.Answers = append(res.Answers, ix.answer(q, cs, c))
		}
	}
	res.Took = time.Since(start)
	return res, nil
}

// cleanQuestion keeps a question to a sane length and drops control
// characters and invalid bytes, so nothing odd reaches the analyzers.
func cleanQuestion(s string) string {
	s = strings.ToValidUTF8(s, " ")
	if len(s) > maxQuestion {
		s = s[:maxQuestion]
		for !utf8.ValidString(s) {
			s = s[:len(s)-1]
		}
	}
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// unheldRole reports whether the question names a role that no document (of
// the organisation asked about) holds: we know the title, not who holds it,
// and naming the holder of something else would be wrong.
func (ix view) unheldRole(q question) bool {
	for _, r := range q.roles {
		if !ix.vocab.held[r] && !ix.vocab.heldWithin(ix.roleForms(r)) {
			return true
		}
	}
	return false
}

// roleForms returns the folded titles of a canonical role: itself and its
// equivalents.
func (ix view) roleForms(role string) []string {
	forms := []string{role}
	for _, v := range ix.roles.Group(role) {
		forms = append(forms, knowledge.Fold(v))
	}
	return forms
}

// within reports whether one of forms stands as whole words inside title:
// an "eerste schepen" is a schepen, a "schepen van financiën" too.
func within(title string, forms []string) bool {
	t := " " + title + " "
	for _, f := range forms {
		if strings.Contains(t, " "+f+" ") {
			return true
		}
	}
	return false
}

// concept is one thing a question asks about: a role, a person or a word.
type concept struct {
	kind   string   // "role", "name" or "word"
	key    string   // canonical role, folded name, or the word
	terms  []string // analysed terms that show it in a text: a word's own stem first
	parts  []string // compound parts of a word
	weight float64
	// optional concepts raise a document that has them but do not count
	// against one that has not.
	optional bool
	// df holds the document frequency of each term (words only); common
	// words are in more than one document in twenty.
	df     map[string]int
	common bool
}

func (ix view) concepts(ctx context.Context, q question) []concept {
	var cs []concept
	for _, r := range q.roles {
		c := concept{kind: "role", key: r, weight: 1.5}
		for _, v := range append([]string{r}, ix.roles.Group(r)...) {
			for _, t := range ix.analyze(v) {
				c.terms = appendNew(c.terms, string(t.Term))
			}
		}
		cs = append(cs, c)
	}
	for _, n := range q.names {
		cs = append(cs, concept{kind: "name", key: n, weight: 1.5, terms: strings.Fields(n)})
	}
	var all []string
	for _, w := range q.words {
		c := concept{kind: "word", key: w.text, optional: w.optional}
		for _, v := range w.variants {
			toks := ix.analyze(v)
			for i, t := range toks {
				if i == 0 || t.Position != toks[i-1].Position {
					c.terms = appendNew(c.terms, string(t.Term))
				} else {
					c.parts = appendNew(c.parts, string(t.Term))
				}
			}
		}
		if len(c.terms) == 0 {
			continue // a stop word of the analyzer
		}
		all = append(all, c.terms...)
		all = append(all, c.parts...)
		cs = append(cs, c)
	}
	df, n := ix.docFreq(ctx, all)
	maxIDF := idf(0, n)
	for i := range cs {
		c := &cs[i]
		if c.kind != "word" {
			continue
		}
		known := false
		best := 0
		for _, t := range append(append([]string{}, c.terms...), c.parts...) {
			if df[t] > 0 {
				known = true
				best = max(best, df[t])
			}
		}
		if !known {
			if fixed := ix.correct(ctx, c.terms[0]); fixed != "" {
				c.terms = append(c.terms, fixed)
				best = 1
				known = true
			}
		}
		c.weight = 0.3 + 0.7*idf(best, n)/maxIDF
		c.df = df
		c.common = best > n/20
		if c.optional {
			c.weight *= 0.5
		}
	}
	return cs
}

func idf(df, n int) float64 { return math.Log(1 + float64(n+1)/(float64(df)+0.5)) }

func appendNew(list []string, s string) []string {
	for _, o := range list {
		if o == s {
			return list
		}
	}
	return append(list, s)
}

// correct returns the indexed term closest to an unknown term (a typo), or
// "" when there is none near enough. Fuzzy matching is tried only here, for
// words the knowledge base does not have, so it never blurs exact answers.
func (ix view) correct(ctx context.Context, term string) string {
	fuzz := 0
	switch {
	case len(term) >= 8:
		fuzz = 2
	case len(term) >= 5:
		fuzz = 1
	default:
		return ""
	}
	r, err := ix.reader()
	if err != nil {
		return ""
	}
	defer r.Close()
	fr, ok := r.(bleveindex.IndexReaderFuzzy)
	if !ok {
		return ""
	}
	dict, err := fr.FieldDictFuzzy(fieldText, term, fuzz, term[:1])
	if err != nil {
		return ""
	}
	defer dict.Close()
	best, bestCount := "", uint64(0)
	for e, err := dict.Next(); err == nil && e != nil; e, err = dict.Next() {
		if e.Count > bestCount {
			best, bestCount = e.Term, e.Count
		}
	}
	return best
}

// wordFields are where a word is searched, and how much a match there counts.
var wordFields = []struct {
	field string
	boost float64
}{{fieldRole, 4}, {fieldAlias, 4}, {fieldTitle, 2}, {fieldBody, 2}, {fieldText, 1}}

// search asks bleve for candidates: every concept in the fields where it
// counts most, roles and names as phrases, within the organisation named.
func (ix view) search(ctx context.Context, q question, cs []concept) ([]hit, error) {
	var should []query.Query
	add := func(qq query.Query) { should = append(should, qq) }
	for _, c := range cs {
		switch c.kind {
		case "role":
			p := bleve.NewMatchPhraseQuery(c.key)
			p.SetField(fieldRole)
			p.SetBoost(8)
			add(p)
			m := bleve.NewMatchQuery(c.key)
			m.SetField(fieldText)
			add(m)
		case "name":
			p := bleve.NewMatchPhraseQuery(c.key)
			p.SetField(fieldName)
			p.SetBoost(8)
			add(p)
		case "word":
			// A common word only in the text field, and a prefix query only
			// for a word no document has as such (sport → sportbeleid): the
			// long posting lists are what a question costs at 100,000
			// documents, and ranking re-scores every candidate anyway.
			for _, t := range append(append([]string{}, c.terms...), c.parts...) {
				for _, f := range wordFields {
					if c.common && f.field != fieldText {
						continue
					}
					tq := bleve.NewTermQuery(t)
					tq.SetField(f.field)
					tq.SetBoost(f.boost * c.weight)
					add(tq)
				}
				if len(t) >= 5 && c.df[t] == 0 {
					pq := bleve.NewPrefixQuery(t)
					pq.SetField(fieldText)
					pq.SetBoost(0.5 * c.weight)
					add(pq)
				}
			}
		}
	}
	var qq query.Query = bleve.NewDisjunctionQuery(should...)
	if q.org != "" {
		o := bleve.NewTermQuery(knowledge.Fold(q.org))
		o.SetField(fieldOrg)
		none := bleve.NewTermQuery(noOrganisation)
		none.SetField(fieldOrg)
		qq = bleve.NewConjunctionQuery(qq, bleve.NewDisjunctionQuery(o, none))
	}
	req := bleve.NewSearchRequestOptions(qq, candidates, 0, false)
	sr, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	hits := make([]hit, 0, len(sr.Hits))
	for _, h := range sr.Hits {
		if d := ix.docs[h.ID]; d != nil {
			hits = append(hits, hit{doc: d, bm25: h.Score})
		}
	}
	return hits, nil
}

// hit is a candidate document with its scores.
type hit struct {
	doc      *knowledge.Document
	bm25     float64
	coverage float64 // weighted share of the required concepts it has
	score    float64 // what candidates are ranked by
	// via is the function description that brought a person in, if any.
	via *knowledge.Document
}

// rank scores the candidates and, for questions about a person, folds a
// function description into the people who hold that function. unmatched
// reports a required word that no candidate has at all.
func (ix view) rank(q question, cs []concept, hits []hit) (ranked []hit, unmatched bool) {
	maxBM := 0.0
	for _, h := range hits {
		maxBM = math.Max(maxBM, h.bm25)
	}
	seen := make([]bool, len(cs))
	for i := range hits {
		h := &hits[i]
		h.coverage, h.score = ix.score(q, cs, h.doc, seen)
		h.score += 0.05 * h.bm25 / math.Max(maxBM, 1e-9)
	}
	for i, c := range cs {
		if c.kind == "word" && !c.optional && !seen[i] {
			unmatched = true
		}
	}
	if q.shape != ShapeWhatDoesRole {
		hits = ix.foldIntoHolders(q, cs, hits)
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].score > hits[j].score })
	return hits, unmatched
}

// score returns coverage (the weighted share of the question's required
// concepts that d has, 0..1) and a ranking score that adds where the
// concepts stand and what the question's shape prefers. It marks in seen
// the concepts d has.
func (ix view) score(q question, cs []concept, d *knowledge.Document, seen []bool) (coverage, score float64) {
	terms, strong := ix.docTerms(d)
	roles := ix.docRoles(d)
	var got, total, bonus float64
	for i, c := range cs {
		m, s := 0.0, false
		switch c.kind {
		case "role":
			if roles[c.key] {
				m, s = 1, true
			} else if ix.holdsWithin(d, c.key) {
				m, s = 0.9, true
			} else if containsAll(terms, ix.analyzeTerms(c.key)) {
				m = 0.6
			}
		case "name":
			if knowledge.Fold(d.Name) == c.key {
				m, s = 1, true
			}
		case "word":
			m = matchWord(c, terms)
			s = m > 0 && matchWord(c, strong) > 0
		}
		if m > 0 {
			seen[i] = true
		}
		if s {
			bonus += c.weight
		}
		if c.optional {
			bonus += c.weight * m
			continue
		}
		got += c.weight * m
		total += c.weight
	}
	if total == 0 {
		// Only optional words: coverage is how many of them it has.
		return math.Min(1, bonus), bonus
	}
	coverage = got / total
	score = coverage + 0.1*bonus/total
	switch {
	case q.shape == ShapeWhatDoesRole && d.Kind == knowledge.KindFunction:
		score += 0.1
	case q.shape != ShapeWhatDoesRole && d.Kind == knowledge.KindFunction:
		score -= 0.02
	}
	return coverage, score
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
					return 0.8
				}
			}
		}
	}
	if len(c.parts) == 0 {
		return 0
	}
	n := 0
	for _, p := range c.parts {
		if terms[p] {
			n++
		}
	}
	return 0.7 * float64(n) / float64(len(c.parts))
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
func (ix view) docTerms(d *knowledge.Document) (all, strong map[string]bool) {
	if t, ok := ix.terms.get(d.Source); ok {
		return t.all, t.strong
	}
	all, strong = ix.analyzeDoc(d)
	ix.terms.put(d.Source, docTermSet{all, strong})
	return all, strong
}

func (ix view) analyzeDoc(d *knowledge.Document) (all, strong map[string]bool) {
	r := ix.record(d)
	all, strong = map[string]bool{}, map[string]bool{}
	for _, t := range ix.analyze(r.Text) {
		all[string(t.Term)] = true
	}
	for _, s := range append(append([]string{d.Name, d.Title}, r.Role...), d.Aliases...) {
		for _, t := range ix.analyze(s) {
			strong[string(t.Term)] = true
		}
	}
	return all, strong
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
	return out
}

// foldIntoHolders replaces a function description by the people holding the
// function: someone asking "wie" wants a person, and the description only
// explains why. The person keeps the better of both scores.
func (ix view) foldIntoHolders(q question, cs []concept, hits []hit) []hit {
	byDoc := map[string]int{}
	for i, h := range hits {
		byDoc[h.doc.Source] = i
	}
	out := hits[:0:0]
	var extra []hit
	for _, h := range hits {
		if h.doc.Kind != knowledge.KindFunction || len(h.doc.Holders) == 0 {
			out = append(out, h)
			continue
		}
		for _, src := range h.doc.Holders {
			holder := ix.docs[src]
			if holder == nil || (q.org != "" && !sameOrg(holder.Organisation, q.org)) {
				continue
			}
			if i, ok := byDoc[src]; ok {
				if h.score > hits[i].score {
					hits[i].score, hits[i].coverage, hits[i].via = h.score, math.Max(h.coverage, hits[i].coverage), h.doc
				}
				continue
			}
			extra = append(extra, hit{doc: holder, coverage: h.coverage, score: h.score, via: h.doc})
			byDoc[src] = -1
		}
	}
	// Re-read the scores updated in place.
	for i := range out {
		if j, ok := byDoc[out[i].doc.Source]; ok && j >= 0 {
			out[i] = hits[j]
		}
	}
	return append(out, extra...)
}

func sameOrg(a, b string) bool { return knowledge.Fold(a) == knowledge.Fold(b) }

// outcome decides between an answer, a short list and "not found".
func outcome(q question, ranked []hit) Outcome {
	if len(ranked) == 0 || ranked[0].coverage < suggestAt {
		return NotFound
	}
	if ranked[0].coverage < answerAt {
		return Ambiguous
	}
	// Several organisations could answer and the question named none.
	if q.org == "" && len(ranked) > 1 {
		a, b := ranked[0], ranked[1]
		if b.coverage >= answerAt && a.score-b.score < 0.02 && !sameOrg(a.doc.Organisation, b.doc.Organisation) {
			return Ambiguous
		}
	}
	return Answered
}

// known returns a few role titles the knowledge base does know, as a hint.
func (ix view) known() []string {
	const n = 6
	if len(ix.vocab.known) <= n {
		return ix.vocab.known
	}
	return ix.vocab.known[:n]
}

// answer turns a ranked hit into an Answer with its best passage.
func (ix view) answer(q question, cs []concept, h hit) Answer {
	d := h.doc
	a := Answer{
		Source: d.Source, Title: d.Title, Kind: d.Kind, Organisation: d.Organisation,
		Name: d.Name, Functions: d.Functions, Contact: d.Contact, Score: round(h.score),
	}
	a.Excerpt = ix.excerpt(cs, d)
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
	}
	return a
}

func round(f float64) float64 { return math.Round(f*1000) / 1000 }
