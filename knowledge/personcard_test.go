package knowledge

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

const seedCard = "000_8756befdf3055604.txt"

// parseFile parses a file of the repository as Parse would see it.
func parseFile(t *testing.T, file, source string) (Document, []Problem) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return Parse(source, data)
}

func TestPersonCardSeed(t *testing.T) {
	doc, problems := parseFile(t, "default/"+seedCard, seedCard)
	if len(problems) > 0 {
		t.Errorf("problems: %v", problems)
	}
	if doc.Kind != KindPerson || doc.Name != "Miet Gobert" || doc.Title != "Miet Gobert" || doc.Source != seedCard {
		t.Errorf("kind %q, name %q, title %q, source %q", doc.Kind, doc.Name, doc.Title, doc.Source)
	}
	wantContact := Contact{
		Phones:  []string{"+32 50 630 100", "+32 50 630 159"},
		Address: "Alfred Verweeplein 1, 8300 Knokke-Heist, België",
	}
	if !reflect.DeepEqual(doc.Contact, wantContact) {
		t.Errorf("contact = %#v, want %#v", doc.Contact, wantContact)
	}
	wantFunctions := []Function{
		{Body: "Schepencollege", Title: "Algemeen directeur"},
		{Body: "Gemeenteraad", Title: "Algemeen directeur"},
		{Body: "OCMW raad", Title: "Algemeen directeur"},
	}
	if !reflect.DeepEqual(doc.Functions, wantFunctions) {
		t.Errorf("functions = %v, want %v", doc.Functions, wantFunctions)
	}

	// The Info section: three numbered headings with 4, 3 and 4 bullets.
	const (
		h1 = "De gemeentesecretaris is de algemeen directeur van de gemeentelijke organisatie"
		h2 = "De gemeentesecretaris is de strategisch adviseur van het gemeentebestuur"
		h3 = "De gemeentesecretaris is de voorzitter en drijvende kracht van het managementteam" // two spaces in the file
	)
	wantLines := []int{20, 21, 22, 23, 27, 28, 29, 33, 34, 35, 36}
	wantHeadings := []string{h1, h1, h1, h1, h2, h2, h2, h3, h3, h3, h3}
	if len(doc.Passages) != 11 {
		t.Fatalf("got %d passages, want 11: %v", len(doc.Passages), doc.Passages)
	}
	for i, p := range doc.Passages {
		if p.Line != wantLines[i] || p.Heading != wantHeadings[i] {
			t.Errorf("passage %d: line %d heading %q, want line %d heading %q", i, p.Line, p.Heading, wantLines[i], wantHeadings[i])
		}
		if strings.ContainsAny(p.Text, "\u00a0•") || strings.Contains(p.Text, "  ") || p.Text != strings.TrimSpace(p.Text) {
			t.Errorf("passage %d not normalised: %q", i, p.Text)
		}
	}
	if got, want := doc.Passages[0].Text, "De gemeentesecretaris staat in voor de algemene leiding van de gemeentelijke diensten, staat aan het hoofd van het gemeentepersoneel en is bevoegd voor het dagelijks personeelsbeheer;"; got != want {
		t.Errorf("first passage = %q, want %q", got, want)
	}
	// Curly quotes are kept; the trailing U+00A0 is gone.
	if got, want := doc.Passages[8].Text, "Het managementteam legt zich toe op de organisatiebrede, professionele ontwikkeling van de gehele gemeentelijke organisatie en overstijgt ‘de belangen’ van de verschillende diensten;"; got != want {
		t.Errorf("passage 9 = %q, want %q", got, want)
	}
	// The file does not end with a newline; the last bullet is still whole.
	if got := doc.Passages[10].Text; !strings.HasSuffix(got, "integrale kwaliteitszorg.") {
		t.Errorf("last passage = %q", got)
	}
}

