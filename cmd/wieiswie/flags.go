package main

import (
	"flag"
	"fmt"
	"io"
	"slices"
)

// parseFlags parses a subcommand's arguments, with its flags anywhere:
// `ask "wie is de burgemeester" --json` is the same as putting --json
// first; after "--" everything is an argument. -h or --help prints help
// (what the command does, its examples, its flags) on stdout. done says the
// command should stop and exit with code: 0 after help, 2 on a bad flag
// (the flag package has written why on the flag set's output).
func parseFlags(fs *flag.FlagSet, args []string, help string, stdout io.Writer) (positional []string, code int, done bool) {
	end := slices.Index(args, "--")
	if end < 0 {
		end = len(args)
	}
	for _, a := range args[:end] {
		if a == "-h" || a == "-help" || a == "--help" {
			fmt.Fprint(stdout, help)
			out := fs.Output()
			fs.SetOutput(stdout)
			fs.PrintDefaults()
			fs.SetOutput(out)
			return nil, 0, true
		}
	}
	fs.Usage = func() { fmt.Fprintf(fs.Output(), "Run 'wieiswie %s --help' for its flags and examples.\n", fs.Name()) }
	for {
		if err := fs.Parse(args); err != nil {
			return nil, 2, true
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, 0, false
		}
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(positional, rest...), 0, false
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

const askHelp = `Usage: wieiswie ask [flags] [QUESTION]

Answers QUESTION, or every line of standard input, from the knowledge
folder (default: the embedded example documents). Flags may come before or
after the question.

Examples:
  wieiswie ask "wie is de algemeen directeur"
  wieiswie ask --knowledge ./kennis "wie behandelt klachten?" --json
  printf 'wie is de burgemeester\n' | wieiswie ask --knowledge ./kennis --json

Flags:
`

const checkHelp = `Usage: wieiswie check [flags]

Lists what was recognised in each document of the knowledge folder, then
every problem with its file and line; exits 1 when a document could not be
read at all, or with --strict on any problem.

Examples:
  wieiswie check --knowledge ./kennis
  wieiswie check --knowledge ./kennis --json > kennis.json
  wieiswie check --knowledge ./kennis --strict   (for a pre-commit hook)
  wieiswie check                        (the embedded example documents)

Flags:
`

const evalHelp = `Usage: wieiswie eval [flags]

Scores the answers to a questions file (JSONL) against the expected ones.

Examples:
  wieiswie eval --knowledge ../shared/sample/corpus --questions ../shared/sample/questions.jsonl
  wieiswie eval --knowledge a,b --questions a.jsonl,b.jsonl --folds --json

Flags:
`

const genHelp = `Usage: wieiswie gen --out DIR [flags]

Writes a realistic test corpus: DIR/corpus is the knowledge folder,
DIR/questions.jsonl the questions about it.

Examples:
  wieiswie gen --out /tmp/corpus --docs 1000
  wieiswie gen --out /tmp/big --docs 100000 --seed 7

Flags:
`

const healthcheckHelp = `Usage: wieiswie healthcheck [flags]

Asks a running 'wieiswie serve' whether it is alive (GET /healthz on
LISTEN_ADDR, or --url): exit 0 when it is, 1 when not. For Docker's
HEALTHCHECK, where the distroless image has no curl.

Examples:
  wieiswie healthcheck
  wieiswie healthcheck --url http://127.0.0.1:8080/readyz

Flags:
`
