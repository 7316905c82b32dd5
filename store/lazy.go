package store

import (
	"context"
	"sync"
	"time"
)

// Lazy is a Store that could not be opened yet: a database that was down
// when the bot started. Every call tries to open it again, at most once per
// retry interval, and fails with the last error until it opens; the bot
// answers meanwhile and /readyz reports the store as unavailable.
type Lazy struct {
	open  func(context.Context) (Store, error)
	retry time.Duration
	now   func() time.Time

	mu    sync.Mutex
	s     Store
	tried time.Time
	err   error
}

// NewLazy returns a Store that opens with open on first use; err is why
// the first attempt (made by the caller) failed.
func NewLazy(open func(context.Context) (Store, error), retry time.Duration, err error) *Lazy {
	return &Lazy{open: open, retry: retry, now: time.Now, tried: time.Now(), err: err}
}

func (l *Lazy) get(ctx context.Context) (Store, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.s != nil {
		return l.s, nil
	}
	if now := l.now(); now.Sub(l.tried) >= l.retry {
		l.tried = now
		l.s, l.err = l.open(ctx)
		if l.err == nil {
			return l.s, nil
		}
		l.s = nil
	}
	return nil, l.err
}

func (l *Lazy) RecordQuestion(ctx context.Context, q Question) error {
	s, err := l.get(ctx)
	if err != nil {
		return err
	}
	return s.RecordQuestion(ctx, q)
}

func (l *Lazy) RecordFeedback(ctx context.Context, f Feedback) error {
	s, err := l.get(ctx)
	if err != nil {
		return err
	}
	return s.RecordFeedback(ctx, f)
}

func (l *Lazy) Questions(ctx context.Context, since time.Time) ([]Question, error) {
	s, err := l.get(ctx)
	if err != nil {
		return nil, err
	}
	return s.Questions(ctx, since)
}

func (l *Lazy) Feedback(ctx context.Context, since time.Time) ([]Feedback, error) {
	s, err := l.get(ctx)
	if err != nil {
		return nil, err
	}
	return s.Feedback(ctx, since)
}

func (l *Lazy) DeleteBefore(ctx context.Context, cutoff time.Time) (int, error) {
	s, err := l.get(ctx)
	if err != nil {
		return 0, err
	}
	return s.DeleteBefore(ctx, cutoff)
}

func (l *Lazy) Claim(ctx context.Context, key, owner string, now time.Time, lease time.Duration, payload string) (bool, bool, error) {
	s, err := l.get(ctx)
	if err != nil {
		return false, false, err
	}
	return s.Claim(ctx, key, owner, now, lease, payload)
}

func (l *Lazy) Orphans(ctx context.Context, now, since time.Time, limit int) ([]string, error) {
	s, err := l.get(ctx)
	if err != nil {
		return nil, err
	}
	return s.Orphans(ctx, now, since, limit)
}

func (l *Lazy) Finish(ctx context.Context, key string) error {
	s, err := l.get(ctx)
	if err != nil {
		return err
	}
	return s.Finish(ctx, key)
}

func (l *Lazy) Ping(ctx context.Context) error {
	s, err := l.get(ctx)
	if err != nil {
		return err
	}
	return s.Ping(ctx)
}

// Close closes the store if it was opened.
func (l *Lazy) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.s == nil {
		return nil
	}
	return l.s.Close()
}
