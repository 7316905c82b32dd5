package corpusgen

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A function description is running text: a "Functiebeschrijving <role>"
// line, then short headings each followed by a paragraph or two.

// paragraph is one heading of a function description and its text.
type paragraph struct {
	heading string
	text    []string
}

// directorDescriptions are the variants of the algemeen directeur's
// description: the short one of the customer's sample, and a long one in
// the style of a vacancy text.
var directorDescriptions = [][]paragraph{
	{
		{"", []string{"In {gemeente} is de algemeen directeur de spil tussen het politieke bestuur en de administratie. De functie is wettelijk geregeld en behoort tot de decretale graden."}},
		{"Kernopdracht", []string{"Leiding geven aan de diensten van gemeente en OCMW, zodat de doelstellingen uit het meerjarenplan gerealiseerd worden en de inwoners vlot geholpen worden."}},
		{"Bestuurlijke ondersteuning", []string{"Dossiers voor gemeenteraad, college en vast bureau worden onder toezicht van de algemeen directeur voorbereid. De functiehouder is aanwezig op de vergaderingen, maakt het verslag op en zorgt dat besluiten uitgevoerd worden."}},
		{"Personeel", []string{"De algemeen directeur is de hiërarchische overste van alle medewerkers en voert het dagelijks personeelsbeheer."}},
		{"Interne controle", []string{"De algemeen directeur zet een systeem van organisatiebeheersing op poten dat fouten, fraude en inefficiëntie helpt voorkomen."}},
	},
	{
		{"", []string{
			"De algemeen directeur neemt de algemene leiding van de gemeentelijke en OCMW-organisatie en zorgt voor een effectief, efficiënt en verantwoordelijk bestuur. Samen met het managementteam is de algemeen directeur belast met de voorbereiding, uitvoering en evaluatie van het beleid.",
			"De algemeen directeur vormt, samen met het managementteam, de brug tussen het politieke en ambtelijke niveau: hij rapporteert aan de beleidsorganen van de organisatie (college van burgemeester en schepenen, vast bureau, bijzonder comité sociale dienst, gemeenteraad, raad voor maatschappelijk welzijn). Hij staat aan het hoofd van het personeel van de organisatie.",
		}},
		{"Continuïteit en verdere ontwikkeling van de organisatie", []string{
			"Als algemeen directeur bent u verantwoordelijk voor het leiden en coördineren van de ambtelijke organisatie van het lokaal bestuur {gemeente}. Daarbij staat het garanderen van de continuïteit en kwalitatieve werking steeds voorop. Tegelijk bouwt u actief aan de verdere ontwikkeling van de organisatie, zowel op strategisch als op tactisch en operationeel vlak.",
			"Bijzondere aandacht gaat uit naar het bevorderen van interne en externe samenwerking tussen diensten, afdelingen en andere partners van het lokaal bestuur. U zoekt daarbij een evenwicht tussen centrale en decentrale werking en tussen dienstverlening in eigen beheer of uitbesteed.",
			"Vanuit uw positie als hoogste ambtenaar zorgt u voor een professionele werking van de verschillende overlegplatformen en bestuursorganen: een gedegen voorbereiding, gerichte adviezen en de uitvoering van de genomen beslissingen. U bent verantwoordelijk voor het verslag van de vergaderingen van de gemeenteraad en het college.",
		}},
		{"Beleidsaspiraties en budgettaire capaciteiten", []string{
			"Als algemeen directeur zorgt u samen met het managementteam voor de voorbereiding, de uitvoering en de evaluatie van de doelstellingen. De beheers- en beleidscyclus biedt u de handvaten om de beleidsdoelstellingen planmatig te vertalen naar gedragen actieplannen en acties. Samen met de financieel directeur koppelt u beleidsaspiraties aan budgettaire capaciteiten.",
		}},
		{"Motiveren en enthousiasmeren", []string{
			"Als hoofd van het personeel bent u steeds zichtbaar en aanspreekbaar. U staat in voor de samenwerking tussen de verschillende afdelingen en diensten en laat de talenten en competenties van uw medewerkers groeien op basis van een gedegen personeelsbeleid.",
		}},
		{"Scharnierfunctie en netwerking", []string{
			"Door steeds oog te hebben voor de belangen en informatiebehoeften van alle betrokken actoren bouwt u, vanuit uw scharnierfunctie, aan duurzame banden tussen burger, politiek en administratie. Ook met verzelfstandigde entiteiten en regionale partners zorgt u voor een soepele samenwerking.",
		}},
	},
}

