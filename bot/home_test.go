package bot

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"github.com/slack-go/slack/slackevents"

	"github.com/wieiswie/wieiswie/knowledge"
	"github.com/wieiswie/wieiswie/store"
)

// homeDocs is a knowledge folder the test makes up: the home tab's
// examples must come from it, not from the code.
func homeDocs() ([]knowledge.Document, []knowledge.Problem) {
	return []knowledge.Document{
			{Source: "brandweer.md", Kind: knowledge.KindPerson, Name: "Kris Wouters", Functions: []knowledge.Function{{Title: "Brandweercommandant", Body: "Zone <Kempen>"}}},
			{Source: "sport.md", Kind: knowledge.KindPerson, Name: "An Peeters", Functions: []knowledge.Function{{Title: "Sportfunctionaris *"}, {Title: "Brandweercommandant"}}},
			{Source: "vergeten.md", Kind: knowledge.KindGeneric, Title: "Oud reglement", Functions: []knowledge.Function{{Title: "<!channel> baas"}}},
		}, []knowledge.Problem{
			{File: "kapot.docx", Line: 12, Message: "regel zonder naam: <!here>"},
		}
}

func homeEvent(user string) *slackevents.AppHomeOpenedEvent {
	return &slackevents.AppHomeOpenedEvent{Type: "app_home_opened", User: user, Tab: "home"}
}

func homeJSON(t *testing.T, s sent) string {
	t.Helper()
	if s.how != "views.publish" || s.home == nil {
		t.Fatalf("sent %+v, want views.publish", s)
	}
	b, _ := json.Marshal(s.home)
	return strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&").Replace(string(b))
}

