package index

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/wieiswie/wieiswie/knowledge"
)

func buildDir(t testing.TB, dir string) *Index {
	t.Helper()
	docs, problems := knowledge.Load(context.Background(), dir, knowledge.Options{})
	for _, p := range problems {
		t.Fatalf("fixture problem: %s", p)
	}
	ix, err := Build(context.Background(), docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

func ask(t *testing.T, ix *Index, q string) knowledge.Result {
	t.Helper()
	res, err := ix.Ask(context.Background(), q, 3)
	if err != nil {
		t.Fatalf("Ask(%q): %v", q, err)
	}
	return res
}

// Two invented municipalities, so that every mechanism is shown on words
// and names the sample does not have.
func TestAskMechanisms(t *testing.T) {
	ix := buildDir(t, "testdata/twee")
	tests := []struct {
		name, question string
		wantSource     string // "" for no answer
		wantShape      knowledge.Shape
	}{
		// Question shapes
		{"who is role", "wie is de algemeen directeur van Zandhoven", "zandhoven/algemeen-directeur.txt", knowledge.ShapeWhoIsRole},
		{"who is role, our", "wie is onze algemeen directeur in heibeek?", "heibeek/algemeen-directeur.txt", knowledge.ShapeWhoIsRole},
		{"extra words", "hallo, weet iemand wie in zandhoven de financieel directeur is ?", "zandhoven/financieel-directeur.md", knowledge.ShapeWhoIsRole},
		{"who handles", "wie behandelt klachten in zandhoven", "zandhoven/algemeen-directeur.txt", knowledge.ShapeWhoHandles},
		{"where can I go", "bij wie kan ik terecht voor subsidies voor sportclubs in heibeek", "heibeek/sportdienst.md", knowledge.ShapeWhoHandles},
		{"contact", "telefoonnummer van de dpo van heibeek", "heibeek/dpo.md", knowledge.ShapeContactOf},
		{"reach", "hoe bereik ik de financieel directeur van zandhoven", "zandhoven/financieel-directeur.md", knowledge.ShapeContactOf},
		{"roles of person", "welke functies heeft Nathalie Peeters", "zandhoven/schepen-financien.txt", knowledge.ShapeRolesOfPerson},
		{"who is name", "wie is Sofie Wouters", "heibeek/algemeen-directeur.txt", knowledge.ShapeRolesOfPerson},
		{"what does role", "wat doet de financieel directeur van zandhoven", "zandhoven/functiebeschrijving-financieel-directeur.txt", knowledge.ShapeWhatDoesRole},
		{"bare keyword", "datalek heibeek", "heibeek/dpo.md", knowledge.ShapeKeywords},
		{"lowercase no punctuation", "wie is de schepen van financien in zandhoven", "zandhoven/schepen-financien.txt", knowledge.ShapeWhoIsRole},
		// Dutch words
		{"stem: behandelt ~ behandelen", "wie behandelt aanvragen voor evenementen in zandhoven", "zandhoven/schepen-financien.txt", knowledge.ShapeWhoHandles},
		{"compound: klachtenbehandeling ~ klacht", "wie doet de klachtenbehandeling in zandhoven", "zandhoven/algemeen-directeur.txt", knowledge.ShapeWhoHandles},
		{"compound: personeel + beleid", "wie is verantwoordelijk voor personeel in zandhoven", "zandhoven/algemeen-directeur.txt", knowledge.ShapeWhoHandles},
		{"diacritics", "schepen van financiën zandhoven", "zandhoven/schepen-financien.txt", knowledge.ShapeWhoIsRole},
		{"old title", "wie is de gemeentesecretaris van heibeek", "heibeek/algemeen-directeur.txt", knowledge.ShapeWhoIsRole},
		{"old title, hyphenated", "wie is de OCMW-secretaris van heibeek", "heibeek/algemeen-directeur.txt", knowledge.ShapeWhoIsRole},
		{"synonym: financieel beheerder", "financieel beheerder zandhoven", "zandhoven/financieel-directeur.md", knowledge.ShapeWhoIsRole},
		{"synonym: dpo", "wie is de DPO in heibeek", "heibeek/dpo.md", knowledge.ShapeWhoIsRole},
		{"typo in role", "wie is de algemeen direkteur van heibeek", "heibeek/algemeen-directeur.txt", knowledge.ShapeWhoIsRole},
		{"typo in name", "welke functies heeft Sofie Wouterss", "heibeek/algemeen-directeur.txt", knowledge.ShapeRolesOfPerson},
		{"typo in organisation", "wie is de algemeen directeur van zandhovn", "zandhoven/algemeen-directeur.txt", knowledge.ShapeWhoIsRole},
		{"english", "who is the general director of Heibeek", "heibeek/algemeen-directeur.txt", knowledge.ShapeWhoIsRole},
		{"english task", "who handles complaints in Zandhoven", "zandhoven/algemeen-directeur.txt", knowledge.ShapeWhoHandles},
		{"complement under the card's portfolio", "welke schepen heeft markten onder zich in zandhoven", "zandhoven/schepen-financien.txt", knowledge.ShapeWhoIsRole},
		{"a description that is its holder's own page", "hoe bereik ik de archivaris van heibeek", "heibeek/archivaris.md", knowledge.ShapeContactOf},
		{"role as the object of the verb", "wie vervangt de algemeen directeur van zandhoven", "zandhoven/financieel-directeur.md", knowledge.ShapeWhoHandles},
		// No answer
		{"unknown role", "wie is de omgevingsambtenaar van zandhoven", "", knowledge.ShapeWhoIsRole},
		{"unknown deputy", "wie is de adjunct-algemeen directeur van heibeek", "", knowledge.ShapeWhoIsRole},
		{"held role, unknown subject", "wie is de schepen van landbouw in zandhoven", "", knowledge.ShapeWhoIsRole},
		{"contact, e-mail", "e-mail van de dpo van heibeek", "heibeek/dpo.md", knowledge.ShapeContactOf},
		{"role held elsewhere only", "wie is de brandweercommandant van heibeek", "", knowledge.ShapeWhoIsRole},
		{"role only mentioned on a card", "wie is de korpschef van heibeek", "", knowledge.ShapeWhoIsRole},
		{"subject only in another town", "wie is de schepen van sport in zandhoven", "", knowledge.ShapeWhoIsRole},
		{"nonsense", "wie is wie", "", knowledge.ShapeWhoIsRole},
		{"only punctuation", "?!?... 🙂", "", knowledge.ShapeKeywords},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := ask(t, ix, tt.question)
			got := ""
			if len(res.Answers) > 0 {
				got = res.Answers[0].Source
			}
			if got != tt.wantSource {
				t.Errorf("%q: first answer %q (%s), want %q", tt.question, got, res.Outcome, tt.wantSource)
			}
			if res.Shape != tt.wantShape {
				t.Errorf("%q: shape %s, want %s", tt.question, res.Shape, tt.wantShape)
			}
			if tt.wantSource == "" && res.Outcome != knowledge.NotFound {
				t.Errorf("%q: outcome %s, want not-found", tt.question, res.Outcome)
			}
		})
	}
}

