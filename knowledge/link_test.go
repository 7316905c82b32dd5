package knowledge

import (
	"reflect"
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
