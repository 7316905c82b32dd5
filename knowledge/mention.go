package knowledge

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Overview pages say who holds which role in a few fixed ways, and
// findPeople reads them line by line. A person's name (see names.go) is a
// Mention when the text gives it a role title or a topic:
//
// Titles, each a role noun with its modifiers and what it is the role of
// (see titlePhrase), found
//   - right before the name, back to the previous comma, colon, bracket,
//     dash or sentence start: "diensthoofd Hilde Van de Velde", "(ICT-
//     coördinator Stijn Vermeersch)", "Preventieadviseur en
//     noodplanningscoördinator Kristof Mertens";
//   - before "is" or right before the comma that precedes the name:
//     "Diensthoofd is Wim Goethals", "door de noodplanningscoördinator, Lies
//     Vanhoutte";
//   - in an apposition after it, after a comma, a dash or in brackets:
//     "Katrien Mertens, diensthoofd personeel", "Jolien Maes – jeugdconsulent",
//     "Peter Claes (voorzitter)"; or "die ook X is": "clustermanager Yasmina
//     Bouzid, die ook diensthoofd van de sociale dienst is";
//   - after "is" or "als" beside it: "Kurt Vanderhoydonck is er diensthoofd",
//     "Eline Goossens neemt de functie waar als waarnemend financieel
//     directeur";
//   - in the label of a "label: ..." line or the first field of a
//     "field - field - name" line, when the label is a title: "Algemeen
//     directeur: Luc Janssens", "Klachten - Klachtencoördinator - Ellen Smets".
//
// The Topic, what the text makes them the person to see for, is
//   - the service before the bracket that holds them: "de personeelsdienst
//     (Katrien Mertens)";
//   - the label of a "label: ..." line, or the first field of a "field - field
//     - name" line, that is no title: "Identiteitskaart, rijbewijs, verhuis of
//     attesten: dienst Burgerzaken, diensthoofd Hilde Van de Velde";
//   - on a line that starts with them, what follows their name and titles
//     after a colon or dash ("Burgemeester Jan Peeters: veiligheid, politie",
//     "Annick Dewulf – eerste schepen – financiën, onderwijs"), or the next
//     line of the same paragraph when theirs holds nothing more ("Sofie De
//     Clercq, schepen" above "Cultuur, erfgoed, toerisme."), or else the
//     heading they stand under ("Contact").
//
// The person a document is about (its Name) is no Mention of it.

// findPeople returns the Mentions of the lines of a document's passages;
// doc.Passages must be set. source gives the organisation when the document
// does not (see organisationOf), for the rule that the organisation is no
// person.
func findPeople(source string, doc *Document, lines []passageLine) []Mention {
	readers := make([]*lineReader, len(lines))
	candidates := false
	for i, l := range lines {
		if mayHoldName(l.text) {
			readers[i] = newLineReader(l.text)
			candidates = candidates || readers[i].hasRuns()
		}
	}
	if !candidates {
		return nil
	}
	org := doc.Organisation
	if org == "" {
		org = organisationOf(Document{Source: source, Contact: doc.Contact})
	}
	texts := []string{doc.Title}
	for _, l := range lines {
		texts = append(texts, l.text)
	}
	for _, p := range doc.Passages {
		texts = append(texts, p.Heading)
	}
	ctx := newNameContext(org, texts...)
	self := Fold(doc.Name)

	var out []Mention
	type key struct {
		line int
		name string
	}
	seen := map[key]int{} // index in out
	for i, l := range lines {
		r := readers[i]
		if r == nil || !r.hasRuns() {
			continue
		}
		r.findNames(ctx)
		p := doc.Passages[l.passage]
		prev, next := "", ""
		if i > 0 && lines[i-1].passage == l.passage {
			prev = lines[i-1].text
		}
		if i+1 < len(lines) && lines[i+1].passage == l.passage {
			next = lines[i+1].text
		}
		for k := range r.names {
			m := r.mention(k, p.Heading, prev, next)
			m.Line = p.Line
			name := Fold(m.Name)
			if name == self || len(m.Titles) == 0 && m.Topic == "" {
				continue
			}
			if j, ok := seen[key{p.Line, name}]; ok {
				out[j].Titles = appendTitles(out[j].Titles, m.Titles...)
				if out[j].Topic == "" {
					out[j].Topic = m.Topic
				}
				continue
			}
			seen[key{p.Line, name}] = len(out)
			out = append(out, m)
		}
	}
	return out
}

