package index

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/wieiswie/wieiswie/knowledge"
)

// An invariance rewrites a question without changing what it asks; the bot
// must give the same first answer to the rewrite as to the question, right or
// wrong (stability is tested here, correctness by TestDevsetFolds).
type invariance struct {
	name string
	// floor is the share of applicable questions whose first answer must not
	// change: what the bot reached when the test was written, rounded down
	// to 5%. Raise it as mechanisms improve; the goal is 1.
	floor float64
	// rewrite returns the variant of the i-th question, or false when the
	// rule does not apply to it (or would leave it unchanged).
	rewrite func(i int, q EvalQuestion) (string, bool)
}

// invarianceTable lists the rewrites; towns are the folded town names, which
// the typo rule leaves alone and the word-order rule moves.
func invarianceTable(towns []string) []invariance {
	isTown := map[string]bool{}
	for _, t := range towns {
		isTown[t] = true
	}
	english := func(q EvalQuestion) bool { return q.Kind == "english" }
	pick := func(i int, options ...string) string { return options[i%len(options)] }
	// "in TOWN, wie is de X?": the place moved to the front of a who-is
	// question. The town alternatives are longest first so that a town is
	// never cut short.
	sorted := append([]string(nil), towns...)
	sort.Slice(sorted, func(a, b int) bool { return len(sorted[a]) > len(sorted[b]) })
	quoted := make([]string, len(sorted))
	for i, t := range sorted {
		quoted[i] = regexp.QuoteMeta(t)
	}
	whoIsIn := regexp.MustCompile(`^(wie is|who is) (.+) (van|in|bij|of) ((?:de |het |the )?(?:stad |gemeente )?(?:` +
		strings.Join(quoted, "|") + `))\s*\??$`)

	return []invariance{
		{
			// The same question twice: the bot is deterministic, so any
			// other change below is the rewrite's doing.
			name: "again", floor: 1.00,
			rewrite: func(_ int, q EvalQuestion) (string, bool) { return q.Question, true },
		},
		{
			// A greeting says nothing about who is asked for.
			name: "greeting", floor: 1.00,
			rewrite: func(i int, q EvalQuestion) (string, bool) {
				if english(q) {
					return pick(i, "Hi all! ", "Good morning, ") + q.Question, true
				}
				return pick(i, "Hallo allemaal! ", "Goeiemorgen, ") + q.Question, true
			},
		},
		{
			// A sentence about the asker that names no role, service, task,
			// person or town adds nothing to what is asked ("Ik ben nieuw op
			// de dienst" is avoided: "dienst" is part of service names).
			name: "context", floor: 0.95,
			rewrite: func(i int, q EvalQuestion) (string, bool) {
				if english(q) {
					return pick(i, "I just started here. ", "A colleague just asked me this. ") + q.Question, true
				}
				return pick(i, "Ik ben hier nog maar pas begonnen. ", "Een collega vroeg me dit net. ") + q.Question, true
			},
		},
		{
			// "eigenlijk" ("actually") at the end is a hedge, not a topic.
			name: "harmless word", floor: 1.00,
			rewrite: func(_ int, q EvalQuestion) (string, bool) {
				s := strings.TrimRight(strings.TrimSpace(q.Question), "?")
				if english(q) {
					return s + " actually?", true
				}
				return s + " eigenlijk?", true
			},
		},
		{
			// Case carries no meaning in a chat question ("AD", "HR" and
			// "ad", "hr" are the same abbreviation); only questions with a
			// capital change.
			name: "lower case", floor: 1.00,
			rewrite: func(_ int, q EvalQuestion) (string, bool) {
				s := strings.ToLower(q.Question)
				return s, s != q.Question
			},
		},
		{
			// Written as a sentence, with a capital and a question mark.
			name: "upper first", floor: 1.00,
			rewrite: func(_ int, q EvalQuestion) (string, bool) {
				r := []rune(strings.TrimSpace(q.Question))
				if len(r) == 0 {
					return "", false
				}
				r[0] = unicode.ToUpper(r[0])
				s := string(r)
				if !strings.HasSuffix(s, "?") {
					s += "?"
				}
				return s, s != q.Question
			},
		},
		{
			// One slip of the fingers (two neighbouring letters swapped in the
			// longest word of at least 7 letters that is not a town) leaves a
			// word that is still recognisable. Not for questions that already
			// carry a typo: two typos in one word are another test.
			name: "typo", floor: 0.90,
			rewrite: func(_ int, q EvalQuestion) (string, bool) {
				if q.Kind == "typo" {
					return "", false
				}
				return swapTypo(q.Question, isTown)
			},
		},
		{
			// "wie is de X van TOWN" and "in TOWN, wie is de X?" ask the
			// same: only the order of the words differs.
			name: "word order", floor: 0.95,
			rewrite: func(_ int, q EvalQuestion) (string, bool) {
				m := whoIsIn.FindStringSubmatch(strings.TrimSpace(q.Question))
				if m == nil {
					return "", false
				}
				prep := m[3]
				if prep == "van" || prep == "of" {
					prep = "in"
				}
				return prep + " " + m[4] + ", " + m[1] + " " + m[2] + "?", true
			},
		},
		{
			// Who handles a complaint handles complaints: the first "een N"
			// or "mijn N" whose noun is in pluralHeads becomes the plural.
			// Roles are deliberately not pluralised: "wie zijn de schepenen"
			// asks for all of them, not for one.
			name: "plural", floor: 1.00,
			rewrite: func(_ int, q EvalQuestion) (string, bool) { return pluralise(q.Question) },
		},
	}
}

