// Package knowledge is the domain of wieiswie: the documents a local
// government publishes about who does what, the parsers for the formats they
// come in, the people overview pages name with their roles, and the
// role-title equivalences that tie old titles to new ones. It knows nothing
// about search or Slack.
package knowledge

import "fmt"

// Kind says what a document describes; it decides how an answer is shown.
type Kind string

const (
	KindPerson   Kind = "person"   // a person card: name, contact, functions, info
	KindFunction Kind = "function" // a function description: what a role does
	KindService  Kind = "service"  // a service or desk, usually with a contact person
	KindGeneric  Kind = "generic"  // any other text document
)

// Document is one file of the knowledge base, parsed.
type Document struct {
	// Source is the path relative to the knowledge folder, with forward
	// slashes (for the embedded default: the file name).
	Source       string
	Kind         Kind
	Title        string
	Organisation string // the municipality or body the document belongs to, if known
	Name         string // the person the document is about (person and service documents)
	Functions    []Function
	Contact      Contact
	Aliases      []string // other names people use for this person, service or role
	Passages     []Passage
	// People are the other people the text names with a role or a topic
	// ("diensthoofd Hilde Van de Velde", "Klachten: Joke Ramaekers");
	// the person the document is about (Name) is not among them.
	People []Mention
	// Holders lists the sources of the person documents that hold the role a
	// function description describes; filled by Link.
	Holders []string
	// HolderMentions lists, as "source#line", where a document names a
	// holder of the role a function description describes who has no person
	// or service document of their own: among the Mentions of that document
	// whose Line is line, the one that Holds the description's Role (see
	// Mention.Holds). Filled by Link, sorted.
	HolderMentions []string
	// Role is the function title a function description describes
	// ("Functiebeschrijving algemeen directeur" → "algemeen directeur").
	Role string
	// Stamp identifies the version of the file the document was parsed
	// from, so loading the folder again need not read it again.
	Stamp Stamp
}

// Stamp is the size and modification time (Unix nanoseconds) of a file when
// it was read. The zero Stamp matches nothing: the file is read again.
type Stamp struct {
	Size    int64
	ModTime int64
}

// Function is one row of a person's functions table: the body (Gemeenteraad,
// Schepencollege, OCMW raad …) and the function held in it.
type Function struct {
	Body  string `json:"body"`
	Title string `json:"function"`
}

// Contact is how to reach a person or service.
type Contact struct {
	Phones  []string `json:"phone"`
	Emails  []string `json:"email"`
	Address string   `json:"address"` // address lines joined with ", "
	Website string   `json:"website,omitempty"`
}

// Empty reports whether there is nothing to reach anyone by.
func (c Contact) Empty() bool {
	return len(c.Phones) == 0 && len(c.Emails) == 0 && c.Address == "" && c.Website == ""
}

// Passage is the unit an answer quotes: one paragraph or one bullet, with the
// heading it stands under and the line it starts on.
type Passage struct {
	Heading string
	Text    string
	Line    int
}

// Mention is a person named in a document's text together with the role they
// hold there, as overview pages ("college van burgemeester en schepenen", "bij
// wie kan ik terecht", organograms, service pages) name them. A name that the
// text gives neither a role nor a topic is not a Mention: without either it
// says nothing about who does what.
type Mention struct {
	Name   string   // "Hilde Van de Velde", as written
	Titles []string // the role titles the text gives them: "diensthoofd", "schepen van cultuur"; may be empty
	// Topic is what the text makes them the person to see for: the label of
	// a "label: ..." line ("Identiteitskaart, rijbewijs, verhuis of
	// attesten"), the service before a parenthesis ("personeelsdienst" in
	// "de personeelsdienst (Katrien Mertens)"), or, on a line that starts
	// with them, what follows their name ("veiligheid, politie en brandweer"
	// in "Burgemeester Jan Peeters: veiligheid, politie en brandweer");
	// else "".
	Topic string
	Line  int // 1-based line of the passage that names them
}

// Problem is something wrong with a document, reported with where it is so
// the person who maintains the documents can fix it. Problems are values, not
// log lines: loading goes on and the caller decides how to report them.
type Problem struct {
	File    string
	Line    int // 0 when the problem is about the whole file
	Message string
	// Skipped is true when the file was not loaded at all (empty, binary,
	// too large, unreadable); otherwise its document was loaded anyway.
	Skipped bool
}

func (p Problem) Error() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Message)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Message)
}
