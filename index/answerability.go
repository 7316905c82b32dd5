package index

import (
	_ "embed"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/wieiswie/wieiswie/knowledge"
)

// Whether to answer is decided by a calibrated model, not by single-word
// vetoes: a logistic regression over features of the best candidate and the
// question (see features) that estimates the chance that the first answer is
// right. It is fitted on the development set, leave-one-town-out, by
// `wieiswie eval --fit` (see Fit), and ships as data/answerability.txt.

//go:embed data/answerability.txt
var answerabilityTxt string

// featureNames are the features, in the order of a feature vector.
var featureNames = []string{
	"coverage",           // weighted share of the question's known required concepts the answer has
	"gap",                // score of the first answer minus that of the second
	"oov",                // share of the question's content words that no document has
	"qualifiers",         // share of the question's content words, known or not, that the first answer has
	"unheld",             // the question names a role nobody (in the organisation asked about) holds
	"unmatched",          // share of required words that no candidate has at all
	"role-asked",         // the question names a role
	"role-missing",       // … and the first answer does not hold it (as a title, or within a longer one)
	"complement-missing", // the role's complement ("landbouw" of "schepen van landbouw") is not in the first answer
	"complement-unknown", // … nor in any document (decide answers "not found" then)
	"strong",             // share of the question's content words in the first answer's title, roles or name
	"unknown-role",       // "wie is de …" names no role the documents know, and has a word no document has
	"name-asked",         // the question names a person
	"name-missing",       // … and the first answer is not theirs and does not name them
	"other-name",         // the question names a person the knowledge base does not know
	"words",              // how many required content words, log(1+n)
}

// features is one question's evidence for answering, in featureNames order.
type features []float64

// featureAt maps a feature's name to its place in a vector.
var featureAt = func() map[string]int {
	m := map[string]int{}
	for i, n := range featureNames {
		m[n] = i
	}
	return m
}()

// get returns the named feature; a name not in featureNames is a bug.
func (f features) get(name string) float64 { return f[featureAt[name]] }

func (f features) set(name string, v float64) {
	i, ok := featureAt[name]
	if !ok {
		panic("unknown feature " + name)
	}
	f[i] = v
}

// model is a fitted logistic regression with the two thresholds on its
// probability: answer at or above answerAt, offer "Bedoelde je …?" from
// suggestAt.
type model struct {
	bias      float64
	weights   []float64 // by featureNames
	suggestAt float64
	answerAt  float64
}

// shippedModel is data/answerability.txt, parsed once and never changed.
var shippedModel = mustModel(answerabilityTxt)

func mustModel(text string) model {
	m, err := parseModel(text)
	if err != nil {
		panic(err) // the embedded file is tested; see TestShippedModel
	}
	return m
}

// prob is the model's estimate that the first answer is right.
func (m model) prob(f features) float64 {
	z := m.bias
	for i, x := range f {
		z += m.weights[i] * x
	}
	return 1 / (1 + math.Exp(-z))
}

// parseModel reads "name value" lines (see readNumbers): the bias, a weight
// for every feature and the two thresholds.
func parseModel(text string) (model, error) {
	m := model{weights: make([]float64, len(featureNames))}
	fields := map[string]*float64{"bias": &m.bias, "suggest-at": &m.suggestAt, "answer-at": &m.answerAt}
	for i, n := range featureNames {
		fields[n] = &m.weights[i]
	}
	return m, readNumbers("answerability.txt", text, fields)
}

// format writes m in the shape parseModel reads, after a header.
func (m model) format(header string) string {
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimRight(header, "\n"), "\n") {
		fmt.Fprintf(&b, "# %s\n", l)
	}
	fmt.Fprintf(&b, "\nbias %.4f\n", m.bias)
	for i, n := range featureNames {
		fmt.Fprintf(&b, "%s %.4f\n", n, m.weights[i])
	}
	fmt.Fprintf(&b, "\nsuggest-at %.4f\nanswer-at %.4f\n", m.suggestAt, m.answerAt)
	return b.String()
}

// Example is one question's features and whether answering it with the
// first answer would be right, for fitting the model.
type Example struct {
	Features features
	Right    bool
	// NoAnswer says the question has no answer in the knowledge: not
	// answering it is right.
	NoAnswer bool
}

