package index

import (
	"context"
	"regexp"
	"strings"

	"github.com/wieiswie/wieiswie/knowledge"
)

// question is what we understood of what someone asked, before searching.
type question struct {
	text  string
	shape Shape
	org   string   // the organisation named, "" when none
	roles []string // canonical role titles named
	names []string // folded full names of people named
	// words are the remaining content words, each with its equivalents
	// (English → Dutch, everyday → the documents' word).
	words []word
	// fuzzy is set when a role, name or organisation was only recognised
	// with a letter or two changed.
	fuzzy bool
	topic string
}

// word is one content word of a question and the words that mean the same.
type word struct {
	text     string
	variants []string
	// optional words (the verb of "wie behandelt …") raise a document that
	// has them but do not count against one that has not.
	optional bool
}

// fillers are words that carry no content in a question: question words,
// articles, pronouns, politeness. The nl stop list in bleve holds some of
// them too, but they must go before analysis: "wie is wie" would otherwise
// analyse to nothing and match everything.
var fillers = setOf(`wie wat welke welk hoe waar wanneer waarom is was zijn ben bent wordt worden werd
de het een der des den van voor in bij op met over aan naar uit tot om te als en of dan die dat dit deze
ons onze mijn me mij ik je jij jou jouw u uw we wij zij ze hij haar hem zijn hun men iemand iets er daar hier
kan kun kunt kunnen mag moet moeten wil wilt zou zouden heb hebt heeft hebben had
hallo hoi hey dag goedemorgen goedemiddag goeden avond beste collega collegas
weet weten iemand graag even aub alstublieft alsjeblieft bedankt dank merci vraag vraagje
eigenlijk precies juist nu ook nog al eens toch dus zich onder wel niet geen
huidige huidig momenteel tegenwoordig
who whom whose what which where how is are was the a an of in for at to on by with about our my me i do does can could
would should anyone someone somebody know tell please hello hi thanks currently today`)

// contactWords ask for a way to reach someone; they decide the shape and are
// not searched for.
var contactWords = setOf(`telefoon telefoonnummer telefoonnr tel nummer nr gsm gsmnummer mobiel bellen bel belt
mail email mailadres emailadres e-mail e-mailadres adres adressen bereik bereiken bereikbaar contact contacteren
contactgegevens gegevens phone number call email address reach contact`)

// rolesWords ask what someone does or is; with a name they make a
// roles-of-person question.
var rolesWords = setOf(`functie functies rol rollen taak taken portefeuille portefeuilles bevoegdheid bevoegdheden
mandaat mandaten organen orgaan zetelt zetelen job opdracht opdrachten verantwoordelijkheden role roles function
functions tasks job`)

// whatWords open a what-does-role question.
var whatDoes = regexp.MustCompile(`^(wat (doet|doen|houdt|kan|mag|moet|is de (taak|rol|functie))|opdrachten?( van)?|taken van|taakomschrijving|functiebeschrijving|what does|what is the (role|job))\b`)

// handleWords are the verbs of who-handles-task questions.
var handleWords = setOf(`behandelt behandelen behandeling doet doen regelt regelen gaat over beslist verwerkt verwerken
onderzoekt onderzoeken maakt maken zorgt zorgen volgt opvolgen beheert beheren organiseert organiseren coordineert
verantwoordelijk bevoegd terecht aanspreken aanspreekpunt contacteren helpt helpen
handles handle deals responsible manages runs leads does takes care charge`)

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[knowledge.Fold(w)] = true
	}
	return m
}

