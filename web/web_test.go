package web

import (
	"html/template"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/wieiswie/wieiswie/knowledge"
)

// scriptTag is a script or img element of a document that made it into the
// HTML unescaped (the page itself has neither).
var scriptTag = regexp.MustCompile(`(?i)<script|<img`)

func TestDocumentMarkupShowsAsText(t *testing.T) {
	s := newTestServer(t, Config{})
	pages := []string{
		"/?q=" + url.QueryEscape("wie verkoopt vuilniszakken"),
		"/organisatie/Kastelbroek",
		"/document/kastelbroek/onthaal.md",
		"/?q=" + url.QueryEscape(`<script>alert("vraag")</script> wie is burgemeester`),
	}
	for _, p := range pages {
		res, body := get(t, s, p, nil)
		if res.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d", p, res.StatusCode)
		}
		if m := scriptTag.FindString(body); m != "" {
			t.Errorf("%s: unescaped markup %q in the page", p, m)
		}
	}
	_, body := get(t, s, pages[0], nil)
	mustContain(t, body,
		"Jef &lt;script&gt;alert(1)&lt;/script&gt; Klink",                  // the name, as text
		"Onthaalmedewerker &lt;img src=x onerror=alert(2)&gt;",             // a function
		"<mark>vuilniszakken</mark> &lt;script&gt;alert(3)&lt;/script&gt;", // the excerpt, marked and escaped
	)
	_, body = get(t, s, pages[2], nil)
	mustContain(t, body, "&#34;&lt;b&gt;niet&lt;/b&gt;&#34; bij de milieudienst &amp; co.")
	_, body = get(t, s, pages[3], nil)
	mustContain(t, body, `value="&lt;script&gt;alert(&#34;vraag&#34;)&lt;/script&gt; wie is burgemeester"`)
}

func TestAnswerLikeTheBot(t *testing.T) {
	s := newTestServer(t, Config{})
	res, body := get(t, s, "/?q="+url.QueryEscape("wie is algemeen directeur van kastelbroek"), nil)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	mustContain(t, body,
		`<html lang="nl">`,
		`value="wie is algemeen directeur van kastelbroek"`, // the question stays in the box
		`<h2 id="antwoord">Evi Van de Velde</h2>`,
		`Algemeen directeur — Schepencollege, Gemeenteraad, OCMW raad, Vast bureau`,
		`<a href="tel:&#43;3293784000">&#43;32 9 378 40 00</a>`,
		`<a href="mailto:evi.vandevelde@kastelbroek.be">evi.vandevelde@kastelbroek.be</a>`,
		`<mark>algemeen</mark> <mark>directeur</mark>`,
		`Bron: <a href="/document/kastelbroek/algemeen-directeur.txt">kastelbroek/algemeen-directeur.txt</a>`,
		`Andere resultaten`,
	)
	// A contact question leads with the contact.
	_, body = get(t, s, "/?q="+url.QueryEscape("telefoonnummer van de burgemeester van kastelbroek"), nil)
	if c, f := strings.Index(body, "<h3>Contact</h3>"), strings.Index(body, "<h3>Functie"); c < 0 || f < 0 || c > f {
		t.Errorf("contact (at %d) not before the functions (at %d)", c, f)
	}
}

func TestNotFoundAndUnknownPlace(t *testing.T) {
	s := newTestServer(t, Config{})
	_, body := get(t, s, "/?q="+url.QueryEscape("wie is de burgemeester van Leuven"), nil)
	mustContain(t, body, "Ik ken Leuven niet")
	_, body = get(t, s, "/?q="+url.QueryEscape("wie kweekt er orchideeën op de maan"), nil)
	mustContain(t, body, "Ik vond niets over")
	if strings.Contains(body, `id="antwoord"`) {
		t.Error("a question without answer shows a person card")
	}
}

