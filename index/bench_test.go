package index

// Benchmarks of start-up and questions on generated knowledge bases
// (internal/corpusgen) of 1k and 10k documents, and 100k with
// WIEISWIE_BENCH_LARGE=1. Every figure comes with the same figure for a
// naive bleve index in the same run, so it can be read as a ratio: what
// our understanding, ranking and Dutch analysis cost or save compared with
// the index anyone would write in an afternoon.
//
//	go test ./index -run '^$' -bench . -benchtime 1x     # 1k and 10k
//	WIEISWIE_BENCH_LARGE=1 go test ./index -run '^$' -bench . -benchtime 1x -timeout 2h
//	WIEISWIE_BENCH_DOCS=2000,5000 go test ./index -run '^$' -bench Ask
//
// Metrics besides ns/op:
//   - docs/s: documents loaded and indexed a second (start-up throughput);
//   - load-ms, build-ms: ours split into reading/parsing and index.Build;
//   - peak-rss-MB: the process's peak resident memory (VmHWM) during the
//     sub-benchmark, after resetting it with /proc/self/clear_refs; it is
//     process-wide, so run a sub-benchmark alone for the cleanest figure;
//   - serving-rss-MB: resident memory after a GC with the index (and, for
//     ours, the documents) still live: what a serving process needs;
//   - p50-ms, p99-ms: latency of one question over the fixed question mix
//     (for BenchmarkAsk, ns/op is one pass over the whole mix), with warm
//     caches, as the mix repeats;
//   - cold-p50-ms, cold-p99-ms: the same over the first pass after the
//     build, before anything was asked (caches cold);
//   - answers/s: questions answered a second by all askers together;
//   - top1-%, no-answer-%: accuracy on the generated questions.

import (
	"context"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/nl" // the "nl" analyzer of the naive baseline

	"github.com/wieiswie/wieiswie/internal/corpusgen"
	"github.com/wieiswie/wieiswie/knowledge"
)

// benchSeed is the seed of every generated corpus; fixed, so runs compare.
const benchSeed = 1

// benchSizes are the corpus sizes to run (see corpusgen.BenchSizes).
func benchSizes(b *testing.B) []int {
	sizes, err := corpusgen.BenchSizes()
	if err != nil {
		b.Fatal(err)
	}
	return sizes
}

// benchCorpus is a generated corpus on disk and its questions.
type benchCorpus struct {
	n         int
	knowledge string // the knowledge folder
	questions []EvalQuestion
}

// loadBenchCorpus generates the corpus of n documents once into a cache
// folder under os.TempDir() and reuses it in later runs.
func loadBenchCorpus(b *testing.B, n int) benchCorpus {
	b.Helper()
	dir, err := corpusgen.Cached(os.TempDir(), n, benchSeed)
	if err != nil {
		b.Fatal(err)
	}
	c := benchCorpus{n: n, knowledge: filepath.Join(dir, corpusgen.CorpusDir)}
	f, err := os.Open(filepath.Join(dir, corpusgen.QuestionsFile))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if c.questions, err = ReadEvalQuestions(f, dir, c.knowledge); err != nil {
		b.Fatal(err)
	}
	return c
}

// startOurs is our start-up: load and parse the folder, build the index.
func startOurs(c benchCorpus) (ix *Index, load, build time.Duration, err error) {
	t0 := time.Now()
	docs, problems := knowledge.Load(context.Background(), c.knowledge, knowledge.Options{})
	load = time.Since(t0)
	if len(docs) != c.n {
		return nil, 0, 0, fmt.Errorf("loaded %d of %d documents (%d problems)", len(docs), c.n, len(problems))
	}
	t1 := time.Now()
	ix, err = Build(context.Background(), docs, Options{})
	return ix, load, time.Since(t1), err
}

