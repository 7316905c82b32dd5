package lexicon

import (
	"slices"
	"testing"
)

func TestSplit(t *testing.T) {
	lx := dutch(t)
	tests := []struct {
		w    string
		want []string
	}{
		// Not in the lexicon: split into any dictionary words, then each
		// part that is a compound itself by Hunspell's flags.
		{"informatieveiligheidsadviseur", []string{"informatie", "veiligheid", "adviseur"}},
		{"noodplanningscoordinator", []string{"nood", "planning", "coordinator"}},
		{"noodplanningscoordinatoren", []string{"nood", "planning", "coordinatoren"}},
		{"preventieadvisuer", []string{"preventieadvisuer"}}, // misspelt: no parts
		// In the lexicon: split where Hunspell's compound flags allow.
		{"verkeersongevallen", []string{"verkeer", "ongevallen"}},
		{"klachtenbehandeling", []string{"klacht", "behandeling"}},
		{"gemeenteraad", []string{"gemeente", "raad"}},
		{"gemeenteraadsleden", []string{"gemeente", "raadsleden"}}, // leden, irregular, may not end a compound
		{"preventieadviseur", []string{"preventie", "adviseur"}},
		{"schepencollege", []string{"schepen", "college"}},
		{"identiteitskaarten", []string{"identiteit", "kaarten"}},
		{"openingsuren", []string{"opening", "uren"}},
		{"beleidsplan", []string{"beleid", "plan"}},
		{"jaarrekening", []string{"jaar", "rekening"}},
		{"noodplanning", []string{"nood", "planning"}},
		// No compounds.
		{"klachten", []string{"klachten"}},
		{"bestuur", []string{"bestuur"}},
		{"directeur", []string{"directeur"}},
		{"voorzitter", []string{"voorzitter"}},
		{"burgemeester", []string{"burgemeester"}},
		{"zzzzzzzz", []string{"zzzzzzzz"}},
		{"ab", []string{"ab"}},
		{"", []string{""}},
	}
	for _, tt := range tests {
		got := lx.Split(tt.w)
		if !slices.Equal(got, tt.want) {
			t.Errorf("Split(%q) = %q, want %q", tt.w, got, tt.want)
		}
		if !rejoins(tt.w, got) {
			t.Errorf("Split(%q) = %q does not spell the word", tt.w, got)
		}
	}
}

// TestSplitKeepsOrdinaryWords checks that words that are no compounds, or
// whose parts no longer mean what the word means, stay whole. Known
// misses, which Hunspell's compound flags allow and which the lexicon
// alone cannot tell from real compounds: fotograaf (foto + graaf),
// transmissie (tran + missie), leeftijd (leef + tijd), brandweer (brand +
// weer), diefstal (dief + stal).
func TestSplitKeepsOrdinaryWords(t *testing.T) {
	lx := dutch(t)
	words := []string{
		"bestuur", "directeur", "klachten", "klacht", "gemeente", "gemeenten", "secretaris",
		"voorzitter", "voorzitters", "burgemeester", "schepen", "schepenen", "wethouder",
		"ambtenaar", "ambtenaren", "afdeling", "dienst", "diensten", "beleid", "begroting",
		"vergadering", "verslag", "besluit", "reglement", "financien", "personeel",
		"informatie", "communicatie", "onderwijs", "cultuur", "sport", "jeugd", "welzijn",
		"ordening", "omgeving", "milieu", "mobiliteit", "veiligheid", "politie", "archief",
		"bibliotheek", "zwembad", "telefoon", "adres", "contact", "verantwoordelijk",
		"bevoegd", "medewerker", "coordinator", "adviseur", "deskundige", "beheerder",
		"overeenkomst", "onderneming", "wetgeving", "toezicht", "inspraak", "bezwaar",
		"vergunning", "aanvraag", "formulier", "inschrijving", "attest", "uittreksel",
		"rijbewijs", "paspoort", "huwelijk", "geboorte", "overlijden", "kerkhof",
		"belasting", "retributie", "subsidie", "premie", "toelage", "organisatie",
		"coordinatie", "samenwerking", "ondersteuning", "begeleiding", "opvolging",
		"kwaliteit", "controle", "evaluatie", "planning", "strategie", "doelstelling",
		"opdracht", "taak", "functie", "rol", "verantwoordelijkheid", "bevoegdheid",
		"mandaat", "delegatie", "gebouwen", "onderhoud", "aankoop", "verkoop", "herstelling",
		"verlichting", "gebruiker", "eigenaar", "huurder", "bewoner", "inwoner", "burger",
		"kantoor", "loket", "onthaal", "balie", "verlof", "vakantie", "ziekte", "pensioen",
		"opleiding", "vorming", "examen", "werving", "selectie", "aanwerving", "ontslag",
		"verantwoording", "rekening", "directie", "bestuurder", "kabinet", "vrijwilliger",
		"vereniging", "stichting", "behandeling", "behandelen", "indienen", "coordineren",
		"voorbereiden", "opnemen", "invullen", "verkeer", "ongeval", "bereikbaar",
		"beschikbaar", "aanwezig", "afwezig", "openbaar", "gemeentelijk", "stedelijk",
		"provinciaal", "Vlaams", "vlaams", "nederlands", "algemeen", "financieel",
	}
	for _, w := range words {
		if got := lx.Split(w); len(got) != 1 {
			t.Errorf("Split(%q) = %q, want it whole", w, got)
		}
	}
}

func TestHead(t *testing.T) {
	lx := dutch(t)
	tests := []struct{ w, want string }{
		{"informatieveiligheidsadviseur", "adviseur"},
		{"klachtenbehandeling", "behandeling"},
		{"verkeersongevallen", "ongevallen"},
		{"gemeenteraad", "raad"},
		{"directeur", "directeur"},
		{"zzzz", "zzzz"},
	}
	for _, tt := range tests {
		if got := lx.Head(tt.w); got != tt.want {
			t.Errorf("Head(%q) = %q, want %q", tt.w, got, tt.want)
		}
	}
}
