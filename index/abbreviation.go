package index

import (
	"regexp"
	"strings"

	"github.com/wieiswie/wieiswie/knowledge"
)

// Abbreviations are not listed by hand: they come from the documents. Two
// conventions of written Dutch give them:
//
//   - A text introduces one in parentheses after what it stands for: "het
//     managementteam (MAT)", "functionaris voor gegevensbescherming (DPO)".
//   - Staff shorten a title of several words to their initials: algemeen
//     directeur → AD, financieel directeur → FD, bijzonder comité voor de
//     sociale dienst → BCSD, college van burgemeester en schepenen → CBS
//     (the small words — van, voor, de, en — drop out).
//
// Role titles come before bodies ("FD" is the financieel directeur before it
// is the financiële dienst); an abbreviation that would stand for two
// different roles of the same kind is left out.

// parenAbbreviation matches "(ABC)": two to six capitals in parentheses.
var parenAbbreviation = regexp.MustCompile(`\(([A-Z]{2,6})\)`)

// abbreviations collects abbreviation → canonical role from the texts of
// docs and from titles (folded) with their canonical roles.
type abbreviations struct {
	// keys holds, by folded abbreviation, the canonical roles it may
	// stand for, for titles [0] and for bodies [1].
	keys map[string]*[2]map[string]bool
	// titles are the titles taken in already: a title repeats on
	// thousands of cards.
	titles map[[2]string]bool
}

// Kinds of what an abbreviation stands for, in order of preference.
const (
	abbrTitle = 0
	abbrBody  = 1
)

func newAbbreviations() *abbreviations {
	return &abbreviations{keys: map[string]*[2]map[string]bool{}, titles: map[[2]string]bool{}}
}

func (a *abbreviations) add(abbr, key string, kind int) {
	abbr = strings.ToLower(abbr)
	k := a.keys[abbr]
	if k == nil {
		k = &[2]map[string]bool{{}, {}}
		a.keys[abbr] = k
	}
	k[kind][key] = true
}

// fromTitle adds the initials of a title (or body) of at least two content
// words.
func (a *abbreviations) fromTitle(folded, key string, kind int) {
	if a.titles[[2]string{folded, key}] {
		return
	}
	a.titles[[2]string{folded, key}] = true
	var initials []byte
	for _, w := range strings.Fields(folded) {
		if !qlex.fillers[w] {
			initials = append(initials, w[0])
		}
	}
	if len(initials) >= 2 && len(initials) <= 6 {
		a.add(string(initials), key, kind)
	}
}

// fromText adds every "phrase (ABC)" of text: the phrase is the run of
// words before the parenthesis whose initials spell the abbreviation
// (small words skipped), or else the one word before it when it is a
// compound that starts with the abbreviation's first letter and holds its
// letters in order ("managementteam (MAT)").
func (a *abbreviations) fromText(text string, canon func(string) string) {
	for _, m := range parenAbbreviation.FindAllStringSubmatchIndex(text, -1) {
		abbr := strings.ToLower(text[m[2]:m[3]])
		before := strings.Fields(knowledge.Fold(text[:m[0]]))
		if len(before) == 0 {
			continue
		}
		if len(before) > 8 {
			before = before[len(before)-8:]
		}
		phrase := ""
		if w := before[len(before)-1]; w[0] == abbr[0] && subsequence(abbr, w) {
			phrase = w
		}
		for start := len(before) - 1; start >= 0; start-- {
			var initials []byte
			for _, w := range before[start:] {
				if !qlex.fillers[w] {
					initials = append(initials, w[0])
				}
			}
			if string(initials) == abbr && !qlex.fillers[before[start]] {
				phrase = strings.Join(before[start:], " ")
				break
			}
		}
		if phrase != "" {
			a.add(abbr, canon(phrase), abbrTitle)
		}
	}
}

// subsequence reports whether the letters of a stand in b in order.
func subsequence(a, b string) bool {
	i := 0
	for j := 0; j < len(b) && i < len(a); j++ {
		if a[i] == b[j] {
			i++
		}
	}
	return i == len(a)
}

// each calls f for every abbreviation that stands for one role only (of
// the preferred kind) and is not itself a word the question lexicon knows.
func (a *abbreviations) each(f func(abbr, key string)) {
	for abbr, kinds := range a.keys {
		if qlex.fillers[abbr] || qlex.contact[abbr] {
			continue
		}
		keys := kinds[abbrTitle]
		if len(keys) == 0 {
			keys = kinds[abbrBody]
		}
		if len(keys) != 1 {
			continue
		}
		for k := range keys {
			f(abbr, k)
		}
	}
}
