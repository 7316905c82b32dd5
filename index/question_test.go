package index

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/wieiswie/wieiswie/knowledge"
)

// Rules of Dutch word order that question understanding relies on.
func TestUnderstandWordOrder(t *testing.T) {
	ix := buildDir(t, "testdata/twee")
	v := ix.view()
	words := func(q question) []string {
		var out []string
		for _, w := range q.words {
			out = append(out, w.text)
		}
		return out
	}
	t.Run("particle before an extraposed phrase", func(t *testing.T) {
		// "keurt … goed in Zandhoven": the particle is not last, a
		// prepositional phrase follows the sentence frame.
		q := v.understand(context.Background(), "wie keurt opleidingen goed in zandhoven")
		got := words(q)
		if slices.Contains(got, "goed") || !slices.ContainsFunc(got, func(w string) bool { return strings.HasPrefix(w, "goedkeur") }) {
			t.Errorf("words %v, want the verb goedkeuren joined", got)
		}
	})
	t.Run("split pronominal adverb", func(t *testing.T) {
		// "daar … over" is daarover: the verb is geven, not overgeven.
		got := words(v.understand(context.Background(), "wie geeft daar advies over in zandhoven"))
		if slices.ContainsFunc(got, func(w string) bool { return strings.HasPrefix(w, "overgeef") || strings.HasPrefix(w, "overgev") }) {
			t.Errorf("words %v, want no overgeven", got)
		}
		got = words(v.understand(context.Background(), "wie zit er het comite voor in zandhoven"))
		if !slices.ContainsFunc(got, func(w string) bool { return strings.HasPrefix(w, "voorzit") }) {
			t.Errorf("words %v, want voorzitten joined after er", got)
		}
	})
	t.Run("the level of government is part of the town's name", func(t *testing.T) {
		q := v.understand(context.Background(), "wie onderzoekt een arbeidsongeval bij gemeente heibeek")
		if got := words(q); slices.Contains(got, "gemeente") || q.org != "Heibeek" {
			t.Errorf("org %q, words %v; want Heibeek and no gemeente", q.org, got)
		}
	})
	t.Run("an ordinal only ranks a role", func(t *testing.T) {
		if got := words(v.understand(context.Background(), "bij wie moet ik zijn met mijn eerste loonbrief in zandhoven")); slices.Contains(got, "eerste") {
			t.Errorf("words %v, want no eerste", got)
		}
	})
	t.Run("complement ends at a preposition", func(t *testing.T) {
		q := v.understand(context.Background(), "welke schepen heeft sport onder zich in heibeek")
		if !slices.Equal(q.complements, []string{"sport"}) {
			t.Errorf("complements %v, want [sport]", q.complements)
		}
	})
}