// financeDescription is the financieel directeur's description.
var financeDescription = []paragraph{
	{"", []string{"De financieel directeur van {gemeente} zorgt voor een gezond en transparant financieel beheer van gemeente en OCMW."}},
	{"Hoofdtaken", []string{"Opmaak van de financiële rapporten en de jaarrekening, beheer van de liquide middelen en het voeren van de boekhouding."}},
	{"Onafhankelijke opdrachten", []string{"Het verlenen van een visum bij belangrijke verbintenissen en het invorderen van openstaande schulden. Voor die taken kan de algemeen directeur geen instructies geven."}},
	{"Overleg", []string{"De financieel directeur neemt deel aan het managementteam en geeft advies aan de algemeen directeur en de schepen van financiën."}},
}

// preventionDescription and complaintsDescription describe two staff
// functions the questions are about; they fold into their holders.
var preventionDescription = []paragraph{
	{"", []string{"De interne preventieadviseur helpt het lokaal bestuur {gemeente} om het welzijn van de medewerkers op het werk te bevorderen."}},
	{"Opdrachten", []string{"Risicoanalyses van werkposten en gebouwen, onderzoek van elk arbeidsongeval, advies bij de aankoop van arbeidsmiddelen en de opmaak van het globaal preventieplan en het jaaractieplan."}},
	{"Overleg", []string{"De preventieadviseur bereidt het comité voor preventie en bescherming op het werk voor en werkt samen met de externe dienst en de arbeidsgeneesheer."}},
}

var complaintsDescription = []paragraph{
	{"", []string{"De klachtencoördinator organiseert de klachtenbehandeling van gemeente en OCMW {gemeente}, zoals het Decreet over het Lokaal Bestuur vraagt."}},
	{"Klachtenbehandeling", []string{"Registratie en onderzoek van elke klacht, een schriftelijk antwoord binnen de termijn en een jaarlijks rapport aan de gemeenteraad met de lessen voor de organisatie."}},
	{"Profiel", []string{"Je bent onafhankelijk, luistert goed en kan vlot schrijven. Een bachelordiploma is vereist."}},
}

