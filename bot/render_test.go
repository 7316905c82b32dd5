package bot

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/slack-go/slack"

	"github.com/wieiswie/wieiswie/knowledge"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

func TestRenderGolden(t *testing.T) {
	person := resultFor("wie is algemeen directeur", knowledge.ShapeWhoIsRole, knowledge.Answered, mietGobert(), financieel())
	tests := []struct {
		name string
		msg  Message
	}{
		{"person", Render(person, RenderOptions{})},
		{"person_slash", Render(person, RenderOptions{ShowQuestion: true, Share: true})},
		{"person_shared", Render(person, RenderOptions{ShowQuestion: true, SharedBy: "U0ASKER"})},
		{"contact", Render(resultFor("telefoonnummer van de algemeen directeur", knowledge.ShapeContactOf, knowledge.Answered, mietGobert()), RenderOptions{})},
		{"roles", Render(resultFor("welke functies heeft Miet Gobert", knowledge.ShapeRolesOfPerson, knowledge.Answered, mietGobert()), RenderOptions{})},
		{"function", Render(resultFor("wat doet de algemeen directeur", knowledge.ShapeWhatDoesRole, knowledge.Answered, functionDescription(), mietGobert()), RenderOptions{})},
		{"ambiguous", Render(resultFor("directeur", knowledge.ShapeKeywords, knowledge.Ambiguous, mietGobert(), financieel(), burgemeester()), RenderOptions{})},
		{"not_found", Render(knowledge.Result{
			Question: "wie is de brandweercommandant", Shape: knowledge.ShapeWhoIsRole, Outcome: knowledge.NotFound,
			Topic: "brandweercommandant", Known: []string{"algemeen directeur", "burgemeester", "financieel directeur"},
		}, RenderOptions{})},
		{"unknown_place", Render(knowledge.Result{
			Question: "wie is de burgemeester van Leuven", Shape: knowledge.ShapeWhoIsRole, Outcome: knowledge.NotFound,
			Topic: "burgemeester", UnknownPlace: "Leuven", Known: []string{"Heibeek", "Zandhoven"},
		}, RenderOptions{})},
		{"more", RenderMore(person)},
		{"help", Help()},
		{"error", ErrorMessage()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkMessage(t, tt.name, tt.msg)
			// Without HTML escaping, so the files show "<tel:…>" as Slack
			// receives it after JSON decoding.
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(tt.msg); err != nil {
				t.Fatal(err)
			}
			got := buf.Bytes()
			path := filepath.Join("testdata", "golden", tt.name+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./bot -run TestRenderGolden -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the golden file; if the change is intended, run go test ./bot -run TestRenderGolden -update\ngot:\n%s", path, got)
			}
		})
	}
}

// TestRenderLeads checks that the question's shape decides what comes
// first under the header.
func TestRenderLeads(t *testing.T) {
	firstSection := func(m Message) string {
		raw, _ := json.Marshal(m.Blocks)
		var blocks []struct {
			Type string `json:"type"`
			Text struct {
				Text string `json:"text"`
			} `json:"text"`
		}
		_ = json.Unmarshal(raw, &blocks)
		for _, b := range blocks {
			if b.Type == "section" {
				return b.Text.Text
			}
		}
		return ""
	}
	tests := []struct {
		shape  knowledge.Shape
		answer knowledge.Answer
		lead   string
	}{
		{knowledge.ShapeWhoIsRole, mietGobert(), "*Functie*\n• Algemeen directeur — Schepencollege, Gemeenteraad, OCMW raad"},
		{knowledge.ShapeWhoIsRole, burgemeester(), "*Functies*\n• Burgemeester — Schepencollege\n• Raadslid — Gemeenteraad"},
		{knowledge.ShapeContactOf, mietGobert(), "*Contact*\n:telephone_receiver: <tel:+3250630100|+32 50 630 100>"},
		{knowledge.ShapeRolesOfPerson, mietGobert(), "*Functie*\n• Algemeen directeur — Schepencollege, Gemeenteraad, OCMW raad"},
		{knowledge.ShapeWhatDoesRole, functionDescription(), "*Doel van de functie*\n>De *algemeen directeur*"},
		{knowledge.ShapeWhoIsRole, functionDescription(), "*Doel van de functie*"},
	}
	for _, tt := range tests {
		t.Run(string(tt.shape), func(t *testing.T) {
			m := Render(resultFor("vraag", tt.shape, knowledge.Answered, tt.answer), RenderOptions{})
			if got := firstSection(m); !strings.HasPrefix(got, tt.lead) {
				t.Errorf("first section = %q, want it to start with %q", got, tt.lead)
			}
		})
	}
	noContact := mietGobert()
	noContact.Contact = knowledge.Contact{}
	m := Render(resultFor("telefoon van Miet", knowledge.ShapeContactOf, knowledge.Answered, noContact), RenderOptions{})
	if got := firstSection(m); !strings.HasPrefix(got, "Ik vond geen telefoonnummer of e-mailadres voor *Miet Gobert*.") {
		t.Errorf("contact question without contact: first section = %q", got)
	}
}

