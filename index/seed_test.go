package index

import (
	"context"
	"strings"
	"testing"

	"github.com/wieiswie/wieiswie/knowledge"
)

// The embedded default (the customer's two real documents) answers the
// questions of the foundation issue.
func TestAskSeeds(t *testing.T) {
	docs, problems := knowledge.Load(context.Background(), ".", knowledge.Options{FS: knowledge.Default()})
	if len(problems) > 0 {
		t.Fatalf("problems in the seeds: %v", problems)
	}
	ix, err := Build(context.Background(), docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	tests := []struct {
		question    string
		wantExcerpt string // a word the excerpt must hold
	}{
		{"wie is algemeen directeur", "algemeen directeur"},
		{"wie behandelt klachten", "klachten"},
		{"wie zit het managementteam voor", "managementteam"},
		{"telefoonnummer van de algemeen directeur", ""},
		{"wie is de gemeentesecretaris", "gemeentesecretaris"},
	}
	for _, tt := range tests {
		res, err := ix.Ask(context.Background(), tt.question, 3)
		if err != nil {
			t.Fatal(err)
		}
		if res.Outcome != knowledge.Answered || res.Answers[0].Name != "Miet Gobert" {
			t.Errorf("%q: %s %+v, want Miet Gobert", tt.question, res.Outcome, res.Answers)
			continue
		}
		a := res.Answers[0]
		if got := strings.Join(a.Contact.Phones, ","); got != "+32 50 630 100,+32 50 630 159" {
			t.Errorf("%q: phones %q", tt.question, got)
		}
		if !strings.Contains(strings.ToLower(a.Excerpt.Text+" "+a.Excerpt.Heading), tt.wantExcerpt) {
			t.Errorf("%q: excerpt %q lacks %q", tt.question, a.Excerpt.Text, tt.wantExcerpt)
		}
		if tt.wantExcerpt != "" && len(a.Excerpt.Highlights) == 0 {
			t.Errorf("%q: excerpt %q has no highlights", tt.question, a.Excerpt.Text)
		}
	}
	if res, _ := ix.Ask(context.Background(), "wie behandelt klachten", 1); !strings.Contains(res.Answers[0].Excerpt.Text, "briefwisseling, meldingen en klachten") {
		t.Errorf("klachten: excerpt %q, want the passage about correspondence and complaints", res.Answers[0].Excerpt.Text)
	}
	res, _ := ix.Ask(context.Background(), "wie is de brandweercommandant", 3)
	if res.Outcome != knowledge.NotFound || len(res.Answers) != 0 {
		t.Errorf("brandweercommandant: %s %+v, want not found", res.Outcome, res.Answers)
	}
}