// Building blocks of the description of any other function.
var (
	descIntros = []string{
		"Als {functie} maak je deel uit van de {dienst} van het lokaal bestuur {gemeente}. Je werkt onder leiding van {leiding} en draagt bij aan een vlotte en klantvriendelijke dienstverlening aan de inwoners.",
		"Het lokaal bestuur {gemeente} zoekt voor de {dienst} een {functie}. Deze functiebeschrijving geeft weer wat er van de functiehouder verwacht wordt.",
		"De {functie} staat mee in voor de werking van de {dienst} en rapporteert aan {leiding}.",
	}
	descResults = []paragraph{
		{"Beleidsvoorbereiding", []string{"Je verzamelt informatie over de noden van de inwoners en de verenigingen, analyseert die en vertaalt ze naar voorstellen voor het college. Je volgt de regelgeving op en signaleert wat ze betekent voor de werking van de dienst."}},
		{"Uitvoering en opvolging", []string{"Je zet de beslissingen van het bestuur om in concrete acties, bewaakt de planning en het budget en stuurt bij waar nodig. Je houdt de indicatoren van het meerjarenplan bij die over jouw domein gaan."}},
		{"Dienstverlening", []string{"Je helpt inwoners, verenigingen en bedrijven aan het loket, aan de telefoon en per mail. Je zorgt dat vragen binnen een redelijke termijn een antwoord krijgen en verwijst door wanneer een andere dienst bevoegd is."}},
		{"Interne samenwerking", []string{"Je werkt samen met de andere diensten van gemeente en OCMW en neemt deel aan overleg over projecten die de grenzen van de eigen dienst overschrijden. Je deelt je kennis met collega's."}},
		{"Administratie", []string{"Je bereidt collegebesluiten voor, houdt de dossiers volledig en digitaal bij en zorgt voor een correcte archivering volgens de archiefregels van het bestuur."}},
		{"Communicatie", []string{"Je schrijft teksten voor de website, het infoblad en de sociale media van de gemeente over de werking en het aanbod van de dienst."}},
		{"Netwerking", []string{"Je onderhoudt contacten met partners in de regio, met de Vlaamse overheid en met collega's van andere lokale besturen, en brengt goede voorbeelden binnen."}},
	}
	descProfiles = map[string]string{
		"head":   "Je hebt een masterdiploma of een bachelordiploma met minstens vijf jaar relevante ervaring, waarvan twee jaar als leidinggevende.",
		"expert": "Je hebt een bachelordiploma, bij voorkeur in een richting die aansluit bij de functie.",
		"staff":  "Er is geen diplomavereiste; ervaring in een gelijkaardige functie is een troef.",
	}
	descCompetences = []string{
		"Je werkt klantgericht en houdt het algemeen belang voor ogen.",
		"Je plant je werk zelfstandig en houdt deadlines in de gaten.",
		"Je communiceert helder, mondeling en schriftelijk.",
		"Je werkt graag samen en deelt informatie met collega's.",
		"Je bent flexibel en bereid om af en toe 's avonds of in het weekend te werken.",
		"Je bent integer en gaat discreet om met vertrouwelijke informatie.",
		"Je bent leergierig en volgt de evoluties in je vakgebied op.",
	}
	descOffers = []string{
		"Een contract van onbepaalde duur met een marktconforme verloning volgens de weddeschalen van het lokaal bestuur. Maaltijdcheques, een hospitalisatieverzekering, een fietsvergoeding en glijdende werkuren. Relevante ervaring uit de privésector wordt meegeteld.",
		"Een voltijdse of deeltijdse betrekking in een boeiende en afwisselende job, met opleidingsmogelijkheden en een goed evenwicht tussen werk en privé.",
	}
)

// describeFunction renders the description of a function of dep; level is
// "head", "expert" or "staff".
func describeFunction(d dice, role string, dep department, level string) []paragraph {
	var out []paragraph
	out = append(out, paragraph{"", []string{pick(d, descIntros)}})
	tasks := some(d, dep.tasks, d.between(2, len(dep.tasks)))
	var lines []string
	for _, t := range tasks {
		lines = append(lines, "De {functie} "+lowerFirst(t))
	}
	out = append(out, paragraph{pick(d, []string{"Doel van de functie", "Kerntaken", "Wat doe je?"}), []string{strings.Join(lines, " ")}})
	out = append(out, some(d, descResults, d.between(2, 5))...)
	out = append(out, paragraph{"Profiel", []string{descProfiles[level]}})
	if d.chance(0.7) {
		out = append(out, paragraph{"Competenties", []string{strings.Join(some(d, descCompetences, d.between(3, 6)), " ")}})
	}
	if d.chance(0.5) {
		out = append(out, paragraph{"Wat bieden wij?", []string{pick(d, descOffers)}})
	}
	return out
}

// lowerFirst lowers the first letter of s unless the word is an acronym
// ("Diensthoofd cultuur" → "diensthoofd cultuur", "ICT-coördinator" stays).
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	next, _ := utf8.DecodeRuneInString(s[n:])
	if unicode.IsUpper(next) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// renderFunction writes a function description: two blank lines, as the
// scraped files begin, then the title, then paragraphs under headings.
func renderFunction(role string, paras []paragraph, fill func(string) string) string {
	var b strings.Builder
	b.WriteString("\n\nFunctiebeschrijving " + lowerFirst(role) + "\n")
	for _, p := range paras {
		if p.heading != "" {
			b.WriteString("\n" + fill(p.heading) + "\n")
		}
		for _, t := range p.text {
			b.WriteString("\n" + fill(t) + "\n")
		}
	}
	return b.String()
}
