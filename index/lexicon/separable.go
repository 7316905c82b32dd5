package lexicon

import "sort"

// Separable joins a particle that a main clause split off its verb back
// onto the verb: ("voor", "zit") → "voorzitten", ("voor", "bereidt") →
// "voorbereiden", ("op", "neemt") → "opnemen", ("in", "vult") →
// "invullen". The verb is lemmatised, the particle put in front, and the
// result accepted only when the dictionary has it, so a preposition that
// merely follows a verb ("hij zit op de bank") makes no verb that does
// not exist. The particles are those of data/particles.txt.
func (lx *Lexicon) Separable(particle, verb string) (string, bool) {
	if !lx.particles[particle] || verb == "" {
		return "", false
	}
	cands := lx.Lemmas(verb)
	if len(cands) == 0 || lx.IsWord(verb) && !contains(cands, verb) {
		cands = append(cands, verb) // the verb as given, an infinitive perhaps
	}
	// Infinitives before other readings: zit is a noun too, but only
	// zitten takes voor.
	for _, infinitiveFirst := range []bool{true, false} {
		for _, l := range cands {
			if infinitiveFirst != hasInfinitiveEnding(l) {
				continue
			}
			w := particle + l
			if lx.IsWord(w) {
				return w, true
			}
		}
	}
	return "", false
}

// Particles returns the separable particles Separable knows, in order.
func (lx *Lexicon) Particles() []string {
	out := make([]string, 0, len(lx.particles))
	for p := range lx.particles {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// IsParticle reports whether p is a separable particle.
func (lx *Lexicon) IsParticle(p string) bool { return lx.particles[p] }

func hasInfinitiveEnding(w string) bool {
	n := len(w)
	return n >= 3 && w[n-1] == 'n' && (w[n-2] == 'e' || w[n-2] == 'a' || w[n-2] == 'o' || w[n-2] == 'i' && w[n-3] == 'e')
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
