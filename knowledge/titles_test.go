package knowledge

import (
	"reflect"
	"strings"
	"testing"
)

func TestIsRoleWord(t *testing.T) {
	tests := map[string]bool{
		"noodplanningscoördinator": true, // compound: the head comes last
		"Diensthoofd":              true,
		"ICT-coördinator":          true,
		"HR-verantwoordelijke":     true,
		"DPO":                      true, // a one-word title of roles.txt
		"ombudsvrouw":              true,
		"hoofdverpleegkundige":     true, // the care professions of an OCMW
		"vertrouwenspersoon":       true, // Welzijnswet
		"persoonlijk":              false,
		"diensthoofden":            false, // plural: names no one
		"adjunct":                  false,
		"Schepens":                 false, // a surname, not a schepen
		"dienst":                   false,
		"personeelsdienst":         false,
	}
	for w, want := range tests {
		if got := isRoleWord(w); got != want {
			t.Errorf("isRoleWord(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestTitleList(t *testing.T) {
	tests := []struct {
		words  string
		strict bool // followed by a name in running text
		want   []string
	}{
		{"diensthoofd", false, []string{"diensthoofd"}},
		{"Algemeen directeur", true, []string{"algemeen directeur"}},
		{"adjunct-algemeen directeur", true, []string{"adjunct-algemeen directeur"}},
		{"waarnemend financieel directeur", true, []string{"waarnemend financieel directeur"}},
		{"1ste schepen", true, []string{"1ste schepen"}},
		{"de noodplanningscoördinator", true, []string{"noodplanningscoördinator"}},
		{"Diensthoofd Omgeving en Milieu", true, []string{"diensthoofd Omgeving en Milieu"}},
		{"diensthoofd technische dienst", true, []string{"diensthoofd technische dienst"}},
		{"ICT-coördinator", true, []string{"ICT-coördinator"}},
		{"Preventieadviseur en noodplanningscoördinator", true, []string{"preventieadviseur", "noodplanningscoördinator"}},
		{"schepen en voorzitter van het bijzonder comité voor de sociale dienst", false, []string{"schepen", "voorzitter van het bijzonder comité voor de sociale dienst"}},
		{"coördinator klantencontact en klachten", false, []string{"coördinator klantencontact en klachten"}},
		{"zowel gemeentelijk omgevingsambtenaar als milieuambtenaar", false, []string{"gemeentelijk omgevingsambtenaar", "milieuambtenaar"}},
		{"Cultuur- en toerismeconsulent", true, []string{"cultuur- en toerismeconsulent"}},
		// Not titles.
		{"personeelsdienst", false, nil},
		{"Burgerzaken", false, nil},
		{"schepen van", false, nil},                                      // a title does not end in a connector
		{"De preventieadviseur helpt", true, nil},                        // a verb between title and name
		{"Als eerste schepen vervangt", true, nil},                       // idem
		{"hoofd van de organisatie staat algemeen directeur", true, nil}, // the last role noun heads the title
		{"diensthoofd is", true, nil},
		{"055 68 40 50", false, nil},
		{strings.Repeat("directeur ", 20), false, nil},
	}
	for _, tt := range tests {
		if got := titleList(strings.Fields(tt.words), tt.strict); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("titleList(%q, strict %v) = %q, want %q", tt.words, tt.strict, got, tt.want)
		}
	}
}

// TestRoleKeys covers each rule of roleKeys on its own.
func TestRoleKeys(t *testing.T) {
	roles := DefaultRoles()
	tests := []struct {
		rule, title string
		held        bool
		want        []string
	}{
		{"known title", "Gemeentesecretaris", true, []string{"algemeen directeur"}},
		{"acting word first", "Waarnemend financieel directeur", false, []string{"waarnemend financieel directeur", "financieel directeur"}},
		{"acting abbreviation", "wnd. financieel directeur", false, []string{"wnd financieel directeur", "financieel directeur"}},
		{"acting phrase", "ad interim algemeen directeur", false, []string{"ad interim algemeen directeur", "algemeen directeur"}},
		{"acting word last", "diensthoofd a.i.", true, []string{"diensthoofd a i", "diensthoofd"}},
		{"qualifier word", "Gemeentelijk omgevingsambtenaar", false, []string{"gemeentelijk omgevingsambtenaar", "omgevingsambtenaar"}},
		{"glued qualifier", "stadsarchivaris", false, []string{"stadsarchivaris", "archivaris"}},
		{"glued qualifier, then roles", "Stadsontvanger", false, []string{"stadsontvanger", "financieel directeur"}},
		{"a known title keeps its qualifier", "stadssecretaris", false, []string{"algemeen directeur"}},
		{"abbreviation in brackets", "functionaris voor gegevensbescherming (DPO)", false, []string{"functionaris voor gegevensbescherming dpo", "dpo"}},
		{"contraction", "Cultuur- en toerismeconsulent", true, []string{"cultuur en toerismeconsulent", "cultuurconsulent", "toerismeconsulent"}},
		{"hyphen-joined titles, held", "Noodplanningscoördinator-diensthoofd", true, []string{"noodplanningscoordinator diensthoofd", "noodplanningscoordinator", "diensthoofd"}},
		{"hyphen-joined titles, other order", "diensthoofd-noodplanningscoördinator", true, []string{"diensthoofd noodplanningscoordinator", "diensthoofd", "noodplanningscoordinator"}},
		{"hyphen-joined titles, described", "Noodplanningscoördinator-diensthoofd", false, []string{"noodplanningscoordinator diensthoofd"}},
		{"a modifier before the hyphen", "adjunct-algemeen directeur", true, []string{"adjunct algemeen directeur"}},
		{"no role before the hyphen", "ICT-coördinator", true, []string{"ict coordinator"}},
	}
	for _, tt := range tests {
		if got := roleKeys(tt.title, roles, tt.held); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: roleKeys(%q, held %v) = %q, want %q", tt.rule, tt.title, tt.held, got, tt.want)
		}
	}
	if got := roleKeys("Algemeen-directeur", nil, true); !reflect.DeepEqual(got, []string{"algemeen directeur"}) {
		t.Errorf("without roles: %q", got)
	}
}

func TestNarrowerRoles(t *testing.T) {
	tests := map[string][]string{
		"vrijetijdsconsulent jeugd en sport":  {"vrijetijdsconsulent"},
		"preventieadviseur-diensthoofd IDPBW": {"preventieadviseur", "diensthoofd IDPBW", "diensthoofd"},
		"algemeen directeur":                  nil, // "algemeen" is no role
		"klachtencoördinator":                 nil,
	}
	for role, want := range tests {
		if got := narrowerRoles(role); !reflect.DeepEqual(got, want) {
			t.Errorf("narrowerRoles(%q) = %q, want %q", role, got, want)
		}
	}
}

func TestRoleHead(t *testing.T) {
	for _, tt := range []struct{ w, modifier, head string }{
		{"jeugdconsulent", "jeugd", "consulent"},
		{"noodplanningscoördinator", "noodplanning", "coordinator"},
		{"sportambtenaar", "sport", "ambtenaar"},
		{"vertrouwenspersoon", "vertrouwen", "persoon"}, // the linking -s- dropped
		{"consulent", "", ""},                           // a role noun alone
		{"klachten", "", ""},                            // no role noun
	} {
		m, h, ok := RoleHead(tt.w)
		if m != tt.modifier || h != tt.head || ok != (tt.head != "") {
			t.Errorf("RoleHead(%q) = %q, %q, %v; want %q, %q", tt.w, m, h, ok, tt.modifier, tt.head)
		}
	}
}
