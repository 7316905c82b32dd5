package index

import (
	"context"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wieiswie/wieiswie/knowledge"
)

// question is what we understood of what someone asked, before searching.
type question struct {
	text  string
	shape knowledge.Shape
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
	// What the question's own words ask for, kept so that a question
	// pointing into its context keeps its shape.
	asksContact, asksRoles, asksHandle bool
	// shorthand questions are three words or fewer ("korpschef tel",
	// "schepen sport heibeek"): what they name is what they ask about.
	shorthand bool
	// complements are the words that say which one of a role is asked
	// about ("landbouw" of "schepen van landbouw").
	complements []string
	// unknownPlace is a town the question names that the knowledge base
	// does not cover ("burgemeester van Leuven"), as the question writes it.
	unknownPlace string
	// otherName is set when the question names someone by a first name
	// and a surname the knowledge base has, but for another person.
	otherName bool
	// nameObject is set when the person named is who the question's verb
	// is done to ("wie vervangt Luc Janssens"): not the one asked for.
	nameObject bool
}

// word is one content word of a question and the words that mean the same.
type word struct {
	text     string
	variants []string
	// optional words (the verb of "wie behandelt …") raise a document that
	// has them but do not count against one that has not.
	optional bool
	// context words come from the sentences around the question.
	context bool
	// acronym words are written in capitals ("DPIA"): an abbreviation
	// names one thing, so in a message's context it weighs as if asked.
	acronym bool
	// object words name who the verb is done to ("wie vervangt de
	// burgemeester"): a document about them is not the answer for that.
	object bool
}

// understand reads a message: the question it asks (see splitMessage), with
// its shape, the organisation, people and roles it names and what is left to
// search for; and its context, whose words weigh half and are optional (they
// raise an answer that has them but never count against one that has not)
// unless the question points back at them.
func (ix view) understand(ctx context.Context, text string) question {
	q := ix.understandMessage(ctx, text)
	if q.org == "" && len(q.names) == 0 && !q.otherName && q.unknownPlace == "" {
		q.org = ix.placeOf(ctx, text)
	}
	return q
}

// understandMessage reads the question and the context of a message.
func (ix view) understandMessage(ctx context.Context, text string) question {
	m := qlex.splitMessage(text)
	q := ix.understandText(ctx, m.question, nil)
	if m.context == "" {
		return q
	}
	whole := m.question + " " + m.context
	if !ix.hasContent(ctx, q) {
		// "Wie is dat?", "Heeft iemand zijn nummer?": the question points
		// into its context, so the whole message is the question, with the
		// shape the asking sentence gave.
		w := ix.understandText(ctx, whole, &q)
		w.text = text
		w.roles = ix.asked(&w, qlex.aboutAsker(m.context))
		// What the context names is what is asked about, at the weight
		// of context. When it names a role or a person, that is the
		// subject, and its other words only help: "de voorzitter van de
		// gemeenteraad even bellen over de zitting van maandag".
		asked := map[string]bool{}
		for _, t := range strings.Fields(knowledge.Fold(m.question)) {
			asked[t] = true
		}
		subject := len(w.roles) > 0 || len(w.names) > 0
		for i := range w.words {
			if !asked[w.words[i].text] {
				w.words[i].context = true
				w.words[i].optional = w.words[i].optional || subject
			}
		}
		return w
	}
	c := ix.understandText(ctx, m.context, nil)
	if q.org == "" && c.org != "" {
		// The town the context names is the one asked about, and a
		// service only another town's pages call so is a word there.
		q.org = c.org
		roles := q.roles[:0:0]
		for _, r := range q.roles {
			if !ix.foreignAlias(q.org, r) {
				roles = append(roles, r)
				continue
			}
			q.words = append(q.words, wordsOf(strings.Fields(r), word{})...)
		}
		q.roles = roles
	}
	c.roles = ix.asked(&c, qlex.aboutAsker(m.context))
	for _, r := range c.roles {
		c.words = append(c.words, wordsOf(strings.Fields(r), word{})...)
	}
	// "Welke schepen is daarvoor bevoegd?", "wie regelt dat?": a
	// pronoun that points back makes the context what is asked about.
	pointsBack := false
	for _, t := range strings.Fields(knowledge.Fold(m.question)) {
		pointsBack = pointsBack || qlex.anaphora[t]
	}
	// What it points back to is what the context says it is about, when it
	// says so ("vragen over de nieuwe parking"): the rest of the context
	// ("ik krijg de laatste weken veel vragen") only helps.
	topic := qlex.topicWords(m.context)
	for _, w := range c.words {
		about := len(topic) == 0 || topic[w.text]
		w.optional, w.context = w.optional || !pointsBack || !about, true
		q.words = append(q.words, w)
	}
	// "… naar Jef Van Looy. Wie is dat?": the person it points back to is
	// the one asked about, and the other words only help, as when a
	// question names someone itself ("welke functie zet ik op de
	// enveloppe?").
	if pointsBack && len(q.names) == 0 && len(c.names) > 0 {
		q.names, q.otherName = c.names, c.otherName
		if q.shape != knowledge.ShapeContactOf && (q.asksRoles || len(q.roles) == 0) {
			q.shape = knowledge.ShapeRolesOfPerson
		}
		for i := range q.words {
			q.words[i].optional = true
		}
	}
	q.text = text
	return q
}

