package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/wieiswie/wieiswie/internal/corpusgen"
)

// runGen writes a synthetic knowledge base with its questions, for
// benchmarks and for answer-quality checks at sizes no customer has sent:
//
//	wieiswie gen --out DIR --docs N [--seed S]
//
// DIR/corpus is the knowledge folder, DIR/questions.jsonl the questions
// (wieiswie eval --knowledge DIR/corpus --questions DIR/questions.jsonl).
func runGen(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "folder to write into (must not exist or be empty)")
	docs := fs.Int("docs", 1000, fmt.Sprintf("number of documents (at least %d)", corpusgen.MinTownDocs))
	seed := fs.Int64("seed", 1, "seed; the same seed and --docs give the same files")
	rest, code, done := parseFlags(fs, args, genHelp, stdout)
	if done {
		return code
	}
	if *out == "" || len(rest) > 0 {
		fmt.Fprintln(stderr, "usage: wieiswie gen --out DIR --docs N [--seed S]")
		return 2
	}
	start := time.Now()
	m, err := corpusgen.Generate(*out, *docs, *seed)
	if err != nil {
		fmt.Fprintf(stderr, "wieiswie gen: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "%d documents in %d municipalities, %d questions (seed %d) in %.1fs\n",
		m.Docs, len(m.Municipalities), len(m.Generated), m.Seed, time.Since(start).Seconds())
	for _, f := range []corpusgen.Format{corpusgen.FormatPersonCard, corpusgen.FormatFunction, corpusgen.FormatMarkdownPerson, corpusgen.FormatMarkdownService} {
		fmt.Fprintf(stdout, "  %-22s %d\n", f, m.Counts[f])
	}
	fmt.Fprintf(stdout, "knowledge  %s\nquestions  %s\n", filepath.Join(*out, m.Corpus), filepath.Join(*out, m.Questions))
	return 0
}
