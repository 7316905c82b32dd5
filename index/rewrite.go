package index

import (
	"context"
	"slices"
	"strings"

	"github.com/wieiswie/wieiswie/index/lexicon"
	"github.com/wieiswie/wieiswie/knowledge"
)

// Before a question's words are matched against the knowledge base, two
// rules of language bring them closer to how the documents are written:
//
//   - English words are put into Dutch through a bilingual dictionary
//     (FreeDict, see index/lexicon), keeping only translations the
//     documents use: "who is the alderman for tourism" asks for the
//     schepen van toerisme. English is never matched as text, where
//     "officer" would find any page with an English alias.
//   - A Dutch separable verb is joined again (ANS 2.3.1.3, scheidbaar
//     samengestelde werkwoorden): in "wie zit het comité voor" the
//     particle "voor" belongs to "zit", and the verb is voorzitten, which
//     the documents have as voorzitter.

// rewrite returns tokens with English words translated and separable verbs
// joined; a joined particle becomes "" so positions stay. others holds,
// for a translated word, the other translations the documents have: the
// dictionary does not say which sense is meant ("noise" is lawaai, herrie
// or leven), so each is a variant of the word.
func (ix view) rewrite(ctx context.Context, tokens []string) (out []string, others map[string][]string) {
	out = append([]string(nil), tokens...)
	if ix.english != nil && qlex.isEnglish(tokens) {
		// A role the glossary names in English ("general director") is
		// recognised as it is; the other words are translated.
		keep := make([]bool, len(tokens))
		for _, m := range ix.vocab.roles.find(tokens, make([]bool, len(tokens)), nil, false) {
			for i := m.start; i < m.end; i++ {
				keep[i] = true
			}
		}
		others = ix.translate(ctx, out, keep)
	}
	ix.joinSeparable(out)
	return out, others
}

// isEnglish reports whether a question is written in English: it has one
// of the English function words that Dutch lacks (data/question.txt).
func (l *questionLexicon) isEnglish(tokens []string) bool {
	for _, t := range tokens {
		if l.english[t] {
			return true
		}
	}
	return false
}

// translate replaces each English word that is neither Dutch nor a word
// of the documents or the word glossary (which has English members on
// purpose: "chairs" is voorzitter there, a zetel in the dictionary) by its
// Dutch translation that the most documents have; a pair of words that the
// dictionary has as one phrase ("management team") is translated together.
//
// It returns, by translation chosen, the other translations the documents
// have (see rewrite).
func (ix view) translate(ctx context.Context, tokens []string, keep []bool) map[string][]string {
	others := map[string][]string{}
	for i := 0; i < len(tokens); i++ {
		t := tokens[i]
		if t == "" || keep[i] || qlex.fillers[t] || qlex.contact[t] || qlex.english[t] || qlex.handle[t] {
			continue
		}
		if i+1 < len(tokens) && tokens[i+1] != "" && !keep[i+1] {
			if nl := ix.bestDutch(ctx, ix.english.Dutch(t+" "+tokens[i+1])); nl != "" {
				tokens[i], tokens[i+1] = nl, ""
				i++
				continue
			}
			if next := tokens[i+1]; !qlex.fillers[next] && !qlex.english[next] && !qlex.contact[next] {
				if nl := ix.compound(ctx, t, next); nl != "" {
					tokens[i], tokens[i+1] = nl, ""
					i++
					continue
				}
			}
		}
		if ix.dutch.IsWord(t) || ix.knownWord(ctx, t) || ix.words.Group(t) != nil {
			continue // Dutch, a word of the documents, or of the glossary ("chairs")
		}
		translations := ix.english.Dutch(t)
		nl := ix.bestDutch(ctx, translations)
		if nl == "" && len(t) >= 5 {
			// A typo of an English word: "compalints".
			translations = ix.english.Dutch(ix.english.Correct(t))
			nl = ix.bestDutch(ctx, translations)
		}
		if nl != "" {
			tokens[i] = nl
			others[nl] = ix.knownOthers(ctx, translations, nl)
		}
	}
	return others
}

