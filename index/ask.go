package index

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"math"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/wieiswie/wieiswie/knowledge"
)

// maxQuestion bounds what is read of a question; nobody asks in 500
// characters what they could not ask in 300.
const maxQuestion = 500

// Ask answers one question with at most top answers (0: 3). It reads one
// snapshot of the knowledge, so an Update meanwhile never mixes two.
func (ix *Index) Ask(ctx context.Context, text string, top int) (knowledge.Result, error) {
	res, err := ix.view().ask(ctx, text, top)
	if errors.Is(err, errIndexFailed) {
		// An update failing on a full disk damages the bleve index it
		// writes to, and puts the previous knowledge back before it lets
		// go of mu: wait for that and answer from it.
		ix.mu.Lock()
		//lint:ignore SA2001 an empty critical section: waiting is the point
		ix.mu.Unlock()
		return ix.view().ask(ctx, text, top)
	}
	return res, err
}

// errIndexFailed says bleve panicked answering: its index is damaged.
var errIndexFailed = errors.New("the index failed")

func (ix view) ask(ctx context.Context, text string, top int) (res knowledge.Result, err error) {
	start := time.Now()
	defer func() { res.Took = time.Since(start) }()
	// A damaged index must cost one answer, never the process: bleve's
	// segments panic on data they could not write (a full disk).
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("search %q: %w: %v", text, errIndexFailed, p)
		}
	}()
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
	ranked, seen := ix.rank(q, cs, hits)
	return cs, ranked, ix.features(q, cs, ranked, seen), nil
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
		if ix.vocab.bodies[r] {
			continue // a body or service: it has members and staff, not a holder
		}
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
	// df holds the document frequency of each term (words only), of n
	// documents; common words are in more than one document in twenty.
	df     map[string]int
	n      int
	common bool
	// context words come from the sentences around the question.
	context bool
	// object words name who the question's verb is done to (see word).
	object bool
	// acronym words weigh in full also in context (see word).
	acronym bool
	// roleModifier is, for a role noun no document (of the town asked
	// about) holds ("jeugdambtenaar"), what it is about ("jeugd"): a
	// document holding a role about the same ("jeugdconsulent") shows it.
	roleModifier string
	// alsoAbout are, for such a role, the question's other content words:
	// a role whose title is about one of them shows it too ("beleidsmedewerker
	// sport" where the town has a sportfunctionaris).
	alsoAbout []string
	// oov words are in no document, also after spelling correction: they
	// say nothing about which document answers, so they do not count in
	// coverage; how many there are is a feature of the question.
	oov bool
}

func (ix view) concepts(ctx context.Context, q question) []concept {
	var cs []concept
	for _, r := range q.roles {
		c := concept{kind: "role", key: r, weight: rank.conceptRole}
		if m, _, ok := knowledge.RoleHead(r); ok && !ix.vocab.heldByOrg(knowledge.Fold(q.org), r, []string{r}) {
			c.roleModifier = m // "jeugdambtenaar" where the town has a jeugdconsulent
		}
		for _, v := range append([]string{r}, ix.roles.Group(r)...) {
			for _, t := range ix.analyze(v) {
				c.terms = appendNew(c.terms, string(t.Term))
			}
		}
		cs = append(cs, c)
	}
	for i, n := range q.names {
		cs = append(cs, concept{kind: "name", key: n, weight: rank.conceptName, terms: strings.Fields(n), object: i == 0 && q.nameObject})
	}
	var all []string
	for _, w := range q.words {
		c := concept{kind: "word", key: w.text, optional: w.optional, context: w.context, object: w.object, acronym: w.acronym}
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
		// How specific a word is comes from the word as written: a compound
		// the documents have as a whole ("dienstvrijstellingen") is as rare
		// as it is there, however common its parts ("dienst"); only a
		// compound they do not have leans on its parts.
		known, whole := false, false
		best, bestPart := 0, 0
		for _, t := range c.terms {
			if df[t] > 0 {
				known, whole = true, true
				best = max(best, df[t])
			}
		}
		for _, t := range c.parts {
			if df[t] > 0 {
				known = true
				bestPart = max(bestPart, df[t])
			}
		}
		if !whole {
			best = bestPart
		}
		if !known {
			if fixed := ix.correct(ctx, c.terms[0]); fixed != "" {
				c.terms = append(c.terms, fixed)
				best = 1
				known, whole = true, true
				// The parts of the word meant: "loonbreif" is a
				// loonbrief, about loon where a page speaks of the
				// loonadministratie.
				var parts []string
				for _, t := range ix.analyze(fixed)[1:] {
					c.parts = appendNew(c.parts, string(t.Term))
					parts = append(parts, string(t.Term))
				}
				partDF, _ := ix.docFreq(ctx, parts)
				maps.Copy(df, partDF)
			}
		}
		// A compound no document has as a whole ("vertrouwenspersoon",
		// "postoverste") is unknown too, even when its parts are common.
		c.oov = !whole
		if m, _, ok := knowledge.RoleHead(c.key); ok && c.oov {
			c.roleModifier = m
		}
		c.weight = rank.wordBase + rank.wordIDF*idf(best, n)/maxIDF
		c.df, c.n = df, n
		c.common = isCommon(best, n)
		if c.optional || c.context && !c.acronym {
			c.weight *= rank.wordOptional
		}
	}
	var others []string
	for _, c := range cs {
		if c.kind == "word" && !c.optional && !c.context && !c.oov {
			others = append(others, c.key)
		}
	}
	for i := range cs {
		if cs[i].kind == "role" && cs[i].roleModifier != "" {
			cs[i].alsoAbout = others
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
