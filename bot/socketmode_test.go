package bot

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/wieiswie/wieiswie/internal/slackfake"
)

const mentionTS = "1700000000.000100"

func appMention(text, ts string) map[string]any {
	return map[string]any{
		"type": "app_mention", "user": "U0ASKER", "text": text, "ts": ts,
		"channel": "C0ALGEMEEN", "event_ts": ts,
	}
}

func channelMessage(text, ts string) map[string]any {
	return map[string]any{
		"type": "message", "channel_type": "channel", "user": "U0ASKER", "text": text, "ts": ts,
		"channel": "C0ALGEMEEN", "event_ts": ts,
	}
}

func directMessage(text, ts string) map[string]any {
	return map[string]any{
		"type": "message", "channel_type": "im", "user": "U0ASKER", "text": text, "ts": ts,
		"channel": "D0ASKER", "event_ts": ts,
	}
}

// TestSocketModeEndToEnd runs the real Serve path in Socket Mode against a
// loopback Slack: envelopes are acknowledged, mentions answered in their
// thread, DMs in the DM, /wie ephemerally, and "Deel in kanaal" posts in the
// channel. Duplicates are answered once.
func TestSocketModeEndToEnd(t *testing.T) {
	r := startBot(t, realIndex(t), true)
	fake := r.fake

	if code, body := r.get(t, "/healthz"); code != 200 || !strings.Contains(body, `"mode":"socket"`) {
		t.Fatalf("healthz = %d %s", code, body)
	}

	// A mention in a channel: answered in a thread under the question.
	fake.Send("env-1", "events_api", slackfake.EventEnvelope("Ev1", appMention("<@UBOT0WIE> wie is algemeen directeur", mentionTS)))
	fake.WaitAck("env-1")
	c := fake.NextCall()
	if c.Method != "chat.postMessage" || c.Channel != "C0ALGEMEEN" || c.ThreadTS != mentionTS {
		t.Fatalf("mention answered with %s to %s thread %q", c.Method, c.Channel, c.ThreadTS)
	}
	wantMiet(t, c)

	// The same event again (a retry), and the same mention as a
	// message.channels event: acknowledged, not answered again.
	retry := slackfake.EventEnvelope("Ev1", appMention("<@UBOT0WIE> wie is algemeen directeur", mentionTS))
	fake.Send("env-2", "events_api", retry)
	fake.WaitAck("env-2")
	fake.Send("env-3", "events_api", slackfake.EventEnvelope("Ev2", channelMessage("<@UBOT0WIE> wie is algemeen directeur", mentionTS)))
	fake.WaitAck("env-3")

	// A direct message: answered in the DM, not in a thread.
	fake.Send("env-4", "events_api", slackfake.EventEnvelope("Ev3", directMessage("telefoonnummer van de algemeen directeur", "1700000000.000500")))
	fake.WaitAck("env-4")
	c = fake.NextCall()
	if c.Method != "chat.postMessage" || c.Channel != "D0ASKER" || c.ThreadTS != "" {
		t.Fatalf("DM answered with %s to %s thread %q (a duplicate answer?)", c.Method, c.Channel, c.ThreadTS)
	}
	wantMiet(t, c)

	// /wie: an ephemeral answer through the response_url, with a share
	// button.
	fake.Send("env-5", "slash_commands", slackfake.SlashCommand("wie is algemeen directeur", fake.ResponseURL("slash-1"), "trig-1"))
	fake.WaitAck("env-5")
	c = fake.NextCall()
	if c.Method != "response" || c.ResponseName != "slash-1" || c.ResponseType != "ephemeral" {
		t.Fatalf("slash command answered with %+v", c)
	}
	wantMiet(t, c)
	share := buttonValue(t, c, actionShare)

	// "Deel in kanaal": posted in the channel, the ephemeral one removed.
	fake.Send("env-6", "interactive", slackfake.BlockAction(actionShare, share, fake.ResponseURL("share-1"), "trig-2"))
	fake.WaitAck("env-6")
	c = fake.NextCall()
	if c.Method != "response" || c.ResponseName != "share-1" || c.ResponseType != "in_channel" || c.ReplaceOriginal {
		t.Fatalf("share posted %+v", c)
	}
	wantMiet(t, c)
	if !strings.Contains(decodedBlocks(c), "<@U0ASKER> vroeg") {
		t.Errorf("shared answer does not say who asked: %s", decodedBlocks(c))
	}
	if c = fake.NextCall(); !c.DeleteOriginal || c.ResponseName != "share-1" {
		t.Fatalf("after sharing: %+v, want delete_original", c)
	}

	// /wie without a question: help.
	fake.Send("env-7", "slash_commands", slackfake.SlashCommand("", fake.ResponseURL("slash-2"), "trig-3"))
	fake.WaitAck("env-7")
	if c = fake.NextCall(); c.ResponseName != "slash-2" || !strings.Contains(decodedBlocks(c), "/wie wie is algemeen directeur") {
		t.Fatalf("help = %+v", c)
	}

	// An envelope slack-go cannot parse is still acknowledged.
	fake.Send("env-8", "events_api", slackfake.EventEnvelope("Ev4", map[string]any{"type": "no_such_event_type"}))
	fake.WaitAck("env-8")

	if err := r.stop(); err != nil {
		t.Fatalf("Serve returned %v", err)
	}
	// Serve has waited for every answer: the counts are final.
	calls := fake.Calls()
	if n := countCalls(calls, func(c slackfake.Call) bool { return c.ThreadTS == mentionTS }); n != 1 {
		t.Errorf("the mention was answered %d times, want 1", n)
	}
	if len(calls) != 6 {
		t.Errorf("%d calls to Slack, want 6", len(calls))
	}
	if fake.AuthTests() != 1 {
		t.Errorf("auth.test called %d times", fake.AuthTests())
	}
	r.checkLogs(t)
}