// mayHoldName reports, cheaply, whether line has two words in a row that
// start with a capital, or with a capital and a particle between: the least
// a name needs. Most lines have not and are not read further.
func mayHoldName(line string) bool {
	caps := 0 // capitalised words in the current run
	for len(line) > 0 {
		field := line
		if i := strings.IndexByte(line, ' '); i >= 0 {
			field, line = line[:i], line[i+1:]
		} else {
			line = ""
		}
		for len(field) > 0 && (field[0] == '(' || field[0] == '"' || field[0] == '\'' || field[0] == '[') {
			field = field[1:]
		}
		r, _ := utf8.DecodeRuneInString(field)
		switch {
		case r < utf8.RuneSelf && 'A' <= r && r <= 'Z' || r >= utf8.RuneSelf && isUpper(r):
			caps++
			if caps >= 2 {
				return true
			}
		case caps > 0 && len(field) <= 6 && lowerParticles[field]:
		default:
			caps = 0
		}
	}
	return false
}

// appendTitles adds the titles not in list yet, compared folded.
func appendTitles(list []string, titles ...string) []string {
	for _, t := range titles {
		dup := false
		for _, have := range list {
			dup = dup || Fold(have) == Fold(t)
		}
		if !dup {
			list = append(list, t)
		}
	}
	return list
}

// token is a word or a separator of a line. Separators are one of
// , ; : ( ) . ? ! and - (any dash or bar standing alone).
type token struct {
	text       string
	sep        byte // 0 for a word
	start, end int  // byte offsets in the line
}

func (t token) word() bool { return t.sep == 0 }

// sentenceEnd reports whether the separator ends a sentence or clause.
func sentenceEnd(sep byte) bool { return sep == '.' || sep == '?' || sep == '!' || sep == ';' }

// lineReader reads one line for the people it names.
type lineReader struct {
	line  string
	toks  []token
	names [][2]int // first and last token of each name
	owner []int    // for each token, 1 + the index of the name it is part of, or 0

	// Indexes built by index, so that reading every name of a long line
	// stays linear in its length.
	colons, dashes, fields []int // top-level ":", "-", and both (see topLevel)
	sentence               []int // for each token, how many sentences end before it
	startsBefore           []int // for each token and one past the end, how many names start before it
	firstSep               int   // the first separator, or len(toks)
}

func newLineReader(line string) *lineReader {
	r := &lineReader{line: line}
	for i := 0; i < len(line); {
		if line[i] == ' ' {
			i++
			continue
		}
		j := i
		for j < len(line) && line[j] != ' ' {
			j++
		}
		nextLower := false
		if j+1 < len(line) {
			c, _ := utf8.DecodeRuneInString(line[j+1:])
			nextLower = isLower(c)
		}
		r.addField(i, j, nextLower)
		i = j
	}
	return r
}

