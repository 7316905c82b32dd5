package index

import (
	"context"
	"testing"

	"github.com/wieiswie/wieiswie/knowledge"
)

func TestSplitMessage(t *testing.T) {
	tests := []struct {
		name, text, question, context string
	}{
		{"bare question", "wie is de algemeen directeur", "wie is de algemeen directeur", ""},
		{"three words", "korpschef tel", "korpschef tel", ""},
		{"greeting and context first",
			"Hoi! Ik ben deze week gestart bij de dienst Vrije Tijd in Ravelinge. Wie is daar het diensthoofd?",
			"Wie is daar het diensthoofd?", "Hoi! Ik ben deze week gestart bij de dienst Vrije Tijd in Ravelinge."},
		{"question first, context after",
			"wie is de milieuambtenaar in Heibeek? iemand aan de balie heeft vragen over afval",
			"wie is de milieuambtenaar in Heibeek?", "iemand aan de balie heeft vragen over afval"},
		{"emoji codes dropped",
			"hallo :wave: nieuw hier :tada: bij wie moet ik zijn voor verlof?",
			"hallo nieuw hier bij wie moet ik zijn voor verlof?", ""},
		{"question without question mark",
			"Er belt een inwoner. Wie regelt de markt in Heibeek",
			"Wie regelt de markt in Heibeek", "Er belt een inwoner."},
		{"line break separates",
			"Het water staat hoog.\nWie houdt het noodplan bij?",
			"Wie houdt het noodplan bij?", "Het water staat hoog."},
		{"indirect question",
			"Een inwoner vraagt wie zijn bouwaanvraag behandelt. Hij woont in Heibeek.",
			"wie zijn bouwaanvraag behandelt.", "Een inwoner vraagt Hij woont in Heibeek."},
		{"hedge before the question, preposition kept",
			"Sorry voor de domme vraag, maar bij wie kan ik terecht voor verlof? Ik ben nieuw.",
			"bij wie kan ik terecht voor verlof?", "Sorry voor de domme vraag, maar Ik ben nieuw."},
		{"no asking sentence: the last", "Een inwoner belt. Telefoon van de burgemeester", "Telefoon van de burgemeester", "Een inwoner belt."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := qlex.splitMessage(tt.text)
			if m.question != tt.question || m.context != tt.context {
				t.Errorf("splitMessage(%q)\n got question %q context %q\nwant question %q context %q", tt.text, m.question, m.context, tt.question, tt.context)
			}
		})
	}
}

func TestDescribesAsker(t *testing.T) {
	tests := []struct {
		tokens     []string
		start, end int
		want       bool
	}{
		{[]string{"ik", "ben", "raadslid", "in", "heibeek"}, 2, 3, true},
		{[]string{"als", "schepen", "wil", "ik"}, 1, 2, true},
		{[]string{"raadslid", "hier", "wie", "is"}, 0, 1, true},
		{[]string{"ik", "ben", "de", "nieuwe", "schepen"}, 4, 5, true},
		{[]string{"wie", "is", "de", "schepen", "van", "sport"}, 3, 4, false},
		{[]string{"bel", "de", "voorzitter"}, 2, 3, false},
	}
	for _, tt := range tests {
		if got := qlex.describesAsker(tt.tokens, tt.start, tt.end); got != tt.want {
			t.Errorf("describesAsker(%v, %d, %d) = %v, want %v", tt.tokens, tt.start, tt.end, got, tt.want)
		}
	}
}

func TestQuestionLexicon(t *testing.T) {
	l, err := parseQuestionLexicon(questionTxt)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"wie", "hallo", "eigenlijk"} {
		if !l.fillers[w] {
			t.Errorf("%q should be a filler", w)
		}
	}
	if !l.contact["gsm"] || !l.roles["mandaten"] || !l.handle["regelt"] {
		t.Error("contact, roles or handle words missing")
	}
	if !opensWith([]string{"bij", "wie", "kan", "ik"}, l.openers) || !opensWith([]string{"wat", "doet", "de"}, l.whatDoes) {
		t.Error("openers missing")
	}
	for _, bad := range []string{"[nonsense]\nword", "word before section"} {
		if _, err := parseQuestionLexicon(bad); err == nil {
			t.Errorf("parseQuestionLexicon(%q) gave no error", bad)
		}
	}
}

