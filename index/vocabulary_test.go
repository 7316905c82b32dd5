package index

import "testing"

func TestDamerau(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"voorzitter", "voorzitter", 2, 0},
		{"vorzitter", "voorzitter", 2, 1},
		{"advisuer", "adviseur", 2, 1}, // a swap is one edit
		{"kiezelbrg", "kiezelberg", 2, 1},
		{"netehgem", "nethegem", 2, 1},
		{"abc", "xyz", 1, 2}, // gives up past the limit
	}
	for _, tt := range tests {
		if got := damerau(tt.a, tt.b, tt.limit); got != tt.want {
			t.Errorf("damerau(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
		}
	}
}

// near allows one edit from four letters on and two from eight, never one
// in a word of three.
func TestNear(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"sprot", "sport", true}, {"jeud", "jeugd", true}, {"dpo", "dbo", false},
		{"burgemeestr", "burgemeester", true}, {"brgemeestr", "burgemeester", true},
		{"sport", "spaart", false},
	} {
		if got := near(tt.a, tt.b); got != tt.want {
			t.Errorf("near(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
