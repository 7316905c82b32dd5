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

	"github.com/wieiswie/wieiswie/index"
	"github.com/wieiswie/wieiswie/knowledge"
	"github.com/wieiswie/wieiswie/reload"
)

// loadKnowledge loads dir, or the embedded default when dir is empty. With
// an index on disk, only the files changed since it was saved are read.
func loadKnowledge(dir, indexDir string) ([]knowledge.Document, []knowledge.Problem) {
	if dir == "" {
		return knowledge.Load(knowledge.Default())
	}
	var saved map[string]knowledge.Document
	if indexDir != "" {
		saved, _ = index.SavedDocuments(indexDir) // none usable: read every file
	}
	return knowledge.LoadDirSince(dir, saved)
}

// buildIndex loads the knowledge, reports its problems on w as warnings and
// indexes what loaded.
func buildIndex(ctx context.Context, dir, indexDir string, w io.Writer) (*index.Index, time.Duration, error) {
	start := time.Now()
	docs, problems := loadKnowledge(dir, indexDir)
	for _, p := range problems {
		fmt.Fprintf(w, "waarschuwing: %s\n", p)
	}
	if len(docs) == 0 {
		return nil, 0, fmt.Errorf("no documents to answer from in %q", dir)
	}
	ix, err := index.Build(ctx, docs, index.Options{Path: indexDir})
	return ix, time.Since(start), err
}

// openIndex is how serve gets its index: the knowledge folder (or the
// embedded default) indexed in memory or in indexDir, problems logged.
func openIndex(ctx context.Context, dir, indexDir string, log zerolog.Logger) (answerer, error) {
	start := time.Now()
	docs, problems := loadKnowledge(dir, indexDir)
	for _, p := range problems {
		log.Warn().Str("file", p.File).Int("line", p.Line).Bool("skipped", p.Skipped).Msg(p.Message)
	}
	if len(docs) == 0 {
		return answerer{}, fmt.Errorf("no documents to answer from in %q", dir)
	}
	ix, err := index.Build(ctx, docs, index.Options{Path: indexDir})
	if err != nil {
		return answerer{}, err
	}
	log.Info().Int("docs", ix.Len()).Dur("took", time.Since(start)).Msg("knowledge indexed")
	if dir == "" {
		return answerer{asker: ix, documents: ix.Len, closer: ix}, nil // the embedded default never changes
	}
	r := reload.New(dir, ix, docs, log)
	go func() {
		// A quarter of a second: long enough to take a save or a git pull
		// in one reload, short enough that an edit answers within a second.
		if err := r.Watch(ctx, 250*time.Millisecond); err != nil {
			log.Error().Err(err).Msg("cannot watch the knowledge folder; reload with SIGHUP or /wie herlaad")
		}
	}()
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
		closer:        ix,
	}, nil
}

// folderReloader lets an admin have the folder read again ("/wie herlaad").
type folderReloader struct{ r *reload.Reloader }

func (x folderReloader) Reload(ctx context.Context) (string, error) {
	res, err := x.r.Reload(ctx)
	return res.String(), err
}
