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
// The forms stay in the sorted, front-coded order the data has them in
// (see data), found by a binary search over the blocks of eight forms in
// the bucket of their first three letters (some 25 forms), then a walk
// through one block: unlike a hash table, this costs nothing to build at
// start-up and a few hundred nanoseconds a look-up. Kept front-coded, the
// lexicon takes 4.1 MB of heap; with every form spelt out and two offsets
// each it took 9.5 MB, in every process that answers questions, for as
// long as it runs.
type Lexicon struct {
	// data holds every form in byte order, each as: a byte counting the
	// bytes it shares with the form before, one for the length of the
	// rest, the rest, the attribute byte, and when that has attrLemmas,
	// a byte counting its lemma rules and each rule as two bytes, little
	// endian. The first form of each block shares nothing.
	data    []byte
	blocks  []uint32 // block b (forms b*blockSize…) starts at data[blocks[b]]
	n       int      // the number of forms
	rules   []lemmaRule
	buckets []uint32 // forms in bucket b are [buckets[b], buckets[b+1])

	particles map[string]bool
}

// blockSize is how many forms a look-up may have to decode: a smaller
// block costs an offset per block, a larger one more decoding.
const blockSize = 8

// maxForm is the longest form the lexicon takes, in bytes: a look-up
// rebuilds forms in a buffer of this size on the stack.
const maxForm = 255

// Dutch parses the embedded Dutch lexicon. It costs some 50–80 ms and
// keeps about 3.5 MB of heap, so a program makes one and keeps it.
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

