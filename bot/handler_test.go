package bot

import (
	"context"
	"encoding/json"
	"errors"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"github.com/wieiswie/wieiswie/knowledge"
	"github.com/wieiswie/wieiswie/metrics"
)

const botUser = "UBOT0WIE"

// sent is one thing the handler sent.
type sent struct {
	how      string // "post", "ephemeral" or "respond"
	channel  string
	user     string
	threadTS string
	url      string // response_url, or views.open's trigger_id
	resp     response
	modal    *slack.ModalViewRequest
	home     *slack.HomeTabViewRequest
}

// recorder is a messenger that keeps what it is given.
type recorder struct {
	mu   sync.Mutex
	sent []sent
	err  error
}

func (r *recorder) add(s sent) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sent = append(r.sent, s)
	return r.err
}

func (r *recorder) post(_ context.Context, channel, threadTS string, m Message) error {
	return r.add(sent{how: "post", channel: channel, threadTS: threadTS, resp: response{Message: m}})
}

func (r *recorder) postEphemeral(_ context.Context, channel, user, threadTS string, m Message) error {
	return r.add(sent{how: "ephemeral", channel: channel, user: user, threadTS: threadTS, resp: response{Message: m}})
}

func (r *recorder) respond(_ context.Context, url string, resp response) error {
	return r.add(sent{how: "respond", url: url, resp: resp})
}

func (r *recorder) openView(_ context.Context, triggerID string, v slack.ModalViewRequest) error {
	return r.add(sent{how: "views.open", url: triggerID, modal: &v})
}

func (r *recorder) publishView(_ context.Context, userID string, v slack.HomeTabViewRequest) error {
	return r.add(sent{how: "views.publish", user: userID, home: &v})
}

func (r *recorder) all() []sent {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]sent(nil), r.sent...)
}

func newTestHandler(t *testing.T, asker knowledge.Asker, log zerolog.Logger) (*Handler, *recorder) {
	t.Helper()
	h := NewHandler(Config{LogQuestions: true}, Deps{Asker: asker}, slack.New(testBotToken), nil, botUser, log)
	rec := &recorder{}
	h.send = rec
	return h, rec
}

func mietAsker() *fakeAsker {
	a := newFakeAsker()
	res := resultFor("wie is algemeen directeur", knowledge.ShapeWhoIsRole, knowledge.Answered, mietGobert(), financieel())
	a.results["wie is algemeen directeur"] = res
	a.results["wie is algemeen directeur?"] = res
	return a
}

func mention(text, ts, threadTS string) slackevents.EventsAPIInnerEvent {
	return slackevents.EventsAPIInnerEvent{Type: "app_mention", Data: &slackevents.AppMentionEvent{
		Type: "app_mention", User: "U0ASKER", Text: text, TimeStamp: ts, ThreadTimeStamp: threadTS, Channel: "C0ALGEMEEN",
	}}
}

func message(ev slackevents.MessageEvent) slackevents.EventsAPIInnerEvent {
	ev.Type = "message"
	if ev.User == "" && ev.BotID == "" {
		ev.User = "U0ASKER"
	}
	if ev.TimeStamp == "" {
		ev.TimeStamp = "1700000000.000200"
	}
	return slackevents.EventsAPIInnerEvent{Type: "message", Data: &ev}
}

// blocksJSON is the blocks as JSON without Go's HTML escaping, so tests can
// look for "<tel:…>" as Slack sees it.
func blocksJSON(m Message) string {
	b, _ := json.Marshal(m.Blocks)
	return strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&").Replace(string(b))
}