func TestBrowsePages(t *testing.T) {
	s := newTestServer(t, Config{})
	_, body := get(t, s, "/", nil)
	mustContain(t, body, `<a href="/organisatie/Kastelbroek">Kastelbroek</a>`, `<form class="search" role="search"`, `<label for="q">`)

	_, body = get(t, s, "/organisatie/Kastelbroek", nil)
	mustContain(t, body,
		"<h1>Kastelbroek</h1>",
		"<h3>Schepencollege</h3>",
		`<a href="/document/kastelbroek/burgemeester.txt">Kristof Van Hecke</a> — Burgemeester`,
		"<h3>Bijzonder comité voor de sociale dienst</h3>",
		`<a href="/document/kastelbroek/functiebeschrijving-algemeen-directeur.txt">Algemeen directeur</a>`,
		`<a href="/document/kastelbroek/burgerzaken.md">Loket Burgerzaken Kastelbroek</a>`,
	)

	_, body = get(t, s, "/document/kastelbroek/functiebeschrijving-algemeen-directeur.txt", nil)
	mustContain(t, body, "Functiebeschrijving", "<h1>Algemeen directeur</h1>", "Wie heeft deze functie?",
		`<a href="/document/kastelbroek/algemeen-directeur.txt">Evi Van de Velde</a>`)

	_, body = get(t, s, "/document/kastelbroek/algemeen-directeur.txt", nil)
	mustContain(t, body, "Persoon", "<h1>Evi Van de Velde</h1>", "<h2>Hoogste ambtenaar van Kastelbroek</h2>")

	for _, p := range []string{"/document/kastelbroek/bestaat-niet.txt", "/organisatie/Leuven", "/admin", "/feedback"} {
		if res, body := get(t, s, p, nil); res.StatusCode != http.StatusNotFound || !strings.Contains(body, "Pagina niet gevonden") {
			t.Errorf("%s: status %d", p, res.StatusCode)
		}
	}
}

func TestSecurityHeaders(t *testing.T) {
	s := newTestServer(t, Config{})
	for _, p := range []string{"/", "/?q=burgemeester", "/static/style.css", "/bestaat-niet"} {
		res, _ := get(t, s, p, nil)
		csp := res.Header.Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'none'", "style-src 'self'", "frame-ancestors 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: CSP %q lacks %q", p, csp, want)
			}
		}
		if strings.Contains(csp, "script-src") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: CSP %q allows scripts", p, csp)
		}
		if got := res.Header.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("%s: X-Content-Type-Options %q", p, got)
		}
		if got := res.Header.Get("Referrer-Policy"); got != "no-referrer" {
			t.Errorf("%s: Referrer-Policy %q", p, got)
		}
	}
	res, body := get(t, s, "/static/style.css", nil)
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/css") || !strings.Contains(body, "@media print") {
		t.Errorf("stylesheet: status %d, type %q", res.StatusCode, res.Header.Get("Content-Type"))
	}
}

func TestPagesHaveNoScript(t *testing.T) {
	s := newTestServer(t, Config{})
	for _, p := range []string{"/", "/?q=burgemeester", "/organisaties", "/organisatie/Kastelbroek", "/document/kastelbroek/dpo.md"} {
		_, body := get(t, s, p, nil)
		if strings.Contains(strings.ToLower(body), "<script") || strings.Contains(body, " style=") {
			t.Errorf("%s has a script or inline style", p)
		}
	}
}

func TestMarkExcerpt(t *testing.T) {
	text := "De algemeen directeur leidt de diensten.\nZij is het aanspreekpunt."
	at := func(sub string) knowledge.Span {
		i := strings.Index(text, sub)
		return knowledge.Span{Start: i, End: i + len(sub)}
	}
	tests := []struct {
		name string
		e    knowledge.Excerpt
		max  int
		want template.HTML
	}{
		{"marked, line break kept", knowledge.Excerpt{Text: text, Highlights: []knowledge.Span{at("algemeen directeur"), at("aanspreekpunt")}}, 500,
			"De <mark>algemeen directeur</mark> leidt de diensten.<br>Zij is het <mark>aanspreekpunt</mark>."},
		{"cut, a highlight past the cut dropped", knowledge.Excerpt{Text: text, Highlights: []knowledge.Span{at("algemeen"), at("diensten")}}, 20,
			"De <mark>algemeen</mark> directeu …"},
		{"markup escaped", knowledge.Excerpt{Text: `a <b>"x"</b> & y`, Highlights: []knowledge.Span{{Start: 2, End: 5}}}, 500,
			"a <mark>&lt;b&gt;</mark>&#34;x&#34;&lt;/b&gt; &amp; y"},
		{"broken spans ignored", knowledge.Excerpt{Text: "kort", Highlights: []knowledge.Span{{Start: 3, End: 99}, {Start: 2, End: 1}}}, 500, "kort"},
	}
	for _, tt := range tests {
		if got := markExcerpt(tt.e, tt.max); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestServicePage(t *testing.T) {
	s := newTestServer(t, Config{})
	_, body := get(t, s, "/document/kastelbroek/burgerzaken.md", nil)
	mustContain(t, body, "Dienst", "<h1>Loket Burgerzaken Kastelbroek</h1>", "Contactpersoon: Els Blommaert",
		`<a href="mailto:loket@kastelbroek.be">loket@kastelbroek.be</a>`)
}
