package index

import (
	"bufio"
	"fmt"
	"strconv"
	"strings"
)

// readNumbers reads a data file of "name value" lines ("#" starts a
// comment) into the numbers fields points to: each name once, every name
// there. file names the file in errors.
func readNumbers(file, text string, fields map[string]*float64) error {
	seen := map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(text))
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		p, ok := fields[f[0]]
		if len(f) != 2 || !ok || seen[f[0]] {
			return fmt.Errorf("%s:%d: want one \"name value\" line for each known name, got %q", file, n, strings.TrimSpace(line))
		}
		v, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return fmt.Errorf("%s:%d: %w", file, n, err)
		}
		*p, seen[f[0]] = v, true
	}
	for name := range fields {
		if !seen[name] {
			return fmt.Errorf("%s: %s missing", file, name)
		}
	}
	return sc.Err()
}
