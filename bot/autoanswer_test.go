package bot

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/rs/zerolog"
	"github.com/slack-go/slack/slackevents"

	"github.com/wieiswie/wieiswie/index"
	"github.com/wieiswie/wieiswie/internal/slackfake"
	"github.com/wieiswie/wieiswie/knowledge"
)

const onboarding = "C0ONTHAAL"

var (
	sampleOnce sync.Once
	sampleIx   *index.Index
	sampleErr  error
)

// sampleIndex is the customer's sample town (knowledge/testdata/sample), whose
// people have e-mail addresses and whose questions the index answers well.
func sampleIndex(t *testing.T) *index.Index {
	t.Helper()
	sampleOnce.Do(func() {
		docs, problems := knowledge.Load(context.Background(), "../knowledge/testdata/sample/corpus", knowledge.Options{})
		if len(problems) > 0 {
			sampleErr = problems[0]
			return
		}
		sampleIx, sampleErr = index.Build(context.Background(), docs, index.Options{})
	})
	if sampleErr != nil {
		t.Fatal(sampleErr)
	}
	return sampleIx
}

// inChannel is a message in a channel, as message.channels delivers it.
func inChannel(channel, text, ts, threadTS string) slackevents.EventsAPIInnerEvent {
	return message(slackevents.MessageEvent{Channel: channel, ChannelType: "channel", Text: text, TimeStamp: ts, ThreadTimeStamp: threadTS})
}

func TestAutoAnswer(t *testing.T) {
	type delivery struct {
		id string
		ev slackevents.EventsAPIInnerEvent
	}
	const ts = "1700000100.000100"
	tests := []struct {
		name       string
		deliveries []delivery
		want       string // the answer's person; "" for silence
	}{
		{"a who-question in a listed channel", []delivery{
			{"Ev1", inChannel(onboarding, "Hoi allemaal, bij wie kan ik terecht voor mijn loonbrief?", ts, "")},
		}, "Saskia Van Damme"},
		{"the same event delivered twice", []delivery{
			{"Ev1", inChannel(onboarding, "wie is de preventieadviseur?", ts, "")},
			{"Ev1", inChannel(onboarding, "wie is de preventieadviseur?", ts, "")},
		}, "Jelle Coppens"},
		{"waar kan ik …", []delivery{
			{"Ev1", inChannel(onboarding, "Waar kan ik een datalek melden?", ts, "")},
		}, "Charlotte Mortier"},
		{"small talk: lunch", []delivery{{"Ev1", inChannel(onboarding, "wie gaat er mee lunchen?", ts, "")}}, ""},
		{"small talk: quiz", []delivery{{"Ev1", inChannel(onboarding, "Wie doet er mee met de quiz vrijdag?", ts, "")}}, ""},
		{"small talk: a greeting", []delivery{{"Ev1", inChannel(onboarding, "Goedemorgen iedereen! Fijne week.", ts, "")}}, ""},
		{"not a who-question", []delivery{{"Ev1", inChannel(onboarding, "de preventieadviseur is er vandaag niet", ts, "")}}, ""},
		{"a reply in someone's thread", []delivery{
			{"Ev1", inChannel(onboarding, "wie is de preventieadviseur?", ts, "1700000000.000001")},
		}, ""},
		{"an unlisted channel", []delivery{{"Ev1", inChannel("C0ALGEMEEN", "wie is de preventieadviseur?", ts, "")}}, ""},
		{"addressed to a colleague", []delivery{
			{"Ev1", inChannel(onboarding, "<@U0JAN> wie is de preventieadviseur?", ts, "")},
		}, ""},
		{"low confidence", []delivery{{"Ev1", inChannel(onboarding, "wie is er vandaag thuis?", ts, "")}}, ""},
		{"not sure: bedoelde je", []delivery{{"Ev1", inChannel(onboarding, "wie zit er in de vergadering van 10u?", ts, "")}}, ""},
		{"message and app_mention: answered once, as a mention", []delivery{
			{"Ev1", inChannel(onboarding, "<@"+botUser+"> wie is de preventieadviseur?", ts, "")},
			{"Ev2", slackevents.EventsAPIInnerEvent{Type: "app_mention", Data: &slackevents.AppMentionEvent{
				Type: "app_mention", User: "U0ASKER", Text: "<@" + botUser + "> wie is de preventieadviseur?", TimeStamp: ts, Channel: onboarding,
			}}},
		}, "Jelle Coppens"},
		{"app_mention first, then the message", []delivery{
			{"Ev2", slackevents.EventsAPIInnerEvent{Type: "app_mention", Data: &slackevents.AppMentionEvent{
				Type: "app_mention", User: "U0ASKER", Text: "<@" + botUser + "> wie is de preventieadviseur?", TimeStamp: ts, Channel: onboarding,
			}}},
			{"Ev1", inChannel(onboarding, "<@"+botUser+"> wie is de preventieadviseur?", ts, "")},
		}, "Jelle Coppens"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, rec := newTestHandler(t, sampleIndex(t), zerolog.Nop())
			h.autoAnswers = func(c string) bool { return c == onboarding }
			for _, d := range tt.deliveries {
				h.HandleEvent(context.Background(), d.id, d.ev, zerolog.Nop())
			}
			h.Close()
			got := rec.all()
			if tt.want == "" {
				if len(got) > 0 {
					t.Fatalf("answered %d times, want silence: %s", len(got), blocksJSON(got[0].resp.Message))
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("answered %d times, want once", len(got))
			}
			s := got[0]
			if s.how != "post" || s.channel != onboarding || s.threadTS != ts {
				t.Errorf("answer went to %s %s thread %q, want the question's thread %s", s.how, s.channel, s.threadTS, ts)
			}
			if b := blocksJSON(s.resp.Message); !strings.Contains(b, tt.want) {
				t.Errorf("answer lacks %s:\n%s", tt.want, b)
			}
		})
	}
}

