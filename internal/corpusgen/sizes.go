package corpusgen

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

// BenchSizes are the corpus sizes benchmarks run at: 1k and 10k; 100k too
// with WIEISWIE_BENCH_LARGE=1 (it takes minutes); or exactly the
// comma-separated sizes of WIEISWIE_BENCH_DOCS.
func BenchSizes() ([]int, error) {
	if s := os.Getenv("WIEISWIE_BENCH_DOCS"); s != "" {
		var sizes []int
		for _, f := range strings.Split(s, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil || n <= 0 {
				return nil, fmt.Errorf("WIEISWIE_BENCH_DOCS=%q: want sizes like 1000,10000", s)
			}
			sizes = append(sizes, n)
		}
		return sizes, nil
	}
	sizes := []int{1000, 10000}
	if os.Getenv("WIEISWIE_BENCH_LARGE") == "1" {
		sizes = append(sizes, 100000)
	}
	return sizes, nil
}
