package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wieiswie/wieiswie/knowledge"
	"github.com/wieiswie/wieiswie/metrics"
)

// Tokens for tests; the s3cr3t marker lets tests check logs for leaks.
const (
	testBotToken = "xoxb-1-2-s3cr3tBOT"
	testAppToken = "xapp-1-A1-3-s3cr3tAPP"
	testSecret   = "s3cr3t8f742231b10e8888abcd99yyy"
)

// span finds sub in text and returns it as a highlight.
func span(text, sub string) knowledge.Span {
	i := strings.Index(text, sub)
	if i < 0 {
		panic("span: " + sub + " not in text")
	}
	return knowledge.Span{Start: i, End: i + len(sub)}
}

const mietExcerpt = "De gemeentesecretaris staat in voor de algemene leiding van de gemeentelijke diensten, staat aan het hoofd van het gemeentepersoneel en is bevoegd voor het dagelijks personeelsbeheer;"

// mietGobert is the seed person card as the index returns it.
func mietGobert() knowledge.Answer {
	return knowledge.Answer{
		Source:       "000_8756befdf3055604.txt",
		Title:        "Miet Gobert",
		Kind:         knowledge.KindPerson,
		Organisation: "Gemeente Knokke-Heist",
		Name:         "Miet Gobert",
		Functions: []knowledge.Function{
			{Body: "Schepencollege", Title: "Algemeen directeur"},
			{Body: "Gemeenteraad", Title: "Algemeen directeur"},
			{Body: "OCMW raad", Title: "Algemeen directeur"},
		},
		Contact: knowledge.Contact{
			Phones:  []string{"+32 50 630 100", "+32 50 630 159"},
			Emails:  []string{"algemeen.directeur@knokke-heist.be"},
			Address: "Alfred Verweeplein 1, 8300 Knokke-Heist, België",
		},
		Excerpt: knowledge.Excerpt{
			Heading:    "Bevoegdheden",
			Text:       mietExcerpt,
			Highlights: []knowledge.Span{span(mietExcerpt, "algemene leiding")},
		},
		Score: 1.149,
	}
}

const functionExcerpt = "De algemeen directeur neemt de algemene leiding van de gemeentelijke en OCMW-organisatie en zorgt voor een effectief, efficiënt en verantwoordelijk bestuur.\nSamen met het managementteam is de algemeen directeur belast met de voorbereiding, uitvoering en evaluatie van het beleid."

func functionDescription() knowledge.Answer {
	return knowledge.Answer{
		Source:       "004_c31680617ffa673a.txt",
		Title:        "Functiebeschrijving algemeen directeur",
		Kind:         knowledge.KindFunction,
		Organisation: "Gemeente Knokke-Heist",
		Name:         "",
		Excerpt: knowledge.Excerpt{
			Heading: "Doel van de functie",
			Text:    functionExcerpt,
			Highlights: []knowledge.Span{
				span(functionExcerpt, "algemeen directeur"),
				span(functionExcerpt, "algemene leiding"),
			},
		},
		Score: 1.25,
	}
}

func financieel() knowledge.Answer {
	return knowledge.Answer{
		Source:       "002_financieel_directeur.md",
		Title:        "Jan Peeters",
		Kind:         knowledge.KindPerson,
		Organisation: "Gemeente Knokke-Heist",
		Name:         "Jan Peeters",
		Functions:    []knowledge.Function{{Body: "Gemeenteraad", Title: "Financieel directeur"}},
		Contact:      knowledge.Contact{Phones: []string{"050 630 200"}, Emails: []string{"financien@knokke-heist.be"}},
		Excerpt:      knowledge.Excerpt{Text: "De financieel directeur staat in voor het financieel beheer."},
		Score:        0.61,
	}
}

func burgemeester() knowledge.Answer {
	return knowledge.Answer{
		Source:       "001_burgemeester.md",
		Title:        "Els Claeys",
		Kind:         knowledge.KindPerson,
		Organisation: "Gemeente Knokke-Heist",
		Name:         "Els Claeys",
		Functions:    []knowledge.Function{{Body: "Schepencollege", Title: "Burgemeester"}, {Body: "Gemeenteraad", Title: "Raadslid"}},
		Contact:      knowledge.Contact{Phones: []string{"+32 50 630 101"}},
		Score:        0.55,
	}
}