// swapTypo swaps two neighbouring inner letters, as near the middle as they
// differ, of the longest word of at least seven letters that is not a town;
// false when the question has no such word.
func swapTypo(s string, isTown map[string]bool) (string, bool) {
	words := strings.Fields(s)
	best, bestN := -1, 0
	for i, w := range words {
		core := strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
		n := len([]rune(core))
		if n < 7 || isTown[knowledge.Fold(core)] {
			continue
		}
		if n > bestN {
			best, bestN = i, n
		}
	}
	if best < 0 {
		return "", false
	}
	r := []rune(words[best])
	// Inner letters: not the word's first or last letter, and letters only.
	first := strings.IndexFunc(words[best], unicode.IsLetter)
	first = len([]rune(words[best][:first]))
	last := len(r) - 1
	for last > 0 && !unicode.IsLetter(r[last]) {
		last--
	}
	mid := (first + last) / 2
	for d := 0; d <= last-first; d++ {
		for _, p := range []int{mid + d, mid - d} {
			if p <= first || p+1 >= last || !unicode.IsLetter(r[p]) || !unicode.IsLetter(r[p+1]) || r[p] == r[p+1] {
				continue
			}
			r[p], r[p+1] = r[p+1], r[p]
			words[best] = string(r)
			return strings.Join(words, " "), true
		}
	}
	return "", false
}

// pluralHeads maps the heads of the nouns that task questions ask about to
// their plural. Dutch compounds inflect on their head (drankvergunning →
// drankvergunningen, loonbrief → loonbrieven), so a head covers every
// compound that ends in it; the plurals are listed because Dutch spelling
// doubles or halves letters (ongeval → ongevallen, zaal → zalen).
var pluralHeads = map[string]string{
	"klacht":     "klachten",
	"vergunning": "vergunningen",
	"attest":     "attesten",
	"vraag":      "vragen", // also aanvraag, bouwaanvraag
	"ongeval":    "ongevallen",
	"dossier":    "dossiers",
	"nummer":     "nummers",
	"brief":      "brieven",
	"datalek":    "datalekken",
	"account":    "accounts",
	"premie":     "premies",
	"zaal":       "zalen",
	"incident":   "incidenten",
	"evenement":  "evenementen",
	"container":  "containers",
}

// pluralise turns the first "een N" into "Ns" and "mijn N" into "mijn Ns"
// when N ends in a head of pluralHeads; an adjective between the article and
// the noun ("een nieuw rijbewijs") would need inflecting too, so it is left.
func pluralise(s string) (string, bool) {
	words := strings.Fields(s)
	for i := 0; i+1 < len(words); i++ {
		art := strings.ToLower(words[i])
		if art != "een" && art != "mijn" {
			continue
		}
		noun := words[i+1]
		lower := strings.ToLower(noun)
		for head, plural := range pluralHeads {
			if !strings.HasSuffix(lower, head) {
				continue
			}
			words[i+1] = noun[:len(noun)-len(head)] + plural
			if art == "een" {
				words = append(words[:i], words[i+1:]...)
			}
			return strings.Join(words, " "), true
		}
	}
	return "", false
}

// TestInvariance asks every devset question and its harmless rewrites and
// checks that the first answer stays the same for at least each rewrite's
// floor share of the questions it applies to.
func TestInvariance(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: builds an index and asks every devset question in nine forms")
	}
	if _, err := os.Stat(devsetDir); err != nil {
		t.Skipf("no development set at %s (see DEVELOPERS.md): %v", devsetDir, err)
	}
	start := time.Now()
	corpus := filepath.Join(devsetDir, "corpus")
	docs, _ := knowledge.Load(context.Background(), corpus, knowledge.Options{})
	ctx := context.Background()
	ix, err := Build(ctx, docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	f, err := os.Open(filepath.Join(devsetDir, "questions.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	qs, err := ReadEvalQuestions(f, devsetDir, corpus)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(corpus)
	if err != nil {
		t.Fatal(err)
	}
	var towns []string
	for _, e := range entries {
		if e.IsDir() {
			towns = append(towns, knowledge.Fold(e.Name()))
		}
	}

	first := func(text string) string {
		res, err := ix.Ask(ctx, text, 1)
		if err != nil {
			t.Fatalf("ask %q: %v", text, err)
		}
		if len(res.Answers) == 0 {
			return ""
		}
		return res.Answers[0].Source
	}
	shown := func(src string) string {
		if src == "" {
			return "(no answer)"
		}
		return src
	}
	baseline := make([]string, len(qs))
	for i, q := range qs {
		baseline[i] = first(q.Question)
	}

	for _, inv := range invarianceTable(towns) {
		applied, kept := 0, 0
		var changed []string
		for i, q := range qs {
			variant, ok := inv.rewrite(i, q)
			if !ok {
				continue
			}
			applied++
			got := first(variant)
			if got == baseline[i] {
				kept++
				continue
			}
			changed = append(changed, q.ID+" "+q.Question+"\n        → "+variant+
				"\n        was "+shown(baseline[i])+", now "+shown(got))
		}
		if applied == 0 {
			t.Errorf("%s: applies to no question", inv.name)
			continue
		}
		share := float64(kept) / float64(applied)
		t.Logf("%-14s %3d/%3d unchanged (%5.1f%%), %2d changed; floor %3.0f%%",
			inv.name, kept, applied, 100*share, applied-kept, 100*inv.floor)
		for _, c := range changed {
			t.Logf("    %s", c)
		}
		if share < inv.floor {
			t.Errorf("%s: %.3f of the answers unchanged, want ≥ %.2f", inv.name, share, inv.floor)
		}
	}
	t.Logf("%d questions in %v", len(qs), time.Since(start).Round(time.Millisecond))
}