func TestHandleEventRules(t *testing.T) {
	tests := []struct {
		name     string
		event    slackevents.EventsAPIInnerEvent
		answered bool
		channel  string
		threadTS string
		asked    string // "" with answered: help, nothing asked
	}{
		{"mention", mention("<@UBOT0WIE> wie is algemeen directeur", "1700000000.000100", ""), true, "C0ALGEMEEN", "1700000000.000100", "wie is algemeen directeur"},
		{"mention in a thread", mention("<@UBOT0WIE> wie is algemeen directeur", "1700000000.000300", "1700000000.000100"), true, "C0ALGEMEEN", "1700000000.000100", "wie is algemeen directeur"},
		{"mention without a question", mention("<@UBOT0WIE>", "1700000000.000100", ""), true, "C0ALGEMEEN", "1700000000.000100", ""},
		{"mention by a bot", slackevents.EventsAPIInnerEvent{Type: "app_mention", Data: &slackevents.AppMentionEvent{User: "U0OTHER", BotID: "B0OTHER", Text: "<@UBOT0WIE> hoi", TimeStamp: "1", Channel: "C1"}}, false, "", "", ""},
		{"mention by itself", slackevents.EventsAPIInnerEvent{Type: "app_mention", Data: &slackevents.AppMentionEvent{User: botUser, Text: "<@UBOT0WIE> hoi", TimeStamp: "1", Channel: "C1"}}, false, "", "", ""},
		{"direct message", message(slackevents.MessageEvent{ChannelType: "im", Channel: "D0ASKER", Text: "wie is algemeen directeur?"}), true, "D0ASKER", "", "wie is algemeen directeur?"},
		{"direct message in a thread", message(slackevents.MessageEvent{ChannelType: "im", Channel: "D0ASKER", Text: "wie is algemeen directeur", ThreadTimeStamp: "1700000000.000001"}), true, "D0ASKER", "1700000000.000001", "wie is algemeen directeur"},
		{"direct message help", message(slackevents.MessageEvent{ChannelType: "im", Channel: "D0ASKER", Text: "help"}), true, "D0ASKER", "", ""},
		{"channel message mentioning the bot", message(slackevents.MessageEvent{ChannelType: "channel", Channel: "C0ALGEMEEN", Text: "<@UBOT0WIE> wie is algemeen directeur"}), true, "C0ALGEMEEN", "1700000000.000200", "wie is algemeen directeur"},
		{"channel message not for the bot", message(slackevents.MessageEvent{ChannelType: "channel", Channel: "C0ALGEMEEN", Text: "wie is algemeen directeur"}), false, "", "", ""},
		{"edited message", message(slackevents.MessageEvent{ChannelType: "im", Channel: "D0ASKER", SubType: "message_changed"}), false, "", "", ""},
		{"deleted message", message(slackevents.MessageEvent{ChannelType: "im", Channel: "D0ASKER", SubType: "message_deleted"}), false, "", "", ""},
		{"channel join", message(slackevents.MessageEvent{ChannelType: "channel", Channel: "C1", SubType: "channel_join", Text: "<@UBOT0WIE> joined"}), false, "", "", ""},
		{"bot message", message(slackevents.MessageEvent{ChannelType: "im", Channel: "D0ASKER", SubType: "bot_message", BotID: "B1", Text: "wie"}), false, "", "", ""},
		{"message with bot_id", message(slackevents.MessageEvent{ChannelType: "im", Channel: "D0ASKER", BotID: "B1", Text: "wie"}), false, "", "", ""},
		{"own message", message(slackevents.MessageEvent{ChannelType: "im", Channel: "D0ASKER", User: botUser, Text: "Miet Gobert"}), false, "", "", ""},
		{"other event type", slackevents.EventsAPIInnerEvent{Type: "reaction_added", Data: &slackevents.ReactionAddedEvent{}}, false, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			asker := mietAsker()
			h, rec := newTestHandler(t, asker, zerolog.Nop())
			h.HandleEvent(context.Background(), "Ev1", tt.event, zerolog.Nop())
			h.Close()
			got := rec.all()
			if !tt.answered {
				if len(got) != 0 || len(asker.askedQuestions()) != 0 {
					t.Fatalf("answered %v (asked %q), want no answer", got, asker.askedQuestions())
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("sent %d messages, want 1", len(got))
			}
			s := got[0]
			if s.how != "post" || s.channel != tt.channel || s.threadTS != tt.threadTS {
				t.Errorf("sent %s to %q thread %q, want post to %q thread %q", s.how, s.channel, s.threadTS, tt.channel, tt.threadTS)
			}
			asked := asker.askedQuestions()
			if tt.asked == "" {
				if len(asked) != 0 || !strings.Contains(blocksJSON(s.resp.Message), "Stel je vraag in gewone taal") {
					t.Errorf("want help without asking, asked %q", asked)
				}
				return
			}
			if len(asked) != 1 || asked[0] != tt.asked {
				t.Errorf("asked %q, want %q", asked, tt.asked)
			}
			if !strings.Contains(blocksJSON(s.resp.Message), "Miet Gobert") {
				t.Errorf("answer lacks Miet Gobert: %s", blocksJSON(s.resp.Message))
			}
		})
	}
}

