package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The browser test loads the page in a real headless Chromium (Debian's
// chromium package; .ci/run installs it) and checks it with axe-core
// (npm; .ci/run runs npm ci in testdata/axe). Chromium is driven from the
// command line: --dump-dom gives the DOM after the page ran, --screenshot
// keeps a picture of it. The only scripts are the test's own (typing a
// question, running axe), added to the page by the test server with a
// Content-Security-Policy that allows them; the page itself has none.

const chromiumPath = "/usr/bin/chromium"

// browserTimeout bounds one Chromium run; it is a hang guard, not a
// performance target.
const browserTimeout = 90 * time.Second

func needBrowser(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("chromium is required in CI: %v (.ci/run installs the Debian package chromium)", err)
		}
		t.Skipf("skipping the browser test: %s not found (apt-get install -y chromium)", chromiumPath)
	}
	if _, err := os.Stat(axeScript); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("axe-core is required in CI: %v (.ci/run runs npm ci --prefix web/testdata/axe)", err)
		}
		t.Skipf("skipping the browser test: axe-core not installed (npm ci --prefix web/testdata/axe)")
	}
}

const axeScript = "testdata/axe/node_modules/axe-core/axe.min.js"

// browserServer serves the web page with the test's scripts added: the
// query parameter __inject names them ("axe", "submit").
func browserServer(t *testing.T, s *Server) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /__test/axe.min.js", func(w http.ResponseWriter, r *http.Request) { http.ServeFile(w, r, axeScript) })
	mux.HandleFunc("GET /__test/run.js", func(w http.ResponseWriter, r *http.Request) { http.ServeFile(w, r, "testdata/axe/run.js") })
	mux.HandleFunc("GET /__test/submit.js", func(w http.ResponseWriter, r *http.Request) { http.ServeFile(w, r, "testdata/axe/submit.js") })
	// A page with faults axe must find: the check itself can fail.
	mux.HandleFunc("GET /__test/broken", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<!doctype html><html><head><title>kapot</title></head><body><main><input id="x"><a href="/"></a>`+
			`<script src="/__test/axe.min.js"></script><script src="/__test/run.js"></script></main></body></html>`)
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		inject := r.URL.Query()["__inject"]
		if len(inject) == 0 {
			s.ServeHTTP(w, r)
			return
		}
		q := r.URL.Query()
		q.Del("__inject")
		q.Del("question")
		r2 := r.Clone(r.Context())
		r2.URL.RawQuery = q.Encode()
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, r2)
		var scripts strings.Builder
		for _, name := range inject {
			switch name {
			case "axe":
				scripts.WriteString(`<script src="/__test/axe.min.js"></script><script src="/__test/run.js"></script>`)
			case "submit":
				scripts.WriteString(`<script src="/__test/submit.js?question=` + url.QueryEscape(r.URL.Query().Get("question")) + `"></script>`)
			}
		}
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		csp := rec.Header().Get("Content-Security-Policy")
		w.Header().Set("Content-Security-Policy", csp+"; script-src 'self'")
		w.Header().Del("Content-Length")
		w.WriteHeader(rec.Code)
		_, _ = w.Write(bytes.Replace(rec.Body.Bytes(), []byte("</body>"), []byte(scripts.String()+"</body>"), 1))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// chromium runs headless Chromium on url and returns the DOM it dumped;
// with screenshot set it saves a picture there too.
func chromium(t *testing.T, pageURL, screenshot string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), browserTimeout)
	defer cancel()
	args := []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--user-data-dir=" + t.TempDir(),
		"--window-size=1024,1400", "--virtual-time-budget=20000",
	}
	if screenshot != "" {
		args = append(args, "--screenshot="+screenshot)
	} else {
		args = append(args, "--dump-dom")
	}
	cmd := exec.CommandContext(ctx, chromiumPath, append(args, pageURL)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %s: %v\n%s", pageURL, err, lastLines(stderr.String(), 20))
	}
	return stdout.String()
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

func TestBrowserSearch(t *testing.T) {
	needBrowser(t)
	srv := browserServer(t, newTestServer(t, Config{}))
	question := "wie is de financieel directeur van kastelbroek"

	// The search page, as it loads.
	dom := chromium(t, srv.URL+"/", "")
	if !strings.Contains(dom, `<label for="q">Stel je vraag</label>`) {
		t.Fatalf("the search page did not render:\n%s", dom)
	}

	// Type the question and submit the form; the browser lands on the answer.
	dom = chromium(t, srv.URL+"/?__inject=submit&question="+url.QueryEscape(question), "")
	for _, want := range []string{
		`value="` + question + `"`,
		`<h2 id="antwoord">Bert De Smet</h2>`,
		`href="tel:+3293784035"`,
		`<mark>`,
	} {
		if !strings.Contains(dom, want) {
			t.Errorf("the answer page lacks %q:\n%s", want, dom)
		}
	}

	dir := t.ArtifactDir()
	for name, path := range map[string]string{"search.png": "/", "answer.png": "/?q=" + url.QueryEscape(question)} {
		file := filepath.Join(dir, name)
		chromium(t, srv.URL+path, file)
		if st, err := os.Stat(file); err != nil || st.Size() < 1000 {
			t.Errorf("screenshot %s: %v", file, err)
		}
	}
	t.Logf("screenshots in %s", dir)
}

// violation is one axe-core finding.
type violation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

var axeResult = regexp.MustCompile(`(?s)<pre id="axe-result">(.*?)</pre>`)

func TestBrowserAccessibility(t *testing.T) {
	needBrowser(t)
	srv := browserServer(t, newTestServer(t, Config{}))
	pages := []string{
		"/",
		"/?q=" + url.QueryEscape("wie is algemeen directeur van kastelbroek"),
		"/?q=" + url.QueryEscape("telefoonnummer van de burgemeester"),
		"/?q=" + url.QueryEscape("wie kweekt orchideeën op de maan"),
		"/organisaties",
		"/organisatie/Kastelbroek",
		"/document/kastelbroek/algemeen-directeur.txt",
		"/document/kastelbroek/functiebeschrijving-algemeen-directeur.txt",
		"/bestaat-niet",
	}
	t.Run("a broken page fails", func(t *testing.T) {
		serious := 0
		for _, v := range axe(t, srv.URL+"/__test/broken") {
			if v.Impact == "serious" || v.Impact == "critical" {
				serious++
			}
		}
		if serious == 0 {
			t.Error("axe found nothing serious on a page without lang, label or link text")
		}
	})
	for _, p := range pages {
		t.Run(p, func(t *testing.T) {
			sep := "?"
			if strings.Contains(p, "?") {
				sep = "&"
			}
			for _, v := range axe(t, srv.URL+p+sep+"__inject=axe") {
				msg := fmt.Sprintf("%s (%s): %s at %v", v.ID, v.Impact, v.Help, v.Nodes)
				if v.Impact == "serious" || v.Impact == "critical" {
					t.Error(msg)
				} else {
					t.Log(msg)
				}
			}
		})
	}
}

// axe loads pageURL, on which run.js reports, and returns what axe found.
func axe(t *testing.T, pageURL string) []violation {
	t.Helper()
	dom := chromium(t, pageURL, "")
	m := axeResult.FindStringSubmatch(dom)
	if m == nil {
		t.Fatalf("axe did not report:\n%s", lastLines(dom, 30))
	}
	raw := html.UnescapeString(m[1])
	var found []violation
	if err := json.Unmarshal([]byte(raw), &found); err != nil {
		t.Fatalf("axe: %s", raw)
	}
	return found
}
