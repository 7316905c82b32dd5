package knowledge

import "sort"

// Link fills the Holders of every function description: the sources of the
// person and service documents that hold the function it describes, so "wat
// doet de algemeen directeur" can also say who that is. Titles are compared
// through roles, so a card that still says "Gemeentesecretaris" holds the
// function "algemeen directeur"; the description's own aliases count too.
// Only documents of the same organisation are linked, or where either does
// not know its organisation. Holders are sorted; Link may be called again
// after documents change.
func Link(docs []Document, roles *Equivalences) {
	for i := range docs {
		fd := &docs[i]
		if fd.Kind != KindFunction {
			continue
		}
		fd.Holders = nil
		wanted := map[string]bool{}
		for _, t := range append([]string{fd.Role}, fd.Aliases...) {
			if c := roles.Canonical(t); c != "" {
				wanted[c] = true
			}
		}
		if len(wanted) == 0 {
			continue
		}
		for _, d := range docs {
			if (d.Kind == KindPerson || d.Kind == KindService) && sameOrganisation(fd.Organisation, d.Organisation) && holdsAny(d, roles, wanted) {
				fd.Holders = append(fd.Holders, d.Source)
			}
		}
		sort.Strings(fd.Holders)
	}
}

func sameOrganisation(a, b string) bool {
	return a == "" || b == "" || Fold(a) == Fold(b)
}

func holdsAny(d Document, roles *Equivalences, wanted map[string]bool) bool {
	for _, f := range d.Functions {
		if wanted[roles.Canonical(f.Title)] {
			return true
		}
	}
	return false
}
