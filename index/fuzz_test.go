package index

import (
	"context"
	"testing"
	"unicode/utf8"

	"github.com/wieiswie/wieiswie/knowledge"
)

// Any question gets a result, never an error or a panic, and every
// highlight points inside its excerpt on rune boundaries.
func FuzzAsk(f *testing.F) {
	ix := buildDir(f, "testdata/twee")
	for _, s := range []string{
		"wie is de algemeen directeur van zandhoven", "wie behandelt klachten", "telefoon dpo heibeek",
		"wie is wie", "", "???", "+name:x -y \"z\" *~ field:value", "\xff\xfe", "van de van de van",
		"wat houdt de functie van algemeen directeur in", "welke functies heeft Sofie Wouters",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		res, err := ix.Ask(context.Background(), q, 3)
		if err != nil {
			t.Fatalf("Ask(%q): %v", q, err)
		}
		if res.Outcome == knowledge.NotFound && len(res.Answers) > 0 {
			t.Fatalf("not found with answers")
		}
		for _, a := range res.Answers {
			e := a.Excerpt
			for _, h := range e.Highlights {
				if h.Start < 0 || h.End > len(e.Text) || h.Start >= h.End ||
					!utf8.ValidString(e.Text[h.Start:h.End]) {
					t.Fatalf("highlight %v out of %q", h, e.Text)
				}
			}
		}
	})
}