func BenchmarkBuild(b *testing.B) {
	for _, n := range benchSizes(b) {
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			c := loadBenchCorpus(b, n)
			b.Run("ours", func(b *testing.B) {
				var load, build time.Duration
				benchStartup(b, n, func() (func() error, error) {
					ix, l, bd, err := startOurs(c)
					load, build = load+l, build+bd
					if err != nil {
						return nil, err
					}
					return ix.Close, nil
				})
				b.ReportMetric(float64(load.Milliseconds())/float64(b.N), "load-ms")
				b.ReportMetric(float64(build.Milliseconds())/float64(b.N), "build-ms")
			})
			b.Run("naive", func(b *testing.B) {
				benchStartup(b, n, func() (func() error, error) {
					nv, err := startNaive(c)
					if err != nil {
						return nil, err
					}
					return nv.Close, nil
				})
			})
		})
	}
}

// BenchmarkStartPersisted: start-up with an index on disk and unchanged
// knowledge, as a restarted bot with INDEX_DIR: read the saved documents,
// look at every file (reading none), open the index (indexing none).
func BenchmarkStartPersisted(b *testing.B) {
	for _, n := range benchSizes(b) {
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			c := loadBenchCorpus(b, n)
			path := filepath.Join(b.TempDir(), "index")
			var saved, load, build time.Duration
			start := func() (*Index, error) {
				t0 := time.Now()
				prev, _ := SavedDocuments(path)
				t1 := time.Now()
				docs, _ := knowledge.Load(context.Background(), c.knowledge, knowledge.Options{Previous: prev})
				t2 := time.Now()
				ix, err := Build(context.Background(), docs, Options{Path: path})
				saved, load, build = saved+t1.Sub(t0), load+t2.Sub(t1), build+time.Since(t2)
				return ix, err
			}
			// Twice before timing: the first builds the index, the second
			// saves the stamps of files that were too new the first time.
			for range 2 {
				ix, err := start()
				if err != nil {
					b.Fatal(err)
				}
				ix.Close()
			}
			saved, load, build = 0, 0, 0
			benchStartup(b, n, func() (func() error, error) {
				ix, err := start()
				if err != nil {
					return nil, err
				}
				if s := ix.Stats(); !s.Reused || s.Indexed != 0 || s.Removed != 0 {
					return nil, fmt.Errorf("unchanged start: %+v, want the index reused as it is", s)
				}
				return ix.Close, nil
			})
			b.ReportMetric(float64(saved.Milliseconds())/float64(b.N), "saved-ms")
			b.ReportMetric(float64(load.Milliseconds())/float64(b.N), "load-ms")
			b.ReportMetric(float64(build.Milliseconds())/float64(b.N), "build-ms")
		})
	}
}

// benchStartup times start, b.N times, from nothing to an index ready to
// answer; between runs, outside the timer, it frees what the last one left.
// It reports docs/s, peak RSS and the RSS of a serving process (measured
// after the last run, with its index still open).
func benchStartup(b *testing.B, n int, start func() (closeFn func() error, err error)) {
	var serving float64
	settle()
	resetPeakRSS(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		closeFn, err := start()
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if i == b.N-1 {
			settle()
			serving = rssMB("VmRSS")
		}
		if err := closeFn(); err != nil {
			b.Fatal(err)
		}
		settle()
		b.StartTimer()
	}
	b.StopTimer()
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(rssMB("VmHWM"), "peak-rss-MB")
	b.ReportMetric(serving, "serving-rss-MB")
}

// asker answers one question and returns the sources of its answers, best
// first.
type asker func(ctx context.Context, question string) ([]string, error)

// BenchmarkVocabulary measures building the question vocabulary alone:
// towns, names and titles, which every start does, also with an unchanged
// index on disk.
func BenchmarkVocabulary(b *testing.B) {
	for _, n := range benchSizes(b) {
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			c := loadBenchCorpus(b, n)
			docs, _ := knowledge.Load(context.Background(), c.knowledge, knowledge.Options{})
			bySource := make(map[string]*knowledge.Document, len(docs))
			for i := range docs {
				bySource[docs[i].Source] = &docs[i]
			}
			sf, err := newStemFilter(stemsTxt)
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				newVocabulary(bySource, knowledge.DefaultRoles(), sf.stem)
			}
		})
	}
}

