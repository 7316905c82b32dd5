package lexicon

import (
	"slices"
	"sync"
	"testing"
)

// The lexicon takes a tenth of a second to parse, longer under -race;
// the tests share one.
var testDutch = sync.OnceValues(Dutch)

func dutch(tb testing.TB) *Lexicon {
	tb.Helper()
	lx, err := testDutch()
	if err != nil {
		tb.Fatal(err)
	}
	return lx
}

func TestIsWord(t *testing.T) {
	lx := dutch(t)
	tests := []struct {
		w    string
		want bool
	}{
		{"financien", true},
		{"coordinator", true},
		{"klacht", true},
		{"klachten", true},
		{"behandelt", true},
		{"voorzitten", true},   // made by the prefix class of zitten
		{"voorbereiden", true}, // idem
		{"verkeersongevallen", true},
		{"noodplanning", true}, // only in the word list
		{"bij", true},          // OpenTaal writes the ligature ĳ
		{"veiligheids", false}, // only inside compounds
		{"verkeers", false},
		{"kla", false},
		{"vorzitter", false},
		{"burgemeeser", false},
		{"informatieveiligheidsadviseur", false},
		{"Klacht", false}, // not folded
		{"e mail", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := lx.IsWord(tt.w); got != tt.want {
			t.Errorf("IsWord(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}

func TestLemmas(t *testing.T) {
	lx := dutch(t)
	tests := []struct {
		w    string
		want []string // the first lemmas, in order
	}{
		{"verkeersongevallen", []string{"verkeersongeval"}},
		{"behandelt", []string{"behandelen"}},
		{"behandelde", []string{"behandelen"}},
		{"behandeld", []string{"behandelen"}}, // a participle
		{"klachten", []string{"klacht"}},
		{"indienen", []string{"indienen"}},
		{"schepenen", []string{"schepen"}},
		{"gemeenten", []string{"gemeente"}},
		{"gemeentes", []string{"gemeente"}},
		{"voorzitters", []string{"voorzitter"}},
		{"coordineert", []string{"coordineren"}},
		{"gecoordineerd", []string{"coordineren"}},
		{"neemt", []string{"nemen"}},
		{"vult", []string{"vullen"}},
		{"zit", []string{"zitten"}},
		{"bereidt", []string{"bereiden"}},
		{"gaat", []string{"gaan"}},
		{"adviseurs", []string{"adviseur"}},
		{"diensten", []string{"dienst"}},
		{"openingsuren", []string{"openingsuur"}},
		{"gemeentehuizen", []string{"gemeentehuis"}},         // a listed plural, by its head
		{"identiteitskaarten", []string{"identiteitskaart"}}, // the noun, not the verb kaarten
		{"kaarten", []string{"kaart", "kaarten"}},            // nouns first, then verbs
		{"bestuur", []string{"bestuur", "besturen"}},         // itself first
		{"schepen", []string{"schepen"}},
		{"klacht", []string{"klacht"}},
		{"kinderen", []string{"kind"}},                  // an irregular plural OpenTaal lists
		{"besluiten", []string{"besluit", "besluiten"}}, // the plural, then the verb
		{"vergaderingen", []string{"vergadering"}},
		{"contactpersonen", []string{"contactpersoon"}},
		{"afgehandeld", []string{"afhandelen"}}, // particle + ge- + stem + d
		{"ingediend", []string{"indienen"}},
		{"veiligheids", []string{"veiligheid"}}, // a form found only in compounds
		{"grootste", []string{"groot"}},
		// Not in the lexicon: by the head of the split.
		{"informatieveiligheidsadviseurs", []string{"informatieveiligheidsadviseur"}},
		{"noodplanningscoordinatoren", []string{"noodplanningscoordinator"}},
		{"zzzz", nil},
		{"", nil},
	}
	for _, tt := range tests {
		got := lx.Lemmas(tt.w)
		if tt.want == nil {
			if got != nil {
				t.Errorf("Lemmas(%q) = %q, want nil", tt.w, got)
			}
			continue
		}
		if len(got) < len(tt.want) || !slices.Equal(got[:len(tt.want)], tt.want) {
			t.Errorf("Lemmas(%q) = %q, want %q first", tt.w, got, tt.want)
		}
	}
}

// TestLemmasKeepInfinitives guards against stripping -en from verbs whose
// stem is a word as well: indienen is not the plural of indien.
func TestLemmasKeepInfinitives(t *testing.T) {
	lx := dutch(t)
	for _, tt := range []struct{ w, not string }{
		{"indienen", "indien"},
		{"behandelen", "behandel"},
		{"voorzitten", "voorzit"},
		{"schepenen", "schepenen"},
	} {
		if got := lx.Lemmas(tt.w); slices.Contains(got, tt.not) {
			t.Errorf("Lemmas(%q) = %q, must not hold %q", tt.w, got, tt.not)
		}
	}
}

func TestDutchRejectsCorruptData(t *testing.T) {
	half := nlData[:len(nlData)/2]
	if _, err := parseDutch(half, ""); err == nil {
		t.Error("parseDutch(truncated) = nil error")
	}
	if _, err := parseDutch([]byte("not gzip"), ""); err == nil {
		t.Error("parseDutch(garbage) = nil error")
	}
	for _, data := range [][]byte{
		nil,
		[]byte(dutchMagic),
		[]byte(dutchMagic + "\x01\x00\x00\x05\x10\x00\x00"),
		[]byte(dutchMagic + "\x00\x02\x02\x00\x00\x02ba\x01\x00\x01a\x01"), // out of order
		[]byte(dutchMagic + "\x00\x01\x01\x00\x00\x01A\x01"),               // not a–z
		[]byte(dutchMagic + "\x00\x01\x01\x01\x00\x01a\x81\x01\x05"),       // no such rule
	} {
		if _, err := decodeDutch(data); err == nil {
			t.Errorf("decodeDutch(%q) = nil error", data)
		}
	}
}

func TestDutchLoadBudget(t *testing.T) {
	// Dutch runs at every start of the bot: keep it cheap. Time is too
	// noisy to test (and -race slows it down tenfold); heap is not.
	const maxHeap = 60 << 20
	if got := heapOf(t, func() any { lx, _ := Dutch(); return lx }); got > maxHeap {
		t.Errorf("Dutch keeps %d MB of heap, want under %d MB", got>>20, maxHeap>>20)
	}
}
