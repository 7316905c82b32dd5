package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGen(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "corpus")
	var out, errb bytes.Buffer
	if code := runGen([]string{"--out", dir, "--docs", "120", "--seed", "3"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "120 documents") {
		t.Errorf("output: %s", out.String())
	}
	for _, f := range []string{"questions.jsonl", "manifest.json", "corpus"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
	if code := runGen([]string{"--out", dir, "--docs", "120"}, &out, &errb); code != 1 {
		t.Errorf("into a non-empty folder: exit %d, want 1", code)
	}
	if code := runGen([]string{"--docs", "120"}, &out, &errb); code != 2 {
		t.Errorf("without --out: exit %d, want 2", code)
	}
}