func TestAskOutcomes(t *testing.T) {
	ix := buildDir(t, "testdata/twee")
	t.Run("answered", func(t *testing.T) {
		res := ask(t, ix, "wie is de algemeen directeur van Zandhoven")
		if res.Outcome != knowledge.Answered || res.Answers[0].Name != "Pieter Claes" {
			t.Fatalf("got %s %+v", res.Outcome, res.Answers)
		}
	})
	t.Run("several organisations: a list", func(t *testing.T) {
		res := ask(t, ix, "wie is de algemeen directeur")
		if res.Outcome != knowledge.Ambiguous {
			t.Fatalf("outcome %s, want ambiguous", res.Outcome)
		}
		names := map[string]bool{}
		for _, a := range res.Answers {
			names[a.Name] = true
		}
		if !names["Pieter Claes"] || !names["Sofie Wouters"] {
			t.Errorf("want both directors listed, got %v", names)
		}
	})
	t.Run("not found names the topic and what is known", func(t *testing.T) {
		res := ask(t, ix, "wie is de brandweercommandant van heibeek")
		if res.Outcome != knowledge.NotFound || len(res.Answers) != 0 {
			t.Fatalf("got %s with %d answers", res.Outcome, len(res.Answers))
		}
		if !strings.Contains(res.Topic, "brandweercommandant") {
			t.Errorf("topic %q", res.Topic)
		}
		if len(res.Known) == 0 {
			t.Errorf("no hint of what is known")
		}
	})
}

