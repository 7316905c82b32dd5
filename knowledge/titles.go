package knowledge

import (
	"bufio"
	_ "embed"
	"regexp"
	"strings"
	"sync"
)

// Role titles are read from text ("adjunct-algemeen directeur Nathalie
// Wouters", "Klachten: Joke Ramaekers, klachtencoördinator") and compared
// across documents ("wnd. financieel directeur" holds the function of a
// "Functiebeschrijving financieel directeur"). Both rest on the words of
// data/titlewords.txt: the role nouns that end a title, the acting and
// qualifying words that do not change which function it is, and the
// modifiers that do.
//
//go:embed data/titlewords.txt
var titleWordsTxt string

// titleLexicon is data/titlewords.txt, folded (see Fold).
type titleLexicon struct {
	heads      []string        // role nouns: a word ending in one is a role title
	acting     map[string]bool // "waarnemend", "wnd", "ad interim": stripped
	qualifiers map[string]bool // "gemeentelijk": stripped from unknown titles
	glued      []string        // "stads", "gemeente": qualifiers glued to the title
	modifiers  map[string]bool // "adjunct": part of the title, never stripped
	roleTerms  map[string]bool // the one-word terms of data/roles.txt: "dpo", "ombudsman"
}

// titleWords returns the parsed lexicon. Parsed once; never modified after.
var titleWords = sync.OnceValue(func() *titleLexicon {
	lex := &titleLexicon{acting: map[string]bool{}, qualifiers: map[string]bool{},
		modifiers: map[string]bool{}, roleTerms: map[string]bool{}}
	section := ""
	sc := bufio.NewScanner(strings.NewReader(titleWordsTxt))
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			section = line
			continue
		}
		f := Fold(line)
		if f == "" {
			continue
		}
		switch section {
		case "[heads]":
			lex.heads = append(lex.heads, f)
		case "[acting]":
			lex.acting[f] = true
		case "[qualifiers]":
			if strings.HasSuffix(line, "-") {
				lex.glued = append(lex.glued, f)
			} else {
				lex.qualifiers[f] = true
			}
		case "[modifiers]":
			lex.modifiers[f] = true
		}
	}
	for _, g := range DefaultRoles().Groups() {
		for _, term := range g {
			if f := Fold(term); f != "" && !strings.Contains(f, " ") {
				lex.roleTerms[f] = true
			}
		}
	}
	return lex
})

// isRoleWord reports whether the word w names a role: a one-word title of
// data/roles.txt ("DPO"), or a word whose last part is a role noun
// ("noodplanningscoördinator", "ICT-coördinator", "diensthoofd"). Dutch
// compounds put their head last, so the ending decides; plurals
// ("diensthoofden") are not roles, they name no one.
func isRoleWord(w string) bool {
	f := Fold(w)
	if f == "" {
		return false
	}
	lex := titleWords()
	if lex.roleTerms[f] {
		return true
	}
	last := f[strings.LastIndexByte(f, ' ')+1:]
	for _, h := range lex.heads {
		if strings.HasSuffix(last, h) {
			return true
		}
	}
	return false
}

// NamesPerson reports whether the title t names a person's role: its last
// word is a role noun or a one-word title of data/roles.txt ("consulent",
// "sportambtenaar", "DPO"), not a service or a place ("loket",
// "burgerzaken").
func NamesPerson(t string) bool { return isRoleWord(t) }

// RoleHead splits a compound role noun into what it is about and the role
// noun that ends it: "jeugdconsulent" → "jeugd", "consulent";
// "noodplanningscoördinator" → "noodplanning", "coördinator" (the linking
// -s- dropped). ok is false for a word that does not end in a role noun or
// is one (nothing before it).
func RoleHead(w string) (modifier, head string, ok bool) {
	f := Fold(w)
	if f == "" || strings.Contains(f, " ") {
		return "", "", false
	}
	for _, h := range titleWords().heads { // the longest role noun it ends in
		if strings.HasSuffix(f, h) && len(f) > len(h)+2 && len(h) > len(head) {
			head = h
		}
	}
	if head == "" {
		return "", "", false
	}
	modifier = f[:len(f)-len(head)]
	if strings.HasSuffix(modifier, "s") && len(modifier) > 3 {
		modifier = modifier[:len(modifier)-1]
	}
	return modifier, head, true
}

// ordinal matches the ordinals that rank schepenen: "eerste", "1ste", "2de".
var ordinal = regexp.MustCompile(`^(?:\d{1,2}(?:ste|de|e)|eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende)$`)

// IsOrdinal reports whether w (folded) is an ordinal number: "eerste",
// "2de". Before a role it ranks it ("eerste schepen"); elsewhere it says
// nothing of who is meant ("mijn eerste loonbrief").
func IsOrdinal(w string) bool { return ordinal.MatchString(w) }

