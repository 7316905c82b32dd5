package knowledge

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// A person's name, as Flemish documents write it, is a given name, perhaps
// name particles, and a surname: "Hilde Van de Velde", "Mehdi El Khatib",
// "Bert Van den Broeck", "Pieter-Jan Soenen". So a name is read from the
// right of a run of capitalised words: the surname, the particles before it,
// and one given name; whatever capitalised words come before belong to the
// text around it ("Diensthoofd Vrije Tijd Ward Verheyen" names Ward
// Verheyen). A second given name without a hyphen ("Jan Willem Peeters") is
// not read as part of the name.
//
// Capitals also start sentences and name places, services and bodies, so a
// name word must not be:
//   - a word the same document writes in lower case ("Sociaal Huis" where the
//     text also says "sociaal"): a name is not a word of the language;
//   - all capitals ("GC De Wissel", "OCMW"): abbreviations are no names;
//   - a role word ("Schepen Peeters" names a schepen, not Schepen Peeters);
//   - a word of the organisation ("Gemeente Nethegem") or of a known body
//     (data/bodies.txt: "Politiezone", "Gemeenteraad");
//   - for the given name, a word longer than any given name ("Woonzorgcentrum
//     De Linde", "Hulpverleningszone Zuidschelde").
// A word that merely starts a sentence is no evidence either way: what
// makes a name a Mention is a role or topic beside it (see findPeople).

// maxGivenNameLetters is longer than the given names of Flanders ("Christophe",
// "Maximiliaan"), shorter than the compounds that name institutions.
const maxGivenNameLetters = 12

// Name particles, folded. In lower case only the Dutch ones count ("Hilde van
// de Velde"), so that "Jan in Gent" is no name; capitalised, also those of
// other languages ("Nadia El Amrani", "Yves Le Roy", "Ahmed Ben Ali").
var (
	particles      = setOf("van", "de", "der", "den", "ter", "ten", "te", "t", "vanden", "vander", "vande", "op", "in", "le", "la", "du", "des", "di", "da", "del", "della", "dos", "el", "al", "ben", "bin", "ibn", "abou", "abu", "von")
	lowerParticles = setOf("van", "de", "der", "den", "ter", "ten", "t", "vanden", "vander", "vande", "von")
)

// isParticle reports whether the word w is a name particle as written.
func isParticle(w string) bool {
	f := Fold(w)
	if startsUpper(w) {
		return particles[f]
	}
	return lowerParticles[f]
}

// isCapitalised reports whether w is written as a name word: a capital,
// then lower case ("Peeters", "Pieter-Jan", "D'Hondt", "McCarthy"); letters,
// hyphens and apostrophes only.
func isCapitalised(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	if !isUpper(r) || size == len(w) {
		return false
	}
	lower := false
	for _, r := range w[size:] {
		switch {
		case isLower(r):
			lower = true
		case isUpper(r), r == '-', r == '\'', r == '’':
		default:
			return false
		}
	}
	return lower
}

// nameContext holds what a document says about which capitalised words are
// no names: the words it writes in lower case, and the words of its
// organisation.
type nameContext struct {
	texts   []string        // the document's lines
	text    string          // the same joined by newlines, once needed
	lower   map[string]bool // lower-cased word → whether the text writes it so
	all     bool            // lower holds every word the text writes in lower case
	lookups int
	org     map[string]bool // folded words of the organisation
}

// newNameContext is the context of a document with the lines texts and the
// organisation org.
func newNameContext(org string, texts ...string) *nameContext {
	c := &nameContext{texts: texts, lower: map[string]bool{}, org: map[string]bool{}}
	for _, w := range strings.Fields(Fold(org)) {
		c.org[w] = true
	}
	return c
}

// eagerAfter is how many words writesLower looks up in the text one by one
// (most documents ask about a few) before it collects all lower-case words
// at once, so that a long text with many capitalised words stays linear.
const eagerAfter = 16

// writesLower reports whether the document writes the word w (a
// capitalised word) in lower case somewhere, as a word of its own.
func (c *nameContext) writesLower(w string) bool {
	lw := strings.ToLower(w)
	if found, ok := c.lower[lw]; ok || c.all {
		return found
	}
	if c.text == "" {
		c.text = "\n" + strings.Join(c.texts, "\n") + "\n"
	}
	if c.lookups++; c.lookups > eagerAfter {
		c.lower = map[string]bool{}
		for _, word := range strings.FieldsFunc(c.text, func(r rune) bool { return !isWordRune(r) && r != '-' && r != '\'' }) {
			for _, part := range strings.Split(word, "-") {
				if r, _ := utf8.DecodeRuneInString(part); isLower(r) {
					c.lower[part] = true
				}
			}
		}
		c.all = true
		return c.lower[lw]
	}
	found := false
	for rest, off := c.text, 0; !found; {
		i := strings.Index(rest, lw)
		if i < 0 {
			break
		}
		before, _ := utf8.DecodeLastRuneInString(c.text[:off+i])
		after, _ := utf8.DecodeRuneInString(rest[i+len(lw):])
		found = !isWordRune(before) && !isWordRune(after)
		rest, off = rest[i+len(lw):], off+i+len(lw)
	}
	c.lower[lw] = found
	return found
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// bodyWords returns the words of the known bodies (data/bodies.txt), folded,
// those of four letters or more: "gemeenteraad", "politiezone", "bureau".
// Built once; never modified after.
var bodyWords = sync.OnceValue(func() map[string]bool {
	words := map[string]bool{}
	for _, b := range knownBodies() {
		for _, w := range strings.Fields(Fold(b)) {
			if len(w) >= 4 {
				words[w] = true
			}
		}
	}
	return words
})

// canBeNameWord reports whether the capitalised word w can be part of a
// person's name in this document (see the rules above).
func (c *nameContext) canBeNameWord(w string) bool {
	f := Fold(w)
	if f == "" || c.writesLower(w) || isRoleWord(w) {
		return false
	}
	for _, part := range strings.Fields(f) {
		if c.org[part] || bodyWords()[part] {
			return false
		}
	}
	return true
}

// nameAt reads a name that ends at words[end] (inclusive), going left from
// the surname over the particles to one given name, and returns the index of
// its first word. words[start:end+1] are all name words (capitalised or
// particles).
func (c *nameContext) nameAt(words []string, start, end int) (first int, ok bool) {
	surname := words[end]
	if !isCapitalised(surname) || isParticle(surname) || !c.canBeNameWord(surname) {
		return 0, false
	}
	i := end - 1
	for i >= start && isParticle(words[i]) && end-i <= 3 {
		i--
	}
	if i < start {
		return 0, false
	}
	given := words[i]
	if !isCapitalised(given) || isParticle(given) || !c.canBeNameWord(given) {
		return 0, false
	}
	for _, part := range strings.Split(given, "-") {
		if utf8.RuneCountInString(part) > maxGivenNameLetters {
			return 0, false
		}
	}
	return i, true
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return isUpper(r)
}

func isUpper(r rune) bool { return unicode.IsUpper(r) || unicode.IsTitle(r) }
func isLower(r rune) bool { return unicode.IsLower(r) }
