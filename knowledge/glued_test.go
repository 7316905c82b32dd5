package knowledge

import "testing"

func TestSplitGluedRow(t *testing.T) {
	tests := []struct {
		row       string
		wantBody  string
		wantTitle string
		wantOK    bool
	}{
		// The seed and the sample.
		{"SchepencollegeAlgemeen directeur", "Schepencollege", "Algemeen directeur", true},
		{"OCMW raadAlgemeen directeur", "OCMW raad", "Algemeen directeur", true},
		{"GemeenteraadGemeenteraadslid", "Gemeenteraad", "Gemeenteraadslid", true},
		{"StafdienstKlachtencoördinator", "Stafdienst", "Klachtencoördinator", true},
		{"Gemeentelijke veiligheidscelNoodplanningscoördinator", "Gemeentelijke veiligheidscel", "Noodplanningscoördinator", true},
		{"PreventiedienstPreventieadviseur", "Preventiedienst", "Preventieadviseur", true},
		{"Bijzonder comité voor de sociale dienstVoorzitter", "Bijzonder comité voor de sociale dienst", "Voorzitter", true},
		// Unseen rows.
		{"Vast bureauVoorzitter", "Vast bureau", "Voorzitter", true},
		{"GemeenteraadSchepen van Financiën", "Gemeenteraad", "Schepen van Financiën", true},
		{"StafdienstDPO", "Stafdienst", "DPO", true},
		{"AGB SportVoorzitter", "AGB Sport", "Voorzitter", true},
		{"OCMWVoorzitter", "OCMW", "Voorzitter", true},
		{"OCMWDPO", "OCMW", "DPO", true}, // only the list knows where OCMW ends
		{"OCMW-raadVoorzitter", "OCMW-raad", "Voorzitter", true},
		{"ocmw raadVoorzitter", "ocmw raad", "Voorzitter", true},
		{"College van burgemeester en schepenenBurgemeester", "College van burgemeester en schepenen", "Burgemeester", true},
		{"Raad voor maatschappelijk welzijnVoorzitter", "Raad voor maatschappelijk welzijn", "Voorzitter", true},
		{"PolitieraadLid", "Politieraad", "Lid", true},
		{"Dienst ÉvénementenCoördinator", "Dienst Événementen", "Coördinator", true},
		{"ÖsterreichhausÉchevin", "Österreichhaus", "Échevin", true},
		{"Gemeenteraad\tVoorzitter", "Gemeenteraad", "Voorzitter", true},
		{"Dienst Burgerzaken  Diensthoofd", "Dienst Burgerzaken", "Diensthoofd", true},
		{"Dienst Burgerzaken\u00a0\u00a0Diensthoofd", "Dienst Burgerzaken", "Diensthoofd", true},
		{"Gemeenteraad Voorzitter", "Gemeenteraad", "Voorzitter", true},
		{"Gemeenteraad - Voorzitter", "Gemeenteraad", "Voorzitter", true},
		{"  SchepencollegeSchepen  ", "Schepencollege", "Schepen", true},
		// Bodies with capitals inside: split at the last capital of the
		// glued word, and reported as a guess.
		{"EcoWerfBestuurder", "EcoWerf", "Bestuurder", false},
		{"SOLvAAfgevaardigde", "SOLvA", "Afgevaardigde", false},
		{"EcoWerfBestuurder van de raad", "EcoWerf", "Bestuurder van de raad", false},
		// No split point.
		{"Algemeen directeur", "", "Algemeen directeur", false},
		{"Gemeenteraadslid", "", "Gemeenteraadslid", false},
		{"OCMW-secretaris", "", "OCMW-secretaris", false},
		{"Burgemeester", "", "Burgemeester", false},
		{"Burgemeester van Kastelbroek", "", "Burgemeester van Kastelbroek", false},
		{"DPO", "", "DPO", false},
		{"iPhone", "", "iPhone", false},
		{"Stafdienst Klachtencoördinator", "", "Stafdienst Klachtencoördinator", false},
		{"", "", "", false},
		{"\t", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.row, func(t *testing.T) {
			f, ok := SplitGluedRow(tt.row)
			if f.Body != tt.wantBody || f.Title != tt.wantTitle || ok != tt.wantOK {
				t.Errorf("SplitGluedRow(%q) = %q + %q, %v; want %q + %q, %v", tt.row, f.Body, f.Title, ok, tt.wantBody, tt.wantTitle, tt.wantOK)
			}
		})
	}
}

func TestKnownBodiesLongestFirst(t *testing.T) {
	bodies := knownBodies()
	if len(bodies) < 10 {
		t.Fatalf("only %d bodies", len(bodies))
	}
	for i := 1; i < len(bodies); i++ {
		if len([]rune(bodies[i])) > len([]rune(bodies[i-1])) {
			t.Fatalf("%q before %q", bodies[i-1], bodies[i])
		}
	}
}
