package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/wieiswie/wieiswie/config"
)

// twee is a small knowledge folder of two municipalities.
const twee = "../../index/testdata/twee"

const tweeQuestion = "wie is de algemeen directeur van zandhoven"

// Every command's --help exits 0 and shows its flags and examples on
// standard output; before, ask --help exited 2.
func TestHelpExitsZero(t *testing.T) {
	for _, tc := range []struct {
		cmd   string
		flags []string
	}{
		{"ask", []string{"-knowledge", "-index", "-json", "-top"}},
		{"check", []string{"-knowledge"}},
		{"eval", []string{"-questions", "-folds", "-fit"}},
		{"gen", []string{"-out", "-docs", "-seed"}},
		{"serve", []string{"-env-file", "SLACK_BOT_TOKEN", "RELOAD_POLL_INTERVAL"}},
		{"healthcheck", []string{"-url", "-timeout"}},
		{"web", []string{"-env-file", "WEB_USERS"}},
		{"report", []string{"-since", "-json", "-knowledge", "-env-file"}},
	} {
		for _, help := range []string{"--help", "-h"} {
			code, out, errOut := runCmd(t, "", tc.cmd, help)
			if code != 0 {
				t.Errorf("%s %s: exit %d: %s", tc.cmd, help, code, errOut)
			}
			for _, want := range append([]string{"Usage: wieiswie " + tc.cmd, "Examples:"}, tc.flags...) {
				if !strings.Contains(out, want) {
					t.Errorf("%s %s does not show %q:\n%s", tc.cmd, help, want, out)
				}
			}
		}
	}
	if code, _, _ := runCmd(t, "", "ask", "--bogus"); code != 2 {
		t.Errorf("ask --bogus: exit %d, want 2", code)
	}
}

// Flags may follow the question; before, --json became part of it.
func TestAskFlagsAfterQuestion(t *testing.T) {
	code, out, errOut := runCmd(t, "", "ask", "wie is algemeen directeur", "--json", "--top", "1")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var line jsonAnswerLine
	if err := json.Unmarshal([]byte(out), &line); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if line.Question != "wie is algemeen directeur" || len(line.Answers) != 1 || line.Answers[0].Name != "Miet Gobert" {
		t.Errorf("got %+v", line)
	}
	// After "--" a flag-like word is part of the question.
	if code, out, _ := runCmd(t, "", "ask", "--json", "--", "wie", "is", "--top"); code != 0 || !strings.Contains(out, `"question":"wie is --top"`) {
		t.Errorf("after --: exit %d, %s", code, out)
	}
}

// A knowledge folder that does not exist is a configuration error: exit 2.
func TestAskMissingKnowledgeFolder(t *testing.T) {
	code, _, errOut := runCmd(t, "", "ask", "--knowledge", filepath.Join(t.TempDir(), "weg"), "wie is de burgemeester")
	if code != 2 || !strings.Contains(errOut, "does not exist") {
		t.Errorf("exit %d, %q", code, errOut)
	}
}

func TestVersion(t *testing.T) {
	for _, arg := range []string{"version", "--version"} {
		code, out, _ := runCmd(t, "", arg)
		if code != 0 || !strings.HasPrefix(out, "wieiswie dev (commit ") {
			t.Errorf("%s: exit %d, %q", arg, code, out)
		}
	}
}

func TestHealthcheck(t *testing.T) {
	status := http.StatusOK
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/healthz" {
			http.NotFound(w, r)
			return
		}
		w.WriteHeader(status)
	}))
	defer srv.Close()
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	check := func(env map[string]string, args ...string) (int, string) {
		var out, errb bytes.Buffer
		args = append([]string{"healthcheck", "--env-file", filepath.Join(t.TempDir(), "none.env")}, args...)
		code := run(context.Background(), args, nil, &out, &errb, func(k string) string { return env[k] })
		return code, errb.String()
	}
	// LISTEN_ADDR as serve has it: any address, on this machine.
	if code, msg := check(map[string]string{config.EnvListenAddr: ":" + port}); code != 0 {
		t.Errorf("healthy: exit %d %s", code, msg)
	}
	if code, msg := check(map[string]string{config.EnvListenAddr: "0.0.0.0:" + port}); code != 0 {
		t.Errorf("healthy on 0.0.0.0: exit %d %s", code, msg)
	}
	// LISTEN_ADDR from the .env serve reads.
	envFile := filepath.Join(t.TempDir(), ".env")
	os.WriteFile(envFile, []byte("LISTEN_ADDR=127.0.0.1:"+port+"\n"), 0o600)
	if code, msg := check(nil, "--env-file", envFile); code != 0 {
		t.Errorf("LISTEN_ADDR from .env: exit %d %s", code, msg)
	}
	status = http.StatusServiceUnavailable
	if code, msg := check(nil, "--url", srv.URL+"/healthz"); code != 1 || !strings.Contains(msg, "503") {
		t.Errorf("unhealthy: exit %d %s", code, msg)
	}
	srv.Close()
	if code, _ := check(map[string]string{config.EnvListenAddr: "127.0.0.1:" + port}); code != 1 {
		t.Errorf("nothing listening: exit %d", code)
	}
}

