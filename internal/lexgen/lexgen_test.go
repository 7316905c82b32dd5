package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// A few rules of OpenTaal's nl.aff, as they are there.
const testAff = `SET UTF-8
FLAG long
COMPOUNDBEGIN Ca
COMPOUNDMIDDLE Cb
COMPOUNDEND Cc
COMPOUNDPERMITFLAG Cp
ONLYINCOMPOUND Cx
FORBIDDENWORD Fw

SFX Ch Y 1
SFX Ch 0 s/CaCbCxCp .

SFX Zb Y 2
SFX Zb 0 en/CaCbCp [^eo]		ts:NN2
SFX Zb 0 ën/CaCbCp [eo]			ts:NN2

SFX Ze Y 1
SFX Ze 0 len/CaCbCp l		ts:NN2

SFX Zf Y 1
SFX Zf eer ren/CaCbCp eer	ts:NN2

SFX V3 Y 3
SFX V3 0 t [^ao]		ts:VB3
SFX V3 0 at a		ts:VB3
SFX V3 0 ot o		ts:VB3

SFX Vp Y 2
SFX Vp 0 de .		ts:VBh1
SFX Vp 0 den .		ts:VBh

SFX Vi Y 2
SFX Vi 0 d .		ts:PPn
SFX Vi 0 de .		ts:PPe

SFX Ve Y 1
SFX Ve 0 e .		ts:VBpe

PFX Pn Y 1
PFX Pn 0 voor .
`

const testDic = `15
klacht/CaZb
behandel/V3Vp
behandelen/ViPn
behandeld/Ve
behandeling/ZbCc
coördineer/V3Vp
coördineren/Vi
coördineert
zit/Pn
zitten/ViPn
verkeer/CcCh
ongeval/ZeCc
indien/V3Vp
indienen/Vi
behandelarmen/Fw
`

func testBuilder(t *testing.T) *dutchBuilder {
	t.Helper()
	a, err := parseAffix(strings.NewReader(testAff))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	dic := filepath.Join(dir, "test.dic")
	if err := os.WriteFile(dic, []byte(testDic), 0o644); err != nil {
		t.Fatal(err)
	}
	entries, err := readDic(dic, a)
	if err != nil {
		t.Fatal(err)
	}
	b := newDutchBuilder(a, entries, []string{"voor", "op"})
	b.expand()
	b.analyse()
	b.finish()
	b.headLemmas()
	return b
}

func TestExpandAndLemmas(t *testing.T) {
	b := testBuilder(t)
	tests := []struct {
		form   string
		lemmas []string
		attrs  uint8 // that must be set
	}{
		{"klachten", []string{"klacht"}, attrWord | attrBegin},
		{"klacht", []string{"klacht"}, attrWord | attrBegin},
		{"behandelt", []string{"behandelen"}, attrWord},
		{"behandelde", []string{"behandelen"}, attrWord},
		{"behandeld", []string{"behandelen"}, attrWord},
		{"behandelend", []string{"behandelen"}, attrWord},
		{"voorbehandelen", []string{"voorbehandelen"}, attrWord},
		{"coordineert", []string{"coordineren"}, attrWord}, // listed, and made by V3
		{"zit", []string{"zitten"}, attrWord},              // only a prefix class: a verb
		{"voorzit", []string{"voorzitten"}, attrWord},
		{"voorzitten", []string{"voorzitten"}, attrWord},
		{"verkeers", []string{"verkeer"}, attrBegin | attrMiddle},
		{"ongevallen", []string{"ongeval"}, attrWord | attrEnd},
		{"indienen", []string{"indienen"}, attrWord},
		{"indient", []string{"indienen"}, attrWord},
	}
	for _, tt := range tests {
		fm := b.forms[tt.form]
		if fm == nil {
			t.Errorf("%q: no such form", tt.form)
			continue
		}
		if !slices.Equal(fm.lemmas, tt.lemmas) {
			t.Errorf("%q: lemmas %q, want %q", tt.form, fm.lemmas, tt.lemmas)
		}
		if fm.attrs&tt.attrs != tt.attrs {
			t.Errorf("%q: attributes %08b, want %08b set", tt.form, fm.attrs, tt.attrs)
		}
	}
	if fm := b.forms["verkeers"]; fm.attrs&attrWord != 0 {
		t.Error("verkeers is a word: ONLYINCOMPOUND ignored")
	}
	if fm := b.forms["behandelarmen"]; fm == nil || fm.attrs&attrForbidden == 0 || fm.attrs&attrWord != 0 {
		t.Error("behandelarmen: FORBIDDENWORD ignored")
	}
	if fm := b.forms["behandelingen"]; fm == nil || fm.attrs&attrEnd == 0 {
		t.Error("behandelingen may end a compound: its stem has COMPOUNDEND")
	}
}

