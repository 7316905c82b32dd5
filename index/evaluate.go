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

	"github.com/wieiswie/wieiswie/knowledge"
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
	Answerable    int     `json:"answerable"`
	Top1          int     `json:"top1"`
	Top1Accuracy  float64 `json:"top1_accuracy"`
	NoAnswer      int     `json:"no_answer"`
	NoAnswerRight int     `json:"no_answer_right"`
	NoAnswerRate  float64 `json:"no_answer_accuracy"`
	// Answered is how many questions got a first answer; AnsweredWrong how
	// many of those it was wrong for (a wrong person, or an answer to an
	// unanswerable question); WrongRate their ratio.
	Answered      int                `json:"answered"`
	AnsweredWrong int                `json:"answered_wrong"`
	WrongRate     float64            `json:"answered_wrong_rate"`
	MRR5          float64            `json:"mrr5"`
	PerKind       map[string]float64 `json:"per_kind"`
	PerTown       map[string]float64 `json:"per_town"`
	// Margin is the mean score gap between the first and second answer,
	// over the questions answered right and over those answered wrong.
	MarginRight float64    `json:"margin_right"`
	MarginWrong float64    `json:"margin_wrong"`
	Misses      []EvalMiss `json:"misses"`
}

// EvalMiss is a question answered wrongly.
type EvalMiss struct {
	ID       string   `json:"id"`
	Kind     string   `json:"kind"`
	Town     string   `json:"town"`
	Question string   `json:"question"`
	Expected []string `json:"expected"`
	Got      string   `json:"got"`              // "" when the bot gave no answer
	Ranked   string   `json:"ranked,omitempty"` // the first candidate, also when not given
}

// evalCase is one question ranked but not yet decided: what the
// answerability model needs, so that folds can refit it without asking again.
type evalCase struct {
	q       EvalQuestion
	town    string
	ranked  []string // the first five candidates' sources
	gap     float64
	rankOK  bool // the first candidate is an expected document
	feats   features
	outcome func(model) knowledge.Outcome
}

// collect ranks every question.
func collect(ctx context.Context, ix *Index, qs []EvalQuestion) ([]evalCase, error) {
	v := ix.view()
	towns := map[string]bool{}
	for _, d := range v.docs {
		if i := strings.IndexByte(d.Source, '/'); i > 0 {
			towns[d.Source[:i]] = true
		}
	}
	var out []evalCase
	for _, eq := range qs {
		q := v.understand(ctx, cleanQuestion(eq.Question))
		_, ranked, f, err := v.candidates(ctx, q)
		if err != nil {
			return nil, err
		}
		c := evalCase{q: eq, town: townOf(eq, q, towns), feats: f}
		for i, h := range ranked {
			if i == 5 {
				break
			}
			c.ranked = append(c.ranked, h.doc.Source)
		}
		if len(ranked) > 0 {
			c.rankOK = contains(eq.Expect, ranked[0].doc.Source)
			c.gap = f.get("gap")
		}
		c.outcome = func(m model) knowledge.Outcome { return decide(m, q, ranked, f) }
		out = append(out, c)
	}
	return out, nil
}

// townOf says which town a question is about, for leave-one-town-out: the
// folder of its expected documents, else a town folder it names.
func townOf(eq EvalQuestion, q question, towns map[string]bool) string {
	for _, e := range eq.Expect {
		if i := strings.IndexByte(e, '/'); i > 0 {
			return e[:i]
		}
	}
	if t := strings.ReplaceAll(knowledge.Fold(q.org), " ", "-"); towns[t] {
		return t
	}
	for _, w := range strings.Fields(knowledge.Fold(eq.Question)) {
		if towns[w] {
			return w
		}
	}
	return ""
}

// Evaluate asks every question (with five answers, for MRR@5) and scores the
// first answer against what was expected, with the shipped model.
func Evaluate(ctx context.Context, ix *Index, qs []EvalQuestion) (EvalReport, error) {
	cases, err := collect(ctx, ix, qs)
	if err != nil {
		return EvalReport{}, err
	}
	return score(cases, shippedModel), nil
}

// score reports how m decides cases.
func score(cases []evalCase, m model) EvalReport {
	rep := EvalReport{PerKind: map[string]float64{}, PerTown: map[string]float64{}}
	kindN, kindOK := map[string]int{}, map[string]int{}
	townN, townOK := map[string]int{}, map[string]int{}
	var rr, marginRight, marginWrong float64
	for _, c := range cases {
		q := c.q
		got := ""
		if c.outcome(m) != knowledge.NotFound && len(c.ranked) > 0 {
			got = c.ranked[0]
		}
		ok := false
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
			for i, src := range c.ranked {
				if contains(q.Expect, src) {
					rr += 1 / float64(i+1)
					break
				}
			}
		}
		if got != "" {
			rep.Answered++
			if ok {
				marginRight += c.gap
			} else {
				rep.AnsweredWrong++
				marginWrong += c.gap
			}
		}
		kindN[q.Kind]++
		townN[c.town]++
		if ok {
			kindOK[q.Kind]++
			townOK[c.town]++
		} else {
			miss := EvalMiss{ID: q.ID, Kind: q.Kind, Town: c.town, Question: q.Question, Expected: q.Expect, Got: got}
			if len(c.ranked) > 0 && got == "" {
				miss.Ranked = c.ranked[0]
			}
			rep.Misses = append(rep.Misses, miss)
		}
	}
	rep.Top1Accuracy = ratio(rep.Top1, rep.Answerable)
	rep.NoAnswerRate = ratio(rep.NoAnswerRight, rep.NoAnswer)
	rep.WrongRate = 1 - ratio(rep.Answered-rep.AnsweredWrong, rep.Answered)
	if rep.Answerable > 0 {
		rep.MRR5 = rr / float64(rep.Answerable)
	}
	if n := rep.Answered - rep.AnsweredWrong; n > 0 {
		rep.MarginRight = marginRight / float64(n)
	}
	if rep.AnsweredWrong > 0 {
		rep.MarginWrong = marginWrong / float64(rep.AnsweredWrong)
	}
	for k, n := range kindN {
		rep.PerKind[k] = ratio(kindOK[k], n)
	}
	for t, n := range townN {
		if t != "" {
			rep.PerTown[t] = ratio(townOK[t], n)
		}
	}
	return rep
}