// asked returns the roles of q that are not how the asker describes
// themselves in self, the words of their clauses about themselves (see
// aboutAsker). Those roles, and the other words of such clauses, become
// optional words of context: "ik ben nieuw bij het Sociaal Huis" may help,
// but the Sociaal Huis is not what is asked.
func (ix view) asked(q *question, self map[string]bool) []string {
	if len(self) == 0 {
		return q.roles
	}
	var roles []string
	for _, r := range q.roles {
		own := true
		for _, t := range strings.Fields(r) {
			own = own && self[t]
		}
		if !own {
			roles = append(roles, r)
			continue
		}
		q.words = append(q.words, wordsOf(strings.Fields(r), word{optional: true, context: true})...)
	}
	for i := range q.words {
		if self[q.words[i].text] {
			q.words[i].optional, q.words[i].context = true, true
		}
	}
	return roles
}

// wordsOf makes a word of each folded word of phrase that is no filler,
// with the flags of like.
func wordsOf(phrase []string, like word) []word {
	var out []word
	for _, t := range phrase {
		if !qlex.fillers[t] {
			w := like
			w.text, w.variants = t, []string{t}
			out = append(out, w)
		}
	}
	return out
}

// beforeNoun returns the position of the word before the noun phrase that
// tokens[i] opens, past an article: -1 when there is none.
func beforeNoun(tokens []string, i int) int {
	j := i - 1
	if j >= 0 && (tokens[j] == "de" || tokens[j] == "het" || tokens[j] == "een" || tokens[j] == "the" || tokens[j] == "a") {
		j--
	}
	return j
}

// afterPreposition reports whether tokens[i] stands in a prepositional
// phrase: right after a preposition, or after one and an article.
func afterPreposition(tokens []string, i int) bool {
	j := beforeNoun(tokens, i)
	return j >= 0 && qlex.prepositions[tokens[j]]
}

// inLocative reports whether tokens[start] opens the noun of a locative
// phrase ("in woonzorgcentrum Ter Beke", "op de dienst"): a preposition of
// [locative], an article between them or not.
//
// After a verb of membership the body is what is asked: "wie zit er in het
// CBS", "wie zetelt in de raad" ask for its members.
func inLocative(tokens []string, start int) bool {
	j := beforeNoun(tokens, start)
	if j < 0 || !qlex.locative[tokens[j]] {
		return false
	}
	k := j - 1
	for k >= 0 && qlex.fillers[tokens[k]] && !qlex.membership[tokens[k]] {
		k-- // "wie zit er allemaal in het MAT"
	}
	return k < 0 || !qlex.membership[tokens[k]]
}

// foreignAlias reports whether role is known only as an alias that
// documents of other organisations than org give themselves, and names a
// service or a place rather than a person's role: a document's aliases
// name that document's role (see Index.state), so in a question about org
// "aan het loket" is an ordinary word. Curated role titles, titles that
// name a person ("sportambtenaar") and aliases org's own documents give
// are roles everywhere.
func (ix view) foreignAlias(org, role string) bool {
	v := ix.vocab
	return org != "" && v.aliases[role] && ix.roles.Group(role) == nil && !v.bodies[role] && !knowledge.NamesPerson(role) &&
		!v.heldByOrg(knowledge.Fold(org), role, []string{role})
}

