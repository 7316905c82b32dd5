package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/rs/zerolog"

	"github.com/wieiswie/wieiswie/config"
	"github.com/wieiswie/wieiswie/index"
	"github.com/wieiswie/wieiswie/knowledge"
	"github.com/wieiswie/wieiswie/reload"
)

// loadKnowledge loads dir, or the embedded default when dir is empty. With
// an index on disk, only the files changed since it was saved are read.
func loadKnowledge(ctx context.Context, dir, indexDir string) ([]knowledge.Document, []knowledge.Problem) {
	if dir == "" {
		return knowledge.Load(ctx, ".", knowledge.Options{FS: knowledge.Default()})
	}
	var saved map[string]knowledge.Document
	if indexDir != "" {
		saved, _ = index.SavedDocuments(indexDir) // none usable: read every file
	}
	return knowledge.Load(ctx, dir, knowledge.Options{Previous: saved})
}

// buildIndex loads the knowledge, reports its problems on w as warnings and
// indexes what loaded.
func buildIndex(ctx context.Context, dir, indexDir string, w io.Writer) (*index.Index, time.Duration, error) {
	start := time.Now()
	docs, problems := loadKnowledge(ctx, dir, indexDir)
	for _, p := range problems {
		fmt.Fprintf(w, "waarschuwing: %s\n", p)
	}
	if len(docs) == 0 {
		return nil, 0, fmt.Errorf("no documents to answer from in %q", dir)
	}
	ix, err := buildIndexAt(ctx, docs, indexDir, askLockWait, func(err error) {
		fmt.Fprintf(w, "wieiswie: %v; indexing in memory instead\n", err)
	})
	return ix, time.Since(start), err
}

// askLockWait is how long ask waits for an index folder another process
// uses: someone at a terminal would rather have the answer from memory.
const askLockWait = 2 * time.Second

// buildIndexAt indexes docs in indexDir or, when that folder cannot be
// used (read-only, not writable, in use by another process after
// lockWait; 0: index.DefaultLockWait), in memory: unusable says why, in one
// line. The bot answers either way; only the next start is slower.
func buildIndexAt(ctx context.Context, docs []knowledge.Document, indexDir string, lockWait time.Duration, unusable func(error)) (*index.Index, error) {
	ix, err := index.Build(ctx, docs, index.Options{Path: indexDir, LockWait: lockWait})
	if err == nil || indexDir == "" || ctx.Err() != nil {
		return ix, err
	}
	unusable(err)
	return index.Build(ctx, docs, index.Options{})
}

// openIndex is how serve gets its index: the knowledge folder (or the
// embedded default) indexed in memory or in INDEX_DIR, problems logged, and
// kept up to date by watching the folder (and polling it, when
// RELOAD_POLL_INTERVAL is set) and on SIGHUP.
func openIndex(ctx context.Context, cfg config.Config, log zerolog.Logger) (answerer, error) {
	start := time.Now()
	dir := cfg.KnowledgeDir
	docs, problems := loadKnowledge(ctx, dir, cfg.IndexDir)
	for _, p := range problems {
		log.Warn().Str("file", p.File).Int("line", p.Line).Bool("skipped", p.Skipped).Msg(p.Message)
	}
	if len(docs) == 0 {
		return answerer{}, fmt.Errorf("no documents to answer from in %q", dir)
	}
	ix, err := buildIndexAt(ctx, docs, cfg.IndexDir, 0, func(err error) {
		log.Warn().Err(err).Str("index_dir", cfg.IndexDir).Msg("INDEX_DIR cannot be used; indexing in memory instead")
	})
	if err != nil {
		return answerer{}, err
	}
	log.Info().Int("docs", ix.Len()).Dur("took", time.Since(start)).Msg("knowledge indexed")
	if dir == "" {
		// The embedded example never changes.
		return answerer{asker: ix, documents: ix.Len, closer: ix, example: true, warnings: exampleWarnings}, nil
	}
	r := reload.New(dir, ix, docs, log)
	go func() {
		// A quarter of a second: long enough to take a save or a git pull
		// in one reload, short enough that an edit answers within a second.
		if err := r.Watch(ctx, 250*time.Millisecond); err != nil {
			log.Error().Err(err).Msg("cannot watch the knowledge folder; reload with SIGHUP, /wie herlaad or RELOAD_POLL_INTERVAL")
		}
	}()
	if cfg.ReloadPollInterval > 0 {
		go r.Poll(ctx, cfg.ReloadPollInterval)
	}
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	go func() {
		defer signal.Stop(hup)
		r.On(ctx, hup)
	}()
	return answerer{
		asker:         ix,
		reloader:      folderReloader{r},
		documents:     ix.Len,
		reportReloads: func(report func(error)) { r.SetObserver(report) },
		stale:         func() bool { return r.Stale() != nil },
		warnings:      knowledgeWarnings(ix, r),
		closer:        ix,
	}, nil
}

// folderReloader lets an admin have the folder read again ("/wie herlaad").
type folderReloader struct{ r *reload.Reloader }

func (x folderReloader) Reload(ctx context.Context) (string, error) {
	res, err := x.r.Reload(ctx)
	return res.String(), err
}

// knowledgeWarnings says on /readyz when the knowledge is behind the
// folder (a reload failed) or the index on disk was given up.
func knowledgeWarnings(ix *index.Index, r *reload.Reloader) func() []string {
	return func() []string {
		var out []string
		if err := r.Stale(); err != nil {
			out = append(out, fmt.Sprintf("knowledge stale: the last reload failed (%v); the previous knowledge answers until a retry works", err))
		}
		if err := ix.DiskError(); err != nil {
			out = append(out, fmt.Sprintf("INDEX_DIR is not kept up to date until restart (%v): changes are indexed in memory", err))
		}
		return out
	}
}

// exampleWarnings says on /readyz that the embedded example answers.
func exampleWarnings() []string {
	return []string{"answering from the embedded EXAMPLE documents (Knokke-Heist): set " + config.EnvKnowledgeDir}
}