// adjectiveEndings are the endings of the Dutch adjectives that stand before
// a role noun in a title: algemeen, financieel, sociaal, juridisch,
// administratief, hoofdmaatschappelijk, waarnemend, deskundig, and their
// inflected forms (financiële → folded "financiele").
var adjectiveEndings = []string{"een", "eel", "aal", "lijk", "isch", "ief", "end", "ig",
	"ene", "ele", "ale", "lijke", "ische", "ieve", "ende", "ige"}

// isModifier reports whether w can stand before the role noun inside a
// title: an acting or qualifying word, a listed modifier ("adjunct"), an
// ordinal or an adjective ("adjunct-algemeen" counts by its last part).
func isModifier(w string) bool {
	f := Fold(w)
	if f == "" || functionWords[f] {
		return false
	}
	lex := titleWords()
	if lex.acting[f] || lex.qualifiers[f] || lex.modifiers[f] || ordinal.MatchString(f) {
		return true
	}
	last := f[strings.LastIndexByte(f, ' ')+1:]
	for _, e := range adjectiveEndings {
		if strings.HasSuffix(last, e) && len(last) > len(e)+1 {
			return true
		}
	}
	return false
}

// functionWords are the Dutch words that never belong to a role title:
// articles, pronouns, conjunctions, prepositions and the commonest verbs. The
// few that do occur inside one ("voorzitter van het bijzonder comité voor de
// sociale dienst") are in titleConnectors.
var functionWords = setOf("de", "het", "een", "t", "en", "of", "maar", "dat", "die", "dit", "deze",
	"wie", "wat", "waar", "waarin", "waarop", "wanneer", "hoe", "is", "zijn", "was", "waren", "wordt",
	"worden", "werd", "heeft", "hebben", "had", "kan", "kunnen", "zal", "moet", "mag", "met", "door",
	"bij", "aan", "naar", "op", "in", "uit", "onder", "over", "tot", "om", "te", "als", "ook", "er",
	"niet", "geen", "zowel", "tevens", "eveneens", "tegelijk", "samen", "nu", "zelf", "hij", "zij",
	"ze", "hem", "haar", "hen", "je", "jij", "u", "we", "wij", "zich", "van", "voor", "der", "den",
	"zoals", "ofwel", "via", "per", "na", "sinds", "vroeger", "nog", "al", "dan", "daar", "hier",
	"elke", "elk", "alle", "iedere", "ieder", "welke", "waarmee", "wiens", "wier")

// titleConnectors may stand inside a title, between the role noun and what
// it is the role of, but never end one.
var titleConnectors = setOf("van", "voor", "de", "het", "der", "den", "t", "en")

// titleLeaders are dropped from the start of a title phrase: articles and
// the adverbs of "die ook diensthoofd is", "is zowel X als Y".
var titleLeaders = setOf("de", "het", "een", "t", "ook", "er", "zowel", "tevens", "eveneens", "tegelijk", "nu", "zelf")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// maxTitleWords bounds a title phrase: "voorzitter van het bijzonder comité
// voor de sociale dienst" has nine words.
const maxTitleWords = 12

// titlePhrase reads words as one role title: modifiers, a role noun, and what
// it is the role of ("adjunct-algemeen directeur", "diensthoofd Omgeving en
// Milieu", "voorzitter van het bijzonder comité voor de sociale dienst").
// Leading articles are dropped. When strict, the words are followed by a
// name in running text, where a verb may come between a title and a name ("De
// preventieadviseur helpt Jan Peeters"): then what follows the role noun
// must start with a capital, a connector or an adjective ("diensthoofd
// technische dienst Stefaan Vanhee") and hold no other role noun ("aan het
// hoofd van de organisatie staat algemeen directeur Jan Peeters"). It returns the title as written, with a
// capital that only starts the sentence lowered.
func titlePhrase(words []string, strict bool) (string, bool) {
	for len(words) > 0 && titleLeaders[Fold(words[0])] {
		words = words[1:]
	}
	if len(words) == 0 || len(words) > maxTitleWords {
		return "", false
	}
	head := 0
	for head < len(words) && !isRoleWord(words[head]) {
		elided := isElided(words[head]) || head > 0 && isElided(words[head-1]) && (Fold(words[head]) == "en" || Fold(words[head]) == "of")
		if !elided && !isModifier(words[head]) || head == 4 {
			return "", false
		}
		head++
	}
	if head == len(words) {
		return "", false
	}
	rest := words[head+1:]
	for i, w := range rest {
		f := Fold(w)
		if f == "" || strings.ContainsAny(w, "0123456789@/") || functionWords[f] && !titleConnectors[f] {
			return "", false
		}
		if i == len(rest)-1 && titleConnectors[f] {
			return "", false // "schepen van"
		}
	}
	if strict && len(rest) > 0 {
		w := rest[0]
		if !startsUpper(w) && !titleConnectors[Fold(w)] && !isModifier(w) && !strings.HasSuffix(Fold(w), "e") {
			return "", false
		}
		for _, w := range rest {
			if isRoleWord(w) {
				return "", false // the last role noun before a name heads its title
			}
		}
	}
	out := append([]string(nil), words...)
	out[0] = lowerInitial(out[0])
	return strings.Join(out, " "), true
}

