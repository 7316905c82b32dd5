package web

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/wieiswie/wieiswie/knowledge"
)

// ownTags are the only tags an excerpt may carry into the page.
var ownTags = regexp.MustCompile(`</?mark>|<br>`)

// FuzzMarkExcerpt: whatever a document holds and wherever the highlights
// fall, the excerpt never panics and carries no markup but its own.
func FuzzMarkExcerpt(f *testing.F) {
	f.Add(`De <script>alert(1)</script> directeur`, 3, 11, 40)
	f.Add("financiën & \"begroting\"\n<b>x</b>", 0, 9, 5)
	f.Add("één twee", 1, 2, 1)
	f.Fuzz(func(t *testing.T, text string, start, end, max int) {
		if max < 0 || max > 10000 {
			return
		}
		e := knowledge.Excerpt{Text: text, Highlights: []knowledge.Span{{Start: start, End: end}}}
		got := string(markExcerpt(e, max))
		rest := ownTags.ReplaceAllString(got, "")
		if strings.ContainsAny(rest, "<>") {
			t.Errorf("markup in %q", got)
		}
		if utf8.ValidString(text) && !utf8.ValidString(got) {
			t.Errorf("valid text became invalid UTF-8: %q", got)
		}
	})
}
