package knowledge

import (
	"reflect"
	"testing"
)

// TestPeople covers each way findPeople reads a person and their role; the
// documents are generic text of Brugelde unless the source says otherwise.
func TestPeople(t *testing.T) {
	type M = Mention
	tests := []struct {
		name   string
		source string
		text   string
		want   []Mention
	}{
		{
			name: "title before the name, in a paragraph of two lines",
			text: "Organogram\n\nAan het hoofd staat algemeen directeur Wout Dierickx. Hij wordt bijgestaan\ndoor adjunct-algemeen directeur Lien Baert.\n",
			want: []M{{Name: "Wout Dierickx", Titles: []string{"algemeen directeur"}, Line: 3},
				{Name: "Lien Baert", Titles: []string{"adjunct-algemeen directeur"}, Line: 3}},
		},
		{
			name: "titles joined by en, several names in a row",
			text: "Staf\n\nHet team: preventieadviseur en noodplanningscoördinator Joris Lambrecht, DPO Fien Segers en klachtencoördinator Sander Wyns.\n",
			want: []M{{Name: "Joris Lambrecht", Titles: []string{"preventieadviseur", "noodplanningscoördinator"}, Topic: "Het team", Line: 3},
				{Name: "Fien Segers", Titles: []string{"DPO"}, Topic: "Het team", Line: 3},
				{Name: "Sander Wyns", Titles: []string{"klachtencoördinator"}, Topic: "Het team", Line: 3}},
		},
		{
			name: "in brackets after a service",
			text: "Diensten\n\nDe cluster omvat de personeelsdienst (diensthoofd Katrien Mertens), de dienst Burgerzaken (Ilse Van Hoorebeke) en de ICT-dienst.\n",
			want: []M{{Name: "Katrien Mertens", Titles: []string{"diensthoofd"}, Topic: "personeelsdienst", Line: 3},
				{Name: "Ilse Van Hoorebeke", Topic: "dienst Burgerzaken", Line: 3}},
		},
		{
			name: "apposition after a comma, a dash, in brackets; die ook … is",
			text: "Wie\n\nHet managementteam bestaat uit Wout Dierickx (voorzitter), Katrien Mertens, diensthoofd personeel, en clustermanager Yasmina Bouzid, die ook diensthoofd van de sociale dienst is.\n",
			want: []M{{Name: "Wout Dierickx", Titles: []string{"voorzitter"}, Line: 3},
				{Name: "Katrien Mertens", Titles: []string{"diensthoofd personeel"}, Line: 3},
				{Name: "Yasmina Bouzid", Titles: []string{"clustermanager", "diensthoofd van de sociale dienst"}, Line: 3}},
		},
		{
			name: "is and als",
			text: "Diensten\n\nDiensthoofd is Wim Goethals. Omgevingsambtenaar Kurt Vanderhoydonck is er diensthoofd. Eline Goossens neemt de functie waar als waarnemend financieel directeur. Secretaris van het college is algemeen directeur Peter Claes.\n",
			want: []M{{Name: "Wim Goethals", Titles: []string{"diensthoofd"}, Line: 3},
				{Name: "Kurt Vanderhoydonck", Titles: []string{"omgevingsambtenaar", "diensthoofd"}, Line: 3},
				{Name: "Eline Goossens", Titles: []string{"waarnemend financieel directeur"}, Line: 3},
				{Name: "Peter Claes", Titles: []string{"algemeen directeur", "secretaris van het college"}, Line: 3}},
		},
		{
			name: "title before the comma that precedes the name",
			text: "Noodplanning\n\nHet plan wordt bijgehouden door de noodplanningscoördinator, Lies Vanhoutte.\n",
			want: []M{{Name: "Lies Vanhoutte", Titles: []string{"noodplanningscoördinator"}, Line: 3}},
		},
		{
			name: "label lines",
			text: "Bij wie kan ik terecht?\n\nVerhuis of attesten: dienst Burgerzaken, diensthoofd Ilse Van Hoorebeke, 053 21 40 50.\nKlachten: Sander Wyns, klachtencoördinator – klachten@brugelde.be\nAlgemeen directeur: Wout Dierickx.\nFinancieel directeur: vacant. Lise Van den Eynde neemt het ambt waar.\n",
			want: []M{{Name: "Ilse Van Hoorebeke", Titles: []string{"diensthoofd"}, Topic: "Verhuis of attesten", Line: 3},
				{Name: "Sander Wyns", Titles: []string{"klachtencoördinator"}, Topic: "Klachten", Line: 4},
				{Name: "Wout Dierickx", Titles: []string{"algemeen directeur"}, Line: 5}},
		},
		{
			name: "fields separated by dashes",
			text: "Aanspreekpunten\n\nLeefloon en budgetbeheer - Sociaal Huis - Noor El Haddad\nKlachten - Klachtencoördinator - Sander Wyns\n",
			want: []M{{Name: "Noor El Haddad", Topic: "Leefloon en budgetbeheer", Line: 3},
				{Name: "Sander Wyns", Titles: []string{"klachtencoördinator"}, Topic: "Klachten", Line: 4}},
		},
		{
			name: "a line headed by the person",
			text: "College\n\nBurgemeester Gert Vandaele: veiligheid, politie en brandweer. Hij zit ook de politieraad voor.\nSara Mortier – eerste schepen – financiën, lokale economie\nTijl Martens – diensthoofd, jeugd en sport: 053 21 43 10\n",
			want: []M{{Name: "Gert Vandaele", Titles: []string{"burgemeester"}, Topic: "veiligheid, politie en brandweer", Line: 3},
				{Name: "Sara Mortier", Titles: []string{"eerste schepen"}, Topic: "financiën, lokale economie", Line: 4},
				{Name: "Tijl Martens", Titles: []string{"diensthoofd"}, Topic: "jeugd en sport", Line: 5}},
		},
		{
			name: "the lines around a line that holds only the person",
			text: "College\n\nSofie Maes, schepen\nCultuur, erfgoed en toerisme. Voorzitter van AGB Sport Brugelde.\n\nBurgemeester\nGert Vandaele – veiligheid, landbouw\n",
			want: []M{{Name: "Sofie Maes", Titles: []string{"schepen"}, Topic: "Cultuur, erfgoed en toerisme", Line: 3},
				{Name: "Gert Vandaele", Titles: []string{"burgemeester"}, Topic: "veiligheid, landbouw", Line: 6}},
		},
		{
			name:   "a Markdown service page: the heading, a list item; not its own person",
			source: "brugelde/jeugd.md",
			text:   "---\ntitle: Jeugddienst\ntype: service\nname: Tijl Martens\n---\n# Jeugddienst\n\nJeugdconsulent Tijl Martens helpt je verder.\n\n## Het team\n- Fien Segers – jeugdconsulent\n\n## Contact\nArne De Wachter\n",
			want: []M{{Name: "Fien Segers", Titles: []string{"jeugdconsulent"}, Line: 11},
				{Name: "Arne De Wachter", Topic: "Contact", Line: 14}},
		},
		{
			name:   "a person card names another person, not itself",
			source: "brugelde/koen.txt",
			text:   "Koen Baert\nContactgegevens\nMarkt 1\nBestuurFunctie\nSchepencollegeSchepen\nInfo\n1. Als schepen volgt Koen Baert sport op.\n2. Hij vervangt burgemeester Gert Vandaele bij afwezigheid.\n",
			want:   []M{{Name: "Gert Vandaele", Titles: []string{"burgemeester"}, Line: 8}},
		},
		{
			name: "names with neither role nor topic, and no names at all",
			text: "Nieuws\n\nEllen Smets registreert de klacht. De Preventieadviseur helpt Jan Peeters. Het Sociaal Huis en GC De Wissel van Gemeente Brugelde, Politiezone Scheldeland en woonzorgcentrum De Linde zijn open. De coördinator, die diensthoofd Vrije Tijd is, leidt het.\n",
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			source := tt.source
			if source == "" {
				source = "brugelde/pagina.txt"
			}
			doc, problems := Parse(source, []byte(tt.text))
			if len(problems) > 0 {
				t.Errorf("problems: %v", problems)
			}
			if !reflect.DeepEqual(doc.People, tt.want) {
				t.Errorf("people:\n got %+v\nwant %+v", doc.People, tt.want)
			}
		})
	}
}
