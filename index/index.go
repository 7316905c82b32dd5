// Package index finds the answer: it wraps bleve (mapping, Dutch analysis,
// building, searching) and holds question understanding, ranking and
// excerpts. It returns plain Result values, never bleve types.
package index

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"

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
}

// Index answers questions over one set of documents. It is safe for
// concurrent use.
type Index struct {
	bleve bleve.Index
	docs  map[string]*knowledge.Document // by Source
	roles *knowledge.Equivalences        // with the documents' aliases joined in
	words *knowledge.Equivalences
	vocab *vocabulary
	text  analysis.Analyzer
	stem  func(string) string // the Dutch stemmer on one folded word
	// wordStems finds a group of words by the stem of one of its words.
	wordStems map[string][]string
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

// Build indexes docs.
func Build(ctx context.Context, docs []knowledge.Document, opts Options) (*Index, error) {
	roles, words := opts.Roles, opts.Words
	if roles == nil {
		roles = knowledge.DefaultRoles()
	}
	if words == nil {
		words = knowledge.DefaultWords()
	}
	roles = roles.Clone()
	for _, d := range docs {
		// A document's aliases are other names for its role or service:
		// "privacyfunctionaris" for the DPO.
		if len(d.Aliases) > 0 {
			for _, f := range d.Functions {
				roles.Add(append([]string{f.Title}, d.Aliases...)...)
			}
		}
	}

	m, err := newMapping(docs, roles)
	if err != nil {
		return nil, fmt.Errorf("index mapping: %w", err)
	}
	var b bleve.Index
	building := ""
	if opts.Path == "" {
		// scorch keeps an unnamed index in memory; it is faster than the
		// upsidedown store NewMemOnly uses and supports fuzzy dictionaries.
		b, err = bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	} else {
		// Build aside and switch when done, so a crash never leaves a
		// half-written index where the next start would open it.
		if err := checkIndexDir(opts.Path); err != nil {
			return nil, err
		}
		building = opts.Path + ".building"
		if err := os.RemoveAll(building); err != nil {
			return nil, fmt.Errorf("clear %s: %w", building, err)
		}
		b, err = bleve.NewUsing(building, m, scorch.Name, scorch.Name, nil)
	}
	if err != nil {
		return nil, fmt.Errorf("create index %s: %w", opts.Path, err)
	}
	ix := &Index{
		bleve: b,
		docs:  make(map[string]*knowledge.Document, len(docs)),
		roles: roles,
		words: words,
		text:  m.AnalyzerNamed(textAnalyzer),
	}
	batch := b.NewBatch()
	for i := range docs {
		if err := ctx.Err(); err != nil {
			b.Close()
			return nil, err
		}
		d := &docs[i]
		ix.docs[d.Source] = d
		if err := batch.Index(d.Source, ix.record(d)); err != nil {
			b.Close()
			return nil, fmt.Errorf("index %s: %w", d.Source, err)
		}
		if batch.Size() >= 500 {
			if err := b.Batch(batch); err != nil {
				b.Close()
				return nil, fmt.Errorf("index batch: %w", err)
			}
			batch.Reset()
		}
	}
	if err := b.Batch(batch); err != nil {
		b.Close()
		return nil, fmt.Errorf("index batch: %w", err)
	}
	if building != "" {
		if ix.bleve, err = swapIn(b, building, opts.Path); err != nil {
			return nil, err
		}
	}
	ix.stem = newStemFilter(stemsTxt).stem
	ix.vocab = newVocabulary(ix.docs, roles, ix.stem)
	ix.wordStems = map[string][]string{}
	for _, g := range words.Groups() {
		for _, w := range g {
			if f := knowledge.Fold(w); !strings.Contains(f, " ") && len(f) >= 4 {
				ix.wordStems[ix.stem(f)] = g
			}
		}
	}
	return ix, nil
}

// checkIndexDir refuses to replace a folder that is not an index of ours:
// --index pointed at the wrong folder must not delete anything.
func checkIndexDir(path string) error {
	entries, err := os.ReadDir(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("index folder %s: %w", path, err)
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(path, "index_meta.json")); err != nil {
		return fmt.Errorf("index folder %s is not empty and holds no index; refusing to overwrite it", path)
	}
	return nil
}

// swapIn closes the index built at building, puts it in place of path and
// opens it there.
func swapIn(b bleve.Index, building, path string) (bleve.Index, error) {
	if err := b.Close(); err != nil {
		return nil, fmt.Errorf("close %s: %w", building, err)
	}
	old := path + ".old"
	if err := os.RemoveAll(old); err != nil {
		return nil, err
	}
	if err := os.Rename(path, old); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("move old index aside: %w", err)
	}
	if err := os.Rename(building, path); err != nil {
		return nil, fmt.Errorf("switch to new index: %w", err)
	}
	if err := os.RemoveAll(old); err != nil {
		return nil, err
	}
	nb, err := bleve.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", path, err)
	}
	return nb, nil
}

// Close releases the bleve index.
func (ix *Index) Close() error { return ix.bleve.Close() }

// Len is the number of documents indexed.
func (ix *Index) Len() int { return len(ix.docs) }

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
		{fieldName, nameAnalyzer}, {fieldOrg, nameAnalyzer},
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

// roleTitles returns the role titles a document stands for: each function
// title, alone and with its body ("voorzitter" of the gemeenteraad is the
// "voorzitter van de gemeenteraad"), and a function description's role.
func roleTitles(d *knowledge.Document) []string {
	var out []string
	for _, f := range d.Functions {
		out = append(out, f.Title)
		if f.Body != "" {
			out = append(out, f.Title+" "+f.Body, f.Title+" van de "+f.Body, f.Title+" van het "+f.Body)
		}
	}
	if d.Role != "" {
		out = append(out, d.Role)
	}
	return out
}

func (ix *Index) record(d *knowledge.Document) record {
	r := record{Name: d.Name, Title: d.Title, Org: d.Organisation, Alias: d.Aliases}
	seen := map[string]bool{}
	for _, t := range roleTitles(d) {
		for _, v := range append([]string{t}, ix.roles.Group(t)...) {
			if k := knowledge.Fold(v); !seen[k] {
				seen[k] = true
				r.Role = append(r.Role, v)
			}
		}
	}
	for _, f := range d.Functions {
		r.Body = append(r.Body, f.Body)
		r.Body = append(r.Body, ix.roles.Group(f.Body)...)
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

// docFreq returns how many documents hold term in the text field, and the
// number of documents, for weighting rare words above common ones.
func (ix *Index) docFreq(ctx context.Context, terms []string) (map[string]int, int) {
	out := make(map[string]int, len(terms))
	adv, err := ix.bleve.Advanced()
	if err != nil {
		return out, len(ix.docs)
	}
	r, err := adv.Reader()
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
func (ix *Index) analyze(s string) analysis.TokenStream {
	return ix.text.Analyze([]byte(s))
}
