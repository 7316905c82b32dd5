package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/wieiswie/wieiswie/knowledge"
)

// Report is what editors see: where the bot failed and what staff marked
// wrong over a period, with the knowledge's own problems. The JSON shape
// is documented in the README (`wieiswie report --json`).
type Report struct {
	Since     time.Time `json:"since"`
	Until     time.Time `json:"until"`
	Questions int       `json:"questions"`
	Answered  int       `json:"answered"`
	Ambiguous int       `json:"ambiguous"`
	NotFound  int       `json:"not_found"`
	Failed    int       `json:"failed"`
	// Askers counts distinct askers (by pseudonym).
	Askers   int `json:"askers"`
	ThumbsUp int `json:"thumbs_up"`
	// Unanswered groups the questions answered "niet gevonden" and those
	// reported missing, most frequent (asked plus reported) first, newer first
	// among equals.
	Unanswered []Unanswered `json:"unanswered"`
	// MarkedWrong are the 👎 given, newest first.
	MarkedWrong []Wrong `json:"marked_wrong"`
	// TopRoles are the most asked topics among answered questions.
	TopRoles []RoleCount `json:"top_roles"`
	// NeverShown are loaded documents no answer showed in the period.
	NeverShown []string `json:"never_shown"`
	// Problems are what `wieiswie check` finds in the knowledge.
	Problems []Problem `json:"problems"`
}

// Unanswered is a group of similar questions the bot could not answer.
type Unanswered struct {
	Question string    `json:"question"` // the first wording
	Count    int       `json:"count"`    // times asked
	Reported int       `json:"reported"` // "Meld dat dit ontbreekt" clicks
	Examples []string  `json:"examples"` // other wordings, at most five
	Last     time.Time `json:"last"`
}

// Wrong is one answer marked wrong.
type Wrong struct {
	Question string    `json:"question"`
	Document string    `json:"document"`
	Reason   string    `json:"reason"`
	Comment  string    `json:"comment"`
	At       time.Time `json:"at"`
}

// RoleCount is how often a role or topic was asked.
type RoleCount struct {
	Role  string `json:"role"`
	Count int    `json:"count"`
}

// Problem is a knowledge problem with the file to open.
type Problem struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Message string `json:"message"`
}

// Limits keep the report readable (and the App Home under Slack's 100
// blocks).
const (
	reportGroups   = 20
	reportWrong    = 20
	reportRoles    = 10
	reportExamples = 5
)

// Knowledge is what the report needs of the loaded documents.
type Knowledge struct {
	Sources  []string
	Problems []knowledge.Problem
}

// MakeReport reads the period [since, until) from s and builds the report.
func MakeReport(ctx context.Context, s Store, since, until time.Time, k Knowledge) (Report, error) {
	qs, err := s.Questions(ctx, since)
	if err != nil {
		return Report{}, fmt.Errorf("report: %w", err)
	}
	fs, err := s.Feedback(ctx, since)
	if err != nil {
		return Report{}, fmt.Errorf("report: %w", err)
	}
	return BuildReport(qs, fs, since, until, k), nil
}

// BuildReport computes the report from records already read; records
// outside [since, until) are left out.
func BuildReport(qs []Question, fs []Feedback, since, until time.Time, k Knowledge) Report {
	in := func(t time.Time) bool { return !t.Before(since) && t.Before(until) }
	r := Report{Since: since, Until: until}
	askers := map[string]bool{}
	shown := map[string]bool{}
	groups := map[string]*Unanswered{}
	groupOf := map[string]string{} // question ID → group key
	roles := map[string]*RoleCount{}
	// addUnanswered files a question under its topic (similar questions
	// share one), keeping the first wording and a few others.
	addUnanswered := func(text, topic string, at time.Time) string {
		key := knowledge.Fold(cmp.Or(topic, text))
		g := groups[key]
		if g == nil {
			groups[key] = &Unanswered{Question: text, Last: at, Examples: []string{}}
			return key
		}
		if text != g.Question && !slices.Contains(g.Examples, text) && len(g.Examples) < reportExamples {
			g.Examples = append(g.Examples, text)
		}
		if at.After(g.Last) {
			g.Last = at
		}
		return key
	}
	for _, q := range qs {
		if !in(q.At) {
			continue
		}
		r.Questions++
		if q.Asker != "" {
			askers[q.Asker] = true
		}
		for _, d := range q.Documents {
			shown[d] = true
		}
		switch q.Outcome {
		case Answered:
			r.Answered++
		case Ambiguous:
			r.Ambiguous++
		case NotFound:
			r.NotFound++
			key := addUnanswered(q.Text, q.Topic, q.At)
			groups[key].Count++
			groupOf[q.ID] = key
		case Failed:
			r.Failed++
		}
		if (q.Outcome == Answered || q.Outcome == Ambiguous) && q.Topic != "" {
			key := knowledge.Fold(q.Topic)
			if roles[key] == nil {
				roles[key] = &RoleCount{Role: q.Topic}
			}
			roles[key].Count++
		}
	}
	for _, f := range fs {
		if !in(f.At) {
			continue
		}
		switch f.Kind {
		case Up:
			r.ThumbsUp++
		case Down:
			r.MarkedWrong = append(r.MarkedWrong, Wrong{Question: f.Question, Document: f.Document, Reason: f.Reason, Comment: f.Comment, At: f.At})
		case Missing:
			key, ok := groupOf[f.QuestionID]
			if !ok {
				key = addUnanswered(f.Question, "", f.At)
			}
			groups[key].Reported++
		}
	}
	r.Askers = len(askers)
	for _, g := range groups {
		r.Unanswered = append(r.Unanswered, *g)
	}
	slices.SortFunc(r.Unanswered, func(a, b Unanswered) int {
		return cmp.Or(cmp.Compare(b.Count+b.Reported, a.Count+a.Reported), b.Last.Compare(a.Last), cmp.Compare(a.Question, b.Question))
	})
	r.Unanswered = first(r.Unanswered, reportGroups)
	slices.SortStableFunc(r.MarkedWrong, func(a, b Wrong) int { return b.At.Compare(a.At) })
	r.MarkedWrong = first(r.MarkedWrong, reportWrong)
	for _, c := range roles {
		r.TopRoles = append(r.TopRoles, *c)
	}
	slices.SortFunc(r.TopRoles, func(a, b RoleCount) int { return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Role, b.Role)) })
	r.TopRoles = first(r.TopRoles, reportRoles)
	for _, s := range k.Sources {
		if !shown[s] {
			r.NeverShown = append(r.NeverShown, s)
		}
	}
	slices.Sort(r.NeverShown)
	for _, p := range k.Problems {
		r.Problems = append(r.Problems, Problem{File: p.File, Line: p.Line, Message: p.Message})
	}
	r.NeverShown, r.Problems = nonNilSlice(r.NeverShown), nonNilSlice(r.Problems)
	r.Unanswered, r.MarkedWrong, r.TopRoles = nonNilSlice(r.Unanswered), nonNilSlice(r.MarkedWrong), nonNilSlice(r.TopRoles)
	return r
}

// People is "1 persoon" or "n personen", for the report's summary.
func People(n int) string {
	if n == 1 {
		return "1 persoon"
	}
	return fmt.Sprintf("%d personen", n)
}

func first[T any](s []T, n int) []T {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// nonNilSlice makes empty lists encode as [] rather than null, as the
// documented JSON shape says.
func nonNilSlice[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
