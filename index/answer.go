package index

import "github.com/wieiswie/wieiswie/knowledge"

// Index answers questions for whoever asks, in the words of the domain
// (knowledge.Result); nothing it returns is a bleve type.
var _ knowledge.Asker = (*Index)(nil)
