package knowledge

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
)

func TestLink(t *testing.T) {
	person := func(source, org string, titles ...string) Document {
		d := Document{Source: source, Kind: KindPerson, Organisation: org}
		for _, title := range titles {
			d.Functions = append(d.Functions, Function{Body: "Gemeenteraad", Title: title})
		}
		return d
	}
	docs := []Document{
		{Source: "fd.txt", Kind: KindFunction, Role: "algemeen directeur", Organisation: "Kastelbroek"},
		person("old-title.txt", "Kastelbroek", "Gemeentesecretaris"),
		person("new-title.txt", "kastelbroek", "Schepen", "Algemeen Directeur"),
		person("unknown-org.txt", "", "OCMW-secretaris"),
		person("other-town.txt", "Gent", "Algemeen directeur"),
		person("other-role.txt", "Kastelbroek", "Financieel directeur"),
		{Source: "service.md", Kind: KindService, Functions: []Function{{Title: "secretaris"}}},
		{Source: "generic.txt", Kind: KindGeneric, Functions: []Function{{Title: "Algemeen directeur"}}},
		{Source: "fd-dpo.md", Kind: KindFunction, Role: "Functionaris", Aliases: []string{"privacyambtenaar"}},
		person("dpo.txt", "", "DPO"),
		{Source: "fd-none.md", Kind: KindFunction, Holders: []string{"stale.txt"}},
	}
	Link(docs, DefaultRoles())
	Link(docs, DefaultRoles()) // linking again changes nothing
	want := map[string][]string{
		"fd.txt":     {"new-title.txt", "old-title.txt", "service.md", "unknown-org.txt"},
		"fd-dpo.md":  {"dpo.txt"}, // through the alias, which is a DPO title
		"fd-none.md": nil,
	}
	for _, d := range docs {
		if d.Kind != KindFunction {
			if d.Holders != nil {
				t.Errorf("%s: holders on a %s document", d.Source, d.Kind)
			}
			continue
		}
		if !reflect.DeepEqual(d.Holders, want[d.Source]) {
			t.Errorf("%s: holders %q, want %q", d.Source, d.Holders, want[d.Source])
		}
	}
}

// TestOldTitleLinksToFunctionDescription: a card that still says
// "Gemeentesecretaris" is the holder of "Functiebeschrijving algemeen
// directeur", read from real files.
func TestOldTitleLinksToFunctionDescription(t *testing.T) {
	card, _ := Parse("kastelbroek/secretaris.txt", []byte("Jan Peeters\nContactgegevens\n9273 Kastelbroek\nBestuurFunctie\nGemeenteraadGemeentesecretaris\nInfo\n"))
	fd, _ := parseFile(t, "default/"+seedFunction, "kastelbroek/functie.txt")
	docs := []Document{card, fd}
	Link(docs, DefaultRoles())
	if want := []string{"kastelbroek/secretaris.txt"}; !reflect.DeepEqual(docs[1].Holders, want) {
		t.Errorf("holders = %q, want %q", docs[1].Holders, want)
	}
}

func TestLinkWithoutRoles(t *testing.T) {
	docs := []Document{
		{Source: "fd.txt", Kind: KindFunction, Role: "algemeen directeur"},
		{Source: "p.txt", Kind: KindPerson, Functions: []Function{{Title: "Algemeen-directeur"}}},
	}
	Link(docs, nil) // titles still compare folded
	if want := []string{"p.txt"}; !reflect.DeepEqual(docs[0].Holders, want) {
		t.Errorf("holders = %q, want %q", docs[0].Holders, want)
	}
}

