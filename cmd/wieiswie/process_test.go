//go:build unix

package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/wieiswie/wieiswie/internal/slackfake"
)

// Two processes on one index folder: the second waits, says which process
// holds it, and answers from memory; neither panics or hangs, and the
// folder stays an index the next process opens. Before, the second waited
// for ever on bolt's lock, and two first builds removed each other's files.
func TestTwoProcessesOneIndexFolder(t *testing.T) {
	bin := buildWieiswie(t)
	indexDir := filepath.Join(t.TempDir(), "index")

	// Both start at once on an empty folder.
	var wg sync.WaitGroup
	results := make([]string, 2)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out, err := askProcess(t, bin, "ask", "--knowledge", twee, "--index", indexDir, tweeQuestion, "--json")
			if err != nil {
				results[i] = err.Error()
				return
			}
			results[i] = out
		}()
	}
	wg.Wait()
	for i, r := range results {
		if !strings.Contains(r, "Pieter Claes") {
			t.Errorf("process %d of two started at once: %s", i, r)
		}
	}

	// One holds the folder (reading questions from its standard input),
	// another comes along.
	first := exec.Command(bin, "ask", "--knowledge", twee, "--index", indexDir, "--json")
	stdin, _ := first.StdinPipe()
	stdout, _ := first.StdoutPipe()
	var firstErr bytes.Buffer
	first.Stderr = &firstErr
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	fmt.Fprintln(stdin, tweeQuestion)
	if line, err := bufio.NewReader(stdout).ReadString('\n'); err != nil || !strings.Contains(line, "Pieter Claes") {
		t.Fatalf("first process: %q %v %s", line, err, firstErr.String())
	}
	start := time.Now()
	out, err := askProcess(t, bin, "ask", "--knowledge", twee, "--index", indexDir, tweeQuestion)
	if err != nil {
		t.Fatalf("second process: %v", err)
	}
	if !strings.Contains(out, fmt.Sprintf("index in gebruik door proces %d", first.Process.Pid)) || !strings.Contains(out, "indexing in memory instead") || !strings.Contains(out, "Pieter Claes") {
		t.Errorf("second process did not say who holds the index, or did not answer:\n%s", out)
	}
	if took := time.Since(start); took > 30*time.Second {
		t.Errorf("second process took %s", took)
	}
	stdin.Close()
	if err := first.Wait(); err != nil {
		t.Errorf("first process: %v %s", err, firstErr.String())
	}
	if out, err := askProcess(t, bin, "ask", "--knowledge", twee, "--index", indexDir, tweeQuestion); err != nil || strings.Contains(out, "in memory") {
		t.Errorf("after both: %v\n%s", err, out)
	}
}

// askProcess runs bin with args and returns its output (stdout and
// stderr), failing on a non-zero exit or after a minute.
func askProcess(t *testing.T, bin string, args ...string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, bin, args...).CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("%v: %s", err, out)
	}
	return string(out), nil
}

// nonroot is the user of the distroless image (nonroot:nonroot).
const nonroot = 65532

// The built binary run as the image runs it: stamped with a version, as a
// user who is not root, with INDEX_DIR a folder of its own that it owns.
// It serves, is healthy by its own healthcheck, reports its build, keeps
// its index in INDEX_DIR and stops cleanly on SIGTERM.
func TestBinaryAsInImage(t *testing.T) {
	root, err := os.MkdirTemp("", "wieiswie-image-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(root) })
	os.Chmod(root, 0o755)
	bin := filepath.Join(root, "wieiswie")
	// The image's -trimpath and CGO_ENABLED=0 would compile everything
	// again; the stamp is only linked, so the build cache serves the rest.
	build := exec.Command(goTool(t), "build", "-ldflags", "-X main.version=v9.9.9-test -X main.commit=abc1234", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	knowledgeDir := filepath.Join(root, "knowledge")
	if out, err := exec.Command("cp", "-r", twee, knowledgeDir).CombinedOutput(); err != nil {
		t.Fatalf("copy knowledge: %v %s", err, out)
	}
	exec.Command("chmod", "-R", "a+rX", knowledgeDir).Run()
	indexDir := filepath.Join(root, "index")
	os.Mkdir(indexDir, 0o755)

	// As root, become the image's user; otherwise the test already runs
	// as a user who is not root, as the image does.
	wrap := func(args ...string) *exec.Cmd { return exec.Command(bin, args...) }
	if os.Getuid() == 0 {
		if err := os.Chown(indexDir, nonroot, nonroot); err != nil {
			t.Fatal(err)
		}
		wrap = func(args ...string) *exec.Cmd {
			c := exec.Command(bin, args...)
			c.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nonroot, Gid: nonroot}}
			return c
		}
	}

	fake := slackfake.New(t, serveTestBotToken, serveTestAppToken)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	env := []string{
		"SLACK_BOT_TOKEN=" + serveTestBotToken, "SLACK_SIGNING_SECRET=0123456789abcdef",
		"SLACK_API_URL=" + fake.APIURL(), "LISTEN_ADDR=" + addr,
		"KNOWLEDGE_DIR=" + knowledgeDir, "INDEX_DIR=" + indexDir, "PATH=/usr/bin:/bin",
	}
	serve := wrap("serve", "--env-file", "")
	serve.Env = env
	serve.Dir = root
	var logs bytes.Buffer
	serve.Stderr = &logs
	serve.Stdout = io.Discard
	if err := serve.Start(); err != nil {
		t.Fatal(err)
	}
	defer serve.Process.Kill()

	healthy := false
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		hc := wrap("healthcheck")
		hc.Env = env
		if hc.Run() == nil {
			healthy = true
			break
		}
	}
	if !healthy {
		t.Fatalf("never healthy:\n%s", logs.String())
	}
	waitStatus(t, "http://"+addr+"/readyz", http.StatusOK)
	metrics := get(t, "http://"+addr+"/metrics")
	for _, want := range []string{`wieiswie_build_info{commit="abc1234",goversion="go`, `version="v9.9.9-test"} 1`, "\nprocess_resident_memory_bytes ", "\nwieiswie_documents "} {
		if !strings.Contains(metrics, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	version := wrap("--version")
	if out, err := version.Output(); err != nil || !strings.HasPrefix(string(out), "wieiswie v9.9.9-test (commit abc1234, go") {
		t.Errorf("--version: %q %v", out, err)
	}

	serve.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- serve.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve after SIGTERM: %v\n%s", err, logs.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("serve did not stop on SIGTERM:\n%s", logs.String())
	}
	fi, err := os.Stat(filepath.Join(indexDir, "current", "wieiswie-manifest.txt"))
	if err != nil {
		t.Fatalf("no index kept in INDEX_DIR: %v\n%s", err, logs.String())
	}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok && os.Getuid() == 0 && st.Uid != nonroot {
		t.Errorf("index written by uid %d, want %d", st.Uid, nonroot)
	}
	if strings.Contains(logs.String(), "panic") || strings.Contains(logs.String(), "s3cr3t") {
		t.Errorf("logs:\n%s", logs.String())
	}
}
