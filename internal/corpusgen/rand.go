package corpusgen

import "math/rand/v2"

// dice wraps a seeded generator with the few choices the generator makes.
// Each municipality gets its own stream (see newDice) so its documents do not
// depend on how many random numbers the ones before it used.
type dice struct{ r *rand.Rand }

// newDice returns the stream number stream of seed.
func newDice(seed int64, stream uint64) dice {
	return dice{rand.New(rand.NewPCG(uint64(seed), stream))}
}

// intn returns a number in [0, n).
func (d dice) intn(n int) int { return d.r.IntN(n) }

// between returns a number in [lo, hi].
func (d dice) between(lo, hi int) int { return lo + d.r.IntN(hi-lo+1) }

// chance is true with probability p.
func (d dice) chance(p float64) bool { return d.r.Float64() < p }

// pick returns one element of list.
func pick[T any](d dice, list []T) T { return list[d.r.IntN(len(list))] }

// some returns k distinct elements of list in random order (all of them
// when k ≥ len(list)); list is not changed.
func some[T any](d dice, list []T, k int) []T {
	idx := d.r.Perm(len(list))
	if k > len(idx) {
		k = len(idx)
	}
	out := make([]T, k)
	for i := range out {
		out[i] = list[idx[i]]
	}
	return out
}