// addField splits the field line[a:b] into leading brackets, a word and
// trailing punctuation. A full stop stays with a short lower-case
// abbreviation followed by lower case ("wnd. financieel directeur").
func (r *lineReader) addField(a, b int, nextLower bool) {
	f := r.line[a:b]
	if strings.Trim(f, "-–—|") == "" {
		r.toks = append(r.toks, token{text: f, sep: '-', start: a, end: b})
		return
	}
	for a < b {
		c, size := utf8.DecodeRuneInString(r.line[a:b])
		if c == '(' || c == '[' {
			r.toks = append(r.toks, token{text: "(", sep: '(', start: a, end: a + size})
		} else if !(strings.ContainsRune("\"“‘«", c) || (c == '\'' || c == '’') && !isTArticle(r.line[a:b])) {
			break
		}
		a += size
	}
	var trail []token
	for b > a {
		c, size := utf8.DecodeLastRuneInString(r.line[a:b])
		sep := byte(0)
		switch c {
		case ',', ';', ':', '?', '!':
			sep = byte(c)
		case ')', ']':
			sep = ')'
		case '.', '…':
			core := r.line[a : b-size]
			if nextLower && (strings.Contains(core, ".") || utf8.RuneCountInString(core) <= 4 && strings.ToLower(core) == core) {
				break
			}
			sep = '.'
		case '"', '”', '’', '»', '\'':
			b -= size
			continue
		}
		if sep == 0 {
			break
		}
		trail = append(trail, token{text: r.line[b-size : b], sep: sep, start: b - size, end: b})
		b -= size
	}
	if a < b {
		r.toks = append(r.toks, token{text: r.line[a:b], start: a, end: b})
	}
	for i := len(trail) - 1; i >= 0; i-- {
		r.toks = append(r.toks, trail[i])
	}
}

// isTArticle reports whether s starts with the article 't ("'t Kiezeltje").
func isTArticle(s string) bool {
	s = strings.TrimLeft(s, "'’")
	return s == "t" || s == "T" || strings.HasPrefix(s, "t ")
}

// isNameWord reports whether token i can be part of a name as written.
func (r *lineReader) isNameWord(i int) bool {
	t := r.toks[i]
	return t.word() && (isCapitalised(t.text) || isParticle(t.text))
}

// hasRuns reports whether the line has two name words in a row, the least
// a name needs; most lines have none and are not read further.
func (r *lineReader) hasRuns() bool {
	for i := 1; i < len(r.toks); i++ {
		if r.isNameWord(i) && r.isNameWord(i-1) {
			return true
		}
	}
	return false
}

// findNames finds the names of the line: in each run of name words, the
// one that ends it (see nameContext.nameAt).
func (r *lineReader) findNames(ctx *nameContext) {
	r.owner = make([]int, len(r.toks))
	words := make([]string, len(r.toks))
	for i, t := range r.toks {
		words[i] = t.text
	}
	for i := 0; i < len(r.toks); {
		if !r.isNameWord(i) {
			i++
			continue
		}
		j := i
		for j+1 < len(r.toks) && r.isNameWord(j+1) {
			j++
		}
		if first, ok := ctx.nameAt(words, i, j); ok && !r.placeAt(first, j) {
			r.names = append(r.names, [2]int{first, j})
			for k := first; k <= j; k++ {
				r.owner[k] = len(r.names)
			}
		}
		i = j + 1
	}
	r.dropServiceFields()
	r.index()
}

// index builds the indexes of the line once its names are known.
func (r *lineReader) index() {
	r.colons, r.dashes, r.fields = r.topLevel(":"), r.topLevel("-"), r.topLevel(":-")
	r.sentence = make([]int, len(r.toks))
	r.startsBefore = make([]int, len(r.toks)+1)
	r.firstSep = len(r.toks)
	n, next := 0, 0
	for i, t := range r.toks {
		r.sentence[i] = n
		if sentenceEnd(t.sep) {
			n++
		}
		if !t.word() && r.firstSep == len(r.toks) {
			r.firstSep = i
		}
		r.startsBefore[i] = next
		if next < len(r.names) && r.names[next][0] == i {
			next++
		}
	}
	r.startsBefore[len(r.toks)] = next
}

// dropServiceFields drops the names of a line of fields that a later field
// follows with a name: in "Leefloon, thuiszorg - Sociaal Huis - Nadia El
// Amrani" the fields before the person are the topic and the service.
func (r *lineReader) dropServiceFields() {
	dashes := r.topLevel("-")
	if len(dashes) == 0 || len(r.names) < 2 {
		return
	}
	field := func(i int) int { return sort.SearchInts(dashes, i) } // the field token i is in
	last := field(r.names[len(r.names)-1][0])
	kept := r.names[:0]
	for _, n := range r.names {
		if field(n[0]) == last || !r.aloneInField(n, dashes) {
			kept = append(kept, n)
			continue
		}
		for k := n[0]; k <= n[1]; k++ {
			r.owner[k] = 0
		}
	}
	for i, n := range kept {
		for k := n[0]; k <= n[1]; k++ {
			r.owner[k] = i + 1
		}
	}
	r.names = kept
}

