// Package reload keeps the index in step with the knowledge folder: on a
// change on disk (debounced, so saving twenty files is one update), on a
// polling scan (network shares, where no change is ever notified), on
// SIGHUP, or when an admin asks in Slack. Questions asked meanwhile are
// answered from the old knowledge until the new one is in place. What a
// failed reload could not apply is kept and tried again, on the next
// reload and after a back-off, until it applies.
package reload

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rs/zerolog"

	"github.com/wieiswie/wieiswie/index"
	"github.com/wieiswie/wieiswie/knowledge"
)

// Reloader re-reads one knowledge folder into one index.
type Reloader struct {
	dir string
	ix  *index.Index
	log zerolog.Logger

	// observe, if set, is told of each reload the Reloader starts itself
	// (after a change on disk, or on a signal), for metrics.
	observe atomic.Pointer[func(error)]

	mu sync.Mutex // one reload at a time; guards what follows
	// last holds the last version of each document that loaded, so that a
	// file broken by a half-finished edit keeps answering as it was.
	last map[string]knowledge.Document
	// pending are the changed paths not yet applied: a failed reload keeps
	// them, so that an edit (or a deletion) is never lost, only late.
	pending map[string]bool
	// pendingAll: a reload of the whole folder is owed.
	pendingAll bool
	// failed is the error of the last reload when it failed; nil after
	// one that worked.
	failed error
	// retry is the back-off timer of the next attempt after a failure.
	retry   *time.Timer
	backoff time.Duration
}

// Back-off of the retries after a failed reload: a full disk or a folder
// being replaced mends itself in seconds or in hours.
const (
	firstRetry = 2 * time.Second
	maxRetry   = 5 * time.Minute
)

// New returns a Reloader for dir, whose documents docs are in ix now.
func New(dir string, ix *index.Index, docs []knowledge.Document, log zerolog.Logger) *Reloader {
	r := &Reloader{dir: dir, ix: ix, log: log, last: map[string]knowledge.Document{}, pending: map[string]bool{}}
	for _, d := range docs {
		r.last[d.Source] = d
	}
	return r
}

// SetObserver has f told of every reload started by Watch or On, with its
// error (nil when it worked).
func (r *Reloader) SetObserver(f func(error)) { r.observe.Store(&f) }

// reloadObserved reloads paths, or everything when paths is nil, and
// tells the observer. A failure is tried again after a back-off.
func (r *Reloader) reloadObserved(ctx context.Context, why string, paths []string) {
	var err error
	if paths != nil {
		_, err = r.ReloadPaths(ctx, paths)
	} else {
		_, err = r.Reload(ctx)
	}
	if err != nil {
		r.log.Error().Err(err).Str("trigger", why).Msg("reload failed; the previous knowledge keeps answering")
		r.retryLater(ctx)
	}
	if f := r.observe.Load(); f != nil {
		(*f)(err)
	}
}

// retryLater schedules the pending changes to be applied again after the
// back-off, unless an attempt is scheduled already.
func (r *Reloader) retryLater(ctx context.Context) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.failed == nil || r.retry != nil || ctx.Err() != nil {
		return
	}
	r.backoff = min(maxRetry, max(firstRetry, 2*r.backoff))
	r.log.Info().Dur("in", r.backoff).Msg("retrying the reload later")
	r.retry = time.AfterFunc(r.backoff, func() {
		r.mu.Lock()
		r.retry = nil
		r.mu.Unlock()
		if ctx.Err() == nil {
			r.reloadObserved(ctx, "retry", []string{})
		}
	})
}

// Stale says why the knowledge answered from is behind the folder: the
// last reload failed and its changes wait to be applied. nil: up to date.
func (r *Reloader) Stale() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.failed
}

// On reloads whenever sig delivers (SIGHUP: "read your files again"), until
// ctx ends.
func (r *Reloader) On(ctx context.Context, sig <-chan os.Signal) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-sig:
			r.reloadObserved(ctx, "signal", nil)
		}
	}
}

