package corpusgen

// The Info sections of the person cards that questions are about. Each role
// has a few variants, as real municipalities describe the same function in
// their own words: some still use the old title (gemeentesecretaris,
// financieel beheerder), some copy the decree, some are short.
//
// Placeholders are filled by fill: {naam} {voornaam} {hij} {Hij} {zijn}
// {Zijn} {hem} {gemeente} {jaar} {dienst}.

// section is one numbered heading of a card's Info, or one "##" section of
// a Markdown document, with its bullets.
type section struct {
	heading string
	bullets []string
}

// directorInfo are the variants for the algemeen directeur. The first is the
// customer's own card, long and written around the old title; it also
// mentions complaints, as real cards do.
var directorInfo = [][]section{
	{
		{"De gemeentesecretaris is de algemeen directeur van de gemeentelijke organisatie", []string{
			"De gemeentesecretaris staat in voor de algemene leiding van de gemeentelijke diensten, staat aan het hoofd van het gemeentepersoneel en is bevoegd voor het dagelijks personeelsbeheer;",
			"De gemeentesecretaris staat in voor de werking van de gemeentelijke diensten inzake de voorbereiding, de uitvoering en de evaluatie van het beleid;",
			"De gemeentesecretaris staat in voor de organisatie en de werking van het interne controlesysteem;",
			"De gemeentesecretaris organiseert de behandeling van de briefwisseling, meldingen en klachten.",
		}},
		{"De gemeentesecretaris is de strategisch adviseur van het gemeentebestuur", []string{
			"De gemeentesecretaris bereidt de zaken voor die aan de gemeenteraad, de gemeenteraadscommissies, aan het college van burgemeester en schepenen en aan de burgemeester worden voorgelegd;",
			"De gemeentesecretaris woont de vergaderingen bij van de gemeenteraad en van het college van burgemeester en schepenen en is verantwoordelijk voor de notulering van besluiten;",
			"De gemeentesecretaris adviseert de gemeenteraad, het college van burgemeester en schepenen en de burgemeester op beleidsmatig, bestuurskundig en juridisch vlak.",
		}},
		{"De gemeentesecretaris is de voorzitter en drijvende kracht  van het managementteam", []string{
			"De gemeentesecretaris bepaalt de agenda, zit de vergaderingen van het managementteam voor, initieert en superviseert de vastgelegde maatregelen en acties;",
			"Het managementteam legt zich toe op de organisatiebrede, professionele ontwikkeling van de gehele gemeentelijke organisatie en overstijgt ‘de belangen’ van de verschillende diensten; ",
			"Het managementteam werkt zowel op korte als op halflange en lange termijn;",
			"Het managementteam stuurt de ontwikkeling van de organisatie vanuit de filosofie van total quality management of integrale kwaliteitszorg.",
		}},
	},
	{
		{"Hoogste ambtenaar van {gemeente}", []string{
			"{naam} begon in {jaar} als gemeentesecretaris; sinds het Decreet over het Lokaal Bestuur van kracht is, heet {zijn} functie algemeen directeur.",
			"{Hij} coördineert de gemeentelijke en OCMW-diensten en is leidinggevende van alle personeelsleden.",
			"Beslissingen over dagelijks personeelsbeheer, zoals verlof en dienstroosters van diensthoofden, neemt {hij} zelf.",
		}},
		{"Ondersteuning van de politieke organen", []string{
			"Agendapunten voor de raden en het college worden onder {zijn} verantwoordelijkheid uitgewerkt.",
			"{Hij} is aanwezig op elke zitting en maakt het verslag van de gemeenteraad en het college op.",
			"Politici kunnen bij {hem} terecht voor advies over regelgeving, procedures en bestuurlijke keuzes.",
		}},
		{"Managementteam", []string{
			"Het managementteam komt om de twee weken samen onder {zijn} voorzitterschap.",
		}},
	},
	{
		{"Algemene leiding", []string{
			"Als algemeen directeur geeft {naam} leiding aan de diensten van gemeente en OCMW {gemeente}.",
			"{Hij} is de hiërarchische overste van alle medewerkers, met uitzondering van de financieel directeur.",
			"{Hij} tekent samen met de burgemeester de briefwisseling en de besluiten van het college.",
		}},
		{"Beleidsvoorbereiding en bestuurlijke ondersteuning", []string{
			"{Hij} bereidt de dossiers voor die aan de gemeenteraad, de raad voor maatschappelijk welzijn, het college en het vast bureau worden voorgelegd.",
			"{Hij} maakt het verslag van de gemeenteraad op en zorgt dat elk besluit correct wordt bekendgemaakt.",
			"De opvolging van het meerjarenplan en de rapportering daarover gebeuren onder {zijn} coördinatie.",
		}},
		{"Organisatiebeheersing", []string{
			"{Hij} zet een systeem van interne controle op dat fouten, fraude en inefficiëntie helpt voorkomen.",
			"Jaarlijks rapporteert {hij} aan de gemeenteraad over de stand van de organisatiebeheersing.",
		}},
	},
}