// A function description answers a who-question with the person who holds
// the function, and a what-question with the description, naming the holder.
func TestFunctionDescriptionNamesHolder(t *testing.T) {
	ix := buildDir(t, "testdata/twee")
	res := ask(t, ix, "wat doet de financieel directeur van zandhoven")
	a := res.Answers[0]
	if a.Kind != knowledge.KindFunction || a.Name != "Ruben Maes" || len(a.Contact.Phones) == 0 {
		t.Errorf("what-question: got %s %q %v", a.Kind, a.Name, a.Contact.Phones)
	}
	res = ask(t, ix, "wie levert een visum bij een uitgave in zandhoven")
	if a := res.Answers[0]; a.Source != "zandhoven/financieel-directeur.md" {
		t.Errorf("who-question: got %s, want the holder's card", a.Source)
	}
}

// Query syntax typed by a user is text, never a bleve query.
func TestAskQuerySyntaxIsText(t *testing.T) {
	ix := buildDir(t, "testdata/twee")
	for _, q := range []string{`+name:"Sofie" -directeur`, `algemeen~2 directeur*`, `org:heibeek`, `"`, `(((`, strings.Repeat("klacht ", 20000)} {
		if _, err := ix.Ask(context.Background(), q, 3); err != nil {
			t.Errorf("Ask(%.30q): %v", q, err)
		}
	}
}

// In a flat folder a function description has no organisation; a question
// naming the municipality still finds it, and names the holder.
func TestAskFlatFolderWithoutOrganisation(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"functiebeschrijving-financieel-directeur.txt", "schepen-financien.txt"} {
		data, err := os.ReadFile(filepath.Join("testdata/twee/zandhoven", name))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
	os.WriteFile(filepath.Join(dir, "fd.md"), []byte("---\ntitle: Financieel directeur\ntype: person\nname: Ruben Maes\nfunctions:\n  - body: Gemeenteraad\n    function: Financieel directeur\naddress: \"Markt 1, 2240 Zandhoven\"\n---\n\nRuben beheert de thesaurie.\n"), 0o644)
	ix := buildDir(t, dir)
	res := ask(t, ix, "wat doet de financieel directeur van Zandhoven")
	if len(res.Answers) == 0 || res.Answers[0].Source != "functiebeschrijving-financieel-directeur.txt" || res.Answers[0].Name != "Ruben Maes" {
		t.Errorf("got %s %+v", res.Outcome, res.Answers)
	}
}

// A town the knowledge does not cover is named in the answer, never
// answered for with another town's people.
func TestAskUnknownPlace(t *testing.T) {
	ix := buildDir(t, "testdata/twee")
	for _, tt := range []struct{ question, place string }{
		{"wie is de burgemeester van Leuven", "Leuven"},
		{"wie is de algemeen directeur in Gent?", "Gent"},
		{"dpo gemeente Aalst", "Aalst"},
		{"wie is de algemeen directeur van Zandhoven", ""}, // known
		{"welke functies heeft Sofie Wouters", ""},         // a person, not a place
		{"telefoonnummer van de dpo van heibeek", ""},
	} {
		res := ask(t, ix, tt.question)
		if res.UnknownPlace != tt.place {
			t.Errorf("%q: UnknownPlace %q, want %q", tt.question, res.UnknownPlace, tt.place)
		}
		if tt.place != "" && (res.Outcome != knowledge.NotFound || len(res.Answers) > 0 || !slices.Contains(res.Known, "Zandhoven")) {
			t.Errorf("%q: outcome %s with %d answers, known %v; want not found, listing the towns known", tt.question, res.Outcome, len(res.Answers), res.Known)
		}
	}
}

