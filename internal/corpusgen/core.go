package corpusgen

import (
	"fmt"
	"strings"

	"github.com/wieiswie/wieiswie/knowledge"
)

// core writes the documents every town has and questions are about: the
// political top, the decretale graden and a few staff functions.
// It returns the number of schepenen, which sizes the council.
func (t *town) core(size int) int {
	aldermen := min(4+size/80, 8)
	topics := some(t.d, portfolio, len(portfolio))
	extra := t.d.between(0, 2) // the burgemeester keeps a subject or two besides safety
	t.mayor(append(append([]string{}, mayorTopics...), lines(topics[:extra])...))
	topics = topics[extra:]
	bcsd := t.d.intn(aldermen)
	for i := range aldermen {
		per := min(t.d.between(2, 3), len(topics)/(aldermen-i))
		t.alderman(i == 0, i == bcsd, topics[:per])
		topics = topics[per:]
	}
	t.councilChair()
	t.director()
	t.finance()
	if t.d.chance(0.3) {
		t.deputy()
	}
	t.privacy()
	combined := t.d.chance(0.6)
	t.prevention(combined)
	if !combined {
		t.emergency()
	}
	t.complaints()
	t.civilAffairs()
	t.personnel()
	return aldermen
}

func lines(ts []topic) []string {
	out := make([]string, len(ts))
	for i, tp := range ts {
		out[i] = tp.line
	}
	return out
}

// politicianContact is the contact block of a politician: the town hall, a
// direct line (not always) and a mobile number.
func (t *town) politicianContact(p person) card {
	c := card{address: t.address("")}
	if t.d.chance(0.8) {
		c.phones = append(c.phones, t.phones.direct())
	}
	c.phones = append(c.phones, mobile(t.d))
	if t.d.chance(0.9) {
		c.emails = []string{t.email(p)}
	}
	return c
}

// staffContact is the contact block of a member of staff.
func (t *town) staffContact(p person, street string) card {
	c := card{address: t.address(street)}
	if t.d.chance(0.15) {
		c.phones = append(c.phones, t.phones.general())
	}
	c.phones = append(c.phones, t.phones.direct())
	if t.d.chance(0.85) {
		c.emails = []string{t.email(p)}
	}
	return c
}

func (t *town) mayor(portfolioLines []string) {
	p := t.newPerson()
	c := t.politicianContact(p)
	c.functions = []knowledge.Function{fn("Schepencollege", "Burgemeester"), fn("Vast bureau", "Voorzitter"), fn("Gemeenteraad", "Gemeenteraadslid")}
	if t.d.chance(0.7) {
		c.functions = append(c.functions, fn("OCMW raad", "Raadslid"))
	}
	c.info = fillSections([]section{
		{"Portefeuille", portfolioLines},
		{"Taken van de burgemeester", some(t.d, mayorTasks, t.d.between(3, len(mayorTasks)))},
	}, t.fill(p))
	t.keys.mayor = t.add(t.addCard(RoleMayor, "burgemeester", p, c), p, "Burgemeester")
}

func (t *town) alderman(first, chairsBCSD bool, ts []topic) {
	p := t.newPerson()
	c := t.politicianContact(p)
	title := "Schepen"
	if first {
		title = "Eerste schepen"
	}
	c.functions = []knowledge.Function{fn("Schepencollege", title)}
	if chairsBCSD {
		body := "Bijzonder comité voor de sociale dienst"
		if t.d.chance(0.2) {
			body = "BCSD"
		}
		c.functions = append(c.functions, fn(body, "Voorzitter"))
	}
	c.functions = append(c.functions, fn("Gemeenteraad", "Gemeenteraadslid"), fn("Vast bureau", "Lid"))
	if t.d.chance(0.5) {
		c.functions = append(c.functions, fn("OCMW raad", "Raadslid"))
	}
	fill := t.fill(p)
	c.info = []section{{"Portefeuille", lines(ts)}}
	if chairsBCSD {
		c.info = append(c.info, fillSections([]section{committeeChair}, fill)...)
	}
	if t.d.chance(0.6) {
		c.info = append(c.info, fillSections([]section{pick(t.d, aldermanExtras)}, fill)...)
	}
	r := t.add(t.addCard(RoleAlderman, "schepen-"+slug(p.last), p, c), p, title)
	t.keys.aldermen = append(t.keys.aldermen, alderman{ref: r, topics: ts})
	if chairsBCSD {
		t.keys.bcsd = r
	}
}

func (t *town) councilChair() {
	p := t.newPerson()
	c := t.politicianContact(p)
	c.functions = rows("Voorzitter", "Gemeenteraad", "OCMW raad")
	c.info = fillSections(councilChairInfo, t.fill(p))
	t.keys.chair = t.add(t.addCard(RoleChair, "voorzitter-gemeenteraad", p, c), p, "Voorzitter")
}

