// Package index finds the answer: it wraps bleve (mapping, Dutch analysis,
// building, searching) and holds question understanding, ranking and
// excerpts. It returns the domain's knowledge.Result, never bleve types.
//
// One question's way, file by file:
//
//	ask.go           Ask: understand, gather candidates, decide, answer
//	message.go       the question in a Slack message, and its context
//	question.go      what the question names: town, people, roles, words, shape
//	questionlex.go   the question lexicon (data/question.txt)
//	rewrite.go       English into Dutch, separable verbs joined
//	vocabulary.go    the towns, names and titles the documents hold
//	abbreviation.go  abbreviations, from the documents
//	analysis.go      Dutch analysis: folding, lexicon lemmas and compounds, Snowball
//	search.go        the bleve query that gathers candidates; typo correction
//	rank.go          scoring candidates (weights.go, data/weights.txt)
//	answerability.go answer, "Bedoelde je …?" or not found (data/answerability.txt)
//	answer.go        the answer shown: the person, the excerpt (excerpt.go)
//	evaluate.go      eval, leave-one-town-out folds, fitting the model
//
// Building, updating and keeping an index on disk are in index.go,
// persist.go and snapshot.go.
package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bleveindex "github.com/blevesearch/bleve_index_api"

	"github.com/wieiswie/wieiswie/knowledge"
)

// Options configure Build.
type Options struct {
	// Path keeps the index on disk in that folder (created; it must not
	// exist yet). Empty: in memory, right for the embedded default.
	Path string
	// Roles are the role-title equivalences; nil: knowledge.DefaultRoles().
	Roles *knowledge.Equivalences
	// Words are the word equivalences; nil: knowledge.DefaultWords().
	Words *knowledge.Equivalences
	// LockWait is how long Build waits for another process to release the
	// index folder (see lockDir); 0: DefaultLockWait.
	LockWait time.Duration
}

// Index answers questions over one set of documents. It is safe for
// concurrent use, also while Update swaps in new knowledge.
type Index struct {
	root      string // the index folder (INDEX_DIR); "" in memory
	path      string // the bleve index in use inside root; "" in memory
	lock      *dirLock
	baseRoles *knowledge.Equivalences
	words     *knowledge.Equivalences
	stem      func(string) string // the Dutch stemmer on one folded word
	isWord    func(string) bool   // whether a folded word is Dutch (the lexicon)
	lexicons
	// glossaryEnglish holds the English terms of the role list (folded):
	// they let a question in English name a role, but are never indexed
	// as text, where "officer" would match every English alias.
	glossaryEnglish map[string]bool
	// wordStems finds a group of words by the stem of one of its words.
	wordStems map[string][]string

	mu    sync.Mutex // serialises updates; guards stats, diskErr and retired
	cur   atomic.Pointer[state]
	stats Stats
	// diskErr is why the index on disk was given up for one in memory
	// after an update failed on it (a full disk); nil while on disk. An
	// index folder that cannot be written, used as it is, has it set too.
	diskErr error
	// readOnly: the index in use is a read-only one on disk.
	readOnly bool
	// retired are bleve indexes replaced after a failure, closed once the
	// questions that may still read them are done.
	retired []bleve.Index

	saver saver // saves the parsed documents beside an index on disk
}

// state is one version of the knowledge: what the bleve index holds and
// what question understanding recognises. It is never changed, only
// replaced.
type state struct {
	bleve  bleve.Index
	text   analysis.Analyzer              // the bleve index's text analyzer
	docs   map[string]*knowledge.Document // by Source
	hashes map[string]string              // Source → content hash
	roles  *knowledge.Equivalences        // with the documents' aliases joined in
	vocab  *vocabulary
	terms  *termCache // analysed terms of recently ranked documents
	sorted sortedDocs // the documents as a list, made when first asked for
}

// view is an Index seen at one state: what answering one question uses.
type view struct {
	*Index
	*state
}

func (ix *Index) view() view { return view{ix, ix.cur.Load()} }