// financeInfo are the variants for the financieel directeur.
var financeInfo = [][]section{
	{
		{"Financieel directeur van {gemeente}", []string{
			"Tot de hervorming van 2018 was {naam} de financieel beheerder van de gemeente.",
			"{Hij} is eindverantwoordelijk voor de boekhouding, de jaarrekening en het kasbeheer van gemeente en OCMW.",
			"{Hij} werkt mee aan het meerjarenplan en volgt de budgettaire ruimte op.",
		}},
		{"Onafhankelijke controle", []string{
			"Grote uitgaven en aanstellingen krijgen pas uitvoering na {zijn} visum.",
			"Onbetaalde facturen en retributies worden door {zijn} dienst ingevorderd.",
		}},
	},
	{
		{"Opdrachten", []string{
			"De financieel directeur, vroeger financieel beheerder of gemeenteontvanger genoemd, bewaakt de financiële gezondheid van het lokaal bestuur.",
			"{naam} stelt elk jaar de jaarrekening op en legt die voor aan het managementteam en de gemeenteraad.",
			"{Hij} beheert de thesaurie: de beleggingen, de leningen en de liquiditeitsplanning.",
			"{Hij} verleent het voorafgaand visum bij verbintenissen boven de drempel die de gemeenteraad bepaalde.",
		}},
		{"Rapportering en advies", []string{
			"Minstens eenmaal per jaar rapporteert {hij} aan het college over de thesauriepositie en de debiteurenopvolging.",
			"{Hij} adviseert de algemeen directeur en de schepen van financiën over de budgetwijzigingen.",
			"Voor de opmaak van de beleidsrapporten werkt {hij} nauw samen met de dienst Financiën.",
		}},
		{"Invordering", []string{
			"Openstaande schulden worden minnelijk en, indien nodig, gedwongen ingevorderd via dwangbevel.",
		}},
	},
	{
		{"Taken", []string{
			"{naam} voert de boekhouding van gemeente en OCMW en maakt de jaarrekening op.",
			"{Hij} staat in voor het kasbeheer en de opvolging van de kredieten.",
			"{Hij} heeft zitting in het managementteam.",
		}},
	},
}

// mayorTasks are the bullets about what the burgemeester does.
var mayorTasks = []string{
	"{Hij} leidt de vergaderingen van het schepencollege en het vast bureau.",
	"Bij een noodsituatie neemt {hij} de coördinatie op zich en kan {hij} dringende politiemaatregelen nemen.",
	"Trouwen in {gemeente}? {Hij} of een aangeduide schepen voltrekt de ceremonie.",
	"{Hij} is het hoofd van de gemeentelijke politie en zetelt in het politiecollege van de zone.",
	"{Hij} tekent de besluiten en de briefwisseling van de gemeente samen met de algemeen directeur.",
	"Voor een afspraak kan je terecht op het secretariaat van het kabinet.",
}

// mayorTopics are always part of the burgemeester's portfolio.
var mayorTopics = []string{
	"Openbare orde en veiligheid",
	"Politie en brandweer",
	"Burgerlijke stand en bevolking",
}

