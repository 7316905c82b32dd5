package index

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/wieiswie/wieiswie/knowledge"
)

func TestDebugAsk(t *testing.T) {
	qs := os.Getenv("Q")
	if qs == "" {
		t.Skip()
	}
	dir := os.Getenv("DIR")
	if dir == "" {
		dir = "testdata/sample/corpus"
	}
	docs, _ := knowledge.LoadDir(dir)
	ix, err := Build(context.Background(), docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, qt := range strings.Split(qs, ";") {
		v := ix.view()
		q := v.understand(context.Background(), cleanQuestion(qt))
		fmt.Printf("Q %q shape=%s org=%q roles=%v names=%v fuzzy=%v\n", qt, q.shape, q.org, q.roles, q.names, q.fuzzy)
		cs := v.concepts(context.Background(), q)
		for _, c := range cs {
			fmt.Printf("   concept %s %q terms=%v parts=%v w=%.2f opt=%v\n", c.kind, c.key, c.terms, c.parts, c.weight, c.optional)
		}
		hits, err := v.search(context.Background(), q, cs)
		if err != nil {
			t.Fatal(err)
		}
		ranked, _ := v.rank(q, cs, hits)
		for i, h := range ranked {
			if i < 5 {
				fmt.Printf("   %-45s cov=%.2f score=%.3f bm=%.2f\n", h.doc.Source, h.coverage, h.score, h.bm25)
			}
		}
		res, _ := ix.Ask(context.Background(), qt, 3)
		fmt.Printf("   => %s %d answers\n", res.Outcome, len(res.Answers))
	}
}