// Stats says what the last Build or Update did.
type Stats struct {
	Reused  bool // an index on disk was opened rather than rebuilt
	Indexed int  // documents (re)indexed
	Removed int  // documents deleted from the index
}

// Field names of the bleve documents. "text" holds everything (so its
// document frequencies say how common a word is); the others exist so that a
// match on a role title or a name outranks a word somewhere in a paragraph.
const (
	fieldName  = "name"
	fieldRole  = "role"
	fieldBody  = "body"
	fieldAlias = "alias"
	fieldTitle = "title"
	fieldOrg   = "org"
	fieldText  = "text"
)

// englishTerms returns the terms of roles that are English: one of their
// words is no Dutch word but an English one ("alderman", "general director",
// "data protection officer"; not "ombudsman", which is both).
func englishTerms(roles *knowledge.Equivalences, lx lexicons) map[string]bool {
	out := map[string]bool{}
	for _, g := range roles.Groups() {
		for _, t := range g {
			for _, w := range strings.Fields(knowledge.Fold(t)) {
				if !lx.dutch.IsWord(w) && len(lx.english.Dutch(w)) > 0 {
					out[knowledge.Fold(t)] = true
					break
				}
			}
		}
	}
	return out
}

// noOrganisation stands in the org field of a document whose organisation
// is unknown, so that a question naming an organisation still finds it.
const noOrganisation = "wieiswiezonderorganisatie"

// record is what bleve indexes for one document.
type record struct {
	Name  string   `json:"name"`
	Role  []string `json:"role"`
	Body  []string `json:"body"`
	Alias []string `json:"alias"`
	Title string   `json:"title"`
	Org   string   `json:"org"`
	Text  string   `json:"text"`
}

// Build indexes docs. With Options.Path it opens the index kept there and
// brings it up to date document by document, or builds it anew (aside, then
// switched in) when there is none or its format or word lists changed.
func Build(ctx context.Context, docs []knowledge.Document, opts Options) (*Index, error) {
	sf, err := newStemFilter(stemsTxt)
	if err != nil {
		return nil, fmt.Errorf("dutch analysis: %w", err)
	}
	en, err := englishLexicon()
	if err != nil {
		return nil, fmt.Errorf("english lexicon: %w", err)
	}
	ix := &Index{root: opts.Path, baseRoles: opts.Roles, words: opts.Words, stem: sf.stem, isWord: sf.lex.IsWord,
		lexicons: lexicons{dutch: sf.lex, english: en}}
	if ix.root != "" {
		ix.path = filepath.Join(ix.root, currentName)
	}
	if ix.baseRoles == nil {
		ix.baseRoles = knowledge.DefaultRoles()
	}
	if ix.words == nil {
		ix.words = knowledge.DefaultWords()
	}
	ix.glossaryEnglish = englishTerms(ix.baseRoles, ix.lexicons)
	ix.wordStems = map[string][]string{}
	for _, g := range ix.words.Groups() {
		for _, w := range g {
			if f := knowledge.Fold(w); !strings.Contains(f, " ") && len(f) >= 4 {
				ix.wordStems[ix.stem(f)] = g
			}
		}
	}
	st, vocabulary := ix.newState(docs, nil)
	err = alongside(vocabulary, func() error {
		if opts.Path == "" {
			// scorch keeps an unnamed index in memory; it is faster than
			// the upsidedown store NewMemOnly uses and supports fuzzy
			// dictionaries.
			if err := ix.create("", docs, st); err != nil {
				return err
			}
			return ix.apply(ctx, st, nil, st.hashes)
		}
		return ix.openOrBuild(ctx, docs, st, opts.LockWait)
	})
	if err != nil {
		if st.bleve != nil {
			st.bleve.Close()
		}
		ix.lock.release()
		return nil, err
	}
	ix.cur.Store(st)
	ix.saveDocuments()
	if len(docs) >= 10_000 {
		// Building leaves hundreds of megabytes of garbage at this size:
		// hand it back soon rather than let it weigh on the first
		// questions, but without keeping them waiting for it.
		go debug.FreeOSMemory()
	}
	return ix, nil
}

