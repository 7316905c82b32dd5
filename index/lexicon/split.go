package lexicon

// minPart is the shortest part Split accepts: shorter dictionary words
// ("kla", "en", "in") are everywhere inside ordinary words.
const minPart = 3

// linkers are the Dutch linking morphemes (tussenklanken) that may stand
// between the parts of a compound: verkeer-s-ongeval, klacht-en-behandeling,
// and the rarer -e- (schapevlees in the old spelling).
var linkers = [...]string{"en", "s", "e"}

// span is one part of a compound: w[start:end], of which the last link
// bytes are a linking morpheme.
type span struct {
	start, end, link int
}

// Split decompounds w into dictionary words, modifiers first and the head
// last: "informatieveiligheidsadviseur" → [informatie veiligheid
// adviseur], "verkeersongevallen" → [verkeer ongevallen],
// "klachtenbehandeling" → [klacht behandeling]. A linking morpheme
// (-s-, -e-, -en-) is dropped from a modifier, and a modifier that is the
// plural of its lemma (klachten-) becomes that lemma; the head keeps its
// inflection (Lemmas lemmatises it). Every part has at least three
// letters. Split returns [w] when w is no compound.
//
// How much Split trusts the lexicon depends on whether w is in it. A
// word the lexicon knows splits only where Hunspell's own compounding
// flags allow it (the first part may begin a compound, the last may end
// one), which keeps bestuur, directeur, voorzitter and burgemeester
// whole. An unknown word splits into any dictionary words that are not
// names, since it is most likely a compound the word list lacks.
//
// Among the splits it finds, Split takes the one with the fewest parts,
// then the longest head, then the fewest linking morphemes; then it
// splits each part that is a known compound by the flags again. So
// "noodplanningscoordinator" is first noodplanning + coordinator (the
// word list has noodplanning), and in the end [nood planning
// coordinator]: parts that are single words match more text, and the
// head, which says what the compound is, is the same either way.
//
// The flags cannot tell every lexicalised word from a compound: among
// ordinary words, fotograaf (foto + graaf), transmissie (tran + missie),
// leeftijd (leef + tijd), diefstal (dief + stal) and brandweer (brand +
// weer) split.
func (lx *Lexicon) Split(w string) []string {
	parts := lx.parts(w)
	if len(parts) < 2 {
		return []string{w}
	}
	out := make([]string, len(parts))
	for i, p := range parts {
		if i == len(parts)-1 {
			out[i] = w[p.start:p.end]
			continue
		}
		out[i] = lx.modifier(w[p.start:p.end], p.link)
	}
	return out
}

// Head returns the last part of Split(w): the word that says what a
// compound is (a klachtenbehandeling is a behandeling), or w itself.
func (lx *Lexicon) Head(w string) string {
	parts := lx.parts(w)
	if len(parts) < 2 {
		return w
	}
	return w[parts[len(parts)-1].start:]
}

// parts splits w and then each part that is a compound of its own, by
// Hunspell's compounding flags, so that the parts are single words.
func (lx *Lexicon) parts(w string) []span {
	top := lx.split(w, lx.IsWord(w))
	if len(top) < 2 {
		return top
	}
	out := make([]span, 0, len(top)+2)
	for _, p := range top {
		sub := lx.split(w[p.start:p.end-p.link], true)
		if len(sub) < 2 {
			out = append(out, p)
			continue
		}
		for i, s := range sub {
			s.start += p.start
			s.end += p.start
			if i == len(sub)-1 {
				s.end, s.link = p.end, p.link
			}
			out = append(out, s)
		}
	}
	return out
}

