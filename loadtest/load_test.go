package loadtest

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/wieiswie/wieiswie/bot"
	"github.com/wieiswie/wieiswie/config"
	"github.com/wieiswie/wieiswie/index"
	"github.com/wieiswie/wieiswie/internal/slackfake"
	"github.com/wieiswie/wieiswie/knowledge"
	"github.com/wieiswie/wieiswie/metrics"
	"github.com/wieiswie/wieiswie/reload"
)

const (
	botToken = "xoxb-1-2-s3cr3tLOAD"
	appToken = "xapp-1-A1-3-s3cr3tLOAD" // the fake wants one; HTTP mode never uses it
	secret   = "s3cr3t-load-signing-secret"
)

// ackLimit is Slack's: an event not acknowledged within 3 s is retried.
const ackLimit = 3 * time.Second

// scale is how hard one run pushes.
type scale struct {
	events      int           // distinct app_mention events
	senders     int           // concurrent HTTP senders
	retryEvery  int           // every nth event is delivered twice
	reloadEvery time.Duration // the knowledge folder changes this often
}

// scaleFromEnv: the full load with WIEISWIE_LOADTEST=1, else a small one
// that keeps the normal suite (with -race) fast. The small one reloads more
// often, so that some reloads happen while it runs.
func scaleFromEnv() scale {
	if os.Getenv("WIEISWIE_LOADTEST") == "1" {
		return scale{events: 5000, senders: 50, retryEvery: 10, reloadEvery: time.Second}
	}
	return scale{events: 300, senders: 10, retryEvery: 10, reloadEvery: 100 * time.Millisecond}
}

// questions are what the senders ask: answers, lists and one with no
// answer, from the two municipalities in index/testdata/twee.
var questions = []string{
	"wie is algemeen directeur van Heibeek",
	"telefoonnummer van de algemeen directeur van Zandhoven",
	"wie is de financieel directeur",
	"wie is de DPO van Heibeek",
	"wie behandelt klachten",
	"sporthal reserveren",
	"welke functies heeft Nathalie Peeters",
	"wie is de brandweercommandant",
}

