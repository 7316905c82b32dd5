package index

import (
	"regexp"
	"slices"
	"strings"

	"github.com/wieiswie/wieiswie/knowledge"
)

// A Slack message is rarely a bare question. People greet, say who they are
// and why they ask ("ik begin maandag bij de dienst …", "een inwoner vraagt
// …", "ik ben raadslid en …"), and ask in the second or third sentence; or
// they type three words without a verb. message separates the question from
// its context, so that the context can help (the asker's department, the
// town) without its words being required of the answer.
type message struct {
	// question is the sentence (or sentences) that ask; the whole text when
	// no sentence stands out as one.
	question string
	// context is everything else, in the order written.
	context string
}

// emojiCode is Slack's text form of an emoji (":wave:", ":see_no_evil:",
// ":+1:"); it carries no content.
var emojiCode = regexp.MustCompile(`:[a-z0-9_+'-]+:`)

// sentenceEnd splits after ., ! and ? followed by white space, and at line
// breaks: the sentence boundaries of written Dutch (and English).
var sentenceEnd = regexp.MustCompile(`[.!?]+(\s+|$)|\n+`)

// splitMessage finds the question in a message. A sentence asks when it
// ends in a question mark or opens with an interrogative (the openers of
// data/question.txt); the asking sentences are the question and the rest is
// context. With no asking sentence the last one is the question: people
// put what they want after the context ("Een inwoner belt. Telefoon van de
// burgemeester"). A message of one sentence is all question.
func (l *questionLexicon) splitMessage(text string) message {
	text = emojiCode.ReplaceAllString(text, " ")
	var sentences []string
	var asks []bool
	rest := text
	for rest != "" {
		loc := sentenceEnd.FindStringIndex(rest)
		end, next := len(rest), len(rest)
		if loc != nil {
			end, next = loc[1], loc[1]
		}
		s := strings.TrimSpace(rest[:end])
		rest = rest[next:]
		if strings.Trim(s, ".!?,;:-– ") == "" {
			continue
		}
		sentences = append(sentences, s)
		asks = append(asks, l.asks(s))
	}
	n := 0
	for _, a := range asks {
		if a {
			n++
		}
	}
	if len(sentences) <= 1 {
		return message{question: strings.Join(strings.Fields(text), " ")}
	}
	if n == 0 {
		asks[len(asks)-1] = true
	}
	var q, c []string
	for i, s := range sentences {
		if !asks[i] {
			c = append(c, s)
			continue
		}
		lead, asked := l.indirect(s)
		if lead != "" {
			c = append(c, lead)
		}
		q = append(q, asked)
	}
	return message{question: strings.Join(q, " "), context: strings.Join(c, " ")}
}

// asks reports whether a sentence is a question: it ends in "?", opens
// with an interrogative phrase, or holds an indirect question ("een inwoner
// vraagt wie zijn bouwaanvraag behandelt").
func (l *questionLexicon) asks(sentence string) bool {
	s := strings.TrimSpace(sentence)
	if strings.HasSuffix(strings.TrimRight(s, ")( "), "?") || strings.Contains(s, "?") {
		return true
	}
	words := foldedFields(s)
	return opensWith(words, l.openers) || slices.ContainsFunc(words, func(w string) bool { return l.embedded[w] })
}

// indirect splits a sentence that asks through an indirect question into
// the clause that introduces it and the question itself: "een inwoner
// vraagt" and "wie zijn bouwaanvraag behandelt". A preposition before the
// question word belongs to it ("… weten bij wie ik terecht kan"). A
// sentence that opens as a question is returned whole.
func (l *questionLexicon) indirect(sentence string) (lead, asked string) {
	fields := strings.Fields(sentence)
	if opensWith(foldedFields(sentence), l.openers) {
		return "", sentence
	}
	for k, f := range fields {
		if k == 0 || !l.embedded[knowledge.Fold(strings.Trim(f, ",;:()\"'"))] {
			continue
		}
		if l.prepositions[knowledge.Fold(fields[k-1])] {
			k--
		}
		if k == 0 {
			break
		}
		return strings.Join(fields[:k], " "), strings.Join(fields[k:], " ")
	}
	return "", sentence
}

// clausePunctuation ends a phrase: a comma, colon or the end of a sentence.
var clausePunctuation = regexp.MustCompile(`[,;:.!?()]+`)

// topicWords returns the folded words of the phrases in text that say what
// a question is about: what follows a topic preposition ("over",
// "omtrent") after a noun of asking ("vragen", "klacht"), up to the end of
// its clause, across the prepositional phrases within it ("vragen over de
// nieuwe regels voor asverstrooiing op het kerkhof"). It returns nil when
// text has no such phrase.
func (l *questionLexicon) topicWords(text string) map[string]bool {
	var out map[string]bool
	for _, clause := range clausePunctuation.Split(text, -1) {
		asked, in := false, false
		for _, w := range foldedFields(clause) {
			switch {
			case l.asking[w]:
				asked = true
			case l.topic[w] && asked:
				in = true
			case in && l.clauseOpener[w]:
				in, asked = false, false // "over de parking en wil …": a new clause
			case in:
				if out == nil {
					out = map[string]bool{}
				}
				out[w] = true
			}
		}
	}
	return out
}

// coordinator joins two main clauses: "ik ben nieuw bij het Sociaal Huis en
// mijn bureaustoel is slecht".
var coordinator = regexp.MustCompile(`\s(en|maar|want|and|but)\s`)

// aboutAsker returns the folded words of the clauses of text in which the
// asker says who they are or where they work: a clause that opens with
// "ik" (or "I") and a verb of [self-clause], and has a preposition of
// [self-place] before an article: "ik ben sinds maandag aan de slag bij de
// technische uitvoeringsdienst", not "ik ben op zoek naar de schepen". It
// returns nil when there is none.
func (l *questionLexicon) aboutAsker(text string) map[string]bool {
	var out map[string]bool
	for _, sentence := range clausePunctuation.Split(text, -1) {
		for _, clause := range coordinator.Split(" "+knowledge.Fold(sentence)+" ", -1) {
			w := strings.Fields(clause)
			if len(w) > 1 && w[0] == "i" && w[1] == "m" {
				w[1] = "am" // "I'm new at …", folded "i m"
			}
			for len(w) > 0 && w[0] != "ik" && w[0] != "i" && l.fillers[w[0]] {
				w = w[1:] // "hallo iedereen, ik ben …"
			}
			if len(w) < 2 || (w[0] != "ik" && w[0] != "i") || !l.selfClause[w[1]] || !l.saysWhere(w[2:]) {
				continue
			}
			if out == nil {
				out = map[string]bool{}
			}
			for _, t := range w {
				out[t] = true
			}
		}
	}
	return out
}

// saysWhere reports whether words have a preposition of [self-place] before
// an article: "bij het Sociaal Huis", "in de gemeenteraad", "at the tourist
// office".
func (l *questionLexicon) saysWhere(words []string) bool {
	for i := 0; i+1 < len(words); i++ {
		if a := words[i+1]; l.selfPlace[words[i]] && (a == "de" || a == "het" || a == "the") {
			return true
		}
	}
	return false
}