// topic is one subject of a schepen's portfolio: the line on the card and
// the word a question uses for it.
type topic struct {
	key  string // what a question asks: "sport"
	line string // what the card says: "Sportbeleid en sporthal"
}

// portfolio is every subject a college divides among its schepenen. The
// question word stands in the line, so the right card can be found.
var portfolio = []topic{
	{"sport", "Sportbeleid, sporthal en sportverenigingen"},
	{"cultuur", "Cultuur, academie en feestzaal"},
	{"onderwijs", "Scholen en onderwijs"},
	{"jeugd", "Jeugdbeleid en jeugdlokalen"},
	{"financiën", "Begroting en financiën"},
	{"mobiliteit", "Verkeer, mobiliteit en fietsbeleid"},
	{"landbouw", "Landbouw en plattelandsbeleid"},
	{"toerisme", "Toerisme, erfgoed en musea"},
	{"milieu", "Natuur, milieu en duurzaamheid"},
	{"wonen", "Wonen en woonbeleid"},
	{"senioren", "Senioren en ouderenbeleid"},
	{"economie", "Lokale economie, markten en middenstand"},
	{"personeel", "Personeel en organisatieontwikkeling"},
	{"kinderopvang", "Kinderopvang en gezinsbeleid"},
	{"openbare werken", "Openbare werken, wegen en riolering"},
	{"bibliotheek", "Bibliotheek en leesbevordering"},
	{"erediensten", "Erediensten en begraafplaatsen"},
	{"digitalisering", "ICT en digitalisering"},
	{"ontwikkelingssamenwerking", "Noord-Zuidbeleid en ontwikkelingssamenwerking"},
	{"dierenwelzijn", "Dierenwelzijn"},
	{"gelijke kansen", "Gelijke kansen en integratie"},
	{"evenementen", "Feesten en evenementen"},
	{"welzijn", "Sociaal beleid, welzijn en armoedebestrijding"},
}

// aldermanExtras are optional sections of a schepen's card.
var aldermanExtras = []section{
	{"Bereikbaarheid", []string{"Afspraken via {zijn} gsm of per mail."}},
	{"Bereikbaarheid", []string{"Zitdag op zaterdag van 10 tot 11 uur in het gemeentehuis."}},
	{"Zitdag", []string{"Elke eerste maandag van de maand van 17 tot 19 uur, zonder afspraak.", "Buiten de zitdag graag een afspraak via het secretariaat."}},
	{"Over {voornaam}", []string{"{naam} zetelt sinds {jaar} in de gemeenteraad.", "In het dagelijks leven was {hij} jarenlang actief in het verenigingsleven van {gemeente}."}},
}

// committeeChair is the extra section of the schepen who chairs the BCSD.
var committeeChair = section{"Comité", []string{
	"{naam} leidt als voorzitter de besloten zittingen waarin over individuele hulpaanvragen wordt beslist.",
	"Het comité beslist onder meer over leefloon, huurwaarborgen en dringende medische hulp.",
}}

// councilChairInfo is the card of the voorzitter van de gemeenteraad.
var councilChairInfo = []section{
	{"Rol", []string{
		"{naam} is raadslid en werd bij de installatievergadering verkozen tot voorzitter van de gemeenteraad.",
		"{Hij} nodigt de raadsleden uit, bepaalt de volgorde van de agendapunten en geeft het woord tijdens de zitting.",
		"Bij tumult kan {hij} de zitting schorsen of toehoorders laten verwijderen.",
	}},
}

// preventionInfo is the card of the preventieadviseur; the second section
// only when the same person is the noodplanningscoördinator.
var preventionInfo = []section{
	{"Veilig en gezond werken", []string{
		"{voornaam} is het aanspreekpunt voor collega's met vragen over werkplekinrichting, valgevaar of het werken met gevaarlijke producten.",
		"{Hij} inspecteert de gemeentelijke gebouwen en bouwwerven van de eigen ploegen.",
		"Na een ongeval op het werk brengt {hij} de oorzaken in kaart en stelt {hij} maatregelen voor.",
		"{Hij} adviseert bij de aankoop van arbeidsmiddelen en persoonlijke beschermingsmiddelen.",
	}},
}

