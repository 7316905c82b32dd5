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
//
// A folder renamed or removed (dorp/ → Dorp/, a whole export replaced)
// leaves inotify's watches pointing at names that no longer exist, so then
// every watch is set up anew and the whole folder read again: what is on
// disk is what is answered from.
func (r *Reloader) Watch(ctx context.Context, debounce time.Duration) error {
	w, dirs, err := watchTree(r.dir)
	if err != nil {
		return err
	}
	defer func() { w.Close() }()
	var timer <-chan time.Time
	changed := map[string]bool{}
	all := false     // events were lost or folders moved: look at everything
	rewatch := false // folders moved: watch the tree anew
	lost := false    // watching anew failed (said once)
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
				addTree(w, ev.Name, dirs) // a new folder: watch it too (a file: harmless error)
			}
			if (ev.Has(fsnotify.Rename) || ev.Has(fsnotify.Remove)) && dirs[ev.Name] {
				all, rewatch = true, true
			}
			if rel, err := filepath.Rel(r.dir, ev.Name); err == nil && filepath.IsLocal(rel) {
				changed[filepath.ToSlash(rel)] = true
			} else {
				all, rewatch = true, true // the folder itself
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
			if rewatch {
				nw, ndirs, err := watchTree(r.dir)
				if err != nil {
					// The folder itself is being replaced: try again soon.
					if !lost {
						r.log.Warn().Err(err).Msg("cannot watch the knowledge folder; trying again every few seconds")
					}
					lost = true
					timer = time.After(rewatchRetry)
					continue
				}
				w.Close()
				w, dirs, lost = nw, ndirs, false
				r.log.Info().Int("folders", len(dirs)).Msg("folders moved: watching the knowledge folder anew")
			}
			paths := make([]string, 0, len(changed))
			for p := range changed {
				paths = append(paths, p)
			}
			if all {
				paths = nil
			}
			r.reloadObserved(ctx, "change on disk", paths)
			changed, all, rewatch = map[string]bool{}, false, false
		}
	}
}

// rewatchRetry is how often watching the folder anew is tried while it
// cannot be (the folder itself removed and not yet back).
const rewatchRetry = 2 * time.Second

// Poll reloads the whole folder every interval until ctx ends: on a
// network share (SMB/CIFS, NFS) inotify hears nothing of changes made on
// other machines. Only files whose size or modification time changed are
// read again, so a scan of an unchanged folder costs a directory listing.
func (r *Reloader) Poll(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			r.reloadObserved(ctx, "poll", nil)
		}
	}
}

// watchTree returns a watcher of dir and every folder below it, and the
// set of folders watched.
func watchTree(dir string) (*fsnotify.Watcher, map[string]bool, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, nil, err
	}
	dirs := map[string]bool{}
	if err := addTree(w, dir, dirs); err != nil {
		w.Close()
		return nil, nil, err
	}
	return w, dirs, nil
}

// addTree watches dir and every folder below it (not hidden ones), and
// records them in dirs.
func addTree(w *fsnotify.Watcher, dir string, dirs map[string]bool) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil && p == dir {
			return err // the folder itself is missing: nothing is watched
		}
		if err != nil || !d.IsDir() {
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if err := w.Add(p); err != nil {
			return err
		}
		dirs[p] = true
		return nil
	})
}
