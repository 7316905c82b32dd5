package knowledge

import (
	"reflect"
	"testing"
)

// TestNames: which runs of capitalised words a line names as people.
func TestNames(t *testing.T) {
	tests := []struct {
		name  string
		line  string
		other string // more text of the same document
		want  []string
	}{
		{"particles", "diensthoofd Hilde Van de Velde en schepen Mehdi El Khatib", "", []string{"Hilde Van de Velde", "Mehdi El Khatib"}},
		{"lower-case particles", "bel Bert van den Broeck", "", []string{"Bert van den Broeck"}},
		{"hyphenated given name", "archivaris Pieter-Jan Soenen", "", []string{"Pieter-Jan Soenen"}},
		{"the name ends a run of capitals", "Diensthoofd Vrije Tijd Ward Verheyen", "", []string{"Ward Verheyen"}},
		{"a name that starts a sentence", "Ellen Smets registreert de klacht.", "", []string{"Ellen Smets"}},
		{"a surname that is a Dutch word", "archivaris Griet Schepens en Patrick Vos", "", []string{"Griet Schepens", "Patrick Vos"}},

		// False positives.
		{"abbreviation", "GC De Wissel en het OCMW", "", nil},
		{"particle and surname without given name", "woonzorgcentrum De Linde", "", nil},
		{"too long for a given name", "Woonzorgcentrum De Linde, Hulpverleningszone Zuidschelde", "", nil},
		{"the organisation", "Gemeente Brugelde en Stad Brugelde", "", nil},
		{"a known body", "Politiezone Scheldeland", "", nil},
		{"an article before it", "in het Sociaal Huis", "", nil},
		{"written in lower case elsewhere", "Sociaal Huis", "het sociaal huis", nil},
		{"a role word", "Schepen Peeters", "", nil},
		{"in only as a Dutch particle", "Jan in Gent", "", nil},
		{"what something is", "de coördinator, die diensthoofd Vrije Tijd is, leidt", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := newNameContext("Brugelde", tt.line, tt.other)
			r := newLineReader(tt.line)
			r.findNames(ctx)
			var got []string
			for _, n := range r.names {
				got = append(got, r.text(n[0], n[1]))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("names of %q = %q, want %q", tt.line, got, tt.want)
			}
		})
	}
}

func TestWritesLower(t *testing.T) {
	ctx := newNameContext("", "De dienst Vrije Tijd.", "Het OCMW-huis en de vrije markt.")
	for w, want := range map[string]bool{"Vrije": true, "Huis": true, "Tijd": false, "Markt": true, "Dienst": true, "Het": false, "Ocmw": false} {
		if got := ctx.writesLower(w); got != want {
			t.Errorf("writesLower(%q) = %v, want %v", w, got, want)
		}
	}
	// Past eagerAfter look-ups the words are collected at once; the answers
	// stay the same.
	for i := range eagerAfter + 1 {
		ctx.writesLower("Woord" + string(rune('a'+i)))
	}
	for w, want := range map[string]bool{"Vrije": true, "Huis": true, "Tijd": false, "Markt": true} {
		if got := ctx.writesLower(w); got != want || !ctx.all {
			t.Errorf("eager: writesLower(%q) = %v, want %v", w, got, want)
		}
	}
}