// aloneInField reports whether the name n fills its field between dashes.
func (r *lineReader) aloneInField(n [2]int, dashes []int) bool {
	f := sort.SearchInts(dashes, n[0])
	from, to := 0, len(r.toks)-1
	if f > 0 {
		from = dashes[f-1] + 1
	}
	if f < len(dashes) {
		to = dashes[f] - 1
	}
	return from == n[0] && to == n[1]
}

// placeAt reports whether the text makes the name-like words from token
// first to last something other than a person:
//   - an article before them: a person's name takes none ("in het Sociaal
//     Huis", "de Vrije Tijd");
//   - "is" after them at the end of a clause: the words are what something
//     is, part of a title ("de cultuurbeleidscoördinator, die diensthoofd
//     Vrije Tijd is").
func (r *lineReader) placeAt(first, last int) bool {
	if first > 0 && r.toks[first-1].word() {
		switch w := r.toks[first-1].text; w {
		case "de", "het", "een", "'t", "’t", "der", "des":
			return true
		}
	}
	return last+1 < len(r.toks) && r.toks[last+1].word() && isCopula(r.toks[last+1].text) &&
		(r.endsClause(last+2) || r.toks[last+2].sep == ',')
}

// free reports whether token i is a word outside every name.
func (r *lineReader) free(i int) bool {
	return i >= 0 && i < len(r.toks) && r.toks[i].word() && r.owner[i] == 0
}

// wordsBefore returns the words right before token i, back to a separator
// or a name and at most limit of them, and the index of the token that
// stopped it (-1 at the start of the line).
func (r *lineReader) wordsBefore(i, limit int) (words []string, stop int) {
	j := i - 1
	for ; j >= 0 && r.free(j) && i-1-j < limit; j-- {
	}
	for k := j + 1; k < i; k++ {
		words = append(words, r.toks[k].text)
	}
	return words, j
}

// wordsFrom returns the words from token i on, up to a separator or a name,
// and the index of the token that stopped it (len(toks) at the end).
func (r *lineReader) wordsFrom(i int) (words []string, stop int) {
	j := i
	for ; r.free(j); j++ {
		words = append(words, r.toks[j].text)
	}
	return words, j
}

// text returns the line from the start of token i to the end of token j.
func (r *lineReader) text(i, j int) string {
	if i > j || i < 0 || j >= len(r.toks) {
		return ""
	}
	return strings.TrimSpace(r.line[r.toks[i].start:r.toks[j].end])
}

// topLevel returns the indices of the separators sep outside brackets.
func (r *lineReader) topLevel(seps string) []int {
	var out []int
	depth := 0
	for i, t := range r.toks {
		switch {
		case t.sep == '(':
			depth++
		case t.sep == ')':
			depth = max(depth-1, 0)
		case t.sep != 0 && depth == 0 && strings.IndexByte(seps, t.sep) >= 0:
			out = append(out, i)
		}
	}
	return out
}

// hasName reports whether a name starts between tokens i and j (inclusive).
func (r *lineReader) hasName(i, j int) bool {
	i, j = max(i, 0), min(j+1, len(r.toks))
	return i < j && r.startsBefore[j] > r.startsBefore[i]
}

// words returns the words between tokens i and j (inclusive).
func (r *lineReader) words(i, j int) []string {
	var out []string
	for k := max(i, 0); k <= j && k < len(r.toks); k++ {
		if r.toks[k].word() {
			out = append(out, r.toks[k].text)
		}
	}
	return out
}

// strictSuffixTitles returns the titles of the longest tail of words that
// reads as titles followed by a name, and where that tail starts.
func strictSuffixTitles(words []string) ([]string, int) {
	for s := range words {
		if ts := titleList(words[s:], true); ts != nil {
			return ts, s
		}
	}
	return nil, len(words)
}

// maxTitleWindow bounds how far before a name its title is looked for.
const maxTitleWindow = 10

