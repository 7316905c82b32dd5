package knowledge

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// A person card is the page a municipal website shows for one person,
// copied as text:
//
//	Miet Gobert
//	Contactgegevens
//	Alfred Verweeplein 1
//	8300 Knokke-Heist
//	België
//	+32 50 630 100
//	Functie(s)
//	BestuurFunctie
//	SchepencollegeAlgemeen directeur
//	Info
//	1. De gemeentesecretaris is de algemeen directeur …
//	 • De gemeentesecretaris staat in voor …
//
// The section titles are the only structure; each may be missing.

// cardSection is the part of a person card a line belongs to.
type cardSection int

const (
	sectionIntro     cardSection = iota // between the name and the first section title
	sectionContact                      // after "Contactgegevens"
	sectionFunctions                    // after "Functie(s)" or the "BestuurFunctie" header
	sectionInfo                         // after "Info"
)

// cardMarker returns the section a section-title line opens, comparing the
// cleaned line without case. header is true for the table header
// "BestuurFunctie", which opens the functions section too.
func cardMarker(line string) (section cardSection, header, ok bool) {
	if len(line) > 40 { // longer than any section title, even with odd spaces
		return 0, false, false
	}
	switch strings.ToLower(cleanText(line)) {
	case "contactgegevens":
		return sectionContact, false, true
	case "functie(s)", "functies", "functie":
		return sectionFunctions, false, true
	case "bestuurfunctie", "bestuur functie":
		return sectionFunctions, true, true
	case "info", "informatie":
		return sectionInfo, false, true
	}
	return 0, false, false
}

// isPersonCard reports whether a .txt file has the person-card shape.
func isPersonCard(lines []string) bool {
	for _, l := range lines {
		if s, header, ok := cardMarker(l); ok && (s == sectionContact || header) {
			return true
		}
	}
	return false
}

var (
	// A phone number starts with + or 0 and holds digits and the usual
	// separators; at least six digits keep a stray "0" out.
	phoneLine = regexp.MustCompile(`^[+0][0-9 ./()\-]*$`)
	// A numbered Info heading: "1. De gemeentesecretaris is …".
	numberedLine = regexp.MustCompile(`^\d{1,3}[.)] +(\S.*)$`)
	// A contact line may carry a label: "Tel.: 050 …", "E-mail: …".
	contactLabel = regexp.MustCompile(`(?i)^(tel(efoon)?|gsm|mobiel|gsm-nummer|e-?mail|mail|web(site)?|adres)\.? *: *`)
	// A phone label needs no colon: "Tel. 09 360 11 01", "GSM 0477 12 34 56".
	phoneLabel = regexp.MustCompile(`(?i)^(tel(efoon)?|gsm|mobiel|gsm-nummer|t)\.? *:? *`)
	// A scraped breadcrumb: "Bestuur › Schepencollege › Schepen".
	breadcrumb = regexp.MustCompile(`\S\s*(›|»|>|/|\\)\s*\S.*\s(›|»|>|/|\\)\s`)
	// An address line holds a number (a house number or a postcode) or is a
	// country; anything else in the contact block is text to search.
	countryLine = regexp.MustCompile(`(?i)^(belgië|belgie|belgique|belgium|nederland)$`)
)

// bulletText returns the text of a bullet line ("•", "-" or "*" followed by
// a space; "•" may be glued to the text) and whether the line is one.
func bulletText(clean string) (string, bool) {
	if rest, ok := strings.CutPrefix(clean, "•"); ok {
		return rest, true
	}
	for _, m := range []string{"- ", "* "} {
		if rest, ok := strings.CutPrefix(clean, m); ok {
			return rest, true
		}
	}
	return "", false
}

