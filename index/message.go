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