// TestLoad is the load test; see the package comment.
func TestLoad(t *testing.T) {
	sc := scaleFromEnv()
	r := Report{Senders: sc.senders, Events: sc.events}

	runtime.GC()
	debug.FreeOSMemory()
	r.GoroutinesBefore = runtime.NumGoroutine()
	st, err := ProcStatus("VmRSS")
	if err != nil {
		t.Skipf("no /proc: %v", err)
	}
	r.RSSBefore = st["VmRSS"]
	r.HeapBefore = heapInUse()

	// The knowledge: a copy of index/testdata/twee that changes while the
	// bot answers.
	dir := t.TempDir()
	if err := copyTree("../index/testdata/twee", dir); err != nil {
		t.Fatal(err)
	}
	docs, problems := knowledge.Load(context.Background(), dir, knowledge.Options{})
	if len(docs) == 0 {
		t.Fatalf("no documents in the copy of twee (problems: %v)", problems)
	}
	logs := &logSink{}
	log := zerolog.New(logs).Level(zerolog.InfoLevel).With().Timestamp().Logger()
	ix, err := index.Build(context.Background(), docs, index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	asker := reloadingIndex{Index: ix, r: reload.New(dir, ix, docs, log)}

	// Slack: the fake Web API, busy now and then (429 with Retry-After,
	// 503) as the real one is under load.
	fake := slackfake.NewWithOptions(t, botToken, appToken, slackfake.Options{Bulk: true})
	fake.Fail("chat.postMessage",
		slackfake.Fault{Status: http.StatusServiceUnavailable},
		slackfake.Fault{Status: http.StatusServiceUnavailable},
		slackfake.Fault{Status: http.StatusBadGateway})
	fake.FailEvery("chat.postMessage", 97, slackfake.Fault{Status: http.StatusTooManyRequests, RetryAfter: "1"})

	m := metrics.New()
	cfg := bot.Config{
		BotToken: botToken, SigningSecret: secret, ListenAddr: "127.0.0.1:0", APIURL: fake.APIURL(),
		RateLimitPerMinute: config.DefaultRateLimitPerMinute, RateLimitBurst: config.DefaultRateLimitBurst,
	}
	b, err := bot.New(cfg, bot.Deps{Asker: asker, Metrics: m}, log)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	served := make(chan error, 1)
	go func() { served <- b.Serve(ctx, ln) }()

	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{
		MaxIdleConns: sc.senders, MaxIdleConnsPerHost: sc.senders, IdleConnTimeout: time.Minute,
	}}
	waitReady(t, client, base)

	// Watch the process while it works.
	sampleStop := make(chan struct{})
	sampled := make(chan int)
	go func() {
		peak := runtime.NumGoroutine()
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-sampleStop:
				sampled <- peak
				return
			case <-tick.C:
				peak = max(peak, runtime.NumGoroutine())
			}
		}
	}()

	// The knowledge changes every reloadEvery, and is reloaded, until the
	// last answer is posted.
	reloadCtx, stopReloads := context.WithCancel(context.Background())
	defer stopReloads()
	reloadStop := make(chan struct{})
	reloadDone := make(chan struct{})
	go func() {
		defer close(reloadDone)
		tick := time.NewTicker(sc.reloadEvery)
		defer tick.Stop()
		for n := 1; ; n++ {
			if err := changeKnowledge(dir, n); err != nil {
				t.Errorf("changing the knowledge: %v", err)
				return
			}
			began := time.Now()
			_, err := asker.Reload(reloadCtx)
			r.ReloadMax = max(r.ReloadMax, time.Since(began))
			m.ObserveReload(err) // what cmd does for watch and SIGHUP reloads
			r.Reloads++
			if err != nil {
				r.ReloadFailures++
				t.Errorf("reload %d: %v", n, err)
			}
			select {
			case <-reloadStop:
				return
			case <-tick.C:
			}
		}
	}()

	// The deliveries: every event once, every retryEvery-th again later as
	// Slack's retry, shuffled, from sc.senders senders at once.
	deliveries := plan(sc)
	r.Retries = len(deliveries) - sc.events
	lat := make([]time.Duration, len(deliveries))
	codes := make([]int, len(deliveries))
	next := atomic.Int64{}
	start := time.Now()
	var wg sync.WaitGroup
	for range sc.senders {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(deliveries) {
					return
				}
				codes[i], lat[i] = deliver(client, base, deliveries[i])
			}
		})
	}
	wg.Wait()
	r.SendDuration = time.Since(start)

	// Serve returns once every answer in flight is posted: the fake's
	// record is then final.
	cancel()
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(2 * time.Minute):
		t.Fatal("the bot did not stop")
	}
	r.Duration = time.Since(start)
	close(reloadStop)
	<-reloadDone
	close(sampleStop)
	r.GoroutinesDuring = <-sampled
	st, err = ProcStatus("VmHWM")
	if err != nil {
		t.Fatal(err)
	}
	r.RSSPeak = st["VmHWM"]
	r.Documents = ix.Len()

	// Acknowledgements.
	for i, c := range codes {
		if c != http.StatusOK {
			r.Non200++
			if c >= 500 {
				r.Status5xx++
			}
			if r.Non200 <= 5 {
				t.Errorf("delivery %d (%s) answered %d", i, deliveries[i].eventID, c)
			}
		}
	}
	r.AckP50, r.AckP99, r.AckMax = Percentile(lat, 50), Percentile(lat, 99), Percentile(lat, 100)

	// Answers: one chat.postMessage per distinct event, in its thread.
	perTS := map[string]int{}
	for _, c := range fake.Calls() {
		if c.Method != "chat.postMessage" {
			t.Errorf("unexpected %s to %s: %q", c.Method, c.Channel, c.Text)
			continue
		}
		perTS[c.ThreadTS]++
	}
	for i := range sc.events {
		switch n := perTS[eventTS(i)]; {
		case n == 1:
			r.Answered++
		case n == 0:
			r.Lost++
		default:
			r.Duplicates++
		}
		delete(perTS, eventTS(i))
	}
	if len(perTS) > 0 {
		t.Errorf("%d answers to threads no event started", len(perTS))
	}
	r.SlackFaults = fake.Failed("chat.postMessage")
	text := scrape(t, m)
	r.SlackRetries = int(sum(text, "wieiswie_slack_api_retries_total"))

	// Afterwards: everything stopped, memory given back.
	fake.Close()
	client.CloseIdleConnections()
	if err := ix.Close(); err != nil {
		t.Errorf("closing the index: %v", err)
	}
	r.GoroutinesAfter = settleGoroutines(r.GoroutinesBefore + 2)
	runtime.GC()
	debug.FreeOSMemory()
	st, err = ProcStatus("VmRSS")
	if err != nil {
		t.Fatal(err)
	}
	r.RSSAfter = st["VmRSS"]
	r.HeapAfter = heapInUse()

	t.Logf("load test, %d events, %d senders:\n%s", sc.events, sc.senders, r.Markdown())
	if path := os.Getenv("WIEISWIE_LOADTEST_REPORT"); path != "" {
		if err := os.WriteFile(path, []byte(r.Markdown()), 0o644); err != nil {
			t.Errorf("writing the report: %v", err)
		}
	}

	// What Slack needs, and what keeps the bot up.
	if r.AckMax >= ackLimit {
		t.Errorf("slowest ack %s, want under %s", r.AckMax, ackLimit)
	}
	if r.Non200 != 0 || r.Status5xx != 0 {
		t.Errorf("%d non-200 answers, %d of them 5xx; want none", r.Non200, r.Status5xx)
	}
	if r.Answered != sc.events || r.Duplicates != 0 || r.Lost != 0 {
		t.Errorf("%d of %d events answered once, %d more than once, %d lost", r.Answered, sc.events, r.Duplicates, r.Lost)
	}
	if r.SlackFaults == 0 || r.SlackRetries < r.SlackFaults {
		t.Errorf("%d faults injected, %d retries: every refused post must be retried", r.SlackFaults, r.SlackRetries)
	}
	if r.Reloads == 0 || r.ReloadFailures != 0 {
		t.Errorf("%d reloads, %d failed", r.Reloads, r.ReloadFailures)
	}
	for series, want := range map[string]float64{
		"wieiswie_questions_asked_total":        float64(sc.events),
		"wieiswie_slack_api_errors_total":       0,
		"wieiswie_questions_failed_total":       0,
		"wieiswie_questions_rate_limited_total": 0,
		"wieiswie_panics_total":                 0,
		"wieiswie_reloads_total":                float64(r.Reloads),
	} {
		if got := sum(text, series); got != want {
			t.Errorf("%s = %v, want %v", series, got, want)
		}
	}
	if logs.errors.Load() > 0 {
		t.Errorf("%d error log lines, first: %s", logs.errors.Load(), logs.first())
	}
	if r.GoroutinesAfter > r.GoroutinesBefore+2 {
		t.Errorf("goroutines: %d before, %d after shutdown; a leak", r.GoroutinesBefore, r.GoroutinesAfter)
		buf := make([]byte, 1<<20)
		t.Logf("%s", buf[:runtime.Stack(buf, true)])
	}
	// Memory after shutdown: the index, the answers in flight and the
	// dedupe are gone; what is left is the fake's record of the calls and
	// what the runtime keeps (goroutine structs, free spans).
	if grown := int64(r.HeapAfter) - int64(r.HeapBefore); grown > 32<<20 {
		t.Errorf("Go heap grew by %s over the run", MiB(grown))
	}
	if grown := r.RSSAfter - r.RSSBefore; !raceEnabled && grown > 64<<20 {
		t.Errorf("RSS grew by %s over the run", MiB(grown))
	}
}

