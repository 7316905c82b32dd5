package main

import (
	"bufio"
	"os"
	"sort"
	"strings"
)

// Attributes of a folded form; the values are the ones package lexicon
// reads (index/lexicon/format.go), so they must not change without a new
// format version.
const (
	attrWord      = 1 << iota // a word on its own (not a compound-only form)
	attrBegin                 // may begin a compound (Hunspell COMPOUNDBEGIN)
	attrMiddle                // may stand inside a compound (COMPOUNDMIDDLE)
	attrEnd                   // may end a compound (COMPOUNDEND on its stem)
	attrProper                // only ever spelt with capitals: a name, an abbreviation
	attrForbidden             // FORBIDDENWORD: a known wrong compound
	attrHunspell              // analysed by the affix rules, not only listed
)

// classRoles says what the affix classes of a dictionary do, read from the
// morphological tags OpenTaal puts on each rule ("ts:VB3" and so on), so
// that no flag name is hard-coded.
type classRoles struct {
	verbStem   map[string]bool // finite verb forms built on the stem (behandel → behandelt, behandelde)
	infinitive map[string]bool // present participles built on the infinitive (behandelen → behandelend)
	participle map[string]bool // inflected past participles (behandeld → behandelde)
}

func rolesOf(a *affixFile) classRoles {
	r := classRoles{verbStem: map[string]bool{}, infinitive: map[string]bool{}, participle: map[string]bool{}}
	for flag, cl := range a.classes {
		for _, rule := range cl.rules {
			for _, t := range rule.tags {
				switch {
				case t == "ts:VB3" || strings.HasPrefix(t, "ts:VBh"):
					r.verbStem[flag] = true
				case t == "ts:PPn" || t == "ts:PPe":
					r.infinitive[flag] = true
				case t == "ts:VBpe":
					r.participle[flag] = true
				}
			}
		}
	}
	return r
}

// source is one way a form arises: the stem of entry, with prefix glued in
// front when a PFX rule was applied. flat marks the bare stem of an entry
// that has no affix class of its own (many inflected forms are listed so);
// such a form is its own lemma only when no rule explains it.
type source struct {
	entry  int32
	prefix string
	flat   bool
}

type form struct {
	attrs    uint8
	lower    bool // spelt at least once without capitals
	sources  []source
	lemmas   []string // folded, decided by analyse
	nominal  []string // the lemmas that do not come from a verb entry
	analysed bool     // lemmas come from the affix rules, not from listing alone
	// listedPart: the form is listed without affix classes but with
	// compounding flags, as OpenTaal lists irregular plurals (kinderen,
	// besluiten/Cc) that no rule makes.
	listedPart bool
}

type dutchBuilder struct {
	aff       *affixFile
	roles     classRoles
	entries   []dicEntry
	forms     map[string]*form
	particles []string

	byWord     map[string][]int32 // raw stem → entries
	infinitive map[string]bool    // raw stems that are infinitives
}

func newDutchBuilder(a *affixFile, entries []dicEntry, particles []string) *dutchBuilder {
	b := &dutchBuilder{
		aff:        a,
		roles:      rolesOf(a),
		entries:    entries,
		forms:      map[string]*form{},
		particles:  particles,
		byWord:     map[string][]int32{},
		infinitive: map[string]bool{},
	}
	for i, e := range entries {
		b.byWord[e.word] = append(b.byWord[e.word], int32(i))
		for _, f := range e.flags {
			if b.roles.infinitive[f] {
				b.infinitive[e.word] = true
			}
		}
	}
	return b
}

func (b *dutchBuilder) emit(raw string, src source, attrs uint8) {
	if !allLetters(raw) {
		return
	}
	f := fold(raw)
	if !isLetters(f) {
		return
	}
	fm := b.forms[f]
	if fm == nil {
		fm = &form{}
		b.forms[f] = fm
	}
	fm.attrs |= attrs | attrHunspell
	if !hasUpper(raw) {
		fm.lower = true
	}
	fm.sources = append(fm.sources, src)
}

func contains(flags []string, f string) bool {
	if f == "" {
		return false
	}
	for _, x := range flags {
		if x == f {
			return true
		}
	}
	return false
}

