package knowledge

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
)

func TestMarkdownSamples(t *testing.T) {
	kastelbroek := "Kasteeldreef 2, 9273 Kastelbroek"
	tests := []struct {
		file          string
		wantKind      Kind
		wantTitle     string
		wantName      string
		wantFunctions []Function
		wantContact   Contact
		wantAliases   []string
		wantPassages  []Passage // the first and the last
		wantCount     int
	}{
		{
			file:          "dpo.md",
			wantKind:      KindPerson,
			wantTitle:     "Privacy en gegevensbescherming Kastelbroek",
			wantName:      "Charlotte Mortier",
			wantFunctions: []Function{{Body: "Lokaal bestuur Kastelbroek", Title: "DPO"}},
			wantContact:   Contact{Phones: []string{"+32 9 378 40 28"}, Emails: []string{"gegevensbescherming@kastelbroek.be"}, Address: kastelbroek},
			wantAliases:   []string{"functionaris voor gegevensbescherming", "privacyfunctionaris"},
			wantPassages: []Passage{
				{Heading: "Charlotte Mortier", Text: "Charlotte Mortier is de DPO van het lokaal bestuur.", Line: 18},
				{Heading: "Intern", Text: "Ze geeft jaarlijks een opleiding over veilig omgaan met persoonsgegevens aan alle medewerkers.", Line: 29},
			},
			wantCount: 6,
		},
		{
			file:          "hr.md",
			wantKind:      KindPerson,
			wantTitle:     "Dienst Personeel Kastelbroek",
			wantName:      "Saskia Van Damme",
			wantFunctions: []Function{{Body: "Dienst Personeel", Title: "Teamverantwoordelijke personeel"}},
			wantContact:   Contact{Phones: []string{"+32 9 378 40 45"}, Emails: []string{"personeel@kastelbroek.be"}, Address: kastelbroek},
			wantAliases:   []string{"HR-team", "personeelszaken"},
			wantPassages: []Passage{
				{Heading: "Saskia Van Damme", Text: "Teamverantwoordelijke van de dienst Personeel.", Line: 18},
				{Heading: "Saskia Van Damme", Text: "Coördineert het opleidingsaanbod voor medewerkers.", Line: 23},
			},
			wantCount: 5,
		},
		{
			file:          "burgerzaken.md",
			wantKind:      KindService,
			wantTitle:     "Loket Burgerzaken Kastelbroek",
			wantName:      "Els Blommaert",
			wantFunctions: []Function{{Body: "Burgerzaken", Title: "Teamcoördinator burgerzaken"}},
			wantContact:   Contact{Phones: []string{"+32 9 378 40 50"}, Emails: []string{"loket@kastelbroek.be"}, Address: kastelbroek},
			wantAliases:   []string{"bevolkingsdienst", "ID-loket"},
			wantPassages: []Passage{
				{Heading: "Loket Burgerzaken", Text: "Teamcoördinator: Els Blommaert", Line: 18}, // ** stripped
				{Heading: "Wanneer?", Text: "Elke werkdag in de voormiddag en op donderdag tot 19 uur, steeds na afspraak.", Line: 30},
			},
			wantCount: 7,
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			doc, problems := parseFile(t, "testdata/sample/corpus/kastelbroek/"+tt.file, "kastelbroek/"+tt.file)
			if len(problems) > 0 {
				t.Errorf("problems: %v", problems)
			}
			if doc.Kind != tt.wantKind || doc.Title != tt.wantTitle || doc.Name != tt.wantName {
				t.Errorf("kind %q title %q name %q; want %q %q %q", doc.Kind, doc.Title, doc.Name, tt.wantKind, tt.wantTitle, tt.wantName)
			}
			if !reflect.DeepEqual(doc.Functions, tt.wantFunctions) {
				t.Errorf("functions = %v, want %v", doc.Functions, tt.wantFunctions)
			}
			if !reflect.DeepEqual(doc.Contact, tt.wantContact) {
				t.Errorf("contact = %#v, want %#v", doc.Contact, tt.wantContact)
			}
			if !reflect.DeepEqual(doc.Aliases, tt.wantAliases) {
				t.Errorf("aliases = %q, want %q", doc.Aliases, tt.wantAliases)
			}
			if len(doc.Passages) != tt.wantCount {
				t.Fatalf("got %d passages, want %d: %+v", len(doc.Passages), tt.wantCount, doc.Passages)
			}
			ends := []Passage{doc.Passages[0], doc.Passages[len(doc.Passages)-1]}
			if !reflect.DeepEqual(ends, tt.wantPassages) {
				t.Errorf("first and last passage = %+v, want %+v", ends, tt.wantPassages)
			}
		})
	}
}