func TestPersonCardWithEmail(t *testing.T) {
	doc, problems := parseFile(t, "testdata/sample/corpus/kastelbroek/klachtencoordinator.txt", "kastelbroek/klachtencoordinator.txt")
	if len(problems) > 0 {
		t.Errorf("problems: %v", problems)
	}
	want := Contact{
		Phones:  []string{"+32 9 378 40 22"},
		Emails:  []string{"klachtenmeldpunt@kastelbroek.be"},
		Address: "Kasteeldreef 2, 9273 Kastelbroek, België",
	}
	if !reflect.DeepEqual(doc.Contact, want) {
		t.Errorf("contact = %#v, want %#v", doc.Contact, want)
	}
	wantFunctions := []Function{
		{Body: "Stafdienst", Title: "Klachtencoördinator"},
		{Body: "Stafdienst", Title: "Deskundige organisatiebeheersing"},
	}
	if !reflect.DeepEqual(doc.Functions, wantFunctions) {
		t.Errorf("functions = %v, want %v", doc.Functions, wantFunctions)
	}
	if doc.Name != "Sven Van Acker" || len(doc.Passages) != 4 {
		t.Errorf("name %q, %d passages", doc.Name, len(doc.Passages))
	}
	if p := doc.Passages[3]; p.Heading != "Organisatiebeheersing" || p.Line != 25 {
		t.Errorf("last passage = %+v", p)
	}
}

// TestPersonCardShapes covers the ways a copied card differs from the seed.
func TestPersonCardShapes(t *testing.T) {
	tests := []struct {
		name         string
		text         string
		wantName     string
		wantContact  Contact
		wantFuncs    []Function
		wantPassages []Passage
		wantProblems []int // lines of the problems
	}{
		{
			name:        "CRLF and extra blank lines",
			text:        "Jan Peeters\r\n\r\nContactgegevens\r\nMarkt 1\r\n9000 Gent\r\n\r\n09 210 10 10\r\n\r\nFunctie(s)\r\n\r\nBestuurFunctie\r\n\r\nGemeenteraadVoorzitter\r\n\r\nSchepencollegeSchepen\r\n\r\nInfo\r\n\r\n1. Rol\r\n\r\n • Leidt de raad.\r\n",
			wantName:    "Jan Peeters",
			wantContact: Contact{Phones: []string{"09 210 10 10"}, Address: "Markt 1, 9000 Gent"},
			wantFuncs:   []Function{{"Gemeenteraad", "Voorzitter"}, {"Schepencollege", "Schepen"}},
			wantPassages: []Passage{
				{Heading: "Rol", Text: "Leidt de raad.", Line: 21},
			},
		},
		{
			name:        "missing header and missing Info",
			text:        "Jan Peeters\nContactgegevens\nMarkt 1\nFunctie(s)\nGemeenteraadVoorzitter\n1. Rol\n- Leidt de raad.\n* Zit zittingen voor.\nEn meer.\n",
			wantName:    "Jan Peeters",
			wantFuncs:   []Function{{"Gemeenteraad", "Voorzitter"}},
			wantContact: Contact{Address: "Markt 1"},
			wantPassages: []Passage{
				{Heading: "Rol", Text: "Leidt de raad.", Line: 7},
				{Heading: "Rol", Text: "Zit zittingen voor. En meer.", Line: 8},
			},
		},
		{
			name:      "only the table header, info as paragraphs",
			text:      "Jan Peeters\nBestuurFunctie\nGemeenteraadVoorzitter\nInfo\nHij leidt de raad\nen de zittingen.\n\nTweede alinea.",
			wantName:  "Jan Peeters",
			wantFuncs: []Function{{"Gemeenteraad", "Voorzitter"}},
			wantPassages: []Passage{
				{Heading: "Info", Text: "Hij leidt de raad en de zittingen.", Line: 5},
				{Heading: "Info", Text: "Tweede alinea.", Line: 8},
			},
		},
		{
			name:         "row that cannot be split",
			text:         "Jan Peeters\nBestuurFunctie\nGemeenteraadVoorzitter\nalgemeen directeur\nInfo\n",
			wantName:     "Jan Peeters",
			wantFuncs:    []Function{{"Gemeenteraad", "Voorzitter"}, {"", "algemeen directeur"}},
			wantProblems: []int{4},
		},
		{
			name:     "labelled contact lines, website, tab-separated row",
			text:     "Jan Peeters\nContactgegevens\nMarkt 1\nTel.: 09 210 10 10\nFax: 09 210 10 11\nE-mail: <jan@gent.be>\nhttps://gent.be/jan\nwww.other.be\nBestuurFunctie\nDienst Burgerzaken\tDiensthoofd\n",
			wantName: "Jan Peeters",
			wantContact: Contact{Phones: []string{"09 210 10 10"}, Emails: []string{"jan@gent.be"},
				Address: "Markt 1", Website: "https://gent.be/jan"},
			wantFuncs:    []Function{{"Dienst Burgerzaken", "Diensthoofd"}},
			wantPassages: []Passage{{Heading: "Contactgegevens", Text: "Fax: 09 210 10 11", Line: 5}}, // not a number to call
		},
		{
			name:        "text after the contact block without a section title",
			text:        "Jan Peeters\nContactgegevens\nMarkt 1\n\n09 210 10 10\n\nSpreekuur op maandag.\n",
			wantName:    "Jan Peeters",
			wantContact: Contact{Phones: []string{"09 210 10 10"}, Address: "Markt 1"},
			wantPassages: []Passage{
				{Text: "Spreekuur op maandag.", Line: 7},
			},
		},
		{
			name:         "no name",
			text:         "\nContactgegevens\nMarkt 1\n",
			wantContact:  Contact{Address: "Markt 1"},
			wantProblems: []int{2},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, problems := Parse("card.txt", []byte(tt.text))
			if doc.Kind != KindPerson {
				t.Fatalf("kind = %q, want person", doc.Kind)
			}
			if doc.Name != tt.wantName {
				t.Errorf("name = %q, want %q", doc.Name, tt.wantName)
			}
			if !reflect.DeepEqual(doc.Contact, tt.wantContact) {
				t.Errorf("contact = %#v, want %#v", doc.Contact, tt.wantContact)
			}
			if !reflect.DeepEqual(doc.Functions, tt.wantFuncs) {
				t.Errorf("functions = %v, want %v", doc.Functions, tt.wantFuncs)
			}
			if !reflect.DeepEqual(doc.Passages, tt.wantPassages) {
				t.Errorf("passages = %+v, want %+v", doc.Passages, tt.wantPassages)
			}
			if got := problemLines(problems); !reflect.DeepEqual(got, tt.wantProblems) {
				t.Errorf("problem lines = %v, want %v (%v)", got, tt.wantProblems, problems)
			}
		})
	}
}

