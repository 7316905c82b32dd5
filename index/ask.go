package index

import (
	"context"
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	bleveindex "github.com/blevesearch/bleve_index_api"

	"github.com/wieiswie/wieiswie/knowledge"
)

// maxQuestion bounds what is read of a question; nobody asks in 500
// characters what they could not ask in 300.
const maxQuestion = 500

// Ask answers one question with at most top answers (0: 3). It reads one
// snapshot of the knowledge, so an Update meanwhile never mixes two.
func (ix *Index) Ask(ctx context.Context, text string, top int) (knowledge.Result, error) {
	return ix.view().ask(ctx, text, top)
}

func (ix view) ask(ctx context.Context, text string, top int) (res knowledge.Result, err error) {
	start := time.Now()
	defer func() { res.Took = time.Since(start) }()
	if top <= 0 {
		top = 3
	}
	text = cleanQuestion(text)
	q := ix.understand(ctx, text)
	res = knowledge.Result{Question: text, Shape: q.shape, Topic: q.topic}

	cs, ranked, f, err := ix.candidates(ctx, q)
	if err != nil {
		return res, fmt.Errorf("search %q: %w", text, err)
	}
	res.Outcome = decide(shippedModel, q, ranked, f)
	if q.unknownPlace != "" {
		res.UnknownPlace, res.Known = q.unknownPlace, ix.vocab.orgNames
		return res, nil
	}
	if res.Outcome == knowledge.NotFound {
		res.Known = ix.known()
		return res, nil
	}
	for _, c := range ranked {
		if len(res.Answers) == top {
			break
		}
		res.Answers = append(res.Answers, ix.answer(q, cs, c))
	}
	return res, nil
}

// candidates ranks the documents that may answer q and returns the evidence
// for answering with the first (see features).
func (ix view) candidates(ctx context.Context, q question) ([]concept, []hit, features, error) {
	cs := ix.concepts(ctx, q)
	if len(cs) == 0 {
		return nil, nil, nil, nil
	}
	hits, err := ix.search(ctx, q, cs)
	if err != nil {
		return nil, nil, nil, err
	}
	ranked, unmatched := ix.rank(q, cs, hits)
	return cs, ranked, ix.features(q, cs, ranked, unmatched), nil
}

// features describes the first answer and the question (see featureNames).
func (ix view) features(q question, cs []concept, ranked []hit, unmatched float64) features {
	f := make(features, len(featureNames))
	set := f.set
	required, oov := 0, 0
	for _, c := range cs {
		if c.kind == "word" && !c.optional {
			required++
			if c.oov {
				oov++
			}
		}
	}
	if required > 0 {
		set("oov", float64(oov)/float64(required))
	}
	set("words", math.Log1p(float64(required-oov)))
	set("unmatched", unmatched)
	set("unheld", b2f(ix.unheldRole(q)))
	for _, w := range q.complements {
		for _, c := range cs {
			if c.kind == "word" && c.key == w && c.oov {
				set("complement-unknown", 1)
			}
		}
	}
	set("unknown-role", b2f((q.shape == knowledge.ShapeWhoIsRole || q.shorthand) && len(q.roles) == 0 && len(q.names) == 0 && oov > 0))
	set("role-asked", b2f(len(q.roles) > 0))
	set("name-asked", b2f(len(q.names) > 0))
	if len(ranked) == 0 {
		return f
	}
	top := ranked[0]
	set("coverage", top.coverage)
	terms := ix.docTerms(top.doc)
	set("qualifiers", shareHeld(cs, terms.all))
	set("strong", shareHeld(cs, terms.strong))
	gap := top.score
	if len(ranked) > 1 {
		gap -= ranked[1].score
	}
	set("gap", gap)
	if len(q.roles) > 0 {
		roles := ix.docRoles(top.doc)
		held := true
		for _, r := range q.roles {
			held = held && (roles[r] || ix.holdsWithin(top.doc, r))
		}
		set("role-held", b2f(held))
	}
	if len(q.complements) > 0 {
		set("complement-missing", b2f(!ix.holdsComplements(q, cs, top.doc)))
	}
	if len(q.names) > 0 {
		set("name-found", b2f(knowledge.Fold(top.doc.Name) == q.names[0]))
	}
	set("other-name", b2f(q.otherName))
	return f
}