// director writes the algemeen directeur's card and description. A few
// towns never updated the card and still call the function
// gemeentesecretaris.
func (t *town) director() {
	p := t.newPerson()
	c := t.staffContact(p, "")
	c.phones = append([]string{t.phones.general()}, c.phones[len(c.phones)-1])
	title := "Algemeen directeur"
	if t.d.chance(0.1) {
		title = "Gemeentesecretaris"
	}
	bodies := []string{"Schepencollege", "Gemeenteraad", "OCMW raad", "Vast bureau", "Bijzonder comité voor de sociale dienst"}
	c.functions = rows(title, bodies[:t.d.between(2, len(bodies))]...)
	fill := t.fill(p)
	c.info = fillSections(pick(t.d, directorInfo), fill)
	t.keys.director = t.add(t.addCard(RoleDirector, "algemeen-directeur", p, c), p, title)
	t.describe("algemeen directeur", pick(t.d, directorDescriptions), fill)
}

func (t *town) finance() {
	p := t.newPerson()
	c := t.staffContact(p, "")
	title := "Financieel directeur"
	if t.d.chance(0.1) {
		title = "Financieel beheerder"
	}
	c.functions = rows(title, "Gemeenteraad", "OCMW raad")
	fill := t.fill(p)
	c.info = fillSections(pick(t.d, financeInfo), fill)
	t.keys.finance = t.add(t.addCard(RoleFinance, "financieel-directeur", p, c), p, title)
	t.describe("financieel directeur", financeDescription, fill)
}

func (t *town) deputy() {
	p := t.newPerson()
	c := t.staffContact(p, "")
	c.functions = rows("Adjunct-algemeen directeur", "Schepencollege", "Gemeenteraad")
	c.info = fillSections([]section{{"Taken", []string{
		"{naam} vervangt de algemeen directeur bij afwezigheid.",
		"{Hij} is verantwoordelijk voor het departement interne zaken.",
	}}}, t.fill(p))
	t.add(t.addCard(RoleDeputy, "adjunct-algemeen-directeur", p, c), p, "Adjunct-algemeen directeur")
	t.keys.hasDeputy = true
}

// privacy writes the DPO: a Markdown page as in the sample, or a card.
func (t *town) privacy() {
	p := t.newPerson()
	fill := t.fill(p)
	title := pick(t.d, []string{"DPO", "DPO", "Functionaris voor gegevensbescherming"})
	mail := pick(t.d, []string{"gegevensbescherming", "privacy", "dpo"}) + "@" + t.domain()
	if t.d.chance(0.6) {
		pg := page{
			title: "Privacy en gegevensbescherming " + t.name, kind: "person", name: p.full(),
			functions: []knowledge.Function{fn("Lokaal bestuur "+t.name, title)},
			phones:    []string{t.phones.direct()}, emails: []string{mail},
			address: strings.Join(t.address("")[:2], ", "),
			aliases: some(t.d, []string{"functionaris voor gegevensbescherming", "privacyfunctionaris", "privacyverantwoordelijke"}, 2),
			heading: p.full(),
			intro:   []string{fill("{naam} is de " + title + " van het lokaal bestuur.")},
		}
		pg.sections = fillSections(privacyBody, fill)
		if t.d.chance(0.3) {
			pg.organisation = t.name
		}
		doc := document{file: t.fileName("dpo", ".md"), format: FormatMarkdownPerson, role: RoleDPO, name: p.full(), functions: pg.functions, text: pg.render()}
		t.keys.dpo = t.add(doc, p, title)
		return
	}
	c := t.staffContact(p, "")
	c.emails = []string{mail}
	c.functions = []knowledge.Function{fn("Stafdienst", title)}
	c.info = fillSections(privacyBody, fill)
	t.keys.dpo = t.add(t.addCard(RoleDPO, "dpo", p, c), p, title)
}

// prevention writes the preventieadviseur, who in many towns is also the
// noodplanningscoördinator.
func (t *town) prevention(alsoEmergency bool) {
	p := t.newPerson()
	c := t.staffContact(p, pick(t.d, []string{"Nijverheidslaan", "Industrieweg", "Ambachtenstraat"})+fmt.Sprintf(" %d", t.d.between(2, 60)))
	c.functions = []knowledge.Function{fn("Preventiedienst", "Preventieadviseur")}
	fill := t.fill(p)
	c.info = fillSections(preventionInfo, fill)
	if alsoEmergency {
		c.functions = append(c.functions, fn("Gemeentelijke veiligheidscel", "Noodplanningscoördinator"))
		c.info = append(c.info, fillSections([]section{emergencyInfo}, fill)...)
	}
	r := t.add(t.addCard(RolePrevention, "preventieadviseur", p, c), p, "Preventieadviseur")
	t.keys.prevention = r
	if alsoEmergency {
		r.title = "Noodplanningscoördinator"
		t.keys.emergency = r
	}
	if t.d.chance(0.5) {
		t.describe("preventieadviseur", preventionDescription, fill)
	}
}

