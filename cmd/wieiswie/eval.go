package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/wieiswie/wieiswie/index"
)

func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dirs := fs.String("knowledge", "", "knowledge folder (default: the embedded documents); with --folds several, comma-separated, one for each questions file")
	questions := fs.String("questions", "", "questions files, comma-separated (JSONL: id, question, expect, expect_name, kind)")
	asJSON := fs.Bool("json", false, "write the report as JSON")
	folds := fs.Bool("folds", false, "leave-one-town-out: score each town with an answerability model fitted on the others")
	fit := fs.String("fit", "", "with --folds: write the answerability model fitted on every question to this file (index/data/answerability.txt)")
	if _, code, done := parseFlags(fs, args, evalHelp, stdout); done {
		return code
	}
	if *questions == "" {
		fmt.Fprintln(stderr, "wieiswie eval: --questions is required")
		return 2
	}
	if *fit != "" && !*folds {
		fmt.Fprintln(stderr, "wieiswie eval: --fit goes with --folds")
		return 2
	}
	files := strings.Split(*questions, ",")
	knowledge := strings.Split(*dirs, ",")
	if len(knowledge) != 1 && len(knowledge) != len(files) {
		fmt.Fprintln(stderr, "wieiswie eval: give one --knowledge folder, or one for each questions file")
		return 2
	}
	// One index for each knowledge folder, with the questions about it.
	var sets []index.EvalSet
	setOf := map[string]int{}
	for i, name := range files {
		dir := knowledge[min(i, len(knowledge)-1)]
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintf(stderr, "wieiswie eval: %v\n", err)
			return 1
		}
		qs, err := index.ReadEvalQuestions(f, filepath.Dir(name), dir)
		f.Close()
		if err != nil {
			fmt.Fprintf(stderr, "wieiswie eval: %s: %v\n", name, err)
			return 1
		}
		j, ok := setOf[dir]
		if !ok {
			ix, _, err := buildIndex(ctx, dir, "", stderr)
			if err != nil {
				fmt.Fprintf(stderr, "wieiswie eval: %v\n", err)
				return 1
			}
			defer ix.Close()
			j = len(sets)
			setOf[dir] = j
			sets = append(sets, index.EvalSet{Index: ix})
		}
		sets[j].Questions = append(sets[j].Questions, qs...)
	}
	if *folds {
		rep, err := index.EvaluateFolds(ctx, sets...)
		if err != nil {
			fmt.Fprintf(stderr, "wieiswie eval: %v\n", err)
			return 1
		}
		if *fit != "" {
			var sources []string
			for _, f := range files {
				sources = append(sources, filepath.Base(filepath.Dir(f))+"/"+filepath.Base(f))
			}
			if err := os.WriteFile(*fit, []byte(rep.ModelFile(sources)), 0o644); err != nil {
				fmt.Fprintf(stderr, "wieiswie eval: %v\n", err)
				return 1
			}
		}
		if *asJSON {
			return writeJSON(stdout, rep)
		}
		for _, f := range rep.Folds {
			fmt.Fprintf(stdout, "== %s (model fitted without it)\n", f.Town)
			printReport(stdout, f.Report, false)
			fmt.Fprintln(stdout)
		}
		fmt.Fprintln(stdout, "== all folds")
		printReport(stdout, rep.Combined, true)
		return 0
	}
	if len(sets) > 1 {
		fmt.Fprintln(stderr, "wieiswie eval: several knowledge folders go with --folds")
		return 2
	}
	rep, err := index.Evaluate(ctx, sets[0].Index, sets[0].Questions)
	if err != nil {
		fmt.Fprintf(stderr, "wieiswie eval: %v\n", err)
		return 1
	}
	if *asJSON {
		return writeJSON(stdout, rep)
	}
	printReport(stdout, rep, true)
	return 0
}

func writeJSON(w io.Writer, v any) int {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return 1
	}
	return 0
}

// printReport writes a report for people: the misses (with misses), then
// the figures per kind and per town, and the totals.
func printReport(w io.Writer, rep index.EvalReport, misses bool) {
	if misses && len(rep.Misses) > 0 {
		fmt.Fprintln(w, "Misses:")
		for _, m := range rep.Misses {
			got := m.Got
			if got == "" {
				got = "(no answer)"
				if m.Ranked != "" {
					got += "; first candidate " + m.Ranked
				}
			}
			want := strings.Join(m.Expected, " | ")
			if want == "" {
				want = "(no answer)"
			}
			fmt.Fprintf(w, "  %s [%s] %s\n      expected %s\n      got      %s\n", m.ID, m.Kind, m.Question, want, got)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w, "Per kind:")
	for _, k := range rep.Kinds() {
		fmt.Fprintf(w, "  %-18s %5.1f%%\n", k, 100*rep.PerKind[k])
	}
	if towns := rep.Towns(); len(towns) > 1 {
		fmt.Fprintln(w, "Per town:")
		for _, t := range towns {
			fmt.Fprintf(w, "  %-18s %5.1f%%\n", t, 100*rep.PerTown[t])
		}
	}
	fmt.Fprintf(w, "top-1 accuracy     %5.1f%% (%d/%d)\n", 100*rep.Top1Accuracy, rep.Top1, rep.Answerable)
	fmt.Fprintf(w, "no-answer accuracy %5.1f%% (%d/%d)\n", 100*rep.NoAnswerRate, rep.NoAnswerRight, rep.NoAnswer)
	fmt.Fprintf(w, "answered wrong     %5.1f%% (%d/%d)\n", 100*rep.WrongRate, rep.AnsweredWrong, rep.Answered)
	fmt.Fprintf(w, "margin 1st-2nd     %.3f when right, %.3f when wrong\n", rep.MarginRight, rep.MarginWrong)
	fmt.Fprintf(w, "MRR@5              %.3f\n", rep.MRR5)
}
