package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// dictdEntry is one headword of a dictd database and its definition text.
type dictdEntry struct {
	head string
	text string
}

// readDictd reads a dictd database (prefix.index and prefix.dict.dz, the
// latter a gzip stream that dictzip makes seekable) in index order.
func readDictd(prefix string) ([]dictdEntry, error) {
	f, err := os.Open(prefix + ".dict.dz")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s.dict.dz: %w", prefix, err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%s.dict.dz: %w", prefix, err)
	}
	idx, err := os.ReadFile(prefix + ".index")
	if err != nil {
		return nil, err
	}
	var out []dictdEntry
	sc := bufio.NewScanner(bytes.NewReader(idx))
	for sc.Scan() {
		parts := strings.Split(sc.Text(), "\t")
		if len(parts) < 3 {
			continue
		}
		if strings.HasPrefix(parts[0], "00database") || strings.HasPrefix(parts[0], "00-database") {
			continue
		}
		off, err1 := dictdNumber(parts[1])
		n, err2 := dictdNumber(parts[2])
		if err1 != nil || err2 != nil || off+n > len(data) {
			return nil, fmt.Errorf("%s.index: bad line %q", prefix, sc.Text())
		}
		out = append(out, dictdEntry{head: parts[0], text: string(data[off : off+n])})
	}
	return out, sc.Err()
}

// dictdNumber decodes dictd's base-64 numbers (A–Z a–z 0–9 + /, most
// significant digit first).
func dictdNumber(s string) (int, error) {
	const digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	n := 0
	for _, c := range s {
		d := strings.IndexRune(digits, c)
		if d < 0 {
			return 0, fmt.Errorf("bad dictd number %q", s)
		}
		n = n*64 + d
	}
	return n, nil
}

// senses splits a FreeDict definition into its headword line and its
// translations in order: "mayor /mɛər/\n1. burgemeester, burgervader\n2. …"
// gives "mayor" and [burgemeester burgervader …].
func senses(text string) (head string, trans []string) {
	lines := strings.Split(strings.TrimSpace(text), "\n")
	if len(lines) == 0 {
		return "", nil
	}
	head = lines[0]
	if i := strings.Index(head, " /"); i >= 0 {
		head = head[:i]
	}
	for _, l := range lines[1:] {
		l = strings.TrimSpace(l)
		// "1. burgemeester" — drop the sense number.
		if i := strings.Index(l, ". "); i > 0 && i <= 3 && isDigits(l[:i]) {
			l = l[i+2:]
		}
		for _, t := range strings.Split(l, ",") {
			if t = strings.TrimSpace(t); t != "" {
				trans = append(trans, t)
			}
		}
	}
	return strings.TrimSpace(head), trans
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// cleanPhrase folds a headword or translation, or returns "" when it is
// not one: a remark in parentheses is dropped ("bewoner (van een land)" is
// "bewoner"), a combining form with a hyphen at an end ("burger‐") or with
// a number, or anything longer than four words is no translation a
// caller could match.
func cleanPhrase(s string) string {
	for {
		i := strings.IndexAny(s, "([")
		if i < 0 {
			break
		}
		j := strings.IndexAny(s[i:], ")]")
		if j < 0 {
			s = s[:i]
			break
		}
		s = s[:i] + " " + s[i+j+1:]
	}
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s, "0123456789<>=;:?!") {
		return ""
	}
	for _, h := range []string{"-", "‐", "‑", "–", "~"} {
		if strings.HasPrefix(s, h) || strings.HasSuffix(s, h) {
			return ""
		}
	}
	f := fold(s)
	if f == "" || strings.Count(f, " ") > 3 {
		return ""
	}
	return f
}

// bilingual merges the two FreeDict directions into English → Dutch
// lists. English–Dutch gives its translations in their own order; the
// Dutch–English dictionary, turned round, adds the Dutch headwords whose
// translations name the English word, those that name it first before
// the others (raad: "1. council" before advies: "advice, counsel").
func bilingual(engNld, nldEng []dictdEntry) map[string][]string {
	out := map[string][]string{}
	seen := map[string]map[string]bool{}
	add := func(en, nl string) {
		if seen[en] == nil {
			seen[en] = map[string]bool{}
		}
		if !seen[en][nl] {
			seen[en][nl] = true
			out[en] = append(out[en], nl)
		}
	}
	for _, e := range engNld {
		head, trans := senses(e.text)
		en := cleanPhrase(head)
		if en == "" {
			continue
		}
		for _, t := range trans {
			// A single letter is the clipped article 'n, no translation.
			if nl := cleanPhrase(t); len(nl) > 1 {
				add(en, nl)
			}
		}
	}
	type inv struct {
		nl  string
		pos int
	}
	inverted := map[string][]inv{}
	for _, e := range nldEng {
		head, trans := senses(e.text)
		nl := cleanPhrase(head)
		if len(nl) < 2 {
			continue
		}
		for i, t := range trans {
			if en := cleanPhrase(t); en != "" {
				inverted[en] = append(inverted[en], inv{nl, i})
			}
		}
	}
	for en, list := range inverted {
		sort.Slice(list, func(i, j int) bool {
			if list[i].pos != list[j].pos {
				return list[i].pos < list[j].pos
			}
			return list[i].nl < list[j].nl
		})
		for _, x := range list {
			add(en, x.nl)
		}
	}
	return out
}
