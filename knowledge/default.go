package knowledge

import (
	"embed"
	"io/fs"
)

// The default knowledge ships inside the binary so wieiswie answers
// something before anyone has set up a knowledge folder.
//
//go:embed default
var defaultFiles embed.FS

// Default returns the embedded default documents, rooted so that a
// document's Source is its bare file name. Load(Default()) loads them.
func Default() fs.FS {
	sub, err := fs.Sub(defaultFiles, "default")
	if err != nil {
		panic("knowledge: embedded default folder missing: " + err.Error()) // cannot happen: the path is a constant
	}
	return sub
}
