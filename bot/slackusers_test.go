package bot

import (
	"fmt"
	"strings"
	"testing"

	"github.com/wieiswie/wieiswie/internal/slackfake"
)

// TestDirectMessageLink asks about Miet Gobert (algemeen.directeur@
// knokke-heist.be) over Socket Mode while the fake Slack knows her
// address, does not, or rate limits the lookups.
func TestDirectMessageLink(t *testing.T) {
	const email = "algemeen.directeur@knokke-heist.be"
	const link = "https://app.slack.com/client/" + slackfake.TeamID + "/U0MIETGOB"
	ask := func(t *testing.T, r *runningBot, n int) string {
		t.Helper()
		ts := fmt.Sprintf("1700000000.%06d", 100+n)
		r.fake.Send(fmt.Sprint("env-", n), "events_api", slackfake.EventEnvelope(fmt.Sprint("Ev", n), map[string]any{
			"type": "app_mention", "user": "U0ASKER", "text": "<@" + slackfake.BotUserID + "> wie is algemeen directeur",
			"ts": ts, "channel": "C0ALGEMEEN", "event_ts": ts,
		}))
		c := r.fake.NextCall()
		if c.Method != "chat.postMessage" || !strings.Contains(string(c.Blocks), "Miet Gobert") {
			t.Fatalf("answer = %+v", c)
		}
		if strings.Contains(string(c.Blocks), "<@U0MIETGOB") || strings.Contains(c.Text, "<@U0MIETGOB") {
			t.Errorf("the answer mentions the person:\n%s", c.Blocks)
		}
		return decodedBlocks(c)
	}

	t.Run("found: a link button, looked up once", func(t *testing.T) {
		fake := slackfake.New(t, testBotToken, testAppToken)
		fake.AddUser(email, "U0MIETGOB")
		r := startBotWith(t, mietAsker(), true, botSetup{fake: fake})
		for n := range 2 {
			blocks := ask(t, r, n)
			if !strings.Contains(blocks, `"url":"`+link+`"`) || !strings.Contains(blocks, "Stuur Miet een bericht") {
				t.Fatalf("answer %d has no direct-message button:\n%s", n, blocks)
			}
		}
		if got := fake.Lookups(); len(got) != 1 || got[0] != email {
			t.Errorf("lookups %v, want one for %s", got, email)
		}
		if got := r.bot.SlackLink("Algemeen.Directeur@knokke-heist.be"); got != link {
			t.Errorf("SlackLink = %q, want %q (from the cache)", got, link)
		}
		r.bot.KnowledgeReloaded(nil)
		ask(t, r, 2)
		if got := fake.Lookups(); len(got) != 2 {
			t.Errorf("lookups after a reload %v, want a second one", got)
		}
		r.checkLogs(t)
	})

	t.Run("not found: no button, the answer", func(t *testing.T) {
		fake := slackfake.New(t, testBotToken, testAppToken)
		r := startBotWith(t, mietAsker(), true, botSetup{fake: fake})
		for n := range 2 {
			if blocks := ask(t, r, n); strings.Contains(blocks, "app.slack.com") || strings.Contains(blocks, actionDirectMessage) {
				t.Fatalf("a direct-message button for an unknown address:\n%s", blocks)
			}
		}
		if got := fake.Lookups(); len(got) != 1 {
			t.Errorf("lookups %v: not found is not remembered", got)
		}
		if got := r.bot.SlackLink(email); got != "" {
			t.Errorf("SlackLink = %q for an unknown address", got)
		}
	})

	t.Run("rate limited: no button, no lookups until Retry-After", func(t *testing.T) {
		fake := slackfake.New(t, testBotToken, testAppToken)
		fake.AddUser(email, "U0MIETGOB")
		fake.Fail("users.lookupByEmail", slackfake.Fault{Status: 429, RetryAfter: "30"})
		r := startBotWith(t, mietAsker(), true, botSetup{fake: fake})
		for n := range 2 {
			if blocks := ask(t, r, n); strings.Contains(blocks, "app.slack.com") {
				t.Fatalf("answer %d has a link while Slack refuses lookups:\n%s", n, blocks)
			}
		}
		if fake.Failed("users.lookupByEmail") != 1 || len(fake.Lookups()) != 0 {
			t.Errorf("lookups: %d refused, %v answered; want 1 and none while paused", fake.Failed("users.lookupByEmail"), fake.Lookups())
		}
		if !strings.Contains(r.logs.String(), "users.lookupByEmail rate limited") {
			t.Error("the rate limit is not logged")
		}
	})
}

func TestDMURL(t *testing.T) {
	for _, tt := range []struct{ team, user, want string }{
		{"T0GEMEENTE", "U0MIET", "https://app.slack.com/client/T0GEMEENTE/U0MIET"},
		{"T0GEMEENTE", "U0MIET/../../evil", ""},
		{"", "U0MIET", ""},
		{"T0GEMEENTE", "<!channel>", ""},
	} {
		if got := dmURL(tt.team, tt.user); got != tt.want {
			t.Errorf("dmURL(%q, %q) = %q, want %q", tt.team, tt.user, got, tt.want)
		}
	}
}
