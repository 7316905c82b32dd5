package bot

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/rs/zerolog"
	"github.com/slack-go/slack"

	"github.com/wieiswie/wieiswie/metrics"
)

// reloadingAsker is an Asker whose knowledge can be reloaded.
type reloadingAsker struct {
	*fakeAsker
	reloads int
	err     error
}

func (r *reloadingAsker) Reload(context.Context) (string, error) {
	r.reloads++
	return "3 documenten, 1 bijgewerkt, 0 verwijderd <!channel>", r.err
}

// "/wie herlaad" reloads for an admin, refuses anyone else, and reports a
// failure without losing the current knowledge.
func TestSlashReload(t *testing.T) {
	tests := []struct {
		name, user string
		err        error
		wantReload bool
		want       string
	}{
		{"admin", "UADMIN", nil, true, "Kennis herladen: 3 documenten"},
		{"not an admin", "U0ASKER", nil, false, "alleen een beheerder"},
		{"failure", "UADMIN", errors.New("disk gone"), true, "niet gelukt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			asker := &reloadingAsker{fakeAsker: mietAsker(), err: tt.err}
			h, rec := newTestHandler(t, asker, zerolog.Nop())
			m := metrics.New()
			h.metrics = m
			h.isAdmin = func(id string) bool { return id == "UADMIN" }
			h.reloader = asker
			h.HandleSlash(context.Background(), slack.SlashCommand{
				Command: "/wie", Text: "herlaad", ChannelID: "C0ALGEMEEN", UserID: tt.user,
				ResponseURL: "https://hooks.slack.test/commands/1", TriggerID: "trig-" + tt.name,
			}, zerolog.Nop())
			h.Close()
			if got := asker.reloads > 0; got != tt.wantReload {
				t.Errorf("reloaded = %v, want %v", got, tt.wantReload)
			}
			wantReloads, wantFailures := 0.0, 0.0
			if tt.wantReload {
				wantReloads = 1
			}
			if tt.err != nil {
				wantFailures = 1
			}
			if got := scrape(t, m, "wieiswie_reloads_total"); got != wantReloads {
				t.Errorf("wieiswie_reloads_total = %v, want %v", got, wantReloads)
			}
			if got := scrape(t, m, "wieiswie_reload_failures_total"); got != wantFailures {
				t.Errorf("wieiswie_reload_failures_total = %v, want %v", got, wantFailures)
			}
			sent := rec.all()
			if len(sent) != 1 {
				t.Fatalf("sent %+v", sent)
			}
			blocks := blocksJSON(sent[0].resp.Message)
			if !strings.Contains(blocks, tt.want) {
				t.Errorf("reply %s lacks %q", blocks, tt.want)
			}
			if strings.Contains(blocks, "<!channel>") {
				t.Errorf("summary not escaped: %s", blocks)
			}
		})
	}
}
