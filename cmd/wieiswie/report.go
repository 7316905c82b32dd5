package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/wieiswie/wieiswie/store"
)

const reportUsage = `Usage: wieiswie report [--since 30d] [--json] [--knowledge DIR] [--env-file FILE]

Prints the editors' report from the store serve writes to (DATABASE_URL, else
DATA_DIR): questions not found, answers marked wrong, the most asked roles,
documents never shown and the problems in the knowledge (KNOWLEDGE_DIR or
--knowledge). --json prints one object whose shape the README documents.

Examples:
  wieiswie report                       (the last 30 days, as text)
  wieiswie report --since 2w --json > rapport.json

Flags:
`

// runReport is the report command. Exit codes: 0 printed, 1 the store
// could not be read, 2 bad flags or configuration.
func runReport(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	flags := flag.NewFlagSet("report", flag.ContinueOnError)
	flags.SetOutput(stderr)
	since := flags.String("since", "30d", "the period before now to report on: days (30d), weeks (2w) or a Go duration (12h)")
	asJSON := flags.Bool("json", false, "print JSON instead of text")
	dir := flags.String("knowledge", "", "knowledge folder (default: KNOWLEDGE_DIR, else the embedded documents)")
	cfg, _, code, done := readSettings(flags, args, reportUsage, stdout, stderr, getenv, nil)
	if done {
		return code
	}
	period, err := parsePeriod(*since)
	if err != nil {
		fmt.Fprintf(stderr, "wieiswie report: --since: %v\n", err)
		return 2
	}
	if *dir == "" {
		*dir = cfg.KnowledgeDir
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		fmt.Fprintf(stderr, "wieiswie report: %v\n", err)
		return 1
	}
	defer st.Close()
	docs, problems := loadKnowledge(ctx, *dir, "")
	k := store.Knowledge{Problems: problems}
	for _, d := range docs {
		k.Sources = append(k.Sources, d.Source)
	}
	now := time.Now()
	r, err := store.MakeReport(ctx, st, now.Add(-period), now.Add(time.Second), k)
	if err != nil {
		fmt.Fprintf(stderr, "wieiswie report: %v\n", err)
		return 1
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
			fmt.Fprintf(stderr, "wieiswie report: %v\n", err)
			return 1
		}
		return 0
	}
	writeReport(stdout, r)
	return 0
}

// parsePeriod reads 30d, 2w or a Go duration.
func parsePeriod(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	for suffix, unit := range map[string]time.Duration{"d": 24 * time.Hour, "w": 7 * 24 * time.Hour} {
		if n, ok := strings.CutSuffix(s, suffix); ok {
			v, err := strconv.Atoi(n)
			if err != nil || v <= 0 {
				return 0, fmt.Errorf("%q is not a number of days or weeks, e.g. 30d", s)
			}
			return time.Duration(v) * unit, nil
		}
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("%q is not a period, e.g. 30d, 2w or 12h", s)
	}
	return d, nil
}

// writeReport prints the report for people, in Dutch like the App Home.
func writeReport(w io.Writer, r store.Report) {
	day := func(t time.Time) string { return t.Local().Format("2006-01-02") }
	fmt.Fprintf(w, "wieiswie — rapport van %s tot %s\n", day(r.Since), day(r.Until))
	fmt.Fprintf(w, "%d vragen van %s: %d beantwoord, %d \"Bedoelde je …?\", %d niet gevonden, %d mislukt; %d× 👍, %d× 👎\n",
		r.Questions, store.People(r.Askers), r.Answered, r.Ambiguous, r.NotFound, r.Failed, r.ThumbsUp, len(r.MarkedWrong))
	section := func(title string, n int, empty string) bool {
		fmt.Fprintf(w, "\n%s\n", title)
		if n == 0 {
			fmt.Fprintf(w, "  (%s)\n", empty)
		}
		return n > 0
	}
	if section("Niet gevonden", len(r.Unanswered), "geen") {
		for _, u := range r.Unanswered {
			line := fmt.Sprintf("  %3d× %s", u.Count, u.Question)
			if u.Reported > 0 {
				line += fmt.Sprintf(" — %d× gemeld als ontbrekend", u.Reported)
			}
			if len(u.Examples) > 0 {
				line += " (ook: " + strings.Join(u.Examples, "; ") + ")"
			}
			fmt.Fprintln(w, line)
		}
	}
	if section("Als fout gemeld", len(r.MarkedWrong), "geen") {
		for _, m := range r.MarkedWrong {
			line := fmt.Sprintf("  %s  %q", day(m.At), m.Question)
			if m.Document != "" {
				line += " → " + m.Document
			}
			if t := store.ReasonText[m.Reason]; t != "" {
				line += " — " + t
			}
			if m.Comment != "" {
				line += fmt.Sprintf(": %q", m.Comment)
			}
			fmt.Fprintln(w, line)
		}
	}
	if section("Meest gevraagd", len(r.TopRoles), "nog geen vragen") {
		for _, c := range r.TopRoles {
			fmt.Fprintf(w, "  %3d× %s\n", c.Count, c.Role)
		}
	}
	if section("Documenten die nooit getoond werden", len(r.NeverShown), "geen") {
		for _, d := range r.NeverShown {
			fmt.Fprintf(w, "  %s\n", d)
		}
	}
	if section("Problemen in de documenten", len(r.Problems), "geen") {
		for _, p := range r.Problems {
			if p.Line > 0 {
				fmt.Fprintf(w, "  %s:%d: %s\n", p.File, p.Line, p.Message)
			} else {
				fmt.Fprintf(w, "  %s: %s\n", p.File, p.Message)
			}
		}
	}
}
