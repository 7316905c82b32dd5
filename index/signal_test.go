package index

import (
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