// hasContent reports whether q asks about something of its own: a role, a
// person, or a content word that is not on one page in four. "Welk nummer
// mag ik hem geven?" has only "geven", which is on every other page: such a
// question asks about its context.
func (ix view) hasContent(ctx context.Context, q question) bool {
	if len(q.roles) > 0 || len(q.names) > 0 {
		return true
	}
	var stems []string
	for _, w := range q.words {
		if toks := ix.analyze(w.text); !w.optional && len(toks) > 0 {
			stems = append(stems, string(toks[0].Term))
		}
	}
	df, n := ix.docFreq(ctx, stems)
	for _, s := range stems {
		if df[s] <= n/4 { // a word no document has is content too: asked, and unknown
			return true
		}
	}
	return false
}

// understandText reads one question. like, when not nil, is the asking
// sentence of a message whose whole text this is: its shape words count.
func (ix view) understandText(ctx context.Context, text string, like *question) question {
	q := question{text: text}
	var tokens []string
	rewritten, translations := ix.rewrite(ctx, qlex.dropGreeting(strings.Fields(knowledge.Fold(text))))
	for _, t := range rewritten {
		tokens = append(tokens, strings.Fields(t)...)
	}
	used := make([]bool, len(tokens))
	v := ix.vocab

	// Recognise exact names first, then allow typos in what is left, also
	// when something else matched exactly ("vorzitter van de gemeenteraad"),
	// only where the question has a word the knowledge base does not know.
	unknown := ix.unknownWords(ctx, tokens)
	for i, t := range tokens {
		if w := qlex.correct(t); unknown[i] && w != "" {
			tokens[i], unknown[i] = w, false // "telefononummer"
		}
	}
	find := func(p *phrases) ([]mention, bool) {
		m := p.find(tokens, used, nil, false)
		if !anyOf(unknown) {
			return m, false
		}
		fz := p.find(tokens, used, unknown, true)
		return append(m, fz...), len(fz) > 0
	}
	orgs, fz1 := find(v.orgs)
	if len(orgs) > 0 {
		q.org = orgs[0].key
	}
	for _, o := range orgs {
		// "bij stad Oudenschelde", "gemeente Ravelinge": the level of
		// government is part of the town's name.
		if i := o.start - 1; i >= 0 && qlex.government[tokens[i]] {
			used[i] = true
		}
	}
	capitalised := capitalisedWords(text)
	acronyms := acronymWords(text)
	names, fz2 := find(v.names)
	fz2 = ix.takeNames(ctx, &q, names, tokens, used, unknown, capitalised) || fz2
	ix.municipalTitles(tokens, used)
	roles, fz3 := find(v.roles)
	roles, ofRoles := rolesAsComplements(roles, tokens)
	var topic []string
	var selfWords, roleWords []word
	for _, r := range roles {
		if qlex.describesAsker(tokens, r.start, r.end) {
			// "ik ben raadslid en …", "als schepen …", "raadslid hier":
			// who is asking, not what is asked; it may still help.
			selfWords = append(selfWords, wordsOf(tokens[r.start:r.end], word{optional: true, context: true})...)
			continue
		}
		if ix.foreignAlias(q.org, r.key) {
			if t := v.sharedAliases[r.key]; t != "" {
				r.key = t // "de dienst bevolking": burgerzaken, as the services of other towns call it
			} else {
				// "iemand aan het loket" in Oudenschelde, where only a
				// page of Nethegem calls its service "loket": a word here.
				roleWords = append(roleWords, wordsOf(tokens[r.start:r.end], word{})...)
				continue
			}
		}
		if v.bodies[r.key] && inLocative(tokens, r.start) {
			// "een kortverblijf in woonzorgcentrum Ter Beke": where
			// something is asked, not the body's head; its words are
			// what the answer must speak of.
			roleWords = append(roleWords, wordsOf(strings.Fields(r.key), word{})...)
			continue
		}
		if objectOfVerb(tokens, r.start) && !v.bodies[r.key] {
			// "wie vervangt de burgemeester": the role is who the
			// verb is done to, not the one asked for; its words are
			// what the answer's text must have.
			roleWords = append(roleWords, wordsOf(tokens[r.start:r.end], word{object: true})...)
			continue
		}
		q.roles = append(q.roles, r.key)
		// The role's complement: "schepen van landbouw", "voorzitter
		// van de seniorenraad", "alderman for tourism", "welke schepen
		// heeft dierenwelzijn".
		if i := r.end; i+1 < len(tokens) && qlex.complement[tokens[i]] {
			q.complements = append(q.complements, complement(tokens, used, i+1)...)
		}
		topic = append(topic, strings.Join(tokens[r.start:r.end], " "))
	}
	// A role that is another's complement is searched for by its
	// canonical words ("mat" is the managementteam).
	for _, r := range ofRoles {
		for _, w := range wordsOf(strings.Fields(r.key), word{}) {
			q.complements = append(q.complements, w.text)
			roleWords = append(roleWords, w)
		}
	}
	q.fuzzy = fz1 || fz2 || fz3

	folded := strings.Join(tokens, " ")
	isContact, isRoles, isHandle := false, false, false
	if like != nil {
		isContact, isRoles, isHandle = like.asksContact, like.asksRoles, like.asksHandle
	}
	for i, t := range tokens {
		switch {
		case ix.inflectionOf(qlex.contact, t):
			isContact = true
			used[i] = true
		case qlex.roles[t]:
			isRoles = true
			used[i] = true
		}
		if ix.inflectionOf(qlex.handle, t) {
			isHandle = true
		}
	}
	if strings.HasPrefix(folded, "waar is") || strings.HasPrefix(folded, "waar vind") || strings.Contains(folded, "hoe bel") {
		isContact = true
	}
	// "wie voltrekt huwelijken": the verb right after "wie" asks who does
	// something, whatever the verb.
	verbAt := -1
	if len(tokens) > 2 && !qlex.fillers[tokens[1]] && !used[1] {
		switch tokens[0] {
		case "wie", "who":
			verbAt = 1
			isHandle = true
		case "wat", "what": // "wat houdt … in", "wat doet …"
			verbAt = 1
		}
	}
	for i, t := range tokens {
		if used[i] || (ix.isFiller(t) || qlex.prepositions[t] || qlex.anaphora[t]) && !acronyms[t] || len(t) < 2 {
			continue // "e" of "e-mail", an initial
		}
		if knowledge.IsOrdinal(t) && (i+1 == len(tokens) || !used[i+1]) {
			continue // "mijn eerste loonbrief"; "de eerste schepen" is a title
		}
		// The word as written first (its parts are looked up, see
		// concepts), then its equivalents.
		w := word{text: t, optional: ix.inflectionOf(qlex.handle, t) || i == verbAt, variants: []string{t}, acronym: acronyms[t]}
		for _, g := range append(translations[t], ix.wordGroup(t)...) {
			for _, v := range strings.Fields(knowledge.Fold(g)) {
				if !slices.Contains(w.variants, v) {
					w.variants = append(w.variants, v)
				}
			}
		}
		if _, _, compound := knowledge.RoleHead(t); compound && !w.optional && like == nil && !afterPreposition(tokens, i) {
			// A role noun no title has: "de verkeersdeskundige", "de
			// cultuurconsulent". It is asked as a role, so that nobody
			// holding it is "not found", and one about the same holds it.
			// Not in a prepositional phrase: a "klacht over een
			// loketmedewerker" asks who handles complaints.
			q.roles = append(q.roles, t)
			topic = append(topic, t)
			continue
		}
		q.words = append(q.words, w)
		if !w.optional {
			topic = append(topic, t)
		}
	}
	// "bevoegd voor jumelage", "verantwoordelijk voor sport": what a
	// role is asked about also follows the verb of a task question.
	for i := 0; i+2 < len(tokens); i++ {
		if qlex.handle[tokens[i]] && qlex.complement[tokens[i+1]] {
			for _, w := range complement(tokens, used, i+2) {
				if !slices.Contains(q.complements, w) {
					q.complements = append(q.complements, w)
				}
			}
		}
	}
	q.words = append(q.words, roleWords...)
	q.words = append(q.words, selfWords...)
	q.topic = strings.Join(topic, " ")
	if q.topic == "" {
		q.topic = strings.TrimSpace(text)
	}

	q.asksContact, q.asksRoles, q.asksHandle = isContact, isRoles, isHandle
	if q.org == "" && len(q.names) == 0 && !q.otherName {
		q.unknownPlace = ix.unknownPlace(text, tokens, used, capitalised)
	}
	q.shorthand = len(tokens) <= 3
	switch {
	case isContact:
		q.shape = knowledge.ShapeContactOf
		// Asked how to reach someone named, the person is the subject:
		// "buiten de kantooruren" only says when.
		for i := range q.words {
			q.words[i].optional = q.words[i].optional || len(q.names) > 0
		}
	case len(q.names) > 0 && (isRoles || len(q.roles) == 0):
		q.shape = knowledge.ShapeRolesOfPerson
		// Asked which functions someone has, the person is the subject:
		// the other words ("naast zijn schepenambt") only say which.
		for i := range q.words {
			q.words[i].optional = q.words[i].optional || isRoles
		}
	case opensWith(tokens, qlex.whatDoes) || (isRoles && len(q.roles) > 0):
		q.shape = knowledge.ShapeWhatDoesRole
	case isHandle:
		q.shape = knowledge.ShapeWhoHandles
	case len(q.roles) > 0 || strings.HasPrefix(folded, "wie ") || strings.HasPrefix(folded, "who "):
		q.shape = knowledge.ShapeWhoIsRole
	default:
		q.shape = knowledge.ShapeKeywords
	}
	return q
}

