package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// runCheck lists what was recognised in each document, then every problem;
// it fails when a document could not be read at all.
func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("knowledge", "", "knowledge folder (default: the embedded documents)")
	if _, code, done := parseFlags(fs, args, checkHelp, stdout); done {
		return code
	}
	docs, problems := loadKnowledge(*dir, "")
	for _, d := range docs {
		fmt.Fprintf(stdout, "%s\n", d.Source)
		row := func(label, value string) {
			if value != "" {
				fmt.Fprintf(stdout, "  %-13s %s\n", label, value)
			}
		}
		row("type", string(d.Kind))
		row("title", d.Title)
		row("organisation", d.Organisation)
		row("name", d.Name)
		row("role", d.Role)
		for _, f := range d.Functions {
			row("function", f.Title+" — "+f.Body)
		}
		row("phone", strings.Join(d.Contact.Phones, ", "))
		row("e-mail", strings.Join(d.Contact.Emails, ", "))
		row("address", d.Contact.Address)
		row("website", d.Contact.Website)
		row("aliases", strings.Join(d.Aliases, ", "))
		row("held by", strings.Join(d.Holders, ", "))
		row("named at", strings.Join(d.HolderMentions, ", "))
		for _, m := range d.People {
			v := m.Name
			if len(m.Titles) > 0 {
				v += " — " + strings.Join(m.Titles, ", ")
			}
			if m.Topic != "" {
				v += " — voor: " + m.Topic
			}
			row("names", fmt.Sprintf("%s (line %d)", v, m.Line))
		}
		row("passages", fmt.Sprint(len(d.Passages)))
	}
	fmt.Fprintf(stdout, "\n%d documents, %d problems\n", len(docs), len(problems))
	failed := false
	for _, p := range problems {
		fmt.Fprintf(stdout, "%s\n", p)
		failed = failed || p.Skipped
	}
	if failed {
		return 1
	}
	return 0
}
