package corpusgen

import (
	"fmt"
	"strings"

	"github.com/wieiswie/wieiswie/knowledge"
)

// Format is the shape of a generated file.
type Format string

const (
	FormatPersonCard      Format = "person-card"          // scraped person card (.txt)
	FormatFunction        Format = "function-description" // "Functiebeschrijving …" (.txt)
	FormatMarkdownPerson  Format = "markdown-person"      // Markdown, type person
	FormatMarkdownService Format = "markdown-service"     // Markdown, type service
)

// Roles of the documents that questions are about, as File.Role says. Other
// documents have RoleCouncillor, RoleStaff, RoleService or RoleDescription.
const (
	RoleMayor       = "burgemeester"
	RoleAlderman    = "schepen"
	RoleChair       = "voorzitter-gemeenteraad"
	RoleDirector    = "algemeen-directeur"
	RoleDeputy      = "adjunct-algemeen-directeur"
	RoleFinance     = "financieel-directeur"
	RoleDPO         = "dpo"
	RolePrevention  = "preventieadviseur"
	RoleEmergency   = "noodplanningscoordinator"
	RoleComplaints  = "klachtencoordinator"
	RoleCivil       = "burgerzaken"
	RolePersonnel   = "personeel"
	RoleCouncillor  = "raadslid"
	RoleStaff       = "medewerker"
	RoleService     = "dienst"
	RoleDescription = "functiebeschrijving"
)

// document is one generated file of a town.
type document struct {
	file      string // name inside the town's folder
	format    Format
	role      string
	name      string
	functions []knowledge.Function
	text      string
}

// ref points at a document questions can expect.
type ref struct {
	path   string // relative to the corpus folder's parent: "corpus/town/file"
	name   string
	female bool
	title  string // the function title the document holds for its role
}

// alderman is a schepen and the subjects of the portfolio.
type alderman struct {
	ref
	topics []topic
}

// keys are the documents of a town that questions are about.
type keys struct {
	org, folder string
	director    ref
	finance     ref
	mayor       ref
	chair       ref
	dpo         ref
	prevention  ref
	emergency   ref
	complaints  ref
	civil       ref
	personnel   ref
	bcsd        ref // the schepen who chairs the BCSD
	aldermen    []alderman
	hasDeputy   bool
}

// town generates the documents of one municipality.
type town struct {
	name, folder string
	d            dice
	postcode     int
	hall         string // street and number of the town hall
	phones       *phonebook
	scraped      bool // files named like scraped pages: "017_3fa2…txt"
	labels       bool // contact lines with "Tel.:" labels
	used         map[string]bool
	files        map[string]bool
	described    map[string]bool // function titles that have a description
	docs         []document
	keys         keys
}

func newTown(d dice, name, folder string) *town {
	z := pick(d, zones)
	t := &town{
		name: name, folder: folder, d: d,
		postcode:  d.between(z.postLo/10, z.post/10) * 10,
		hall:      fmt.Sprintf("%s %d", pick(d, streets), d.between(1, 40)),
		phones:    newPhonebook(d, z),
		scraped:   d.chance(0.25),
		labels:    d.chance(0.2),
		used:      map[string]bool{},
		files:     map[string]bool{},
		described: map[string]bool{},
	}
	t.keys.org, t.keys.folder = name, folder
	return t
}

// newPerson invents someone not yet living in the town.
func (t *town) newPerson() person {
	for {
		p := person{female: t.d.chance(0.5), last: pick(t.d, surnames)}
		if p.female {
			p.first = pick(t.d, femaleFirst)
		} else {
			p.first = pick(t.d, maleFirst)
		}
		if !t.used[p.full()] {
			t.used[p.full()] = true
			return p
		}
	}
}

func (t *town) domain() string { return t.folder + ".be" }

func (t *town) email(p person) string {
	return mailPart(p.first) + "." + mailPart(p.last) + "@" + t.domain()
}

// address returns the address lines of the town hall, or of another
// municipal building at street.
func (t *town) address(street string) []string {
	if street == "" {
		street = t.hall
	}
	return []string{street, fmt.Sprintf("%d %s", t.postcode, t.name), "België"}
}

// fill returns the placeholder filler for texts about p.
func (t *town) fill(p person, extra ...string) func(string) string {
	hij, zijn, hem := "hij", "zijn", "hem"
	if p.female {
		hij, zijn, hem = "zij", "haar", "haar"
	}
	pairs := []string{
		"{naam}", p.full(), "{voornaam}", p.first, "{hij}", hij, "{Hij}", upperFirst(hij),
		"{zijn}", zijn, "{Zijn}", upperFirst(zijn), "{hem}", hem, "{gemeente}", t.name,
		"{jaar}", fmt.Sprint(t.d.between(1998, 2019)),
	}
	r := strings.NewReplacer(append(pairs, extra...)...)
	return r.Replace
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// fillSections fills the placeholders of every heading and bullet.
func fillSections(ss []section, fill func(string) string) []section {
	out := make([]section, len(ss))
	for i, s := range ss {
		out[i] = section{heading: fill(s.heading)}
		for _, b := range s.bullets {
			out[i].bullets = append(out[i].bullets, fill(b))
		}
	}
	return out
}

// fileName returns a free file name in the town's folder: base with ext,
// or a scraped-style name for .txt files of a scraped town.
func (t *town) fileName(base, ext string) string {
	if t.scraped && ext == ".txt" {
		for {
			name := fmt.Sprintf("%03d_%016x.txt", len(t.docs), t.d.r.Uint64())
			if !t.files[name] {
				t.files[name] = true
				return name
			}
		}
	}
	name := base + ext
	for i := 2; t.files[name]; i++ {
		name = fmt.Sprintf("%s-%d%s", base, i, ext)
	}
	t.files[name] = true
	return name
}

// add stores a document and returns a reference to it.
func (t *town) add(doc document, p person, title string) ref {
	t.docs = append(t.docs, doc)
	return ref{path: "corpus/" + t.folder + "/" + doc.file, name: doc.name, female: p.female, title: title}
}

// addCard writes a person card for p.
func (t *town) addCard(role, base string, p person, c card) document {
	c.name = p.full()
	if c.address == nil {
		c.address = t.address("")
	}
	c.labels = t.labels
	return document{file: t.fileName(base, ".txt"), format: FormatPersonCard, role: role, name: p.full(), functions: c.functions, text: c.render()}
}

// rows builds a functions table: each body with the same title.
func rows(title string, bodies ...string) []knowledge.Function {
	out := make([]knowledge.Function, len(bodies))
	for i, b := range bodies {
		out[i] = knowledge.Function{Body: b, Title: title}
	}
	return out
}

func fn(body, title string) knowledge.Function { return knowledge.Function{Body: body, Title: title} }