// alongside runs work while f runs (both start now) and returns f's error
// once both are done: building the question vocabulary, which only
// answering needs, overlaps with indexing.
func alongside(work func(), f func() error) error {
	done := make(chan struct{})
	go func() {
		defer close(done)
		work()
	}()
	err := f()
	<-done
	return err
}

// newState prepares the in-memory side of docs. With prev, the state it
// replaces, what did not change is taken over rather than computed again:
// the hash of a document equal to its previous version, and the question
// vocabulary when no document changed in what it is made of (the usual
// reload: a paragraph edited). At 100,000 documents that turns half a
// second into a few milliseconds. The vocabulary is left to the function
// returned, which fills st.vocab.
func (ix *Index) newState(docs []knowledge.Document, prev *state) (st *state, vocabulary func()) {
	st = &state{docs: make(map[string]*knowledge.Document, len(docs)), hashes: make(map[string]string, len(docs)), terms: newTermCache(termCacheSize)}
	hashes := make([]string, len(docs))
	var newWords atomic.Bool // a document brings words the vocabulary lacks
	onEveryCore(len(docs), func(i int) error {
		d := &docs[i]
		var old *knowledge.Document
		if prev != nil {
			old = prev.docs[d.Source]
		}
		switch {
		case old != nil && sameContent(old, d):
			hashes[i] = prev.hashes[d.Source]
			return nil
		case old == nil || !sameVocabulary(old, d):
			newWords.Store(true)
		}
		hashes[i] = docHash(d)
		return nil
	})
	for i := range docs {
		st.docs[docs[i].Source] = &docs[i]
		st.hashes[docs[i].Source] = hashes[i]
	}
	if prev != nil && !newWords.Load() && len(st.docs) == len(prev.docs) {
		st.roles, st.vocab = prev.roles, prev.vocab
		return st, func() {}
	}
	// A document's aliases ("privacyfunctionaris" on the DPO's page) name
	// that document's role only: they are recognised in questions (see
	// newVocabulary) but never joined to the shared equivalences, where one
	// page's "Diensthoofd = burgerzaken" would make every diensthoofd one of
	// burgerzaken.
	st.roles = ix.baseRoles
	return st, func() { st.vocab = newVocabulary(st.docs, st.roles, ix.stem) }
}

// create makes an empty bleve index at path ("" in memory) for st, whose
// compound dictionary is the vocabulary of docs.
func (ix *Index) create(path string, docs []knowledge.Document, st *state) error {
	m, err := newMapping(docs, st.roles)
	if err != nil {
		return fmt.Errorf("index mapping: %w", err)
	}
	// bleve returns a typed nil on failure: st.bleve must stay a true nil.
	b, err := bleve.NewUsing(path, m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return fmt.Errorf("create index %s: %w", path, err)
	}
	st.bleve, st.text = b, m.AnalyzerNamed(textAnalyzer)
	return nil
}