// mention reads what the line says of its k-th name: titles and topic (see
// the rules at the top of this file). heading is the passage's heading, prev
// and next the lines before and after it in the same passage, or "".
func (r *lineReader) mention(k int, heading, prev, next string) Mention {
	a, b := r.names[k][0], r.names[k][1]
	m := Mention{Name: r.text(a, b)}
	add := func(ts ...string) { m.Titles = appendTitles(m.Titles, ts...) }

	// Before the name.
	before, stop := r.wordsBefore(a, maxTitleWindow)
	bounded := stop < 0 || !r.free(stop) // the words reach back to a separator
	ts, from := strictSuffixTitles(before)
	add(ts...)
	if rest := before[:from]; bounded && len(rest) >= 2 && isCopula(rest[len(rest)-1]) {
		add(titleList(rest[:len(rest)-1], false)...) // "Diensthoofd is Hilde Van de Velde"
	}
	if len(before) == 0 && stop >= 0 && r.toks[stop].sep == ',' && r.endsClause(b+1) {
		prev, _ := r.wordsBefore(stop, maxTitleWindow)
		ts, _ := strictSuffixTitles(prev)
		add(ts...) // "door de noodplanningscoördinator, Lies Vanhoutte."
	}

	// After the name.
	end := r.appositions(b, add)

	// "als <title>" in the clause of the name, when it names no one else.
	r.asTitle(a, b, add)

	m.Topic = r.topic(k, end, add)

	// A line that starts with the person: a title alone on the line before
	// it in the same paragraph is theirs.
	if !r.headsLine(a) {
		return m
	}
	if prev != "" && !newLineReader(prev).hasRuns() {
		if ts := titleList(strings.Fields(strings.TrimRight(prev, ".:")), false); ts != nil {
			add(ts...) // "Burgemeester" above "Jan Peeters – veiligheid, politie"
		}
	}
	// A line that holds only the person, perhaps with titles: the next line
	// of the paragraph, or else the heading, is their topic.
	if r.onlySeparators(end + 1) {
		unended := end+1 >= len(r.toks) || !sentenceEnd(r.toks[len(r.toks)-1].sep)
		switch first := firstSentence(next); {
		case m.Topic != "":
		case unended && first != "" && !strings.Contains(first, ":") && !newLineReader(first).hasRuns() && textLike(strings.Fields(first)):
			m.Topic = first // "Sofie De Clercq, schepen" above "Cultuur, erfgoed."
		case len(m.Titles) == 0:
			m.Topic = heading
		}
	}
	return m
}

// firstSentence returns the first sentence of line, without its full stop.
func firstSentence(line string) string {
	if i := strings.Index(line, ". "); i >= 0 {
		line = line[:i]
	}
	return strings.TrimRight(line, ". ")
}

// endsClause reports whether token i ends a clause: the end of the line, or
// a full stop, question mark, exclamation mark, semicolon or closing bracket.
func (r *lineReader) endsClause(i int) bool {
	return i >= len(r.toks) || sentenceEnd(r.toks[i].sep) || r.toks[i].sep == ')'
}

// onlySeparators reports whether tokens i… hold no words.
func (r *lineReader) onlySeparators(i int) bool {
	for ; i < len(r.toks); i++ {
		if r.toks[i].word() {
			return false
		}
	}
	return true
}

// isCopula reports whether w is "is" or "zijn", which make the words before
// and after them the same: "Diensthoofd is Hilde Van de Velde".
func isCopula(w string) bool { f := Fold(w); return f == "is" || f == "zijn" }

