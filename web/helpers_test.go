package web

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/rs/zerolog"

	"github.com/wieiswie/wieiswie/index"
	"github.com/wieiswie/wieiswie/knowledge"
)

// The test knowledge: the customer's sample town (knowledge/testdata/sample)
// and a person card full of markup (testdata/onthaal.md).
var (
	libOnce sync.Once
	lib     *index.Index
	libErr  error
)

func testLibrary(t testing.TB) *index.Index {
	t.Helper()
	libOnce.Do(func() {
		dir, err := os.MkdirTemp("", "wieiswie-web-")
		if err != nil {
			libErr = err
			return
		}
		if err = os.CopyFS(dir, os.DirFS("../knowledge/testdata/sample/corpus")); err != nil {
			libErr = err
			return
		}
		raw, err := os.ReadFile("testdata/onthaal.md")
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, "kastelbroek", "onthaal.md"), raw, 0o644)
		}
		if err != nil {
			libErr = err
			return
		}
		docs, problems := knowledge.Load(context.Background(), dir, knowledge.Options{})
		if len(problems) > 0 {
			libErr = problems[0]
			return
		}
		lib, libErr = index.Build(context.Background(), docs, index.Options{})
	})
	if libErr != nil {
		t.Fatal(libErr)
	}
	return lib
}

func newTestServer(t testing.TB, cfg Config) *Server {
	t.Helper()
	s, err := New(testLibrary(t), cfg, zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// get requests path from h and returns the response and its body.
func get(t testing.TB, h http.Handler, path string, header http.Header) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	for k, v := range header {
		req.Header[k] = v
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	body, _ := io.ReadAll(res.Body)
	return res, string(body)
}

func mustContain(t testing.TB, body string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(body, w) {
			t.Errorf("page lacks %q", w)
		}
	}
}