// A malformed .env holding a token stops serve with exit 2 and an error
// naming the line, not the token.
func TestServeMalformedEnvFileHidesToken(t *testing.T) {
	path := filepath.Join(t.TempDir(), ".env")
	os.WriteFile(path, []byte("SLACK_APP_TOKEN=xapp-1-A0-s3cr3tapp\nSLACK_BOT_TOKEN=\"xoxb-1-s3cr3tbot\n"), 0o600)
	var out, errb bytes.Buffer
	code := runServe(context.Background(), []string{"--env-file", path}, &out, &errb, serveEnv(nil), noIndex)
	if code != 2 || !strings.Contains(errb.String(), "line 2 (SLACK_BOT_TOKEN)") {
		t.Errorf("exit %d, %q", code, errb.String())
	}
	if strings.Contains(errb.String(), "s3cr3t") {
		t.Errorf("the token is shown: %q", errb.String())
	}
}

// LOG_FORMAT=console writes no colour codes into a pipe or a file.
func TestConsoleLogWithoutColourOffTerminal(t *testing.T) {
	var buf bytes.Buffer
	log := newLogger(&buf, config.Config{LogFormat: config.LogFormatConsole}, func(string) string { return "" })
	log.Warn().Str("file", "a.txt").Msg("hallo")
	if strings.Contains(buf.String(), "\x1b[") || !strings.Contains(buf.String(), "hallo") {
		t.Errorf("console log to a buffer: %q", buf.String())
	}
}

// An --index folder that cannot be used is said in one line, and ask
// answers from an index in memory.
func TestAskUnusableIndexFolder(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o644)
	code, out, errOut := runCmd(t, "", "ask", "--index", filepath.Join(file, "index"), "wie is algemeen directeur")
	if code != 0 || !strings.Contains(out, "Miet Gobert") {
		t.Fatalf("exit %d: %s %s", code, out, errOut)
	}
	if !strings.Contains(errOut, "cannot be made") || !strings.Contains(errOut, "indexing in memory instead") || strings.Count(errOut, "\n") != 1 {
		t.Errorf("stderr %q: want one line saying why and what instead", errOut)
	}
}

// After a failed reload the served index says its knowledge is stale (for
// /readyz and wieiswie_knowledge_stale) until a reload works; the example
// documents say so too.
func TestServedIndexWarnings(t *testing.T) {
	dir := t.TempDir()
	if out, err := exec.Command("cp", "-r", twee+"/.", dir).CombinedOutput(); err != nil {
		t.Fatalf("%v %s", err, out)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	a, err := openIndex(ctx, config.Config{KnowledgeDir: dir}, zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	defer a.closer.Close()
	if a.stale() || len(a.warnings()) != 0 {
		t.Errorf("fresh: stale %v, %v", a.stale(), a.warnings())
	}
	moved := dir + ".moved"
	os.Rename(dir, moved)
	os.Mkdir(dir, 0o755)
	if _, err := a.reloader.Reload(ctx); err == nil {
		t.Fatal("a reload of an empty folder worked")
	}
	if w := strings.Join(a.warnings(), "\n"); !a.stale() || !strings.Contains(w, "knowledge stale") {
		t.Errorf("after a failed reload: stale %v, %q", a.stale(), w)
	}
	os.Remove(dir)
	os.Rename(moved, dir)
	if _, err := a.reloader.Reload(ctx); err != nil {
		t.Fatal(err)
	}
	if a.stale() {
		t.Error("still stale after a reload that worked")
	}

	example, err := openIndex(ctx, config.Config{}, zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	defer example.closer.Close()
	if !example.example || len(example.warnings()) == 0 {
		t.Error("the embedded documents do not say they are the example")
	}
}
