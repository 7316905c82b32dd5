package index

import (
	"context"
	"testing"

	"github.com/wieiswie/wieiswie/knowledge"
)

func TestDocumentsFollowUpdates(t *testing.T) {
	docs := []knowledge.Document{
		{Source: "b.md", Kind: knowledge.KindPerson, Name: "Bert Claes", Title: "Bert Claes"},
		{Source: "a.md", Kind: knowledge.KindPerson, Name: "An Peeters", Title: "An Peeters"},
	}
	ix, err := Build(context.Background(), docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	first := ix.Documents()
	if len(first) != 2 || first[0].Source != "a.md" || first[1].Source != "b.md" {
		t.Fatalf("Documents() = %v, want a.md and b.md in order", first)
	}
	if again := ix.Documents(); &again[0] != &first[0] {
		t.Error("Documents() made a new list while the knowledge did not change")
	}
	if _, err := ix.Update(context.Background(), docs[:1]); err != nil {
		t.Fatal(err)
	}
	if now := ix.Documents(); len(now) != 1 || now[0].Source != "b.md" {
		t.Errorf("after an update Documents() = %v, want b.md only", now)
	}
}
