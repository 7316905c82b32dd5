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
	dir := fs.String("knowledge", "", "knowledge folder (default: the embedded documents)")
	questions := fs.String("questions", "", "questions file (JSONL: id, question, expect, expect_name, kind)")
	asJSON := fs.Bool("json", false, "write the report as JSON")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *questions == "" {
		fmt.Fprintln(stderr, "wieiswie eval: --questions is required")
		return 2
	}
	f, err := os.Open(*questions)
	if err != nil {
		fmt.Fprintf(stderr, "wieiswie eval: %v\n", err)
		return 1
	}
	defer f.Close()
	qs, err := index.ReadEvalQuestions(f, filepath.Dir(*questions), *dir)
	if err != nil {
		fmt.Fprintf(stderr, "wieiswie eval: %s: %v\n", *questions, err)
		return 1
	}
	ix, _, err := buildIndex(ctx, *dir, "", stderr)
	if err != nil {
		fmt.Fprintf(stderr, "wieiswie eval: %v\n", err)
		return 1
	}
	defer ix.Close()
	rep, err := index.Evaluate(ctx, ix, qs)
	if err != nil {
		fmt.Fprintf(stderr, "wieiswie eval: %v\n", err)
		return 1
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return 1
		}
		return 0
	}
	if len(rep.Misses) > 0 {
		fmt.Fprintln(stdout, "Misses:")
		for _, m := range rep.Misses {
			got := m.Got
			if got == "" {
				got = "(no answer)"
			}
			want := strings.Join(m.Expected, " | ")
			if want == "" {
				want = "(no answer)"
			}
			fmt.Fprintf(stdout, "  %s [%s] %s\n      expected %s\n      got      %s\n", m.ID, m.Kind, m.Question, want, got)
		}
		fmt.Fprintln(stdout)
	}
	fmt.Fprintln(stdout, "Per kind:")
	for _, k := range rep.Kinds() {
		fmt.Fprintf(stdout, "  %-18s %5.1f%%\n", k, 100*rep.PerKind[k])
	}
	fmt.Fprintf(stdout, "top-1 accuracy     %5.1f%% (%d/%d)\n", 100*rep.Top1Accuracy, rep.Top1, rep.Answerable)
	fmt.Fprintf(stdout, "no-answer accuracy %5.1f%% (%d/%d)\n", 100*rep.NoAnswerRate, rep.NoAnswerRight, rep.NoAnswer)
	fmt.Fprintf(stdout, "MRR@5              %.3f\n", rep.MRR5)
	return 0
}
