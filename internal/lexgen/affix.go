package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"
)

// affixFile is the part of a Hunspell .aff file that lexgen needs: the
// prefix and suffix classes and the flags that steer compounding. Hunspell
// has many more options (REP, MAP, COMPOUNDRULE, CHECKCOMPOUNDPATTERN, …);
// they matter for spelling suggestions and for checking compounds exactly,
// not for listing word forms and their lemmas.
type affixFile struct {
	longFlags bool // FLAG long: every flag is two characters
	classes   map[string]*affixClass

	compoundBegin  string
	compoundMiddle string
	compoundEnd    string
	compoundPermit string
	onlyInCompound string
	forbidden      string
	keepCase       string
}

// affixClass is one PFX or SFX flag with its rules.
type affixClass struct {
	flag   string
	prefix bool
	cross  bool // may combine with an affix of the other kind
	rules  []affixRule
}

// affixRule is one line "SFX flag strip add[/flags] condition".
type affixRule struct {
	strip string
	add   string
	cont  []string // continuation flags of the affixed form
	cond  condition
	tags  []string // morphological fields such as "ts:VB3"
}

// condition is a Hunspell affix condition, a sequence of characters and
// bracketed character sets that the end (suffixes) or start (prefixes) of
// the stem must match.
type condition []condElem

type condElem struct {
	any    bool
	negate bool
	chars  []rune
}

func parseCondition(s string) (condition, error) {
	if s == "." || s == "" {
		return nil, nil
	}
	var c condition
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		switch rs[i] {
		case '.':
			c = append(c, condElem{any: true})
		case '[':
			j := i + 1
			e := condElem{}
			if j < len(rs) && rs[j] == '^' {
				e.negate = true
				j++
			}
			for j < len(rs) && rs[j] != ']' {
				e.chars = append(e.chars, rs[j])
				j++
			}
			if j == len(rs) {
				return nil, fmt.Errorf("unclosed [ in condition %q", s)
			}
			c = append(c, e)
			i = j
		default:
			c = append(c, condElem{chars: []rune{rs[i]}})
		}
	}
	return c, nil
}

func (e condElem) match(r rune) bool {
	if e.any {
		return true
	}
	in := false
	for _, c := range e.chars {
		if c == r {
			in = true
			break
		}
	}
	return in != e.negate
}

// matchEnd reports whether the last runes of word match c.
func (c condition) matchEnd(word []rune) bool {
	if len(c) > len(word) {
		return false
	}
	off := len(word) - len(c)
	for i, e := range c {
		if !e.match(word[off+i]) {
			return false
		}
	}
	return true
}

// matchStart reports whether the first runes of word match c.
func (c condition) matchStart(word []rune) bool {
	if len(c) > len(word) {
		return false
	}
	for i, e := range c {
		if !e.match(word[i]) {
			return false
		}
	}
	return true
}

// splitFlags cuts a flag field into flags, two characters each with FLAG
// long, one character otherwise.
func (a *affixFile) splitFlags(s string) []string {
	if s == "" {
		return nil
	}
	if !a.longFlags {
		out := make([]string, 0, len(s))
		for _, r := range s {
			out = append(out, string(r))
		}
		return out
	}
	rs := []rune(s)
	out := make([]string, 0, len(rs)/2)
	for i := 0; i+1 < len(rs); i += 2 {
		out = append(out, string(rs[i:i+2]))
	}
	return out
}

