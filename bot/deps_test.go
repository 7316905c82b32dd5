package bot

import (
	"os/exec"
	"strings"
	"testing"
)

// TestBotDoesNotDependOnBleve keeps the Slack front end apart from the
// search engine: bot and its subpackages ask a knowledge.Asker and render a
// knowledge.Result, and cmd/wieiswie wires in the index. Test files may
// still build a real index; only what the bot itself compiles is checked.
func TestBotDoesNotDependOnBleve(t *testing.T) {
	out, err := exec.Command(goTool(t), "list", "-deps", "./...").Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			t.Fatalf("go list -deps ./...: %v\n%s", err, ee.Stderr)
		}
		t.Fatalf("go list -deps ./...: %v", err)
	}
	var bad []string
	for _, pkg := range strings.Fields(string(out)) {
		if strings.Contains(pkg, "blevesearch") || pkg == "github.com/wieiswie/wieiswie/index" {
			bad = append(bad, pkg)
		}
	}
	if len(bad) > 0 {
		t.Errorf("bot depends on the index (it should ask a knowledge.Asker):\n\t%s", strings.Join(bad, "\n\t"))
	}
}

// goTool returns the go command of the toolchain running the tests: go test
// puts its GOROOT/bin first on the PATH of the tests it runs.
func goTool(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to list the dependencies with")
	}
	return p
}