// decodeDutch checks data and keeps its forms as they are, front-coded,
// but for the first of each block, which it writes out whole.
func decodeDutch(data []byte) (*Lexicon, error) {
	if !bytes.HasPrefix(data, []byte(dutchMagic)) {
		return nil, errCorrupt
	}
	r := &reader{b: data[len(dutchMagic):]}
	nr := r.uvarint()
	if nr > 1<<16 || r.err != nil { // a rule is two bytes
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
	lx.n = n
	lx.blocks = make([]uint32, 0, (n+blockSize-1)/blockSize)
	lx.buckets = make([]uint32, numBuckets+1)
	// What follows is the forms about as they will be kept: each rule
	// takes two bytes instead of one or two, and a block's first form is
	// written out whole.
	out := make([]byte, 0, len(r.b)+nrefs+(n/blockSize+1)*12)
	var form [maxForm]byte
	size := 0 // len of the previous form, in form
	next := 0 // the first bucket whose start is not yet known
	refs := 0 // lemma references read
	for i := 0; i < n; i++ {
		shared := r.uvarint()
		rest := r.bytes(r.uvarint())
		if r.err != nil || shared > size || shared+len(rest) > maxForm || len(r.b) == 0 {
			return nil, errCorrupt
		}
		copy(form[shared:], rest)
		size = shared + len(rest)
		f := form[:size]
		if !isFolded(string(f)) {
			return nil, errCorrupt
		}
		b := bucketOf(string(f))
		if b < next-1 {
			return nil, errCorrupt // not in order
		}
		for ; next <= b; next++ {
			lx.buckets[next] = uint32(i)
		}
		if i%blockSize == 0 {
			lx.blocks = append(lx.blocks, uint32(len(out)))
			out = append(out, 0, byte(size))
			out = append(out, f...)
		} else {
			out = append(out, byte(shared), byte(len(rest)))
			out = append(out, rest...)
		}
		a := r.b[0]
		r.b = r.b[1:]
		out = append(out, a)
		if a&attrLemmas != 0 {
			c := r.uvarint()
			if r.err != nil || c > nrefs-refs || c > 255 {
				return nil, errCorrupt
			}
			out = append(out, byte(c))
			for j := 0; j < c && r.err == nil; j++ {
				k := r.uvarint()
				if k >= nr {
					return nil, errCorrupt
				}
				out = binary.LittleEndian.AppendUint16(out, uint16(k))
			}
			refs += c
		}
	}
	if r.err != nil || len(r.b) != 0 {
		return nil, errCorrupt
	}
	for ; next <= numBuckets; next++ {
		lx.buckets[next] = uint32(n)
	}
	lx.data = out
	if cap(out)-len(out) > len(out)/64 {
		lx.data = append([]byte(nil), out...) // kept for as long as the program runs
	}
	return lx, nil
}

// numBuckets is one bucket for every string of up to three letters a–z,
// a missing letter counting as the one before a.
const numBuckets = 27 * 27 * 27

func bucketOf(w string) int {
	b := 0
	for i := 0; i < 3; i++ {
		b *= 27
		if i < len(w) {
			b += int(w[i]-'a') + 1
		}
	}
	return b
}

// entry is what the lexicon holds of one form.
type entry struct {
	attr uint8
	// lemmas is where the form's lemma rules are in data (their count,
	// then the rules); 0 when it has none of its own.
	lemmas int
}

// head returns the first form of block b, without copying it.
func (lx *Lexicon) head(b int) []byte {
	i := int(lx.blocks[b])
	return lx.data[i+2 : i+2+int(lx.data[i+1])]
}

// skip returns the entry of the form whose attribute byte is at
// data[i], and the offset of the form after it.
func (lx *Lexicon) skip(i int) (entry, int) {
	e := entry{attr: lx.data[i]}
	i++
	if e.attr&attrLemmas != 0 {
		e.lemmas = i
		i += 1 + 2*int(lx.data[i])
	}
	return e, i
}

// find returns the entry of form w, and whether the lexicon has it.
func (lx *Lexicon) find(w string) (entry, bool) {
	if lx == nil || len(lx.buckets) == 0 || !isFolded(w) {
		return entry{}, false
	}
	b := bucketOf(w)
	lo, hi := int(lx.buckets[b]), int(lx.buckets[b+1])
	if lo >= hi {
		return entry{}, false
	}
	// The last block of the bucket's forms whose first form is not
	// after w: w is there if anywhere.
	first, last := lo/blockSize, (hi-1)/blockSize
	for first < last {
		mid := int(uint(first+last+1) >> 1)
		if string(lx.head(mid)) <= w {
			first = mid
		} else {
			last = mid - 1
		}
	}
	// Walk the block without spelling its forms out: every form passed
	// is before w, and m is the length of the prefix the last one shares
	// with w. A form that shares more than m with it is before w too,
	// since it differs from w where that one did, the same way.
	m := 0
	i := int(lx.blocks[first])
	for k := first * blockSize; k < min(lx.n, (first+1)*blockSize); k++ {
		shared, size := int(lx.data[i]), int(lx.data[i+1])
		rest := lx.data[i+2 : i+2+size]
		e, next := lx.skip(i + 2 + size)
		i = next
		if shared > m {
			continue
		}
		// The form is w[:shared] + rest.
		c := 0
		for c < len(rest) && shared+c < len(w) && rest[c] == w[shared+c] {
			c++
		}
		switch {
		case c == len(rest) && shared+c == len(w):
			return e, true
		case shared+c == len(w), c < len(rest) && rest[c] > w[shared+c]:
			return entry{}, false // past w
		}
		m = shared + c
	}
	return entry{}, false
}

// each calls fn with every form in order and its attributes; it
// allocates, for tests and tools.
func (lx *Lexicon) each(fn func(form string, attr uint8)) {
	var form [maxForm]byte
	i := 0
	for k := 0; k < lx.n; k++ {
		shared, size := int(lx.data[i]), int(lx.data[i+1])
		copy(form[shared:], lx.data[i+2:i+2+size])
		e, next := lx.skip(i + 2 + size)
		i = next
		fn(string(form[:shared+size]), e.attr)
	}
}

func (lx *Lexicon) attr(w string) uint8 {
	e, _ := lx.find(w)
	return e.attr
}

// Len returns the number of forms the lexicon knows, words and forms that
// occur only inside compounds (veiligheids-) alike.
func (lx *Lexicon) Len() int { return lx.n }

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
	if e, ok := lx.find(w); ok && e.attr&(attrWord|attrBegin|attrMiddle) != 0 {
		return lx.lemmasOf(e, w, "")
	}
	parts := lx.split(w, false)
	if len(parts) < 2 {
		return nil
	}
	head := parts[len(parts)-1]
	e, ok := lx.find(w[head.start:])
	if !ok {
		return nil
	}
	return lx.lemmasOf(e, w[head.start:], w[:head.start])
}

// lemmasOf applies the lemma rules of the entry of form w and puts prefix
// in front of each lemma.
func (lx *Lexicon) lemmasOf(e entry, w, prefix string) []string {
	if e.lemmas == 0 {
		return []string{prefix + w}
	}
	c := int(lx.data[e.lemmas])
	if c == 0 {
		return []string{prefix + w}
	}
	out := make([]string, 0, c)
	for j := 0; j < c; j++ {
		r := lx.rules[binary.LittleEndian.Uint16(lx.data[e.lemmas+1+2*j:])]
		if r.strip > len(w) {
			continue
		}
		out = append(out, prefix+w[:len(w)-r.strip]+r.add)
	}
	return out
}

// hasLemma reports whether lemma is among the lemmas of the known form w.
func (lx *Lexicon) hasLemma(w, lemma string) bool {
	e, ok := lx.find(w)
	if !ok {
		return false
	}
	for _, l := range lx.lemmasOf(e, w, "") {
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
