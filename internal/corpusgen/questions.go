package corpusgen

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"unicode/utf8"
)

// Question is one line of questions.jsonl, in the shape of the customer's
// sample (shared/sample/questions.jsonl) that index.ReadEvalQuestions reads.
type Question struct {
	ID         string   `json:"id"`
	Question   string   `json:"question"`
	Expect     []string `json:"expect"` // paths relative to the questions file; empty: no answer
	ExpectName *string  `json:"expect_name"`
	Kind       string   `json:"kind"`
}

// QuestionMix is how many questions of each kind a corpus gets, whatever
// its size, so latency and accuracy figures of different sizes compare.
var QuestionMix = []struct {
	Kind  string
	Count int
}{
	{"who-is-role", 30},
	{"who-handles-task", 25},
	{"synonym", 20},
	{"typo", 20},
	{"contact-of", 15},
	{"no-answer", 10},
}

// template makes one question about town k; ok is false when it does not
// apply there. r is the expected document, empty for no answer.
type template func(d dice, k keys, org string) (text string, r ref, ok bool)

// NoAnswerRoles are the roles of the no-answer questions: no generated
// document holds them or one of their equivalents.
var NoAnswerRoles = []string{"omgevingsambtenaar", "communicatieambtenaar", "milieuambtenaar", "stedenbouwkundig ambtenaar"}

func always(text string, r ref) (string, ref, bool) { return text, r, true }

var templates = map[string][]template{
	"who-is-role": {
		func(d dice, k keys, org string) (string, ref, bool) {
			return always("wie is de algemeen directeur van "+org, k.director)
		},
		func(d dice, k keys, org string) (string, ref, bool) {
			return always("wie is burgemeester in "+org+"?", k.mayor)
		},
		func(d dice, k keys, org string) (string, ref, bool) {
			return always(org+": wie is daar de financieel directeur?", k.finance)
		},
		func(d dice, k keys, org string) (string, ref, bool) {
			return always("wie is de voorzitter van de gemeenteraad in "+org, k.chair)
		},
		func(d dice, k keys, org string) (string, ref, bool) { return always(org+" dpo", k.dpo) },
		func(d dice, k keys, org string) (string, ref, bool) {
			return always("wie is de preventieadviseur van "+org, k.prevention)
		},
		func(d dice, k keys, org string) (string, ref, bool) {
			return always("wie is de klachtencoördinator in "+org, k.complaints)
		},
		func(d dice, k keys, org string) (string, ref, bool) {
			return always("wie is bij ons de noodplanningscoördinator ("+org+")", k.emergency)
		},
		func(d dice, k keys, org string) (string, ref, bool) {
			return always("wie is de "+strings.ToLower(k.civil.title)+" in "+org, k.civil)
		},
		func(d dice, k keys, org string) (string, ref, bool) {
			return always("wie is eerste schepen in "+org, k.aldermen[0].ref)
		},
		func(d dice, k keys, org string) (string, ref, bool) {
			return always("wie is de "+lowerFirst(k.personnel.title)+" van "+org, k.personnel)
		},
	},
	"who-handles-task": {
		func(d dice, k keys, org string) (string, ref, bool) {
			return always("wie behandelt klachten in "+org, k.complaints)
		},
		func(d dice, k keys, org string) (string, ref, bool) {
			return always("wie kan ik aanspreken met een klacht in "+org+"?", k.complaints)
		},
		func(d dice, k keys, org string) (string, ref, bool) {
			a := pick(d, k.aldermen)
			return always("welke schepen heeft "+pick(d, a.topics).key+" onder zich in "+org, a.ref)
		},
		func(d dice, k keys, org string) (string, ref, bool) {
			a := pick(d, k.aldermen)
			return always("welke schepen doet "+pick(d, a.topics).key+" in "+org, a.ref)
		},
		func(d dice, k keys, org string) (string, ref, bool) {
			return always("wie verwerkt ziektemeldingen van personeel in "+org, k.personnel)
		},
		func(d dice, k keys, org string) (string, ref, bool) {
			return always("wie onderzoekt een ongeval op het werk bij de gemeente "+org, k.prevention)
		},
		func(d dice, k keys, org string) (string, ref, bool) {
			return always("bij wie meld ik een datalek in "+org, k.dpo)
		},
		func(d dice, k keys, org string) (string, ref, bool) {
			return always("wie maakt het verslag van de gemeenteraad in "+org, k.director)
		},
		func(d dice, k keys, org string) (string, ref, bool) {
			return always("wie maakt de jaarrekening op in "+org, k.finance)
		},
		func(d dice, k keys, org string) (string, ref, bool) {
			return always("wie maakt het rampenplan van "+org, k.emergency)
		},
		func(d dice, k keys, org string) (string, ref, bool) {
			return always("wie helpt me aan een nieuwe eID in "+org, k.civil)
		},
	},
	"synonym": {
		func(d dice, k keys, org string) (string, ref, bool) {
			return always("wie was gemeentesecretaris van "+org, k.director)
		},
		func(d dice, k keys, org string) (string, ref, bool) {
			return always("wie is de gemeentesecretaris in "+org, k.director)
		},
		func(d dice, k keys, org string) (string, ref, bool) {
			return always("financieel beheerder "+org+"?", k.finance)
		},
		func(d dice, k keys, org string) (string, ref, bool) {
			return always("wie is de gemeenteontvanger van "+org, k.finance)
		},
		func(d dice, k keys, org string) (string, ref, bool) {
			return always("wie is de privacyfunctionaris in "+org, k.dpo)
		},
		func(d dice, k keys, org string) (string, ref, bool) {
			return always("wie is de ombudsman van "+org, k.complaints)
		},
		func(d dice, k keys, org string) (string, ref, bool) {
			word := "burgervader"
			if k.mayor.female {
				word = "burgermoeder"
			}
			return always(word+" van "+org, k.mayor)
		},
		func(d dice, k keys, org string) (string, ref, bool) {
			return always("wie is de voorzitter van het bcsd in "+org, k.bcsd)
		},
		func(d dice, k keys, org string) (string, ref, bool) {
			return always("wie is de voorzitter van de raad in "+org, k.chair)
		},
	},
	"typo": {
		typoQuestion(func(k keys) ref { return k.mayor }, "burgemeester"),
		typoQuestion(func(k keys) ref { return k.director }, "algemeen directeur"),
		typoQuestion(func(k keys) ref { return k.finance }, "financieel directeur"),
		typoQuestion(func(k keys) ref { return k.prevention }, "preventieadviseur"),
		typoQuestion(func(k keys) ref { return k.complaints }, "klachtencoördinator"),
		typoQuestion(func(k keys) ref { return k.emergency }, "noodplanningscoördinator"),
	},
	"contact-of": {
		func(d dice, k keys, org string) (string, ref, bool) {
			return always("telefoon van de financieel directeur "+org, k.finance)
		},
		func(d dice, k keys, org string) (string, ref, bool) {
			return always("mail klachtencoördinator "+org, k.complaints)
		},
		func(d dice, k keys, org string) (string, ref, bool) {
			return always("gsm van de burgemeester van "+org, k.mayor)
		},
		func(d dice, k keys, org string) (string, ref, bool) {
			return always("e-mailadres van de algemeen directeur in "+org, k.director)
		},
		func(d dice, k keys, org string) (string, ref, bool) {
			return always("hoe bereik ik de preventieadviseur van "+org, k.prevention)
		},
		func(d dice, k keys, org string) (string, ref, bool) {
			return always("telefoonnummer dpo "+org, k.dpo)
		},
		func(d dice, k keys, org string) (string, ref, bool) {
			return always("hoe bel ik het loket burgerzaken van "+org, k.civil)
		},
	},
	"no-answer": {
		func(d dice, k keys, org string) (string, ref, bool) {
			return always("wie is de "+pick(d, NoAnswerRoles)+" van "+org, ref{})
		},
		func(d dice, k keys, org string) (string, ref, bool) {
			return "wie is de adjunct-algemeen directeur in " + org, ref{}, !k.hasDeputy
		},
	},
}

