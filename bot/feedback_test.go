package bot

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"github.com/slack-go/slack"

	"github.com/wieiswie/wieiswie/knowledge"
	"github.com/wieiswie/wieiswie/metrics"
	"github.com/wieiswie/wieiswie/store"
	"github.com/wieiswie/wieiswie/store/sqlite"
)

// storeHandler is a test handler with a SQLite store of its own.
func storeHandler(t *testing.T, asker knowledge.Asker, log zerolog.Logger) (*Handler, *recorder, store.Store) {
	t.Helper()
	s, err := sqlite.Open(context.Background(), t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	h, rec := newTestHandler(t, asker, log)
	h.store = s
	return h, rec, s
}

// A question, its 👎 with the modal's answer, and a missing report on
// another question all end up in the store, tied to their questions.
func TestFeedbackIsStored(t *testing.T) {
	asker := mietAsker()
	h, rec, s := storeHandler(t, asker, zerolog.Nop())
	h.HandleEvent(context.Background(), "Ev1", mention("<@UBOT0WIE> wie is algemeen directeur", "1700000000.000100", ""), zerolog.Nop())
	h.HandleEvent(context.Background(), "Ev2", mention("<@UBOT0WIE> wie is de brandweercommandant", "1700000000.000200", ""), zerolog.Nop())
	h.Close()
	answers := rec.all()
	if len(answers) != 2 {
		t.Fatalf("%d answers, want 2", len(answers))
	}
	if answers[0].threadTS != "1700000000.000100" {
		answers[0], answers[1] = answers[1], answers[0]
	}
	qs, err := s.Questions(context.Background(), time.Time{})
	if err != nil || len(qs) != 2 {
		t.Fatalf("stored questions %+v, %v", qs, err)
	}
	byText := map[string]store.Question{}
	for _, q := range qs {
		byText[q.Text] = q
	}
	dir := byText["wie is algemeen directeur"]
	if dir.Outcome != store.Answered || dir.ChannelType != store.ChannelMention || dir.Topic != "algemeen directeur" ||
		len(dir.Documents) != 2 || dir.Documents[0] != "000_8756befdf3055604.txt" || dir.Asker == "U0ASKER" || dir.Asker == "" {
		t.Errorf("stored answer %+v", dir)
	}
	if nf := byText["wie is de brandweercommandant"]; nf.Outcome != store.NotFound || len(nf.Documents) != 0 {
		t.Errorf("stored not-found %+v", nf)
	}

	// The buttons carry the stored question's ID.
	downValue := buttonIn(t, answers[0].resp.Message, actionFeedbackDown)
	if ref := parseFeedbackValue(downValue); ref.questionID != dir.ID || ref.source != "000_8756befdf3055604.txt" {
		t.Fatalf("👎 carries %+v, want question %s", ref, dir.ID)
	}
	missingValue := buttonIn(t, answers[1].resp.Message, actionMissing)

	h, rec = newTestHandler(t, asker, zerolog.Nop())
	h.store = s
	h.HandleInteraction(context.Background(), blockAction(actionFeedbackDown, downValue, "https://hooks.slack.test/actions/1"), zerolog.Nop())
	h.HandleInteraction(context.Background(), blockAction(actionMissing, missingValue, "https://hooks.slack.test/actions/2"), zerolog.Nop())
	h.Close()
	sent := rec.all()
	var modal *slack.ModalViewRequest
	for _, x := range sent {
		if x.how == "views.open" {
			modal = x.modal
		}
	}
	if modal == nil {
		t.Fatalf("👎 opened no modal: %+v", sent)
	}
	h, _ = newTestHandler(t, asker, zerolog.Nop())
	h.store = s
	// A forged reason is dropped; the comment is kept as written.
	h.HandleInteraction(context.Background(), viewSubmission(modal, "not-a-reason", "  Zij is met <!channel> pensioen  "), zerolog.Nop())
	h.HandleInteraction(context.Background(), viewSubmission(modal, store.ReasonContactWrong, ""), zerolog.Nop())
	h.Close()

	fs, err := s.Feedback(context.Background(), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var down, missing *store.Feedback
	for i := range fs {
		switch fs[i].Kind {
		case store.Down:
			down = &fs[i]
		case store.Missing:
			missing = &fs[i]
		}
	}
	if len(fs) != 2 || down == nil || missing == nil {
		t.Fatalf("stored feedback %+v, want one 👎 and one missing report", fs)
	}
	if down.QuestionID != dir.ID || down.Document != "000_8756befdf3055604.txt" || down.Question != "wie is algemeen directeur" ||
		down.Comment != "Zij is met <!channel> pensioen" || down.Reason != store.ReasonContactWrong {
		t.Errorf("👎 stored as %+v", down)
	}
	if missing.Question != "wie is de brandweercommandant" || missing.QuestionID != byText["wie is de brandweercommandant"].ID {
		t.Errorf("missing report stored as %+v", missing)
	}
}

func viewSubmission(v *slack.ModalViewRequest, reason, comment string) slack.InteractionCallback {
	return slack.InteractionCallback{
		Type: slack.InteractionTypeViewSubmission,
		User: slack.User{ID: "U0ASKER"},
		View: slack.View{
			ID: "V" + reason, CallbackID: v.CallbackID, PrivateMetadata: v.PrivateMetadata,
			State: &slack.ViewState{Values: map[string]map[string]slack.BlockAction{
				blockReason:  {actionReason: {SelectedOption: slack.OptionBlockObject{Value: reason}}},
				blockComment: {actionComment: {Value: comment}},
			}},
		},
	}
}

// buttonIn finds a button's value in a message.
func buttonIn(t *testing.T, m Message, actionID string) string {
	t.Helper()
	for _, b := range m.Blocks {
		a, ok := b.(*slack.ActionBlock)
		if !ok {
			continue
		}
		for _, e := range a.Elements.ElementSet {
			if btn, ok := e.(*slack.ButtonBlockElement); ok && btn.ActionID == actionID {
				return btn.Value
			}
		}
	}
	t.Fatalf("no %s button in %s", actionID, blocksJSON(m))
	return ""
}

// A "Bedoelde je …?" candidate button answers with that candidate; one
// that is gone from the knowledge says so.
func TestPickCandidate(t *testing.T) {
	asker := newFakeAsker()
	asker.results["wie is directeur"] = resultFor("wie is directeur", knowledge.ShapeWhoIsRole, knowledge.Ambiguous, mietGobert(), financieel())
	h, rec := newTestHandler(t, asker, zerolog.Nop())
	m := h.ask(context.Background(), asked{kind: metrics.KindMention, text: "wie is directeur"}, answerTop, RenderOptions{}, zerolog.Nop())
	pick := buttonIn(t, m, actionPick+"1")
	h.HandleInteraction(context.Background(), blockAction(actionPick+"1", pick, "https://hooks.slack.test/actions/1"), zerolog.Nop())
	gone := feedbackValue("q1", "weg.md", "wie is directeur")
	h.HandleInteraction(context.Background(), blockAction(actionPick+"2", gone, "https://hooks.slack.test/actions/2"), zerolog.Nop())
	h.Close()
	got := rec.all()
	if len(got) != 2 {
		t.Fatalf("sent %+v", got)
	}
	for _, x := range got {
		b := blocksJSON(x.resp.Message)
		switch {
		case strings.Contains(b, "vind ik niet meer"):
		case strings.Contains(b, `"type":"header","text":{"type":"plain_text","text":"Jan Peeters"`) && !strings.Contains(b, "Bedoelde je"):
		default:
			t.Errorf("candidate click answered %s", b)
		}
	}
}

// failingStore refuses every call, like a database that is down.
type failingStore struct{ store.Store }

var errDown = errors.New("connection refused")

func (failingStore) RecordQuestion(context.Context, store.Question) error { return errDown }
func (failingStore) RecordFeedback(context.Context, store.Feedback) error { return errDown }
func (failingStore) Claim(context.Context, string, string, time.Time, time.Duration, string) (bool, bool, error) {
	return false, false, errDown
}
func (failingStore) Orphans(context.Context, time.Time, time.Time, int) ([]string, error) {
	return nil, errDown
}
func (failingStore) Finish(context.Context, string) error { return errDown }
func (failingStore) Ping(context.Context) error           { return errDown }

// With the store down the bot still answers; the record it could not write
// is tried again, then counted and logged with what it held; /readyz says
// the store is unavailable but the bot ready.
func TestStoreDownStillAnswers(t *testing.T) {
	var logs syncBuffer
	log := zerolog.New(&logs)
	h, rec := newTestHandler(t, mietAsker(), log)
	m := metrics.New()
	h.metrics, h.store, h.storeBackoff = m, failingStore{}, time.Millisecond
	h.HandleEvent(context.Background(), "Ev1", mention("<@UBOT0WIE> wie is algemeen directeur", "1700000000.000100", ""), log)
	h.Close()
	if got := rec.all(); len(got) != 1 || !strings.Contains(got[0].resp.Text, "Miet Gobert") {
		t.Fatalf("sent %+v, want the answer", got)
	}
	if v := scrape(t, m, `wieiswie_store_failures_total{op="question"}`); v != 1 {
		t.Errorf("store failures for questions = %v, want 1", v)
	}
	if v := scrape(t, m, `wieiswie_store_failures_total{op="claim"}`); v != 1 {
		t.Errorf("store failures for claims = %v, want 1", v)
	}
	lost := 0
	for _, l := range logLines(t, logs.String()) {
		if strings.HasPrefix(l["message"].(string), "storing the record failed") {
			lost++
			if l["question"] != "wie is algemeen directeur" || l["outcome"] != "answered" || l["error"] != "connection refused" {
				t.Errorf("the lost record is not in its log line: %v", l)
			}
		}
	}
	if lost != 1 {
		t.Errorf("%d lost records logged, want 1", lost)
	}

	st := &health{mode: "socket", documents: func() int { return 2 }, store: failingStore{}}
	st.setSlack(true)
	w := httptest.NewRecorder()
	st.readyz(w, httptest.NewRequest(http.MethodGet, "/readyz", nil))
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `"store":"unavailable`) {
		t.Errorf("readyz with the store down: %d %s", w.Code, w.Body.String())
	}
}

// LOG_QUESTIONS=false keeps question texts out of every log line.
func TestLogQuestionsOff(t *testing.T) {
	var logs syncBuffer
	log := zerolog.New(&logs)
	h, _, _ := storeHandler(t, mietAsker(), log)
	h.logQuestions = false
	h.HandleEvent(context.Background(), "Ev1", mention("<@UBOT0WIE> wie is algemeen directeur", "1700000000.000100", ""), log)
	h.HandleInteraction(context.Background(), blockAction(actionFeedbackUp, feedbackValue("q1", "x.md", "wie is algemeen directeur"), "https://hooks.slack.test/a"), log)
	h.Close()
	if strings.Contains(logs.String(), "algemeen directeur") {
		t.Errorf("a question is in the log:\n%s", logs.String())
	}
	if !strings.Contains(logs.String(), `"message":"answered"`) {
		t.Error("the answer is not logged at all")
	}
}

// An instance that died holding a claim (no Finish) is taken over once its
// lease runs out; a finished claim is never answered again.
func TestClaimTakenOverFromDeadInstance(t *testing.T) {
	h, rec, s := storeHandler(t, mietAsker(), zerolog.Nop())
	h.lease, h.claimPoll = 300*time.Millisecond, 20*time.Millisecond
	ctx := context.Background()
	dead := "message:C0ALGEMEEN:1700000000.000100"
	if won, _, _ := s.Claim(ctx, dead, "dead-instance", time.Now(), h.lease, ""); !won {
		t.Fatal("setup: claim")
	}
	finished := "message:C0ALGEMEEN:1700000000.000200"
	_, _, _ = s.Claim(ctx, finished, "other-instance", time.Now(), h.lease, "")
	_ = s.Finish(ctx, finished)

	start := time.Now()
	h.HandleEvent(ctx, "Ev1", mention("<@UBOT0WIE> wie is algemeen directeur", "1700000000.000100", ""), zerolog.Nop())
	h.HandleEvent(ctx, "Ev2", mention("<@UBOT0WIE> wie is algemeen directeur", "1700000000.000200", ""), zerolog.Nop())
	h.HandleEvent(ctx, "Ev3", mention("<@UBOT0WIE> wie is algemeen directeur", "1700000000.000300", ""), zerolog.Nop())
	for deadline := time.Now().Add(10 * time.Second); len(rec.all()) < 2 && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(3 * h.lease) // the finished claim stays unanswered well past its lease
	h.Close()
	var threads []string
	for _, x := range rec.all() {
		threads = append(threads, x.threadTS)
	}
	if strings.Join(threads, ",") != "1700000000.000300,1700000000.000100" && strings.Join(threads, ",") != "1700000000.000100,1700000000.000300" {
		t.Errorf("answered %v, want the new question and the one taken over, not the finished one", threads)
	}
	if time.Since(start) < h.lease {
		t.Error("the claim was taken over before its lease ran out")
	}
	if won, done, _ := s.Claim(ctx, dead, "someone", time.Now().Add(time.Hour), h.lease, ""); won || !done {
		t.Error("the taken-over claim was not finished")
	}
}

// A question only a dead instance received (Slack does not deliver an
// acknowledged event again) is answered by another from its claim, once.
func TestOrphanedQuestionIsAnswered(t *testing.T) {
	h, rec, s := storeHandler(t, mietAsker(), zerolog.Nop())
	h.lease = 200 * time.Millisecond
	m := metrics.New()
	h.metrics = m
	ctx := context.Background()
	q := question{kind: metrics.KindMention, channel: "C0ALGEMEEN", ts: "1700000000.000100", threadTS: "1700000000.000100",
		user: "U0ASKER", text: "<@UBOT0WIE> wie is algemeen directeur"}
	key := dedupeKey("message:", q.channel, q.ts)
	if won, _, _ := s.Claim(ctx, key, "dead-instance", time.Now(), h.lease, q.payload(key, "Ev1")); !won {
		t.Fatal("setup: claim")
	}
	if n := h.adoptOrphans(ctx, zerolog.Nop()); n != 0 {
		t.Fatalf("adopted %d questions while their holder's lease runs", n)
	}
	time.Sleep(h.lease + 50*time.Millisecond)
	if n := h.adoptOrphans(ctx, zerolog.Nop()); n != 1 {
		t.Fatalf("adopted %d questions, want 1", n)
	}
	h.Close()
	if n := h.adoptOrphans(ctx, zerolog.Nop()); n != 0 {
		t.Errorf("adopted %d questions after it was answered", n)
	}
	// The event reaching this instance late is not answered again.
	h2, rec2 := newTestHandler(t, mietAsker(), zerolog.Nop())
	h2.store = s
	h2.HandleEvent(ctx, "Ev1", mention(q.text, q.ts, ""), zerolog.Nop())
	h2.Close()
	got := rec.all()
	if len(got) != 1 || got[0].how != "post" || got[0].threadTS != q.threadTS || !strings.Contains(got[0].resp.Text, "Miet Gobert") {
		t.Errorf("sent %+v, want the answer in the question's thread", got)
	}
	if late := rec2.all(); len(late) != 0 {
		t.Errorf("a late delivery was answered again: %+v", late)
	}
	if v := scrape(t, m, "wieiswie_events_taken_over_total"); v != 1 {
		t.Errorf("events taken over = %v, want 1", v)
	}
}
