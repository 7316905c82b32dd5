package index

import (
	"context"
	"os"
	"runtime/pprof"
	"strings"
	"testing"

	"github.com/wieiswie/wieiswie/knowledge"
)

func TestProfBuild(t *testing.T) {
	dir := os.Getenv("PROFDIR")
	if dir == "" {
		t.Skip()
	}
	docs, _ := knowledge.LoadDir(dir)
	ix, err := Build(context.Background(), docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
}

func TestProfAsk(t *testing.T) {
	dir := os.Getenv("PROFDIR")
	qf := os.Getenv("PROFQ")
	if dir == "" || qf == "" {
		t.Skip()
	}
	docs, _ := knowledge.LoadDir(dir)
	ix, err := Build(context.Background(), docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	data, _ := os.ReadFile(qf)
	qs := strings.Split(strings.TrimSpace(string(data)), "\n")
	pprof.StartCPUProfile(mustCreate(os.Getenv("PROFOUT")))
	defer pprof.StopCPUProfile()
	for range 10 {
		for _, q := range qs {
			ix.Ask(context.Background(), q, 3)
		}
	}
}

func mustCreate(p string) *os.File {
	f, err := os.Create(p)
	if err != nil {
		panic(err)
	}
	return f
}