// modifier turns the surface of a non-final part into the word it stands
// for: without its linking morpheme, and klachten- as klacht.
func (lx *Lexicon) modifier(p string, link int) string {
	if link > 0 {
		return p[:len(p)-link]
	}
	// A part that Hunspell lists with its linking morpheme (veiligheids-,
	// klachten-): the root, when the part is no word of its own or the
	// root is its lemma.
	for _, l := range linkers {
		if len(p)-len(l) < minPart || p[len(p)-len(l):] != l {
			continue
		}
		root := p[:len(p)-len(l)]
		if !lx.IsWord(root) {
			continue
		}
		if !lx.IsWord(p) || lx.hasLemma(p, root) {
			return root
		}
	}
	return p
}

// split finds the best split of w; strict limits it to Hunspell's
// compounding flags. It returns nil when there is none.
func (lx *Lexicon) split(w string, strict bool) []span {
	n := len(w)
	if n < 2*minPart || !isFolded(w) {
		return nil
	}
	if lx.attr(w)&attrForbidden != 0 {
		return nil
	}
	// best[b] is the best chain of non-final parts that covers w[:b].
	type chain struct {
		ok           bool
		parts, links int
		prev         int // where the last part starts
		link         int
	}
	best := make([]chain, n+1)
	best[0] = chain{ok: true}
	better := func(a, b chain) bool { // a better than b
		if !b.ok {
			return true
		}
		if a.parts != b.parts {
			return a.parts < b.parts
		}
		if a.links != b.links {
			return a.links < b.links
		}
		return a.prev > b.prev // a longer last part
	}
	for b := minPart; b <= n-minPart; b++ {
		for a := 0; a <= b-minPart; a++ {
			if !best[a].ok {
				continue
			}
			link, ok := lx.modifierPart(w[a:b], a == 0, strict)
			if !ok {
				continue
			}
			c := chain{ok: true, parts: best[a].parts + 1, links: best[a].links, prev: a, link: link}
			if link > 0 {
				c.links++
			}
			if better(c, best[b]) {
				best[b] = c
			}
		}
	}
	bestHead := -1
	var bestChain chain
	for a := minPart; a <= n-minPart; a++ {
		if !best[a].ok || !lx.headPart(w[a:], strict) {
			continue
		}
		c := best[a]
		if bestHead < 0 || c.parts < bestChain.parts || c.parts == bestChain.parts && c.links < bestChain.links {
			bestHead, bestChain = a, c
		}
	}
	if bestHead < 0 {
		return nil
	}
	parts := make([]span, bestChain.parts+1)
	parts[len(parts)-1] = span{start: bestHead, end: n}
	for b, i := bestHead, len(parts)-2; i >= 0; i-- {
		c := best[b]
		parts[i] = span{start: c.prev, end: b, link: c.link}
		b = c.prev
	}
	return parts
}

// modifierPart reports whether p may stand before the head of a compound
// (first says whether it begins it), and how many of its last bytes are
// a linking morpheme to drop.
func (lx *Lexicon) modifierPart(p string, first, strict bool) (link int, ok bool) {
	a := lx.attr(p)
	if a&attrProper != 0 {
		return 0, false
	}
	if strict {
		want := uint8(attrBegin)
		if !first {
			want = attrBegin | attrMiddle
		}
		return 0, a&want != 0
	}
	if a&(attrBegin|attrMiddle) != 0 || a&attrWord != 0 && a&attrProper == 0 {
		return 0, true
	}
	for _, l := range linkers {
		if len(p)-len(l) < minPart || p[len(p)-len(l):] != l {
			continue
		}
		ra := lx.attr(p[:len(p)-len(l)])
		if ra&attrWord != 0 && ra&attrProper == 0 {
			return len(l), true
		}
	}
	return 0, false
}

// headPart reports whether h may end a compound.
func (lx *Lexicon) headPart(h string, strict bool) bool {
	a := lx.attr(h)
	if a&attrProper != 0 {
		return false
	}
	if strict {
		return a&attrEnd != 0
	}
	return a&(attrEnd|attrWord) != 0
}

// isFolded reports whether w is one folded word of the letters a–z, the
// only words the Dutch lexicon holds.
func isFolded(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return w != ""
}
