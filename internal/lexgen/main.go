// Command lexgen turns the Dutch and English lexicons that Debian installs
// into the compact data files that package index/lexicon embeds:
//
//	apt-get install hunspell-nl wdutch dict-freedict-eng-nld dict-freedict-nld-eng
//	go generate ./index/lexicon
//
// It writes data/nl.lex.gz (every folded Dutch word form with its lemmas
// and compounding attributes), data/en-nl.tsv.gz (English → Dutch) and
// data/LICENSES.md. The output depends only on the input files (and on
// the Go release's compress/flate), so running it twice gives the same
// bytes; the data is committed, and neither CI nor the bot runs lexgen.
//
// The Dutch data is a Hunspell dictionary expanded the way Hunspell's
// unmunch does it, with each form's lemma decided once here rather than
// by affix stripping at every start of the bot: the expansion is half a
// million forms, which compress to less than the affix rules would save.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"flag"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("lexgen: ")
	var (
		aff       = flag.String("aff", "/usr/share/hunspell/nl.aff", "Hunspell affix file")
		dic       = flag.String("dic", "/usr/share/hunspell/nl.dic", "Hunspell dictionary")
		words     = flag.String("words", "/usr/share/dict/dutch", "plain word list (wdutch)")
		engNld    = flag.String("eng-nld", "/usr/share/dictd/freedict-eng-nld", "FreeDict English–Dutch (dictd, without .index/.dict.dz)")
		nldEng    = flag.String("nld-eng", "/usr/share/dictd/freedict-nld-eng", "FreeDict Dutch–English (dictd)")
		out       = flag.String("out", "data", "output folder")
		particles = flag.String("particles", "", "separable particles (default: OUT/particles.txt)")
	)
	flag.Parse()
	if *particles == "" {
		*particles = filepath.Join(*out, "particles.txt")
	}
	if err := run(*aff, *dic, *words, *engNld, *nldEng, *particles, *out); err != nil {
		log.Fatal(err)
	}
}

func run(aff, dic, words, engNld, nldEng, particlesPath, out string) error {
	a, err := readAffixFile(aff)
	if err != nil {
		return err
	}
	entries, err := readDic(dic, a)
	if err != nil {
		return err
	}
	particles, err := readParticles(particlesPath)
	if err != nil {
		return err
	}
	b := newDutchBuilder(a, entries, particles)
	b.expand()
	b.analyse()
	b.listedPlurals()
	added, err := b.addWordList(words)
	if err != nil {
		return err
	}
	b.finish()
	b.headLemmas()
	nl, stats := encodeDutch(b.forms)
	if err := writeGzip(filepath.Join(out, "nl.lex.gz"), nl); err != nil {
		return err
	}
	log.Printf("nl.lex.gz: %d entries, %d forms (%d only in the word list), %d lemma rules, %d bytes raw",
		len(entries), len(b.forms), added, stats.rules, len(nl))

	en, err := readDictd(engNld)
	if err != nil {
		return err
	}
	ne, err := readDictd(nldEng)
	if err != nil {
		return err
	}
	bi := bilingual(en, ne)
	tsv := encodeBilingual(bi)
	if err := writeGzip(filepath.Join(out, "en-nl.tsv.gz"), tsv); err != nil {
		return err
	}
	log.Printf("en-nl.tsv.gz: %d English words and phrases, %d bytes raw", len(bi), len(tsv))

	lic, err := licenses(aff, engNld, nldEng)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "LICENSES.md"), lic, 0o644)
}

// readParticles reads one particle a line; # starts a comment.
func readParticles(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		l := sc.Text()
		if i := strings.IndexByte(l, '#'); i >= 0 {
			l = l[:i]
		}
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	// Longest first, so that "achterop" is tried before "achter".
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out, sc.Err()
}