func TestQuestionLexiconCorrect(t *testing.T) {
	for typo, want := range map[string]string{
		"telefononummer": "telefoonnummer", // a contact word mistyped
		"mandatne":       "mandaten",       // a roles word, letters swapped
		"burgemeester":   "",               // no word of the lexicon
		"tel":            "",               // too short to correct
	} {
		if got := qlex.correct(typo); got != want {
			t.Errorf("correct(%q) = %q, want %q", typo, got, want)
		}
	}
}

func TestTopicWords(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // the words of the topic; nil: none
	}{
		{"questions about", "ik krijg veel vragen over de nieuwe parking", []string{"de", "nieuwe", "parking"}},
		{"across a prepositional phrase", "vragen over regels voor asverstrooiing op het kerkhof. Dank", []string{"regels", "voor", "asverstrooiing", "op", "het", "kerkhof"}},
		{"words between noun and preposition", "een klacht van buren omtrent geluidshinder", []string{"geluidshinder"}},
		{"ends with its clause", "vragen over de markt en ik wil weten", []string{"de", "markt"}},
		{"not after a noun of asking", "een tentoonstelling over het gemeentehuis", nil},
		{"no topic", "ik ben raadslid in Ravelinge", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := qlex.topicWords(tt.text)
			if len(got) != len(tt.want) {
				t.Fatalf("topicWords(%q) = %v, want %v", tt.text, got, tt.want)
			}
			for _, w := range tt.want {
				if !got[w] {
					t.Errorf("topicWords(%q) = %v, want %q in it", tt.text, got, w)
				}
			}
		})
	}
}

func TestAboutAsker(t *testing.T) {
	tests := []struct {
		name, text string
		in, out    []string // words in the asker's own clauses, and not
	}{
		{"new at a service", "ik ben nieuw bij het Sociaal Huis en mijn bureaustoel is slecht", []string{"sociaal", "huis", "nieuw"}, []string{"bureaustoel", "slecht"}},
		{"after a greeting", "hallo iedereen, ik ben sinds maandag aan de slag bij de technische dienst. mijn laptop is stuk", []string{"technische", "dienst"}, []string{"laptop"}},
		{"works at", "Ik werk op de dienst burgerzaken", []string{"burgerzaken"}, nil},
		{"sits in the council", "ik zit in de gemeenteraad van Nethegem en hoor klachten", []string{"gemeenteraad"}, []string{"klachten"}},
		{"English", "I work at the tourist office", []string{"tourist", "office"}, nil},
		{"English, contracted", "Hi! I'm new at the tourist office. We keep a list", []string{"tourist", "office"}, []string{"list"}},
		{"another subject", "de burgemeester is nieuw bij ons", nil, []string{"burgemeester"}},
		{"ik with another verb", "ik wil de burgemeester spreken", nil, []string{"burgemeester"}},
		{"looking for someone", "Ik ben op zoek naar de schepen van sport", nil, []string{"schepen", "sport"}},
		{"sitting with a question", "ik zit met een vraag over leefloon", nil, []string{"leefloon"}},
		{"working on something", "Ik werk aan een dossier over de parking", nil, []string{"parking"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := qlex.aboutAsker(tt.text)
			for _, w := range tt.in {
				if !got[w] {
					t.Errorf("aboutAsker(%q) = %v, want %q in it", tt.text, got, w)
				}
			}
			for _, w := range tt.out {
				if got[w] {
					t.Errorf("aboutAsker(%q) = %v, want no %q", tt.text, got, w)
				}
			}
		})
	}
}

// A question that points back to a person named in its context asks about
// that person: the story around the name, and the question's own other
// words, only help.
func TestPointsBackToPerson(t *testing.T) {
	v := buildDir(t, "testdata/twee").view()
	q := v.understand(context.Background(), "Voor de opening van sporthal De Brem stuur ik een uitnodiging naar Nathalie Peeters. Wie is dat precies, welke functie zet ik op de enveloppe?")
	if len(q.names) != 1 || q.names[0] != "nathalie peeters" || q.shape != knowledge.ShapeRolesOfPerson {
		t.Fatalf("names %v, shape %s; want nathalie peeters, %s", q.names, q.shape, knowledge.ShapeRolesOfPerson)
	}
	for _, w := range q.words {
		if !w.optional {
			t.Errorf("word %q is required; only the person is", w.text)
		}
	}
}
