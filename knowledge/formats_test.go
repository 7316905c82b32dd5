package knowledge

import (
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// The fixtures in testdata/formats were written by LibreOffice (see
// make.sh there) from the HTML in testdata/formats-src, except the saved
// person page and the Markdown card.

const formatsDir = "testdata/formats/veldegem/"

func parseFixture(t *testing.T, name string) (Document, []Problem) {
	t.Helper()
	data, err := os.ReadFile(formatsDir + name)
	if err != nil {
		t.Fatal(err)
	}
	return Parse("veldegem/"+name, data)
}

// TestFunctionDescriptionFormats: the same kind of document in Word and in
// PDF gives a function description with its role, its headings from the
// file's structure, and every paragraph, list item and table row.
func TestFunctionDescriptionFormats(t *testing.T) {
	tests := []struct {
		file, role string
		want       []Passage
	}{
		{"functiebeschrijving-omgevingsambtenaar.docx", "omgevingsambtenaar", []Passage{
			{Heading: "Functiebeschrijving omgevingsambtenaar", Text: "De omgevingsambtenaar adviseert het college van burgemeester en schepenen over aanvragen voor een omgevingsvergunning en bewaakt de ruimtelijke kwaliteit van Veldegem.", Line: 2},
			{Heading: "Plaats in de organisatie", Text: "De omgevingsambtenaar werkt in de dienst Omgeving en rapporteert aan het diensthoofd Omgeving.", Line: 4},
			{Heading: "Plaats in de organisatie", Text: "Graad: A1a-A3a | Dienst: Omgeving | Statuut: Contractueel, voltijds", Line: 6},
			{Text: "Taken", Line: 7}, // a heading with only headings under it
			{Heading: "Vergunningen", Text: "Onderzoekt aanvragen voor een omgevingsvergunning en schrijft het advies.", Line: 9},
			{Heading: "Vergunningen", Text: "Organiseert het openbaar onderzoek en behandelt de bezwaren.", Line: 10},
			{Heading: "Handhaving", Text: "Volgt meldingen van bouwovertredingen op en stelt zo nodig een proces-verbaal op.", Line: 12},
			{Heading: "Profiel", Text: "Je hebt een masterdiploma en kent de Vlaamse omgevingswetgeving.", Line: 14},
		}},
		{"functiebeschrijving-preventieadviseur.pdf", "preventieadviseur", []Passage{
			{Heading: "Functiebeschrijving preventieadviseur", Text: "De preventieadviseur leidt de interne dienst voor preventie en bescherming op het werk van het lokaal bestuur Veldegem.", Line: 2},
			{Heading: "Taken", Text: "Voert de risicoanalyse uit van werkposten en machines.", Line: 4},
			{Heading: "Taken", Text: "Onderzoekt arbeidsongevallen en stelt maatregelen voor.", Line: 5},
			{Heading: "Taken", Text: "Organiseert de evacuatieoefeningen in de gemeentelijke gebouwen.", Line: 6},
			{Heading: "Contact", Text: "Voor vragen over veiligheid op het werk kan je terecht bij de preventieadviseur via preventie@veldegem.be.", Line: 8},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			doc, problems := parseFixture(t, tt.file)
			if len(problems) > 0 {
				t.Errorf("problems: %v", problems)
			}
			if doc.Kind != KindFunction || doc.Role != tt.role || doc.Title != "Functiebeschrijving "+tt.role {
				t.Errorf("kind %q role %q title %q", doc.Kind, doc.Role, doc.Title)
			}
			if !reflect.DeepEqual(doc.Passages, tt.want) {
				t.Errorf("passages:\n%+v\nwant\n%+v", doc.Passages, tt.want)
			}
		})
	}
}

// TestBrochureODT: an OpenDocument brochure is a generic document whose
// table rows are passages that name each cell by its column, so the people
// in them are found with their topic.
func TestBrochureODT(t *testing.T) {
	doc, problems := parseFixture(t, "bij-wie-kan-ik-terecht.odt")
	if len(problems) > 0 {
		t.Errorf("problems: %v", problems)
	}
	if doc.Kind != KindGeneric || doc.Title != "Bij wie kan ik terecht?" {
		t.Errorf("kind %q title %q", doc.Kind, doc.Title)
	}
	want := []Passage{
		{Heading: "Bij wie kan ik terecht?", Text: "Deze brochure zet de diensten van het gemeentehuis van Veldegem op een rij.", Line: 2},
		{Heading: "Diensten en contactpersonen", Text: "Onderwerp: Begraafplaatsen en concessies | Dienst: Burgerzaken | Contactpersoon: Greet Wuyts | Telefoon: 09 360 11 20", Line: 5},
		{Heading: "Diensten en contactpersonen", Text: "Onderwerp: Evenementen en fuiven | Dienst: Vrije Tijd | Contactpersoon: Karim Bouzid | Telefoon: 09 360 11 30", Line: 6},
		{Heading: "Diensten en contactpersonen", Text: "Onderwerp: Subsidies voor verenigingen | Dienst: Financiën | Contactpersoon: Lotte Peeters | Telefoon: 09 360 11 40", Line: 7},
		{Heading: "Openingsuren", Text: "Het gemeentehuis is open van maandag tot vrijdag van 9 tot 12 uur en op woensdag ook van 14 tot 19 uur.", Line: 9},
	}
	if !reflect.DeepEqual(doc.Passages, want) {
		t.Errorf("passages:\n%+v\nwant\n%+v", doc.Passages, want)
	}
	var names []string
	for _, m := range doc.People {
		names = append(names, m.Name)
	}
	for _, n := range []string{"Greet Wuyts", "Karim Bouzid", "Lotte Peeters"} {
		if !slices.Contains(names, n) {
			t.Errorf("people %q lack %q", names, n)
		}
	}
}

// TestPersonPageHTML: a saved person page is a person with the functions
// of its table, cell by cell, and the contact of its contact block; the
// menu, breadcrumb, cookie banner, share links and footer (with the town
// hall's own phone and e-mail) are left out.
func TestPersonPageHTML(t *testing.T) {
	doc, problems := parseFixture(t, "sofie-van-damme.html")
	if len(problems) > 0 {
		t.Errorf("problems: %v", problems)
	}
	if doc.Kind != KindPerson || doc.Name != "Sofie Van Damme" || doc.Title != "Sofie Van Damme" {
		t.Errorf("kind %q name %q title %q", doc.Kind, doc.Name, doc.Title)
	}
	wantFunctions := []Function{{Body: "Gemeentebestuur", Title: "Omgevingsambtenaar"}, {Body: "EcoWerf", Title: "Afgevaardigde"}}
	if !reflect.DeepEqual(doc.Functions, wantFunctions) {
		t.Errorf("functions %+v, want %+v", doc.Functions, wantFunctions)
	}
	wantContact := Contact{Phones: []string{"09 360 11 50"}, Emails: []string{"sofie.vandamme@veldegem.be"}, Address: "Dorpsstraat 12, 9870 Veldegem, België"}
	if !reflect.DeepEqual(doc.Contact, wantContact) {
		t.Errorf("contact %+v, want %+v", doc.Contact, wantContact)
	}
	want := []Passage{
		{Heading: "Contactgegevens", Text: "Spreekuur: dinsdag van 14 tot 16 uur, op afspraak", Line: 5},
		{Heading: "Info", Text: "Sofie Van Damme behandelt de aanvragen voor een omgevingsvergunning en geeft bouwadvies.", Line: 11},
		{Heading: "Info", Text: "Verkavelingen en bouwaanvragen", Line: 12},
		{Heading: "Info", Text: "Meldingen van bouwovertredingen", Line: 13},
	}
	if !reflect.DeepEqual(doc.Passages, want) {
		t.Errorf("passages:\n%+v\nwant\n%+v", doc.Passages, want)
	}
	all := strings.ToLower(doc.Title + " " + doc.Contact.Address + " " + strings.Join(doc.Contact.Phones, " ") + " " + strings.Join(doc.Contact.Emails, " "))
	for _, p := range doc.Passages {
		all += " " + strings.ToLower(p.Heading+" "+p.Text)
	}
	for _, site := range []string{"cookie", "wonen en verbouwen", "kruimelpad", "personeel", "facebook", "info@veldegem.be", "09 360 11 00", "privacyverklaring", "markt 1"} {
		if strings.Contains(all, site) {
			t.Errorf("the site's %q was read as knowledge", site)
		}
	}
}

// TestUnreadableFormats: a scan, a password, a truncated Word file and an
// image are each reported by name with what to do, and not loaded.
func TestUnreadableFormats(t *testing.T) {
	docs, problems := Load(t.Context(), "testdata/formats", Options{})
	want := map[string]string{
		"make.sh":                     "bestandstype .sh niet gelezen",
		"veldegem/reglement-scan.pdf": "gescande PDF zonder tekst: exporteer het origineel als PDF met tekst of als .docx",
		"veldegem/functiebeschrijving-beveiligd.pdf": "PDF met wachtwoord",
		"veldegem/kapot.docx":                        "kapot of onvolledig",
		"veldegem/organogram.png":                    "afbeelding .png niet gelezen",
	}
	got := map[string]string{}
	for _, p := range problems {
		if !p.Skipped {
			t.Errorf("problem not marked as skipped: %v", p)
		}
		got[p.File] = p.Message
	}
	for file, msg := range want {
		if !strings.Contains(got[file], msg) {
			t.Errorf("%s: problem %q, want one with %q", file, got[file], msg)
		}
	}
	if len(got) != len(want) {
		t.Errorf("problems %v, want %d", problems, len(want))
	}
	var sources []string
	for _, d := range docs {
		sources = append(sources, d.Source)
	}
	wantSources := []string{"veldegem/bij-wie-kan-ik-terecht.odt", "veldegem/functiebeschrijving-omgevingsambtenaar.docx",
		"veldegem/functiebeschrijving-preventieadviseur.pdf", "veldegem/jan-claes.md", "veldegem/sofie-van-damme.html"}
	if !reflect.DeepEqual(sources, wantSources) {
		t.Errorf("loaded %q, want %q", sources, wantSources)
	}
	// Each function description is linked to the person holding its role.
	for _, d := range docs {
		if d.Kind == KindFunction && len(d.Holders) != 1 {
			t.Errorf("%s: holders %q", d.Source, d.Holders)
		}
	}
}