// isElided reports whether w is the first part of a compound whose head
// the next word gives: "jeugd-" in "jeugd- en sportconsulent".
func isElided(w string) bool { return len(w) > 2 && strings.HasSuffix(w, "-") }

// titleList reads words as one or more role titles joined by "en" or "als"
// ("schepen en voorzitter van het bijzonder comité voor de sociale dienst",
// "zowel omgevingsambtenaar als milieuambtenaar"). A split is only made
// where both sides are titles, so "coördinator klantencontact en klachten"
// stays one title.
func titleList(words []string, strict bool) []string {
	if len(words) > maxTitleWords {
		return nil
	}
	for i := 1; i < len(words)-1; i++ {
		if f := Fold(words[i]); f != "en" && f != "als" {
			continue
		}
		left := titleList(words[:i], false)
		if left == nil {
			continue
		}
		if right := titleList(words[i+1:], strict); right != nil {
			return append(left, right...)
		}
	}
	if t, ok := titlePhrase(words, strict); ok {
		return []string{t}
	}
	return nil
}

// lowerInitial lowers the first letter of a word that is capitalised only
// because it starts a sentence or a label ("Diensthoofd"), not of an
// abbreviation ("ICT-coördinator", "DPO").
func lowerInitial(w string) string {
	r := []rune(w)
	if len(r) > 1 && isUpper(r[0]) && isLower(r[1]) {
		return strings.ToLower(string(r[0])) + string(r[1:])
	}
	return w
}

// A title says which role someone holds; comparing two titles needs the
// role itself. roleKeys gives the canonical roles (see
// Equivalences.Canonical) a title holds, by these rules, in order:
//
//  1. the title itself: "Gemeentesecretaris" holds "algemeen directeur";
//     a title data/roles.txt knows holds only that;
//  2. without an acting word at its start or end: "waarnemend financieel
//     directeur", "wnd. financieel directeur", "diensthoofd a.i." hold
//     "financieel directeur" and "diensthoofd";
//  3. without a qualifier that says whose function it is:
//     "gemeentelijk omgevingsambtenaar" holds "omgevingsambtenaar",
//     "stadsarchivaris" holds "archivaris" (and "stadsontvanger" so
//     "financieel directeur");
//  4. without a closing abbreviation or remark in brackets, and the
//     abbreviation itself when it is a title: "functionaris voor
//     gegevensbescherming (DPO)" holds "dpo";
//  5. each title of a Dutch contraction: "cultuur- en toerismeconsulent"
//     holds "cultuurconsulent" and "toerismeconsulent", "omgevings- en
//     milieuambtenaar" both ambtenaren;
//  6. held, not described (parts is true): each of hyphen-joined titles,
//     when the part before the hyphen is a title by itself:
//     "noodplanningscoördinator-diensthoofd" holds "noodplanningscoördinator"
//     and "diensthoofd", while "adjunct-algemeen directeur" and
//     "ICT-coördinator" stay whole ("adjunct" and "ICT" are no roles).
//
// Rule 6 applies to the titles people hold, not to the role a description
// describes: "Functiebeschrijving preventieadviseur-diensthoofd IDPBW" is
// not a description of every diensthoofd (see narrowerRoles).
func roleKeys(title string, roles *Equivalences, parts bool) []string {
	var keys []string
	add := func(k string) {
		for _, have := range keys {
			if have == k {
				return
			}
		}
		keys = append(keys, k)
	}
	var walk func(t string, depth int)
	walk = func(t string, depth int) {
		t = cleanText(t)
		if Fold(t) == "" || depth > 6 {
			return
		}
		add(roles.Canonical(t))
		if roles.Group(t) != nil {
			return
		}
		if inner, outer, ok := cutBrackets(t); ok {
			walk(outer, depth+1)
			if isRoleWord(inner) || roles.Group(inner) != nil {
				walk(inner, depth+1)
			}
			return
		}
		if ts := elidedTitles(t); ts != nil {
			for _, e := range ts {
				walk(e, depth+1)
			}
			return
		}
		if rest, ok := stripActing(t); ok {
			walk(rest, depth+1)
		}
		if rest, ok := stripQualifier(t); ok {
			walk(rest, depth+1)
		}
		if parts {
			if ps := hyphenTitles(t); ps != nil {
				for _, p := range ps {
					walk(p, depth+1)
				}
			}
		}
	}
	walk(title, 0)
	return keys
}