func TestHandleEventDedupe(t *testing.T) {
	h, rec := newTestHandler(t, mietAsker(), zerolog.Nop())
	ctx := context.Background()
	q := "<@UBOT0WIE> wie is algemeen directeur"
	h.HandleEvent(ctx, "Ev1", mention(q, "1700000000.000100", ""), zerolog.Nop())
	h.HandleEvent(ctx, "Ev1", mention(q, "1700000000.000100", ""), zerolog.Nop()) // retried delivery
	// The same mention as a message.channels event, with its own event_id.
	h.HandleEvent(ctx, "Ev2", message(slackevents.MessageEvent{ChannelType: "channel", Channel: "C0ALGEMEEN", Text: q, TimeStamp: "1700000000.000100"}), zerolog.Nop())
	// A new question in the same channel is answered.
	h.HandleEvent(ctx, "Ev3", mention(q, "1700000000.000999", ""), zerolog.Nop())
	// An event without an id is not a duplicate of anything by id, but its
	// message still is.
	h.HandleEvent(ctx, "", mention(q, "1700000000.000999", ""), zerolog.Nop())
	h.Close()
	got := rec.all()
	if len(got) != 2 {
		t.Fatalf("sent %d answers, want 2", len(got))
	}
	threads := map[string]bool{got[0].threadTS: true, got[1].threadTS: true}
	if !threads["1700000000.000100"] || !threads["1700000000.000999"] {
		t.Errorf("answered threads %v", threads)
	}
}

func TestHandleEventIgnoredFirstDoesNotBlockMention(t *testing.T) {
	// A channel message that is not for the bot must not mark its ts as
	// answered.
	h, rec := newTestHandler(t, mietAsker(), zerolog.Nop())
	ctx := context.Background()
	h.HandleEvent(ctx, "Ev1", message(slackevents.MessageEvent{ChannelType: "channel", Channel: "C0ALGEMEEN", Text: "gewoon een bericht", TimeStamp: "1700000000.000100"}), zerolog.Nop())
	h.HandleEvent(ctx, "Ev2", mention("<@UBOT0WIE> wie is algemeen directeur", "1700000000.000100", ""), zerolog.Nop())
	h.Close()
	if n := len(rec.all()); n != 1 {
		t.Fatalf("sent %d, want 1", n)
	}
}

func TestHandleSlash(t *testing.T) {
	tests := []struct {
		text      string
		help      bool
		wantShare bool
	}{
		{"", true, false},
		{"help", true, false},
		{"  hulp ", true, false},
		{"wie is algemeen directeur", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			asker := mietAsker()
			h, rec := newTestHandler(t, asker, zerolog.Nop())
			h.HandleSlash(context.Background(), slack.SlashCommand{
				Command: "/wie", Text: tt.text, ChannelID: "C0ALGEMEEN", UserID: "U0ASKER",
				ResponseURL: "https://hooks.slack.test/commands/1", TriggerID: "trig-1",
			}, zerolog.Nop())
			h.Close()
			got := rec.all()
			if len(got) != 1 || got[0].how != "respond" || got[0].resp.ResponseType != responseEphemeral {
				t.Fatalf("sent %+v, want one ephemeral response", got)
			}
			blocks := blocksJSON(got[0].resp.Message)
			if tt.help != strings.Contains(blocks, "/wie wie is algemeen directeur") {
				t.Errorf("help shown = %v, want %v: %s", !tt.help, tt.help, blocks)
			}
			if tt.wantShare != strings.Contains(blocks, actionShare) {
				t.Errorf("share button = %v, want %v", !tt.wantShare, tt.wantShare)
			}
			if tt.wantShare && !strings.Contains(blocks, "Je vroeg: _wie is algemeen directeur_") {
				t.Errorf("question not shown: %s", blocks)
			}
		})
	}
}

