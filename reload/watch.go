package reload

import (
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watch reloads whenever something changes under the folder, once the
// changes have been quiet for debounce, until ctx ends. Only the files and
// folders the changes name are read again (ReloadPaths); when the watcher
// lost events, the whole folder is. Folders created later are watched too.
func (r *Reloader) Watch(ctx context.Context, debounce time.Duration) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	if err := addTree(w, r.dir); err != nil {
		return err
	}
	var timer <-chan time.Time
	changed := map[string]bool{}
	all := false // events were lost: look at everything
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if strings.HasPrefix(filepath.Base(ev.Name), ".") {
				continue // editors' swap files, .git
			}
			if ev.Has(fsnotify.Create) {
				addTree(w, ev.Name) // a new folder: watch it too (a file: harmless error)
			}
			if rel, err := filepath.Rel(r.dir, ev.Name); err == nil && filepath.IsLocal(rel) {
				changed[filepath.ToSlash(rel)] = true
			} else {
				all = true
			}
			timer = time.After(debounce)
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			r.log.Warn().Err(err).Msg("watching the knowledge folder")
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				all = true
				timer = time.After(debounce)
			}
		case <-timer:
			timer = nil
			paths := make([]string, 0, len(changed))
			for p := range changed {
				paths = append(paths, p)
			}
			if all {
				paths = nil
			}
			r.reloadObserved(ctx, "change on disk", paths)
			changed, all = map[string]bool{}, false
		}
	}
}

// addTree watches dir and every folder below it (not hidden ones).
func addTree(w *fsnotify.Watcher, dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		return w.Add(p)
	})
}