func problemLines(problems []Problem) []int {
	var lines []int
	for _, p := range problems {
		lines = append(lines, p.Line)
	}
	return lines
}

// TestPersonCardInfoVariants: the Info section numbers its paragraphs,
// bullets them, both, or neither; every variant keeps every line.
func TestPersonCardInfoVariants(t *testing.T) {
	const head = "Jan Peeters\nContactgegevens\nMarkt 1\nBestuurFunctie\nSchepencollegeSchepen\n"
	tests := []struct {
		name string
		info string
		want []Passage
	}{
		{
			name: "numbers and bullets",
			info: "Info\n\n1. Portefeuille\n\n • Sport;\n • Jeugd.\n\n2. Zitdag\n\n • Op zaterdag.\n",
			want: []Passage{
				{Heading: "Portefeuille", Text: "Sport;", Line: 10},
				{Heading: "Portefeuille", Text: "Jeugd.", Line: 11},
				{Heading: "Zitdag", Text: "Op zaterdag.", Line: 15},
			},
		},
		{
			name: "numbered paragraphs without bullets",
			info: "Info\n\n1. Als schepen volgt Jan Peeters sport en jeugd op.\n\n2. Zitdag op zaterdag\nin het gemeentehuis.\n\n3. Hij is ook gemeenteraadslid\n",
			want: []Passage{
				{Heading: "Info", Text: "Als schepen volgt Jan Peeters sport en jeugd op.", Line: 8},
				{Heading: "Info", Text: "Zitdag op zaterdag in het gemeentehuis.", Line: 10},
				{Heading: "Info", Text: "Hij is ook gemeenteraadslid", Line: 13},
			},
		},
		{
			name: "a numbered paragraph between numbered headings",
			info: "Informatie\n1. Portefeuille\n • Sport.\n2. Zitdag op zaterdag van 10 tot 11 uur.\n3. Bereikbaarheid?\n • Per mail.\n",
			want: []Passage{
				{Heading: "Portefeuille", Text: "Sport.", Line: 8},
				{Heading: "Informatie", Text: "Zitdag op zaterdag van 10 tot 11 uur.", Line: 9},
				{Heading: "Bereikbaarheid?", Text: "Per mail.", Line: 11},
			},
		},
		{
			name: "numbered heading over plain paragraphs",
			info: "Info\n\n1. Portefeuille\n\nSport en jeugd.\n\nOok de sporthal.\n",
			want: []Passage{
				{Heading: "Portefeuille", Text: "Sport en jeugd.", Line: 10},
				{Heading: "Portefeuille", Text: "Ook de sporthal.", Line: 12},
			},
		},
		{
			name: "plain paragraphs",
			info: "Info\nHij volgt sport op.\n\nZitdag op zaterdag.\n",
			want: []Passage{
				{Heading: "Info", Text: "Hij volgt sport op.", Line: 7},
				{Heading: "Info", Text: "Zitdag op zaterdag.", Line: 9},
			},
		},
		{
			name: "numbered lines and nothing after them",
			info: "Info\n1. Sport\n2. Jeugd\n",
			want: []Passage{
				{Heading: "Info", Text: "Sport", Line: 7},
				{Heading: "Info", Text: "Jeugd", Line: 8},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := head + tt.info
			doc, problems := Parse("card.txt", []byte(text))
			if len(problems) > 0 {
				t.Errorf("problems: %v", problems)
			}
			if !reflect.DeepEqual(doc.Passages, tt.want) {
				t.Errorf("passages = %+v, want %+v", doc.Passages, tt.want)
			}
			checkNoInfoLost(t, text, doc)
		})
	}
}

