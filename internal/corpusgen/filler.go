package corpusgen

import (
	"fmt"
	"strings"

	"github.com/wieiswie/wieiswie/knowledge"
)

// fill adds documents nobody asks about until the town has size documents:
// council members, staff of the departments, the departments' pages and
// descriptions of their functions. They make the corpus as large and as
// noisy as a real one.
func (t *town) fillUp(size, aldermen int) {
	council := 15 + (size-40)*26/310 // 15 … 41 seats, growing with the town
	members := council - aldermen - 2
	for i := 0; i < members && len(t.docs) < size && i < (size-len(t.docs)+1)/2; i++ {
		t.councillor()
	}
	deps := some(t.d, departments, len(departments))
	heads := map[string]person{}
	pages := map[string]bool{}
	for i := 0; len(t.docs) < size; i++ {
		dep := deps[i%len(deps)]
		switch roll := t.d.intn(100); {
		case roll < 15 && dep.service != "" && !pages[dep.body]:
			pages[dep.body] = true
			t.servicePage(dep, heads)
		case roll < 25:
			t.describeStaff(dep)
		case roll < 35:
			t.staffPage(dep, heads)
		default:
			t.staffCard(dep, heads)
		}
	}
}

// councillor writes the card of a member of the gemeenteraad.
func (t *town) councillor() {
	p := t.newPerson()
	c := card{address: []string{fmt.Sprintf("%s %d", pick(t.d, streets), t.d.between(1, 180)), fmt.Sprintf("%d %s", t.postcode, t.name), "België"}}
	c.phones = []string{mobile(t.d)}
	if t.d.chance(0.7) {
		c.emails = []string{t.email(p)}
	}
	c.functions = []knowledge.Function{fn("Gemeenteraad", "Gemeenteraadslid")}
	if t.d.chance(0.8) {
		c.functions = append(c.functions, fn("OCMW raad", "Raadslid"))
	}
	switch t.d.intn(6) {
	case 0:
		c.functions = append(c.functions, fn("Gemeenteraad", "Fractievoorzitter"))
	case 1:
		c.functions = append(c.functions, fn("Gemeenteraadscommissie", "Voorzitter"))
	case 2:
		c.functions = append(c.functions, fn("Bijzonder comité voor de sociale dienst", "Lid"))
	}
	party := strings.ReplaceAll(pick(t.d, parties), "{gemeente}", t.name)
	fill := t.fill(p, "{partij}", party, "{beroep}", pick(t.d, councillorJobs), "{commissie}", pick(t.d, committees))
	var info []section
	if t.d.chance(0.8) {
		info = append(info, section{"Fractie", []string{"{naam} zetelt voor {partij} in de gemeenteraad.", "Lid van de gemeenteraadscommissie {commissie}."}})
	}
	if t.d.chance(0.5) {
		info = append(info, section{"Over {voornaam}", []string{"In het dagelijks leven is {voornaam} {beroep}.", "{Hij} woont in {gemeente} sinds {jaar}."}})
	}
	c.info = fillSections(info, fill)
	c.prose = t.d.chance(0.3)
	t.add(t.addCard(RoleCouncillor, "raadslid-"+slug(p.last), p, c), p, "Gemeenteraadslid")
}

// staffRole returns a function of dep for a new person: the head first.
func (t *town) staffRole(dep department, heads map[string]person, p person) (string, string) {
	if _, ok := heads[dep.body]; !ok {
		heads[dep.body] = p
		return dep.head, "head"
	}
	role := pick(t.d, dep.roles)
	if strings.HasPrefix(role, "Administratief") || strings.HasPrefix(role, "Medewerker") || strings.HasPrefix(role, "Begeleider") {
		return role, "staff"
	}
	return role, "expert"
}

// generalBullets are things any staff card may say.
var generalBullets = []string{
	"{voornaam} werkt deeltijds en is aanwezig op maandag, dinsdag en donderdag.",
	"Bij afwezigheid van het diensthoofd neemt {voornaam} de dagelijkse leiding over.",
	"{Hij} is het eerste aanspreekpunt voor vragen van verenigingen.",
	"{Hij} werkt sinds {jaar} bij het lokaal bestuur {gemeente}.",
	"Bereikbaar tijdens de kantooruren; buiten de kantooruren kan je een bericht achterlaten.",
	"{Hij} vertegenwoordigt de dienst in het intergemeentelijk overleg.",
}

