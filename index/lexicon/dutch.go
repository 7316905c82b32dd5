package lexicon

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
)

// nlData is data/nl.lex.gz, written by internal/lexgen. Uncompressed:
//
//	"wieiswie nl lexicon 2\n"
//	uvarint R, then R lemma rules: uvarint strip, uvarint len(add), add
//	uvarint N forms, uvarint their total length, uvarint lemma references
//	then the N forms in byte order, each: uvarint bytes shared with the
//	previous form, uvarint len(rest), rest, an attribute byte, and when
//	it has attrLemmas: uvarint count, count × uvarint rule
//
// A rule makes a lemma of a form: drop strip bytes from its end and
// append add. A form without attrLemmas is its own only lemma.
//
//go:embed data/nl.lex.gz
var nlData []byte

//go:embed data/particles.txt
var particlesData string

const dutchMagic = "wieiswie nl lexicon 2\n"

// Form attributes, as internal/lexgen writes them.
const (
	attrWord      = 1 << 0 // a word on its own, not only inside compounds
	attrBegin     = 1 << 1 // may begin a compound (Hunspell COMPOUNDBEGIN)
	attrMiddle    = 1 << 2 // may stand inside a compound (COMPOUNDMIDDLE)
	attrEnd       = 1 << 3 // may end a compound (COMPOUNDEND)
	attrProper    = 1 << 4 // only spelt with capitals: a name, an abbreviation
	attrForbidden = 1 << 5 // a known wrong compound (FORBIDDENWORD)
	attrHunspell  = 1 << 6 // explained by the affix rules, not only listed
	attrLemmas    = 1 << 7 // has a lemma list
)

type lemmaRule struct {
	strip int
	add   string
}

// Lexicon is the Dutch lexicon: about 455,000 folded word forms of the
// OpenTaal dictionary and word list, each with its lemmas and what it may
// be in a compound. Construct it with Dutch.
//
// The forms stay in the sorted order the data has them in, found by a
// binary search within the bucket of their first three letters (some 25
// forms): unlike a hash table, this costs nothing to build at start-up
// and a few hundred nanoseconds a look-up.
type Lexicon struct {
	blob   []byte   // every form, concatenated in byte order
	starts []uint32 // form i is blob[starts[i]:starts[i+1]]
	attrs  []uint8
	// The lemma rules of form i are refs[lemmaAt[i]:lemmaAt[i+1]].
	lemmaAt []uint32
	refs    []uint16
	rules   []lemmaRule
	buckets []uint32 // forms in bucket b are [buckets[b], buckets[b+1])

	particles map[string]bool
}

// Dutch parses the embedded Dutch lexicon. It costs some 50–80 ms and
// keeps about 10 MB of heap, so a program makes one and keeps it.
func Dutch() (*Lexicon, error) {
	return parseDutch(nlData, particlesData)
}

func parseDutch(gz []byte, particles string) (*Lexicon, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	// The uncompressed size is in the gzip trailer; reading into a buffer
	// of that size saves the copies of a growing one.
	size := 0
	if len(gz) >= 4 {
		size = int(binary.LittleEndian.Uint32(gz[len(gz)-4:]))
	}
	if size > 64<<20 {
		return nil, fmt.Errorf("lexicon: %w", errCorrupt)
	}
	buf := bytes.NewBuffer(make([]byte, 0, size+bytes.MinRead))
	if _, err := buf.ReadFrom(zr); err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	lx, err := decodeDutch(buf.Bytes())
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	lx.particles = parseParticles(particles)
	return lx, nil
}

var errCorrupt = errors.New("corrupt Dutch data")

type reader struct {
	b   []byte
	err error
}

