package corpusgen

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// person is an invented inhabitant of a municipality.
type person struct {
	first, last string
	female      bool
}

func (p person) full() string { return p.first + " " + p.last }

// Common Flemish first names. Names within one or two letters of a word
// that questions use are left out: the index recognises names with typos,
// and a surname "Schepens" would turn every "schepen" into a person.
var (
	maleFirst = strings.Fields(`Jan Pieter Koen Bart Tom Wouter Kristof Jelle Sven Tim Bert Dirk Luc Marc
Geert Stijn Joris Jeroen Wim Filip Hans Peter Johan Kris Steven Nico Thomas Robbe Arne Lander Brecht
Dries Maarten Jonas Ward Lieven Frederik Bram Gert Rudi Patrick Erik Guy Mathias Yves Ruben Sander
Michiel Mohamed Youssef Ahmed Karel Jef Rik Gunther Hendrik Laurens Pieterjan Seppe Wannes Toon`)
	femaleFirst = strings.Fields(`Evi Ann Leen Hilde Charlotte Els Saskia Miet Katrien Sofie Lies Inge Griet
Veerle Nathalie Kathleen Liesbeth Elke Sarah Lotte Eline Joke Tine Marijke Karolien Annelies Sien Fien
Nele Hanne Lien Ilse Kaat Heidi Caroline Martine Mieke Greet Ellen Jolien Femke Marleen Rita Ingrid
Nadia Yasmine Fatima Amira Tinne Valerie Ann-Sofie Marie-Louise Kelly Stefanie Gitte Leentje`)
)

// surnames are common Flemish surnames, with their particles.
var surnames = splitList(`Peeters; Janssens; Maes; Jacobs; Mertens; Willems; Claes; Goossens; Wouters;
De Smet; Dubois; Lambrecht; Van de Velde; Van Hecke; De Clercq; De Pauw; Martens; Verstraete; Baert;
Van Acker; Coppens; Mortier; Van Damme; Blommaert; Gobert; Vermeulen; Desmet; Hermans; Aerts; Michiels;
Dierckx; Van den Broeck; Vandenberghe; De Vos; Declercq; Pauwels; Segers; Smets; Vermeersch; Verbeke;
De Backer; Bogaert; Lemmens; Cools; De Cock; Van Dyck; Verhoeven; Stevens; Huysmans; Geerts; Van Looy;
Bosmans; Vervoort; Thys; Van Gucht; De Wilde; Devos; Vanhoutte; Deprez; Lauwers; D'Hondt; Van Steenkiste;
Vanparys; Demeyer; Van den Bossche; De Meyer; Vercruysse; Desmedt; Verhaeghe; Dewulf; Van Laere;
Callens; Vandamme; Hoste; Goethals; Van Hoof; Nijs; Leysen; Van Camp; Wuyts; Op de Beeck; Van Rompuy;
Luyten; Boeckx; Heylen; Vanderstraeten; Sels; Meeus; Bauwens; Vanhaecke; De Ridder; Van der Linden;
Soetaert; Van Parys; Ghijs; Roels; Verschueren; Van Eeckhout; Deceuninck; Debruyne; Tack; Maenhout;
El Amrani; Benali; Yilmaz; Ceulemans; Dockx; Van Gestel; Mariën; Van Ransbeeck; Van Aelst; Lenaerts`)

// Municipality names are made of a first part and an ending, as many
// Flemish names are ("Kastel"+"broek"), sometimes with a saint in front
// ("Sint-") or a hyphenated tail ("-op-den-Berg", "-aan-Zee").
var (
	townStarts = strings.Fields(`Kastel Heist Wetter Zwijn Denter Oost West Zand Beer Ruis Mol Lede Wichel
Aals Hamme Lebbe Merel Ouden Kort Haren Bever Essen Stekel Temse Lokke Zomer Wille Hoog Laar Berlaer
Brem Dilsen Eke Gavere Hulst Ingel Kalmt Lint Mere Nazar Otter Putte Rijk Schil Tielt Ursel Vorse Waar
Zulte Arend Bocholt Dessel Eppe Geet Halen Ichte Kinrooi Lummen Meldert Neer Olen Peer Retie Stabroek
Tremel Velt Wezem Zoer Hove Aarde Boven Elver Gooik Herne Jabbe Kluis Lier Moorsel Nieuw Opwijk`)
	townEnds = strings.Fields(`broek gem kerke hout dam berg beke zele linde rode hove lo donk laar meer
sel tegem kapelle dijk brugge heim veld poel bos kamp ingen egem ele daal aken akker bergen dries
hoven leeuw moere wijk zande lede rijk`)
	townTails  = []string{"-op-den-Berg", "-aan-Zee", "-Waas", "-aan-de-Schelde", "-Vijve", "-ten-Hove", "-bij-Brugge"}
	townFronts = []string{"Sint-", "Groot-", "Klein-", "Neder-", "Opper-"}
)

// Street names for the town hall and other municipal buildings.
var streets = splitList(`Kasteeldreef; Markt; Dorpsstraat; Gemeenteplein; Kerkstraat; Stationsstraat;
Marktplein; Sint-Pietersplein; Alfred Verweeplein; Grote Markt; Kerkplein; Raadhuisplein; Stationsplein;
Koning Albertstraat; Nijverheidslaan; Molenstraat; Schoolstraat; Lindenlaan; Beukenlaan; Steenweg;
Abdijstraat; Kapelstraat; Sportlaan; Parkstraat; Veldstraat; Heirbaan; Dorpsplein; Pastorijstraat`)

// Parties and local lists for council members; "{gemeente}" is replaced by
// the municipality.
var parties = splitList(`CD&V; N-VA; Open VLD; Vooruit; Groen; Vlaams Belang; PVDA;
Samen {gemeente}; Open {gemeente}; Lijst Burgemeester; {gemeente} Vooruit; Gemeentebelangen`)

// splitList splits a ";"-separated list and trims every item.
func splitList(s string) []string {
	var out []string
	for _, item := range strings.Split(s, ";") {
		if item = strings.Join(strings.Fields(item), " "); item != "" {
			out = append(out, item)
		}
	}
	return out
}

// slug turns a name into a file or folder name: lower case, diacritics
// and punctuation dropped, words joined by "-" ("Van de Velde" →
// "van-de-velde", "D'Hondt" → "dhondt").
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r), r == '\'', r == '’':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
	}
	return b.String()
}

// mailPart is a name as it appears in an e-mail address: slug without
// dashes ("Van de Velde" → "vandevelde").
func mailPart(s string) string { return strings.ReplaceAll(slug(s), "-", "") }