// elidedTitles expands a Dutch contraction, compounds that share their
// head written once: "cultuur- en toerismeconsulent" → "cultuurconsulent",
// "toerismeconsulent". The head is the role noun the last compound ends
// with. It returns nil for any other title.
func elidedTitles(t string) []string {
	words := strings.Fields(t)
	last := len(words) - 1
	if last < 2 || !isElided(words[0]) {
		return nil
	}
	tail := words[last]
	head := ""
	for _, h := range titleWords().heads {
		if f := Fold(tail); strings.HasSuffix(f, h) && len(h) > len(head) && len(f) > len(h) {
			head = h
		}
	}
	if head == "" {
		return nil
	}
	// The head as written: the same number of letters from the end.
	runes := []rune(tail)
	n := len([]rune(head))
	if n > len(runes) {
		return nil
	}
	written := string(runes[len(runes)-n:])
	var out []string
	for _, w := range words[:last] {
		switch {
		case isElided(w):
			out = append(out, strings.TrimSuffix(w, "-")+written)
		case Fold(w) != "en" && Fold(w) != "of":
			return nil
		}
	}
	return append(out, tail)
}

// cutBrackets splits "functionaris voor gegevensbescherming (DPO)" into
// "DPO" and "functionaris voor gegevensbescherming".
func cutBrackets(t string) (inner, outer string, ok bool) {
	if !strings.HasSuffix(t, ")") {
		return "", "", false
	}
	open := strings.LastIndexByte(t, '(')
	if open <= 0 {
		return "", "", false
	}
	return strings.TrimSpace(t[open+1 : len(t)-1]), strings.TrimSpace(t[:open]), true
}

// stripActing removes an acting word or phrase from the start or the end of
// t ("wnd. financieel directeur", "diensthoofd ad interim").
func stripActing(t string) (string, bool) {
	words := strings.Fields(t)
	lex := titleWords()
	for n := min(2, len(words)-1); n >= 1; n-- {
		if lex.acting[Fold(strings.Join(words[:n], " "))] {
			return strings.Join(words[n:], " "), true
		}
		if lex.acting[Fold(strings.Join(words[len(words)-n:], " "))] {
			return strings.Join(words[:len(words)-n], " "), true
		}
	}
	return "", false
}

// stripQualifier removes a qualifier from the start of t: a word
// ("gemeentelijk omgevingsambtenaar") or a part glued to a role word
// ("stadsarchivaris"; what remains must itself be a role word).
func stripQualifier(t string) (string, bool) {
	words := strings.Fields(t)
	lex := titleWords()
	if len(words) > 1 && lex.qualifiers[Fold(words[0])] {
		return strings.Join(words[1:], " "), true
	}
	first := Fold(words[0])
	for _, g := range lex.glued {
		rest, ok := strings.CutPrefix(first, g)
		if ok && len(rest) >= 4 && isRoleWord(rest) {
			words[0] = rest
			return strings.Join(words, " "), true
		}
	}
	return "", false
}

// hyphenTitles splits a title at its hyphens into titles, when the part
// before each hyphen is a role word: "preventieadviseur-diensthoofd IDPBW"
// → "preventieadviseur", "diensthoofd IDPBW". Otherwise it returns nil.
func hyphenTitles(t string) []string {
	first, rest, ok := strings.Cut(t, "-")
	if !ok || strings.Contains(first, " ") || !isRoleWord(first) {
		return nil
	}
	words := strings.Fields(rest)
	if len(words) == 0 || !isRoleWord(words[0]) && !isRoleWord(rest) {
		return nil
	}
	if more := hyphenTitles(rest); more != nil {
		return append([]string{first}, more...)
	}
	return []string{first, rest}
}

// narrowerRoles returns the shorter titles a described role is made of, for
// when nobody holds the role as written: the hyphen-joined titles
// ("preventieadviseur-diensthoofd IDPBW" → "preventieadviseur", "diensthoofd
// IDPBW") and the role noun without what it is the role of
// ("vrijetijdsconsulent jeugd en sport" → "vrijetijdsconsulent"). Link only
// trusts them when one person holds them.
func narrowerRoles(role string) []string {
	role = cleanText(role)
	whole := []string{role}
	var out []string
	if ps := hyphenTitles(role); ps != nil {
		out, whole = append(out, ps...), nil // the parts stand for the whole
	}
	for _, t := range append(whole, out...) {
		if words := strings.Fields(t); len(words) > 1 && isRoleWord(words[0]) && !isModifier(words[0]) {
			out = append(out, words[0])
		}
	}
	return out
}