// understand reads a question: its shape, the organisation, people and roles
// it names, and what is left to search for.
func (ix view) understand(ctx context.Context, text string) question {
	q := question{text: text}
	tokens := strings.Fields(knowledge.Fold(text))
	used := make([]bool, len(tokens))
	v := ix.vocab

	// Recognise exact names first, then allow typos in what is left, only
	// where the question has a word the knowledge base does not know.
	var unknown []bool
	find := func(p *phrases) ([]mention, bool) {
		m := p.find(tokens, used, nil, false)
		if len(m) > 0 {
			return m, false
		}
		if unknown == nil {
			unknown = ix.unknownWords(ctx, tokens)
		}
		if !anyOf(unknown) {
			return nil, false
		}
		m = p.find(tokens, used, unknown, true)
		return m, len(m) > 0
	}
	orgs, fz1 := find(v.orgs)
	if len(orgs) > 0 {
		q.org = orgs[0].key
	}
	names, fz2 := find(v.names)
	for _, n := range names {
		q.names = append(q.names, n.key)
	}
	roles, fz3 := find(v.roles)
	var topic []string
	for _, r := range roles {
		q.roles = append(q.roles, r.key)
		topic = append(topic, strings.Join(tokens[r.start:r.end], " "))
	}
	q.fuzzy = fz1 || fz2 || fz3

	folded := strings.Join(tokens, " ")
	isContact, isRoles, isHandle := false, false, false
	for i, t := range tokens {
		switch {
		case contactWords[t]:
			isContact = true
			used[i] = true
		case rolesWords[t]:
			isRoles = true
			used[i] = true
		}
		if handleWords[t] {
			isHandle = true
		}
	}
	if strings.HasPrefix(folded, "waar is") || strings.HasPrefix(folded, "waar vind") || strings.Contains(folded, "hoe bel") {
		isContact = true
	}
	// "wie voltrekt huwelijken": the verb right after "wie" asks who does
	// something, whatever the verb.
	verbAt := -1
	if len(tokens) > 2 && !fillers[tokens[1]] && !used[1] {
		switch tokens[0] {
		case "wie", "who":
			verbAt = 1
			isHandle = true
		case "wat", "what": // "wat houdt … in", "wat doet …"
			verbAt = 1
		}
	}
	for i, t := range tokens {
		if used[i] || fillers[t] || len(t) < 2 {
			continue // "e" of "e-mail", an initial
		}
		w := word{text: t, optional: handleWords[t] || i == verbAt}
		for _, g := range ix.wordGroup(t) {
			for _, f := range strings.Fields(knowledge.Fold(g)) {
				w.variants = append(w.variants, f)
			}
		}
		if len(w.variants) == 0 {
			w.variants = []string{t}
		}
		q.words = append(q.words, w)
		if !w.optional {
			topic = append(topic, t)
		}
	}
	q.topic = strings.Join(topic, " ")
	if q.topic == "" {
		q.topic = strings.TrimSpace(text)
	}

	switch {
	case isContact:
		q.shape = ShapeContactOf
	case len(q.names) > 0 && (isRoles || len(q.roles) == 0):
		q.shape = ShapeRolesOfPerson
	case whatDoes.MatchString(folded) || (isRoles && len(q.roles) > 0):
		q.shape = ShapeWhatDoesRole
	case isHandle:
		q.shape = ShapeWhoHandles
	case len(q.roles) > 0 || strings.HasPrefix(folded, "wie ") || strings.HasPrefix(folded, "who "):
		q.shape = ShapeWhoIsRole
	default:
		q.shape = ShapeKeywords
	}
	return q
}

// wordGroup returns the words equivalent to t, found as written or by stem
// ("huwelijken" finds the group of "huwelijk").
func (ix view) wordGroup(t string) []string {
	if g := ix.words.Group(t); g != nil {
		return g
	}
	if len(t) < 4 {
		return nil
	}
	return ix.wordStems[ix.stem(t)]
}

// unknownWords marks the tokens that are no word of the knowledge base (in
// any document's text or names) nor of the question vocabulary: the only
// ones worth a fuzzy look-up.
func (ix view) unknownWords(ctx context.Context, tokens []string) []bool {
	out := make([]bool, len(tokens))
	var stems []string
	for _, t := range tokens {
		s := ""
		if toks := ix.analyze(t); len(toks) > 0 {
			s = string(toks[0].Term)
		}
		stems = append(stems, s)
	}
	df, _ := ix.docFreq(ctx, stems)
	for i, t := range tokens {
		switch {
		case fillers[t] || contactWords[t] || rolesWords[t] || handleWords[t] || len(t) < 5:
		case stems[i] != "" && df[stems[i]] > 0:
		case len(ix.vocab.names.byFirst[t]) > 0 || len(ix.vocab.orgs.byFirst[t]) > 0:
		default:
			out[i] = true
		}
	}
	return out
}
