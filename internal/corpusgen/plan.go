package corpusgen

import (
	"fmt"

	"github.com/wieiswie/wieiswie/knowledge"
)

// Sizes of a town in documents. Real municipalities publish from a few
// dozen pages (a small village) to a few hundred (a city); most are small.
const (
	MinTownDocs = 40
	MaxTownDocs = 350
)

// townSizes splits n documents over towns of MinTownDocs … MaxTownDocs,
// small ones more often. The last town takes what is left, so it can be a
// little larger than MaxTownDocs rather than smaller than MinTownDocs.
func townSizes(d dice, n int) []int {
	var sizes []int
	for n > 0 {
		u := d.r.Float64()
		s := MinTownDocs + int(float64(MaxTownDocs-MinTownDocs)*u*u)
		if n-s < MinTownDocs {
			s = n
		}
		sizes = append(sizes, s)
		n -= s
	}
	return sizes
}

// townNames invents count distinct municipality names. Names are distinct
// also once folded ("Sint-Kastelbroek" and "Sint Kastelbroek" are one), and
// their folders distinct.
func townNames(d dice, count int) ([]string, error) {
	seen := map[string]bool{}
	var out []string
	limit := 50 * (count + 100)
	for tries := 0; len(out) < count; tries++ {
		if tries > limit {
			return nil, fmt.Errorf("cannot invent %d distinct municipality names", count)
		}
		name := pick(d, townStarts) + pick(d, townEnds)
		switch r := d.intn(100); {
		case r < 8:
			name = pick(d, townFronts) + name
		case r < 16:
			name += pick(d, townTails)
		}
		key := knowledge.Fold(name)
		if seen[key] || seen[slug(name)] {
			continue
		}
		seen[key], seen[slug(name)] = true, true
		out = append(out, name)
	}
	return out, nil
}