func (t *town) emergency() {
	p := t.newPerson()
	c := t.staffContact(p, "")
	c.functions = []knowledge.Function{fn("Gemeentelijke veiligheidscel", "Noodplanningscoördinator")}
	if t.d.chance(0.5) {
		c.functions = append(c.functions, fn("Stafdienst", "Beleidsmedewerker veiligheid"))
	}
	c.info = fillSections(emergencyOnlyInfo, t.fill(p))
	t.keys.emergency = t.add(t.addCard(RoleEmergency, "noodplanningscoordinator", p, c), p, "Noodplanningscoördinator")
}

func (t *town) complaints() {
	p := t.newPerson()
	c := t.staffContact(p, "")
	c.emails = []string{pick(t.d, []string{"klachtenmeldpunt", "klachten", "ombudsdienst"}) + "@" + t.domain()}
	c.functions = []knowledge.Function{fn("Stafdienst", "Klachtencoördinator")}
	fill := t.fill(p)
	c.info = fillSections(complaintsInfo, fill)
	if t.d.chance(0.5) {
		c.functions = append(c.functions, fn("Stafdienst", "Deskundige organisatiebeheersing"))
		c.info = append(c.info, fillSections([]section{complaintsExtra}, fill)...)
	}
	t.keys.complaints = t.add(t.addCard(RoleComplaints, "klachtencoordinator", p, c), p, "Klachtencoördinator")
	if t.d.chance(0.4) {
		t.describe("klachtencoördinator", complaintsDescription, fill)
	}
}

// civilAffairs writes the burgerzaken desk's page, a service with its
// team leader as contact.
func (t *town) civilAffairs() {
	p := t.newPerson()
	title := pick(t.d, []string{"Teamcoördinator burgerzaken", "Teamverantwoordelijke burgerzaken", "Diensthoofd burgerzaken"})
	pg := page{
		title: "Loket Burgerzaken " + t.name, kind: "service", name: p.full(),
		functions: []knowledge.Function{fn(pick(t.d, []string{"Burgerzaken", "Dienst Burgerzaken"}), title)},
		phones:    []string{t.phones.direct()}, emails: []string{pick(t.d, []string{"loket", "burgerzaken", "bevolking"}) + "@" + t.domain()},
		address: strings.Join(t.address("")[:2], ", "),
		aliases: some(t.d, []string{"bevolkingsdienst", "ID-loket", "dienst bevolking"}, 2),
		heading: "Loket Burgerzaken",
		intro:   []string{strings.SplitN(title, " ", 2)[0] + ": **" + p.full() + "**"},
	}
	pg.sections = civilAffairsBody
	doc := document{file: t.fileName("burgerzaken", ".md"), format: FormatMarkdownService, role: RoleCivil, name: p.full(), functions: pg.functions, text: pg.render()}
	t.keys.civil = t.add(doc, p, title)
}

// personnel writes the personnel department's page.
func (t *town) personnel() {
	p := t.newPerson()
	title := pick(t.d, []string{"Teamverantwoordelijke personeel", "Diensthoofd personeel", "HR-verantwoordelijke"})
	kind, format := "person", FormatMarkdownPerson
	heading := p.full()
	if t.d.chance(0.4) {
		kind, format, heading = "service", FormatMarkdownService, "Dienst Personeel"
	}
	pg := page{
		title: "Dienst Personeel " + t.name, kind: kind, name: p.full(),
		functions: []knowledge.Function{fn("Dienst Personeel", title)},
		phones:    []string{t.phones.direct()}, emails: []string{pick(t.d, []string{"personeel", "hr", "vacatures"}) + "@" + t.domain()},
		address: strings.Join(t.address("")[:2], ", "),
		aliases: some(t.d, []string{"HR-team", "personeelszaken", "personeelsdienst"}, 2),
		heading: heading,
		intro:   []string{title + " van de dienst Personeel: " + p.full() + "."},
		sections: []section{{"Waarvoor kan je bij ons terecht?",
			some(t.d, personnelBody, len(personnelBody))}},
	}
	doc := document{file: t.fileName("hr", ".md"), format: format, role: RolePersonnel, name: p.full(), functions: pg.functions, text: pg.render()}
	t.keys.personnel = t.add(doc, p, title)
}

// describe writes the function description of role once per town.
func (t *town) describe(role string, paras []paragraph, fill func(string) string) {
	key := knowledge.Fold(role)
	if t.described[key] {
		return
	}
	t.described[key] = true
	doc := document{file: t.fileName("functiebeschrijving-"+slug(role), ".txt"), format: FormatFunction, role: RoleDescription,
		text: renderFunction(role, paras, fill)}
	t.add(doc, person{}, role)
}
