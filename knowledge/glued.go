package knowledge

import (
	"bufio"
	_ "embed"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The functions table of a scraped person card loses its column separator:
// "SchepencollegeAlgemeen directeur" is body "Schepencollege" and function
// "Algemeen directeur". The known bodies live in a data file so they can be
// extended without Go.
//
//go:embed data/bodies.txt
var bodiesTxt string

// knownBodies returns the bodies of data/bodies.txt, longest first so that
// "OCMW raad" wins over "OCMW". Parsed once; the slice is never modified.
var knownBodies = sync.OnceValue(func() []string {
	var bodies []string
	sc := bufio.NewScanner(strings.NewReader(bodiesTxt))
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		if b := cleanText(line); b != "" {
			bodies = append(bodies, b)
		}
	}
	sort.SliceStable(bodies, func(i, j int) bool {
		return utf8.RuneCountInString(bodies[i]) > utf8.RuneCountInString(bodies[j])
	})
	return bodies
})

// columnGap is what is left of a table's column separator when the text was
// copied with it: a tab or two or more spaces of any kind.
var columnGap = regexp.MustCompile(`\t|[\t\p{Zs}]{2,}`)

// SplitGluedRow splits one row of a person card's functions table into body
// and function. It tries, in order:
//
//  1. a tab or a run of spaces left where the column separator was;
//  2. a known body (data/bodies.txt) glued to a capitalised function
//     ("Vast bureauVoorzitter", "OCMWDPO");
//  3. the first place where a lower-case letter meets an upper-case one
//     ("SchepencollegeAlgemeen") or an upper-case run ends in a capitalised
//     word ("OCMWVoorzitter");
//  4. a known body followed by a space and a capitalised function
//     ("Gemeenteraad Voorzitter"). This comes after 3 so that an unknown
//     longer body wins: "AGB SportVoorzitter" is "AGB Sport" + "Voorzitter".
//
// When none applies it returns false and the whole row, cleaned, as the
// function with an empty body. It returns false too, with its split, when
// step 3 had more than one place to choose from ("EcoWerfBestuurder"): the
// caller says what it assumed.
func SplitGluedRow(row string) (Function, bool) {
	row = strings.TrimFunc(row, func(r rune) bool { return unicode.IsSpace(r) || unicode.Is(unicode.Zs, r) })
	clean := cleanText(row)

	for _, gap := range columnGap.FindAllStringIndex(row, -1) {
		body, title := cleanText(row[:gap[0]]), cleanText(row[gap[1]:])
		if body != "" && title != "" {
			return Function{Body: body, Title: title}, true
		}
	}
	if f, ok := splitKnownBody(clean, false); ok {
		return f, true
	}
	if i, guessed := capitalSplit(clean); i > 0 {
		return Function{Body: strings.TrimSpace(clean[:i]), Title: strings.TrimSpace(clean[i:])}, !guessed
	}
	if f, ok := splitKnownBody(clean, true); ok {
		return f, true
	}
	return Function{Title: clean}, false
}

// splitKnownBody splits a cleaned row after a known body. The body must end
// where the function begins: glued to a capital ("GemeenteraadVoorzitter"),
// or, when spaced is true, followed by a space and perhaps a separator
// ("Gemeenteraad - Voorzitter"). "Gemeenteraadslid" (a function on its own)
// and "OCMW-secretaris" never split. The function must start with a capital
// or digit, as it does in the tables.
func splitKnownBody(clean string, spaced bool) (Function, bool) {
	for _, body := range knownBodies() {
		rest, ok := cutPrefixFold(clean, body)
		if !ok {
			continue
		}
		title := rest
		if spaced {
			if !strings.HasPrefix(rest, " ") {
				continue
			}
			title = strings.TrimLeft(rest, "-–—:|/ ")
		}
		first, _ := utf8.DecodeRuneInString(title)
		if title == "" || !(unicode.IsUpper(first) || unicode.IsDigit(first)) {
			continue
		}
		return Function{Body: clean[:len(clean)-len(rest)], Title: title}, true
	}
	return Function{}, false
}

// capitalSplit returns the byte index where the function starts by the
// capitals heuristic, or -1, and whether that place was a guess among
// several. Both parts must be at least two characters long so that names
// such as "iPhone" or a lone initial do not split. A body can have capitals
// inside ("EcoWerf", "SOLvA") where a function written with a capital
// ("Bestuurder") has none, so the split goes to the last such place within
// the glued word: "EcoWerfBestuurder" is "EcoWerf" + "Bestuurder". s is
// cleaned text, hence valid UTF-8, so rune lengths add up to byte offsets.
func capitalSplit(s string) (at int, guessed bool) {
	runes := []rune(s)
	at, offset, found := -1, 0, 0 // offset: byte offset of runes[i]
	for i, r := range runes {
		if found > 0 && unicode.IsSpace(r) {
			break // the glued word ends
		}
		if i >= 2 && i+2 <= len(runes) && unicode.IsUpper(r) {
			prev := runes[i-1]
			if unicode.IsLower(prev) || unicode.IsUpper(prev) && i+1 < len(runes) && unicode.IsLower(runes[i+1]) {
				at = offset
				found++
			}
		}
		offset += utf8.RuneLen(r)
	}
	return at, found > 1
}
