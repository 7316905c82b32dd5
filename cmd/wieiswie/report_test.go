package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/wieiswie/wieiswie/internal/slackfake"
	"github.com/wieiswie/wieiswie/store"
	"github.com/wieiswie/wieiswie/store/sqlite"
)

// TestFeedbackLoopEndToEnd runs serve (Socket Mode, the embedded documents,
// the SQLite store) against the fake Slack as staff and an editor use it:
// questions, a 👎 explained in the modal, "Meld dat dit ontbreekt", a
// "Bedoelde je …?" candidate, the Home tab of an editor and of someone
// else; then `wieiswie report --json` lists what happened.
func TestFeedbackLoopEndToEnd(t *testing.T) {
	fake := slackfake.New(t, serveTestBotToken, serveTestAppToken)
	dataDir, knowledgeDir := t.TempDir(), t.TempDir()
	// Two towns, so that a question naming neither gets "Bedoelde je …?"
	// with a candidate from each.
	if err := os.CopyFS(knowledgeDir, os.DirFS(twee)); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{
		"SLACK_BOT_TOKEN": serveTestBotToken,
		"SLACK_APP_TOKEN": serveTestAppToken,
		"SLACK_API_URL":   fake.APIURL(),
		"LISTEN_ADDR":     "127.0.0.1:0",
		"DATA_DIR":        dataDir,
		"KNOWLEDGE_DIR":   knowledgeDir,
		"EDITOR_USER_IDS": "U0EDITOR",
		"LOG_QUESTIONS":   "false",
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stderr serveLog
	exit := make(chan int, 1)
	go func() { exit <- runServe(ctx, []string{"--env-file", ""}, &stderr, &stderr, serveEnv(env), openIndex) }()
	fake.WaitConnected()

	mention := func(n int, text string) slackfake.Call {
		t.Helper()
		ts := "1700000000.00010" + string(rune('0'+n))
		fake.Send("env-q"+ts, "events_api", slackfake.EventEnvelope("EvQ"+ts, map[string]any{
			"type": "app_mention", "user": "U0ASKER", "text": "<@UBOT0WIE> " + text,
			"ts": ts, "channel": "C0ALGEMEEN", "event_ts": ts,
		}))
		c := fake.NextCall()
		if c.Method != "chat.postMessage" || c.ThreadTS != ts {
			t.Fatalf("%q answered with %+v", text, c)
		}
		return c
	}
	answer := mention(1, "wie is de algemeen directeur van zandhoven")
	notFound := mention(2, "wie is de brandweercommandant van heibeek")
	ambiguous := mention(3, "wie is de algemeen directeur")
	if !strings.Contains(readable(notFound.Blocks), "Meld dat dit ontbreekt") || strings.Contains(readable(notFound.Blocks), "👎") {
		t.Errorf("not-found answer has no \"Meld dat dit ontbreekt\" instead of 👍/👎: %s", readable(notFound.Blocks))
	}

	// 👎 opens the modal; its submission says what was wrong.
	fake.Send("env-down", "interactive", slackfake.BlockAction("wieiswie_feedback_down",
		valueOf(t, answer, "wieiswie_feedback_down"), fake.ResponseURL("down"), "trig-down"))
	modal := fake.NextCall()
	if modal.Method != "views.open" || modal.TriggerID != "trig-down" || !strings.Contains(readable(modal.View), "Wat klopte er niet?") {
		t.Fatalf("👎 gave %+v, want the modal", modal)
	}
	var view struct {
		CallbackID      string `json:"callback_id"`
		PrivateMetadata string `json:"private_metadata"`
	}
	if err := json.Unmarshal(modal.View, &view); err != nil {
		t.Fatal(err)
	}
	comment := "Zij is met pensioen <!channel> *nu Jan*"
	fake.Send("env-submit", "interactive", slackfake.ViewSubmission("U0ASKER", "V0MODAL", view.CallbackID, view.PrivateMetadata,
		map[string]map[string]string{"reason": {"reason": store.ReasonOutdated}, "comment": {"comment": comment}},
		map[string]bool{"reason": true}))
	fake.WaitAck("env-submit")

	// "Meld dat dit ontbreekt" is thanked.
	fake.Send("env-missing", "interactive", slackfake.BlockAction("wieiswie_missing",
		valueOf(t, notFound, "wieiswie_missing"), fake.ResponseURL("missing"), "trig-missing"))
	if c := fake.NextCall(); c.ResponseName != "missing" || !strings.Contains(c.Text, "ontbreekt") {
		t.Errorf("missing report answered %+v", c)
	}

	// A candidate button answers with that candidate.
	fake.Send("env-pick", "interactive", slackfake.BlockAction("wieiswie_pick_0",
		valueOf(t, ambiguous, "wieiswie_pick_0"), fake.ResponseURL("pick"), "trig-pick"))
	if c := fake.NextCall(); c.ResponseName != "pick" || !strings.Contains(readable(c.Blocks), `"type":"header"`) ||
		!strings.Contains(readable(c.Blocks), "Pieter Claes") && !strings.Contains(readable(c.Blocks), "Sofie Wouters") ||
		strings.Contains(readable(c.Blocks), "Bedoelde je") {
		t.Errorf("candidate click answered %+v", c)
	}

	// The store is written after the answers: wait until the modal's
	// explanation is there before the editor looks.
	waitFeedback(t, dataDir, func(fs []store.Feedback) bool {
		for _, f := range fs {
			if f.Comment == comment {
				return true
			}
		}
		return false
	})

	fake.Send("env-home-editor", "events_api", slackfake.EventEnvelope("EvHome1", slackfake.AppHomeOpened("U0EDITOR")))
	home := fake.NextCall()
	if home.Method != "views.publish" || home.User != "U0EDITOR" {
		t.Fatalf("editor's home: %+v", home)
	}
	editorView := readable(home.View)
	for _, want := range []string{"de laatste 30 dagen", "Niet gevonden", "wie is de brandweercommandant van heibeek", "1× gemeld als ontbrekend",
		"Als fout gemeld", "verouderd", "Zij is met pensioen &lt;!channel&gt; ∗nu Jan∗", "zandhoven/algemeen-directeur.txt", "Meest gevraagd"} {
		if !strings.Contains(editorView, want) {
			t.Errorf("editor's home lacks %q:\n%s", want, editorView)
		}
	}
	if strings.Contains(editorView, "<!channel>") {
		t.Error("a comment can ping the channel from the home tab")
	}

	fake.Send("env-home-staff", "events_api", slackfake.EventEnvelope("EvHome2", slackfake.AppHomeOpened("U0ASKER")))
	home = fake.NextCall()
	staffView := readable(home.View)
	if home.Method != "views.publish" || home.User != "U0ASKER" || !strings.Contains(staffView, "/wie wie is de algemeen directeur") ||
		strings.Contains(staffView, "Niet gevonden") || strings.Contains(staffView, "brandweercommandant") {
		t.Errorf("staff home (%s for %s):\n%s", home.Method, home.User, staffView)
	}

	cancel()
	if code := <-exit; code != 0 {
		t.Fatalf("serve exited %d:\n%s", code, stderr.String())
	}
	if strings.Contains(stderr.String(), "brandweercommandant") {
		t.Error("LOG_QUESTIONS=false, yet a question is in the log")
	}

	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"report", "--json", "--env-file", ""}, strings.NewReader(""), &out, &errb,
		serveEnv(map[string]string{"DATA_DIR": dataDir}))
	if code != 0 {
		t.Fatalf("report exited %d: %s", code, errb.String())
	}
	var r store.Report
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("report --json is not a report: %v\n%s", err, out.String())
	}
	if r.Questions != 3 || r.Answered != 1 || r.Ambiguous != 1 || r.NotFound != 1 || r.Askers != 1 {
		t.Errorf("report counts: %+v", r)
	}
	if len(r.Unanswered) != 1 || r.Unanswered[0].Question != "wie is de brandweercommandant van heibeek" || r.Unanswered[0].Count != 1 || r.Unanswered[0].Reported != 1 {
		t.Errorf("unanswered: %+v", r.Unanswered)
	}
	if len(r.MarkedWrong) != 1 || r.MarkedWrong[0].Question != "wie is de algemeen directeur van zandhoven" || r.MarkedWrong[0].Reason != store.ReasonOutdated ||
		r.MarkedWrong[0].Comment != comment || r.MarkedWrong[0].Document != "zandhoven/algemeen-directeur.txt" {
		t.Errorf("marked wrong: %+v", r.MarkedWrong)
	}
	if len(r.TopRoles) == 0 || r.TopRoles[0].Role != "algemeen directeur" || r.TopRoles[0].Count != 2 {
		t.Errorf("top roles: %+v", r.TopRoles)
	}
	var raw map[string]json.RawMessage
	_ = json.Unmarshal(out.Bytes(), &raw)
	if got := keys(raw); got != "ambiguous,answered,askers,failed,marked_wrong,never_shown,not_found,problems,questions,since,thumbs_up,top_roles,unanswered,until" {
		t.Errorf("report JSON keys %s differ from the README's shape", got)
	}

	// The same report as text.
	out.Reset()
	if code := run(context.Background(), []string{"report", "--since", "1d", "--env-file", ""}, strings.NewReader(""), &out, &errb,
		serveEnv(map[string]string{"DATA_DIR": dataDir})); code != 0 {
		t.Fatalf("report exited %d", code)
	}
	for _, want := range []string{"3 vragen van 1 persoon", "Niet gevonden", "1× wie is de brandweercommandant van heibeek — 1× gemeld als ontbrekend", "→ zandhoven/algemeen-directeur.txt — verouderd"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("text report lacks %q:\n%s", want, out.String())
		}
	}
}

