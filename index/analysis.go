package index

import (
	"bufio"
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	_ "github.com/blevesearch/bleve/v2/analysis/analyzer/custom" // the "custom" analyzer type
	"github.com/blevesearch/bleve/v2/analysis/lang/nl"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	_ "github.com/blevesearch/bleve/v2/analysis/tokenmap" // the "custom" token map holds the compound dictionary
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/dutch"

	"github.com/wieiswie/wieiswie/knowledge"
)

// Names of what this file registers with bleve. bleve's registry is global by
// design; the constructors hold no state of their own, the dictionary travels
// in each index's mapping, so several indexes can live side by side.
const (
	foldFilterName     = "wieiswie_fold"
	compoundFilterName = "wieiswie_compound"
	stemFilterName     = "wieiswie_stem_nl"
	compoundMapName    = "wieiswie_compound_parts"

	textAnalyzer = "wieiswie_nl"   // running Dutch text and role titles
	nameAnalyzer = "wieiswie_name" // names and organisations: folded, not stemmed
)

//go:embed data/stems.txt
var stemsTxt string

//go:embed data/compound_parts.txt
var compoundPartsTxt string

func init() {
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	must(registry.RegisterTokenFilter(foldFilterName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return foldFilter{}, nil
	}))
	must(registry.RegisterTokenFilter(stemFilterName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return newStemFilter(stemsTxt), nil
	}))
	must(registry.RegisterTokenFilter(compoundFilterName, func(config map[string]interface{}, cache *registry.Cache) (analysis.TokenFilter, error) {
		name, _ := config["dict_token_map"].(string)
		dict, err := cache.TokenMapNamed(name)
		if err != nil {
			return nil, fmt.Errorf("compound dictionary %q: %w", name, err)
		}
		return compoundFilter{dict: dict}, nil
	}))
}

// addAnalysis registers our analyzers on m. The compound dictionary is the
// knowledge base's own vocabulary plus a shipped list of common parts.
func addAnalysis(m *mapping.IndexMappingImpl, vocabulary []string) error {
	parts := make([]interface{}, 0, len(vocabulary)+200)
	for _, w := range strings.Fields(compoundPartsTxt) {
		parts = append(parts, knowledge.Fold(w))
	}
	for _, w := range vocabulary {
		parts = append(parts, w)
	}
	if err := m.AddCustomTokenMap(compoundMapName, map[string]interface{}{"type": "custom", "tokens": parts}); err != nil {
		return err
	}
	if err := m.AddCustomTokenFilter(compoundFilterName+"_1", map[string]interface{}{
		"type": compoundFilterName, "dict_token_map": compoundMapName,
	}); err != nil {
		return err
	}
	if err := m.AddCustomAnalyzer(textAnalyzer, map[string]interface{}{
		"type":          "custom",
		"tokenizer":     unicode.Name,
		"token_filters": []string{lowercase.Name, foldFilterName, nl.StopName, compoundFilterName + "_1", stemFilterName},
	}); err != nil {
		return err
	}
	return m.AddCustomAnalyzer(nameAnalyzer, map[string]interface{}{
		"type":          "custom",
		"tokenizer":     unicode.Name,
		"token_filters": []string{lowercase.Name, foldFilterName},
	})
}

// foldFilter strips diacritics (financiën → financien) without touching the
// token offsets, so highlights still point into the original text.
type foldFilter struct{}

func (foldFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, t := range input {
		if !isASCII(t.Term) {
			t.Term = []byte(strings.ReplaceAll(knowledge.Fold(string(t.Term)), " ", ""))
		}
	}
	return input
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// compoundFilter adds the parts of Dutch compounds as extra tokens at the
// same position: klachtenbehandeling → klachten + behandeling,
// personeelsbeleid → personeel + beleid. Unlike bleve's dict_compound it
// splits only into parts that cover the whole word (allowing the linking
// -s- and -e-/-en-), which keeps "acht" out of "klachten".
type compoundFilter struct{ dict analysis.TokenMap }

const minPart = 3

func (f compoundFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	out := make(analysis.TokenStream, 0, len(input))
	for _, t := range input {
		out = append(out, t)
		if len(t.Term) < 2*minPart+1 {
			continue
		}
		for _, p := range f.split(string(t.Term), 0) {
			out = append(out, &analysis.Token{Term: []byte(p), Start: t.Start, End: t.End, Position: t.Position, Type: t.Type})
		}
	}
	return out
}

// split returns the parts of word when it is a compound of dictionary words,
// longest head first; nil when it is not. depth bounds the recursion.
func (f compoundFilter) split(word string, depth int) []string {
	if depth > 3 {
		return nil
	}
	for i := len(word) - minPart; i >= minPart; i-- {
		head := word[:i]
		if _, ok := f.dict[head]; !ok {
			continue
		}
		rest := word[i:]
		for _, link := range []string{"", "s", "e", "en"} {
			if link != "" && !strings.HasPrefix(rest, link) {
				continue
			}
			tail := rest[len(link):]
			if len(tail) < minPart {
				continue
			}
			if _, ok := f.dict[tail]; ok {
				return []string{head, tail}
			}
			if sub := f.split(tail, depth+1); sub != nil {
				return append([]string{head}, sub...)
			}
		}
	}
	return nil
}

// stemFilter is the Dutch Snowball stemmer with two repairs: a list of
// explicit overrides (data/stems.txt), and verb forms in -t
// (behandelt, verwerkt, leidt) reduced to the stem of their infinitive, which
// Snowball leaves apart from behandelen / behandeling.
type stemFilter struct {
	overrides map[string]string
	// cache remembers stems: Snowball is the costliest step of analysis and
	// a knowledge base repeats its words endlessly. Bounded by maxCached.
	cache  *sync.Map
	cached *atomic.Int64
}

// maxCached bounds the stem cache (about 40 MB at most).
const maxCached = 400_000

func newStemFilter(list string) stemFilter {
	f := stemFilter{overrides: map[string]string{}, cache: &sync.Map{}, cached: &atomic.Int64{}}
	sc := bufio.NewScanner(strings.NewReader(list))
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		words, stem, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		for _, w := range strings.Fields(words) {
			f.overrides[knowledge.Fold(w)] = strings.TrimSpace(stem)
		}
	}
	return f
}

func (f stemFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, t := range input {
		t.Term = []byte(f.stem(string(t.Term)))
	}
	return input
}

func (f stemFilter) stem(w string) string {
	if s, ok := f.cache.Load(w); ok {
		return s.(string)
	}
	s := f.stemUncached(w)
	if f.cached.Load() < maxCached {
		f.cache.Store(w, s)
		f.cached.Add(1)
	}
	return s
}

func (f stemFilter) stemUncached(w string) string {
	if s, ok := f.overrides[w]; ok {
		return s
	}
	if n := len(w); n >= 5 && w[n-1] == 't' && isVerbFormConsonant(w[n-2]) {
		w = w[:n-1] + "en"
	}
	env := snowballstem.NewEnv(w)
	dutch.Stem(env)
	return env.Current()
}

// isVerbFormConsonant reports whether c may precede the -t of a conjugated
// verb (behandelt, werkt, komt, leidt) rather than belong to a noun ending
// (bericht, kaart, document, concept, staat).
func isVerbFormConsonant(c byte) bool {
	return strings.IndexByte("lkmd", c) >= 0
}