func BenchmarkAsk(b *testing.B) {
	ctx := context.Background()
	for _, n := range benchSizes(b) {
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			c := loadBenchCorpus(b, n)
			// Each index is built on first use and closed before the
			// next is built, so a filter such as -bench Ask/.*/naive
			// never pays for (or measures the memory of) the other.
			var ours *Index
			var oursTop1, oursNone float64
			var oursCold []time.Duration
			oursAsk := func(ctx context.Context, q string) ([]string, error) {
				res, err := ours.Ask(ctx, q, 3)
				out := make([]string, len(res.Answers))
				for i, a := range res.Answers {
					out[i] = a.Source
				}
				return out, err
			}
			getOurs := func(b *testing.B) asker {
				if ours == nil {
					ix, _, _, err := startOurs(c)
					if err != nil {
						b.Fatal(err)
					}
					ours = ix
					oursCold = coldPass(b, c, oursAsk)
					rep, err := Evaluate(ctx, ix, c.questions)
					if err != nil {
						b.Fatal(err)
					}
					oursTop1, oursNone = 100*rep.Top1Accuracy, 100*rep.NoAnswerRate
				}
				return oursAsk
			}
			for _, askers := range []int{1, 2, 8} {
				b.Run(askersName("ours", askers), func(b *testing.B) {
					benchQuestions(b, c, askers, getOurs(b))
					b.ReportMetric(oursTop1, "top1-%")
					b.ReportMetric(oursNone, "no-answer-%")
					reportCold(b, askers, oursCold)
				})
			}
			if ours != nil {
				ours.Close()
				ours = nil
				settle()
			}

			var naive *benchNaive
			var naiveTop1, naiveNone float64
			var naiveCold []time.Duration
			for _, askers := range []int{1, 2, 8} {
				b.Run(askersName("naive", askers), func(b *testing.B) {
					if naive == nil {
						nv, err := startNaive(c)
						if err != nil {
							b.Fatal(err)
						}
						naive = nv
						naiveCold = coldPass(b, c, naive.ask)
						naiveTop1, naiveNone = accuracy(ctx, naive.ask, c.questions)
					}
					benchQuestions(b, c, askers, naive.ask)
					b.ReportMetric(naiveTop1, "top1-%")
					b.ReportMetric(naiveNone, "no-answer-%")
					reportCold(b, askers, naiveCold)
				})
			}
			if naive != nil {
				naive.Close()
			}
		})
	}
}

func askersName(impl string, askers int) string {
	if askers == 1 {
		return impl
	}
	return fmt.Sprintf("%s-askers=%d", impl, askers)
}

// benchQuestions asks the whole question mix b.N times (one op is one
// pass, so even -benchtime 1x gives percentiles over every kind of
// question), spread over askers goroutines, and reports answers/s and the
// latency percentiles of single questions.
func benchQuestions(b *testing.B, c benchCorpus, askers int, ask asker) {
	ctx := context.Background()
	qs := c.questions
	total := b.N * len(qs)
	latencies := make([]time.Duration, total)
	var next atomic.Int64
	var failed atomic.Value
	var wg sync.WaitGroup
	b.ResetTimer()
	for range askers {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= total {
					return
				}
				t0 := time.Now()
				if _, err := ask(ctx, qs[i%len(qs)].Question); err != nil {
					failed.Store(err)
					return
				}
				latencies[i] = time.Since(t0)
			}
		})
	}
	wg.Wait()
	b.StopTimer()
	if err, ok := failed.Load().(error); ok {
		b.Fatal(err)
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "answers/s")
	b.ReportMetric(percentileMS(latencies, 0.50), "p50-ms")
	b.ReportMetric(percentileMS(latencies, 0.99), "p99-ms")
}

// coldPass asks every question of the mix once, one at a time, right after
// the index was built, and returns the latencies. The timed passes that
// follow repeat the same 120 questions, so whatever the index caches per
// document or per word is warm for them; real traffic, with questions that
// rarely repeat, lies between the cold and the warm figures.
func coldPass(b *testing.B, c benchCorpus, ask asker) []time.Duration {
	out := make([]time.Duration, len(c.questions))
	for i, q := range c.questions {
		t0 := time.Now()
		if _, err := ask(context.Background(), q.Question); err != nil {
			b.Fatal(err)
		}
		out[i] = time.Since(t0)
	}
	return out
}

