// Command wieiswie answers "who is who" questions about a local government:
// in a terminal (ask), over a questions file (eval), as a check of a
// knowledge folder (check), in Slack (serve), on a web page (web) and as the
// editors' report (report). This file only wires.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

const usage = `wieiswie — wie is wie in je gemeente

Usage:
  wieiswie ask   [--knowledge DIR] [--index DIR] [--json] [--top N] [QUESTION]
  wieiswie check [--knowledge DIR] [--json] [--strict]
  wieiswie eval  [--knowledge DIR] --questions FILE[,FILE] [--folds [--fit MODEL]] [--json]
  wieiswie serve [--env-file FILE]   (configured by the environment or .env; see README)
  wieiswie web   [--env-file FILE]   (the who-is-who web page alone, without Slack)
  wieiswie report [--since 30d] [--json]   (the editors' report from the store)
  wieiswie gen   --out DIR --docs N [--seed S]   (a realistic test corpus)
  wieiswie healthcheck [--url URL]   (for Docker's HEALTHCHECK)
  wieiswie version                   (also --version)

Without --knowledge the embedded example documents are used.
'wieiswie COMMAND --help' shows a command's flags and examples.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}

// run is main without the process around it, so tests can call it.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "ask":
		return runAsk(ctx, args[1:], stdin, stdout, stderr)
	case "check":
		return runCheck(args[1:], stdout, stderr)
	case "eval":
		return runEval(ctx, args[1:], stdout, stderr)
	case "gen":
		return runGen(args[1:], stdout, stderr)
	case "report":
		return runReport(ctx, args[1:], stdout, stderr, getenv)
	case "serve":
		return runServe(ctx, args[1:], stdout, stderr, getenv, openIndex)
	case "healthcheck":
		return runHealthcheck(ctx, args[1:], stdout, stderr, getenv)
	case "version", "--version", "-version":
		return runVersion(stdout)
	case "web":
		return runWeb(ctx, args[1:], stdout, stderr, getenv, openIndex)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "wieiswie: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
}
