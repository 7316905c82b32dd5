package bot

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"
)

// claims lets several bot instances answer each question once. Slack
// delivers Socket Mode events to every connection of the app, so two
// instances (a rolling update, or two for availability) both receive each
// mention. The first instance to create a file for a question's key in a
// folder they share (DEDUPE_DIR) answers it; creating a file with O_EXCL is
// atomic on local and network file systems alike, and needs no server.
type claims struct {
	dir   string
	ttl   time.Duration
	now   func() time.Time
	calls atomic.Int64
}

func newClaims(dir string, ttl time.Duration) (*claims, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return &claims{dir: dir, ttl: ttl, now: time.Now}, nil
}

// claim reports whether this instance is the first to claim key within the
// TTL. When the folder cannot be written it answers true: answering twice
// is better than not at all.
func (c *claims) claim(key string) bool {
	if c == nil || key == "" {
		return true
	}
	if c.calls.Add(1)%500 == 0 {
		c.sweep()
	}
	sum := sha256.Sum256([]byte(key))
	p := filepath.Join(c.dir, hex.EncodeToString(sum[:16]))
	for range 2 {
		f, err := os.OpenFile(p, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if err == nil {
			f.Close()
			return true
		}
		if !errors.Is(err, fs.ErrExist) {
			return true
		}
		info, err := os.Stat(p)
		if err != nil || c.now().Sub(info.ModTime()) < c.ttl {
			return false
		}
		os.Remove(p) // a claim from long ago: the key is free again
	}
	return false
}

// sweep removes claims older than the TTL, so the folder does not grow.
func (c *claims) sweep() {
	entries, err := os.ReadDir(c.dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if info, err := e.Info(); err == nil && c.now().Sub(info.ModTime()) > c.ttl {
			os.Remove(filepath.Join(c.dir, e.Name()))
		}
	}
}