// typoQuestion asks for role with a letter wrong in its longest word, and
// now and then in the municipality's name too.
func typoQuestion(get func(keys) ref, role string) template {
	return func(d dice, k keys, org string) (string, ref, bool) {
		text := misspellLongest(d, role, false)
		if d.chance(0.3) {
			org = misspellLongest(d, org, true)
		}
		if d.chance(0.5) {
			return always(text+" "+org, get(k))
		}
		return always("wie is de "+text+" van "+org, get(k))
	}
}

// misspellLongest puts a typo in the longest word of s (words split at
// spaces and hyphens). With gentle, only one letter changes (a letter left
// out or doubled), as a short name tolerates no more.
func misspellLongest(d dice, s string, gentle bool) string {
	start, end := 0, 0
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && s[j] != ' ' && s[j] != '-' {
			j++
		}
		if utf8.RuneCountInString(s[i:j]) > utf8.RuneCountInString(s[start:end]) {
			start, end = i, j
		}
		i = j + 1
	}
	return s[:start] + misspell(d, s[start:end], gentle) + s[end:]
}

// misspell changes w the way people mistype: two letters swapped, one left
// out or one doubled. The first letter stays, as it nearly always does.
func misspell(d dice, w string, gentle bool) string {
	r := []rune(w)
	if len(r) < 5 {
		return w
	}
	i := d.between(1, len(r)-2)
	op := d.intn(3)
	if gentle || len(r) < 8 {
		op = 1 + d.intn(2)
	}
	switch op {
	case 0:
		if r[i] != r[i+1] {
			r[i], r[i+1] = r[i+1], r[i]
			return string(r)
		}
		fallthrough
	case 1:
		return string(append(r[:i:i], r[i+1:]...))
	}
	return string(append(append(r[:i+1:i+1], r[i]), r[i+1:]...))
}

// questions makes the fixed mix of questions over the towns.
func questions(d dice, towns []keys) []Question {
	var out []Question
	seen := map[string]bool{}
	for _, mix := range QuestionMix {
		ts := templates[mix.Kind]
		for made, tries := 0, 0; made < mix.Count && tries < 100*mix.Count; tries++ {
			k := towns[d.intn(len(towns))]
			org := k.org
			if d.chance(0.7) {
				org = strings.ToLower(org)
			}
			text, r, ok := ts[(made+tries)%len(ts)](d, k, org)
			if !ok || seen[text] {
				continue
			}
			seen[text] = true
			q := Question{ID: fmt.Sprintf("g%03d", len(out)+1), Question: text, Expect: []string{}, Kind: mix.Kind}
			if r.path != "" {
				name := r.name
				q.Expect, q.ExpectName = []string{r.path}, &name
			}
			out = append(out, q)
			made++
		}
	}
	return out
}

// writeQuestions writes one JSON object a line.
func writeQuestions(path string, qs []Question) error {
	var b strings.Builder
	for _, q := range qs {
		line, err := json.Marshal(q)
		if err != nil {
			return err
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("corpusgen: %w", err)
	}
	return nil
}