// appositions reads the titles after the name that ends at token b: after a
// comma or dash, in brackets, "die ook X is", "is X". It returns the last
// token it read.
func (r *lineReader) appositions(b int, add func(...string)) int {
	i := b + 1
	for i < len(r.toks) {
		t := r.toks[i]
		switch {
		case t.sep == ',' || t.sep == '-':
			words, stop := r.wordsFrom(i + 1)
			if len(words) == 0 {
				return i - 1
			}
			if Fold(words[0]) == "die" { // ", die ook diensthoofd van de sociale dienst is"
				if n := len(words); n >= 3 && isCopula(words[n-1]) {
					add(titleList(words[1:n-1], false)...)
				}
				return stop - 1
			}
			ts := titleList(words, false)
			if ts == nil || stop < len(r.toks) && r.owner[stop] != 0 {
				return i - 1 // not a title, or the title of the next name
			}
			add(ts...)
			i = stop
		case t.sep == '(':
			words, stop := r.wordsFrom(i + 1)
			if stop >= len(r.toks) || r.toks[stop].sep != ')' {
				return i - 1
			}
			if ts := titleList(words, false); ts != nil {
				add(ts...) // "Peter Claes (voorzitter)"
			}
			i = stop + 1
		case t.word() && isCopula(t.text):
			words, stop := r.wordsFrom(i + 1)
			add(titleList(words, false)...) // "Kurt Vanderhoydonck is er diensthoofd"
			return stop - 1
		default:
			return i - 1
		}
	}
	return len(r.toks) - 1
}

// asTitle adds the title after "als" in the clause of the name at a…b, when
// the clause names no one else: "Eline Goossens neemt de functie waar als
// waarnemend financieel directeur", "Als eerste schepen vervangt Koen
// Peeters de burgemeester".
func (r *lineReader) asTitle(a, b int, add func(...string)) {
	clauseEnd := func(t token) bool { return sentenceEnd(t.sep) || t.sep == ',' || t.sep == ':' }
	from, to := a, b
	for from > 0 && a-from < maxClauseWords && !clauseEnd(r.toks[from-1]) {
		from--
	}
	for to+1 < len(r.toks) && to-b < maxClauseWords && !clauseEnd(r.toks[to+1]) {
		to++
	}
	if r.hasName(from, a-1) || r.hasName(b+1, to) {
		return
	}
	for i := from; i <= to; i++ {
		if !r.free(i) || Fold(r.toks[i].text) != "als" {
			continue
		}
		words, _ := r.wordsFrom(i + 1)
		if t, ok := roleNounPhrase(words); ok {
			add(t)
		}
	}
}

// maxClauseWords bounds how far asTitle looks for "als" on either side.
const maxClauseWords = 20

// roleNounPhrase returns the modifiers and role noun words start with
// ("waarnemend financieel directeur" of "waarnemend financieel directeur tot
// een nieuwe …"), without what follows the noun.
func roleNounPhrase(words []string) (string, bool) {
	for i := 0; i < len(words) && i <= 3; i++ {
		if isRoleWord(words[i]) {
			return titlePhrase(words[:i+1], false)
		}
		if !isModifier(words[i]) {
			break
		}
	}
	return "", false
}

// headsLine reports whether the name starting at token a begins the line,
// perhaps after its titles: "Jan Peeters, schepen", "Burgemeester Jan
// Peeters: veiligheid".
func (r *lineReader) headsLine(a int) bool {
	switch {
	case a == 0:
		return true
	case a > r.firstSep || a > maxTitleWords:
		return false
	}
	return titleList(r.words(0, a-1), true) != nil
}

