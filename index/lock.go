package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// DefaultLockWait is how long Build waits for another process to release
// an index folder: long enough for a restart that overlaps the old
// process's shutdown, short enough to say so before anyone wonders.
const DefaultLockWait = 10 * time.Second

// ErrInUse is returned by Build when another process holds the index
// folder after the wait.
var ErrInUse = errors.New("index in gebruik")

// errNotWritable: the index folder cannot be written (read-only, another
// owner): then only an index already there can be used, as it is.
var errNotWritable = errors.New("is not writable")

// dirLock is an exclusive lock on an index folder, held by this process
// while it uses the index there: two processes building or updating one
// index delete each other's files. The lock file holds the holder's
// process ID, for the message the other one gives.
type dirLock struct{ f *os.File }

// lockDir locks dir, waiting at most wait (0: DefaultLockWait) for another
// process to release it.
func lockDir(ctx context.Context, dir string, wait time.Duration) (*dirLock, error) {
	if wait <= 0 {
		wait = DefaultLockWait
	}
	name := filepath.Join(dir, lockName)
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("index folder %s %w: %w", dir, errNotWritable, err)
	}
	deadline := time.Now().Add(wait)
	for {
		busy, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("lock index folder %s: %w", dir, err)
		}
		if !busy {
			break
		}
		if time.Now().After(deadline) {
			f.Close()
			pid, _ := os.ReadFile(name)
			return nil, fmt.Errorf("index folder %s: %w door proces %s (waited %s)", dir, ErrInUse, strings.TrimSpace(string(pid)), wait)
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
	// The process ID is only for the other process's message: without it
	// the lock holds all the same.
	if f.Truncate(0) == nil {
		_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return &dirLock{f}, nil
}

// release unlocks; on a nil lock (an index in memory) it does nothing.
func (l *dirLock) release() {
	if l == nil {
		return
	}
	unlock(l.f)
	l.f.Close()
}
