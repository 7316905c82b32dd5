package corpusgen

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Version names the generator's output. Bump it whenever a change to this
// package changes the files Generate writes, so a cache keyed by it (see
// Cached) never hands out a corpus of an older generator.
const Version = 1

// Cached returns the folder of the corpus of n documents for seed under
// root, generating it only when it is not there yet, so benchmarks pay for
// generation once per machine rather than once per run. The folder's name
// holds Version, n and seed; a corpus counts as there once its manifest is,
// as Generate writes that last. Concurrent callers each generate aside and
// the first to finish wins.
func Cached(root string, n int, seed int64) (string, error) {
	dir := filepath.Join(root, fmt.Sprintf("wieiswie-corpus-v%d-docs%d-seed%d", Version, n, seed))
	if _, err := os.Stat(filepath.Join(dir, ManifestFile)); err == nil {
		return dir, nil
	}
	tmp, err := os.MkdirTemp(root, "wieiswie-corpus-tmp-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "corpus")
	if _, err := Generate(out, n, seed); err != nil {
		return "", err
	}
	if _, err := os.Stat(filepath.Join(dir, ManifestFile)); errors.Is(err, fs.ErrNotExist) {
		// A folder without a manifest is a generation that died halfway.
		if err := os.RemoveAll(dir); err != nil {
			return "", err
		}
	}
	if err := os.Rename(out, dir); err != nil {
		if _, statErr := os.Stat(filepath.Join(dir, ManifestFile)); statErr == nil {
			return dir, nil // another process finished first
		}
		return "", fmt.Errorf("corpusgen: %w", err)
	}
	return dir, nil
}
