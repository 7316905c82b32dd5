package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

// version and commit are stamped at build time:
//
//	go build -ldflags "-X main.version=v1.2.0 -X main.commit=$(git rev-parse --short HEAD)"
//
// Unstamped, the commit comes from the Go toolchain's VCS stamp when there
// is one.
var (
	version = "dev"
	commit  = ""
)

// buildVersion returns the version and commit of this build.
func buildVersion() (string, string) {
	c := commit
	if c == "" {
		c = "unknown"
		if bi, ok := debug.ReadBuildInfo(); ok {
			for _, s := range bi.Settings {
				if s.Key == "vcs.revision" && len(s.Value) >= 7 {
					c = s.Value[:7]
				}
			}
		}
	}
	return version, c
}

func runVersion(stdout io.Writer) int {
	v, c := buildVersion()
	fmt.Fprintf(stdout, "wieiswie %s (commit %s, %s)\n", v, c, runtime.Version())
	return 0
}
