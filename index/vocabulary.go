package index

import (
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/wieiswie/wieiswie/knowledge"
)

// vocabulary is what the knowledge base lets us recognise in a question
// before any search: organisations, people's names and role titles, each a
// sequence of folded words, looked up by their first word.
type vocabulary struct {
	orgs  *phrases
	names *phrases
	roles *phrases
	// held holds the canonical roles some document holds or describes; a
	// question about a role outside it has no answer here.
	held map[string]bool
	// heldTitles are the folded role titles the documents hold.
	heldTitles []string
	// heldIn and heldTitlesIn are held and heldTitles by folded
	// organisation ("" for documents of none). A set per organisation
	// rather than one set of pairs: at 100,000 documents the pairs' keys
	// took 17 MB.
	heldIn       map[string]map[string]struct{}
	heldTitlesIn map[string][]string
	// known are role titles the documents hold, for "I do know about …".
	known []string
	// firstNames are the first words of people's names.
	firstNames map[string]bool
	// bodies are the canonical names of bodies and services (a functions
	// table's bodies, service pages, overview pages' titles), which are
	// named like roles but held by nobody in particular.
	bodies map[string]bool
	// orgNames are the organisations the documents belong to, sorted.
	orgNames []string
	// people finds a person's or service's own document by organisation
	// and name.
	people map[personKey]string
	// aliases are the canonical forms of the documents' aliases; see
	// foreignAlias. sharedAliases maps an alias that the services of two
	// organisations or more give themselves to the title they share:
	// "bevolking" is burgerzaken in Ravelinge and in Nethegem.
	aliases       map[string]bool
	sharedAliases map[string]string
}

// personKey is a folded organisation and folded name.
type personKey struct{ org, name string }

// phrase is a sequence of folded words that stands for key.
type phrase struct {
	words []string
	key   string
}

// phrases indexes phrases by their first word, and first words by their
// stem so "schepenen" finds "schepen".
type phrases struct {
	byFirst map[string][]phrase
	byStem  map[string][]string
	// byInitial holds the first words by their first letter, so a fuzzy
	// look-up scans one letter's words, not all of them.
	byInitial map[byte][]string
	stem      func(string) string
	// added holds the texts and keys added, so the same title on a
	// thousand cards is folded once.
	added map[[2]string]bool
	// exact phrases match only as written (or mistyped), never by stem:
	// names, where Griet Schepens is no schepen.
	exact bool
}

func newPhrases(stem func(string) string) *phrases {
	return &phrases{byFirst: map[string][]phrase{}, byStem: map[string][]string{}, byInitial: map[byte][]string{}, stem: stem, added: map[[2]string]bool{}}
}

func (p *phrases) add(text, key string) {
	if p.added[[2]string{text, key}] {
		return
	}
	p.added[[2]string{text, key}] = true
	folded := knowledge.Fold(text)
	if folded != text {
		if p.added[[2]string{folded, key}] {
			return
		}
		p.added[[2]string{folded, key}] = true
	}
	words := strings.Fields(folded)
	if allFillers(words) {
		return // "de = het" in a list must not turn every question into a role
	}
	first := words[0]
	if _, ok := p.byFirst[first]; !ok {
		s := p.stem(first)
		p.byStem[s] = append(p.byStem[s], first)
		p.byInitial[first[0]] = append(p.byInitial[first[0]], first)
	}
	p.byFirst[first] = append(p.byFirst[first], phrase{words: words, key: key})
}

// done drops what only adding needs.
func (p *phrases) done() { p.added = nil }

func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// nameParticles are the small words of Flemish surnames (Van de Velde).
var nameParticles = map[string]bool{"van": true, "de": true, "der": true, "den": true, "het": true, "ter": true, "ten": true, "le": true, "la": true, "d": true}