// expand lists every form the affix rules make of every entry, the way
// Hunspell's unmunch does: suffixes, prefixes, their cross products, a
// second suffix or a prefix named in a suffix's continuation class.
func (b *dutchBuilder) expand() {
	a := b.aff
	for i, e := range b.entries {
		idx := int32(i)
		if contains(e.flags, a.forbidden) {
			b.emit(e.word, source{entry: idx, flat: true}, attrForbidden)
			continue
		}
		// An entry with no suffix class of its own is often an inflected
		// form listed whole (coördineert, gaat/Pb…); its stem is its lemma
		// only when no rule makes it from another entry.
		hasSuffix := false
		for _, f := range e.flags {
			if cl := a.classes[f]; cl != nil && !cl.prefix {
				hasSuffix = true
			}
		}
		var attrs uint8
		if !contains(e.flags, a.onlyInCompound) {
			attrs |= attrWord
		}
		if contains(e.flags, a.compoundBegin) {
			attrs |= attrBegin
		}
		if contains(e.flags, a.compoundMiddle) {
			attrs |= attrMiddle
		}
		if contains(e.flags, a.compoundEnd) {
			attrs |= attrEnd
		}
		b.emit(e.word, source{entry: idx, flat: !hasSuffix}, attrs)

		root := []rune(e.word)
		var prefixes []*affixClass
		for _, f := range e.flags {
			if cl := a.classes[f]; cl != nil && cl.prefix {
				prefixes = append(prefixes, cl)
			}
		}
		for _, cl := range prefixes {
			for _, r := range cl.rules {
				if w, ok := applyPrefix(root, r); ok {
					b.emit(w, source{entry: idx, prefix: r.add}, b.derivedAttrs(e, r.cont, true))
				}
			}
		}
		for _, f := range e.flags {
			cl := a.classes[f]
			if cl == nil || cl.prefix {
				continue
			}
			for _, r := range cl.rules {
				w, ok := applySuffix(root, r)
				if !ok {
					continue
				}
				b.emit(w, source{entry: idx}, b.derivedAttrs(e, r.cont, false))
				wr := []rune(w)
				// Continuation: a second suffix, or a prefix this suffix allows.
				for _, cf := range r.cont {
					c2 := a.classes[cf]
					if c2 == nil {
						continue
					}
					for _, r2 := range c2.rules {
						var w2 string
						var ok2 bool
						if c2.prefix {
							w2, ok2 = applyPrefix(wr, r2)
						} else {
							w2, ok2 = applySuffix(wr, r2)
						}
						if ok2 {
							p := ""
							if c2.prefix {
								p = r2.add
							}
							b.emit(w2, source{entry: idx, prefix: p}, b.derivedAttrs(e, r2.cont, c2.prefix))
						}
					}
				}
				if !cl.cross {
					continue
				}
				for _, pc := range prefixes {
					if !pc.cross {
						continue
					}
					for _, pr := range pc.rules {
						if !pr.cond.matchStart(root) || !strings.HasPrefix(w, pr.strip) {
							continue
						}
						b.emit(pr.add+w[len(pr.strip):], source{entry: idx, prefix: pr.add}, b.derivedAttrs(e, r.cont, true))
					}
				}
			}
		}
	}
}

// derivedAttrs follows Hunspell's compounding: an affixed form may begin or
// stand inside a compound when its affix says so, or when its stem may and
// the affix permits it (COMPOUNDPERMITFLAG); it may end one when its stem
// may, since the last part of a compound carries the inflection.
func (b *dutchBuilder) derivedAttrs(e dicEntry, cont []string, prefixed bool) uint8 {
	a := b.aff
	var attrs uint8
	if !contains(cont, a.onlyInCompound) && !contains(e.flags, a.onlyInCompound) {
		attrs |= attrWord
	}
	permit := contains(cont, a.compoundPermit)
	if contains(cont, a.compoundBegin) || permit && contains(e.flags, a.compoundBegin) {
		attrs |= attrBegin
	}
	if contains(cont, a.compoundMiddle) || permit && contains(e.flags, a.compoundMiddle) {
		attrs |= attrMiddle
	}
	if contains(cont, a.compoundEnd) || !prefixed && contains(e.flags, a.compoundEnd) {
		attrs |= attrEnd
	}
	return attrs
}

