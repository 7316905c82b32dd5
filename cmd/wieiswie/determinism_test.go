package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// devsetDir is the shared development set: <repo root>/../shared/devset,
// beside the clone in CI as on a workstation.
var devsetDir = filepath.Join("..", "..", "..", "shared", "devset")

// TestAskIsDeterministic asks every question of the development set twice,
// each time in a fresh process with a different GOMAXPROCS, and requires
// the same answers: same documents in the same order, same excerpts, same
// scores. Only the timings may differ. Ties that fall to map iteration
// order or to the order goroutines finish show up here.
func TestAskIsDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and asks the development set twice; skipped in -short mode")
	}
	if _, err := os.Stat(devsetDir); err != nil {
		t.Skipf("no development set at %s (the shared folder beside the clone): %v", devsetDir, err)
	}
	var questions []string
	for _, name := range []string{"questions.jsonl", "messages.jsonl"} {
		questions = append(questions, readDevsetQuestions(t, filepath.Join(devsetDir, name))...)
	}
	if len(questions) == 0 {
		t.Fatal("the development set has no questions")
	}
	// One question a line: a message that spans lines is asked as one.
	var stdin strings.Builder
	for _, q := range questions {
		stdin.WriteString(strings.Join(strings.Fields(q), " "))
		stdin.WriteByte('\n')
	}

	bin := buildWieiswie(t)
	corpus := filepath.Join(devsetDir, "corpus")
	procs := []int{1, 4}
	runs := make([]askRun, len(procs))
	var wg sync.WaitGroup
	for i, n := range procs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			runs[i] = runAskProcess(bin, corpus, stdin.String(), n)
		}()
	}
	wg.Wait()
	for i, r := range runs {
		if r.err != nil {
			t.Fatalf("GOMAXPROCS=%d: wieiswie ask: %v\n%s", procs[i], r.err, r.stderr)
		}
	}

	a, b := runs[0], runs[1]
	if a.stderr != b.stderr {
		t.Errorf("standard error differs:\nGOMAXPROCS=%d:\n%s\nGOMAXPROCS=%d:\n%s", procs[0], a.stderr, procs[1], b.stderr)
	}
	if len(a.answers) != len(questions) || len(b.answers) != len(questions) {
		t.Fatalf("%d questions, but %d and %d answers", len(questions), len(a.answers), len(b.answers))
	}
	var differ []int
	for i := range questions {
		if a.answers[i] != b.answers[i] {
			differ = append(differ, i)
		}
	}
	if len(differ) == 0 {
		return
	}
	i := differ[0]
	t.Errorf("%d of %d answers differ between GOMAXPROCS=%d and GOMAXPROCS=%d; the first, for %q:\nGOMAXPROCS=%d:\n%s\nGOMAXPROCS=%d:\n%s",
		len(differ), len(questions), procs[0], procs[1], questions[i],
		procs[0], indentJSON(a.answers[i]), procs[1], indentJSON(b.answers[i]))
	for _, i := range differ[1:] {
		t.Logf("also differs: %q", questions[i])
	}
}

// readDevsetQuestions returns the "question" of every line of a JSONL file.
func readDevsetQuestions(t *testing.T, name string) []string {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var qs []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var q struct {
			Question string `json:"question"`
		}
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			t.Fatalf("%s:%d: %v", name, line, err)
		}
		if strings.TrimSpace(q.Question) != "" {
			qs = append(qs, q.Question)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return qs
}

// buildWieiswie builds this command into a temporary folder.
func buildWieiswie(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "wieiswie")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	cmd := exec.Command(goTool(t), "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// goTool returns the go command of the toolchain running the tests: go test
// puts its GOROOT/bin first on the PATH of the tests it runs.
func goTool(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build wieiswie with")
	}
	return p
}

// askRun is what one `wieiswie ask --json` process wrote, timings dropped.
type askRun struct {
	answers []string // one JSON object per question, without took_ms
	stderr  string   // without the "indexed" event
	err     error
}

func runAskProcess(bin, corpus, stdin string, procs int) askRun {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "ask", "--json", "--knowledge", corpus)
	cmd.Env = append(os.Environ(), fmt.Sprintf("GOMAXPROCS=%d", procs))
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return askRun{stderr: stderr.String(), err: err}
	}
	var r askRun
	for _, line := range strings.Split(stderr.String(), "\n") {
		if !strings.HasPrefix(line, `{"event":"indexed"`) {
			r.stderr += line + "\n"
		}
	}
	for _, line := range strings.Split(strings.TrimSuffix(stdout.String(), "\n"), "\n") {
		var m map[string]json.RawMessage
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			return askRun{err: fmt.Errorf("answer %d is not JSON: %v: %s", len(r.answers)+1, err, line)}
		}
		delete(m, "took_ms")
		b, err := json.Marshal(m) // keys sorted
		if err != nil {
			return askRun{err: err}
		}
		r.answers = append(r.answers, string(b))
	}
	return r
}

func indentJSON(s string) string {
	var b bytes.Buffer
	if err := json.Indent(&b, []byte(s), "  ", "  "); err != nil {
		return s
	}
	return "  " + b.String()
}