// Messages as people write them in Slack, and people the knowledge does not
// know, on the two invented municipalities.
func TestAskMessages(t *testing.T) {
	ix := buildDir(t, "testdata/twee")
	tests := []struct {
		name, question, wantSource string
	}{
		{"greeting and context first", "Hoi allemaal! Ik ben maandag begonnen in Zandhoven. Wie is daar de financieel directeur?", "zandhoven/financieel-directeur.md"},
		{"question first, context after", "wie is de dpo van heibeek? iemand aan de balie heeft een vraag over zijn gegevens", "heibeek/dpo.md"},
		{"emoji and no question mark", "hallo :wave: telefoonnummer van de algemeen directeur van heibeek :pray:", "heibeek/algemeen-directeur.txt"},
		{"the question points back", "Een inwoner vraagt naar de subsidies voor sportclubs in Heibeek. Wie regelt dat?", "heibeek/sportdienst.md"},
		{"the asker's own role is not asked", "Ik ben raadslid in Zandhoven. Wie is de financieel directeur?", "zandhoven/financieel-directeur.md"},
		{"the asker's own service is not asked", "Hallo, ik werk bij de sportdienst van Heibeek. Een inwoner heeft vragen over stamboomonderzoek. Bij wie kan hij daarvoor terecht?", "heibeek/bij-wie-kan-ik-terecht.txt"},
		{"a first name only one person has", "wat doet Nathalie eigenlijk?", "zandhoven/schepen-financien.txt"},
		{"a mistyped first name before the surname", "wat doet natahlie peeters", "zandhoven/schepen-financien.txt"},
		{"a mistyped contact word", "telefononummer van de dpo van heibeek", "heibeek/dpo.md"},
		{"another person with a known surname", "wie is Jan Wouters uit Heibeek?", ""},
		{"another first name before a known surname", "Heeft iemand het nummer van Piet Claes?", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := ask(t, ix, tt.question)
			got := ""
			if res.Outcome != knowledge.NotFound && len(res.Answers) > 0 {
				got = res.Answers[0].Source
			}
			if got != tt.wantSource {
				t.Errorf("%q: first answer %q (%s), want %q", tt.question, got, res.Outcome, tt.wantSource)
			}
			if res.Took <= 0 {
				t.Errorf("%q: the time it took is not measured", tt.question)
			}
		})
	}
}

// A mistyped compound is looked up by the parts of the word meant:
// "loonbreif" is a loonbrief, about loon.
func TestCorrectedCompoundHasParts(t *testing.T) {
	v := buildDir(t, "testdata/twee").view()
	ctx := context.Background()
	q := v.understand(ctx, "wie helpt met mijn stamboomonderzeok in heibeek")
	for _, c := range v.concepts(ctx, q) {
		if c.key == "stamboomonderzeok" {
			if !slices.Contains(c.terms, "stamboomonderzoek") || !slices.Contains(c.parts, "onderzoek") {
				t.Errorf("terms %v, parts %v; want stamboomonderzoek and its part onderzoek", c.terms, c.parts)
			}
			return
		}
	}
	t.Errorf("no concept for stamboomonderzeok in %+v", q.words)
}

// Asked who does something to someone named ("wie vervangt …"), their own
// card is not the answer: it does not say who replaces them.
func TestNamedObjectIsNotTheAnswer(t *testing.T) {
	ix := buildDir(t, "testdata/twee")
	q := ix.view().understand(context.Background(), "wie vervangt Nathalie Peeters als ze met verlof is")
	if !q.nameObject {
		t.Fatalf("names %v: want Nathalie Peeters as the object", q.names)
	}
	res := ask(t, ix, "wie vervangt Nathalie Peeters als ze met verlof is")
	if res.Outcome == knowledge.Answered && res.Answers[0].Source == "zandhoven/schepen-financien.txt" {
		t.Errorf("answered with her own card")
	}
	if res := ask(t, ix, "wat doet Nathalie Peeters"); len(res.Answers) == 0 || res.Answers[0].Source != "zandhoven/schepen-financien.txt" {
		t.Errorf("wat doet Nathalie Peeters: %+v, want her card", res.Answers)
	}
}
