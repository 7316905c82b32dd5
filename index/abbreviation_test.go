package index

import (
	"testing"

	"github.com/wieiswie/wieiswie/knowledge"
)

func TestAbbreviations(t *testing.T) {
	a := newAbbreviations()
	canon := knowledge.Fold
	a.fromTitle("algemeen directeur", "algemeen directeur", abbrTitle)
	a.fromTitle("financieel directeur", "financieel directeur", abbrTitle)
	a.fromTitle("financiele dienst", "financiele dienst", abbrBody) // a title comes first
	a.fromTitle("college van burgemeester en schepenen", "college van burgemeester en schepenen", abbrBody)
	a.fromTitle("schepen", "schepen", abbrTitle) // one word: no abbreviation
	a.fromText("Het managementteam (MAT) komt elke week samen.", canon)
	// Initials that spell neither the words before nor the one word: none.
	a.fromText("de functionaris voor gegevensbescherming (DPO) waakt", canon)
	// Two roles with the same initials: left out.
	a.fromTitle("adjunct directeur", "adjunct directeur", abbrTitle)
	got := map[string]string{}
	a.each(func(abbr, key string) { got[abbr] = key })
	want := map[string]string{
		"fd":  "financieel directeur",
		"cbs": "college van burgemeester en schepenen",
		"mat": "managementteam",
	}
	for abbr, key := range want {
		if got[abbr] != key {
			t.Errorf("%s = %q, want %q", abbr, got[abbr], key)
		}
	}
	if k, ok := got["ad"]; ok {
		t.Errorf("ad stands for two roles but was kept as %q", k)
	}
	if len(got) != len(want) {
		t.Errorf("got %v, want only %v", got, want)
	}
}