func TestHandleSlashWithoutResponseURL(t *testing.T) {
	h, rec := newTestHandler(t, mietAsker(), zerolog.Nop())
	h.HandleSlash(context.Background(), slack.SlashCommand{Command: "/wie", Text: "wie is algemeen directeur", ChannelID: "C1", UserID: "U0ASKER"}, zerolog.Nop())
	h.Close()
	got := rec.all()
	if len(got) != 1 || got[0].how != "ephemeral" || got[0].channel != "C1" || got[0].user != "U0ASKER" {
		t.Fatalf("sent %+v, want chat.postEphemeral", got)
	}
}

func blockAction(actionID, value, responseURL string) slack.InteractionCallback {
	return slack.InteractionCallback{
		Type:        slack.InteractionTypeBlockActions,
		TriggerID:   "trig-" + actionID,
		ResponseURL: responseURL,
		User:        slack.User{ID: "U0ASKER"},
		Channel:     slack.Channel{GroupConversation: slack.GroupConversation{Conversation: slack.Conversation{ID: "C0ALGEMEEN"}}},
		ActionCallback: slack.ActionCallbacks{BlockActions: []*slack.BlockAction{
			{ActionID: actionID, Value: value},
		}},
	}
}

func TestHandleInteractionShare(t *testing.T) {
	asker := mietAsker()
	h, rec := newTestHandler(t, asker, zerolog.Nop())
	h.HandleInteraction(context.Background(), blockAction(actionShare, questionValue("wie is algemeen directeur"), "https://hooks.slack.test/actions/1"), zerolog.Nop())
	h.Close()
	got := rec.all()
	if len(got) != 2 {
		t.Fatalf("sent %d, want the shared answer and the removal", len(got))
	}
	shared, removed := got[0], got[1]
	if shared.how != "respond" || shared.resp.ResponseType != responseInChannel || shared.resp.ReplaceOriginal {
		t.Errorf("shared as %+v", shared)
	}
	blocks := blocksJSON(shared.resp.Message)
	for _, want := range []string{"Miet Gobert", "<@U0ASKER> vroeg", "tel:+3250630100"} {
		if !strings.Contains(blocks, want) {
			t.Errorf("shared answer lacks %q: %s", want, blocks)
		}
	}
	if strings.Contains(blocks, actionShare) {
		t.Error("the shared answer still has a share button")
	}
	if !removed.resp.DeleteOriginal {
		t.Errorf("second call %+v, want delete_original", removed)
	}
}

func TestHandleInteractionMore(t *testing.T) {
	asker := mietAsker()
	h, rec := newTestHandler(t, asker, zerolog.Nop())
	h.HandleInteraction(context.Background(), blockAction(actionMore, questionValue("wie is algemeen directeur"), "https://hooks.slack.test/actions/2"), zerolog.Nop())
	h.Close()
	got := rec.all()
	if len(got) != 1 || got[0].resp.ResponseType != responseEphemeral || got[0].resp.ReplaceOriginal {
		t.Fatalf("sent %+v, want one ephemeral response", got)
	}
	if b := blocksJSON(got[0].resp.Message); !strings.Contains(b, "Jan Peeters") || strings.Contains(b, "*Miet Gobert*") {
		t.Errorf("more results = %s", b)
	}
	if asker.tops[0] != moreTop {
		t.Errorf("asked for %d, want %d", asker.tops[0], moreTop)
	}
}