// hostile is document text that tries everything: pings, mentions, links,
// entities and formatting characters.
func hostile() knowledge.Answer {
	text := "Bel <!channel> nu & *snel* `code` ~weg~ <@U123|jan> <https://evil.example|klik> &amp; &lt;"
	return knowledge.Answer{
		Source:       "<@U999>.md",
		Title:        "Titel <!here>",
		Kind:         knowledge.KindPerson,
		Organisation: "<!everyone> & co",
		Name:         "<!channel> Jan & *Co* <@U123>",
		Functions: []knowledge.Function{
			{Body: "<@U123> raad & *college*", Title: "Schepen <b> ~x~"},
			{Body: "`code`", Title: "<!subteam^S1|@iedereen>"},
		},
		Contact: knowledge.Contact{
			Phones:  []string{"<tel:evil|x>", "+32 (0)50 63 01 00", "12"},
			Emails:  []string{"a@b.be>", "jan<@U1>@x.be", "jan|x@y.be", "goed@gemeente.be"},
			Address: "<!here> straat & co *1*",
			Website: "https://x.be/?a=1&b=<2>|y",
		},
		Excerpt: knowledge.Excerpt{
			Heading:    "<!channel> *kop*",
			Text:       text,
			Highlights: []knowledge.Span{span(text, "snel"), span(text, "<@U123|jan>"), span(text, "& ")},
		},
	}
}

func TestRenderEscapesHostileText(t *testing.T) {
	h := hostile()
	for _, shape := range []knowledge.Shape{knowledge.ShapeWhoIsRole, knowledge.ShapeContactOf, knowledge.ShapeRolesOfPerson, knowledge.ShapeWhatDoesRole} {
		res := knowledge.Result{
			Question: "<!channel> wie & *wat*?", Shape: shape, Outcome: knowledge.Answered,
			Topic: "<@U123>", Answers: []knowledge.Answer{h, h}, Known: []string{"<!here>", "a & b"},
		}
		msgs := map[string]Message{
			"answer":    Render(res, RenderOptions{ShowQuestion: true, Share: true}),
			"shared":    Render(res, RenderOptions{SharedBy: "U0ASKER"}),
			"forged":    Render(res, RenderOptions{SharedBy: "<!channel>"}),
			"more":      RenderMore(res),
			"ambiguous": Render(withOutcome(res, knowledge.Ambiguous), RenderOptions{ShowQuestion: true}),
			"not found": Render(withOutcome(res, knowledge.NotFound), RenderOptions{ShowQuestion: true}),
		}
		for name, m := range msgs {
			name = string(shape) + " " + name
			checkMessage(t, name, m)
			texts := strings.Join(mrkdwnTexts(m), "\n")
			for _, bad := range []string{"*Co*", "*college*", "`code`", "~weg~", "~x~", "*kop*", "*wat*", "*1*"} {
				if strings.Contains(texts, bad) {
					t.Errorf("%s: document formatting %q is live in %s", name, bad, texts)
				}
			}
		}
	}
	// The highlighted mention is bold but inert; document asterisks around
	// a highlight stay look-alikes next to the bot's own bold markers.
	m := Render(knowledge.Result{Question: "q", Outcome: knowledge.Answered, Answers: []knowledge.Answer{h}}, RenderOptions{})
	texts := strings.Join(mrkdwnTexts(m), "\n")
	for _, want := range []string{
		"*&lt;@U123|jan&gt;*",
		"∗*snel*∗",
		"<mailto:goed@gemeente.be|goed@gemeente.be>",
		"<tel:+32050630100|+32 (0)50 63 01 00>",
		"&lt;tel:evil|x&gt;",
		"jan&lt;@U1&gt;@x.be",
		"<https://x.be/?a=1&amp;b=&lt;2&gt;%7Cy|",
	} {
		if !strings.Contains(texts, want) {
			t.Errorf("rendered text lacks %q:\n%s", want, texts)
		}
	}
	var header string
	for _, b := range m.Blocks {
		if h, ok := b.(*slack.HeaderBlock); ok {
			header = h.Text.Text
		}
	}
	if header != "&lt;!channel&gt; Jan &amp; *Co* &lt;@U123&gt;" {
		t.Errorf("header = %q", header)
	}
}