// The Dutch format (read by index/lexicon/dutch.go, which documents it):
//
//	magic
//	uvarint rules, then each: uvarint strip, uvarint len(add), add
//	uvarint forms, uvarint their total length, uvarint lemma references
//	then each form in byte order: uvarint shared prefix with
//	the previous form, uvarint len(rest), rest, one attribute byte, and
//	when the attribute has attrLemmas: uvarint count, count × uvarint rule
//
// A rule turns a form into a lemma: drop strip bytes from the end, append
// add. Forms without attrLemmas are their own only lemma.
const (
	dutchMagic = "wieiswie nl lexicon 2\n"
	attrLemmas = 1 << 7
)

type lemmaRule struct {
	strip int
	add   string
}

type encodeStats struct{ rules int }

func ruleFor(form, lemma string) lemmaRule {
	n := 0
	for n < len(form) && n < len(lemma) && form[n] == lemma[n] {
		n++
	}
	return lemmaRule{strip: len(form) - n, add: lemma[n:]}
}

func encodeDutch(forms map[string]*form) ([]byte, encodeStats) {
	keys := make([]string, 0, len(forms))
	for k := range forms {
		keys = append(keys, k)
	}
	sort.Strings(keys)

	// Number the rules by use, the commonest first, so that they take one
	// byte; ties in byte order, so the numbering is the same every run.
	count := map[lemmaRule]int{}
	for _, k := range keys {
		fm := forms[k]
		if selfOnly(k, fm.lemmas) {
			continue
		}
		for _, l := range fm.lemmas {
			count[ruleFor(k, l)]++
		}
	}
	rules := make([]lemmaRule, 0, len(count))
	for r := range count {
		rules = append(rules, r)
	}
	sort.Slice(rules, func(i, j int) bool {
		a, b := rules[i], rules[j]
		if count[a] != count[b] {
			return count[a] > count[b]
		}
		if a.strip != b.strip {
			return a.strip < b.strip
		}
		return a.add < b.add
	})
	index := make(map[lemmaRule]int, len(rules))
	for i, r := range rules {
		index[r] = i
	}

	var buf bytes.Buffer
	buf.WriteString(dutchMagic)
	tmp := make([]byte, binary.MaxVarintLen64)
	uv := func(n int) {
		buf.Write(tmp[:binary.PutUvarint(tmp, uint64(n))])
	}
	uv(len(rules))
	for _, r := range rules {
		uv(r.strip)
		uv(len(r.add))
		buf.WriteString(r.add)
	}
	// Sizes first, so that the reader allocates once.
	total, refs := 0, 0
	for _, k := range keys {
		total += len(k)
		if !selfOnly(k, forms[k].lemmas) {
			refs += len(forms[k].lemmas)
		}
	}
	uv(len(keys))
	uv(total)
	uv(refs)
	prev := ""
	for _, k := range keys {
		fm := forms[k]
		shared := 0
		for shared < len(prev) && shared < len(k) && prev[shared] == k[shared] {
			shared++
		}
		uv(shared)
		uv(len(k) - shared)
		buf.WriteString(k[shared:])
		attrs := fm.attrs
		self := selfOnly(k, fm.lemmas)
		if !self {
			attrs |= attrLemmas
		}
		buf.WriteByte(attrs)
		if !self {
			uv(len(fm.lemmas))
			for _, l := range fm.lemmas {
				uv(index[ruleFor(k, l)])
			}
		}
		prev = k
	}
	return buf.Bytes(), encodeStats{rules: len(rules)}
}

func selfOnly(k string, lemmas []string) bool {
	return len(lemmas) == 0 || len(lemmas) == 1 && lemmas[0] == k
}

// encodeBilingual writes "english<TAB>dutch<TAB>dutch…" lines in byte order
// of the English.
func encodeBilingual(m map[string][]string) []byte {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var buf bytes.Buffer
	buf.WriteString("# English → Dutch from FreeDict eng-nld and nld-eng (GPL-2.0-or-later); see LICENSES.md.\n")
	for _, k := range keys {
		buf.WriteString(k)
		for _, v := range m[k] {
			buf.WriteByte('\t')
			buf.WriteString(v)
		}
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

// writeGzip compresses deterministically: no name, no time stamp.
func writeGzip(path string, data []byte) error {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(data); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}