// TestLinkRules covers each way Link finds the holder of a described role,
// one rule a case; the description is always fd.txt of Brugelde.
func TestLinkRules(t *testing.T) {
	card := func(source, name string, titles ...string) Document {
		d := Document{Source: source, Kind: KindPerson, Organisation: "Brugelde", Name: name}
		for _, title := range titles {
			d.Functions = append(d.Functions, Function{Body: "Gemeenteraad", Title: title})
		}
		return d
	}
	page := func(source, org string, people ...Mention) Document {
		return Document{Source: source, Kind: KindGeneric, Organisation: org, People: people}
	}
	tests := []struct {
		name         string
		role         string
		own          []Mention // People of the description itself
		docs         []Document
		wantHolders  []string
		wantMentions []string
	}{
		{
			name:        "acting word",
			role:        "financieel directeur",
			docs:        []Document{card("lise.txt", "Lise Baert", "Waarnemend financieel directeur")},
			wantHolders: []string{"lise.txt"},
		},
		{
			name:        "hyphen-joined titles",
			role:        "noodplanningscoördinator",
			docs:        []Document{card("joris.txt", "Joris Wyns", "Noodplanningscoördinator-diensthoofd")},
			wantHolders: []string{"joris.txt"},
		},
		{
			name:        "qualifier",
			role:        "gemeentelijk omgevingsambtenaar",
			docs:        []Document{card("bram.txt", "Bram Segers", "Omgevingsambtenaar")},
			wantHolders: []string{"bram.txt"},
		},
		{
			name:        "abbreviation in brackets",
			role:        "functionaris voor gegevensbescherming (DPO)",
			docs:        []Document{card("fien.txt", "Fien Segers", "Privacyfunctionaris")},
			wantHolders: []string{"fien.txt"},
		},
		{
			name:        "named in the description, with a document",
			role:        "jeugdconsulent",
			own:         []Mention{{Name: "Tijl Martens", Topic: "Contact", Line: 9}},
			docs:        []Document{card("tijl.txt", "Tijl Martens", "Medewerker jeugd")},
			wantHolders: []string{"tijl.txt"},
		},
		{
			name:         "named in the description, without a document",
			role:         "jeugdconsulent",
			own:          []Mention{{Name: "Tijl Martens", Titles: []string{"jeugdconsulent"}, Line: 9}},
			wantMentions: []string{"fd.txt#9"},
		},
		{
			name: "named in the description with another role",
			role: "jeugdconsulent",
			own:  []Mention{{Name: "Wout Dierickx", Titles: []string{"algemeen directeur"}, Line: 9}},
			docs: []Document{card("wout.txt", "Wout Dierickx", "Algemeen directeur")},
		},
		{
			name: "named in an overview, with a document",
			role: "cultuurbeleidscoördinator",
			docs: []Document{
				page("organogram.txt", "Brugelde", Mention{Name: "Arne De Wachter", Titles: []string{"diensthoofd", "cultuurbeleidscoördinator"}, Line: 9}),
				card("arne.md", "Arne De Wachter", "Diensthoofd Vrije Tijd"),
			},
			wantHolders: []string{"arne.md"},
		},
		{
			name: "named in overviews, without a document",
			role: "stadsarchivaris",
			docs: []Document{
				page("organogram.txt", "Brugelde", Mention{Name: "Fien Segers", Titles: []string{"archivaris"}, Line: 9}),
				page("bij-wie.txt", "brugelde", Mention{Name: "Fien Segers", Titles: []string{"Archivaris"}, Topic: "Archief", Line: 5}),
				page("elders.txt", "Gent", Mention{Name: "Els Wyns", Titles: []string{"archivaris"}, Line: 5}),
			},
			wantMentions: []string{"bij-wie.txt#5", "organogram.txt#9"},
		},
		{
			name: "a narrower role one person holds",
			role: "vrijetijdsconsulent jeugd en sport",
			docs: []Document{
				page("team.txt", "Brugelde", Mention{Name: "Lore Goris", Titles: []string{"vrijetijdsconsulent"}, Line: 20},
					Mention{Name: "Ward Mortier", Titles: []string{"cultuurbeleidscoördinator"}, Line: 20}),
			},
			wantMentions: []string{"team.txt#20"},
		},
		{
			name: "a narrower role several people hold",
			role: "diensthoofd burgerzaken",
			docs: []Document{
				page("team.txt", "Brugelde", Mention{Name: "Ilse Van Hoorebeke", Titles: []string{"diensthoofd"}, Line: 3},
					Mention{Name: "Katrien Mertens", Titles: []string{"diensthoofd"}, Line: 4}),
			},
		},
		{
			name: "narrower roles only when nobody holds the role itself",
			role: "diensthoofd burgerzaken",
			docs: []Document{
				card("ilse.txt", "Ilse Van Hoorebeke", "Diensthoofd burgerzaken"),
				page("team.txt", "Brugelde", Mention{Name: "Katrien Mertens", Titles: []string{"diensthoofd"}, Line: 4}),
			},
			wantHolders: []string{"ilse.txt"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fd := Document{Source: "fd.txt", Kind: KindFunction, Organisation: "Brugelde", Role: tt.role, People: tt.own}
			docs := append([]Document{fd}, tt.docs...)
			Link(docs, DefaultRoles())
			if !reflect.DeepEqual(docs[0].Holders, tt.wantHolders) {
				t.Errorf("holders = %q, want %q", docs[0].Holders, tt.wantHolders)
			}
			if !reflect.DeepEqual(docs[0].HolderMentions, tt.wantMentions) {
				t.Errorf("holder mentions = %q, want %q", docs[0].HolderMentions, tt.wantMentions)
			}
		})
	}
}