func TestIsWhoQuestion(t *testing.T) {
	for text, want := range map[string]bool{
		"wie is de preventieadviseur?":                   true,
		"Bij wie kan ik terecht voor verlof?":            true,
		"Hallo collega's, weet iemand wie de DPO is?":    true,
		"Goedemorgen! Waar kan ik mijn badge ophalen?":   true,
		"Who handles complaints?":                        true,
		"Sorry, even een vraagje: aan wie geef ik dit?":  true,
		"wiens fiets staat er aan de ingang?":            false,
		"ik weet niet wie dat is":                        false,
		"Welkom aan alle nieuwe collega's!":              false,
		"wie":                                            false,
		"Vandaag is de receptie. Wie komt er?":           true, // a who-question; small talk is stopped by confidence
		"de preventieadviseur, wie zou dat nu weer zijn": true,
	} {
		if got := autoWords.isWhoQuestion(text); got != want {
			t.Errorf("isWhoQuestion(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestAutoAnswerOverSocketMode runs the whole path: AUTO_ANSWER_CHANNELS
// from the Config, a message.channels event over Socket Mode, the answer in
// the thread with the button that opens a direct message.
func TestAutoAnswerOverSocketMode(t *testing.T) {
	fake := slackfake.New(t, testBotToken, testAppToken)
	fake.AddUser("jelle.coppens@kastelbroek.be", "U0JELLE")
	r := startBotWith(t, sampleIndex(t), true, botSetup{fake: fake, tweak: func(b *Bot) {
		b.cfg.AutoAnswerChannels = []string{onboarding}
	}})
	const ts = "1700000200.000100"
	r.fake.Send("env-1", "events_api", slackfake.EventEnvelope("Ev1", map[string]any{
		"type": "message", "channel_type": "channel", "user": "U0NIEUW", "text": "Dag iedereen, wie is de preventieadviseur?",
		"ts": ts, "channel": onboarding, "event_ts": ts,
	}))
	r.fake.WaitAck("env-1")
	c := r.fake.NextCall()
	blocks := decodedBlocks(c)
	if c.Method != "chat.postMessage" || c.Channel != onboarding || c.ThreadTS != ts || !strings.Contains(blocks, "Jelle Coppens") {
		t.Fatalf("answer = %+v", c)
	}
	if !strings.Contains(blocks, "https://app.slack.com/client/"+slackfake.TeamID+"/U0JELLE") || strings.Contains(blocks, "<@U0JELLE") {
		t.Errorf("the answer has no direct-message link, or mentions the person:\n%s", blocks)
	}
	r.checkLogs(t)
}