// staffCard writes the card of a member of staff of dep.
func (t *town) staffCard(dep department, heads map[string]person) {
	p := t.newPerson()
	role, level := t.staffRole(dep, heads, p)
	c := t.staffContact(p, "")
	c.functions = []knowledge.Function{fn(dep.body, role)}
	if level == "head" && t.d.chance(0.3) {
		c.functions = append(c.functions, fn("Managementteam", "Lid"))
	}
	fill := t.fill(p)
	var info []section
	switch t.d.intn(5) {
	case 0: // no Info at all
	case 1, 2:
		info = []section{{pick(t.d, []string{"Taken", "Opdrachten", "Wat doet {voornaam}?"}), some(t.d, dep.tasks, t.d.between(2, 4))}}
	default: // a long Info, as some services write
		info = []section{
			{pick(t.d, []string{"Taken", "Opdrachten"}), some(t.d, dep.tasks, len(dep.tasks))},
			{"Praktisch", some(t.d, generalBullets, t.d.between(2, 4))},
		}
		if dep.hours != "" {
			info = append(info, section{"Bereikbaarheid", []string{dep.hours}})
		}
	}
	c.info = fillSections(info, fill)
	c.prose = t.d.chance(0.15)
	t.add(t.addCard(RoleStaff, slug(role)+"-"+slug(p.last), p, c), p, role)
}

// staffPage writes a Markdown page about a member of staff.
func (t *town) staffPage(dep department, heads map[string]person) {
	p := t.newPerson()
	role, _ := t.staffRole(dep, heads, p)
	fill := t.fill(p)
	pg := page{
		title: role + " " + t.name, kind: "person", name: p.full(),
		functions: []knowledge.Function{fn(dep.body, role)},
		phones:    []string{t.phones.direct()}, emails: []string{t.email(p)},
		address: strings.Join(t.address("")[:2], ", "),
		heading: p.full(),
		intro:   []string{fill(role + " bij de " + lowerFirst(dep.body) + " van {gemeente}.")},
	}
	var bullets []string
	for _, b := range some(t.d, dep.tasks, t.d.between(2, 5)) {
		bullets = append(bullets, fill(b))
	}
	pg.sections = []section{{"Taken", bullets}}
	doc := document{file: t.fileName(slug(role)+"-"+slug(p.last), ".md"), format: FormatMarkdownPerson, role: RoleStaff, name: p.full(), functions: pg.functions, text: pg.render()}
	t.add(doc, p, role)
}

// servicePage writes the public page of dep, with its head as contact.
func (t *town) servicePage(dep department, heads map[string]person) {
	p, ok := heads[dep.body]
	if !ok {
		p = t.newPerson()
		heads[dep.body] = p
	}
	title := strings.ReplaceAll(dep.service, "{gemeente}", t.name)
	pg := page{
		title: title, kind: "service", name: p.full(),
		functions: []knowledge.Function{fn(dep.body, dep.head)},
		phones:    []string{t.phones.direct()}, emails: []string{mailPart(dep.body) + "@" + t.domain()},
		address: strings.Join(t.address("")[:2], ", "),
		aliases: some(t.d, dep.aliases, t.d.between(1, len(dep.aliases))),
		heading: strings.TrimSpace(strings.TrimSuffix(title, t.name)),
		intro:   []string{dep.head + ": **" + p.full() + "**"},
	}
	if t.d.chance(0.2) {
		pg.website = "https://www." + t.domain() + "/" + slug(dep.body)
	}
	pg.sections = []section{{"Je kan hier terecht voor", dep.offers}}
	if t.d.chance(0.5) {
		pg.sections = append(pg.sections, section{"Wanneer?", []string{dep.hours}})
	} else {
		pg.table = [][]string{{"Wat", "Wanneer"}, {"Loket", dep.hours}}
	}
	doc := document{file: t.fileName(slug(dep.body), ".md"), format: FormatMarkdownService, role: RoleService, name: p.full(), functions: pg.functions, text: pg.render()}
	t.add(doc, p, dep.head)
}

// describeStaff writes the description of a function of dep not yet
// described in this town, or a staff card when all are.
func (t *town) describeStaff(dep department) {
	all := append([]string{dep.head}, dep.roles...)
	for _, i := range t.d.r.Perm(len(all)) {
		role := all[i]
		if t.described[knowledge.Fold(role)] {
			continue
		}
		level := "expert"
		if i == 0 {
			level = "head"
		} else if strings.HasPrefix(role, "Administratief") || strings.HasPrefix(role, "Medewerker") {
			level = "staff"
		}
		lead := "het diensthoofd"
		if i == 0 {
			lead = "de algemeen directeur"
		}
		paras := describeFunction(t.d, role, dep, level)
		fill := t.fill(person{}, "{functie}", lowerFirst(role), "{dienst}", lowerFirst(dep.body), "{leiding}", lead)
		t.describe(role, paras, fill)
		return
	}
	t.staffCard(dep, map[string]person{dep.body: {}})
}
