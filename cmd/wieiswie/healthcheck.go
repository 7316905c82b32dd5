package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"github.com/wieiswie/wieiswie/config"
)

// runHealthcheck asks the serve process on LISTEN_ADDR whether it is
// alive. It exits 0 or 1 and says why on stderr.
func runHealthcheck(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	fs := flag.NewFlagSet("healthcheck", flag.ContinueOnError)
	fs.SetOutput(stderr)
	url := fs.String("url", "", "URL to ask (default: /healthz on LISTEN_ADDR, on this machine)")
	timeout := fs.Duration("timeout", 3*time.Second, "give up after this long")
	envFile := fs.String("env-file", ".env", "read LISTEN_ADDR from this file when the environment leaves it unset, as serve does")
	if _, code, done := parseFlags(fs, args, healthcheckHelp, stdout); done {
		return code
	}
	getenv, err := withEnvFile(getenv, *envFile)
	if err != nil {
		fmt.Fprintf(stderr, "wieiswie healthcheck: %v\n", err)
		return 2
	}
	if *url == "" {
		addr := getenv(config.EnvListenAddr)
		if addr == "" {
			addr = config.DefaultListenAddr
		}
		host, port, err := net.SplitHostPort(addr)
		if err != nil {
			fmt.Fprintf(stderr, "wieiswie healthcheck: %s %q is not host:port\n", config.EnvListenAddr, addr)
			return 2
		}
		if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
			host = "127.0.0.1"
		}
		*url = "http://" + net.JoinHostPort(host, port) + "/healthz"
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, *url, nil)
	if err != nil {
		fmt.Fprintf(stderr, "wieiswie healthcheck: %v\n", err)
		return 2
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		fmt.Fprintf(stderr, "wieiswie healthcheck: %v\n", err)
		return 1
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		fmt.Fprintf(stderr, "wieiswie healthcheck: %s answered %s\n", *url, resp.Status)
		return 1
	}
	return 0
}