func readAffixFile(path string) (*affixFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	a, err := parseAffix(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return a, nil
}

func parseAffix(r io.Reader) (*affixFile, error) {
	a := &affixFile{classes: map[string]*affixClass{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if i := strings.Index(text, "#"); i == 0 {
			continue
		}
		fields := strings.Fields(text)
		if len(fields) == 0 {
			continue
		}
		switch fields[0] {
		case "FLAG":
			if len(fields) > 1 && fields[1] == "long" {
				a.longFlags = true
			} else if len(fields) > 1 {
				return nil, fmt.Errorf("line %d: FLAG %s is not supported", line, fields[1])
			}
		case "COMPOUNDBEGIN":
			a.compoundBegin = arg(fields)
		case "COMPOUNDMIDDLE":
			a.compoundMiddle = arg(fields)
		case "COMPOUNDEND":
			a.compoundEnd = arg(fields)
		case "COMPOUNDPERMITFLAG":
			a.compoundPermit = arg(fields)
		case "ONLYINCOMPOUND":
			a.onlyInCompound = arg(fields)
		case "FORBIDDENWORD":
			a.forbidden = arg(fields)
		case "KEEPCASE":
			a.keepCase = arg(fields)
		case "AF", "AM":
			return nil, fmt.Errorf("line %d: flag aliases (%s) are not supported", line, fields[0])
		case "PFX", "SFX":
			if len(fields) < 4 {
				return nil, fmt.Errorf("line %d: short affix line %q", line, text)
			}
			flag := fields[1]
			cl := a.classes[flag]
			if cl == nil {
				// The header: "SFX flag Y|N count".
				if _, err := strconv.Atoi(fields[3]); err != nil {
					return nil, fmt.Errorf("line %d: affix header %q", line, text)
				}
				a.classes[flag] = &affixClass{flag: flag, prefix: fields[0] == "PFX", cross: fields[2] == "Y"}
				continue
			}
			rule, err := a.parseRule(fields)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", line, err)
			}
			cl.rules = append(cl.rules, rule)
		}
	}
	return a, sc.Err()
}

func arg(fields []string) string {
	if len(fields) < 2 {
		return ""
	}
	return fields[1]
}

func (a *affixFile) parseRule(fields []string) (affixRule, error) {
	var r affixRule
	r.strip = fields[2]
	if r.strip == "0" {
		r.strip = ""
	}
	add := fields[3]
	if i := strings.IndexByte(add, '/'); i >= 0 {
		r.cont = a.splitFlags(add[i+1:])
		add = add[:i]
	}
	if add == "0" {
		add = ""
	}
	r.add = add
	cond := "."
	rest := fields[4:]
	if len(rest) > 0 && !strings.Contains(rest[0], ":") {
		cond, rest = rest[0], rest[1:]
	}
	for _, f := range rest {
		if strings.Contains(f, ":") {
			r.tags = append(r.tags, f)
		}
	}
	c, err := parseCondition(cond)
	if err != nil {
		return r, err
	}
	r.cond = c
	if !utf8.ValidString(r.add) || !utf8.ValidString(r.strip) {
		return r, fmt.Errorf("invalid UTF-8 in rule %q", strings.Join(fields, " "))
	}
	return r, nil
}

// dicEntry is one line of a .dic file: a stem and its flags.
type dicEntry struct {
	word  string
	flags []string
}

func readDic(path string, a *affixFile) ([]dicEntry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	var out []dicEntry
	first := true
	for sc.Scan() {
		text := sc.Text()
		if first {
			first = false
			if _, err := strconv.Atoi(strings.TrimSpace(text)); err == nil {
				continue // the approximate entry count
			}
		}
		// Morphological fields and remarks follow a tab.
		if i := strings.IndexByte(text, '\t'); i >= 0 {
			text = text[:i]
		}
		text = strings.TrimSpace(text)
		if text == "" {
			continue
		}
		word, flags := text, ""
		// A slash that is not escaped separates the flags.
		for i := 0; i < len(text); i++ {
			if text[i] == '\\' {
				i++
				continue
			}
			if text[i] == '/' && i > 0 {
				word, flags = text[:i], text[i+1:]
				break
			}
		}
		word = strings.ReplaceAll(word, `\/`, "/")
		out = append(out, dicEntry{word: word, flags: a.splitFlags(flags)})
	}
	return out, sc.Err()
}
