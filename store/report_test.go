package store_test

import (
	"testing"
	"time"

	"github.com/wieiswie/wieiswie/knowledge"
	"github.com/wieiswie/wieiswie/store"
)

func TestBuildReport(t *testing.T) {
	since := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	until := since.AddDate(0, 0, 30)
	at := func(h int) time.Time { return since.Add(time.Duration(h) * time.Hour) }
	qs := []store.Question{
		{ID: "old", At: since.Add(-time.Hour), Text: "voor de periode", Outcome: store.NotFound, Topic: "oud", Asker: "h:1"},
		{ID: "1", At: at(1), Text: "wie is de brandweercommandant", Outcome: store.NotFound, Topic: "brandweercommandant", Asker: "h:1"},
		{ID: "2", At: at(2), Text: "Wie is de Brandweercommandant?", Outcome: store.NotFound, Topic: "Brandweercommandant", Asker: "h:2"},
		{ID: "3", At: at(3), Text: "wie is algemeen directeur", Outcome: store.Answered, Topic: "algemeen directeur", Documents: []string{"miet.txt"}, Asker: "h:1"},
		{ID: "4", At: at(4), Text: "algemeen directeur?", Outcome: store.Answered, Topic: "algemeen directeur", Documents: []string{"miet.txt", "fd.txt"}, Asker: "h:3"},
		{ID: "5", At: at(5), Text: "wie doet schepen", Outcome: store.Ambiguous, Topic: "schepen", Documents: []string{"schepen.md"}},
		{ID: "6", At: at(6), Text: "wie is dpo", Outcome: store.NotFound, Topic: "dpo"},
		{ID: "7", At: at(7), Text: "kapot", Outcome: store.Failed},
	}
	fs := []store.Feedback{
		{QuestionID: "3", At: at(8), Kind: store.Up},
		{QuestionID: "4", At: at(9), Kind: store.Down, Reason: store.ReasonOutdated, Comment: "met pensioen", Question: "algemeen directeur?", Document: "miet.txt"},
		{QuestionID: "6", At: at(10), Kind: store.Missing, Question: "wie is dpo"},
		{QuestionID: "6", At: at(11), Kind: store.Missing, Question: "wie is dpo"},
		{QuestionID: "gone", At: at(12), Kind: store.Missing, Question: "wie is de sporttrainer"},
	}
	k := store.Knowledge{
		Sources:  []string{"miet.txt", "fd.txt", "schepen.md", "vergeten.md"},
		Problems: []knowledge.Problem{{File: "kapot.docx", Line: 3, Message: "geen naam"}},
	}
	r := store.BuildReport(qs, fs, since, until, k)
	if r.Questions != 7 || r.Answered != 2 || r.Ambiguous != 1 || r.NotFound != 3 || r.Failed != 1 || r.Askers != 3 || r.ThumbsUp != 1 {
		t.Errorf("counts: %+v", r)
	}
	if len(r.Unanswered) != 3 {
		t.Fatalf("unanswered groups: %+v", r.Unanswered)
	}
	// Two wordings of one question are one group, counted twice; the dpo
	// question asked once and reported twice weighs as much and is newer.
	if g := r.Unanswered[1]; g.Question != "wie is de brandweercommandant" || g.Count != 2 || len(g.Examples) != 1 || !g.Last.Equal(at(2)) {
		t.Errorf("first group: %+v", g)
	}
	if g := r.Unanswered[0]; g.Question != "wie is dpo" || g.Count != 1 || g.Reported != 2 {
		t.Errorf("second group: %+v", g)
	}
	if g := r.Unanswered[2]; g.Question != "wie is de sporttrainer" || g.Count != 0 || g.Reported != 1 {
		t.Errorf("reported without a stored question: %+v", g)
	}
	if len(r.MarkedWrong) != 1 || r.MarkedWrong[0].Document != "miet.txt" || r.MarkedWrong[0].Comment != "met pensioen" {
		t.Errorf("marked wrong: %+v", r.MarkedWrong)
	}
	if len(r.TopRoles) != 2 || r.TopRoles[0] != (store.RoleCount{Role: "algemeen directeur", Count: 2}) {
		t.Errorf("top roles: %+v", r.TopRoles)
	}
	if len(r.NeverShown) != 1 || r.NeverShown[0] != "vergeten.md" {
		t.Errorf("never shown: %v", r.NeverShown)
	}
	if len(r.Problems) != 1 || r.Problems[0].File != "kapot.docx" || r.Problems[0].Line != 3 {
		t.Errorf("problems: %+v", r.Problems)
	}
}
