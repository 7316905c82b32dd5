package knowledge

import (
	"context"
	"strings"
	"time"
)

// Asker answers a question about the documents; the index is one. top is
// how many candidates to return at most. Everything that asks (the Slack
// bot, the command line) depends on Asker and Result only, never on how
// the answer is found.
type Asker interface {
	Ask(ctx context.Context, question string, top int) (Result, error)
}

// Shape is what kind of question was asked; it decides what an answer leads
// with (a contact question leads with phone and e-mail, a roles-of-person
// question with the functions).
type Shape string

const (
	ShapeWhoIsRole     Shape = "who-is-role"      // wie is de algemeen directeur
	ShapeWhoHandles    Shape = "who-handles-task" // wie behandelt klachten
	ShapeContactOf     Shape = "contact-of"       // telefoonnummer van de burgemeester
	ShapeRolesOfPerson Shape = "roles-of-person"  // welke functies heeft Miet Gobert
	ShapeWhatDoesRole  Shape = "what-does-role"   // wat doet de financieel directeur
	ShapeKeywords      Shape = "keywords"         // dpo, klachten
)

// Outcome is how sure the bot is.
type Outcome string

const (
	Answered  Outcome = "answered"  // the first answer is the answer
	Ambiguous Outcome = "ambiguous" // a short list: "Bedoelde je …?"
	NotFound  Outcome = "not-found" // "Ik vond niets over …"
)

// Result is everything the bot has to say about one question. It holds plain
// values only, so renderers (terminal, JSON, Slack) never see the search
// engine.
type Result struct {
	Question string
	Shape    Shape
	Outcome  Outcome
	// Topic is the part of the question the bot searched for, for messages
	// such as "Ik vond niets over <Topic>".
	Topic string
	// Answers is best first; empty when Outcome is NotFound.
	Answers []Answer
	// UnknownPlace is a town or organisation the question names that the
	// knowledge does not cover ("burgemeester van Leuven"), as written;
	// Known then lists the organisations it does cover.
	UnknownPlace string
	// Known lists a few things the bot does know about (function titles),
	// offered as a hint when nothing was found.
	Known []string
	Took  time.Duration
}

// Answer is one candidate: a document, the person it names and the passage
// that shows why.
type Answer struct {
	Source       string
	Title        string
	Kind         Kind
	Organisation string
	Name         string
	Functions    []Function
	Contact      Contact
	Excerpt      Excerpt
	Score        float64
}

// Excerpt is the passage quoted in an answer, with the matched words marked
// as byte ranges of Text so every renderer can emphasise (and escape) them
// in its own way.
type Excerpt struct {
	Heading    string
	Text       string
	Highlights []Span
}

// Span is a half-open byte range [Start, End) of Excerpt.Text.
type Span struct{ Start, End int }

// Marked returns the excerpt text with every highlight wrapped in open and
// close, and every other piece passed through escape (nil: unchanged).
func (e Excerpt) Marked(open, close string, escape func(string) string) string {
	if escape == nil {
		escape = func(s string) string { return s }
	}
	var b strings.Builder
	pos := 0
	for _, h := range e.Highlights {
		if h.Start < pos || h.End > len(e.Text) || h.Start >= h.End {
			continue
		}
		b.WriteString(escape(e.Text[pos:h.Start]))
		b.WriteString(open)
		b.WriteString(escape(e.Text[h.Start:h.End]))
		b.WriteString(close)
		pos = h.End
	}
	b.WriteString(escape(e.Text[pos:]))
	return b.String()
}