func (r *reader) uvarint() int {
	if len(r.b) > 0 && r.b[0] < 0x80 { // the common one-byte case
		v := r.b[0]
		r.b = r.b[1:]
		return int(v)
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 || v > 1<<31 {
		r.err = errCorrupt
		r.b = nil
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

func (r *reader) bytes(n int) []byte {
	if n > len(r.b) {
		r.err = errCorrupt
		r.b = nil
		return nil
	}
	s := r.b[:n]
	r.b = r.b[n:]
	return s
}

func decodeDutch(data []byte) (*Lexicon, error) {
	if !bytes.HasPrefix(data, []byte(dutchMagic)) {
		return nil, errCorrupt
	}
	r := &reader{b: data[len(dutchMagic):]}
	nr := r.uvarint()
	if nr > 1<<16 || r.err != nil {
		return nil, errCorrupt
	}
	lx := &Lexicon{rules: make([]lemmaRule, nr)}
	for i := range lx.rules {
		strip := r.uvarint()
		add := r.bytes(r.uvarint())
		lx.rules[i] = lemmaRule{strip: strip, add: string(add)}
	}
	n, total, nrefs := r.uvarint(), r.uvarint(), r.uvarint()
	if r.err != nil || n > len(r.b) || total > 8*len(data) || nrefs > len(r.b) {
		return nil, errCorrupt
	}
	blob := make([]byte, 0, total)
	lx.starts = make([]uint32, n+1)
	lx.attrs = make([]uint8, n)
	lx.lemmaAt = make([]uint32, n+1)
	lx.refs = make([]uint16, 0, nrefs)
	prev := 0 // start of the previous form in blob
	for i := 0; i < n; i++ {
		shared := r.uvarint()
		rest := r.bytes(r.uvarint())
		if r.err != nil || shared > len(blob)-prev || len(blob)+shared+len(rest) > total || len(r.b) == 0 {
			return nil, errCorrupt
		}
		start := len(blob)
		blob = append(blob, blob[prev:prev+shared]...)
		blob = append(blob, rest...)
		prev = start
		lx.starts[i] = uint32(start)
		a := r.b[0]
		r.b = r.b[1:]
		lx.attrs[i] = a
		lx.lemmaAt[i] = uint32(len(lx.refs))
		if a&attrLemmas != 0 {
			c := r.uvarint()
			for j := 0; j < c && r.err == nil; j++ {
				k := r.uvarint()
				if k >= nr || len(lx.refs) == nrefs {
					return nil, errCorrupt
				}
				lx.refs = append(lx.refs, uint16(k))
			}
		}
	}
	if r.err != nil || len(r.b) != 0 {
		return nil, errCorrupt
	}
	lx.starts[n] = uint32(len(blob))
	lx.lemmaAt[n] = uint32(len(lx.refs))
	lx.blob = blob
	if err := lx.buildBuckets(); err != nil {
		return nil, err
	}
	return lx, nil
}

// numBuckets is one bucket for every string of up to three letters a–z,
// a missing letter counting as the one before a.
const numBuckets = 27 * 27 * 27

func bucketOf(w []byte) int {
	b := 0
	for i := 0; i < 3; i++ {
		b *= 27
		if i < len(w) {
			b += int(w[i]-'a') + 1
		}
	}
	return b
}

// buildBuckets records where each bucket starts; forms in byte order are
// in bucket order too, and must be (a form outside a–z is corrupt data).
func (lx *Lexicon) buildBuckets() error {
	lx.buckets = make([]uint32, numBuckets+1)
	next := 0 // the first bucket whose start is not yet known
	n := len(lx.attrs)
	for i := 0; i < n; i++ {
		f := lx.blob[lx.starts[i]:lx.starts[i+1]]
		if !isFolded(string(f)) {
			return errCorrupt
		}
		b := bucketOf(f)
		if b < next-1 {
			return errCorrupt // not in order
		}
		for ; next <= b; next++ {
			lx.buckets[next] = uint32(i)
		}
	}
	for ; next <= numBuckets; next++ {
		lx.buckets[next] = uint32(n)
	}
	return nil
}

// find returns the index of form w, or -1.
func (lx *Lexicon) find(w string) int {
	if lx == nil || len(lx.buckets) == 0 || !isFolded(w) {
		return -1
	}
	b := bucketOf([]byte(w[:min(3, len(w))]))
	lo, hi := int(lx.buckets[b]), int(lx.buckets[b+1])
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if string(lx.blob[lx.starts[mid]:lx.starts[mid+1]]) < w {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(lx.attrs) && string(lx.blob[lx.starts[lo]:lx.starts[lo+1]]) == w {
		return lo
	}
	return -1
}

// form returns form i; it allocates, for tests and tools.
func (lx *Lexicon) form(i int) string {
	return string(lx.blob[lx.starts[i]:lx.starts[i+1]])
}

func (lx *Lexicon) attr(w string) uint8 {
	if i := lx.find(w); i >= 0 {
		return lx.attrs[i]
	}
	return 0
}

// Len returns the number of forms the lexicon knows, words and forms that
// occur only inside compounds (veiligheids-) alike.
func (lx *Lexicon) Len() int { return len(lx.attrs) }

// IsWord reports whether w, folded, is a Dutch word form: a lemma or an
// inflection of one ("klachten", "behandelt"), or a compound the word
// list has. Forms that only occur inside compounds ("veiligheids"), names
// and abbreviations count too when they are words on their own.
func (lx *Lexicon) IsWord(w string) bool {
	return lx.attr(w)&attrWord != 0
}

// IsProperNoun reports whether the dictionary writes w (folded) only with a
// capital: a place, a person's name, an abbreviation ("leuven", "jan").
func (lx *Lexicon) IsProperNoun(w string) bool {
	return lx.attr(w)&attrProper != 0
}

// Lemmas returns the dictionary lemmas of w: its singular for a noun
// ("klachten" → "klacht", "gemeenten" → "gemeente"), its infinitive for a
// verb form ("behandelt" → "behandelen", "coordineert" → "coordineren"),
// its base for an adjective; w itself first when it is a lemma too
// ("schepen" is the alderman and the verb). A word the lexicon does not
// have is lemmatised by its head, the last part of its Split:
// "informatieveiligheidsadviseurs" → "informatieveiligheidsadviseur".
// Lemmas returns nil for a word it cannot analyse. A form that occurs
// only inside compounds has the lemma of its word: veiligheids-,
// veiligheid.
//
// What the dictionary lists without a link to its lemma is its own
// lemma: the past tense and participle of irregular verbs (nam, genomen,
// zat), and plurals with another vowel (steden, leden).
//
// The order: noun and adjective readings first, then verb readings, the
// form itself first among each ("kaarten" gives kaart, then kaarten).
func (lx *Lexicon) Lemmas(w string) []string {
	if i := lx.find(w); i >= 0 && lx.attrs[i]&(attrWord|attrBegin|attrMiddle) != 0 {
		return lx.lemmasOf(i, w, "")
	}
	parts := lx.split(w, false)
	if len(parts) < 2 {
		return nil
	}
	head := parts[len(parts)-1]
	i := lx.find(w[head.start:])
	if i < 0 {
		return nil
	}
	return lx.lemmasOf(i, w[head.start:], w[:head.start])
}

// lemmasOf applies the lemma rules of form i (spelt w) and puts prefix in
// front of each lemma.
func (lx *Lexicon) lemmasOf(i int, w, prefix string) []string {
	refs := lx.refs[lx.lemmaAt[i]:lx.lemmaAt[i+1]]
	if len(refs) == 0 {
		return []string{prefix + w}
	}
	out := make([]string, 0, len(refs))
	for _, k := range refs {
		r := lx.rules[k]
		if r.strip > len(w) {
			continue
		}
		out = append(out, prefix+w[:len(w)-r.strip]+r.add)
	}
	return out
}

// hasLemma reports whether lemma is among the lemmas of the known form w.
func (lx *Lexicon) hasLemma(w, lemma string) bool {
	i := lx.find(w)
	if i < 0 {
		return false
	}
	for _, l := range lx.lemmasOf(i, w, "") {
		if l == lemma {
			return true
		}
	}
	return false
}

func parseParticles(s string) map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Split(s, "\n") {
		if i := strings.IndexByte(l, '#'); i >= 0 {
			l = l[:i]
		}
		if l = strings.TrimSpace(l); l != "" {
			m[l] = true
		}
	}
	return m
}