// municipalTitles rewrites a role title that names the level of government
// in its first part to the title without it, when only that is a known
// role: "stadsontvanger" is the ontvanger, "gemeentearchivaris" the
// archivaris. Flemish cities write "stads-" where municipalities write
// "gemeente-" (stadssecretaris, gemeentesecretaris), so the part says where
// the function is, not which.
func (ix view) municipalTitles(tokens []string, used []bool) {
	if ix.dutch == nil {
		return
	}
	isRole := func(w string) bool {
		return len(ix.vocab.roles.find([]string{w}, []bool{false}, nil, false)) > 0
	}
	for i, t := range tokens {
		if used[i] || isRole(t) {
			continue
		}
		parts := ix.dutch.Split(t)
		if len(parts) < 2 || !qlex.government[parts[0]] {
			continue
		}
		if rest := strings.Join(parts[1:], ""); isRole(rest) {
			tokens[i] = rest
		}
	}
}

// inflectionOf reports whether set has t or one of its lemmas:
// "contacteer" is contacteren, "behandelde" behandelen.
func (ix view) inflectionOf(set map[string]bool, t string) bool {
	if set[t] {
		return true
	}
	if ix.dutch == nil {
		return false
	}
	return slices.ContainsFunc(ix.dutch.Lemmas(t), func(l string) bool { return set[l] })
}