// fitModel fits a logistic regression by Newton's method (iteratively
// reweighted least squares) with an L2 penalty, which keeps the weights
// finite when the examples separate. The thresholds are then chosen on the
// same examples (see thresholds).
func fitModel(ex []Example, l2, maxWrong float64) model {
	d := len(featureNames) + 1
	w := make([]float64, d)
	x := func(e Example, j int) float64 {
		if j == 0 {
			return 1
		}
		return e.Features[j-1]
	}
	for iter := 0; iter < 50; iter++ {
		grad := make([]float64, d)
		hess := make([][]float64, d)
		for i := range hess {
			hess[i] = make([]float64, d)
		}
		for _, e := range ex {
			z := 0.0
			for j := 0; j < d; j++ {
				z += w[j] * x(e, j)
			}
			p := 1 / (1 + math.Exp(-z))
			y := 0.0
			if e.Right {
				y = 1
			}
			for j := 0; j < d; j++ {
				grad[j] += (p - y) * x(e, j)
				for k := 0; k < d; k++ {
					hess[j][k] += p * (1 - p) * x(e, j) * x(e, k)
				}
			}
		}
		for j := 1; j < d; j++ { // the bias is not penalised
			grad[j] += l2 * w[j]
			hess[j][j] += l2
		}
		hess[0][0] += 1e-9
		step := solve(hess, grad)
		change := 0.0
		for j := range w {
			w[j] -= step[j]
			change = math.Max(change, math.Abs(step[j]))
		}
		if change < 1e-8 {
			break
		}
	}
	m := model{bias: w[0], weights: w[1:]}
	m.suggestAt, m.answerAt = thresholds(m, ex, maxWrong)
	return m
}

// thresholds picks suggestAt and answerAt for m on ex (see fitModel).
//
// answerAt is the lowest probability from which at most maxWrong of the
// answers given would be wrong: above it the bot answers outright.
//
// suggestAt, below which the bot says it found nothing, weighs the two
// ways to fail equally, as the targets of the answer-quality issue do: it
// maximises the share of answerable questions answered right plus the
// share of unanswerable ones left unanswered. Counting mistakes among all
// answers instead would let the many answerable questions drown the few
// without an answer. Of equal scores, the higher threshold wins: it gives
// fewer wrong answers.
func thresholds(m model, ex []Example, maxWrong float64) (suggestAt, answerAt float64) {
	ps := make([]float64, len(ex))
	answerable, noAnswer := 0, 0
	for i, e := range ex {
		ps[i] = m.prob(e.Features)
		if e.NoAnswer {
			noAnswer++
		} else {
			answerable++
		}
	}
	order := make([]int, len(ex))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool { return ps[order[i]] > ps[order[j]] })
	suggestAt, answerAt = 1, 1
	right, wrong, answeredNoAnswer := 0, 0, 0
	best := score2(0, answerable, noAnswer, noAnswer) // nothing answered
	for k, i := range order {
		if ex[i].Right {
			right++
		} else {
			wrong++
		}
		if ex[i].NoAnswer {
			answeredNoAnswer++
		}
		next := 0.0 // the next lower probability
		if k+1 < len(order) {
			next = ps[order[k+1]]
		}
		if next == ps[i] {
			continue // a threshold cannot split equal probabilities
		}
		// The cut lies halfway to the next example, not on this one: a
		// model fitted on other towns moves each probability a little,
		// and an example right on the line would fall either way.
		cut := (ps[i] + next) / 2
		if float64(wrong)/float64(right+wrong) <= maxWrong {
			answerAt = cut
		}
		if s := score2(right, answerable, noAnswer-answeredNoAnswer, noAnswer); s > best {
			best, suggestAt = s, cut
		}
	}
	return min(suggestAt, answerAt), answerAt
}

// score2 is the share of answerable questions answered right plus the share
// of unanswerable ones not answered (a share of nothing counts as whole).
func score2(right, answerable, withheld, noAnswer int) float64 {
	share := func(a, b int) float64 {
		if b == 0 {
			return 1
		}
		return float64(a) / float64(b)
	}
	return share(right, answerable) + share(withheld, noAnswer)
}

// solve returns x with a·x = b by Gaussian elimination with partial
// pivoting; a and b are overwritten.
func solve(a [][]float64, b []float64) []float64 {
	n := len(b)
	for c := 0; c < n; c++ {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(a[r][c]) > math.Abs(a[p][c]) {
				p = r
			}
		}
		a[c], a[p] = a[p], a[c]
		b[c], b[p] = b[p], b[c]
		if a[c][c] == 0 {
			continue
		}
		for r := c + 1; r < n; r++ {
			f := a[r][c] / a[c][c]
			for k := c; k < n; k++ {
				a[r][k] -= f * a[c][k]
			}
			b[r] -= f * b[c]
		}
	}
	x := make([]float64, n)
	for r := n - 1; r >= 0; r-- {
		s := b[r]
		for k := r + 1; k < n; k++ {
			s -= a[r][k] * x[k]
		}
		if a[r][r] != 0 {
			x[r] = s / a[r][r]
		}
	}
	return x
}