func resultFor(q string, shape knowledge.Shape, outcome knowledge.Outcome, answers ...knowledge.Answer) knowledge.Result {
	return knowledge.Result{Question: q, Shape: shape, Outcome: outcome, Topic: "algemeen directeur", Answers: answers, Took: 2 * time.Millisecond}
}

// fakeAsker answers from a table and records what it was asked. A question
// listed in gates waits for its gate channel (closed by the test) before
// answering, so tests can prove acks do not wait for answers.
type fakeAsker struct {
	mu      sync.Mutex
	results map[string]knowledge.Result
	err     error
	asked   []string
	tops    []int
	gates   map[string]chan struct{}
	started chan string
}

func newFakeAsker() *fakeAsker {
	return &fakeAsker{results: map[string]knowledge.Result{}, gates: map[string]chan struct{}{}, started: make(chan string, 64)}
}

func (f *fakeAsker) Ask(ctx context.Context, q string, top int) (knowledge.Result, error) {
	f.mu.Lock()
	f.asked = append(f.asked, q)
	f.tops = append(f.tops, top)
	res, ok := f.results[q]
	gate := f.gates[q]
	err := f.err
	f.mu.Unlock()
	select {
	case f.started <- q:
	default:
	}
	if gate != nil {
		select {
		case <-gate:
		case <-ctx.Done():
			return knowledge.Result{}, ctx.Err()
		}
	}
	if err != nil {
		return knowledge.Result{}, err
	}
	if !ok {
		return knowledge.Result{Question: q, Outcome: knowledge.NotFound, Topic: q, Known: []string{"algemeen directeur", "burgemeester"}}, nil
	}
	if len(res.Answers) > top {
		res.Answers = res.Answers[:top]
	}
	return res, nil
}

func (f *fakeAsker) askedQuestions() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.asked...)
}

// gatedAsker wraps any knowledge.Asker (the real index in end-to-end tests) with
// gates like fakeAsker's; started reports only gated questions.
type gatedAsker struct {
	inner   knowledge.Asker
	mu      sync.Mutex
	gates   map[string]chan struct{}
	started chan string
}

func newGatedAsker(inner knowledge.Asker) *gatedAsker {
	return &gatedAsker{inner: inner, gates: map[string]chan struct{}{}, started: make(chan string, 64)}
}

func (g *gatedAsker) gate(q string) chan struct{} {
	g.mu.Lock()
	defer g.mu.Unlock()
	c := make(chan struct{})
	g.gates[q] = c
	return c
}

func (g *gatedAsker) Ask(ctx context.Context, q string, top int) (knowledge.Result, error) {
	g.mu.Lock()
	gate := g.gates[q]
	g.mu.Unlock()
	if gate != nil {
		g.started <- q
		select {
		case <-gate:
		case <-ctx.Done():
			return knowledge.Result{}, ctx.Err()
		}
	}
	return g.inner.Ask(ctx, q, top)
}

// syncBuffer is a log sink safe for the goroutines that write to it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// logLines parses JSON log output.
func logLines(t *testing.T, s string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(s), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("log line is not JSON: %q", line)
		}
		out = append(out, m)
	}
	return out
}

// checkNoSecrets fails when a token or the signing secret got into the logs.
func checkNoSecrets(t *testing.T, logs string) {
	t.Helper()
	for _, s := range []string{"s3cr3t", testBotToken, testAppToken, testSecret} {
		if strings.Contains(logs, s) {
			t.Errorf("logs contain a secret (%q)", s[:6])
		}
	}
}

// scrape reads one series (name, or name{labels} exactly as exposed) from
// m's /metrics text; a series that is not there is 0.
func scrape(t *testing.T, m *metrics.Metrics, series string) float64 {
	t.Helper()
	return seriesValue(t, scrapeText(t, m), series)
}

func scrapeText(t *testing.T, m *metrics.Metrics) string {
	t.Helper()
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("/metrics answered %d", rec.Code)
	}
	return rec.Body.String()
}

// seriesValue finds series in Prometheus text output.
func seriesValue(t *testing.T, text, series string) float64 {
	t.Helper()
	for _, line := range strings.Split(text, "\n") {
		rest, ok := strings.CutPrefix(line, series+" ")
		if !ok {
			continue
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(rest), 64)
		if err != nil {
			t.Fatalf("series %s has value %q", series, rest)
		}
		return v
	}
	return 0
}