// rolesAsComplements splits from roles (found in order) those that are
// what the role before them is of: "bibliotheek" in "welke schepen heeft
// bibliotheek onder zich", "woonzorgcentrum" in "directeur van het
// woonzorgcentrum". They are that role's complement, not roles asked.
func rolesAsComplements(roles []mention, tokens []string) (asked, of []mention) {
	for i, r := range roles {
		if i > 0 && isComplementOf(roles[i-1], r, tokens) {
			of = append(of, r)
		} else {
			asked = append(asked, r)
		}
	}
	return asked, of
}

// isComplementOf reports whether r follows role p as its complement: a
// complement word right after p ("van", "voor", "heeft") or a verb of a
// task ("welke schepen doet toerisme"), then at most fillers ("de", "het"),
// then r.
func isComplementOf(p, r mention, tokens []string) bool {
	if p.end >= r.start || !qlex.complement[tokens[p.end]] && !qlex.handle[tokens[p.end]] {
		return false
	}
	for j := p.end + 1; j < r.start; j++ {
		if !qlex.fillers[tokens[j]] {
			return false
		}
	}
	return true
}

// objectOfVerb reports whether the phrase at start follows the main verb
// of a who-question: "wie vervangt de burgemeester", where the finite verb
// right after "wie" is no copula or auxiliary (those are fillers: "wie is
// de burgemeester"), and so the phrase after it is its object (ANS 18.2:
// in a question the subject is the question word).
func objectOfVerb(tokens []string, start int) bool {
	if start < 2 || len(tokens) < 3 || !qlex.interrogative[tokens[0]] || tokens[0] == "wat" || tokens[0] == "what" || tokens[0] == "welke" {
		return false
	}
	return tokens[1] != "" && !qlex.fillers[tokens[1]] && !qlex.handle[tokens[1]]
}