// shareHeld returns the share of the required words of cs that terms have
// as such or as the start of a compound (1 when there are none).
func shareHeld(cs []concept, terms map[string]bool) float64 {
	required, held := 0, 0
	for _, c := range cs {
		if c.kind == "word" && !c.optional {
			required++
			if matchWord(c, terms) >= fullMatch {
				held++
			}
		}
	}
	if required == 0 {
		return 1
	}
	return float64(held) / float64(required)
}

// fullMatch is what matchWord gives at least a word that a document has as
// such or as the start of a compound, not only in part.
var fullMatch = rank.wordPrefix

// holdsComplements reports whether d has the complements of the roles asked
// ("landbouw" of "schepen van landbouw") where it speaks of the role: in a
// title or name, or in a passage that also names a role asked. A word
// elsewhere in the document is not enough: a schepen's card may mention
// landbouw in passing.
func (ix view) holdsComplements(q question, cs []concept, d *knowledge.Document) bool {
	concepts := make([]concept, len(q.complements))
	for i, w := range q.complements {
		concepts[i] = concept{terms: ix.analyzeTerms(w)}
		for _, c := range cs {
			if c.kind == "word" && c.key == w {
				concepts[i] = c
			}
		}
	}
	has := func(terms map[string]bool) bool {
		for _, c := range concepts {
			if matchWord(c, terms) < fullMatch {
				return false
			}
		}
		return true
	}
	if has(ix.docTerms(d).strong) {
		return true
	}
	var roleTerms [][]string
	for _, r := range q.roles {
		roleTerms = append(roleTerms, ix.analyzeTerms(r))
	}
	for _, p := range d.Passages {
		terms := map[string]bool{}
		for _, t := range ix.analyze(p.Heading + "\n" + p.Text) {
			terms[string(t.Term)] = true
		}
		for _, rt := range roleTerms {
			if containsAll(terms, rt) && has(terms) {
				return true
			}
		}
	}
	return false
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// decide turns the model's estimate for the first answer into an outcome.
//
// Three cases are not left to the model, because answering them is wrong
// whatever the scores: the question names a person the knowledge base does
// not know (Jan Verlinden where only Greet Verlinden is known), a town it
// does not cover ("burgemeester van Leuven"), or what the role asked is of
// is in no document ("schepen van landbouw" where no document speaks of
// landbouw).
func decide(m model, q question, ranked []hit, f features) knowledge.Outcome {
	if len(ranked) == 0 || q.otherName || q.unknownPlace != "" || f.get("complement-unknown") > 0 {
		return knowledge.NotFound
	}
	p := m.prob(f)
	switch {
	case p < m.suggestAt:
		return knowledge.NotFound
	case p < m.answerAt:
		return knowledge.Ambiguous
	}
	// Several organisations could answer and the question named none.
	if q.org == "" && len(ranked) > 1 {
		a, b := ranked[0], ranked[1]
		if a.score-b.score < rank.tieOrganisations && !sameOrg(a.doc.Organisation, b.doc.Organisation) {
			return knowledge.Ambiguous
		}
	}
	return knowledge.Answered
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
		if q.org == "" {
			if !ix.vocab.held[r] && !ix.vocab.heldWithin(ix.roleForms(r)) {
				return true
			}
		} else if !ix.vocab.heldByOrg(knowledge.Fold(q.org), r, ix.roleForms(r)) {
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
	// context words come from the sentences around the question.
	context bool
	// oov words are in no document, also after spelling correction: they
	// say nothing about which document answers, so they do not count in
	// coverage; how many there are is a feature of the question.
	oov bool
}

func (ix view) concepts(ctx context.Context, q question) []concept {
	var cs []concept
	for _, r := range q.roles {
		c := concept{kind: "role", key: r, weight: rank.conceptRole}
		for _, v := range append([]string{r}, ix.roles.Group(r)...) {
			for _, t := range ix.analyze(v) {
				c.terms = appendNew(c.terms, string(t.Term))
			}
		}
		cs = append(cs, c)
	}
	for _, n := range q.names {
		cs = append(cs, concept{kind: "name", key: n, weight: rank.conceptName, terms: strings.Fields(n)})
	}
	var all []string
	for _, w := range q.words {
		c := concept{kind: "word", key: w.text, optional: w.optional, context: w.context}
		for j, v := range w.variants {
			toks := ix.analyze(v)
			for i, t := range toks {
				if i == 0 || t.Position != toks[i-1].Position {
					c.terms = appendNew(c.terms, string(t.Term))
				} else if j == 0 {
					// The parts of the word itself, not of its
					// equivalents: "personnel" is no per+son+nel.
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
		known, whole := false, false
		best := 0
		for j, t := range append(append([]string{}, c.terms...), c.parts...) {
			if df[t] > 0 {
				known = true
				whole = whole || j < len(c.terms)
				best = max(best, df[t])
			}
		}
		if !known {
			if fixed := ix.correct(ctx, c.terms[0]); fixed != "" {
				c.terms = append(c.terms, fixed)
				best = 1
				known, whole = true, true
			}
		}
		// A compound no document has as a whole ("vertrouwenspersoon",
		// "postoverste") is unknown too, even when its parts are common.
		c.oov = !whole
		c.weight = rank.wordBase + rank.wordIDF*idf(best, n)/maxIDF
		c.df = df
		c.common = isCommon(best, n)
		if c.optional || c.context {
			c.weight *= rank.wordOptional
		}
	}
	return cs
}

// isCommon reports whether a word in df of n documents is in more than one
// in twenty: too common to tell documents apart on its own.
func isCommon(df, n int) bool { return df > n/20 }

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
	case len(term) >= 4:
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
	var cands []string
	for e, err := dict.Next(); err == nil && e != nil; e, err = dict.Next() {
		cands = append(cands, e.Term)
	}
	dict.Close()
	// bleve's fuzzy dictionary gives no counts: rank the candidates by
	// edit distance with transpositions, then by how many documents have
	// them, then alphabetically.
	df, _ := ix.docFreq(ctx, cands)
	best, bestDist := "", fuzz+1
	for _, c := range cands {
		d := damerau(term, c, fuzz)
		if d < bestDist || d == bestDist && (df[c] > df[best] || df[c] == df[best] && c < best) {
			best, bestDist = c, d
		}
	}
	return best
}

// wordFields are where a word is searched, and how much a match there counts.
var wordFields = []struct {
	field string
	boost float64
}{{fieldRole, rank.boostWordRole}, {fieldAlias, rank.boostWordRole}, {fieldTitle, rank.boostWordTitle},
	{fieldBody, rank.boostWordTitle}, {fieldText, rank.boostWordText}}

// search asks bleve for candidates: every concept in the fields where it
// counts most, roles and names as phrases, within the organisation named.
func (ix view) search(ctx context.Context, q question, cs []concept) ([]hit, error) {
	var should []query.Query
	add := func(qq query.Query) { should = append(should, qq) }
	for _, c := range cs {
		switch c.kind {
		case "role":
			for _, field := range []string{fieldRole, fieldAlias} {
				p := bleve.NewMatchPhraseQuery(c.key)
				p.SetField(field)
				p.SetBoost(rank.boostRole)
				add(p)
			}
			m := bleve.NewMatchQuery(c.key)
			m.SetField(fieldText)
			add(m)
		case "name":
			p := bleve.NewMatchPhraseQuery(c.key)
			p.SetField(fieldName)
			p.SetBoost(rank.boostRole)
			add(p)
			// Overview pages name people in their text.
			t := bleve.NewMatchQuery(c.key)
			t.SetOperator(query.MatchQueryOperatorAnd)
			t.SetField(fieldText)
			t.SetBoost(rank.boostNameText)
			add(t)
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
					pq.SetBoost(rank.boostWordPrefix * c.weight)
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
	req := bleve.NewSearchRequestOptions(qq, int(rank.candidates), 0, false)
	sr, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	hits := make([]hit, 0, len(sr.Hits))
	for _, h := range sr.Hits {
		if d := ix.docs[h.ID]; d != nil {
			hits = append(hits, hit{doc: d, bleveScore: h.Score})
		}
	}
	return hits, nil
}

// hit is a candidate document with its scores.
type hit struct {
	doc        *knowledge.Document
	bleveScore float64
	coverage   float64 // weighted share of the required concepts it has
	score      float64 // what candidates are ranked by
	// via is the function description that brought a person in, if any.
	via *knowledge.Document
}

// rank scores the candidates and, for questions about a person, folds a
// function description into the people who hold that function. unmatched
// reports a required word that no candidate has at all.
func (ix view) rank(q question, cs []concept, hits []hit) (ranked []hit, unmatched float64) {
	maxBleve := 0.0
	for _, h := range hits {
		maxBleve = math.Max(maxBleve, h.bleveScore)
	}
	seen := make([]bool, len(cs))
	for i := range hits {
		h := &hits[i]
		h.coverage, h.score = ix.score(q, cs, h.doc, seen)
		h.score += rank.bonusBleve * h.bleveScore / math.Max(maxBleve, 1e-9)
	}
	total := 0.0
	for i, c := range cs {
		if c.kind == "word" && !c.optional && !c.oov {
			total += c.weight
			if !seen[i] {
				unmatched += c.weight
			}
		}
	}
	if total > 0 {
		unmatched /= total
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
	return hits, unmatched
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
func (ix view) score(q question, cs []concept, d *knowledge.Document, seen []bool) (coverage, score float64) {
	ts := ix.docTerms(d)
	roles := ix.docRoles(d)
	if len(ts.passages) == 0 {
		return ix.scoreTerms(q, cs, d, ts.all, ts.strong, roles, 0, seen)
	}
	coverage, score = -1, -1
	mark := make([]bool, len(seen))
	for i, pt := range ts.passages {
		c, s := ix.scoreTerms(q, cs, d, pt, ts.strong, roles, d.Passages[i].Line, mark)
		if s > score {
			coverage, score = c, s
		}
	}
	for i, m := range mark {
		seen[i] = seen[i] || m
	}
	return coverage, score
}

// scoreTerms scores d as having terms (strong: those of its strong fields;
// roles: the roles it holds). With line > 0 the terms are those of the
// passage at that line: a role named there counts as held (an overview line
// names its holder), and so do the people named there.
func (ix view) scoreTerms(q question, cs []concept, d *knowledge.Document, terms, strong, roles map[string]bool, line int, seen []bool) (coverage, score float64) {
	passage := line > 0
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
		case "name":
			if knowledge.Fold(d.Name) == c.key {
				m, s = 1, true
			} else if names(d, line, c.key) {
				m, s = rank.nameMentioned, true
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
		if c.optional || c.oov && m == 0 {
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
	return coverage, score
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
	n := 0
	for _, p := range c.parts {
		if terms[p] {
			n++
		}
	}
	return rank.wordParts * float64(n) / float64(len(c.parts))
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
		out[ix.roles.Canonical(d.Title)] = true
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
				}
				continue
			}
			e := &hit{doc: holder, coverage: h.coverage, score: h.score, via: h.doc}
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
// service and overview pages that name the holder. For a question about a
// task, a description held by no person's card stays the answer: it says
// what the task is, and names the holder (see answer).
func (ix view) holders(q question, d *knowledge.Document) []string {
	var out []string
	for _, src := range d.Holders {
		if h := ix.docs[src]; h != nil && (h.Kind == knowledge.KindPerson || q.shape != knowledge.ShapeWhoHandles) {
			out = append(out, src)
		}
	}
	if q.shape != knowledge.ShapeWhoHandles && len(out) == 0 {
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