// Result says what one reload did.
type Result struct {
	index.Stats
	Documents int
	Problems  []knowledge.Problem
	Kept      []string // broken documents whose previous version stays
}

func (r Result) String() string {
	s := fmt.Sprintf("%d documenten, %d bijgewerkt, %d verwijderd", r.Documents, r.Indexed, r.Removed)
	if len(r.Kept) > 0 {
		s += fmt.Sprintf(", %d onleesbaar (vorige versie blijft)", len(r.Kept))
	}
	if len(r.Problems) > 0 {
		s += fmt.Sprintf(", %d waarschuwingen", len(r.Problems))
	}
	return s
}

// Reload reads the folder again and updates the index with what changed.
// Only files whose size or modification time changed are read again. A
// document that could not be read keeps its previous version; a folder
// that cannot be read at all changes nothing.
func (r *Reloader) Reload(ctx context.Context) (Result, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.pendingAll = true
	return r.reload(ctx)
}

// ReloadPaths is Reload for when it is known which files or folders
// changed (paths relative to the folder, as the watcher names them): only
// those are looked at, so one edit is answerable in milliseconds, not after
// a look at every file. The paths of earlier reloads that failed are
// looked at again too.
func (r *Reloader) ReloadPaths(ctx context.Context, changed []string) (Result, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, p := range changed {
		r.pending[p] = true
	}
	return r.reload(ctx)
}

// reload applies what is pending: the whole folder, or the changed paths.
// It holds r.mu. Only when it works is the pending set cleared.
func (r *Reloader) reload(ctx context.Context) (res Result, err error) {
	defer func() {
		r.failed = err
		if err == nil {
			r.pending, r.pendingAll, r.backoff = map[string]bool{}, false, 0
		}
	}()
	var docs []knowledge.Document
	var problems []knowledge.Problem
	if r.pendingAll {
		docs, problems = knowledge.Load(ctx, r.dir, knowledge.Options{Previous: r.last})
	} else {
		paths := make([]string, 0, len(r.pending))
		for p := range r.pending {
			paths = append(paths, p)
		}
		docs, problems = knowledge.Load(ctx, r.dir, knowledge.Options{Previous: r.last, Changed: paths})
	}
	res = Result{Problems: problems}
	loaded := func(src string) bool { // docs come sorted by source
		_, found := slices.BinarySearchFunc(docs, src, func(d knowledge.Document, src string) int { return strings.Compare(d.Source, src) })
		return found
	}
	var kept []knowledge.Document
	for _, p := range problems {
		r.log.Warn().Str("file", p.File).Int("line", p.Line).Bool("skipped", p.Skipped).Msg(p.Message)
		if prev, ok := r.last[p.File]; ok && p.Skipped && !loaded(p.File) {
			kept = append(kept, prev)
			res.Kept = append(res.Kept, p.File)
		}
	}
	docs = append(docs, kept...)
	if len(docs) == 0 {
		return res, fmt.Errorf("reload %s: no documents could be read; keeping the current knowledge", r.dir)
	}
	stats, err := r.ix.Update(ctx, docs)
	if err != nil {
		return res, fmt.Errorf("reload %s: %w", r.dir, err)
	}
	res.Stats, res.Documents = stats, len(docs)
	r.last = make(map[string]knowledge.Document, len(docs))
	for _, d := range docs {
		r.last[d.Source] = d
	}
	ev := r.log.Info()
	if stats.Indexed == 0 && stats.Removed == 0 && len(res.Kept) == 0 {
		ev = r.log.Debug() // a polling scan that found nothing new
	}
	ev.Int("docs", res.Documents).Int("indexed", stats.Indexed).Int("removed", stats.Removed).
		Int("kept", len(res.Kept)).Msg("knowledge reloaded")
	return res, nil
}
