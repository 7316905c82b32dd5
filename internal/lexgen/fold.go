package main

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// fold is knowledge.Fold (lowercase, diacritics stripped, punctuation to a
// space) plus one Dutch rule: the ligature ĳ, which OpenTaal and FreeDict
// write where people type "ij", becomes the two letters. lexgen keeps its
// own copy so that the generator does not depend on a package that other
// work changes; the lexicon stores folded forms, so both must agree on
// plain Dutch text, which they do.
func fold(s string) string {
	s = strings.NewReplacer("ĳ", "ij", "Ĳ", "ij").Replace(s)
	var b strings.Builder
	space := true
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	return strings.TrimSpace(b.String())
}

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