func TestReportFlags(t *testing.T) {
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--since", "dertig"}, 2, `--since: "dertig" is not a period`},
		{[]string{"--since", "0d"}, 2, `"0d" is not a number of days`},
		{[]string{"extra"}, 2, `unexpected argument "extra"`},
	} {
		var out, errb bytes.Buffer
		code := run(context.Background(), append([]string{"report", "--env-file", ""}, tt.args...), strings.NewReader(""), &out, &errb,
			serveEnv(map[string]string{"DATA_DIR": t.TempDir()}))
		if code != tt.code || !strings.Contains(errb.String(), tt.want) {
			t.Errorf("report %v = %d %q, want %d and %q", tt.args, code, errb.String(), tt.code, tt.want)
		}
	}
	for in, want := range map[string]time.Duration{"30d": 30 * 24 * time.Hour, "2w": 14 * 24 * time.Hour, "12h": 12 * time.Hour} {
		if got, err := parsePeriod(in); err != nil || got != want {
			t.Errorf("parsePeriod(%q) = %v, %v", in, got, err)
		}
	}
}

// waitFeedback polls the SQLite store in dir (as another reader, which WAL
// allows) until ok says the feedback is there.
func waitFeedback(t *testing.T, dir string, ok func([]store.Feedback) bool) {
	t.Helper()
	s, err := sqlite.Open(context.Background(), dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	deadline := time.Now().Add(10 * time.Second)
	for {
		fs, err := s.Feedback(context.Background(), time.Time{})
		if err == nil && ok(fs) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("feedback not stored within 10s: %+v (%v)", fs, err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// readable is JSON as text, without JSON's escaping of <, > and &.
func readable(raw json.RawMessage) string {
	var v any
	_ = json.Unmarshal(raw, &v)
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
	return b.String()
}

// valueOf finds the value of the button with actionID in a message.
func valueOf(t *testing.T, c slackfake.Call, actionID string) string {
	t.Helper()
	v, ok := c.Button(actionID)
	if !ok {
		t.Fatalf("no %s button in %s", actionID, readable(c.Blocks))
	}
	return v
}

// A database that is down when serve starts does not stop the bot: it
// answers, /readyz says ready with the store unavailable, and what it could
// not store is counted.
func TestServeAnswersWithTheStoreDown(t *testing.T) {
	fake := slackfake.New(t, serveTestBotToken, serveTestAppToken)
	env := map[string]string{
		"SLACK_BOT_TOKEN": serveTestBotToken,
		"SLACK_APP_TOKEN": serveTestAppToken,
		"SLACK_API_URL":   fake.APIURL(),
		"LISTEN_ADDR":     "127.0.0.1:0",
		"DATABASE_URL":    "postgres://wieiswie:s3cr3tPW@127.0.0.1:1/wieiswie?connect_timeout=1",
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stderr serveLog
	exit := make(chan int, 1)
	go func() { exit <- runServe(ctx, []string{"--env-file", ""}, &stderr, &stderr, serveEnv(env), openIndex) }()
	fake.WaitConnected()
	fake.Send("env-1", "events_api", slackfake.EventEnvelope("Ev1", map[string]any{
		"type": "app_mention", "user": "U0ASKER", "text": "<@UBOT0WIE> wie is algemeen directeur",
		"ts": "1700000000.000100", "channel": "C0ALGEMEEN", "event_ts": "1700000000.000100",
	}))
	if c := fake.NextCall(); c.Method != "chat.postMessage" || !strings.Contains(c.Text, "Miet Gobert") {
		t.Fatalf("answered %+v", c)
	}
	base := "http://" + waitListening(t, &stderr)
	waitStatus(t, base+"/readyz", 200)
	if body := get(t, base+"/readyz"); !strings.Contains(body, `"store":"unavailable`) {
		t.Errorf("/readyz = %s, want the store reported unavailable", body)
	}
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(get(t, base+"/metrics"), `wieiswie_store_failures_total{op="question"} 1`) {
		if time.Now().After(deadline) {
			t.Fatalf("the lost question was not counted:\n%s", get(t, base+"/metrics"))
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	if code := <-exit; code != 0 {
		t.Errorf("serve exited %d", code)
	}
	if strings.Contains(stderr.String(), "s3cr3tPW") {
		t.Error("the database password is in the log")
	}
	if !strings.Contains(stderr.String(), "the store cannot be opened") {
		t.Error("the unavailable store is not logged")
	}
}