var emergencyInfo = section{"Rampenplanning", []string{
	"Als noodplanningscoördinator bereidt {hij} het gemeentelijk rampenplan voor en oefent {hij} het scenario van een chemisch incident op de N-weg.",
	"{Hij} houdt de lijst van kwetsbare locaties, zoals scholen en woonzorgcentra, actueel.",
}}

// emergencyOnlyInfo is the card of a noodplanningscoördinator who is not
// the preventieadviseur.
var emergencyOnlyInfo = []section{
	{"Noodplanning", []string{
		"{naam} maakt het algemeen nood- en interventieplan, het rampenplan van {gemeente}, en houdt het actueel.",
		"{Hij} organiseert elk jaar een oefening met brandweer, politie en de medische diensten.",
		"Bij een ramp zorgt {hij} voor de werking van de gemeentelijke coördinatiecel.",
	}},
}

// complaintsInfo is the card of the klachtencoördinator.
var complaintsInfo = []section{
	{"Ontevreden over onze dienstverlening?", []string{
		"{naam} registreert iedere klacht die bij gemeente of OCMW {gemeente} binnenkomt.",
		"{Hij} checkt eerst of het wel degelijk om een klacht gaat en niet om een melding of een vraag.",
		"Na onderzoek ontvangt de indiener schriftelijk een antwoord, uiterlijk zes weken na de registratie.",
	}},
}

var complaintsExtra = section{"Organisatiebeheersing", []string{
	"Daarnaast begeleidt {voornaam} de diensten bij het in kaart brengen van risico's en het opvolgen van verbeteracties.",
}}

// privacyBody is the body of the DPO's Markdown page.
var privacyBody = []section{
	{"Wat kan {hij} voor je doen?", []string{
		"Uitleg geven over welke gegevens de gemeente over jou bewaart en waarom.",
		"Je aanvraag om gegevens te laten corrigeren of verwijderen opvolgen.",
		"Een vermoedelijk datalek onderzoeken en melden aan de toezichthouder.",
	}},
	{"Intern", []string{
		"{Hij} screent nieuwe softwarecontracten op privacyrisico's.",
		"{Hij} geeft jaarlijks een opleiding over veilig omgaan met persoonsgegevens aan alle medewerkers.",
	}},
}

// personnelBody is the body of the personnel department's page.
var personnelBody = []string{
	"Contact voor kandidaten die willen solliciteren bij de gemeente.",
	"Verwerkt loonbrieven, ziektemeldingen en verlofaanvragen.",
	"Organiseert teambuildings en het jaarlijkse personeelsfeest.",
	"Coördineert het opleidingsaanbod voor medewerkers.",
}

// civilAffairsBody is the body of the burgerzaken desk's page.
var civilAffairsBody = []section{
	{"Je kan hier terecht voor", []string{
		"Een nieuwe eID of een kids-ID",
		"Je rijbewijs omwisselen of vernieuwen",
		"Een verhuis doorgeven",
		"Een uittreksel uit het strafregister",
		"Aangifte van een geboorte of een overlijden",
	}},
	{"Wanneer?", []string{
		"Elke werkdag in de voormiddag en op donderdag tot 19 uur, steeds na afspraak.",
	}},
}

// councillorJobs are what council members do for a living.
var councillorJobs = splitList(`leerkracht; zelfstandig bakker; verpleegkundige; landbouwer; advocaat;
bediende; ingenieur; huisarts; gepensioneerd; kinesitherapeut; boekhouder; ondernemer; politie-inspecteur;
maatschappelijk assistent; apotheker; student; projectleider; vrachtwagenchauffeur; kapper`)

// committees are the council committees a member can sit in.
var committees = splitList(`Financiën; Ruimte en wonen; Welzijn; Vrije tijd; Algemeen beleid;
Mobiliteit; Onderwijs en jeugd`)
