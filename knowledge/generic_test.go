package knowledge

import (
	"reflect"
	"testing"
)

func TestGeneric(t *testing.T) {
	tests := []struct {
		name         string
		text         string
		wantTitle    string
		wantPassages []Passage
	}{
		{
			name:      "title line, heading, paragraphs",
			text:      "Openingsuren\n\nGemeentehuis\n\nMaandag tot vrijdag\nvan 9 tot 12 uur.\n\nGesloten op feestdagen.",
			wantTitle: "Openingsuren",
			wantPassages: []Passage{
				{Heading: "Gemeentehuis", Text: "Maandag tot vrijdag van 9 tot 12 uur.", Line: 5},
				{Heading: "Gemeentehuis", Text: "Gesloten op feestdagen.", Line: 8},
			},
		},
		{
			name:      "first line starts a paragraph: nothing is lost",
			text:      "\n\nHet containerpark is open\nop zaterdag.\n",
			wantTitle: "Het containerpark is open",
			wantPassages: []Passage{
				{Text: "Het containerpark is open op zaterdag.", Line: 3},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, problems := Parse("info.TXT", []byte(tt.text))
			if len(problems) > 0 {
				t.Errorf("problems: %v", problems)
			}
			if doc.Kind != KindGeneric || doc.Title != tt.wantTitle {
				t.Errorf("kind %q title %q, want generic %q", doc.Kind, doc.Title, tt.wantTitle)
			}
			if !reflect.DeepEqual(doc.Passages, tt.wantPassages) {
				t.Errorf("passages = %+v, want %+v", doc.Passages, tt.wantPassages)
			}
		})
	}
}