func TestEncodeDutchIsDeterministic(t *testing.T) {
	a, _ := encodeDutch(testBuilder(t).forms)
	b, _ := encodeDutch(testBuilder(t).forms)
	if !bytes.Equal(a, b) {
		t.Error("two runs encode differently")
	}
	if !bytes.HasPrefix(a, []byte(dutchMagic)) {
		t.Error("no magic")
	}
}

func TestCondition(t *testing.T) {
	tests := []struct {
		cond, word string
		end        bool
		want       bool
	}{
		{".", "klacht", true, true},
		{"[^eo]", "klacht", true, true},
		{"[^eo]", "gemeente", true, false},
		{"[eo]", "gemeente", true, true},
		{"eer", "coördineer", true, true},
		{"[^a][a]", "papa", true, true},
		{"[^a][a]", "aa", true, false},
		{"ver", "verkeer", false, true},
		{"abc", "ab", true, false},
	}
	for _, tt := range tests {
		c, err := parseCondition(tt.cond)
		if err != nil {
			t.Fatal(err)
		}
		var got bool
		if tt.end {
			got = c.matchEnd([]rune(tt.word))
		} else {
			got = c.matchStart([]rune(tt.word))
		}
		if got != tt.want {
			t.Errorf("condition %q on %q = %v, want %v", tt.cond, tt.word, got, tt.want)
		}
	}
	if _, err := parseCondition("[ab"); err == nil {
		t.Error("unclosed [ accepted")
	}
}

func TestInfinitives(t *testing.T) {
	b := &dutchBuilder{infinitive: map[string]bool{
		"nemen": true, "coördineren": true, "leven": true, "reizen": true, "zitten": true,
		"gaan": true, "doen": true, "behandelen": true, "bereiden": true,
	}}
	tests := map[string]string{
		"neem": "nemen", "coördineer": "coördineren", "leef": "leven", "reis": "reizen",
		"zit": "zitten", "ga": "gaan", "doe": "doen", "behandel": "behandelen", "bereid": "bereiden",
	}
	for stem, want := range tests {
		if got := b.infinitives(stem); !slices.Equal(got, []string{want}) {
			t.Errorf("infinitives(%q) = %q, want [%s]", stem, got, want)
		}
	}
	if got := b.infinitives("klacht"); len(got) != 0 {
		t.Errorf("infinitives(klacht) = %q", got)
	}
}

func TestFold(t *testing.T) {
	tests := map[string]string{
		"Financiën":    "financien",
		"coördinator":  "coordinator",
		"bĳ":           "bij",
		"ĲSSEL":        "ijssel",
		"e-mail":       "e mail",
		"  Gemeente  ": "gemeente",
	}
	for in, want := range tests {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]bool{"bĳ": true, "auto's": false, "-ING": false, "zgn.": false, "coördinator": true} {
		if got := allLetters(in); got != want {
			t.Errorf("allLetters(%q) = %v", in, got)
		}
	}
}

func TestDictd(t *testing.T) {
	for s, want := range map[string]int{"A": 0, "B": 1, "BA": 64, "iq": 34*64 + 42, "/": 63} {
		if got, err := dictdNumber(s); err != nil || got != want {
			t.Errorf("dictdNumber(%q) = %d, %v, want %d", s, got, err, want)
		}
	}
	if _, err := dictdNumber("é"); err == nil {
		t.Error("dictdNumber accepted é")
	}
	head, trans := senses("mayor /mɛər/\n1. burgemeester, burgervader\n2. dorpsburgemeester\n")
	if head != "mayor" || !slices.Equal(trans, []string{"burgemeester", "burgervader", "dorpsburgemeester"}) {
		t.Errorf("senses = %q, %q", head, trans)
	}
	for in, want := range map[string]string{
		"bewoner (van een land)":  "bewoner",
		"murmelen (v. beekje)":    "murmelen",
		"burger‐":                 "",
		"-achtig":                 "",
		"in staat om":             "in staat om",
		"All Saints' Day":         "all saints day",
		"een twee drie vier vijf": "",
		"12 uur":                  "",
	} {
		if got := cleanPhrase(in); got != want {
			t.Errorf("cleanPhrase(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBilingual(t *testing.T) {
	en := []dictdEntry{{head: "mayor", text: "mayor /m/\n1. burgemeester, burgervader\n"}}
	nl := []dictdEntry{
		{head: "raad", text: "raad /rat/\n1. council\n2. advice, counsel\n"},
		{head: "schepen", text: "schepen /s/\nalderman\n"},
		{head: "burgemeester", text: "burgemeester /b/\n1. mayor\n"},
		{head: "advies", text: "advies /a/\ncounsel, advice\n"},
	}
	got := bilingual(en, nl)
	for k, want := range map[string][]string{
		"mayor":    {"burgemeester", "burgervader"},
		"alderman": {"schepen"},
		"council":  {"raad"},
		"advice":   {"advies", "raad"}, // both second: alphabetical
		"counsel":  {"advies", "raad"},
	} {
		if !slices.Equal(got[k], want) {
			t.Errorf("bilingual[%q] = %q, want %q", k, got[k], want)
		}
	}
}
