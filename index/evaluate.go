package index

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
)

// EvalQuestion is one line of a questions file (the JSONL shape of
// shared/sample/questions.jsonl).
type EvalQuestion struct {
	ID         string   `json:"id"`
	Question   string   `json:"question"`
	Expect     []string `json:"expect"` // acceptable top documents; empty: no answer expected
	ExpectName *string  `json:"expect_name"`
	Kind       string   `json:"kind"`
}

// ReadEvalQuestions reads a questions file. Expected paths are relative to
// the file's folder; they are rewritten relative to knowledgeDir so they
// compare with Answer.Source.
func ReadEvalQuestions(r io.Reader, questionsDir, knowledgeDir string) ([]EvalQuestion, error) {
	var out []EvalQuestion
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var q EvalQuestion
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		for i, e := range q.Expect {
			abs, err := filepath.Abs(filepath.Join(questionsDir, filepath.FromSlash(e)))
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", line, err)
			}
			kd, err := filepath.Abs(knowledgeDir)
			if err != nil {
				return nil, err
			}
			rel, err := filepath.Rel(kd, abs)
			if err != nil {
				return nil, fmt.Errorf("line %d: expected %s is not in the knowledge folder: %w", line, e, err)
			}
			q.Expect[i] = filepath.ToSlash(rel)
		}
		out = append(out, q)
	}
	return out, sc.Err()
}

// EvalReport is how well the index answers a questions file.
type EvalReport struct {
	Answerable    int                `json:"answerable"`
	Top1          int                `json:"top1"`
	Top1Accuracy  float64            `json:"top1_accuracy"`
	NoAnswer      int                `json:"no_answer"`
	NoAnswerRight int                `json:"no_answer_right"`
	NoAnswerRate  float64            `json:"no_answer_accuracy"`
	MRR5          float64            `json:"mrr5"`
	PerKind       map[string]float64 `json:"per_kind"`
	Misses        []EvalMiss         `json:"misses"`
}

// EvalMiss is a question answered wrongly.
type EvalMiss struct {
	ID       string   `json:"id"`
	Kind     string   `json:"kind"`
	Question string   `json:"question"`
	Expected []string `json:"expected"`
	Got      string   `json:"got"` // "" when the bot gave no answer
}

// Evaluate asks every question (with five answers, for MRR@5) and scores the
// first answer against what was expected.
func Evaluate(ctx context.Context, ix *Index, qs []EvalQuestion) (EvalReport, error) {
	rep := EvalReport{PerKind: map[string]float64{}}
	kindN, kindOK := map[string]int{}, map[string]int{}
	var rr float64
	for _, q := range qs {
		res, err := ix.Ask(ctx, q.Question, 5)
		if err != nil {
			return rep, err
		}
		got := ""
		if len(res.Answers) > 0 {
			got = res.Answers[0].Source
		}
		ok := false
		kindN[q.Kind]++
		if len(q.Expect) == 0 {
			rep.NoAnswer++
			ok = got == ""
			if ok {
				rep.NoAnswerRight++
			}
		} else {
			rep.Answerable++
			ok = contains(q.Expect, got)
			if ok {
				rep.Top1++
			}
			for i, a := range res.Answers {
				if contains(q.Expect, a.Source) {
					rr += 1 / float64(i+1)
					break
				}
			}
		}
		if ok {
			kindOK[q.Kind]++
		} else {
			rep.Misses = append(rep.Misses, EvalMiss{ID: q.ID, Kind: q.Kind, Question: q.Question, Expected: q.Expect, Got: got})
		}
	}
	rep.Top1Accuracy = ratio(rep.Top1, rep.Answerable)
	rep.NoAnswerRate = ratio(rep.NoAnswerRight, rep.NoAnswer)
	if rep.Answerable > 0 {
		rep.MRR5 = rr / float64(rep.Answerable)
	}
	for k, n := range kindN {
		rep.PerKind[k] = ratio(kindOK[k], n)
	}
	return rep, nil
}

// Kinds returns the kinds of the report, sorted.
func (r EvalReport) Kinds() []string {
	var out []string
	for k := range r.PerKind {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func contains(list []string, s string) bool {
	for _, o := range list {
		if o == s {
			return true
		}
	}
	return false
}
