package corpusgen

// department is a municipal service the filler documents belong to: most
// documents of a real knowledge base are about staff nobody asks for by
// name. Their texts avoid the words the generated questions are about
// (klacht, datalek, ziektemelding, ongeval, rampenplan, jaarrekening, eID,
// verslag), so the expected answer of a question stays the right one.
type department struct {
	body  string   // the body in a functions row: "Dienst Cultuur"
	head  string   // the head's function title
	roles []string // the other function titles
	tasks []string // what the department's people do, one bullet each
	// The department's public page, when it has one.
	service string   // its title, "{gemeente}" replaced
	aliases []string // other names for it
	offers  []string // what you can come for
	hours   string
}

var departments = []department{
	{
		body: "Dienst Cultuur", head: "Diensthoofd cultuur",
		roles: []string{"Deskundige cultuur", "Cultuurbeleidscoördinator", "Administratief medewerker cultuur", "Zaalverantwoordelijke"},
		tasks: []string{
			"Stelt elk seizoen het programma van het cultuurcentrum samen.",
			"Ondersteunt de culturele verenigingen bij subsidieaanvragen.",
			"Volgt de verhuur van de feestzaal en de podiumtechniek op.",
			"Coördineert de erfgoeddag en de opendeurdag van de academie.",
			"Zorgt voor de werking van de cultuurraad en bereidt de adviezen voor.",
			"Beheert het budget voor kunst in de openbare ruimte.",
			"Werkt samen met de scholen aan een aanbod cultuureducatie.",
		},
		service: "Cultuurcentrum {gemeente}", aliases: []string{"cultuurdienst", "CC"},
		offers: []string{"Tickets voor voorstellingen en concerten", "Verhuur van zalen en materiaal", "Info over het aanbod van de academie", "Subsidies voor culturele verenigingen"},
		hours:  "Dinsdag tot vrijdag van 13 tot 18 uur en een uur voor elke voorstelling.",
	},
	{
		body: "Sportdienst", head: "Diensthoofd sport",
		roles: []string{"Sportfunctionaris", "Sportpromotor", "Beheerder sporthal", "Redder-lesgever"},
		tasks: []string{
			"Plant de zaalbezetting van de sporthal en het zwembad.",
			"Organiseert de sportkampen in de schoolvakanties.",
			"Begeleidt de sportraad en de erkenning van sportclubs.",
			"Volgt het onderhoud van de voetbalvelden en de finse piste op.",
			"Werkt mee aan de scholenveldloop en de sportweek voor senioren.",
			"Verdeelt de werkingssubsidies voor sportverenigingen.",
		},
		service: "Sportdienst {gemeente}", aliases: []string{"sporthal", "sportloket"},
		offers: []string{"Een sportzaal of terrein huren", "Inschrijven voor sportkampen", "Erkenning en subsidie van je sportclub", "Een zwembeurtenkaart kopen"},
		hours:  "Maandag tot vrijdag van 9 tot 12 uur en van 14 tot 17 uur.",
	},
	{
		body: "Jeugddienst", head: "Jeugdconsulent",
		roles: []string{"Jeugdwerker", "Coördinator speelpleinwerking", "Medewerker jeugd"},
		tasks: []string{
			"Ondersteunt de jeugdbewegingen en de jeugdhuizen.",
			"Organiseert de speelpleinwerking in juli en augustus.",
			"Beheert de uitleendienst voor spelmateriaal en tenten.",
			"Begeleidt de jeugdraad en bereidt de adviezen voor.",
			"Volgt de brandveiligheid van de jeugdlokalen op samen met de brandweer.",
			"Zoekt en vormt animatoren voor de vakantiewerking.",
		},
		service: "Jeugddienst {gemeente}", aliases: []string{"jeugdloket"},
		offers: []string{"Inschrijven voor de speelpleinwerking", "Spelmateriaal lenen", "Subsidie voor je jeugdvereniging", "Een fuifzaal reserveren"},
		hours:  "Maandag, woensdag en vrijdag van 13 tot 17 uur.",
	},
	{
		body: "Bibliotheek", head: "Bibliothecaris",
		roles: []string{"Bibliotheekassistent", "Medewerker collectie", "Leesconsulent"},
		tasks: []string{
			"Bouwt de collectie boeken, strips en films uit.",
			"Organiseert voorleesmomenten en schrijversavonden.",
			"Begeleidt klassen bij hun bezoek aan de bibliotheek.",
			"Helpt bezoekers met digitale vragen in het digipunt.",
			"Volgt de werking van de uitleenposten in de deelgemeenten op.",
		},
		service: "Bibliotheek {gemeente}", aliases: []string{"bib"},
		offers: []string{"Boeken, strips en films lenen", "Gratis wifi en computers", "Hulp bij digitale vragen", "Voorlezen voor kleuters"},
		hours:  "Maandag tot zaterdag van 10 tot 18 uur, op woensdag tot 20 uur.",
	},
	{
		body: "Technische dienst", head: "Diensthoofd technische dienst",
		roles: []string{"Ploegbaas groendienst", "Technisch assistent wegen", "Ploegbaas gebouwen", "Magazijnier", "Werfleider"},
		tasks: []string{
			"Plant de werken aan wegen, voetpaden en riolering.",
			"Stuurt de ploegen van de groendienst en de gebouwendienst aan.",
			"Volgt de aannemers op bij grote werven.",
			"Zorgt voor de strooidienst in de winter.",
			"Beheert het wagenpark en het magazijn.",
			"Behandelt meldingen over kapotte straatverlichting en putten in de weg.",
			"Maakt de lastenboeken voor onderhoudswerken op.",
		},
		service: "Technische dienst {gemeente}", aliases: []string{"werkhuis", "gemeentelijke werkplaats"},
		offers: []string{"Een signalisatievergunning voor een verhuiswagen", "Nadars of tafels lenen voor een buurtfeest", "Een defecte straatlamp doorgeven"},
		hours:  "Elke werkdag van 8 tot 12 uur.",
	},
	{
		body: "Sociaal huis", head: "Diensthoofd sociale dienst",
		roles: []string{"Maatschappelijk werker", "Sociaal assistent", "Woonbegeleider", "Trajectbegeleider werk", "Schuldbemiddelaar"},
		tasks: []string{
			"Onderzoekt aanvragen voor leefloon en aanvullende financiële hulp.",
			"Begeleidt gezinnen met schulden in budgetbeheer of collectieve schuldenregeling.",
			"Zoekt samen met de cliënt naar een betaalbare woning.",
			"Bereidt de dossiers voor het bijzonder comité voor de sociale dienst voor.",
			"Verwijst door naar het CAW, het OCMW van een andere gemeente of de mutualiteit.",
			"Begeleidt leefloners naar werk via een artikel 60-tewerkstelling.",
		},
		service: "Sociaal huis {gemeente}", aliases: []string{"OCMW-loket", "sociale dienst"},
		offers: []string{"Financiële hulp en leefloon", "Hulp bij je energiefactuur", "Budgetbegeleiding", "Aanvraag van een sociale woning"},
		hours:  "Elke werkdag van 9 tot 12 uur, namiddag op afspraak.",
	},
	{
		body: "Kinderopvang", head: "Coördinator buitenschoolse kinderopvang",
		roles: []string{"Begeleider kinderopvang", "Verantwoordelijke opvanglocatie"},
		tasks: []string{
			"Organiseert de voor- en naschoolse opvang in de scholen.",
			"Stelt de uurroosters van de begeleiders op.",
			"Volgt de inschrijvingen en de facturatie van de opvang op.",
			"Is het aanspreekpunt voor ouders bij vragen over de opvang.",
			"Werkt mee aan het lokaal overleg kinderopvang.",
		},
		service: "Buitenschoolse kinderopvang {gemeente}", aliases: []string{"IBO", "naschoolse opvang"},
		offers: []string{"Opvang voor en na school", "Opvang op woensdagnamiddag", "Vakantieopvang"},
		hours:  "Tijdens het schooljaar van 7 tot 8.30 uur en van 15.30 tot 18.30 uur.",
	},
	{
		body: "Woonzorgcentrum", head: "Directeur woonzorgcentrum",
		roles: []string{"Hoofdverpleegkundige", "Zorgkundige", "Ergotherapeut", "Animator woonzorgcentrum"},
		tasks: []string{
			"Staat in voor de zorg en het welbevinden van de bewoners.",
			"Plant de opnames en houdt de wachtlijst bij.",
			"Organiseert activiteiten en uitstappen voor de bewoners.",
			"Volgt de kwaliteitseisen van het agentschap Zorg en Gezondheid op.",
			"Overlegt met de huisartsen en de apotheker van de bewoners.",
		},
		service: "Woonzorgcentrum {gemeente}", aliases: []string{"rusthuis", "WZC"},
		offers: []string{"Een kamer aanvragen", "Kortverblijf", "Dagverzorgingscentrum", "Bezoekuren en cafetaria"},
		hours:  "Het onthaal is elke dag open van 9 tot 19 uur.",
	},
	{
		body: "Dienst Financiën", head: "Diensthoofd financiën",
		roles: []string{"Boekhouder", "Deskundige financiën", "Medewerker facturatie"},
		tasks: []string{
			"Boekt de inkomende facturen en volgt de betalingen op.",
			"Maakt de belastingkohieren van de gemeentebelastingen op.",
			"Bereidt de budgetwijzigingen en de beleidsrapporten mee voor.",
			"Beheert de subsidiedossiers bij de Vlaamse overheid.",
			"Volgt de btw-aangiftes en de leningen op.",
		},
	},
	{
		body: "Dienst Informatica", head: "ICT-coördinator",
		roles: []string{"Informaticus", "Systeembeheerder", "Helpdeskmedewerker ICT", "Applicatiebeheerder"},
		tasks: []string{
			"Beheert het netwerk, de servers en de werkposten van gemeente en OCMW.",
			"Helpt collega's met vragen over software en toestellen.",
			"Volgt de informatieveiligheid en de back-ups op.",
			"Begeleidt de invoering van nieuwe toepassingen en e-loketten.",
			"Beheert de telefonie en de gsm-abonnementen van het personeel.",
		},
	},
	{
		body: "Secretariaat", head: "Diensthoofd secretariaat",
		roles: []string{"Deskundige secretariaat", "Beleidsmedewerker", "Administratief medewerker secretariaat", "Juridisch adviseur"},
		tasks: []string{
			"Bereidt de agenda van het college en de raden administratief voor.",
			"Beheert het archief en de registratie van de inkomende post.",
			"Volgt de verzekeringsdossiers en de schadegevallen op.",
			"Publiceert de besluiten op de website van de gemeente.",
			"Ondersteunt het managementteam bij de opvolging van projecten.",
		},
	},
	{
		body: "Dienst Omgeving", head: "Diensthoofd wonen",
		roles: []string{"Woonambtenaar", "Deskundige wonen", "Administratief medewerker omgeving", "Mobiliteitsambtenaar"},
		tasks: []string{
			"Onderzoekt de woningkwaliteit op vraag van huurders.",
			"Begeleidt eigenaars bij premies voor renovatie en isolatie.",
			"Houdt het register van leegstaande woningen bij.",
			"Werkt het mobiliteitsplan uit en volgt de schoolroutes op.",
			"Adviseert over verkeersreglementen en parkeerbeleid.",
		},
		service: "Woonloket {gemeente}", aliases: []string{"woonwinkel"},
		offers: []string{"Premies voor renovatie en isolatie", "Advies over huren en verhuren", "Een conformiteitsattest"},
		hours:  "Dinsdag en donderdag van 9 tot 12 uur.",
	},
	{
		body: "Dienst Lokale economie", head: "Economisch beleidsmedewerker",
		roles: []string{"Marktleider", "Medewerker ondernemersloket", "Centrummanager"},
		tasks: []string{
			"Is het aanspreekpunt voor ondernemers en handelaars.",
			"Organiseert de wekelijkse markt en de jaarmarkt.",
			"Begeleidt starters bij hun vestiging in het centrum.",
			"Volgt de leegstand van handelspanden op.",
		},
		service: "Ondernemersloket {gemeente}", aliases: []string{"economieloket"},
		offers: []string{"Een standplaats op de markt", "Hulp bij een nieuwe zaak", "Een terrasvergunning"},
		hours:  "Op afspraak.",
	},
	{
		body: "Toerisme", head: "Toerismeconsulent",
		roles: []string{"Medewerker toerisme", "Erfgoedconsulent", "Gids-coördinator"},
		tasks: []string{
			"Beheert het infokantoor en de fiets- en wandelroutes.",
			"Stelt de toeristische brochure en de zomerkalender samen.",
			"Plant de geleide wandelingen met de gidsen.",
			"Volgt de inventaris van het bouwkundig erfgoed op.",
		},
		service: "Toerisme {gemeente}", aliases: []string{"infokantoor", "toeristische dienst"},
		offers: []string{"Fiets- en wandelkaarten", "Een geleide wandeling boeken", "Streekproducten en geschenken"},
		hours:  "Van april tot september elke dag van 10 tot 17 uur.",
	},
	{
		body: "Onthaal", head: "Onthaalcoördinator",
		roles: []string{"Onthaalmedewerker", "Telefonist"},
		tasks: []string{
			"Verwelkomt bezoekers in het gemeentehuis en verwijst hen door.",
			"Beantwoordt de telefoon van het algemeen nummer.",
			"Verkoopt huisvuilzakken en geeft afvalkalenders mee.",
			"Maakt afspraken voor de verschillende loketten.",
		},
		service: "Onthaal gemeentehuis {gemeente}", aliases: []string{"infobalie"},
		offers: []string{"Huisvuilzakken en afvalkalender", "Een afspraak maken bij een loket", "Verloren voorwerpen"},
		hours:  "Elke werkdag van 8.30 tot 12 uur en op maandag ook van 14 tot 19 uur.",
	},
	{
		body: "Recyclagepark", head: "Parkwachter",
		roles: []string{"Medewerker recyclagepark"},
		tasks: []string{
			"Helpt bezoekers hun afval juist te sorteren.",
			"Houdt de containers en het terrein net.",
			"Controleert aan de slagboom of de bezoeker in de gemeente woont.",
		},
		service: "Recyclagepark {gemeente}", aliases: []string{"containerpark"},
		offers: []string{"Grofvuil, snoeihout en bouwpuin", "Elektrische toestellen", "Asbest, goed verpakt"},
		hours:  "Dinsdag tot zaterdag van 9 tot 12 uur en van 13 tot 17 uur.",
	},
}
