package web

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/wieiswie/wieiswie/index"
	"github.com/wieiswie/wieiswie/knowledge"
)

// TestBrowsePagesFollowTheKnowledge: after a reload the browse pages show
// the new documents, without restarting the page.
func TestBrowsePagesFollowTheKnowledge(t *testing.T) {
	docs, _ := knowledge.Load(context.Background(), ".", knowledge.Options{FS: knowledge.Default()})
	ix, err := index.Build(context.Background(), docs, index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	s, err := New(ix, Config{}, zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	org := "/organisatie/" + url.PathEscape(docs[0].Organisation)
	if _, body := get(t, s, org, nil); strings.Contains(body, "Nieuwe Collega") {
		t.Fatal("a person before she exists")
	}
	extra := knowledge.Document{
		Source: "nieuwe-collega.md", Kind: knowledge.KindPerson, Title: "Nieuwe Collega", Name: "Nieuwe Collega",
		Organisation: docs[0].Organisation, Functions: []knowledge.Function{{Body: "Personeelsdienst", Title: "HR-medewerker"}},
		Passages: []knowledge.Passage{{Text: "Zij beantwoordt vragen over verlof.", Line: 1}},
	}
	if _, err := ix.Update(context.Background(), append(docs, extra)); err != nil {
		t.Fatal(err)
	}
	_, body := get(t, s, org, nil)
	mustContain(t, body, "<h3>Personeelsdienst</h3>", `<a href="/document/nieuwe-collega.md">Nieuwe Collega</a> — HR-medewerker`)
}

func TestSlackLinkOnThePage(t *testing.T) {
	s := newTestServer(t, Config{SlackLink: func(email string) string {
		if email == "evi.vandevelde@kastelbroek.be" {
			return "https://app.slack.com/client/T0GEMEENTE/U0EVI"
		}
		return ""
	}})
	_, body := get(t, s, "/?q="+url.QueryEscape("wie is algemeen directeur van kastelbroek"), nil)
	mustContain(t, body, `<a class="slack" href="https://app.slack.com/client/T0GEMEENTE/U0EVI">Stuur een bericht in Slack</a>`)
	_, body = get(t, s, "/document/kastelbroek/algemeen-directeur.txt", nil)
	mustContain(t, body, `href="https://app.slack.com/client/T0GEMEENTE/U0EVI"`)
	if _, body = get(t, s, "/document/kastelbroek/financieel-directeur.txt", nil); strings.Contains(body, "app.slack.com") {
		t.Error("a Slack link for someone Slack does not know")
	}
}