func TestHomeTab(t *testing.T) {
	h, rec, s := storeHandler(t, mietAsker(), zerolog.Nop())
	h.knowledge = homeDocs
	h.isEditor = func(id string) bool { return id == "U0EDITOR" }
	ctx := context.Background()
	now := time.Now()
	for _, q := range []store.Question{
		{ID: "q1", At: now.Add(-time.Hour), Text: "wie is de brandweercommandant", Outcome: store.Answered, Topic: "brandweercommandant", Documents: []string{"brandweer.md"}, Asker: "U1"},
		{ID: "q2", At: now.Add(-time.Hour), Text: "wie doet de <!channel> kerstmarkt", Outcome: store.NotFound, Topic: "kerstmarkt", Asker: "U2"},
		{ID: "old", At: now.AddDate(0, 0, -40), Text: "lang geleden", Outcome: store.NotFound, Topic: "lang geleden"},
	} {
		if err := s.RecordQuestion(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.RecordFeedback(ctx, store.Feedback{QuestionID: "q1", At: now, Kind: store.Down, Reason: store.ReasonOtherPerson,
		Comment: "Kris is weg", Question: "wie is de brandweercommandant", Document: "brandweer.md", Asker: "U1"}); err != nil {
		t.Fatal(err)
	}
	h.HandleEvent(ctx, "EvH1", slackevents.EventsAPIInnerEvent{Type: "app_home_opened", Data: homeEvent("U0EDITOR")}, zerolog.Nop())
	h.HandleEvent(ctx, "EvH1", slackevents.EventsAPIInnerEvent{Type: "app_home_opened", Data: homeEvent("U0EDITOR")}, zerolog.Nop()) // retried
	h.HandleEvent(ctx, "EvH2", slackevents.EventsAPIInnerEvent{Type: "app_home_opened", Data: homeEvent("U0ASKER")}, zerolog.Nop())
	h.Close()
	got := rec.all()
	if len(got) != 2 {
		t.Fatalf("%d views published, want 2 (the retry is not published again)", len(got))
	}
	if got[0].user != "U0EDITOR" {
		got[0], got[1] = got[1], got[0]
	}

	editor := homeJSON(t, got[0])
	for _, want := range []string{
		"*2 vragen* van 2 personen", "wie doet de &lt;!channel&gt; kerstmarkt — 1× gevraagd",
		"_wie is de brandweercommandant_ → `brandweer.md` — andere persoon: “Kris is weg”",
		"brandweercommandant — 1×", "`sport.md`", "`vergeten.md`", "`kapot.docx:12` — regel zonder naam: &lt;!here&gt;",
	} {
		if !strings.Contains(editor, want) {
			t.Errorf("editor's home lacks %q:\n%s", want, editor)
		}
	}
	for _, bad := range []string{"lang geleden", "<!channel>", "<!here>", "`brandweer.md`\\n"} {
		if strings.Contains(editor, bad) {
			t.Errorf("editor's home has %q:\n%s", bad, editor)
		}
	}

	staff := homeJSON(t, got[1])
	for _, want := range []string{"`/wie wie is de brandweercommandant`", "`/wie telefoonnummer van de &lt;!channel&gt; baas`",
		"`/wie wat doet de sportfunctionaris ∗`", "Meld dat dit ontbreekt"} {
		if !strings.Contains(staff, want) {
			t.Errorf("staff home lacks %q:\n%s", want, staff)
		}
	}
	for _, bad := range []string{"kerstmarkt", "Kris is weg", "Miet Gobert", "algemeen directeur", "<!channel>"} {
		if strings.Contains(staff, bad) {
			t.Errorf("staff home shows %q:\n%s", bad, staff)
		}
	}
}

// Without a store the editor is told the report is unavailable; the home
// tab itself still works.
func TestHomeTabWithoutStore(t *testing.T) {
	h, rec := newTestHandler(t, mietAsker(), zerolog.Nop())
	h.isEditor = func(string) bool { return true }
	h.HandleEvent(context.Background(), "EvH1", slackevents.EventsAPIInnerEvent{Type: "app_home_opened", Data: homeEvent("U0EDITOR")}, zerolog.Nop())
	h.Close()
	got := rec.all()
	if len(got) != 1 || !strings.Contains(homeJSON(t, got[0]), "niet beschikbaar") {
		t.Errorf("sent %+v", got)
	}
}

// The weekly digest goes to REPORT_CHANNEL on Monday from nine, once a
// week between all instances sharing the store.
func TestWeeklyDigest(t *testing.T) {
	monday := time.Date(2026, 11, 30, 9, 30, 0, 0, time.Local)
	a, recA, s := storeHandler(t, mietAsker(), zerolog.Nop())
	b, recB := newTestHandler(t, mietAsker(), zerolog.Nop())
	b.store = s
	for _, h := range []*Handler{a, b} {
		h.reportChannel = "C0REDACTIE"
		h.knowledge = homeDocs
	}
	ctx := context.Background()
	for _, tt := range []struct {
		h    *Handler
		now  time.Time
		want bool
	}{
		{a, monday.Add(-2 * time.Hour), false}, // Monday, but before nine
		{a, monday.AddDate(0, 0, 1), false},    // Tuesday
		{a, monday, true},
		{a, monday.Add(time.Hour), false}, // already posted this week
		{b, monday.Add(time.Hour), false}, // by the other instance
		{b, monday.AddDate(0, 0, 7), true},
	} {
		tt.h.now = func() time.Time { return tt.now }
		if got := tt.h.digestIfDue(ctx, zerolog.Nop()); got != tt.want {
			t.Errorf("digest at %s: posted %v, want %v", tt.now.Format("Mon 15:04 2006-01-02"), got, tt.want)
		}
	}
	a.Close()
	b.Close()
	posts := append(recA.all(), recB.all()...)
	if len(posts) != 2 {
		t.Fatalf("%d digests posted, want 2", len(posts))
	}
	for _, p := range posts {
		if p.how != "post" || p.channel != "C0REDACTIE" || !strings.Contains(blocksJSON(p.resp.Message), "de voorbije week") {
			t.Errorf("digest %+v", p)
		}
	}
}