// sentenceLike reports whether a line reads like running text rather than a
// table row; such a line after the functions table means the "Info" title
// is missing and the info has begun.
func sentenceLike(clean string) bool {
	if utf8.RuneCountInString(clean) > 100 {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(clean)
	return strings.ContainsRune(".!?;", last)
}

// parsePersonCard reads the person-card shape; see the comment at the top of
// this file.
func parsePersonCard(source string, lines []string) (Document, []Problem) {
	doc := Document{Kind: KindPerson}
	var problems []Problem
	var address []string
	var list passageList
	section := sectionIntro
	infoTitle := ""       // the Info section's title as the card writes it
	contactBlank := false // a blank line has been seen inside the contact block

	first := firstNonBlank(lines)
	if first >= 0 && breadcrumb.MatchString(cleanText(lines[first])) {
		// The site's navigation came along with the copy: not a name.
		problems = append(problems, Problem{File: source, Line: first + 1,
			Message: fmt.Sprintf("kruimelpad %q overgeslagen; de naam staat op de regel erna", cleanText(lines[first]))})
		if next := firstNonBlank(lines[first+1:]); next >= 0 {
			first += 1 + next
		} else {
			first = -1
		}
	}
	if first >= 0 {
		if _, _, ok := cardMarker(lines[first]); ok {
			problems = append(problems, Problem{File: source, Line: first + 1,
				Message: "persoonskaart zonder naam: de eerste regel is een sectietitel; zet de naam van de persoon bovenaan"})
			first-- // read the marker line as a section title below
		} else {
			doc.Name = cleanText(lines[first])
		}
	}

	for i := first + 1; i < len(lines); i++ {
		raw, n := lines[i], i+1
		clean := cleanText(raw)
		if clean == "" {
			list.flush()
			if section == sectionContact && (len(address) > 0 || !doc.Contact.Empty()) {
				contactBlank = true
			}
			continue
		}
		if s, header, ok := cardMarker(raw); ok {
			list.flush()
			section = s
			contactBlank = false
			if s == sectionInfo {
				infoTitle = clean
			}
			if header || s == sectionInfo {
				list.setHeading(infoTitle)
			}
			continue
		}

		switch section {
		case sectionContact:
			switch addContactLine(&doc.Contact, &address, clean, contactBlank) {
			case contactTaken:
				continue
			case contactText:
				// "Spreekuur: …", "Kabinet van de burgemeester": what the
				// block says beside the address is searchable text.
				list.setHeading(contactHeading)
				list.start(n, clean)
				list.flush()
				continue
			}
			// Not contact information after a blank line: the block ended
			// without a section title; read on as text.
			section = sectionIntro
			list.setHeading("")
			list.start(n, clean)

		case sectionFunctions:
			_, isBullet := bulletText(clean)
			if numberedLine.MatchString(clean) || isBullet || sentenceLike(clean) || strings.HasSuffix(clean, ":") {
				section = sectionInfo // the "Info" title is missing
				i--                   // read this line again as info
				continue
			}
			f, ok := SplitGluedRow(raw)
			switch {
			case !ok && f.Body != "":
				problems = append(problems, Problem{File: source, Line: n,
					Message: fmt.Sprintf("bestuur en functie aan elkaar geplakt in %q; aangenomen: bestuur %q, functie %q (zet een tab tussen beide of voeg het bestuur toe aan de lijst van besturen)", clean, f.Body, f.Title)})
			case !ok:
				problems = append(problems, Problem{File: source, Line: n,
					Message: fmt.Sprintf("bestuur en functie niet te onderscheiden in %q; gelezen als functie zonder bestuur", clean)})
			}
			if f.Title != "" {
				doc.Functions = append(doc.Functions, f)
			}

		case sectionInfo:
			if m := numberedLine.FindStringSubmatch(clean); m != nil {
				end := numberedParagraphEnd(lines, i)
				if end == i+1 && readsAsHeading(m[1]) && infoFollows(lines, end) {
					list.setHeading(m[1])
					continue
				}
				// A numbered paragraph: a passage of its own.
				list.setHeading(infoTitle)
				list.start(n, m[1])
				for j := i + 1; j < end; j++ {
					list.extend(j+1, cleanText(lines[j]))
				}
				list.flush()
				i = end - 1
			} else if text, ok := bulletText(clean); ok {
				list.start(n, text)
			} else {
				list.extend(n, clean) // paragraph line, or continuation of a bullet
			}

		default: // sectionIntro
			list.extend(n, clean)
		}
	}

	doc.Title = doc.Name
	doc.Contact.Address = strings.Join(address, ", ")
	doc.Passages = list.passages()
	// The contact block says where the person is ("Sociaal Huis",
	// "Kabinet van de burgemeester"), never who else is there.
	var named []passageLine
	for _, l := range list.lines {
		if doc.Passages[l.passage].Heading != contactHeading {
			named = append(named, l)
		}
	}
	doc.People = findPeople(source, &doc, named)
	return doc, problems
}

// The Info section numbers its paragraphs. A numbered line is a heading
// when it reads like one and the info goes on under it before the next
// number (" • " bullets or plain lines):
//
//	1. De gemeentesecretaris is de algemeen directeur
//	 • De gemeentesecretaris organiseert …
//
// and otherwise a paragraph of its own, with the lines that continue it:
//
//	1. Als schepen volgt Jan Peeters cultuur en sport op.
//	2. Zitdag op maandag.
//
// Either way no line of the Info section is lost.

// readsAsHeading reports whether the text of a numbered line can be a
// heading: not longer than a heading and not ended like a sentence (a
// question is a heading: "Ontevreden over onze dienstverlening?").
func readsAsHeading(text string) bool {
	last, _ := utf8.DecodeLastRuneInString(text)
	return utf8.RuneCountInString(text) <= maxHeadingRunes && !strings.ContainsRune(".;,!", last)
}

// numberedParagraphEnd returns the index of the first line after the
// numbered line lines[i] that does not continue it: a blank line, a bullet,
// another numbered line, a section title or the end.
func numberedParagraphEnd(lines []string, i int) int {
	j := i + 1
	for ; j < len(lines); j++ {
		clean := cleanText(lines[j])
		_, isBullet := bulletText(clean)
		if _, _, marker := cardMarker(lines[j]); clean == "" || isBullet || marker || numberedLine.MatchString(clean) {
			break
		}
	}
	return j
}

// infoFollows reports whether, from lines[j] on and past blank lines, the
// info goes on with something other than the next numbered line or a
// section title.
func infoFollows(lines []string, j int) bool {
	for ; j < len(lines); j++ {
		clean := cleanText(lines[j])
		if clean == "" {
			continue
		}
		_, _, marker := cardMarker(lines[j])
		return !marker && !numberedLine.MatchString(clean)
	}
	return false
}

// contactHeading is the heading of what a card's contact block says beside
// the contact details.
const contactHeading = "Contactgegevens"

// contactKind says what addContactLine made of a line.
type contactKind int

const (
	contactTaken contactKind = iota // phone, e-mail, website, address or fax
	contactText                     // not contact details: a passage ("Spreekuur: …")
	contactEnded                    // not contact details after a blank line: the block ended
)

// addContactLine sorts one line of the contact block into phone, e-mail,
// website or address. A line that is none of these (no number, not a
// country: "Kabinet van de burgemeester"; or a label of its own:
// "Spreekuur: …") is text. After a blank line inside the block such text
// ends the block.
func addContactLine(c *Contact, address *[]string, clean string, afterBlank bool) contactKind {
	if strings.HasPrefix(strings.ToLower(clean), "fax") {
		return contactText // not a number to call, but it is what the card says
	}
	line := contactLabel.ReplaceAllString(clean, "")
	lower := strings.ToLower(line)
	phone := phoneLabel.ReplaceAllString(line, "")
	switch {
	case line == "":
	case phoneLine.MatchString(phone) && countDigits(phone) >= 6:
		c.Phones = append(c.Phones, phone)
	case strings.Contains(line, "@") && len(strings.Fields(line)) <= 2:
		c.Emails = append(c.Emails, emailIn(line))
	case strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") || strings.HasPrefix(lower, "www."):
		if c.Website == "" {
			c.Website = line
		}
	case afterBlank:
		return contactEnded
	case !strings.Contains(line, ": ") && (countDigits(line) > 0 || countryLine.MatchString(line)):
		*address = append(*address, line)
	default:
		return contactText
	}
	return contactTaken
}

// emailIn returns the word holding the "@", without "mailto:" or brackets.
func emailIn(line string) string {
	for _, w := range strings.Fields(line) {
		if strings.Contains(w, "@") {
			w = strings.Trim(w, "<>()[],;\"'")
			return strings.TrimPrefix(w, "mailto:")
		}
	}
	return line
}

func countDigits(s string) int {
	n := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			n++
		}
	}
	return n
}