// compound translates two English nouns that Dutch writes as one word:
// "city council" is gemeente + raad, the gemeenteraad. English leaves
// compounds open where Dutch closes them, so each word's translations are
// joined, and kept when the documents have the compound. "" otherwise.
func (ix view) compound(ctx context.Context, first, second string) string {
	a, b := ix.translations(first), ix.translations(second)
	var joined []string
	for _, x := range a {
		for _, y := range b {
			if !strings.Contains(x+y, " ") {
				joined = append(joined, x+y, x+"s"+y) // "stadsbestuur"
			}
		}
	}
	if len(joined) == 0 {
		return ""
	}
	var stems []string
	for _, w := range joined {
		stems = append(stems, ix.stem(w))
	}
	df, _ := ix.docFreq(ctx, stems)
	best, bestDF := "", 0
	for _, w := range joined {
		if d := df[ix.stem(w)]; d > bestDF {
			best, bestDF = w, d
		}
	}
	return best
}

// translations are the Dutch words for an English one: the glossary's
// ("council", raad) and the dictionary's.
func (ix view) translations(en string) []string {
	out := ix.english.Dutch(en)
	for _, w := range ix.words.Group(en) {
		if !slices.Contains(out, w) {
			out = append(out, knowledge.Fold(w))
		}
	}
	return out
}

// bestDutch picks of translations the single word that the most documents
// have, or a role title the documents hold; "" when none is known here.
func (ix view) bestDutch(ctx context.Context, translations []string) string {
	best, bestDF := "", 0
	var stems []string
	for _, nl := range translations {
		if len(ix.vocab.roles.byFirst[nl]) > 0 {
			return nl // a role: "alderman" → schepen
		}
		if !strings.Contains(nl, " ") {
			stems = append(stems, ix.stem(nl))
		}
	}
	df, _ := ix.docFreq(ctx, stems)
	for _, nl := range translations {
		if strings.Contains(nl, " ") {
			continue
		}
		if d := df[ix.stem(nl)]; d > bestDF {
			best, bestDF = nl, d
		}
	}
	return best
}

// knownOthers returns the single words of translations but best that some
// document has (by their stems), looked up at once.
func (ix view) knownOthers(ctx context.Context, translations []string, best string) []string {
	var words, stems []string
	for _, w := range translations {
		if w != best && !strings.Contains(w, " ") {
			words = append(words, w)
			stems = append(stems, ix.stem(w))
		}
	}
	df, _ := ix.docFreq(ctx, stems)
	var out []string
	for i, w := range words {
		if df[stems[i]] > 0 {
			out = append(out, w)
		}
	}
	return out
}

// knownWord reports whether some document has word (by its stem).
func (ix view) knownWord(ctx context.Context, word string) bool {
	s := ix.stem(word)
	df, _ := ix.docFreq(ctx, []string{s})
	return df[s] > 0
}

// joinSeparable joins a particle that ends a clause to the verb that opens
// it: the verb right after the question word ("wie zit … voor", "wie houdt
// … bij"), the particle last in the sentence, before a word that opens a
// new clause, or before a prepositional phrase that follows the clause
// ("wie keurt … goed in Nethegem").
func (ix view) joinSeparable(tokens []string) {
	if ix.dutch == nil || len(tokens) < 3 {
		return
	}
	verb := 1
	if !qlex.interrogative[tokens[0]] || qlex.fillers[tokens[verb]] {
		return
	}
	rPronoun := false
	for i := verb + 1; i < len(tokens); i++ {
		// "wie geeft daar advies over": a preposition after "daar", "er",
		// "hier" or "waar" is the rest of a split pronominal adverb
		// (daarover; ANS: voornaamwoordelijke bijwoorden), not a particle of the verb.
		rPronoun = rPronoun || qlex.rPronouns[tokens[i]]
		if next := i + 1; next < len(tokens) && !qlex.clauseOpener[tokens[next]] && !qlex.prepositions[tokens[next]] {
			continue
		}
		if rPronoun && qlex.prepositions[tokens[i]] {
			continue
		}
		if joined, ok := ix.dutch.Separable(tokens[i], tokens[verb]); ok {
			tokens[verb], tokens[i] = joined, ""
			return
		}
	}
}

// lexicons are what rewrite needs of package lexicon.
type lexicons struct {
	dutch   *lexicon.Lexicon
	english *lexicon.Bilingual
}
