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
//
// The holders are found through an index of (organisation, canonical role)
// built once, so linking stays linear in the number of documents.
func Link(docs []Document, roles *Equivalences) {
	type key struct{ org, role string }
	holders := map[key][]string{}   // by folded organisation and canonical role
	anyOrg := map[string][]string{} // by canonical role, over all organisations
	for _, d := range docs {
		if d.Kind != KindPerson && d.Kind != KindService {
			continue
		}
		org := Fold(d.Organisation)
		seen := map[string]bool{}
		for _, f := range d.Functions {
			c := roles.Canonical(f.Title)
			if c == "" || seen[c] {
				continue
			}
			seen[c] = true
			holders[key{org, c}] = append(holders[key{org, c}], d.Source)
			anyOrg[c] = append(anyOrg[c], d.Source)
		}
	}
	for i := range docs {
		fd := &docs[i]
		if fd.Kind != KindFunction {
			continue
		}
		fd.Holders = nil
		org := Fold(fd.Organisation)
		found := map[string]bool{}
		for _, t := range append([]string{fd.Role}, fd.Aliases...) {
			c := roles.Canonical(t)
			if c == "" {
				continue
			}
			// Same organisation, plus those whose organisation is unknown;
			// a description that knows no organisation links to all.
			cands := append(append([]string{}, holders[key{org, c}]...), holders[key{"", c}]...)
			if org == "" {
				cands = anyOrg[c]
			}
			for _, src := range cands {
				if !found[src] {
					found[src] = true
					fd.Holders = append(fd.Holders, src)
				}
			}
		}
		sort.Strings(fd.Holders)
	}
}
