package web

import (
	"os/exec"
	"strings"
	"testing"
)

// TestWebDependsOnTheDomainOnly keeps the web page apart from the search
// engine and from Slack: it asks a Library and renders a knowledge.Result;
// cmd/wieiswie wires in the index. Test files may build a real index.
func TestWebDependsOnTheDomainOnly(t *testing.T) {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to list the dependencies with")
	}
	out, err := exec.Command(goCmd, "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	var bad []string
	for _, pkg := range strings.Fields(string(out)) {
		if strings.Contains(pkg, "blevesearch") || strings.Contains(pkg, "slack-go") ||
			pkg == "github.com/wieiswie/wieiswie/index" || pkg == "github.com/wieiswie/wieiswie/bot" {
			bad = append(bad, pkg)
		}
	}
	if len(bad) > 0 {
		t.Errorf("web depends on:\n\t%s", strings.Join(bad, "\n\t"))
	}
}