// newVocabulary reads what questions can name from docs.
func newVocabulary(docs map[string]*knowledge.Document, roles *knowledge.Equivalences, stem func(string) string) *vocabulary {
	v := &vocabulary{orgs: newPhrases(stem), names: newPhrases(stem), roles: newPhrases(stem), held: map[string]bool{}, firstNames: map[string]bool{},
		heldIn: map[string]map[string]struct{}{}, heldTitlesIn: map[string][]string{}, people: make(map[personKey]string, len(docs)), bodies: map[string]bool{}, aliases: map[string]bool{}, sharedAliases: map[string]string{}}
	v.names.exact = true
	// people by first name: one who is the only one with it is named by it
	// alone ("wie is Bram?"), as colleagues do.
	byFirstName := map[string]map[string]bool{}
	namesSeen := map[string]bool{}
	abbr := newAbbreviations()
	for _, g := range roles.Groups() {
		key := knowledge.Fold(g[0])
		for _, t := range g {
			v.roles.add(t, key)
			abbr.fromTitle(knowledge.Fold(t), key, abbrTitle)
		}
	}
	known := map[string]string{}
	// Titles repeat on thousands of documents: find each one's canonical
	// form once, and take in each function once.
	canon, fold := knowledge.Memo(roles.Canonical), knowledge.Memo(knowledge.Fold)
	org := ""
	holds := func(title string) {
		key := canon(title)
		v.roles.add(title, key)
		if !v.held[key] {
			v.heldTitles = append(v.heldTitles, fold(title))
		}
		v.held[key] = true
		if v.holdIn(org, key) {
			v.heldTitlesIn[org] = append(v.heldTitlesIn[org], fold(title))
		}
	}
	type orgFunction struct {
		org string
		f   knowledge.Function
	}
	seen := map[orgFunction]bool{}
	aliasOrgs := map[[2]string]map[string]bool{} // alias, title → organisations
	// In the order of their sources, so that of two people with one
	// surname the same one is found every time.
	for _, src := range slices.Sorted(maps.Keys(docs)) {
		d := docs[src]
		org = fold(d.Organisation)
		if d.Organisation != "" {
			if !v.orgs.added[[2]string{d.Organisation, d.Organisation}] {
				v.orgNames = append(v.orgNames, d.Organisation)
			}
			v.orgs.add(d.Organisation, d.Organisation)
		}
		if d.Name != "" {
			v.addName(d.Name, namesSeen, byFirstName)
			k := personKey{org, knowledge.Fold(d.Name)}
			if _, ok := v.people[k]; !ok {
				v.people[k] = d.Source
			}
		}
		// People an overview page names hold their roles there, and are
		// asked about by name.
		for _, m := range d.People {
			v.addName(m.Name, namesSeen, byFirstName)
			for _, t := range m.Titles {
				holds(t)
			}
		}
		if (d.Kind == knowledge.KindService || d.Kind == knowledge.KindGeneric) && d.Title != "" {
			// A service is named like a body ("de milieudienst"), and so is
			// the body an overview page is titled by ("het college van
			// burgemeester en schepenen", "het CBS"): the page holds it.
			t := titleRole(d)
			key := canon(t)
			v.roles.add(t, key)
			v.bodies[key] = true
			v.held[key] = true
			v.holdIn(org, key)
			abbr.fromTitle(fold(t), key, abbrBody)
		}
		if d.Role != "" {
			holds(d.Role)
			abbr.fromTitle(fold(d.Role), canon(d.Role), abbrTitle)
		}
		for _, f := range d.Functions {
			if seen[orgFunction{org, f}] {
				continue
			}
			seen[orgFunction{org, f}] = true
			for _, t := range functionTitles(f) {
				holds(t)
			}
			abbr.fromTitle(fold(f.Title), canon(f.Title), abbrTitle)
			if f.Body != "" {
				// A body is named like a role ("het BCSD") and held by its members.
				key := canon(f.Body)
				v.roles.add(f.Body, key)
				v.bodies[key] = true
				abbr.fromTitle(fold(f.Body), key, abbrBody)
				v.held[key] = true
				v.holdIn(org, key)
			}
			// Of several titles for one role, the same one every time.
			if t, ok := known[canon(f.Title)]; !ok || f.Title < t {
				known[canon(f.Title)] = f.Title
			}
		}
		for _, p := range d.Passages {
			if strings.Contains(p.Text, "(") {
				abbr.fromText(p.Text, canon)
			}
		}
		if strings.Contains(d.Title, "(") {
			abbr.fromText(d.Title, canon)
		}
		for _, a := range d.Aliases {
			v.roles.add(a, canon(a))
			v.aliases[canon(a)] = true
			if d.Kind == knowledge.KindService && d.Title != "" && org != "" {
				k := [2]string{canon(a), canon(titleRole(d))}
				if aliasOrgs[k] == nil {
					aliasOrgs[k] = map[string]bool{}
				}
				aliasOrgs[k][org] = true
			}
			v.held[canon(a)] = true
			v.holdIn(org, canon(a))
		}
	}
	for _, k := range slices.SortedFunc(maps.Keys(aliasOrgs), func(a, b [2]string) int { return strings.Compare(a[0]+"\x00"+a[1], b[0]+"\x00"+b[1]) }) {
		if _, taken := v.sharedAliases[k[0]]; !taken && len(aliasOrgs[k]) >= 2 && k[0] != k[1] {
			v.sharedAliases[k[0]] = k[1]
		}
	}
	abbr.each(func(a, key string) {
		if len(v.roles.byFirst[a]) == 0 {
			v.roles.add(a, key)
		}
	})
	for _, first := range slices.Sorted(maps.Keys(byFirstName)) {
		people := byFirstName[first]
		if len(people) == 1 && len(first) >= 3 && !qlex.fillers[first] {
			for full := range people {
				v.names.add(first, full)
			}
		}
	}
	sort.Strings(v.orgNames)
	v.orgs.done()
	v.names.done()
	v.roles.done()
	for _, t := range known {
		v.known = append(v.known, t)
	}
	sort.Strings(v.known)
	return v
}