// TestLinkTown links the invented town of testdata/documenten/brugelde,
// read from its files: cards, a service page, an organogram, a "bij wie
// kan ik terecht" list and six function descriptions.
func TestLinkTown(t *testing.T) {
	docs, problems := Load(t.Context(), "testdata/documenten", Options{})
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	want := map[string]struct{ holders, mentions []string }{
		"brugelde/functiebeschrijving-financieel-directeur.txt":      {holders: []string{"brugelde/lise-van-den-eynde.txt"}},
		"brugelde/functiebeschrijving-cultuurbeleidscoordinator.txt": {holders: []string{"brugelde/arne-de-wachter.md"}},
		"brugelde/functiebeschrijving-jeugdconsulent.txt":            {holders: []string{"brugelde/tijl-martens.txt"}},
		"brugelde/functiebeschrijving-gemeentearchivaris.txt":        {mentions: []string{"brugelde/organogram.txt#9"}},
		"brugelde/functiebeschrijving-klachtencoordinator.txt":       {mentions: []string{"brugelde/bij-wie-kan-ik-terecht.txt#7"}},
		"brugelde/functiebeschrijving-preventieadviseur.txt":         {mentions: []string{"brugelde/organogram.txt#7"}},
	}
	byName := map[string]Document{}
	for _, d := range docs {
		byName[d.Source] = d
		if d.Kind != KindFunction {
			continue
		}
		w, ok := want[d.Source]
		if !ok {
			t.Errorf("%s: unexpected description", d.Source)
			continue
		}
		if !reflect.DeepEqual(d.Holders, w.holders) || !reflect.DeepEqual(d.HolderMentions, w.mentions) {
			t.Errorf("%s: holders %q, mentions %q; want %q, %q", d.Source, d.Holders, d.HolderMentions, w.holders, w.mentions)
		}
	}
	// Each HolderMention names its holder: the Mention of that line that
	// Holds the role.
	for fd, holder := range map[string]string{
		"brugelde/functiebeschrijving-gemeentearchivaris.txt":  "Fien Segers",
		"brugelde/functiebeschrijving-klachtencoordinator.txt": "Sander Wyns",
		"brugelde/functiebeschrijving-preventieadviseur.txt":   "Joris Lambrecht",
	} {
		d := byName[fd]
		source, line, _ := strings.Cut(d.HolderMentions[0], "#")
		var names []string
		for _, m := range byName[source].People {
			if strconv.Itoa(m.Line) == line && m.Holds(d.Role, DefaultRoles()) {
				names = append(names, m.Name)
			}
		}
		if !reflect.DeepEqual(names, []string{holder}) {
			t.Errorf("%s: %s names %q, want %q", fd, d.HolderMentions[0], names, holder)
		}
	}
	// The organogram's people, for the record.
	var got []string
	for _, m := range byName["brugelde/organogram.txt"].People {
		got = append(got, m.Name+": "+strings.Join(m.Titles, ", "))
	}
	wantPeople := []string{
		"Wout Dierickx: algemeen directeur",
		"Lise Van den Eynde: waarnemend financieel directeur",
		"Joris Lambrecht: preventieadviseur",
		"Maaike Verbruggen: ICT-coördinator",
		"Arne De Wachter: diensthoofd, cultuurbeleidscoördinator",
		"Fien Segers: archivaris",
		"Bruno Heylen: directeur",
	}
	if !reflect.DeepEqual(got, wantPeople) {
		t.Errorf("organogram people = %q, want %q", got, wantPeople)
	}
}

// TestLinkedAsBeforePeople: a document taken over from the previous load
// keeps its links only while the people other documents name are the same.
func TestLinkedAsBeforePeople(t *testing.T) {
	load := func(title string) []Document {
		docs := []Document{
			{Source: "fd.txt", Kind: KindFunction, Organisation: "Brugelde", Role: "klachtencoördinator"},
			{Source: "lijst.txt", Kind: KindGeneric, Organisation: "Brugelde",
				People: []Mention{{Name: "Sander Wyns", Titles: []string{title}, Line: 5}}},
		}
		return docs
	}
	first := load("klachtencoördinator")
	Link(first, DefaultRoles())
	if want := []string{"lijst.txt#5"}; !reflect.DeepEqual(first[0].HolderMentions, want) {
		t.Fatalf("holder mentions = %q, want %q", first[0].HolderMentions, want)
	}
	previous := bySourceMap(first)

	same := load("klachtencoördinator")
	if !linkedAsBefore(same, previous) || !reflect.DeepEqual(same[0].HolderMentions, first[0].HolderMentions) {
		t.Errorf("unchanged people: not linked as before (%q)", same[0].HolderMentions)
	}
	changed := load("ombudsman van de gemeente")
	if linkedAsBefore(changed, previous) {
		t.Error("changed people: linked as before")
	}
	renamed := load("klachtencoördinator")
	renamed[1].People[0].Name = "Sander Wijns"
	if linkedAsBefore(renamed, previous) {
		t.Error("renamed person: linked as before")
	}
}

func TestMentionHolds(t *testing.T) {
	roles := DefaultRoles()
	tests := []struct {
		titles []string
		role   string
		want   bool
	}{
		{[]string{"archivaris"}, "stadsarchivaris", true},
		{[]string{"wnd. financieel directeur"}, "financieel directeur", true},
		{[]string{"vrijetijdsconsulent"}, "vrijetijdsconsulent jeugd en sport", true},
		{[]string{"preventieadviseur"}, "preventieadviseur-diensthoofd IDPBW", true},
		{[]string{"cultuurbeleidscoördinator"}, "vrijetijdsconsulent jeugd en sport", false},
		{[]string{"adjunct-algemeen directeur"}, "algemeen directeur", false},
		{nil, "algemeen directeur", false},
	}
	for _, tt := range tests {
		if got := (Mention{Name: "X Y", Titles: tt.titles}).Holds(tt.role, roles); got != tt.want {
			t.Errorf("%q holds %q = %v, want %v", tt.titles, tt.role, got, tt.want)
		}
	}
}