// reloadingIndex is the index with its reloader, as serve wires it.
type reloadingIndex struct {
	*index.Index
	r *reload.Reloader
}

func (x reloadingIndex) Reload(ctx context.Context) (string, error) {
	res, err := x.r.Reload(ctx)
	return res.String(), err
}

// delivery is one POST to /slack/events.
type delivery struct {
	eventID string
	retry   bool
	body    []byte
}

func eventTS(i int) string { return fmt.Sprintf("1700000000.%06d", i) }

// plan builds the deliveries: event i comes from user i/5 (five questions
// each, within the rate limit's burst) in one of 20 channels; a retry is
// placed after its original in the shuffled order, as Slack sends it after
// the first delivery timed out.
func plan(sc scale) []delivery {
	rng := rand.New(rand.NewPCG(6, 2025))
	out := make([]delivery, 0, sc.events+sc.events/sc.retryEvery)
	for i := range sc.events {
		ts := eventTS(i)
		ev := slackfake.EventEnvelope(fmt.Sprintf("EvL%06d", i), map[string]any{
			"type": "app_mention", "user": fmt.Sprintf("U%07d", i/5), "channel": fmt.Sprintf("C%02d", i%20),
			"text": "<@" + slackfake.BotUserID + "> " + questions[i%len(questions)], "ts": ts, "event_ts": ts,
		})
		body, _ := json.Marshal(ev)
		out = append(out, delivery{eventID: ev["event_id"].(string), body: body})
	}
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	after := map[int][]delivery{} // position in out → retries sent right after it
	for k := 0; k < len(out); k += sc.retryEvery {
		d := out[k]
		d.retry = true
		at := k + rng.IntN(len(out)-k)
		after[at] = append(after[at], d)
	}
	all := make([]delivery, 0, cap(out))
	for i, d := range out {
		all = append(all, d)
		all = append(all, after[i]...)
	}
	return all
}