func TestHandleInteractionFeedback(t *testing.T) {
	var logs syncBuffer
	log := zerolog.New(&logs)
	h, rec := newTestHandler(t, mietAsker(), log)
	for _, id := range []string{actionFeedbackUp, actionFeedbackDown} {
		cb := blockAction(id, feedbackValue("q1", "000_miet.txt", "wie is <algemeen> directeur"), "https://hooks.slack.test/actions/3")
		h.HandleInteraction(context.Background(), cb, log.With().Str("request_id", "req-"+id).Logger())
		h.HandleInteraction(context.Background(), cb, log) // delivered twice: logged once
	}
	h.Close()
	var votes []string
	for _, l := range logLines(t, logs.String()) {
		if l["message"] != "feedback" {
			continue
		}
		votes = append(votes, l["feedback"].(string))
		if l["level"] != "info" || l["question"] != "wie is <algemeen> directeur" || l["source"] != "000_miet.txt" || l["user"] != "U0ASKER" || l["request_id"] == nil {
			t.Errorf("feedback log line %v", l)
		}
	}
	sort.Strings(votes)
	if strings.Join(votes, ",") != "down,up" {
		t.Errorf("votes logged %v, want up,down", votes)
	}
	// 👍 is thanked; 👎 opens the modal that asks what was wrong.
	got := rec.all()
	sort.Slice(got, func(i, j int) bool { return got[i].how < got[j].how })
	if len(got) != 2 || !strings.Contains(got[0].resp.Text, "Bedankt") || got[0].resp.ResponseType != responseEphemeral {
		t.Fatalf("sent %+v, want thanks and a modal", got)
	}
	if got[1].how != "views.open" || got[1].modal.CallbackID != callbackFeedback || got[1].url != "trig-"+actionFeedbackDown {
		t.Errorf("👎 sent %+v, want the feedback modal", got[1])
	}
}

func TestAskErrorIsFriendly(t *testing.T) {
	var logs syncBuffer
	asker := newFakeAsker()
	asker.err = errors.New("bleve: index closed")
	h, rec := newTestHandler(t, asker, zerolog.New(&logs))
	h.HandleEvent(context.Background(), "Ev1", mention("<@UBOT0WIE> wie is algemeen directeur", "1", ""), zerolog.New(&logs))
	h.Close()
	got := rec.all()
	if len(got) != 1 || !strings.Contains(got[0].resp.Text, "er ging iets mis") {
		t.Fatalf("sent %+v, want the error message", got)
	}
	if !strings.Contains(logs.String(), "bleve: index closed") {
		t.Error("the cause is not logged")
	}
}

func TestPostFailureIsLogged(t *testing.T) {
	var logs syncBuffer
	h, rec := newTestHandler(t, mietAsker(), zerolog.New(&logs))
	rec.err = errors.New("channel_not_found")
	h.HandleEvent(context.Background(), "Ev1", mention("<@UBOT0WIE> wie is algemeen directeur", "1", ""), zerolog.New(&logs).With().Str("request_id", "r1").Logger())
	h.Close()
	for _, l := range logLines(t, logs.String()) {
		if l["level"] == "error" && strings.Contains(l["error"].(string), "channel_not_found") {
			if l["event_id"] != "Ev1" || l["request_id"] != "r1" {
				t.Errorf("error line lacks ids: %v", l)
			}
			return
		}
	}
	t.Errorf("no error logged: %s", logs.String())
}

func TestCloseWaitsForAnswersInFlight(t *testing.T) {
	asker := mietAsker()
	gate := make(chan struct{})
	asker.gates["wie is algemeen directeur"] = gate
	h, rec := newTestHandler(t, asker, zerolog.Nop())
	h.HandleEvent(context.Background(), "Ev1", mention("<@UBOT0WIE> wie is algemeen directeur", "1", ""), zerolog.Nop())
	select {
	case <-asker.started:
	case <-time.After(10 * time.Second):
		t.Fatal("the answer did not start")
	}

	closed := make(chan struct{})
	go func() {
		h.Close()
		close(closed)
	}()
	// Wait until Close has refused new work, then check it is still
	// waiting for the answer held at the gate.
	deadline := time.Now().Add(10 * time.Second)
	for {
		h.mu.Lock()
		c := h.closed
		h.mu.Unlock()
		if c {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("Close did not start")
		}
		time.Sleep(time.Millisecond)
	}
	select {
	case <-closed:
		t.Fatal("Close returned while an answer was in flight")
	default:
	}
	// New work is refused during shutdown.
	h.HandleEvent(context.Background(), "Ev2", mention("<@UBOT0WIE> wie is algemeen directeur", "2", ""), zerolog.Nop())

	close(gate)
	<-closed
	got := rec.all()
	if len(got) != 1 || got[0].threadTS != "1" {
		t.Fatalf("sent %+v, want only the answer in flight", got)
	}
}

