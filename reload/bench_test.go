package reload

// BenchmarkReloadOneChange: how long after one document changes on disk is
// the change answerable? One op writes a new task into one person card,
// reloads and asks about the task, which must find that card; reload-ms
// and ask-ms split the time. "paths" reloads as the file watcher does,
// told which file changed; "all" as SIGHUP and /wie herlaad do, looking at
// every file's size and modification time. The watcher's debounce comes
// on top (see serve).
//
//	go test ./reload -run '^$' -bench ReloadOneChange -benchtime 20x
//	WIEISWIE_BENCH_DOCS=100000 go test ./reload -run '^$' -bench ReloadOneChange -benchtime 20x

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/wieiswie/wieiswie/index"
	"github.com/wieiswie/wieiswie/internal/corpusgen"
	"github.com/wieiswie/wieiswie/knowledge"
)

func BenchmarkReloadOneChange(b *testing.B) {
	sizes, err := corpusgen.BenchSizes()
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range sizes {
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			src, err := corpusgen.Cached(os.TempDir(), n, 1)
			if err != nil {
				b.Fatal(err)
			}
			dir := copyAged(b, filepath.Join(src, corpusgen.CorpusDir))
			cards := personCards(b, dir)
			docs, _ := knowledge.Load(context.Background(), dir, knowledge.Options{})
			ix, err := index.Build(context.Background(), docs, index.Options{Path: filepath.Join(b.TempDir(), "index")})
			if err != nil {
				b.Fatal(err)
			}
			defer ix.Close()
			r := New(dir, ix, docs, zerolog.Nop())
			i := 0
			for _, how := range []struct {
				name   string
				reload func(card string) (Result, error)
			}{
				{"paths", func(card string) (Result, error) { return r.ReloadPaths(context.Background(), []string{card}) }},
				{"all", func(string) (Result, error) { return r.Reload(context.Background()) }},
			} {
				b.Run(how.name, func(b *testing.B) {
					var reloading, asking time.Duration
					for range b.N {
						b.StopTimer()
						card := cards[i%len(cards)]
						task := "kwartelzorg" + letters(i) + "q" // unlike every other op's word, stemmed too
						i++
						appendTo(b, filepath.Join(dir, card), "\n • Volgt de "+task+" op.\n")
						b.StartTimer()

						t0 := time.Now()
						res, err := how.reload(card)
						if err != nil {
							b.Fatal(err)
						}
						t1 := time.Now()
						ans, err := ix.Ask(context.Background(), "wie volgt de "+task+" op", 1)
						if err != nil {
							b.Fatal(err)
						}
						reloading, asking = reloading+t1.Sub(t0), asking+time.Since(t1)
						if len(ans.Answers) == 0 || ans.Answers[0].Source != card {
							b.Fatalf("after changing %s (%s): answers %+v", card, res, ans.Answers)
						}
					}
					b.ReportMetric(float64(reloading.Microseconds())/1000/float64(b.N), "reload-ms")
					b.ReportMetric(float64(asking.Microseconds())/1000/float64(b.N), "ask-ms")
				})
			}
		})
	}
}

// copyAged copies dir to a temporary folder with every file last changed an
// hour ago, as a knowledge folder that has been there a while.
func copyAged(b *testing.B, dir string) string {
	b.Helper()
	to := filepath.Join(b.TempDir(), "knowledge")
	old := time.Now().Add(-time.Hour)
	err := os.CopyFS(to, os.DirFS(dir))
	if err == nil {
		err = filepath.WalkDir(to, func(p string, _ fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			return os.Chtimes(p, old, old)
		})
	}
	if err != nil {
		b.Fatal(err)
	}
	return to
}

// personCards returns a person card of each municipality, as Sources.
func personCards(b *testing.B, dir string) []string {
	b.Helper()
	seen := map[string]bool{}
	var cards []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(dir, p)
		town, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
		if err == nil && strings.HasPrefix(d.Name(), "raadslid-") && !seen[town] {
			seen[town] = true
			cards = append(cards, filepath.ToSlash(rel))
		}
		return nil
	})
	if len(cards) == 0 {
		b.Fatal("no person cards in the corpus")
	}
	return cards
}

func appendTo(b *testing.B, file, text string) {
	b.Helper()
	f, err := os.OpenFile(file, os.O_APPEND|os.O_WRONLY, 0)
	if err == nil {
		_, err = f.WriteString(text)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		b.Fatal(err)
	}
}

// letters spells i in letters (0 → "a", 26 → "ba"), for made-up words.
func letters(i int) string {
	s := ""
	for {
		s = string(rune('a'+i%26)) + s
		i /= 26
		if i == 0 {
			return s
		}
	}
}