func TestMarkdownFrontMatter(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		want     Document // the fields compared: Kind, Title, Name, Organisation, Role, Contact, Functions
		problems []string // "line: part of the message"
	}{
		{
			name: "lists, organisatie, function with default role",
			text: "---\ntitle: Functiebeschrijving algemeen directeur\ntype: function\norganisatie: Kastelbroek\n" +
				"phone: [\"050 11 11 11\", 0471 22 33 44]\nemail:\n  - a@b.be\n  - c@d.be\naddress:\n  - Markt 1\n  - 9000 Gent\nwebsite: https://gent.be\n---\ntekst",
			want: Document{Kind: KindFunction, Title: "Functiebeschrijving algemeen directeur", Organisation: "Kastelbroek", Role: "algemeen directeur",
				Contact: Contact{Phones: []string{"050 11 11 11", "0471 22 33 44"}, Emails: []string{"a@b.be", "c@d.be"}, Address: "Markt 1, 9000 Gent", Website: "https://gent.be"}},
		},
		{
			name: "explicit role, organisation wins over organisatie, Dutch type",
			text: "---\ntitle: De baas\ntype: functie\nrole: Algemeen directeur\norganisation: Gent\norganisatie: Brugge\n---\n",
			want: Document{Kind: KindFunction, Title: "De baas", Organisation: "Gent", Role: "Algemeen directeur"},
		},
		{
			name:     "unknown type",
			text:     "---\ntitle: X\ntype: vergadering\n---\ntekst",
			want:     Document{Kind: KindGeneric, Title: "X"},
			problems: []string{`3:onbekend type "vergadering"`},
		},
		{
			name: "fields of the wrong shape are reported, the rest is kept",
			text: "---\ntype: person\nname: Jan\ntitle: {a: 1}\nemial: x@y.be\nphone: [[1]]\nfunctions:\n  - body: Raad\n  - body: Raad\n    function: Lid\n---\n",
			want: Document{Kind: KindPerson, Title: "Jan", Name: "Jan", Functions: []Function{{Body: "Raad", Title: "Lid"}}},
			problems: []string{"4:een waarde van de verkeerde soort", `5:onbekend veld "emial"`, "6:verwacht een tekst",
				"7:een item van functions heeft geen function"},
		},
		{
			name:     "bad YAML line: the body is still loaded",
			text:     "---\ntitle: Dienst\ntype: service\nname: [Jan\nphone: 1\n---\n# Kop\ntekst",
			want:     Document{Kind: KindGeneric, Title: "Kop"},
			problems: []string{"4:front matter: ongeldige YAML (kijk de dubbele punten, de inspringing en de aanhalingstekens na); front matter genegeerd"},
		},
		{
			name:     "bad indentation",
			text:     "---\ntitle: A\n  bad: indent\n---\ntekst",
			want:     Document{Kind: KindGeneric, Title: "tekst"},
			problems: []string{"3:ongeldige YAML"},
		},
		{
			name:     "unterminated quote on the first line",
			text:     "---\ntitle: \"Dienst\n---\ntekst",
			want:     Document{Kind: KindGeneric, Title: "tekst"},
			problems: []string{"2:ongeldige YAML"},
		},
		{
			name:     "unterminated front matter",
			text:     "---\ntitle: Dienst\ntype: service\n\n# Kop\ntekst",
			want:     Document{Kind: KindGeneric, Title: "Kop"},
			problems: []string{"1:front matter niet afgesloten"},
		},
		{
			name: "empty front matter and CRLF",
			text: "---\r\n---\r\nEerste regel\r\n",
			want: Document{Kind: KindGeneric, Title: "Eerste regel"},
		},
		{
			name:     "front matter that is a list",
			text:     "---\n- a\n---\ntekst",
			want:     Document{Kind: KindGeneric, Title: "tekst"},
			problems: []string{"2:een waarde van de verkeerde soort"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, problems := Parse("x.md", []byte(tt.text))
			got := Document{Kind: doc.Kind, Title: doc.Title, Name: doc.Name, Organisation: doc.Organisation,
				Role: doc.Role, Contact: doc.Contact, Functions: doc.Functions}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
			if len(problems) != len(tt.problems) {
				t.Fatalf("problems = %v, want %v", problems, tt.problems)
			}
			for i, p := range problems {
				line, msg, _ := strings.Cut(tt.problems[i], ":")
				if p.File != "x.md" || strconv.Itoa(p.Line) != line || !strings.Contains(p.Message, msg) || p.Skipped {
					t.Errorf("problem %d = %+v, want line %s with %q", i, p, line, msg)
				}
			}
		})
	}
}

func TestMarkdownBody(t *testing.T) {
	text := `Intro zonder kop
met **vet**, __ook vet__ en ` + "`code`" + `.

Titel
=====

* ster
+ plus
  vervolg van plus
1. genummerd
2) ook genummerd
• bolletje

> Een citaat met een [link](https://example.com) en ![beeld](x.png).

| Dag | Uren |
|-----|------|
| maandag | 9-12 |

---
Onder een lijn <https://gent.be> en <mailto:a@b.be>.

` + "```" + `
code blijft tekst
` + "```" + `
### Kop met sluiting ###
Tekst.
`
	doc, problems := Parse("body.markdown", []byte(text))
	if len(problems) > 0 {
		t.Errorf("problems: %v", problems)
	}
	want := []Passage{
		{Text: "Intro zonder kop met vet, ook vet en code.", Line: 1},
		{Heading: "Titel", Text: "ster", Line: 7},
		{Heading: "Titel", Text: "plus vervolg van plus", Line: 8},
		{Heading: "Titel", Text: "genummerd", Line: 10},
		{Heading: "Titel", Text: "ook genummerd", Line: 11},
		{Heading: "Titel", Text: "bolletje", Line: 12},
		{Heading: "Titel", Text: "Een citaat met een link en beeld.", Line: 14},
		{Heading: "Titel", Text: "Dag | Uren", Line: 16},
		{Heading: "Titel", Text: "maandag | 9-12", Line: 18},
		{Heading: "Titel", Text: "Onder een lijn https://gent.be en a@b.be.", Line: 21},
		{Heading: "Titel", Text: "code blijft tekst", Line: 24},
		{Heading: "Kop met sluiting", Text: "Tekst.", Line: 27},
	}
	if !reflect.DeepEqual(doc.Passages, want) {
		t.Errorf("passages:\n%+v\nwant\n%+v", doc.Passages, want)
	}
	if doc.Kind != KindGeneric || doc.Title != "Titel" {
		t.Errorf("kind %q title %q, want generic \"Titel\"", doc.Kind, doc.Title)
	}
}