// isFiller reports whether t is a filler word or an inflection of one:
// "vragen" is the plural of the filler "vraag" ("ik heb een vraag"), "krijg"
// a form of the light verb "krijgen".
func (ix view) isFiller(t string) bool {
	if qlex.fillers[t] {
		return true
	}
	if ix.dutch == nil {
		return false
	}
	return slices.ContainsFunc(ix.dutch.Lemmas(t), func(l string) bool { return qlex.fillers[l] })
}

// unknownPlace returns the town a question ends on ("… van Leuven", "… in
// Gent?") when the knowledge base does not know it: a proper noun (of the
// Dutch lexicon, or written with a capital) after a preposition of place or
// "stad"/"gemeente", as the last word of the question, that no document
// names. "" otherwise.
func (ix view) unknownPlace(text string, tokens []string, used []bool, capitalised map[string]bool) string {
	last := len(tokens) - 1
	if last < 1 || used[last] || !qlex.place[tokens[last-1]] {
		return ""
	}
	w := tokens[last]
	if !capitalised[w] && (ix.dutch == nil || !ix.dutch.IsProperNoun(w)) || ix.vocab.firstNames[w] ||
		len(ix.vocab.names.byFirst[w]) > 0 || len(ix.vocab.roles.byFirst[w]) > 0 || len(ix.vocab.orgs.byFirst[w]) > 0 {
		return ""
	}
	// As the question writes it: "Leuven", not "leuven".
	fields := strings.Fields(text)
	for i := len(fields) - 1; i >= 0; i-- {
		if f := strings.Trim(fields[i], "?!.,;:()\"'"); knowledge.Fold(f) == w {
			return f
		}
	}
	return w
}

// takeNames keeps in q the people of names (found in tokens) and notes a
// person the knowledge base does not know. It reports whether a name was
// only found mistyped.
func (ix view) takeNames(ctx context.Context, q *question, names []mention, tokens []string, used, unknown []bool, capitalised map[string]bool) (fuzzy bool) {
	v := ix.vocab
	// Left to right, whether found exactly or mistyped.
	slices.SortStableFunc(names, func(a, b mention) int { return a.start - b.start })
	skip := map[int]bool{} // mentions taken into a longer one
	for k, n := range names {
		if skip[n.start] {
			continue
		}
		full := strings.Fields(n.key)
		if n.end-n.start == 1 && (tokens[n.start] == full[0] || n.fuzzy) && len(full) > 1 && n.end < len(tokens) &&
			(capitalised[tokens[n.end]] || len(v.names.byFirst[tokens[n.end]]) > 0) {
			// A first name and then a surname: "Sofie Wouterss" is Sofie
			// Wouters mistyped, "Katrien Vanneste" where only Katrien
			// Mertens is known is someone else.
			used[n.start], used[n.end] = false, false
			if m := v.names.find(tokens[:n.end+1], used, unknown, true); len(m) > 0 && m[0].key == n.key && m[0].end == n.end+1 {
				names[k], n = m[0], m[0]
				skip[n.end-1] = true
				fuzzy = true
			} else {
				used[n.start], used[n.end] = true, true
				q.otherName = true
				continue
			}
		}
		// A surname alone, after a word that may be a first name: "natahlie
		// wouters" is Nathalie Wouters mistyped; "Jan Verlinden" where the
		// knowledge base knows Greet Verlinden is someone else.
		if n.end-n.start < len(full) && tokens[n.start] != full[0] && n.start > 0 {
			prev := tokens[n.start-1]
			if !used[n.start-1] && !qlex.fillers[prev] && prev != full[0] && (capitalised[prev] || ix.otherFirstName(ctx, prev)) {
				for i := n.start - 1; i < n.end; i++ {
					used[i] = false
				}
				if m := v.names.find(tokens[:n.end], used, unknown, true); len(m) > 0 && m[0].start == n.start-1 {
					n, fuzzy = m[0], true
				} else {
					for i := n.start - 1; i < n.end; i++ {
						used[i] = i >= n.start
					}
					q.otherName = true
				}
			}
		}
		if len(q.names) == 0 && objectOfVerb(tokens, n.start) {
			q.nameObject = true
		}
		q.names = append(q.names, n.key)
	}
	return fuzzy
}