func applySuffix(root []rune, r affixRule) (string, bool) {
	if !r.cond.matchEnd(root) {
		return "", false
	}
	s := string(root)
	if !strings.HasSuffix(s, r.strip) || len(r.strip) >= len(s) && r.add == "" {
		return "", false
	}
	return s[:len(s)-len(r.strip)] + r.add, true
}

func applyPrefix(root []rune, r affixRule) (string, bool) {
	if !r.cond.matchStart(root) {
		return "", false
	}
	s := string(root)
	if !strings.HasPrefix(s, r.strip) {
		return "", false
	}
	return r.add + s[len(r.strip):], true
}

func (b *dutchBuilder) hasRole(e dicEntry, role map[string]bool) bool {
	for _, f := range e.flags {
		if role[f] {
			return true
		}
	}
	return false
}

// infinitives finds the infinitive of a verb stem with Dutch spelling rules
// (ANS 2.3, "werkwoordsvormen"): the stem plus -en or -n, an open syllable
// writing its long vowel once (neem → nemen, coördineer → coördineren), f
// and s becoming v and z before -en (leef → leven, reis → reizen), a short
// vowel doubling the consonant (zit → zitten). A candidate counts only
// when the dictionary lists it as an infinitive, so the rules may guess
// freely.
func (b *dutchBuilder) infinitives(stem string) []string {
	var cands []string
	add := func(s string) { cands = append(cands, s) }
	add(stem + "en")
	add(stem + "n")
	rs := []rune(stem)
	n := len(rs)
	voice := func(c rune) rune {
		switch c {
		case 'f':
			return 'v'
		case 's':
			return 'z'
		}
		return c
	}
	if n >= 1 {
		last := rs[n-1]
		switch last {
		case 'a', 'o', 'u', 'e', 'i':
			add(stem + string(last) + "n") // ga → gaan, sta → staan
		}
		if v := voice(last); v != last {
			add(string(rs[:n-1]) + string(v) + "en") // reis → reizen, verf → verven
		}
		add(stem + string(last) + "en") // zit → zitten
	}
	if n >= 3 && rs[n-2] == rs[n-3] && strings.ContainsRune("aeou", rs[n-2]) {
		short := string(rs[:n-2]) + string(rs[n-1])
		add(short + "en")                                     // neem → nemen
		add(string(rs[:n-2]) + string(voice(rs[n-1])) + "en") // leef → leven
	}
	var out []string
	seen := map[string]bool{}
	for _, c := range cands {
		if b.infinitive[c] && !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}

// participleInfinitives finds the infinitive of a past participle:
// ge- + stem + -d/-t (gecoördineerd → coördineer → coördineren), with
// the separable particle before ge- (opgebouwd → op + bouwen), without
// ge- after an unstressed prefix (behandeld → behandelen), and the strong
// ge- + infinitive (gegeven → geven). Strong participles with another
// vowel (genomen) are left alone.
func (b *dutchBuilder) participleInfinitives(p string) []string {
	type cand struct{ particle, rest string }
	cands := []cand{{"", p}}
	if strings.HasPrefix(p, "ge") {
		cands = append(cands, cand{"", p[2:]})
	}
	for _, pt := range b.particles {
		if strings.HasPrefix(p, pt+"ge") {
			cands = append(cands, cand{pt, p[len(pt)+2:]})
		} else if strings.HasPrefix(p, pt) {
			cands = append(cands, cand{pt, p[len(pt):]})
		}
	}
	var out []string
	seen := map[string]bool{}
	addAll := func(particle string, infs []string) {
		for _, inf := range infs {
			w := particle + inf
			if particle != "" && !b.infinitive[w] && len(b.byWord[w]) == 0 {
				continue
			}
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	for _, c := range cands {
		if c.rest == "" {
			continue
		}
		if strings.HasSuffix(c.rest, "d") || strings.HasSuffix(c.rest, "t") {
			stem := c.rest[:len(c.rest)-1]
			for _, i := range b.byWord[stem] {
				if b.hasRole(b.entries[i], b.roles.verbStem) {
					addAll(c.particle, b.infinitives(stem))
				}
			}
		}
		if c.rest != p && strings.HasSuffix(c.rest, "en") && b.infinitive[c.rest] {
			addAll(c.particle, []string{c.rest})
		}
	}
	return out
}

// takesParticle reports whether e has a prefix class that adds a
// separable particle: only verbs do (zit/Pn makes voorzit), and stems such
// as zit, whose third person takes no -t, have no other verb flag.
func (b *dutchBuilder) takesParticle(e dicEntry) bool {
	for _, f := range e.flags {
		cl := b.aff.classes[f]
		if cl == nil || !cl.prefix {
			continue
		}
		for _, r := range cl.rules {
			for _, p := range b.particles {
				if r.add == p {
					return true
				}
			}
		}
	}
	return false
}

// rootLemmas is the lemma of an entry: itself, or for a verb stem or a
// participle, the infinitive when the dictionary has it.
func (b *dutchBuilder) rootLemmas(e dicEntry) []string {
	if b.hasRole(e, b.roles.verbStem) || b.takesParticle(e) {
		if inf := b.infinitives(e.word); len(inf) > 0 {
			return inf
		}
	}
	if b.hasRole(e, b.roles.participle) {
		if inf := b.participleInfinitives(e.word); len(inf) > 0 {
			return inf
		}
	}
	return []string{e.word}
}

// analyse decides the lemmas of every form the affix rules made.
func (b *dutchBuilder) analyse() {
	isWord := func(raw string) bool {
		f := b.forms[fold(raw)]
		return f != nil && f.attrs&attrWord != 0
	}
	cache := map[int32][]string{}
	for key, fm := range b.forms {
		var derived, flat, nominal []string
		for _, s := range fm.sources {
			e := b.entries[s.entry]
			verbal := b.hasRole(e, b.roles.verbStem) || b.hasRole(e, b.roles.infinitive) ||
				b.hasRole(e, b.roles.participle) || b.takesParticle(e)
			ls, ok := cache[s.entry]
			if !ok {
				ls = b.rootLemmas(b.entries[s.entry])
				cache[s.entry] = ls
			}
			if s.flat && len(ls) == 1 && ls[0] == e.word {
				flat = append(flat, key)
				if contains(e.flags, b.aff.compoundBegin) || contains(e.flags, b.aff.compoundMiddle) || contains(e.flags, b.aff.compoundEnd) {
					fm.listedPart = true
				}
				continue
			}
			for _, l := range ls {
				if s.prefix != "" && isWord(s.prefix+l) {
					l = s.prefix + l
				}
				derived = append(derived, fold(l))
				if !verbal {
					nominal = append(nominal, fold(l))
				}
			}
		}
		if len(derived) > 0 {
			fm.lemmas = derived
			fm.analysed = true
		} else {
			fm.lemmas = flat
		}
		// Nouns and adjectives first, verbs after, the form itself first
		// among each: kaarten is the plural of kaart before it is a verb.
		fm.nominal = uniqueSelfFirst(key, nominal)
		all := append([]string(nil), fm.nominal...)
		for _, l := range uniqueSelfFirst(key, fm.lemmas) {
			if !containsString(all, l) {
				all = append(all, l)
			}
		}
		fm.lemmas = all
	}
}

// addWordList adds the words of a plain word list that the affix rules do
// not make (mostly compounds, which Hunspell checks by rule instead).
func (b *dutchBuilder) addWordList(path string) (added int, err error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		raw := strings.TrimSpace(sc.Text())
		key := fold(raw)
		if !allLetters(raw) || !isLetters(key) {
			continue
		}
		fm := b.forms[key]
		if fm == nil {
			fm = &form{lemmas: []string{key}}
			b.forms[key] = fm
			added++
		}
		if fm.attrs&attrForbidden != 0 && fm.attrs&attrWord == 0 {
			continue // the word list does not overrule Hunspell's FORBIDDENWORD
		}
		fm.attrs |= attrWord
		if !hasUpper(raw) {
			fm.lower = true
		}
	}
	return added, sc.Err()
}

// headLemmas lemmatises listed words that no rule explains by their head,
// the longest suffix the rules do explain: gemeentehuizen → gemeente +
// huizen → gemeente + huis. The glued lemma must be a word itself, which
// keeps adverbs such as bovendien (boven + dien, a stem of dienen) whole.
// It runs after addWordList, so that a head's glued lemma may come from
// the word list, and reads only lemmas the rules decided.
func (b *dutchBuilder) headLemmas() {
	keys := make([]string, 0, len(b.forms))
	for k, fm := range b.forms {
		if !fm.analysed && fm.attrs&attrWord != 0 {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	updates := map[string][]string{}
	for _, k := range keys {
		for i := 2; i+3 <= len(k); i++ {
			h := b.forms[k[i:]]
			if h == nil || h.attrs&attrWord == 0 || h.attrs&attrProper != 0 {
				continue
			}
			// A compound is a noun like most: read the head as a noun
			// when it can be one (kaarten the plural, not the verb).
			hl := h.nominal
			if len(hl) == 0 {
				hl = h.lemmas
			}
			if !h.analysed || hl[0] == k[i:] {
				break // the longest head is a lemma itself
			}
			var ls []string
			for _, l := range hl {
				g := k[:i] + l
				if g == k {
					ls = append(ls, g)
					continue
				}
				if gf := b.forms[g]; gf != nil && gf.attrs&attrWord != 0 {
					ls = append(ls, g)
				}
			}
			if len(ls) > 0 {
				updates[k] = uniqueSelfFirst(k, ls)
			}
			break
		}
	}
	for k, ls := range updates {
		b.forms[k].lemmas = ls
	}
}

// listedPlurals lemmatises the plurals that OpenTaal lists as words of
// their own, with compounding flags but no link to their singular:
// kinderen (kind + -eren), besluiten (besluit + -en; as an entry, only the
// infinitive). The singular must be a noun or adjective the dictionary
// lists; a form that already has such a lemma keeps it (zaken is the plural
// of zaak, not of zak).
func (b *dutchBuilder) listedPlurals() {
	for k, fm := range b.forms {
		if !fm.listedPart || len(fm.nominal) > 0 {
			continue
		}
		// Not -s: alles, species and hamas are no plurals of alle,
		// specie and hama.
		for _, suf := range []string{"eren", "en"} {
			base := strings.TrimSuffix(k, suf)
			if base == k || len(base) < 3 {
				continue
			}
			bf := b.forms[base]
			if bf == nil || bf.attrs&attrWord == 0 || bf.attrs&attrHunspell == 0 {
				continue
			}
			// A noun the rules know, or one listed as it is (besluit/CcCa).
			noun := bf.analysed && len(bf.nominal) > 0 && bf.nominal[0] == base ||
				!bf.analysed && bf.lemmas[0] == base
			if !noun {
				continue
			}
			fm.nominal = []string{base}
			if fm.analysed {
				fm.lemmas = append([]string{base}, fm.lemmas...)
			} else {
				fm.lemmas = []string{base}
				fm.analysed = true
			}
			break
		}
	}
}

// finish settles the attributes that depend on all sources.
func (b *dutchBuilder) finish() {
	for _, fm := range b.forms {
		if !fm.lower {
			fm.attrs |= attrProper
		}
		if fm.attrs&attrWord != 0 {
			fm.attrs &^= attrForbidden
		}
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// uniqueSelfFirst sorts lemmas, drops duplicates and puts the form itself
// first when it is one of its own lemmas, so callers that want one lemma
// take the first.
func uniqueSelfFirst(self string, ls []string) []string {
	sort.Strings(ls)
	out := ls[:0]
	for i, l := range ls {
		if i > 0 && l == ls[i-1] {
			continue
		}
		out = append(out, l)
	}
	for i, l := range out {
		if l == self {
			copy(out[1:i+1], out[:i])
			out[0] = self
			break
		}
	}
	return out
}