// examples turns cases into training examples: answering is right when the
// question is answerable and the first candidate is an expected document.
func examples(cases []evalCase) []Example {
	out := make([]Example, 0, len(cases))
	for _, c := range cases {
		if c.feats == nil {
			continue // nothing to answer with: no decision to learn
		}
		out = append(out, Example{Features: c.feats, Right: len(c.q.Expect) > 0 && c.rankOK, NoAnswer: len(c.q.Expect) == 0})
	}
	return out
}

// Fitting settings: the L2 penalty keeps weights small where the examples
// separate; at most MaxWrong of the answers given above answerAt are wrong.
const (
	fitL2    = 1.0
	MaxWrong = 0.05
)

// Fold is one town left out: the model fitted on the other towns and how it
// scores the town left out.
type Fold struct {
	Town   string     `json:"town"`
	Report EvalReport `json:"report"`
}

// FoldReport is a leave-one-town-out evaluation: every fold, the questions of
// all folds scored by their own fold's model together, and the model fitted
// on every town, which is what ships.
type FoldReport struct {
	Folds    []Fold     `json:"folds"`
	Combined EvalReport `json:"combined"`
	model    model
}

// EvalSet is a knowledge base and questions about it.
type EvalSet struct {
	Index     *Index
	Questions []EvalQuestion
}

// EvaluateFolds fits the answerability model leave-one-town-out: for each
// town, on the questions of the others, scored on that town's. The sets may
// hold different knowledge bases (the development set and the sample);
// every town of each is a fold.
func EvaluateFolds(ctx context.Context, sets ...EvalSet) (FoldReport, error) {
	var cases []evalCase
	for _, set := range sets {
		c, err := collect(ctx, set.Index, set.Questions)
		if err != nil {
			return FoldReport{}, err
		}
		cases = append(cases, c...)
	}
	var towns []string
	seen := map[string]bool{}
	for _, c := range cases {
		if c.town != "" && !seen[c.town] {
			seen[c.town] = true
			towns = append(towns, c.town)
		}
	}
	sort.Strings(towns)
	// A question that names no town (a role every town has, an English
	// question about none) still belongs to one fold, so it is scored by a
	// model that did not see it: spread them over the folds in order.
	k := 0
	for i := range cases {
		if cases[i].town == "" && len(towns) > 0 {
			cases[i].town = towns[k%len(towns)]
			k++
		}
	}
	var rep FoldReport
	var held []evalCase
	var heldModels []model
	for _, t := range towns {
		var train, test []evalCase
		for _, c := range cases {
			if c.town == t {
				test = append(test, c)
			} else {
				train = append(train, c)
			}
		}
		m := fitModel(examples(train), fitL2, MaxWrong)
		rep.Folds = append(rep.Folds, Fold{Town: t, Report: score(test, m)})
		for _, c := range test {
			held = append(held, c)
			heldModels = append(heldModels, m)
		}
	}
	// Combined: each question decided by the model of its own fold.
	combined := make([]evalCase, len(held))
	for i, c := range held {
		m := heldModels[i]
		decideWith := c.outcome
		c.outcome = func(model) knowledge.Outcome { return decideWith(m) }
		combined[i] = c
	}
	rep.Combined = score(combined, model{})
	rep.model = fitModel(examples(cases), fitL2, MaxWrong)
	return rep, nil
}

// ModelFile is the answerability model fitted on every question, in the
// format of data/answerability.txt, with the fold scores as its evidence.
func (r FoldReport) ModelFile(sources []string) string {
	var h strings.Builder
	fmt.Fprintf(&h, "Answerability model: logistic regression over the features in\n")
	fmt.Fprintf(&h, "index/answerability.go, fitted by `wieiswie eval --fit` on\n")
	for _, s := range sources {
		fmt.Fprintf(&h, "  %s\n", s)
	}
	fmt.Fprintf(&h, "L2 penalty %.2f; answer-at allows %.0f%% wrong answers among those given.\n", fitL2, 100*MaxWrong)
	fmt.Fprintf(&h, "Evidence, leave-one-town-out (each town scored by a model fitted without it):\n")
	for _, f := range r.Folds {
		fmt.Fprintf(&h, "  %-14s top-1 %5.1f%%  no-answer %5.1f%%  answered wrong %4.1f%%\n", f.Town, 100*f.Report.Top1Accuracy, 100*f.Report.NoAnswerRate, 100*f.Report.WrongRate)
	}
	fmt.Fprintf(&h, "  %-14s top-1 %5.1f%%  no-answer %5.1f%%  answered wrong %4.1f%%\n", "all folds", 100*r.Combined.Top1Accuracy, 100*r.Combined.NoAnswerRate, 100*r.Combined.WrongRate)
	return r.model.format(h.String())
}

// Kinds returns the kinds of the report, sorted.
func (r EvalReport) Kinds() []string { return sortedKeys(r.PerKind) }

// Towns returns the towns of the report, sorted.
func (r EvalReport) Towns() []string { return sortedKeys(r.PerTown) }

func sortedKeys(m map[string]float64) []string {
	out := make([]string, 0, len(m))
	for k := range m {
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
