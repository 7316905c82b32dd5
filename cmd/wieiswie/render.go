package main

import (
	"fmt"
	"strings"

	"github.com/wieiswie/wieiswie/knowledge"
)

// renderText writes a result for people in a terminal: the answer with its
// fields aligned, the source named, and other candidates in one line each.
func renderText(res knowledge.Result) string {
	var b strings.Builder
	switch {
	case res.UnknownPlace != "":
		fmt.Fprintf(&b, "Ik ken %s niet: daar heb ik geen documenten over.\n", res.UnknownPlace)
		if len(res.Known) > 0 {
			fmt.Fprintf(&b, "Ik ken wel: %s.\n", strings.Join(res.Known, ", "))
		}
		return b.String()
	case res.Outcome == knowledge.NotFound:
		fmt.Fprintf(&b, "Ik vond niets over %q.\n", res.Topic)
		if len(res.Known) > 0 {
			fmt.Fprintf(&b, "Ik weet wel iets over: %s.\n", strings.Join(res.Known, ", "))
		}
		b.WriteString("Probeer het anders te vragen, bijvoorbeeld: wie is de algemeen directeur?\n")
		return b.String()
	case res.Outcome == knowledge.Ambiguous:
		b.WriteString("Bedoelde je een van deze?\n\n")
		for i, a := range res.Answers {
			fmt.Fprintf(&b, "%d. %s\n", i+1, oneLine(a))
		}
		return b.String()
	}
	writeAnswer(&b, res.Shape, res.Answers[0])
	if len(res.Answers) > 1 {
		b.WriteString("\nOok mogelijk:\n")
		for _, a := range res.Answers[1:] {
			fmt.Fprintf(&b, "  • %s\n", oneLine(a))
		}
	}
	return b.String()
}

func writeAnswer(b *strings.Builder, shape knowledge.Shape, a knowledge.Answer) {
	head := a.Name
	if head == "" {
		head = a.Title
	}
	if a.Organisation != "" {
		head += " — " + a.Organisation
	}
	b.WriteString(head + "\n")
	row := func(label, value string) {
		if value != "" {
			fmt.Fprintf(b, "  %-9s %s\n", label, value)
		}
	}
	functions := func() {
		for i, f := range groupFunctions(a.Functions) {
			label := ""
			if i == 0 {
				label = "Functie"
			}
			fmt.Fprintf(b, "  %-9s %s\n", label, f)
		}
	}
	contact := func() {
		row("Telefoon", strings.Join(a.Contact.Phones, ", "))
		row("E-mail", strings.Join(a.Contact.Emails, ", "))
		row("Adres", a.Contact.Address)
		row("Website", a.Contact.Website)
	}
	if shape == knowledge.ShapeContactOf {
		contact()
		functions()
	} else {
		functions()
		contact()
	}
	if a.Excerpt.Text != "" {
		row("Waarom", "“"+a.Excerpt.Text+"”")
		if a.Excerpt.Heading != "" {
			row("", "("+a.Excerpt.Heading+")")
		}
	}
	row("Bron", a.Source)
}

// groupFunctions writes one line per function title with the bodies it is
// held in: "Algemeen directeur (Schepencollege, Gemeenteraad, OCMW raad)".
func groupFunctions(fs []knowledge.Function) []string {
	var order []string
	bodies := map[string][]string{}
	for _, f := range fs {
		if _, ok := bodies[f.Title]; !ok {
			order = append(order, f.Title)
			bodies[f.Title] = nil
		}
		if f.Body != "" {
			bodies[f.Title] = append(bodies[f.Title], f.Body)
		}
	}
	out := make([]string, len(order))
	for i, t := range order {
		out[i] = t
		if len(bodies[t]) > 0 {
			out[i] += " (" + strings.Join(bodies[t], ", ") + ")"
		}
	}
	return out
}

func oneLine(a knowledge.Answer) string {
	s := a.Name
	if s == "" {
		s = a.Title
	}
	if fs := groupFunctions(a.Functions); len(fs) > 0 {
		s += " — " + fs[0]
	}
	if len(a.Contact.Phones) > 0 {
		s += " — " + a.Contact.Phones[0]
	}
	return s + " [" + a.Source + "]"
}
