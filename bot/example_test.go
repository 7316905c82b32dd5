package bot

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/rs/zerolog"
	"github.com/slack-go/slack"
)

// On the embedded example documents every answer says so, under the answer
// and above its buttons; on real knowledge nothing is added.
func TestExampleKnowledgeNote(t *testing.T) {
	for _, example := range []bool{true, false} {
		h, rec := newTestHandler(t, mietAsker(), zerolog.Nop())
		h.example = example // Deps.Example
		h.HandleSlash(context.Background(), slack.SlashCommand{Command: "/wie", Text: "wie is algemeen directeur", ChannelID: "C0ALGEMEEN",
			UserID: "U0ASKER", ResponseURL: "https://hooks.slack.test/commands/1", TriggerID: "trig"}, zerolog.Nop())
		h.HandleEvent(context.Background(), "Ev1", mention("<@UBOT0WIE> wie is algemeen directeur", "1700000000.000001", ""), zerolog.Nop())
		h.Close()
		all := rec.all()
		if len(all) != 2 {
			t.Fatalf("example %v: %d messages, want 2", example, len(all))
		}
		for _, s := range all {
			blocks := s.resp.Blocks
			noted := -1
			for i, b := range blocks {
				if c, ok := b.(*slack.ContextBlock); ok && len(c.ContextElements.Elements) == 1 {
					if txt, ok := c.ContextElements.Elements[0].(*slack.TextBlockObject); ok && strings.Contains(txt.Text, "voorbeeldkennis — stel KNOWLEDGE_DIR in") {
						noted = i
					}
				}
			}
			switch {
			case !example && noted >= 0:
				t.Errorf("real knowledge noted as example: %+v", s)
			case example && noted < 0:
				t.Errorf("example knowledge without the note (%s): %+v", s.how, s)
			case example && noted != len(blocks)-1:
				if _, ok := blocks[len(blocks)-1].(*slack.ActionBlock); !ok || noted != len(blocks)-2 {
					t.Errorf("note at block %d of %d, want it under the answer, above the buttons", noted, len(blocks))
				}
			}
		}
	}
}

// /readyz shows the knowledge's warnings but stays ready: the bot answers.
func TestReadyzWarnings(t *testing.T) {
	st := &health{mode: "socket", documents: func() int { return 3 }, warnings: func() []string { return []string{"knowledge stale: reload failed"} }}
	st.setSlack(true)
	rec := httptest.NewRecorder()
	st.readyz(rec, httptest.NewRequest(http.MethodGet, "/readyz", nil))
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), `"warnings":["knowledge stale: reload failed"]`) {
		t.Errorf("%d %s", rec.Code, rec.Body.String())
	}
}