// complement returns the content words of the phrase that starts at
// tokens[i], up to the next preposition: "de gemeentelijke basisschool" of
// "directeur van de gemeentelijke basisschool in Ravelinge", "sport" of
// "welke schepen heeft sport onder zich".
func complement(tokens []string, used []bool, i int) []string {
	var out []string
	for ; i < len(tokens) && !used[i] && !qlex.place[tokens[i]] && !qlex.complement[tokens[i]] && !qlex.prepositions[tokens[i]]; i++ {
		if !qlex.fillers[tokens[i]] {
			out = append(out, tokens[i])
		}
	}
	return out
}

// acronymWords returns the folded words that text writes in capitals
// only, two letters or more: abbreviations ("IT", "HR", "OCMW"), never the
// function words they may spell ("it").
func acronymWords(text string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if utf8.RuneCountInString(w) >= 2 && strings.ToUpper(w) == w {
			out[knowledge.Fold(w)] = true
		}
	}
	return out
}

// capitalisedWords returns the folded words that text writes with a capital
// other than at the start of a sentence: names, as Dutch writes them.
func capitalisedWords(text string) map[string]bool {
	out := map[string]bool{}
	start := true
	for _, w := range strings.Fields(text) {
		r, _ := utf8.DecodeRuneInString(w)
		if !start && unicode.IsUpper(r) {
			out[knowledge.Fold(w)] = true
		}
		start = strings.ContainsAny(w[len(w)-1:], ".?!:")
	}
	return out
}

// otherFirstName reports whether w, standing before a surname, is a first
// name: a word that starts one of the knowledge base's names, a name of
// the Dutch lexicon, or a word no document has.
func (ix view) otherFirstName(ctx context.Context, w string) bool {
	if ix.vocab.firstNames[w] || len(ix.vocab.names.byFirst[w]) > 0 || ix.dutch != nil && ix.dutch.IsProperNoun(w) {
		return true // a name of someone ("Pieter-Jan"), or a name
	}
	if len(ix.vocab.roles.byFirst[w]) > 0 || len(ix.vocab.orgs.byFirst[w]) > 0 {
		return false
	}
	toks := ix.analyze(w)
	if len(toks) == 0 {
		return false
	}
	df, _ := ix.docFreq(ctx, []string{string(toks[0].Term)})
	return df[string(toks[0].Term)] == 0
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
	// An inflection takes its lemma's group ("klachten", "klacht"). A
	// shared stem decides only for words the lexicon does not know:
	// "accounts" shares a stem with "accounting" but not its meaning.
	if ix.dutch != nil {
		if lemmas := ix.dutch.Lemmas(t); len(lemmas) > 0 {
			for _, l := range lemmas {
				if g := ix.words.Group(l); g != nil {
					return g
				}
			}
			return nil
		}
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
		case qlex.fillers[t] || qlex.contact[t] || qlex.roles[t] || qlex.handle[t] || len(t) < 4:
		case stems[i] != "" && df[stems[i]] > 0:
		case len(ix.vocab.names.byFirst[t]) > 0 || len(ix.vocab.orgs.byFirst[t]) > 0:
		case len(t) >= 8 && ix.dutch != nil && ix.dutch.IsWord(t) && !ix.dutch.IsProperNoun(t):
			// A long word of Dutch is written as meant: two typos
			// (which near allows from eight letters on) rarely make
			// another word, so "verlengen" is no mistyped Verlinden.
			// A short one may be a slip of one letter ("grit" for
			// Griet).
		default:
			out[i] = true
		}
	}
	return out
}