// titleRole is the title of a service or overview page as the name of what
// it is about, without the town it names: "Sociaal Huis Nethegem" is the
// sociaal huis, "Organogram stad en OCMW Oudenschelde" the organogram.
func titleRole(d *knowledge.Document) string {
	words := strings.Fields(knowledge.Fold(d.Title))
	org := strings.Fields(knowledge.Fold(d.Organisation))
	if n := len(org); n > 0 && len(words) > n && equalWords(words[len(words)-n:], org) {
		words = words[:len(words)-n]
		for len(words) > 1 && (qlex.fillers[words[len(words)-1]] || qlex.place[words[len(words)-1]] || words[len(words)-1] == "ocmw") {
			words = words[:len(words)-1]
		}
	}
	return strings.Join(words, " ")
}

// addName makes a person's name recognisable in questions: in full, by
// surname, and (counted in byFirstName) by first name. seen holds the names
// taken in: a name on many pages is taken in once.
func (v *vocabulary) addName(name string, seen map[string]bool, byFirstName map[string]map[string]bool) {
	if seen[name] {
		return
	}
	seen[name] = true
	full := knowledge.Fold(name)
	v.names.add(full, full)
	// The surname alone ("Van Hecke", "Gobert") names the person too.
	if w := strings.Fields(full); len(w) > 1 && significant(w[1:]) {
		v.names.add(strings.Join(w[1:], " "), full)
		v.firstNames[w[0]] = true
		if byFirstName[w[0]] == nil {
			byFirstName[w[0]] = map[string]bool{}
		}
		byFirstName[w[0]][full] = true
	}
}

// holdIn records that a document of org holds role, and reports whether
// that is new.
func (v *vocabulary) holdIn(org, role string) bool {
	roles := v.heldIn[org]
	if roles == nil {
		roles = map[string]struct{}{}
		v.heldIn[org] = roles
	}
	if _, ok := roles[role]; ok {
		return false
	}
	roles[role] = struct{}{}
	return true
}

// heldWithin reports whether a held title contains one of forms.
func (v *vocabulary) heldWithin(forms []string) bool {
	for _, t := range v.heldTitles {
		if within(t, forms) {
			return true
		}
	}
	return false
}

