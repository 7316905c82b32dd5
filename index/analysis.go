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

	"github.com/wieiswie/wieiswie/index/lexicon"
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

// dutchLexicon is the embedded Dutch lexicon (see package lexicon), parsed on
// first use and never changed: immutable data like the embedded files, kept
// once because every analyzer bleve builds asks for it.
var dutchLexicon = sync.OnceValues(lexicon.Dutch)

// englishLexicon is the embedded English–Dutch dictionary, likewise.
var englishLexicon = sync.OnceValues(lexicon.English)

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
		return newStemFilter(stemsTxt)
	}))
	must(registry.RegisterTokenFilter(compoundFilterName, func(config map[string]interface{}, cache *registry.Cache) (analysis.TokenFilter, error) {
		name, _ := config["dict_token_map"].(string)
		dict, err := cache.TokenMapNamed(name)
		if err != nil {
			return nil, fmt.Errorf("compound dictionary %q: %w", name, err)
		}
		lex, err := dutchLexicon()
		if err != nil {
			return nil, err
		}
		return compoundFilter{dict: dict, lex: lex, cache: &boundedCache{}}, nil
	}))
}

// addAnalysis registers our analyzers on m. Compounds are split by the Dutch
// lexicon, and else into words of the knowledge base's own vocabulary.
func addAnalysis(m *mapping.IndexMappingImpl, vocabulary []string) error {
	parts := make([]interface{}, 0, len(vocabulary))
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
// same position: klachtenbehandeling → klacht + behandeling,
// informatieveiligheidsadviseur → informatie + veiligheid + adviseur, so a
// question's "veiligheidsadviseur" meets a document's
// "informatieveiligheidsadviseur". The Dutch lexicon splits where
// Hunspell's compound rules allow (never "acht" out of "klachten"); a word
// it does not know is split into words of the knowledge base's own
// vocabulary that cover it whole, allowing the linking -s- and -e(n)-.
type compoundFilter struct {
	dict  analysis.TokenMap
	lex   *lexicon.Lexicon
	cache *boundedCache // word → parts; words repeat endlessly
}

const minPart = 3

func (f compoundFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	out := make(analysis.TokenStream, 0, len(input))
	for _, t := range input {
		out = append(out, t)
		if len(t.Term) < 2*minPart+1 {
			continue
		}
		for _, p := range f.parts(string(t.Term)) {
			out = append(out, &analysis.Token{Term: []byte(p), Start: t.Start, End: t.End, Position: t.Position, Type: t.Type})
		}
	}
	return out
}

// parts returns the parts of a compound, nil for a simple word.
func (f compoundFilter) parts(word string) []string {
	if p, ok := f.cache.load(word); ok {
		return p.([]string)
	}
	p := f.lex.Split(word)
	if len(p) < 2 {
		p = nil
		if !f.lex.IsWord(word) {
			p = f.split(word, 0)
		}
	}
	f.cache.store(word, p)
	return p
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

// stemFilter is the Dutch Snowball stemmer behind the lexicon's lemmas:
// a word is first brought to its dictionary form (verkeersongevallen →
// verkeersongeval, behandelt → behandelen, klachten → klacht), which
// Snowball alone gets wrong, then stemmed, so behandelt, behandelen and
// behandeling meet. A list of explicit overrides (data/stems.txt) comes
// first; for a word the lexicon does not know, verb forms in -t are
// taken to their infinitive.
type stemFilter struct {
	overrides map[string]string
	lex       *lexicon.Lexicon
	// cache remembers stems: stemming is the costliest step of analysis
	// and a knowledge base repeats its words endlessly.
	cache *boundedCache
}

// boundedCache is a concurrent map that stops taking entries at
// maxCached (about 40 MB at most).
type boundedCache struct {
	m sync.Map
	n atomic.Int64
}

const maxCached = 400_000

func (c *boundedCache) load(k string) (any, bool) { return c.m.Load(k) }

func (c *boundedCache) store(k string, v any) {
	if c.n.Load() < maxCached {
		c.m.Store(k, v)
		c.n.Add(1)
	}
}

func newStemFilter(list string) (stemFilter, error) {
	lex, err := dutchLexicon()
	if err != nil {
		return stemFilter{}, err
	}
	f := stemFilter{overrides: map[string]string{}, lex: lex, cache: &boundedCache{}}
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
	return f, nil
}

func (f stemFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, t := range input {
		t.Term = []byte(f.stem(string(t.Term)))
	}
	return input
}

func (f stemFilter) stem(w string) string {
	if s, ok := f.cache.load(w); ok {
		return s.(string)
	}
	s := f.stemUncached(w)
	f.cache.store(w, s)
	return s
}

func (f stemFilter) stemUncached(w string) string {
	if s, ok := f.overrides[w]; ok {
		return s
	}
	if lemmas := f.lex.Lemmas(w); len(lemmas) > 0 {
		if s, ok := f.overrides[lemmas[0]]; ok {
			return s
		}
		w = lemmas[0]
	} else if n := len(w); n >= 5 && w[n-1] == 't' && isVerbFormConsonant(w[n-2]) {
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
