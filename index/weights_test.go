package index

import (
	"strings"
	"testing"
)

func TestWeights(t *testing.T) {
	w, err := parseWeights(weightsTxt)
	if err != nil {
		t.Fatal(err)
	}
	if w.conceptRole <= 0 || w.candidates < 1 || w.wordBase+w.wordIDF != 1 {
		t.Errorf("implausible weights: %+v", w)
	}
	for name, text := range map[string]string{
		"unknown":   weightsTxt + "\nshoe.size 3\n",
		"twice":     weightsTxt + "\ncandidates 30\n",
		"missing":   strings.Replace(weightsTxt, "\ncandidates ", "\n# candidates ", 1),
		"no number": strings.Replace(weightsTxt, "\ncandidates 25", "\ncandidates many", 1),
	} {
		if _, err := parseWeights(text); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