// mrkdwnTexts collects the text of every mrkdwn object in m, and its
// fallback text.
func mrkdwnTexts(m Message) []string {
	raw, _ := json.Marshal(m.Blocks)
	var blocks []map[string]any
	_ = json.Unmarshal(raw, &blocks)
	out := []string{m.Text}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if v["type"] == "mrkdwn" {
				if s, ok := v["text"].(string); ok {
					out = append(out, s)
				}
			}
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	for _, b := range blocks {
		walk(b)
	}
	return out
}

func withOutcome(res knowledge.Result, o knowledge.Outcome) knowledge.Result {
	res.Outcome = o
	return res
}

func TestRenderOversizedDocument(t *testing.T) {
	// 100 KB of excerpt with a highlight every sentence, entities that a
	// careless cut would split, and emoji that count double.
	var b strings.Builder
	var spans []knowledge.Span
	for b.Len() < 100*1024 {
		start := b.Len()
		b.WriteString("De algemeen directeur & het team 👍 <werken> samen; ")
		spans = append(spans, knowledge.Span{Start: start + 3, End: start + 21})
	}
	var fns []knowledge.Function
	for i := 0; i < 40; i++ {
		fns = append(fns, knowledge.Function{
			Body:  strings.Repeat("Gemeenteraad & OCMW-raad ", 8) + string(rune('A'+i%26)),
			Title: strings.Repeat("Algemeen directeur & secretaris ", 6) + string(rune('a'+i)),
		})
	}
	var phones, emails []string
	for i := 0; i < 30; i++ {
		phones = append(phones, "+32 50 630 1"+string(rune('0'+i%10))+"0")
		emails = append(emails, "persoon"+string(rune('a'+i%26))+"@knokke-heist.be")
	}
	big := knowledge.Answer{
		Source:       strings.Repeat("map/", 100) + "kaart.md",
		Title:        strings.Repeat("Titel & ", 100),
		Kind:         knowledge.KindPerson,
		Organisation: strings.Repeat("Gemeente & OCMW ", 50),
		Name:         strings.Repeat("Miet Gobert & ", 60),
		Functions:    fns,
		Contact:      knowledge.Contact{Phones: phones, Emails: emails, Address: strings.Repeat("Alfred Verweeplein 1 & ", 300), Website: "https://" + strings.Repeat("a", 4000) + ".be"},
		Excerpt:      knowledge.Excerpt{Heading: strings.Repeat("Kop & ", 100), Text: b.String(), Highlights: spans},
	}
	answers := make([]knowledge.Answer, 12)
	for i := range answers {
		answers[i] = big
	}
	question := strings.Repeat("wie is de algemeen directeur & ", 200)
	var known []string
	for i := 0; i < 50; i++ {
		known = append(known, strings.Repeat("functie & ", 20))
	}
	for _, shape := range []knowledge.Shape{knowledge.ShapeWhoIsRole, knowledge.ShapeContactOf, knowledge.ShapeRolesOfPerson, knowledge.ShapeWhatDoesRole, knowledge.ShapeKeywords} {
		for _, outcome := range []knowledge.Outcome{knowledge.Answered, knowledge.Ambiguous, knowledge.NotFound} {
			res := knowledge.Result{Question: question, Shape: shape, Outcome: outcome, Topic: question, Answers: answers, Known: known}
			name := string(shape) + "/" + string(outcome)
			checkMessage(t, name, Render(res, RenderOptions{ShowQuestion: true, Share: true}))
			checkMessage(t, name+" shared", Render(res, RenderOptions{SharedBy: "U0ASKER"}))
			checkMessage(t, name+" more", RenderMore(res))
		}
	}
}

func TestButtonValuesRoundTrip(t *testing.T) {
	q := "wie is <de> algemeen & directeur?"
	if got := unescapeText(questionValue(q)); got != q {
		t.Errorf("question value round trip = %q", got)
	}
	ref := parseFeedbackValue(feedbackValue("0123abcd", "map/kaart & co.md", q))
	if ref != (buttonRef{questionID: "0123abcd", source: "map/kaart & co.md", question: q}) {
		t.Errorf("feedback value round trip = %+v", ref)
	}
	// A button from before questions were stored: source and question.
	if ref := parseFeedbackValue("map/kaart &amp; co.md\n" + escapeText(q)); ref != (buttonRef{source: "map/kaart & co.md", question: q}) {
		t.Errorf("old feedback value = %+v", ref)
	}
	long := strings.Repeat("&", 3000)
	if v := questionValue(long); textLen(v) > maxButtonValue || strings.Contains(strings.TrimSuffix(v, "…"), "&am…") {
		t.Errorf("long value not cut cleanly: %d", textLen(v))
	}
}
