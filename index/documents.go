package index

import (
	"slices"
	"strings"
	"sync"

	"github.com/wieiswie/wieiswie/knowledge"
)

// sortedDocs is a state's documents as a list sorted by Source, made once.
type sortedDocs struct {
	once sync.Once
	docs []knowledge.Document
}

// Documents returns the documents the index answers from now, sorted by
// Source, for pages that browse them (the web page). It returns the same
// slice until the knowledge changes, so a caller can keep what it derives
// from it until then; the documents are shared: callers must not change
// them.
func (ix *Index) Documents() []knowledge.Document {
	st := ix.cur.Load()
	st.sorted.once.Do(func() {
		out := make([]knowledge.Document, 0, len(st.docs))
		for _, d := range st.docs {
			out = append(out, *d)
		}
		slices.SortFunc(out, func(a, b knowledge.Document) int { return strings.Compare(a.Source, b.Source) })
		st.sorted.docs = out
	})
	return st.sorted.docs
}
