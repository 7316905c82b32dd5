//go:build unix

package index

import (
	"os"
	"os/signal"
	"syscall"
	"testing"
)

// signalIgnore ignores SIGXFSZ, which a write over the file size limit
// sends (and which would end the test binary), until the test ends.
func signalIgnore(t *testing.T) {
	signal.Ignore(syscall.SIGXFSZ)
	t.Cleanup(func() { signal.Reset(syscall.SIGXFSZ) })
}

// skipOutsideCI skips the test with why, except in CI (CI set), where a
// test must run: there it fails.
func skipOutsideCI(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("cannot run in CI: %s", why)
	}
	t.Skip(why)
}
