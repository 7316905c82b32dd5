package index

import "testing"

func TestAboutSame(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"cultuur", "cultuur", true},
		{"cultuur", "cultuurbeleid", true}, // the cultuurbeleidscoördinator
		{"cultuurbeleid", "cultuur", true},
		{"jeugd", "sport", false},
		{"ict", "ictus", false}, // a first part of four letters at least
		{"sport", "sportinfrastructuur", true},
	} {
		if got := aboutSame(tt.a, tt.b); got != tt.want {
			t.Errorf("aboutSame(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
