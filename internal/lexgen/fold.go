package main

import (
	"unicode"

	"github.com/wieiswie/wieiswie/knowledge"
)

// fold is knowledge.Fold: the lexicon stores forms folded as the bot folds
// the words it looks up.
func fold(s string) string { return knowledge.Fold(s) }

// isLetters reports whether s is one folded word of the letters a–z, the
// only shape the Dutch lexicon keeps (no digits, no spaces left by
// hyphens or apostrophes: the bot's tokenizer would never see them whole).
func isLetters(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// allLetters reports whether raw, before folding, is letters only: a
// form with a hyphen, an apostrophe, a dot or a digit (-ING, auto's,
// zgn.) would fold into something else than a word.
func allLetters(raw string) bool {
	for _, r := range raw {
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			return false
		}
	}
	return raw != ""
}

// hasUpper reports whether s has an upper-case letter: names and
// abbreviations, which the splitter must not take as parts.
func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}
