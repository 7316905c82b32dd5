package index

import "github.com/wieiswie/wieiswie/knowledge"

// The answer types live in package knowledge, so that whoever asks (the
// bot, the command line) does not depend on this package. These aliases
// keep the index's own code compiling while it moves to the knowledge
// names.
//
// Deprecated: use the knowledge types and constants.
type (
	Shape   = knowledge.Shape
	Outcome = knowledge.Outcome
	Result  = knowledge.Result
	Answer  = knowledge.Answer
	Excerpt = knowledge.Excerpt
	Span    = knowledge.Span
)

// Deprecated: use the knowledge constants.
const (
	ShapeWhoIsRole     = knowledge.ShapeWhoIsRole
	ShapeWhoHandles    = knowledge.ShapeWhoHandles
	ShapeContactOf     = knowledge.ShapeContactOf
	ShapeRolesOfPerson = knowledge.ShapeRolesOfPerson
	ShapeWhatDoesRole  = knowledge.ShapeWhatDoesRole
	ShapeKeywords      = knowledge.ShapeKeywords

	Answered  = knowledge.Answered
	Ambiguous = knowledge.Ambiguous
	NotFound  = knowledge.NotFound
)

// Index answers questions for whoever asks in the words of the domain.
var _ knowledge.Asker = (*Index)(nil)
