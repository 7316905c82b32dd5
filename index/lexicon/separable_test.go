package lexicon

import (
	"slices"
	"testing"
)

func TestSeparable(t *testing.T) {
	lx := dutch(t)
	tests := []struct {
		particle, verb string
		want           string
		ok             bool
	}{
		{"voor", "zit", "voorzitten", true},
		{"voor", "zat", "voorzat", true}, // irregular: the dictionary knows voorzat, not that zat is of zitten
		{"voor", "bereidt", "voorbereiden", true},
		{"voor", "bereidde", "voorbereiden", true},
		{"op", "neemt", "opnemen", true},
		{"in", "vult", "invullen", true},
		{"in", "dient", "indienen", true},
		{"goed", "keurt", "goedkeuren", true},
		{"plaats", "vindt", "plaatsvinden", true},
		{"deel", "neemt", "deelnemen", true},
		{"op", "volgt", "opvolgen", true},
		{"af", "handelt", "afhandelen", true},
		{"terug", "betaalt", "terugbetalen", true},
		{"samen", "werkt", "samenwerken", true},
		{"voor", "zitten", "voorzitten", true}, // already an infinitive
		{"op", "bank", "", false},              // "zit op de bank": no verb opbanken
		{"ver", "koopt", "", false},            // ver- is no separable particle
		{"xyz", "zit", "", false},
		{"voor", "", "", false},
	}
	for _, tt := range tests {
		got, ok := lx.Separable(tt.particle, tt.verb)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Separable(%q, %q) = %q, %v, want %q, %v", tt.particle, tt.verb, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParticles(t *testing.T) {
	lx := dutch(t)
	ps := lx.Particles()
	for _, p := range []string{"voor", "op", "in", "uit", "aan", "af", "mee", "na", "om", "terug", "door", "over", "bij", "toe", "weg", "samen"} {
		if !slices.Contains(ps, p) || !lx.IsParticle(p) {
			t.Errorf("particle %q missing", p)
		}
	}
	for _, p := range []string{"ver", "be", "ont", "#", ""} {
		if lx.IsParticle(p) {
			t.Errorf("IsParticle(%q) = true", p)
		}
	}
	if !slices.IsSorted(ps) {
		t.Error("Particles not sorted")
	}
}
