package config

import (
	"fmt"
	"os"
	"regexp"
	"strings"

	"github.com/joho/godotenv"
)

// ReadEnvFile reads the settings in a .env file. A .env holds the tokens,
// so a malformed one is reported by its line number and variable name
// only, never with its text: godotenv's own errors quote the value.
func ReadEnvFile(path string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	values, err := godotenv.Unmarshal(string(data))
	if err == nil {
		return values, nil
	}
	// The first line at which the file read so far stops parsing is the
	// one to mend (an unterminated quote is reported where it opens).
	lines := strings.SplitAfter(string(data), "\n")
	for n := 1; n <= len(lines); n++ {
		if _, err := godotenv.Unmarshal(strings.Join(lines[:n], "")); err != nil {
			name := ""
			if v := envName(lines[n-1]); v != "" {
				name = " (" + v + ")"
			}
			return nil, fmt.Errorf("%s: line %d%s is malformed: write NAME=value, and close every quote you open; the line is not shown because it may hold a secret", path, n, name)
		}
	}
	return nil, fmt.Errorf("%s is malformed; its lines are not shown because they may hold secrets", path)
}

var envNameRE = regexp.MustCompile(`^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)`)

// envName is the variable name a .env line starts with, or "".
func envName(line string) string {
	if m := envNameRE.FindStringSubmatch(strings.TrimSpace(line)); m != nil {
		return m[1]
	}
	return ""
}
