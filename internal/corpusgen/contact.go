package corpusgen

import "fmt"

// zone is a Belgian telephone zone with the postcodes of its region, so a
// municipality's phone numbers and postcode look like they belong together.
type zone struct {
	code         string // "9", "50"
	postLo, post int    // postcode range [postLo, post]
}

var zones = []zone{
	{"9", 9000, 9992}, {"3", 2000, 2990}, {"2", 1500, 1980}, {"50", 8000, 8490},
	{"51", 8700, 8890}, {"52", 9200, 9290}, {"53", 9300, 9340}, {"54", 9400, 9500},
	{"55", 9600, 9700}, {"56", 8500, 8590}, {"57", 8900, 8980}, {"58", 8600, 8690},
	{"59", 8400, 8480}, {"11", 3500, 3590}, {"12", 3700, 3790}, {"13", 3200, 3390},
	{"14", 2200, 2490}, {"15", 2800, 2890}, {"16", 3000, 3190}, {"89", 3600, 3690},
}

// phonebook hands out the numbers of one municipality: the town hall's
// general number and direct lines after it.
type phonebook struct {
	zone   string
	prefix string // the digits every municipal number shares
	next   int
}

func newPhonebook(d dice, z zone) *phonebook {
	if len(z.code) == 1 {
		return &phonebook{zone: z.code, prefix: fmt.Sprintf("%d", d.between(210, 899))}
	}
	return &phonebook{zone: z.code, prefix: fmt.Sprintf("%d", d.between(21, 89))}
}

// general is the town hall's number.
func (p *phonebook) general() string { return p.format(0) }

// direct returns a new direct line.
func (p *phonebook) direct() string {
	p.next++
	return p.format(p.next)
}

// format writes extension ext the way the zone's numbers are written:
// "+32 9 378 40 05" (one-digit zone), "+32 50 63 01 05" (two digits).
func (p *phonebook) format(ext int) string {
	if len(p.zone) == 1 {
		return fmt.Sprintf("+32 %s %s %02d %02d", p.zone, p.prefix, 40+ext/100, ext%100)
	}
	return fmt.Sprintf("+32 %s %s %02d %02d", p.zone, p.prefix, 10+ext/100, ext%100)
}

// mobile returns a Belgian mobile number.
func mobile(d dice) string {
	return fmt.Sprintf("+32 4%d%d %02d %02d %02d", d.between(7, 9), d.intn(10), d.intn(100), d.intn(100), d.intn(100))
}
