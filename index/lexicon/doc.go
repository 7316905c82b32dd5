// Package lexicon analyses Dutch words with real lexicons instead of hand
// lists: whether a word exists, its lemmas, how a compound splits into
// dictionary words, which separable verb a split-off particle makes, and
// spelling candidates within a given vocabulary. English() translates
// English words into Dutch for questions asked in English.
//
// Every function takes and returns folded text: lower case, diacritics
// stripped, as knowledge.Fold makes it ("financien", "coordinator").
//
// The data is generated from Debian's packages of the OpenTaal Hunspell
// dictionary and word list (BSD or CC-BY) and of FreeDict (GPL-2.0 or
// later) by internal/lexgen, and embedded; data/LICENSES.md says what
// each file is and under which licence. The FreeDict data is linked into
// a program only when the program calls English: Go's linker drops an
// embedded file that nothing reachable refers to.
//
// Dutch takes some 50–80 ms and keeps 4 MB of heap (12 MB allocated
// while it parses); English takes 20 ms. Callers construct each once and
// share it: Lexicon, Bilingual and Speller are safe for concurrent use.
//
// The Dutch data is the Hunspell dictionary expanded once, by the
// generator, into every form with its lemmas, rather than analysed with
// the affix rules at run time: 1.3 MB compressed, and a look-up is a
// binary search instead of affix stripping.
package lexicon

//go:generate go run ../../internal/lexgen -out data
