package knowledge

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestTextNoLongerLost: text that was lost or put in the wrong field
// without a warning (found by probing the built binary). Each case is read
// the way its writer obviously meant; where that is a guess, a problem says
// what was assumed.
func TestTextNoLongerLost(t *testing.T) {
	const card = "Jan Peeters\nContactgegevens\nMarkt 1\n9000 Gent\n"
	tests := []struct {
		name, source, text string
		check              func(t *testing.T, doc Document, problems []Problem)
	}{
		{"numbered items after a label", "card.txt",
			card + "Functie(s)\nBestuurFunctie\nSchepencollegeSchepen\nBevoegdheden:\n1. Landbouw\n2. Kermissen en foren\n",
			func(t *testing.T, doc Document, _ []Problem) {
				wantFunctions(t, doc, Function{"Schepencollege", "Schepen"})
				wantTexts(t, doc, "Bevoegdheden:", "Landbouw", "Kermissen en foren")
			}},
		{"the last numbered line of an Info block", "card.txt",
			card + "Info\n1. Portefeuille\n • Sport.\n2. Zitdag op maandag\n",
			func(t *testing.T, doc Document, _ []Problem) {
				wantTexts(t, doc, "Sport.", "Zitdag op maandag")
			}},
		{"a Markdown heading followed by a heading, and one at the end", "x.md",
			"# Jeugddienst\n## Openingsuren\n## Adres\nMarkt 2\n## Nog te schrijven\n",
			func(t *testing.T, doc Document, _ []Problem) {
				if doc.Title != "Jeugddienst" {
					t.Errorf("title %q", doc.Title)
				}
				wantTexts(t, doc, "Openingsuren", "Markt 2", "Nog te schrijven")
				for _, p := range doc.Passages {
					if p.Text == "Jeugddienst" {
						t.Errorf("the title is repeated as a passage: %+v", doc.Passages)
					}
				}
			}},
		{"phone labels without a colon", "card.txt",
			card + "Tel. 09 360 11 01\nGSM 0477 12 34 56\n",
			func(t *testing.T, doc Document, _ []Problem) {
				if want := []string{"09 360 11 01", "0477 12 34 56"}; !reflect.DeepEqual(doc.Contact.Phones, want) {
					t.Errorf("phones %q, want %q", doc.Contact.Phones, want)
				}
				if doc.Contact.Address != "Markt 1, 9000 Gent" {
					t.Errorf("address %q", doc.Contact.Address)
				}
			}},
		{"consultation hours and an office in the contact block", "card.txt",
			card + "Spreekuur: elke zaterdag van 10 tot 12 uur\nKabinet van de burgemeester\n+32 9 360 11 00\n",
			func(t *testing.T, doc Document, _ []Problem) {
				if doc.Contact.Address != "Markt 1, 9000 Gent" || len(doc.Contact.Phones) != 1 {
					t.Errorf("contact %+v", doc.Contact)
				}
				wantTexts(t, doc, "Spreekuur: elke zaterdag van 10 tot 12 uur", "Kabinet van de burgemeester")
			}},
		{"bodies with a capital inside", "card.txt",
			card + "BestuurFunctie\nEcoWerfBestuurder\nSOLvAAfgevaardigde\n",
			func(t *testing.T, doc Document, problems []Problem) {
				wantFunctions(t, doc, Function{"EcoWerf", "Bestuurder"}, Function{"SOLvA", "Afgevaardigde"})
				if len(problems) != 2 || !strings.Contains(problems[0].Message, `aangenomen: bestuur "EcoWerf", functie "Bestuurder"`) || problems[0].Line != 6 {
					t.Errorf("want the assumptions reported, got %v", problems)
				}
			}},
		{"a breadcrumb on the first line", "card.txt",
			"Bestuur › Schepencollege › Schepen\nAn Smet\nContactgegevens\n+32 9 123 45 67\nBestuurFunctie\nSchepencollegeSchepen\n",
			func(t *testing.T, doc Document, problems []Problem) {
				if doc.Name != "An Smet" || doc.Title != "An Smet" {
					t.Errorf("name %q title %q", doc.Name, doc.Title)
				}
				if len(problems) != 1 || problems[0].Line != 1 || !strings.Contains(problems[0].Message, "kruimelpad") {
					t.Errorf("problems %v", problems)
				}
			}},
		{"role and comma-separated aliases on a person", "x.md",
			"---\ntype: person\nname: Piet Dewolf\nrole: DPO\naliases: privacyfunctionaris, functionaris voor gegevensbescherming\n---\nPiet beantwoordt vragen over privacy.\n",
			func(t *testing.T, doc Document, _ []Problem) {
				wantFunctions(t, doc, Function{Title: "DPO"})
				if want := []string{"privacyfunctionaris", "functionaris voor gegevensbescherming"}; !reflect.DeepEqual(doc.Aliases, want) {
					t.Errorf("aliases %q, want %q", doc.Aliases, want)
				}
			}},
		{"a blank line before the front matter", "x.md",
			"\n---\ntitle: Jeugddienst Kastelbroek\ntype: service\nname: Eva Smet\n---\nDe jeugddienst organiseert de speelpleinwerking.\n",
			func(t *testing.T, doc Document, problems []Problem) {
				if doc.Title != "Jeugddienst Kastelbroek" || doc.Kind != KindService || doc.Name != "Eva Smet" || len(problems) > 0 {
					t.Errorf("title %q kind %q name %q problems %v", doc.Title, doc.Kind, doc.Name, problems)
				}
				if len(doc.Passages) != 1 || doc.Passages[0].Line != 7 {
					t.Errorf("passages %+v", doc.Passages)
				}
			}},
		{"front matter in a .txt", "x.txt",
			"---\ntitle: Jeugddienst\n---\nDe jeugddienst organiseert de speelpleinwerking.\n",
			func(t *testing.T, doc Document, problems []Problem) {
				if doc.Title != "Jeugddienst" {
					t.Errorf("title %q", doc.Title)
				}
				if len(problems) != 1 || !strings.Contains(problems[0].Message, "gelezen als Markdown") {
					t.Errorf("want the assumption reported, got %v", problems)
				}
			}},
		{".htm", "pagina.htm", "<h1>Sportdienst</h1><p>De sportdienst beheert de sporthal.</p>",
			func(t *testing.T, doc Document, _ []Problem) {
				if doc.Title != "Sportdienst" {
					t.Errorf("title %q", doc.Title)
				}
				wantTexts(t, doc, "De sportdienst beheert de sporthal.")
			}},
		{".text", "nota.text", "Sportdienst\n\nDe sportdienst beheert de sporthal.\n",
			func(t *testing.T, doc Document, _ []Problem) {
				wantTexts(t, doc, "De sportdienst beheert de sporthal.")
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, problems := Parse(tt.source, []byte(tt.text))
			tt.check(t, doc, problems)
		})
	}
	for _, ext := range []string{".htm", ".text"} {
		if _, ok := formatOf("a" + ext); !ok {
			t.Errorf("Load does not read %s files", ext)
		}
	}
}

func wantFunctions(t *testing.T, doc Document, want ...Function) {
	t.Helper()
	if !reflect.DeepEqual(doc.Functions, want) {
		t.Errorf("functions %+v, want %+v", doc.Functions, want)
	}
}

// wantTexts checks that each text is a passage or a passage's heading.
func wantTexts(t *testing.T, doc Document, texts ...string) {
	t.Helper()
	var have []string
	for _, p := range doc.Passages {
		have = append(have, p.Text, p.Heading)
	}
	for _, s := range texts {
		if !slices.Contains(have, s) {
			t.Errorf("%q lost; passages %+v", s, doc.Passages)
		}
	}
}