// reportCold reports the first pass's percentiles with the single asker.
func reportCold(b *testing.B, askers int, cold []time.Duration) {
	if askers == 1 {
		b.ReportMetric(percentileMS(cold, 0.50), "cold-p50-ms")
		b.ReportMetric(percentileMS(cold, 0.99), "cold-p99-ms")
	}
}

// percentileMS returns the p-th percentile (nearest rank) in milliseconds.
func percentileMS(ds []time.Duration, p float64) float64 {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := int(math.Ceil(p*float64(len(s)))) - 1
	return float64(s[max(i, 0)]) / float64(time.Millisecond)
}

// accuracy scores an asker the way Evaluate scores ours: the first answer
// must be an expected document; a no-answer question must get no answer.
func accuracy(ctx context.Context, ask asker, qs []EvalQuestion) (top1, noAnswer float64) {
	var answerable, right, none, noneRight int
	for _, q := range qs {
		got, err := ask(ctx, q.Question)
		if err != nil {
			continue
		}
		if len(q.Expect) == 0 {
			none++
			if len(got) == 0 {
				noneRight++
			}
			continue
		}
		answerable++
		if len(got) > 0 && slices.Contains(q.Expect, got[0]) {
			right++
		}
	}
	return 100 * ratio(right, answerable), 100 * ratio(noneRight, none)
}

// benchNaive is the baseline: what a plain use of bleve gives. One bleve
// document per file, the whole file in one field "text" analysed with
// bleve's Dutch analyzer, bleve's default field options (stored, with term
// vectors, so excerpts could be highlighted), the in-memory store
// bleve.NewMemOnly uses, and a match query of the question as typed.
type benchNaive struct{ idx bleve.Index }

// startNaive reads every .txt and .md file under the knowledge folder and
// indexes it, in batches of 1000 as the bleve documentation suggests.
func startNaive(c benchCorpus) (*benchNaive, error) {
	m := bleve.NewIndexMapping()
	dm := bleve.NewDocumentStaticMapping()
	fm := bleve.NewTextFieldMapping()
	fm.Analyzer = "nl"
	dm.AddFieldMappingsAt("text", fm)
	m.DefaultMapping = dm
	idx, err := bleve.NewMemOnly(m)
	if err != nil {
		return nil, err
	}
	batch := idx.NewBatch()
	count := 0
	fsys := os.DirFS(c.knowledge)
	err = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if ext := path.Ext(p); ext != ".txt" && ext != ".md" {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		if err := batch.Index(p, map[string]any{"text": string(data)}); err != nil {
			return err
		}
		count++
		if batch.Size() >= 1000 {
			if err := idx.Batch(batch); err != nil {
				return err
			}
			batch.Reset()
		}
		return nil
	})
	if err == nil {
		err = idx.Batch(batch)
	}
	if err == nil && count != c.n {
		err = fmt.Errorf("naive: indexed %d of %d documents", count, c.n)
	}
	if err != nil {
		idx.Close()
		return nil, err
	}
	return &benchNaive{idx: idx}, nil
}

func (nv *benchNaive) ask(ctx context.Context, question string) ([]string, error) {
	q := bleve.NewMatchQuery(question)
	q.SetField("text")
	res, err := nv.idx.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, 3, 0, false))
	if err != nil {
		return nil, err
	}
	out := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		out[i] = h.ID
	}
	return out, nil
}

func (nv *benchNaive) Close() error { return nv.idx.Close() }

// settle collects garbage and returns freed memory to the system, so the
// next measurement of resident memory starts from what is live.
func settle() {
	runtime.GC()
	debug.FreeOSMemory()
}

// resetPeakRSS resets the process's peak resident memory (VmHWM) to the
// current one (Linux ≥ 4.0). Where that is not possible the peak stays
// process-wide since start, and the benchmark says so.
func resetPeakRSS(b *testing.B) {
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		b.Logf("cannot reset the peak RSS (%v): peak-rss-MB is the peak since the process started", err)
	}
}

// rssMB reads one memory field of /proc/self/status ("VmHWM", "VmRSS") in
// MB; 0 where there is no /proc.
func rssMB(field string) float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, field+":"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return kb / 1024
		}
	}
	return 0
}
