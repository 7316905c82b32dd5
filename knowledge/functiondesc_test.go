package knowledge

import (
	"reflect"
	"testing"
)

const seedFunction = "004_c31680617ffa673a.txt"

func TestFunctionDescriptionSeed(t *testing.T) {
	doc, problems := parseFile(t, "default/"+seedFunction, seedFunction)
	if len(problems) > 0 {
		t.Errorf("problems: %v", problems)
	}
	if doc.Kind != KindFunction || doc.Title != "Functiebeschrijving algemeen directeur" || doc.Role != "algemeen directeur" {
		t.Errorf("kind %q, title %q, role %q", doc.Kind, doc.Title, doc.Role)
	}
	const (
		continuity = "Continuïteit, kwalitatieve (samen)werking en verdere ontwikkeling van de organisatie"
		policy     = "Beleidsaspiraties en budgettaire capaciteiten"
		motivate   = "Motiveren en enthousiasmeren om competenties en talenten te laten groeien en te ontwikkelen"
		hinge      = "Scharnierfunctie en netwerking"
	)
	// 16 paragraphs after the title: 4 headings and 12 passages.
	want := []struct {
		line    int
		heading string
	}{
		{5, ""}, {7, ""}, {9, ""},
		{13, continuity}, {15, continuity}, {17, continuity},
		{21, policy}, {23, policy},
		{27, motivate},
		{31, hinge}, {35, hinge}, {37, hinge}, // three blank lines before line 35
	}
	if len(doc.Passages) != len(want) {
		t.Fatalf("got %d passages, want %d", len(doc.Passages), len(want))
	}
	for i, p := range doc.Passages {
		if p.Line != want[i].line || p.Heading != want[i].heading {
			t.Errorf("passage %d: line %d heading %q, want line %d heading %q", i, p.Line, p.Heading, want[i].line, want[i].heading)
		}
	}
	if got := doc.Passages[9].Text; got != "Door steeds oog te hebben voor de belangen en informatiebehoeften van alle betrokken actoren, bouwt u, vanuit uw scharnierfunctie, aan duurzame banden tussen burger, politiek en administratie." {
		t.Errorf("passage under %q = %q", hinge, got)
	}
}

func TestFunctionDescriptionShapes(t *testing.T) {
	tests := []struct {
		name         string
		text         string
		wantRole     string
		wantPassages []Passage
		wantProblems []int
	}{
		{
			name:     "colon after the word, heading with colon, list of short lines",
			text:     "Functiebeschrijving: financieel directeur\n\nTaken:\n\nDe boekhouding voeren.\n\nKlantgericht\n\nInteger\n",
			wantRole: "financieel directeur",
			wantPassages: []Passage{
				{Heading: "Taken", Text: "De boekhouding voeren.", Line: 5},
				{Heading: "Taken", Text: "Klantgericht", Line: 7},
				{Heading: "Taken", Text: "Integer", Line: 9},
			},
		},
		{
			name:         "no function named",
			text:         "FUNCTIEBESCHRIJVING\nTekst.",
			wantPassages: []Passage{{Text: "Tekst.", Line: 2}},
			wantProblems: []int{1},
		},
		{
			name:     "a line with a colon inside is text",
			text:     "Functiebeschrijving DPO\n\nLet op: vertrouwelijk\n\nDe DPO adviseert.",
			wantRole: "DPO",
			wantPassages: []Passage{
				{Text: "Let op: vertrouwelijk", Line: 3},
				{Text: "De DPO adviseert.", Line: 5},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, problems := Parse("f.txt", []byte(tt.text))
			if doc.Kind != KindFunction || doc.Role != tt.wantRole {
				t.Errorf("kind %q role %q, want function %q", doc.Kind, doc.Role, tt.wantRole)
			}
			if !reflect.DeepEqual(doc.Passages, tt.wantPassages) {
				t.Errorf("passages = %+v, want %+v", doc.Passages, tt.wantPassages)
			}
			if got := problemLines(problems); !reflect.DeepEqual(got, tt.wantProblems) {
				t.Errorf("problem lines = %v, want %v (%v)", got, tt.wantProblems, problems)
			}
		})
	}
}

func TestFunctiebeschrijvingenIsNotAFunctionDescription(t *testing.T) {
	doc, _ := Parse("lijst.txt", []byte("Functiebeschrijvingen\n\nEen overzicht."))
	if doc.Kind != KindGeneric {
		t.Errorf("kind = %q, want generic", doc.Kind)
	}
}