// checkNoInfoLost checks that every line after "Info", without its number
// or bullet, is in a passage or is a heading.
func checkNoInfoLost(t *testing.T, text string, doc Document) {
	t.Helper()
	var all strings.Builder
	for _, p := range doc.Passages {
		all.WriteString(p.Heading + "\n" + p.Text + "\n")
	}
	info := false
	for _, l := range strings.Split(text, "\n") {
		c := cleanText(l)
		if s, _, ok := cardMarker(l); ok {
			info = s == sectionInfo
			continue
		}
		if !info || c == "" {
			continue
		}
		if m := numberedLine.FindStringSubmatch(c); m != nil {
			c = m[1]
		} else if b, ok := bulletText(c); ok {
			c = cleanText(b)
		}
		if !strings.Contains(all.String(), c) {
			t.Errorf("line %q lost; passages %+v", c, doc.Passages)
		}
	}
}

// What the contact block names beside the address is a place, never another
// person: "Sociaal Huis" on Marc Geens's card.
func TestPersonCardContactBlockNamesNobody(t *testing.T) {
	card := "Marc Geens\n\nContactgegevens\nSociaal Huis\nPastorijstraat 8\n2465 Nethegem\nBelgië\n+32 14 72 11 01\n\nFunctie(s)\n\nBestuurFunctie\nSchepencollegeSchepen\nInfo\n\n1. Portefeuille\n\n • Welzijn en senioren\n"
	doc, _ := Parse("nethegem/marc-geens.txt", []byte(card))
	if len(doc.People) > 0 {
		t.Errorf("people %+v, want none", doc.People)
	}
	found := false
	for _, p := range doc.Passages {
		found = found || p.Text == "Sociaal Huis"
	}
	if !found {
		t.Errorf("the line Sociaal Huis is lost: %+v", doc.Passages)
	}
}