// TestAnswerPanicIsContained: a panic while answering is logged with the
// delivery's ids, counted, and the asker gets an apology where the answer
// would have gone, whatever way the question came in.
func TestAnswerPanicIsContained(t *testing.T) {
	slash := slack.SlashCommand{Command: "/wie", Text: "wie is algemeen directeur", ChannelID: "C0ALGEMEEN", UserID: "U0ASKER",
		ResponseURL: "https://hooks.slack.test/commands/1", TriggerID: "trig-1"}
	tests := []struct {
		name    string
		deliver func(h *Handler, log zerolog.Logger)
		wantHow string
		wantID  string // log field that must carry the delivery's id
	}{
		{"mention", func(h *Handler, log zerolog.Logger) {
			h.HandleEvent(context.Background(), "Ev1", mention("<@UBOT0WIE> wie", "1", ""), log)
		}, "post", "event_id"},
		{"direct message", func(h *Handler, log zerolog.Logger) {
			h.HandleEvent(context.Background(), "Ev2", message(slackevents.MessageEvent{ChannelType: "im", Channel: "D0ASKER", Text: "wie"}), log)
		}, "post", "event_id"},
		{"slash command", func(h *Handler, log zerolog.Logger) {
			h.HandleSlash(context.Background(), slash, log)
		}, "respond", "request_id"},
		{"more results", func(h *Handler, log zerolog.Logger) {
			h.HandleInteraction(context.Background(), blockAction(actionMore, questionValue("wie"), "https://hooks.slack.test/actions/1"), log)
		}, "respond", "request_id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logs syncBuffer
			m := metrics.New()
			h, rec := newTestHandler(t, panicAsker{}, zerolog.New(&logs))
			h.metrics = m
			tt.deliver(h, zerolog.New(&logs).With().Str("request_id", "req-1").Logger())
			h.Close()

			sent := rec.all()
			if len(sent) != 1 || sent[0].how != tt.wantHow || !strings.Contains(sent[0].resp.Text, "er ging iets mis") {
				t.Fatalf("sent %+v, want one apology by %s", sent, tt.wantHow)
			}
			if tt.wantHow == "respond" && sent[0].resp.ResponseType != responseEphemeral {
				t.Errorf("apology is %q, want ephemeral", sent[0].resp.ResponseType)
			}
			panicked := false
			for _, l := range logLines(t, logs.String()) {
				if l["message"] == "answer panicked" {
					panicked = true
					if l[tt.wantID] == nil || l["panic"] != "boom" || l["stack"] == nil {
						t.Errorf("panic log line lacks %s, panic or stack: %v", tt.wantID, l)
					}
				}
			}
			if !panicked {
				t.Errorf("panic not logged: %s", logs.String())
			}
			if got := scrape(t, m, "wieiswie_panics_total"); got != 1 {
				t.Errorf("wieiswie_panics_total = %v, want 1", got)
			}
		})
	}
}

// TestApologyFailureIsContained: when even the apology cannot be sent (it
// panics too), the handler still finishes and Close returns.
func TestApologyFailureIsContained(t *testing.T) {
	var logs syncBuffer
	h, _ := newTestHandler(t, panicAsker{}, zerolog.New(&logs))
	h.send = panicMessenger{}
	h.HandleEvent(context.Background(), "Ev1", mention("<@UBOT0WIE> wie", "1", ""), zerolog.New(&logs))
	h.Close()
	if !strings.Contains(logs.String(), "apology panicked too") {
		t.Errorf("second panic not logged: %s", logs.String())
	}
}

type panicAsker struct{}

func (panicAsker) Ask(context.Context, string, int) (knowledge.Result, error) { panic("boom") }

type panicMessenger struct{}

func (panicMessenger) post(context.Context, string, string, Message) error { panic("post") }
func (panicMessenger) postEphemeral(context.Context, string, string, string, Message) error {
	panic("postEphemeral")
}
func (panicMessenger) respond(context.Context, string, response) error { panic("respond") }
func (panicMessenger) openView(context.Context, string, slack.ModalViewRequest) error {
	panic("views.open")
}
func (panicMessenger) publishView(context.Context, string, slack.HomeTabViewRequest) error {
	panic("views.publish")
}
