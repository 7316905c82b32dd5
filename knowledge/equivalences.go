package knowledge

import (
	"bufio"
	_ "embed"
	"io"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The lists ship inside the binary and stay editable without Go: one group of
// equivalent terms a line, separated by "=", the preferred term first.
var (
	//go:embed data/roles.txt
	rolesTxt string
	//go:embed data/words.txt
	wordsTxt string
)

// Equivalences is a list of groups of terms that mean the same thing: role
// titles and their old names ("algemeen directeur = gemeentesecretaris"), or
// everyday and English words ("mayor = burgemeester"). Terms are compared
// folded (see Fold), so "OCMW-secretaris" and "ocmw secretaris" are one term.
type Equivalences struct {
	groups [][]string
	byTerm map[string]int // folded term → index in groups
}

// DefaultRoles returns the role-title equivalences that ship with wieiswie:
// one list, parsed once, shared by linking and by the index. It is never
// changed after parsing.
func DefaultRoles() *Equivalences { return defaultRoles() }

// DefaultWords returns the word equivalences (everyday words, English) that
// ship with wieiswie, likewise parsed once.
func DefaultWords() *Equivalences { return defaultWords() }

var (
	defaultRoles = sync.OnceValue(func() *Equivalences {
		e, _ := ParseEquivalences("roles.txt", strings.NewReader(rolesTxt))
		return e
	})
	defaultWords = sync.OnceValue(func() *Equivalences {
		e, _ := ParseEquivalences("words.txt", strings.NewReader(wordsTxt))
		return e
	})
)

// ParseEquivalences reads one group a line ("a = b = c"); "#" starts a
// comment. A bad line is reported and skipped, never fatal: a typo in the
// list must not stop the bot from answering.
func ParseEquivalences(name string, r io.Reader) (*Equivalences, []Problem) {
	e := &Equivalences{byTerm: map[string]int{}}
	var problems []Problem
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		text, _, _ := strings.Cut(sc.Text(), "#")
		if strings.TrimSpace(text) == "" {
			continue
		}
		var terms []string
		bad := false
		for _, t := range strings.Split(text, "=") {
			t = strings.Join(strings.Fields(t), " ")
			if Fold(t) == "" {
				bad = true
				break
			}
			terms = append(terms, t)
		}
		switch {
		case bad:
			problems = append(problems, Problem{File: name, Line: line, Message: "empty term in equivalence; line skipped"})
		case len(terms) < 2:
			problems = append(problems, Problem{File: name, Line: line, Message: `want at least two terms separated by "="; line skipped`})
		default:
			e.add(terms...)
		}
	}
	if err := sc.Err(); err != nil {
		problems = append(problems, Problem{File: name, Message: "onleesbaar: " + cause(err)})
	}
	return e, problems
}

// add makes terms equivalent, merging with any group that already holds one
// of them. Only parsing adds: a list, once made, is never changed, so the
// shipped lists can be shared.
func (e *Equivalences) add(terms ...string) {
	target := -1
	for _, t := range terms {
		if i, ok := e.byTerm[Fold(t)]; ok {
			target = i
			break
		}
	}
	if target < 0 {
		target = len(e.groups)
		e.groups = append(e.groups, nil)
	}
	for _, t := range terms {
		f := Fold(t)
		if f == "" {
			continue
		}
		if i, ok := e.byTerm[f]; ok && i != target {
			// Merge the other group into target.
			for _, o := range e.groups[i] {
				e.byTerm[Fold(o)] = target
			}
			e.groups[target] = append(e.groups[target], e.groups[i]...)
			e.groups[i] = nil
			continue
		}
		if _, ok := e.byTerm[f]; !ok {
			e.byTerm[f] = target
			e.groups[target] = append(e.groups[target], t)
		}
	}
}

// Group returns every term equivalent to term, the preferred one first, or
// nil when term is not in the list.
func (e *Equivalences) Group(term string) []string {
	if e == nil {
		return nil
	}
	if i, ok := e.byTerm[Fold(term)]; ok {
		return e.groups[i]
	}
	return nil
}

// Canonical returns the preferred term of term's group, folded; for a term
// not in the list, the folded term itself. Two titles mean the same role
// exactly when their canonical forms are equal.
func (e *Equivalences) Canonical(term string) string {
	if g := e.Group(term); g != nil {
		return Fold(g[0])
	}
	return Fold(term)
}

// Memo returns f with its results remembered, for a loop over thousands of
// documents whose titles and organisations repeat. Not safe for concurrent
// use.
func Memo(f func(string) string) func(string) string {
	seen := map[string]string{}
	return func(s string) string {
		r, ok := seen[s]
		if !ok {
			r = f(s)
			seen[s] = r
		}
		return r
	}
}

// Groups returns all groups, for query expansion and for listing.
func (e *Equivalences) Groups() [][]string {
	if e == nil {
		return nil
	}
	out := make([][]string, 0, len(e.groups))
	for _, g := range e.groups {
		if len(g) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// Fold lowercases s, strips diacritics (financiën → financien), writes the
// ligature ĳ as "ij", turns
// hyphens, slashes and other punctuation into spaces and collapses white
// space, so titles written in different hands compare equal.
func Fold(s string) string {
	if folded, ok := foldASCII(s); ok {
		return folded
	}
	return foldUnicode(s)
}

func foldUnicode(s string) string {
	var b strings.Builder
	space := true
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'ĳ' || r == 'Ĳ': // the Dutch ligature, typed as "ij"
			b.WriteString("ij")
			space = false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	return strings.TrimSpace(b.String())
}

// foldASCII is Fold for the common case of plain ASCII, without the
// Unicode normalisation (a tenth of start-up at 100,000 documents); ok is
// false when s holds anything else. Text that is folded already comes back
// as it is, without a copy.
func foldASCII(s string) (string, bool) {
	same := true // s is folded already
	space := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			return "", false
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			space = false
		case c == ' ' && !space:
			space = true
		default:
			same = false
		}
	}
	if same && !space || s == "" {
		return s, true
	}
	if same && space { // only a trailing space too many
		return s[:len(s)-1], true
	}
	b := make([]byte, 0, len(s))
	space = true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			b = append(b, c+'a'-'A')
			space = false
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			b = append(b, c)
			space = false
		case !space:
			b = append(b, ' ')
			space = true
		}
	}
	if len(b) > 0 && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	return string(b), true
}