// apply brings the bleve index from the documents in old (Source → hash) to
// those in st: what changed or is new is (re)indexed, what is gone deleted.
// Indexing is idempotent, so an update interrupted half-way is finished by
// the next one.
func (ix *Index) apply(ctx context.Context, st *state, old, now map[string]string) error {
	v := view{ix, st}
	batch := st.bleve.NewBatch()
	size := batchSize(len(now))
	flush := func() error {
		if batch.Size() == 0 {
			return nil
		}
		if err := st.bleve.Batch(batch); err != nil {
			return fmt.Errorf("index batch: %w", err)
		}
		// A new batch rather than Reset: scorch may still read the old
		// one from a goroutine of its own (seen with -race).
		batch = st.bleve.NewBatch()
		if size >= largeBatch {
			// What analysing the batch took is garbage now. Collected
			// before the next batch grows, it does not stand in the
			// heap the collector lets grow to twice what is live.
			runtime.GC()
		}
		return nil
	}
	stats := Stats{}
	for src, h := range now {
		if old[src] == h {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := batch.Index(src, v.record(st.docs[src])); err != nil {
			return fmt.Errorf("index %s: %w", src, err)
		}
		stats.Indexed++
		if batch.Size() >= size {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	for src := range old {
		if _, ok := now[src]; !ok {
			batch.Delete(src)
			stats.Removed++
		}
	}
	if err := flush(); err != nil {
		return err
	}
	ix.stats = stats
	return nil
}

// batchSize is how many documents go to bleve at once. An index in memory
// never merges its segments, one per batch, and every term of every question
// is looked up in each: a few large batches keep it to a handful.
func batchSize(n int) int {
	return min(max(1000, n/8), largeBatch)
}

// largeBatch is the largest batch: a knowledge of 100,000 documents goes to
// bleve in sixteen. Analysing a batch holds some 24 kB a document until its
// segment is built; at 12,500 documents that, on top of what stays live and
// with the collector's headroom, took the build of 100,000 documents to
// 1.2 GB resident, against 635 MB now (with a collection after each batch;
// 836 MB without). Twice as many segments cost some 15 % on a question's
// median time at that size (BENCHMARKS.md, 2026-11-29).
const largeBatch = 6_250

// Update replaces the knowledge with docs, re-indexing only the documents
// that changed. Questions asked meanwhile are answered from the old
// knowledge until the new one is complete. When the update fails (a full
// disk, a cancelled context) the old knowledge keeps answering, whole: see
// restore.
func (ix *Index) Update(ctx context.Context, docs []knowledge.Document) (Stats, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	old := ix.cur.Load()
	st, vocabulary := ix.newState(docs, old)
	if ix.readOnly {
		// The index on disk cannot take changes: the first one moves the
		// knowledge to memory.
		vocabulary()
		if err := ix.inMemory(ctx, st); err != nil {
			return Stats{}, fmt.Errorf("update index: %w", err)
		}
		ix.readOnly = false
		return ix.stats, nil
	}
	st.bleve, st.text = old.bleve, old.text
	err := alongside(vocabulary, func() error { return ix.apply(ctx, st, old.hashes, st.hashes) })
	if err == nil && ix.path != "" && ix.diskErr == nil {
		err = writeManifest(ix.path, ix.manifest(st))
	}
	if err != nil {
		if rerr := ix.restore(old, st, err); rerr != nil {
			return Stats{}, fmt.Errorf("update index: %w (and restoring the previous knowledge: %v)", err, rerr)
		}
		return Stats{}, fmt.Errorf("update index: %w", err)
	}
	ix.cur.Store(st)
	ix.saveLater()
	return ix.stats, nil
}

// restore puts back the knowledge of old after the update to the state
// failed went wrong with cause, part of it possibly applied. A cancelled
// update is undone in place. Any other failure may have left the bleve
// index damaged (scorch panics on a segment it could not write), so old is
// indexed again in memory and the index on disk is given up until the next
// start, which rebuilds it (its manifest is removed).
func (ix *Index) restore(old, failed *state, cause error) error {
	if errors.Is(cause, context.Canceled) || errors.Is(cause, context.DeadlineExceeded) {
		// What the update did not reach still holds the old version, so
		// undoing it "from failed" re-indexes no more than it touched.
		return ix.apply(context.Background(), old, failed.hashes, old.hashes)
	}
	restored := &state{text: old.text, docs: old.docs, hashes: old.hashes, roles: old.roles, vocab: old.vocab,
		terms: newTermCache(termCacheSize)}
	if err := ix.inMemory(context.Background(), restored); err != nil {
		return err
	}
	if ix.path != "" && ix.diskErr == nil {
		ix.diskErr = cause
		os.Remove(filepath.Join(ix.path, manifestName))
	}
	return nil
}

// inMemory indexes st's documents in a new bleve index in memory and makes
// st the current state; the bleve index it replaces is retired.
func (ix *Index) inMemory(ctx context.Context, st *state) error {
	prev := ix.cur.Load().bleve
	docs := make([]knowledge.Document, 0, len(st.docs))
	for _, d := range st.docs {
		docs = append(docs, *d)
	}
	st.bleve = nil
	if err := ix.create("", docs, st); err != nil {
		return err
	}
	if err := ix.apply(ctx, st, nil, st.hashes); err != nil {
		st.bleve.Close()
		return err
	}
	ix.cur.Store(st)
	ix.retire(prev)
	return nil
}

// retireDelay is how long a replaced bleve index stays open for the
// questions that started on it; an answer takes milliseconds.
const retireDelay = 30 * time.Second

// retire closes b once the questions that may still read it are done.
func (ix *Index) retire(b bleve.Index) {
	ix.retired = append(ix.retired, b)
	time.AfterFunc(retireDelay, func() {
		ix.mu.Lock()
		defer ix.mu.Unlock()
		if i := slices.Index(ix.retired, b); i >= 0 {
			ix.retired = slices.Delete(ix.retired, i, i+1)
			b.Close()
		}
	})
}

// DiskError says why the index on disk was given up for one in memory
// (nil while the index is kept on disk, or was never meant to be).
func (ix *Index) DiskError() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.diskErr
}

// Stats says what the last Build or Update did.
func (ix *Index) Stats() Stats {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.stats
}

// Close saves the documents beside an index on disk if an update has not
// yet, releases the bleve index and unlocks the index folder.
func (ix *Index) Close() error {
	err := ix.stopSaving()
	ix.mu.Lock()
	defer ix.mu.Unlock()
	for _, b := range ix.retired {
		b.Close()
	}
	ix.retired = nil
	err = errors.Join(err, ix.cur.Load().bleve.Close())
	ix.lock.release()
	return err
}

// Len is the number of documents indexed.
func (ix *Index) Len() int { return len(ix.cur.Load().docs) }

func newMapping(docs []knowledge.Document, roles *knowledge.Equivalences) (*mapping.IndexMappingImpl, error) {
	m := bleve.NewIndexMapping()
	if err := addAnalysis(m, compoundVocabulary(docs, roles)); err != nil {
		return nil, err
	}
	m.DefaultAnalyzer = textAnalyzer
	// Measured on the sample with bleve's order alone (no re-ranking):
	// tf-idf 100 % top-1, BM25 86.5 %; with our re-ranking both 100 %.
	// bleve's score is only a tie-breaker here, and tf-idf breaks ties better
	// with our field boosts, so we keep bleve's default.
	m.ScoringModel = ""
	dm := bleve.NewDocumentStaticMapping()
	for _, f := range []struct {
		name, analyzer string
	}{
		{fieldName, nameAnalyzer}, {fieldOrg, keyword.Name},
		{fieldRole, textAnalyzer}, {fieldBody, textAnalyzer}, {fieldAlias, textAnalyzer},
		{fieldTitle, textAnalyzer}, {fieldText, textAnalyzer},
	} {
		fm := bleve.NewTextFieldMapping()
		fm.Analyzer = f.analyzer
		fm.Store = false
		fm.IncludeInAll = false
		// Phrases (role titles, names) need positions; the long text does not.
		fm.IncludeTermVectors = f.name == fieldRole || f.name == fieldName
		fm.DocValues = false
		dm.AddFieldMappingsAt(f.name, fm)
	}
	m.DefaultMapping = dm
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	return m, nil
}

// compoundVocabulary is every word of the documents and the role list that
// can be a part of a compound.
func compoundVocabulary(docs []knowledge.Document, roles *knowledge.Equivalences) []string {
	seen := map[string]struct{}{}
	add := func(s string) {
		for _, w := range strings.Fields(knowledge.Fold(s)) {
			if len(w) >= minPart+1 && len(w) <= 20 {
				seen[w] = struct{}{}
			}
		}
	}
	for _, g := range roles.Groups() {
		for _, t := range g {
			add(t)
		}
	}
	for i := range docs {
		d := &docs[i]
		add(d.Title)
		for _, f := range d.Functions {
			add(f.Title)
			add(f.Body)
		}
		for _, p := range d.Passages {
			add(p.Text)
		}
	}
	out := make([]string, 0, len(seen))
	for w := range seen {
		out = append(out, w)
	}
	return out
}

// roleTitles returns the role titles a document stands for: those of each
// function (see functionTitles) and a function description's role.
func roleTitles(d *knowledge.Document) []string {
	var out []string
	for _, f := range d.Functions {
		out = append(out, functionTitles(f)...)
	}
	if d.Role != "" {
		out = append(out, d.Role)
	}
	return out
}

// functionTitles returns the titles of a function, alone and with its body:
// the "voorzitter" of the gemeenteraad is the "voorzitter van de
// gemeenteraad".
func functionTitles(f knowledge.Function) []string {
	if f.Body == "" {
		return []string{f.Title}
	}
	return []string{f.Title, f.Title + " " + f.Body, f.Title + " van de " + f.Body, f.Title + " van het " + f.Body}
}

func (ix view) record(d *knowledge.Document) record {
	// The organisation is one exact term: "Wezemleeuw" must not match
	// "Neder-Wezemleeuw", and a filter on one term is the cheapest there is.
	r := record{Name: d.Name, Title: d.Title, Org: knowledge.Fold(d.Organisation), Alias: d.Aliases}
	if r.Org == "" {
		r.Org = noOrganisation
	}
	seen := map[string]bool{}
	for _, t := range roleTitles(d) {
		for _, v := range append([]string{t}, ix.roles.Group(t)...) {
			if k := knowledge.Fold(v); !seen[k] && (v == t || !ix.glossaryEnglish[k]) {
				seen[k] = true
				r.Role = append(r.Role, v)
			}
		}
	}
	for _, f := range d.Functions {
		r.Body = append(r.Body, f.Body)
		for _, v := range ix.roles.Group(f.Body) {
			if !ix.glossaryEnglish[knowledge.Fold(v)] {
				r.Body = append(r.Body, v)
			}
		}
	}
	var text strings.Builder
	for _, s := range append(append([]string{d.Name, d.Title}, r.Role...), r.Body...) {
		text.WriteString(s)
		text.WriteString("\n")
	}
	for _, s := range d.Aliases {
		text.WriteString(s)
		text.WriteString("\n")
	}
	lastHeading := ""
	for _, p := range d.Passages {
		if p.Heading != lastHeading {
			text.WriteString(p.Heading)
			text.WriteString("\n")
			lastHeading = p.Heading
		}
		text.WriteString(p.Text)
		text.WriteString("\n")
	}
	r.Text = text.String()
	return r
}

// reader opens a reader on the bleve index underneath, for what the search
// API does not offer: document frequencies and fuzzy dictionaries.
func (ix view) reader() (bleveindex.IndexReader, error) {
	adv, err := ix.bleve.Advanced()
	if err != nil {
		return nil, err
	}
	return adv.Reader()
}

// docFreq returns how many documents hold term in the text field, and the
// number of documents, for weighting rare words above common ones.
func (ix view) docFreq(ctx context.Context, terms []string) (map[string]int, int) {
	out := make(map[string]int, len(terms))
	r, err := ix.reader()
	if err != nil {
		return out, len(ix.docs)
	}
	defer r.Close()
	for _, t := range terms {
		tfr, err := r.TermFieldReader(ctx, []byte(t), fieldText, false, false, false)
		if err != nil {
			continue
		}
		out[t] = int(tfr.Count())
		tfr.Close()
	}
	return out, len(ix.docs)
}

// analyze returns the analysed terms of s with the text analyzer.
func (ix view) analyze(s string) analysis.TokenStream {
	return ix.text.Analyze([]byte(s))
}
