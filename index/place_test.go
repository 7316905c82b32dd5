package index

import (
	"context"
	"testing"
)

// A proper name only one town's documents use places a question there.
func TestPlaceOf(t *testing.T) {
	v := buildDir(t, "testdata/twee").view()
	ctx := context.Background()
	tests := []struct{ text, want string }{
		{"wie reserveert sporthal De Brem?", "Heibeek"},
		{"wie reserveert sporthal de brem?", ""}, // in lower case, brem is a plant: a word, not a name
		{"wie reserveert de sporthal?", ""},      // no name
		{"wie is de algemeen directeur?", ""},    // both towns have one
	}
	for _, tt := range tests {
		if got := v.placeOf(ctx, tt.text); got != tt.want {
			t.Errorf("placeOf(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
	if q := v.understand(ctx, "De tennisclub belt. Kan iemand sporthal De Brem reserveren?"); q.org != "Heibeek" {
		t.Errorf("understand: org %q, want Heibeek from the name of the sporthal", q.org)
	}
}