// TestSocketModeAcksBeforeAnswering holds the search at a gate: the
// envelope must be acknowledged while the answer is still being made.
func TestSocketModeAcksBeforeAnswering(t *testing.T) {
	asker := newGatedAsker(realIndex(t))
	gate := asker.gate("wie is algemeen directeur")
	r := startBot(t, asker, true)

	r.fake.Send("env-1", "events_api", slackfake.EventEnvelope("Ev1", appMention("<@UBOT0WIE> wie is algemeen directeur", mentionTS)))
	waitStarted(t, asker.started, "wie is algemeen directeur")
	r.fake.WaitAck("env-1")
	r.fake.Send("env-2", "slash_commands", slackfake.SlashCommand("wie is algemeen directeur", r.fake.ResponseURL("slash"), "trig-1"))
	waitStarted(t, asker.started, "wie is algemeen directeur")
	r.fake.WaitAck("env-2")
	if n := len(r.fake.Calls()); n != 0 {
		t.Fatalf("%d answers sent while the search is held", n)
	}
	close(gate)
	got := map[string]bool{}
	for range 2 {
		c := r.fake.NextCall()
		wantMiet(t, c)
		got[c.Method] = true
	}
	if !got["chat.postMessage"] || !got["response"] {
		t.Errorf("answers: %v", got)
	}
}

// TestSocketModeGracefulShutdown cancels while an answer is in flight:
// Serve returns only after that answer was posted.
func TestSocketModeGracefulShutdown(t *testing.T) {
	asker := newGatedAsker(realIndex(t))
	gate := asker.gate("wie is algemeen directeur")
	r := startBot(t, asker, true)

	r.fake.Send("env-1", "events_api", slackfake.EventEnvelope("Ev1", appMention("<@UBOT0WIE> wie is algemeen directeur", mentionTS)))
	waitStarted(t, asker.started, "wie is algemeen directeur")

	stopped := make(chan error, 1)
	go func() { stopped <- r.stop() }()
	// Give shutdown every chance to (wrongly) finish first: it is waiting
	// on the gate, so this cannot make a correct implementation fail.
	select {
	case err := <-stopped:
		t.Fatalf("Serve returned (%v) while an answer was in flight", err)
	case <-time.After(50 * time.Millisecond):
	}
	close(gate)
	if err := <-stopped; err != nil {
		t.Fatalf("Serve returned %v", err)
	}
	calls := r.fake.Calls()
	if len(calls) != 1 || calls[0].ThreadTS != mentionTS {
		t.Fatalf("calls after shutdown: %+v", calls)
	}
	wantMiet(t, calls[0])
}

func TestServeRejectsBadTokens(t *testing.T) {
	tests := []struct {
		name     string
		botToken string
		appToken string
		wantErr  string
	}{
		{"bot token refused", "xoxb-9-9-s3cr3tWRONG", testAppToken, "auth.test (check the bot token): invalid_auth"},
		{"app token refused", testBotToken, "xapp-9-9-s3cr3tWRONG", "socket mode: invalid_auth"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := slackfake.New(t, testBotToken, testAppToken)
			cfg := Config{BotToken: tt.botToken, AppToken: tt.appToken, ListenAddr: "127.0.0.1:0", APIURL: fake.APIURL()}
			var logs syncBuffer
			b, err := New(cfg, Deps{Asker: newFakeAsker()}, zerolog.New(&logs))
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			err = b.Run(ctx)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Run = %v, want %q", err, tt.wantErr)
			}
			if strings.Contains(err.Error(), "s3cr3t") {
				t.Errorf("error leaks the token: %v", err)
			}
			checkNoSecrets(t, logs.String())
		})
	}
}

func TestNewRejects(t *testing.T) {
	good := Config{BotToken: testBotToken, AppToken: testAppToken, ListenAddr: ":0"}
	if _, err := New(good, Deps{}, zerolog.Nop()); err == nil {
		t.Error("New without an Asker succeeded")
	}
	bad := good
	bad.BotToken = ""
	if _, err := New(bad, Deps{Asker: newFakeAsker()}, zerolog.Nop()); err == nil || !strings.Contains(err.Error(), "no bot token") {
		t.Errorf("New without a bot token: %v", err)
	}
	bad = good
	bad.AppToken = ""
	if _, err := New(bad, Deps{Asker: newFakeAsker()}, zerolog.Nop()); err == nil || !strings.Contains(err.Error(), "signing secret") {
		t.Errorf("New without a transport: %v", err)
	}
}