// topic returns the Topic of the k-th name; end is the last token of its
// appositions. Titles found on the way are added.
func (r *lineReader) topic(k, end int, add func(...string)) string {
	a := r.names[k][0]
	// In brackets after a service: "de personeelsdienst (diensthoofd Katrien Mertens)".
	if _, stop := r.wordsBefore(a, maxTitleWindow); stop >= 0 && r.toks[stop].sep == '(' &&
		r.names[k][1]+1 < len(r.toks) && r.toks[r.names[k][1]+1].sep == ')' {
		if t := r.serviceBefore(stop); t != "" {
			return t
		}
	}
	// A label: "Klachten: Joke Ramaekers, klachtencoördinator".
	if colons := r.colons; len(colons) > 0 && colons[0] < a && !r.hasName(0, colons[0]) && r.sameSentence(colons[0], a) {
		return r.labelTopic(0, colons[0]-1, add)
	}
	// Fields: "Klachten over de dienstverlening - Klachtencoördinator - Ellen Smets".
	dashes := r.dashes
	if len(dashes) > 0 && dashes[0] < a && !r.hasName(0, dashes[0]) && r.sameSentence(dashes[0], a) {
		for i, d := range dashes {
			if d > a {
				break
			}
			if i > 0 {
				if ts := titleList(r.words(dashes[i-1]+1, d-1), false); ts != nil {
					add(ts...)
				}
			}
		}
		return r.labelTopic(0, dashes[0]-1, add)
	}
	// What follows a name that heads a line of fields: "Burgemeester Jan
	// Peeters: veiligheid, politie", "Annick Dewulf – eerste schepen –
	// financiën", "Hanne Deleu – diensthoofd, cultuur en toerisme: 057 …".
	fields := r.fields
	if !r.headsLine(a) || len(fields) == 0 || fields[len(fields)-1] < a {
		return ""
	}
	for pos := end + 1; pos < len(r.toks); {
		if r.toks[pos].word() || sentenceEnd(r.toks[pos].sep) {
			return "" // prose goes on: "Jan Peeters leidt …"
		}
		from, to := pos+1, len(r.toks)-1
		if f := sort.SearchInts(fields, pos+1); f < len(fields) {
			to = fields[f] - 1
		}
		for j := from; j <= to; j++ {
			if sentenceEnd(r.toks[j].sep) {
				to = j - 1
				break
			}
		}
		if r.hasName(from, to) {
			return ""
		}
		// Leading titles of the field are titles: "– diensthoofd, cultuur en toerisme".
		for from <= to {
			words, stop := r.wordsFrom(from)
			ts := titleList(words, false)
			if ts == nil || stop > to+1 || stop <= to && r.toks[stop].sep != ',' {
				break
			}
			add(ts...)
			from = stop + 1
		}
		if from <= to && textLike(r.words(from, to)) {
			return r.text(from, to)
		}
		pos = to + 1
	}
	return ""
}

// sameSentence reports whether no sentence ends between tokens i and j.
func (r *lineReader) sameSentence(i, j int) bool { return r.sentence[i] == r.sentence[j] }

// labelTopic reads the label in tokens i…j: its titles when it is one or
// more titles ("Algemeen directeur: Luc Janssens"), else its text as the
// topic.
func (r *lineReader) labelTopic(i, j int, add func(...string)) string {
	words := r.words(i, j)
	if ts := titleList(words, false); ts != nil {
		add(ts...)
		return ""
	}
	if len(words) == 0 || len(words) > maxLabelWords {
		return ""
	}
	for _, w := range words {
		if strings.ContainsAny(w, "0123456789@") {
			return ""
		}
	}
	return r.text(i, j)
}

// maxLabelWords bounds the label of a "label: ..." line; a longer text
// before a colon is a sentence that introduces a list.
const maxLabelWords = 12

// serviceBefore returns the service that the bracket at token open follows:
// from the last article ("de personeelsdienst", "de dienst Burgerzaken") or
// the last word ("burgerzaken" in "De dienst Mens groepeert burgerzaken").
func (r *lineReader) serviceBefore(open int) string {
	words, _ := r.wordsBefore(open, maxTitleWindow)
	if len(words) == 0 {
		return ""
	}
	from := len(words) - 1
	if len(words) <= 2 {
		from = 0
	}
	for i := len(words) - 1; i >= max(0, len(words)-4); i-- {
		if f := Fold(words[i]); f == "de" || f == "het" || f == "een" || f == "t" {
			from = min(i+1, len(words)-1)
			break
		}
	}
	for from < len(words)-1 && functionWords[Fold(words[from])] {
		from++
	}
	if functionWords[Fold(words[from])] {
		return ""
	}
	first := open - len(words) + from
	return r.text(first, open-1)
}

// textLike reports whether words read as words, not as a phone number or an
// address: some word in lower case, no digits, no e-mail.
func textLike(words []string) bool {
	lower := false
	for _, w := range words {
		if strings.ContainsAny(w, "0123456789@") {
			return false
		}
		if r, _ := utf8.DecodeRuneInString(w); isLower(r) {
			lower = true
		}
	}
	return lower
}