// heldByOrg reports whether a document of org (folded), or of no
// organisation, holds role or a title containing one of its forms.
func (v *vocabulary) heldByOrg(org, role string, forms []string) bool {
	for _, o := range []string{org, ""} {
		if _, ok := v.heldIn[o][role]; ok {
			return true
		}
		for _, t := range v.heldTitlesIn[o] {
			if within(t, forms) {
				return true
			}
		}
	}
	return false
}

func allFillers(words []string) bool {
	for _, w := range words {
		if !qlex.fillers[w] {
			return false
		}
	}
	return true
}

// significant reports whether a surname has a word long enough to identify
// someone (not just "de" or "van").
func significant(words []string) bool {
	for _, w := range words {
		if !nameParticles[w] && len(w) >= 3 {
			return true
		}
	}
	return false
}

// mention is a phrase found in a question.
type mention struct {
	key        string
	start, end int // token range in the question
	fuzzy      bool
}

// find returns the phrases of p in tokens, longest first, never overlapping
// each other or a used token. With fuzzy, words may differ by a letter or
// two (see near), and a phrase is only taken when it covers a token marked
// unknown (a word the knowledge base does not have: a typo); otherwise
// words must be equal or share a stem.
func (p *phrases) find(tokens []string, used, unknown []bool, fuzzy bool) []mention {
	var out []mention
	for i := 0; i < len(tokens); i++ {
		if used[i] {
			continue
		}
		best := mention{end: -1}
		exact := false
		try := func(cands []phrase) {
			for _, ph := range cands {
				n := len(ph.words)
				// Longest first; of equal length, one written exactly as
				// asked wins over one that only shares the stem
				// ("westhoven" is Westhoven, not Westhove).
				if i+n > len(tokens) || n < best.end-best.start || (n == best.end-best.start && (exact || !equalWords(ph.words, tokens[i:i+n]))) {
					continue
				}
				ok := true
				for j, w := range ph.words {
					if used[i+j] || !p.wordMatch(tokens[i+j], w, fuzzy) {
						ok = false
						break
					}
				}
				if ok && fuzzy && !anyOf(unknown[i:i+n]) {
					ok = false
				}
				if ok {
					best = mention{key: ph.key, start: i, end: i + n, fuzzy: fuzzy}
					exact = equalWords(ph.words, tokens[i:i+n])
				}
			}
		}
		if !fuzzy && p.exact {
			try(p.byFirst[tokens[i]])
		} else if !fuzzy {
			for _, first := range p.byStem[p.stem(tokens[i])] {
				try(p.byFirst[first])
			}
		} else if len(tokens[i]) >= 4 && !qlex.fillers[tokens[i]] {
			for _, first := range p.byInitial[tokens[i][0]] {
				if near(tokens[i], first) {
					try(p.byFirst[first])
				}
			}
		}
		if best.end > 0 {
			out = append(out, best)
			for j := best.start; j < best.end; j++ {
				used[j] = true
			}
			i = best.end - 1
		}
	}
	return out
}

func anyOf(bs []bool) bool {
	for _, b := range bs {
		if b {
			return true
		}
	}
	return false
}

func (p *phrases) wordMatch(token, word string, fuzzy bool) bool {
	if token == word {
		return true
	}
	if fuzzy {
		return near(token, word)
	}
	return !p.exact && len(token) >= 4 && len(word) >= 4 && p.stem(token) == p.stem(word)
}

// near reports whether a and b differ by few enough letters to be the same
// word mistyped: one letter from four letters on, two from eight.
func near(a, b string) bool {
	n := min(len(a), len(b))
	max := 0
	switch {
	case n >= 8:
		max = 2
	case n >= 4:
		max = 1
	default:
		return a == b
	}
	if d := len(a) - len(b); d > max || -d > max {
		return false
	}
	return damerau(a, b, max) <= max
}

// damerau is the edit distance of a and b counting a swap of two adjacent
// letters as one edit (the commonest typo: "advisuer"), giving up
// (returning limit+1) as soon as it must exceed limit.
func damerau(a, b string, limit int) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
