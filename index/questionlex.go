package index

import (
	"bufio"
	_ "embed"
	"fmt"
	"strings"

	"github.com/wieiswie/wieiswie/knowledge"
)

//go:embed data/question.txt
var questionTxt string

// questionLexicon holds the words that shape a question (data/question.txt):
// what to ignore, what asks for contact details, for roles, for who handles
// a task, and how a question opens.
type questionLexicon struct {
	fillers  map[string]bool
	contact  map[string]bool
	roles    map[string]bool
	handle   map[string]bool
	openers  [][]string // folded phrases that open a question
	whatDoes [][]string // folded phrases that open a what-does-role question
	// selfBefore and selfAfter are the words around a role that make it
	// the asker's own: "ik ben raadslid", "als schepen", "raadslid hier".
	selfBefore, selfAfter map[string]bool
	// selfClause are the verbs of a clause in which the asker says who
	// they are, selfPlace the prepositions of where: "ik ben nieuw bij
	// …", "ik werk op …"; see aboutAsker.
	selfClause, selfPlace map[string]bool
	// complement are the prepositions that join a role to what it is the
	// role of: "schepen van cultuur", "alderman for culture".
	complement map[string]bool
	// english are function words of English that Dutch does not have: a
	// question with one is translated (see rewrite).
	english map[string]bool
	// interrogative are the question words a verb follows ("wie zit …");
	// clauseOpener the words that open a new clause, before which a
	// separable verb's particle stands ("wie zit het comité voor dat …").
	interrogative, clauseOpener map[string]bool
	// prepositions end a phrase and may follow a separable verb's
	// particle ("wie keurt verlof goed in Nethegem").
	prepositions map[string]bool
	// rPronouns split from their preposition: "daar … over".
	rPronouns map[string]bool
	// locative are the prepositions of place: a body after one is where
	// something is asked about, unless a verb of membership comes before;
	// see inLocative.
	locative, membership map[string]bool
	// competences are the headings under which a card lists the domains
	// of its mandate; see holdsComplements.
	competences map[string]bool
	// embedded are the question words that make a sentence ask wherever
	// they stand: an indirect question ("hij wil weten wie …").
	embedded map[string]bool
	// government are the levels of government a title may name in its
	// first part ("stadsontvanger"); see municipalTitles.
	government map[string]bool
	// anaphora point back to what was said before: a question with one
	// asks about its context ("wie regelt dat?").
	anaphora map[string]bool
	// place are the words before a town: "burgemeester van Leuven".
	place map[string]bool
	// topic are the prepositions that say what something is about: "vragen
	// over de parking"; see topicWords. They count after a noun of asking.
	topic, asking map[string]bool
}

// describesAsker reports whether the role at tokens[start:end] is how the
// asker describes themselves (an article may stand between: "ik ben een
// nieuwe medewerker" is not a role, "ik ben de nieuwe schepen" is).
func (l *questionLexicon) describesAsker(tokens []string, start, end int) bool {
	i := start - 1
	for i >= 0 && (tokens[i] == "de" || tokens[i] == "het" || tokens[i] == "een" || tokens[i] == "nieuwe") {
		i--
	}
	return i >= 0 && l.selfBefore[tokens[i]] || end < len(tokens) && l.selfAfter[tokens[end]]
}

// qlex is the lexicon that ships with wieiswie. It is parsed once and never
// changed, like a compiled regular expression.
var qlex = mustQuestionLexicon(questionTxt)

func mustQuestionLexicon(text string) *questionLexicon {
	l, err := parseQuestionLexicon(text)
	if err != nil {
		panic(err) // the embedded file is tested; see TestQuestionLexicon
	}
	return l
}

// parseQuestionLexicon reads the [section] format of data/question.txt.
func parseQuestionLexicon(text string) (*questionLexicon, error) {
	l := &questionLexicon{fillers: map[string]bool{}, contact: map[string]bool{}, roles: map[string]bool{}, handle: map[string]bool{},
		selfBefore: map[string]bool{}, selfAfter: map[string]bool{}, selfClause: map[string]bool{}, selfPlace: map[string]bool{}, complement: map[string]bool{},
		english: map[string]bool{}, interrogative: map[string]bool{}, clauseOpener: map[string]bool{}, prepositions: map[string]bool{}, rPronouns: map[string]bool{}, locative: map[string]bool{}, membership: map[string]bool{}, government: map[string]bool{}, embedded: map[string]bool{}, competences: map[string]bool{}, anaphora: map[string]bool{}, place: map[string]bool{}, topic: map[string]bool{}, asking: map[string]bool{}}
	sets := map[string]map[string]bool{"fillers": l.fillers, "contact": l.contact, "roles": l.roles, "handle": l.handle,
		"self-before": l.selfBefore, "self-after": l.selfAfter, "self-clause": l.selfClause, "self-place": l.selfPlace, "complement": l.complement,
		"english": l.english, "interrogative": l.interrogative, "clause-opener": l.clauseOpener, "prepositions": l.prepositions, "r-pronouns": l.rPronouns, "locative": l.locative, "membership": l.membership, "government": l.government, "embedded": l.embedded, "competences": l.competences, "anaphora": l.anaphora, "place": l.place, "topic": l.topic, "asking": l.asking}
	phrases := map[string]*[][]string{"openers": &l.openers, "what-does": &l.whatDoes}
	section := ""
	sc := bufio.NewScanner(strings.NewReader(text))
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		line = strings.TrimSpace(line)
		switch {
		case line == "":
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			section = line[1 : len(line)-1]
			if sets[section] == nil && phrases[section] == nil {
				return nil, fmt.Errorf("question.txt:%d: unknown section %q", n, section)
			}
		case sets[section] != nil:
			for _, w := range strings.Fields(line) {
				sets[section][knowledge.Fold(w)] = true
			}
		case phrases[section] != nil:
			*phrases[section] = append(*phrases[section], foldedFields(line))
		default:
			return nil, fmt.Errorf("question.txt:%d: words before the first [section]", n)
		}
	}
	return l, sc.Err()
}

// foldedFields folds s and splits it into words.
func foldedFields(s string) []string { return strings.Fields(knowledge.Fold(s)) }

// opensWith reports whether words start with one of the phrases.
func opensWith(words []string, phrases [][]string) bool {
	for _, p := range phrases {
		if len(words) >= len(p) && equalWords(words[:len(p)], p) {
			return true
		}
	}
	return false
}

// dropGreeting drops the words before the question word when they are only
// greeting and politeness ("goeiemorgen, wie …", "hi all! who …"), so the
// question starts where its question word does.
func (l *questionLexicon) dropGreeting(tokens []string) []string {
	for k := 0; k < len(tokens) && k <= 4; k++ {
		if l.interrogative[tokens[k]] {
			return tokens[k:]
		}
		if !l.fillers[tokens[k]] {
			break
		}
	}
	return tokens
}

// correct returns the word of the contact, roles or task sections that t
// is a typo of ("telefononummer" → "telefoonnummer"), or "" when there is
// none. Only words of six letters or more: shorter ones are too alike.
func (l *questionLexicon) correct(t string) string {
	if len(t) < 6 {
		return ""
	}
	best := ""
	for _, set := range []map[string]bool{l.contact, l.roles, l.handle} {
		for w := range set {
			if len(w) >= 6 && near(t, w) && (best == "" || w < best) {
				best = w
			}
		}
	}
	return best
}
