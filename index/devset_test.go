package index

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/wieiswie/wieiswie/knowledge"
)

// devsetDir is the development set, in the shared folder beside the
// repository (see DEVELOPERS.md); CI has a copy there too.
const devsetDir = "../../shared/devset"

// devsetFolds evaluates the development set and the sample leave-one-town-out.
func devsetFolds(t *testing.T) FoldReport {
	t.Helper()
	if _, err := os.Stat(devsetDir); err != nil {
		t.Skipf("no development set at %s: %v", devsetDir, err)
	}
	load := func(dir string, files ...string) EvalSet {
		docs, _ := knowledge.Load(context.Background(), filepath.Join(dir, "corpus"), knowledge.Options{})
		ix, err := Build(context.Background(), docs, Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { ix.Close() })
		set := EvalSet{Index: ix}
		for _, name := range files {
			f, err := os.Open(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			qs, err := ReadEvalQuestions(f, dir, filepath.Join(dir, "corpus"))
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
			set.Questions = append(set.Questions, qs...)
		}
		return set
	}
	rep, err := EvaluateFolds(context.Background(),
		load(devsetDir, "questions.jsonl", "messages.jsonl"),
		load("../knowledge/testdata/sample", "questions.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// The development set, every town scored by a model fitted without it, must
// not fall below what the bot reaches today (see the README's figures); a
// change that loses answers fails here.
func TestDevsetFolds(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: builds two indexes and asks 400 questions")
	}
	rep := devsetFolds(t)
	c := rep.Combined
	for _, f := range rep.Folds {
		t.Logf("%-14s top-1 %.3f  no-answer %.3f  answered wrong %.3f", f.Town, f.Report.Top1Accuracy, f.Report.NoAnswerRate, f.Report.WrongRate)
	}
	t.Logf("all folds      top-1 %.3f  no-answer %.3f  answered wrong %.3f", c.Top1Accuracy, c.NoAnswerRate, c.WrongRate)
	for _, floor := range []struct {
		name      string
		got, want float64
	}{
		{"top-1", c.Top1Accuracy, 0.94},
		{"no-answer", c.NoAnswerRate, 0.88},
		{"1 - answered wrong", 1 - c.WrongRate, 0.95},
	} {
		if floor.got < floor.want {
			t.Errorf("%s %.3f, want ≥ %.2f", floor.name, floor.got, floor.want)
		}
	}
	for _, f := range rep.Folds {
		if f.Report.Top1Accuracy < 0.90 {
			t.Errorf("fold %s: top-1 %.3f, want ≥ 0.90", f.Town, f.Report.Top1Accuracy)
		}
	}
}

// The shipped model is the one fitted on every question: nobody tunes its
// numbers by hand. Run `wieiswie eval --folds --fit index/data/answerability.txt`
// (see README) after a change to ranking or features.
func TestShippedModelIsFitted(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: builds two indexes and asks 400 questions")
	}
	fitted := devsetFolds(t).model
	for i, n := range featureNames {
		if d := math.Abs(fitted.weights[i] - shippedModel.weights[i]); d > 0.01 {
			t.Errorf("%s: shipped %.4f, fitted %.4f", n, shippedModel.weights[i], fitted.weights[i])
		}
	}
	if d := math.Abs(fitted.bias - shippedModel.bias); d > 0.01 {
		t.Errorf("bias: shipped %.4f, fitted %.4f", shippedModel.bias, fitted.bias)
	}
	if math.Abs(fitted.suggestAt-shippedModel.suggestAt) > 0.01 || math.Abs(fitted.answerAt-shippedModel.answerAt) > 0.01 {
		t.Errorf("thresholds: shipped %.4f/%.4f, fitted %.4f/%.4f", shippedModel.suggestAt, shippedModel.answerAt, fitted.suggestAt, fitted.answerAt)
	}
}