// deliver sends one signed event as Slack does and returns the status and
// how long the acknowledgement took.
func deliver(client *http.Client, base string, d delivery) (int, time.Duration) {
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte("v0:" + ts + ":"))
	mac.Write(d.body)
	req, err := http.NewRequest(http.MethodPost, base+"/slack/events", bytes.NewReader(d.body))
	if err != nil {
		return -1, 0
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	if d.retry {
		req.Header.Set("X-Slack-Retry-Num", "1")
		req.Header.Set("X-Slack-Retry-Reason", "http_timeout")
	}
	start := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		return -1, time.Since(start)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode, time.Since(start)
}

// changeKnowledge edits the folder as people do: a document changes, and
// a new one appears while an older one goes.
func changeKnowledge(dir string, n int) error {
	sport := filepath.Join(dir, "heibeek", "sportdienst.md")
	b, err := os.ReadFile(sport)
	if err != nil {
		return err
	}
	text, _, _ := strings.Cut(string(b), "\n- Versie ")
	text = strings.TrimRight(text, "\n") + fmt.Sprintf("\n- Versie %d van de afsprakenlijst.\n", n)
	if err := os.WriteFile(sport, []byte(text), 0o644); err != nil {
		return err
	}
	extra := func(k int) string { return filepath.Join(dir, "zandhoven", fmt.Sprintf("onthaal-%d.md", k)) }
	if err := os.Remove(extra(n - 1)); err != nil && !os.IsNotExist(err) {
		return err
	}
	doc := fmt.Sprintf("---\ntitle: Onthaal Zandhoven\ntype: person\nname: Medewerker %d\nfunctions:\n  - body: Gemeente Zandhoven\n    function: Onthaalmedewerker\nphone: \"+32 3 410 12 %02d\"\n---\n\n# Onthaal\n\n- Beantwoordt vragen aan het loket.\n", n, n%100)
	return os.WriteFile(extra(n), []byte(doc), 0o644)
}

// copyTree copies the regular files under src to dst.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}

func waitReady(t *testing.T, client *http.Client, base string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		resp, err := client.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("the bot did not become ready: %v %v", resp, err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// settleGoroutines waits (bounded) for goroutines that are ending to end,
// and returns how many are left.
func settleGoroutines(want int) int {
	deadline := time.Now().Add(10 * time.Second)
	for {
		n := runtime.NumGoroutine()
		if n <= want || time.Now().After(deadline) {
			return n
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func heapInUse() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapInuse
}

func scrape(t *testing.T, m *metrics.Metrics) string {
	t.Helper()
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	return rec.Body.String()
}

// sum adds every series of the metric name (all label sets).
func sum(text, name string) float64 {
	total := 0.0
	for _, line := range strings.Split(text, "\n") {
		rest, ok := strings.CutPrefix(line, name)
		if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '{') {
			continue
		}
		if i := strings.LastIndexByte(rest, ' '); i >= 0 {
			if v, err := strconv.ParseFloat(rest[i+1:], 64); err == nil {
				total += v
			}
		}
	}
	return total
}

// logSink takes the bot's JSON log lines and counts the errors.
type logSink struct {
	lines  atomic.Int64
	errors atomic.Int64
	mu     sync.Mutex
	firsts []string
}

func (s *logSink) Write(p []byte) (int, error) {
	s.lines.Add(1)
	if bytes.Contains(p, []byte(`"level":"error"`)) {
		s.errors.Add(1)
		s.mu.Lock()
		if len(s.firsts) < 3 {
			s.firsts = append(s.firsts, string(p))
		}
		s.mu.Unlock()
	}
	return len(p), nil
}

func (s *logSink) first() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.Join(s.firsts, "")
}
