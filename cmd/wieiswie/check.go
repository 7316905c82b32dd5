package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/wieiswie/wieiswie/knowledge"
)

// runCheck lists what was recognised in each document, then every problem,
// in Dutch (the people who keep the documents read it) or, with --json, as
// one JSON object for tools. It fails when a document could not be read
// at all, and with --strict on any problem: an editors' CI or a pre-commit
// hook wants a folder without any.
func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("knowledge", "", "knowledge folder (default: the embedded documents)")
	asJSON := fs.Bool("json", false, `write one JSON object {"documents": [...], "problems": [...]}`)
	strict := fs.Bool("strict", false, "exit 1 on any problem, not only on unreadable documents")
	if _, code, done := parseFlags(fs, args, checkHelp, stdout); done {
		return code
	}
	docs, problems := loadKnowledge(context.Background(), *dir, "")
	name := *dir
	if name == "" {
		name = "ingebouwde documenten"
	}
	problems = append(problems, knowledge.Review(name, docs)...)

	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(checkReport(docs, problems)); err != nil {
			fmt.Fprintf(stderr, "check: %v\n", err)
			return 1
		}
	} else {
		writeCheck(stdout, docs, problems)
	}
	failed := false
	for _, p := range problems {
		failed = failed || p.Skipped || *strict
	}
	if failed {
		return 1
	}
	return 0
}

// The JSON of check --json. Lists are never null, so a tool can range over
// them without a check.
type (
	checkJSON struct {
		Documents []checkDocument `json:"documents"`
		Problems  []checkProblem  `json:"problems"`
	}
	checkDocument struct {
		Source       string               `json:"source"`
		Type         knowledge.Kind       `json:"type"`
		Title        string               `json:"title"`
		Name         string               `json:"name"`
		Organisation string               `json:"organisation"`
		Functions    []knowledge.Function `json:"functions"`
		Contact      checkContact         `json:"contact"`
		Aliases      []string             `json:"aliases"`
		HeldBy       []string             `json:"held_by"`
		Passages     []checkPassage       `json:"passages"`
	}
	checkContact struct {
		Phone   []string `json:"phone"`
		Email   []string `json:"email"`
		Address string   `json:"address"`
		Website string   `json:"website"`
	}
	checkPassage struct {
		Heading string `json:"heading"`
		Text    string `json:"text"`
		Line    int    `json:"line"`
	}
	checkProblem struct {
		Source   string `json:"source"`
		Line     int    `json:"line"`
		Severity string `json:"severity"`
		Message  string `json:"message"`
	}
)

func checkReport(docs []knowledge.Document, problems []knowledge.Problem) checkJSON {
	out := checkJSON{Documents: []checkDocument{}, Problems: []checkProblem{}}
	for _, d := range docs {
		cd := checkDocument{
			Source: d.Source, Type: d.Kind, Title: d.Title, Name: d.Name, Organisation: d.Organisation,
			Functions: orEmpty(d.Functions),
			Contact: checkContact{Phone: orEmpty(d.Contact.Phones), Email: orEmpty(d.Contact.Emails),
				Address: d.Contact.Address, Website: d.Contact.Website},
			Aliases:  orEmpty(d.Aliases),
			HeldBy:   append(orEmpty(d.Holders), d.HolderMentions...),
			Passages: []checkPassage{},
		}
		for _, p := range d.Passages {
			cd.Passages = append(cd.Passages, checkPassage{p.Heading, p.Text, p.Line})
		}
		out.Documents = append(out.Documents, cd)
	}
	for _, p := range problems {
		out.Problems = append(out.Problems, checkProblem{p.File, p.Line, p.Severity(), p.Message})
	}
	return out
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// kindNames are the document types as an editor calls them.
var kindNames = map[knowledge.Kind]string{
	knowledge.KindPerson:   "persoon",
	knowledge.KindFunction: "functiebeschrijving",
	knowledge.KindService:  "dienst",
	knowledge.KindGeneric:  "document",
}

// writeCheck writes the report for people.
func writeCheck(w io.Writer, docs []knowledge.Document, problems []knowledge.Problem) {
	for _, d := range docs {
		fmt.Fprintf(w, "%s\n", d.Source)
		row := func(label, value string) {
			if value != "" {
				fmt.Fprintf(w, "  %-14s %s\n", label, value)
			}
		}
		row("soort", kindNames[d.Kind])
		row("titel", d.Title)
		row("organisatie", d.Organisation)
		row("naam", d.Name)
		row("rol", d.Role)
		for _, f := range d.Functions {
			if f.Body == "" {
				row("functie", f.Title)
			} else {
				row("functie", f.Title+" — "+f.Body)
			}
		}
		row("telefoon", strings.Join(d.Contact.Phones, ", "))
		row("e-mail", strings.Join(d.Contact.Emails, ", "))
		row("adres", d.Contact.Address)
		row("website", d.Contact.Website)
		row("aliassen", strings.Join(d.Aliases, ", "))
		row("gehouden door", strings.Join(d.Holders, ", "))
		row("genoemd op", strings.Join(d.HolderMentions, ", "))
		for _, m := range d.People {
			v := m.Name
			if len(m.Titles) > 0 {
				v += " — " + strings.Join(m.Titles, ", ")
			}
			if m.Topic != "" {
				v += " — voor: " + m.Topic
			}
			row("noemt", fmt.Sprintf("%s (regel %d)", v, m.Line))
		}
		row("passages", fmt.Sprint(len(d.Passages)))
	}
	fmt.Fprintf(w, "\n%s, %s\n", plural(len(docs), "document", "documenten"), plural(len(problems), "probleem", "problemen"))
	for _, p := range problems {
		label := "waarschuwing"
		if p.Skipped {
			label = "fout"
		}
		fmt.Fprintf(w, "%s: %s\n", label, p)
	}
}

// plural writes n with the singular or plural noun: "1 probleem", "0
// problemen", "2 problemen".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