// features describes the first answer and the question (see featureNames).
//
// seen says which concepts some candidate has (see rank).
func (ix view) features(q question, cs []concept, ranked []hit, seen []bool) features {
	f := make(features, len(featureNames))

	// A word no document has counts against the question only when the
	// question itself asks it: the context of a message tells a story
	// ("een familie aan de balie", "hun grootouders") in words the
	// documents need not have.
	//
	// A role noun no document has is understood when the first answer
	// holds a role about the same ("cultuurconsulent" where the town has a
	// cultuurbeleidscoördinator, "privacyverantwoordelijke" where a line
	// reads "Privacy: Sofie Vanmechelen, DPO"; see holdsRoleAbout).
	understood := func(c concept) bool {
		return c.roleModifier != "" && len(ranked) > 0 && holdsRoleAbout(ranked[0].doc, 0, c)
	}
	required, oov := 0, 0
	known, unmatched := 0.0, 0.0
	for i, c := range cs {
		if c.kind == "word" && !c.optional {
			required++
			if c.oov {
				if !c.context && !understood(c) {
					oov++
				}
				continue
			}
			known += c.weight
			if !seen[i] {
				unmatched += c.weight
			}
		}
	}
	if required > 0 {
		f.set("oov", float64(oov)/float64(required))
	}
	if known > 0 {
		f.set("unmatched", unmatched/known)
	}
	f.set("words", math.Log1p(float64(required-oov)))
	f.set("unheld", b2f(ix.unheldRole(q)))
	// The complement is unknown when no document has it, or, when the
	// question names the organisation, none of that organisation's
	// documents does: "schepen van economie in Ravelinge" where no page of
	// Ravelinge speaks of economie.
	for _, w := range q.complements {
		for i, c := range cs {
			if c.kind == "word" && c.key == w && (c.oov || (q.org != "" && !seen[i])) {
				f.set("complement-unknown", 1)
			}
		}
	}
	f.set("unknown-role", b2f((q.shape == knowledge.ShapeWhoIsRole || q.shorthand) && len(q.roles) == 0 && len(q.names) == 0 && oov > 0))
	f.set("role-asked", b2f(len(q.roles) > 0))
	f.set("name-asked", b2f(len(q.names) > 0))
	if len(ranked) == 0 {
		return f
	}
	top := ranked[0]
	f.set("coverage", top.coverage)
	terms := ix.docTerms(top.doc)
	f.set("qualifiers", shareHeld(cs, terms.all))
	f.set("strong", shareHeld(cs, terms.strong))
	gap := top.score
	if len(ranked) > 1 {
		gap -= ranked[1].score
	}
	f.set("gap", gap)
	if len(q.roles) > 0 {
		f.set("role-missing", b2f(top.roleMatch < rank.roleWithin))
	}
	if len(q.complements) > 0 {
		f.set("complement-missing", b2f(!ix.holdsComplements(q, cs, top.doc)))
	}
	if len(q.names) > 0 {
		f.set("name-missing", b2f(knowledge.Fold(top.doc.Name) != q.names[0] && !names(top.doc, 0, q.names[0])))
	}
	f.set("other-name", b2f(q.otherName))
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
// title or name, in a passage that also names a role asked, or, on the card
// of a person who holds a role asked, under a heading that lists the
// domains of their mandate ("Portefeuille: Landbouw"). A word elsewhere in
// the document is not enough: a schepen's card may mention landbouw in
// passing.
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
	holder := false
	if d.Kind == knowledge.KindPerson {
		held := ix.docRoles(d)
		for _, r := range q.roles {
			holder = holder || held[r] || ix.holdsWithin(d, r) // "eerste schepen" is a schepen
		}
	}
	for _, p := range d.Passages {
		terms := map[string]bool{}
		for _, t := range ix.analyze(p.Heading + "\n" + p.Text) {
			terms[string(t.Term)] = true
		}
		if heading := strings.Fields(knowledge.Fold(p.Heading)); holder && len(heading) > 0 && qlex.competences[heading[0]] && has(terms) {
			return true
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
// Four cases are not left to the model, because answering them is wrong
// whatever the scores: the question names a person the knowledge base does
// not know (Jan Verlinden where only Greet Verlinden is known), a town it
// does not cover ("burgemeester van Leuven"), or what the role asked is of
// is in no document ("schepen van landbouw" where no document speaks of
// landbouw); or the first answer is a person or function that does not hold
// the role asked, when the question asks who holds it or nobody in the
// organisation does: the burgemeester's card that mentions "samen met de
// korpschef" is not the korpschef, and the chairman of a woonzorgcentrum's
// beheerscomité is not its directeur. (A generic page may still name the
// holder in its text, "de noodplanningscoördinator, Lies Vanhoutte", so it
// is left to the model; so is a question who handles a task, where the role
// may be what is handled.)
func decide(m model, q question, ranked []hit, f features) knowledge.Outcome {
	if len(ranked) == 0 || q.otherName || q.unknownPlace != "" || f.get("complement-unknown") > 0 {
		return knowledge.NotFound
	}
	if f.get("role-missing") > 0 && holdsRoles(ranked[0].doc) && (f.get("unheld") > 0 || q.shape == knowledge.ShapeWhoIsRole) {
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

// holdsRoles reports whether d is a document whose roles are its titles:
// a person's functions or the function a description is about.
func holdsRoles(d *knowledge.Document) bool {
	return d.Kind == knowledge.KindPerson || d.Kind == knowledge.KindFunction
}
