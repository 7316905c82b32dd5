package index

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/wieiswie/wieiswie/knowledge"
)

func TestShippedModel(t *testing.T) {
	m, err := parseModel(answerabilityTxt)
	if err != nil {
		t.Fatal(err)
	}
	if !(0 < m.suggestAt && m.suggestAt <= m.answerAt && m.answerAt <= 1) {
		t.Errorf("thresholds suggest-at %v, answer-at %v: want 0 < suggest ≤ answer ≤ 1", m.suggestAt, m.answerAt)
	}
	// A full match with a clear lead is answered; nothing matched is not.
	good := make(features, len(featureNames))
	good.set("coverage", 1)
	good.set("qualifiers", 1)
	good.set("gap", 0.5)
	good.set("role-asked", 1)
	good.set("words", math.Log1p(2))
	bad := make(features, len(featureNames))
	bad.set("oov", 1)
	bad.set("unmatched", 1)
	if p := m.prob(good); p < m.answerAt {
		t.Errorf("full match, clear lead: p = %.3f, below answer-at %.3f", p, m.answerAt)
	}
	if p := m.prob(bad); p >= m.suggestAt {
		t.Errorf("nothing matched: p = %.3f, at or above suggest-at %.3f", p, m.suggestAt)
	}
}

func TestParseModelErrors(t *testing.T) {
	full := shippedModel.format("header")
	if _, err := parseModel(full); err != nil {
		t.Fatalf("a formatted model does not parse back: %v", err)
	}
	for name, text := range map[string]string{
		"unknown feature": full + "\nshoe-size 3\n",
		"missing feature": strings.Replace(full, "\ncoverage ", "\n# coverage ", 1),
		"not a number":    strings.Replace(full, "\nbias ", "\nbias x", 1),
		"three fields":    full + "\ngap 1 2\n",
	} {
		if _, err := parseModel(text); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// fitModel must recover a rule the examples follow: right exactly when
// coverage is high, whatever the noise in another feature.
func TestFitModelLearnsRule(t *testing.T) {
	var ex []Example
	for i := 0; i < 200; i++ {
		f := make(features, len(featureNames))
		cov := float64(i%20) / 19
		f.set("coverage", cov)
		f.set("gap", float64((i*7)%11)/10) // noise
		ex = append(ex, Example{Features: f, Right: cov > 0.6})
	}
	m := fitModel(ex, 0.01, 0.05)
	if w := m.weights[featureAt["coverage"]]; w <= 0 {
		t.Errorf("coverage weight %.3f, want > 0", w)
	}
	// Every right example is more probable than every wrong one.
	lowestRight, highestWrong := 1.0, 0.0
	for _, e := range ex {
		if p := m.prob(e.Features); e.Right {
			lowestRight = math.Min(lowestRight, p)
		} else {
			highestWrong = math.Max(highestWrong, p)
		}
	}
	if lowestRight <= highestWrong {
		t.Errorf("a wrong example (p = %.3f) is as probable as a right one (p = %.3f)", highestWrong, lowestRight)
	}
}

func TestThresholds(t *testing.T) {
	// The probability is the logistic of the coverage feature.
	m := model{weights: make([]float64, len(featureNames))}
	m.weights[featureAt["coverage"]] = 1
	example := func(z float64, right, noAnswer bool) Example {
		f := make(features, len(featureNames))
		f.set("coverage", z)
		return Example{Features: f, Right: right, NoAnswer: noAnswer}
	}
	// Best first: three right, one unanswerable, five right, one
	// answerable but ranked wrong, two unanswerable.
	var ex []Example
	for i := 0; i < 3; i++ {
		ex = append(ex, example(5-0.1*float64(i), true, false))
	}
	ex = append(ex, example(4, false, true))
	for i := 0; i < 5; i++ {
		ex = append(ex, example(3.5-0.1*float64(i), true, false))
	}
	ex = append(ex, example(2, false, false), example(1, false, true), example(0, false, true))
	suggest, answer := thresholds(m, ex, 0)
	// Each cut lies halfway between the last example answered and the next.
	halfway := func(i int) float64 { return (m.prob(ex[i].Features) + m.prob(ex[i+1].Features)) / 2 }
	if got, want := answer, halfway(2); got != want {
		t.Errorf("answer-at = %.4f, want %.4f (below the lowest with no wrong answer above)", got, want)
	}
	// Answering down to ex[8] gets 8 of the 9 answerable right and leaves
	// 2 of 3 unanswerable alone: 8/9 + 2/3, better than stopping at ex[2]
	// (3/9 + 1). Down to ex[9] scores the same, so the higher threshold
	// wins; further down only loses.
	if got, want := suggest, halfway(8); got != want {
		t.Errorf("suggest-at = %.4f, want %.4f (the best sum of right answers and right silences)", got, want)
	}
	// With nothing answerable, answering anything is wrong.
	if s, _ := thresholds(m, []Example{example(1, false, true), example(0, false, true)}, 0.05); s != 1 {
		t.Errorf("suggest-at with only unanswerable questions = %.4f, want 1", s)
	}
}

// A card holds the subject of a role asked when it lists it under the
// heading of its mandate's domains ("Portefeuille"), not anywhere else.
func TestHoldsComplementsUnderPortfolio(t *testing.T) {
	v := buildDir(t, "testdata/twee").view()
	ctx := context.Background()
	card := v.docs["zandhoven/schepen-financien.txt"]
	for _, tt := range []struct {
		question string
		want     bool
	}{
		{"welke schepen heeft markten onder zich in zandhoven", true},    // under "Portefeuille"
		{"wie is de schepen van evenementen in zandhoven", true},         // ibid., in a sentence
		{"wie is de schepen van gemeenteraadsleden in zandhoven", false}, // not on the card
	} {
		q := v.understand(ctx, tt.question)
		if got := v.holdsComplements(q, v.concepts(ctx, q), card); got != tt.want {
			t.Errorf("%q (complements %v): holds = %v, want %v", tt.question, q.complements, got, tt.want)
		}
	}
}

// A word no document has weighs against the answer only when the question
// asks it; the story a message tells around its question does not.
func TestOOVCountsOnlyTheQuestionsOwnWords(t *testing.T) {
	v := buildDir(t, "testdata/twee").view()
	ctx := context.Background()
	for _, tt := range []struct {
		question string
		oov      bool
	}{
		{"wie regelt de subsidies voor sportclubs en kwispeltaarten in Heibeek", true},
		{"Mijn buurman bakt kwispeltaarten en vraagt naar de subsidies voor sportclubs in Heibeek. Wie regelt dat?", false},
	} {
		q := v.understand(ctx, tt.question)
		_, _, f, err := v.candidates(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if got := f.get("oov") > 0; got != tt.oov {
			t.Errorf("%q: oov %.2f, want > 0: %v", tt.question, f.get("oov"), tt.oov)
		}
	}
}

// A role noun no document has is understood when the first answer holds a
// role about the same: it is neither out of the vocabulary nor missing.
func TestRoleNounUnderstoodByWhatItIsAbout(t *testing.T) {
	v := buildDir(t, "testdata/twee").view()
	ctx := context.Background()
	for _, tt := range []struct {
		question   string
		understood bool
	}{
		{"wie is de sportconsulent van heibeek", true},         // the sportfunctionaris
		{"wie is de stamboomconsulent van heibeek", true},      // "Archief en stamboomonderzoek: archivaris Jan Peeters"
		{"wie is de zwemconsulent van heibeek", false},         // nobody for swimming
		{"wie is de beleidsmedewerker sport in heibeek", true}, // the sportfunctionaris: about the question's other word
	} {
		q := v.understand(ctx, tt.question)
		_, ranked, f, err := v.candidates(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(ranked) > 0 && f.get("oov") == 0 && f.get("role-missing") == 0; got != tt.understood {
			t.Errorf("%q: oov %.2f, role missing %.0f; want understood: %v", tt.question, f.get("oov"), f.get("role-missing"), tt.understood)
		}
	}
}

// Asked who holds a role, a person's card or a function description that
// does not hold it is never the answer, whatever the model says: Johan
// Delanote chairs the beheerscomité of the woonzorgcentrum, he is not its
// directeur. Asked who handles something, the role may be what is handled.
func TestDecidePersonWithoutTheRole(t *testing.T) {
	sure := model{bias: 10, weights: make([]float64, len(featureNames)), suggestAt: 0.5, answerAt: 0.5}
	card := &knowledge.Document{Source: "r/johan.txt", Kind: knowledge.KindPerson, Name: "Johan Delanote"}
	page := &knowledge.Document{Source: "r/organogram.txt", Kind: knowledge.KindGeneric}
	f := make(features, len(featureNames))
	f.set("role-asked", 1)
	f.set("role-missing", 1)
	for _, tt := range []struct {
		shape knowledge.Shape
		top   *knowledge.Document
		want  knowledge.Outcome
	}{
		{knowledge.ShapeWhoIsRole, card, knowledge.NotFound},
		{knowledge.ShapeWhoIsRole, page, knowledge.Answered}, // a page may name the holder in its text
		{knowledge.ShapeWhoHandles, card, knowledge.Answered},
	} {
		q := question{shape: tt.shape, roles: []string{"directeur"}, org: "Ravelinge"}
		if got := decide(sure, q, []hit{{doc: tt.top, score: 1}}, f); got != tt.want {
			t.Errorf("%s, %s: %s, want %s", tt.shape, tt.top.Source, got, tt.want)
		}
	}
}