// A compound the documents have as a whole weighs as rare as it is there,
// not as common as its parts.
func TestCompoundWeighsAsAWhole(t *testing.T) {
	fsys := fstest.MapFS{}
	for i := range 30 {
		fsys[fmt.Sprintf("dorp/dienst-%02d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("# Dienst %d\n\nDeze dienst helpt inwoners.\n", i))}
	}
	fsys["dorp/personeel.md"] = &fstest.MapFile{Data: []byte("# Personeel\n\nDe personeelsdienst keurt dienstvrijstellingen goed.\n")}
	docs, problems := knowledge.Load(context.Background(), ".", knowledge.Options{FS: fsys})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	ix, err := Build(context.Background(), docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	v := ix.view()
	weight := func(text, key string) float64 {
		for _, c := range v.concepts(context.Background(), v.understand(context.Background(), text)) {
			if c.key == key {
				return c.weight
			}
		}
		t.Fatalf("%q: no concept %q", text, key)
		return 0
	}
	whole, part := weight("dienstvrijstellingen", "dienstvrijstellingen"), weight("dienst", "dienst")
	if whole <= part {
		t.Errorf("weight of dienstvrijstellingen %.3f, want more than that of its common part dienst %.3f", whole, part)
	}
}

func TestUnderstandWords(t *testing.T) {
	ix := buildDir(t, "testdata/twee")
	v := ix.view()
	ctx := context.Background()
	t.Run("a title naming the level of government", func(t *testing.T) {
		q := v.understand(ctx, "wie is de stadsontvanger van zandhoven")
		if !slices.Equal(q.roles, []string{"financieel directeur"}) {
			t.Errorf("roles %v, want [financieel directeur] (ontvanger)", q.roles)
		}
	})
	t.Run("an inflected filler", func(t *testing.T) {
		q := v.understand(ctx, "bij wie kan ik met vragen over sport terecht in heibeek")
		for _, w := range q.words {
			if w.text == "vragen" {
				t.Errorf("vragen, the plural of the filler vraag, is a content word: %+v", q.words)
			}
		}
	})
	t.Run("a service after a role is what the role is of", func(t *testing.T) {
		for _, text := range []string{"welke schepen heeft de sportdienst onder zich in heibeek", "welke schepen doet de sportdienst in heibeek"} {
			q := v.understand(ctx, text)
			if !slices.Equal(q.roles, []string{"schepen"}) || !slices.Equal(q.complements, []string{"sportdienst"}) {
				t.Errorf("%q: roles %v, complements %v; want [schepen], [sportdienst]", text, q.roles, q.complements)
			}
		}
	})
	t.Run("asked which functions someone has, other words only qualify", func(t *testing.T) {
		q := v.understand(ctx, "welke functies heeft Sofie Wouters naast haar directeursambt")
		for _, w := range q.words {
			if !w.optional {
				t.Errorf("%q is required of the answer: %+v", w.text, q.words)
			}
		}
		q = v.understand(ctx, "wie vervangt Sofie Wouters bij afwezigheid")
		if q.shape == knowledge.ShapeRolesOfPerson && !slices.ContainsFunc(q.words, func(w word) bool { return !w.optional }) {
			t.Errorf("who replaces someone: every word optional: %+v", q.words)
		}
	})
	t.Run("a contact verb in another form", func(t *testing.T) {
		q := v.understand(ctx, "hoe contacteer ik de financieel directeur van zandhoven")
		if q.shape != knowledge.ShapeContactOf {
			t.Errorf("shape %s, want %s (contacteer is contacteren)", q.shape, knowledge.ShapeContactOf)
		}
	})
	t.Run("a message whose context names the role", func(t *testing.T) {
		q := v.understand(ctx, "Ik wil de financieel directeur bellen over de begroting van maandag. Heeft iemand haar nummer? (Zandhoven)")
		if !slices.Equal(q.roles, []string{"financieel directeur"}) {
			t.Fatalf("roles %v", q.roles)
		}
		for _, w := range q.words {
			if w.text == "begroting" && !w.optional {
				t.Errorf("begroting is required; the role is what is asked about: %+v", q.words)
			}
		}
	})
	t.Run("a question that points back to a person", func(t *testing.T) {
		q := v.understand(ctx, "Ik moet een uitnodiging sturen naar Sofie Wouters. Wie is dat precies, welke functie zet ik op de enveloppe?")
		if !slices.Equal(q.names, []string{"sofie wouters"}) || q.shape != knowledge.ShapeRolesOfPerson {
			t.Errorf("names %v, shape %s; want [sofie wouters], %s", q.names, q.shape, knowledge.ShapeRolesOfPerson)
		}
	})
	t.Run("a long Dutch word is no mistyped name", func(t *testing.T) {
		fsys := fstest.MapFS{"dorp/greet.md": &fstest.MapFile{Data: []byte("---\ntype: person\nname: Greet Verlinden\nfunctions:\n  - body: Gemeente Dorp\n    function: Schepen\n---\n\n- Greet is schepen van burgerzaken.\n")}}
		docs, _ := knowledge.Load(context.Background(), ".", knowledge.Options{FS: fsys})
		ix, err := Build(ctx, docs, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		v := ix.view()
		if q := v.understand(ctx, "wie kan de concessie verlengen"); len(q.names) > 0 {
			t.Errorf("verlengen read as the name %v", q.names)
		}
		if q := v.understand(ctx, "wie is greet verlinde"); len(q.names) == 0 {
			t.Errorf("verlinde, no word of Dutch, not read as Verlinden")
		}
	})
}

// Equivalent words come with an inflection's lemma, never with a word
// that only shares its stem.
func TestWordGroup(t *testing.T) {
	v := buildDir(t, "testdata/twee").view()
	if g := v.wordGroup("klachten"); !slices.Contains(g, "complaint") {
		t.Errorf("klachten: group %v, want the group of klacht", g)
	}
	if g := v.wordGroup("accounts"); slices.Contains(g, "boekhouding") {
		t.Errorf("accounts: group %v, the group of accounting (same stem, other meaning)", g)
	}
}

func TestUnderstandEnglish(t *testing.T) {
	v := buildDir(t, "testdata/twee").view()
	q := v.understand(context.Background(), "who chairs the city council in heibeek")
	var got []string
	for _, w := range q.words {
		got = append(got, w.text)
	}
	// "city council" is one word in Dutch; "chairs" is the glossary's
	// (voorzitter), not the dictionary's zetel.
	if !slices.Contains(q.roles, "gemeenteraad") || !slices.Contains(got, "chairs") || slices.Contains(got, "zetel") {
		t.Errorf("roles %v, words %v; want the body gemeenteraad and the word chairs", q.roles, got)
	}
	// "responsible" asks who does something: a word of the question's
	// shape, kept as it is. Translated, it can become the role noun
	// "verantwoordelijke" where the documents use that.
	q = v.understand(context.Background(), "who is responsible for complaints in heibeek")
	if len(q.roles) > 0 || len(q.words) == 0 || q.words[0].text != "responsible" || !q.words[0].optional {
		t.Errorf("roles %v, words %+v; want no role and the optional word responsible", q.roles, q.words)
	}
}

// The dictionary does not say which sense of an English word is meant:
// every translation the documents have is a variant, not only the commonest
// ("noise" is leven on many pages, lawaai on the one that answers).
func TestUnderstandEnglishSenses(t *testing.T) {
	docs := []knowledge.Document{
		{Source: "a/milieu.md", Kind: knowledge.KindService, Title: "Milieu", Organisation: "Aarle", Name: "Els Peeters",
			Passages: []knowledge.Passage{{Text: "Klachten over lawaai van bedrijven."}}},
		{Source: "a/welzijn.md", Kind: knowledge.KindService, Title: "Welzijn", Organisation: "Aarle", Name: "Jan Claes",
			Passages: []knowledge.Passage{{Text: "Het leven van senioren; een leven lang leren; het verenigingsleven."}}},
	}
	ix, err := Build(context.Background(), docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	q := ix.view().understand(context.Background(), "who deals with noise in aarle")
	for _, w := range q.words {
		if (w.text == "leven" || w.text == "lawaai") && slices.Contains(w.variants, "leven") && slices.Contains(w.variants, "lawaai") {
			return
		}
	}
	t.Errorf("words %+v; want noise as leven and lawaai", q.words)
}

// A word in capitals is an abbreviation, even when it spells a function
// word: "IT" is informatica, "it" is nothing.
func TestUnderstandAcronym(t *testing.T) {
	v := buildDir(t, "testdata/twee").view()
	has := func(q question, w string) bool {
		return slices.ContainsFunc(q.words, func(x word) bool { return x.text == w })
	}
	if q := v.understand(context.Background(), "who is the IT coordinator in heibeek"); !has(q, "it") {
		t.Errorf("IT dropped: %+v", q.words)
	}
	if q := v.understand(context.Background(), "who is it in heibeek"); has(q, "it") {
		t.Errorf("it kept as a content word: %+v", q.words)
	}
}

// A document's alias names that document's service: in a question about
// another town, "loket" is a word, while the town whose page calls its
// service so, and a title that names a person, keep it as a role.
func TestForeignAlias(t *testing.T) {
	docs := []knowledge.Document{
		{Source: "a/burgerzaken.md", Kind: knowledge.KindService, Title: "Burgerzaken", Organisation: "Aarle", Name: "Els Peeters",
			Functions: []knowledge.Function{{Title: "Diensthoofd burgerzaken", Body: "Gemeente Aarle"}},
			Aliases:   []string{"loket", "sportambtenaar"},
			Passages:  []knowledge.Passage{{Text: "Identiteitskaarten en rijbewijzen aan het loket."}}},
		{Source: "b/markt.md", Kind: knowledge.KindService, Title: "Markten", Organisation: "Bree", Name: "Jan Claes",
			Functions: []knowledge.Function{{Title: "Marktleider", Body: "Gemeente Bree"}},
			Passages:  []knowledge.Passage{{Text: "Standplaatsen op de wekelijkse markt."}}},
	}
	ix, err := Build(context.Background(), docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	v := ix.view()
	for _, tt := range []struct {
		org, role string
		foreign   bool
	}{
		{"Bree", "loket", true},
		{"Aarle", "loket", false},         // its own page
		{"", "loket", false},              // no town asked about
		{"Bree", "sportambtenaar", false}, // names a person
		{"Bree", "marktleider", false},    // a title, not an alias
	} {
		if got := v.foreignAlias(tt.org, tt.role); got != tt.foreign {
			t.Errorf("foreignAlias(%q, %q) = %v, want %v", tt.org, tt.role, got, tt.foreign)
		}
	}
	q := v.understand(context.Background(), "er staat iemand aan het loket die een standplaats op de markt wil, wie regelt dat in Bree?")
	if slices.Contains(q.roles, "loket") {
		t.Errorf("roles %v, want no loket: that is Aarle's", q.roles)
	}
	// Also when the town is named in the message's context.
	q = v.understand(context.Background(), "Ik werk in Bree. Welk loket regelt standplaatsen?")
	if q.org != "Bree" || slices.Contains(q.roles, "loket") {
		t.Errorf("org %q, roles %v; want Bree and no loket", q.org, q.roles)
	}
}

// An alias the services of two towns or more give themselves names their
// shared title in a question about a third town; one town's alias does not.
func TestSharedAlias(t *testing.T) {
	service := func(src, org, title string, aliases ...string) knowledge.Document {
		return knowledge.Document{Source: src, Kind: knowledge.KindService, Title: title, Organisation: org, Name: "Els " + org,
			Functions: []knowledge.Function{{Title: "Diensthoofd " + title, Body: "Gemeente " + org}}, Aliases: aliases}
	}
	docs := []knowledge.Document{
		service("a/burgerzaken.md", "Aarle", "Burgerzaken", "bevolking", "loket"),
		service("b/burgerzaken.md", "Bree", "Burgerzaken Bree", "bevolking"),
		service("c/burgerzaken.md", "Cee", "Burgerzaken"),
	}
	ix, err := Build(context.Background(), docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	v := ix.view()
	q := v.understand(context.Background(), "wie is het hoofd van de dienst bevolking in Cee")
	if !slices.Contains(q.roles, "burgerzaken") {
		t.Errorf("roles %v, want burgerzaken: Aarle and Bree call it bevolking", q.roles)
	}
	q = v.understand(context.Background(), "wie staat aan het loket in Cee")
	if slices.Contains(q.roles, "burgerzaken") || slices.Contains(q.roles, "loket") {
		t.Errorf("roles %v, want neither loket nor burgerzaken: only Aarle calls it so", q.roles)
	}
}

// A compound role noun no title has is asked as a role, unless it stands in
// a prepositional phrase; a bare role noun ("hoofd") is left to the words.
func TestRoleNounAsRole(t *testing.T) {
	v := buildDir(t, "testdata/twee").view()
	for _, tt := range []struct {
		question string
		role     string // "" for none
	}{
		{"wie is de verkeersdeskundige van heibeek", "verkeersdeskundige"},
		{"wie is de cultuurconsulent in zandhoven", "cultuurconsulent"},
		{"wie behandelt mijn klacht over een loketmedewerker in heibeek", ""},
		{"hoofd personeelsdienst zandhoven", ""},
	} {
		q := v.understand(context.Background(), tt.question)
		got := ""
		if len(q.roles) > 0 {
			got = q.roles[0]
		}
		if got != tt.role {
			t.Errorf("%q: roles %v, want %q", tt.question, q.roles, tt.role)
		}
	}
	// Nobody in Heibeek is a verkeersdeskundige: not found, not the
	// archivaris.
	if res := ask(t, v.Index, "wie is de verkeersdeskundige van heibeek"); res.Outcome != knowledge.NotFound {
		t.Errorf("verkeersdeskundige: %s, want not found", res.Outcome)
	}
}

// A body after a preposition of place says where something is asked, not
// that its head is asked for; after a verb of membership it is what is
// asked. Asked how to reach someone named, the other words only say when.
func TestUnderstandPlacesAndPeople(t *testing.T) {
	v := buildDir(t, "testdata/twee").view()
	for _, tt := range []struct {
		question string
		role     bool // the sportdienst is a role asked
	}{
		{"wie reserveert de tennisvelden in de sportdienst van heibeek", false},
		{"wie zit er allemaal in de sportdienst van heibeek", true},
		{"wie is het hoofd van de sportdienst van heibeek", true},
	} {
		q := v.understand(context.Background(), tt.question)
		if got := slices.Contains(q.roles, "sportdienst"); got != tt.role {
			t.Errorf("%q: roles %v, want sportdienst among them: %v", tt.question, q.roles, tt.role)
		}
	}
	q := v.understand(context.Background(), "hoe bereik ik nathalie peeters buiten de kantooruren")
	if q.shape != knowledge.ShapeContactOf || len(q.names) != 1 {
		t.Fatalf("shape %s, names %v", q.shape, q.names)
	}
	for _, w := range q.words {
		if !w.optional {
			t.Errorf("word %q is required; only the person is", w.text)
		}
	}
}

// A light verb ("advies geven", "een vraag krijgen") carries no meaning of
// its own: in every form it is a filler, by its lemma.
func TestLightVerbsAreFillers(t *testing.T) {
	v := buildDir(t, "testdata/twee").view()
	for w, want := range map[string]bool{"geeft": true, "geven": true, "gaf": true, "krijg": true, "neemt": true, "advies": false, "stamboom": false} {
		if got := v.isFiller(w); got != want {
			t.Errorf("isFiller(%q) = %v, want %v", w, got, want)
		}
	}
}

// An abbreviation in a message's context names one thing: it weighs as if
// asked, where another context word weighs half.
func TestAcronymInContextWeighsInFull(t *testing.T) {
	v := buildDir(t, "testdata/twee").view()
	ctx := context.Background()
	q := v.understand(ctx, "We maken een nieuwe app en daarvoor is een DPIA nodig. Wie helpt ons daarmee in Heibeek?")
	var dpia, app *concept
	cs := v.concepts(ctx, q)
	for i := range cs {
		switch cs[i].key {
		case "dpia":
			dpia = &cs[i]
		case "app":
			app = &cs[i]
		}
	}
	if dpia == nil || app == nil {
		t.Fatalf("concepts %+v: want dpia and app", cs)
	}
	if !dpia.context || dpia.weight <= app.weight {
		t.Errorf("dpia weighs %.2f (context %v), app %.2f: want the abbreviation in full", dpia.weight, dpia.context, app.weight)
	}
}
