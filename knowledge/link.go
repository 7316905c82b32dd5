package knowledge

import (
	"slices"
	"sort"
)

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
	canon, fold := Memo(roles.Canonical), Memo(Fold)
	for _, d := range docs {
		if d.Kind != KindPerson && d.Kind != KindService {
			continue
		}
		org := fold(d.Organisation)
		var seen []string
		for _, f := range d.Functions {
			c := canon(f.Title)
			if c == "" || slices.Contains(seen, c) {
				continue
			}
			seen = append(seen, c)
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
		org := fold(fd.Organisation)
		found := map[string]bool{}
		for _, t := range append([]string{fd.Role}, fd.Aliases...) {
			c := canon(t)
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

// linkedAsBefore gives docs the holders they had in previous and reports
// true when that is what Link would give them: when the same documents are
// there and none changed in what links them (a reload after an edit to a
// paragraph). Otherwise it changes nothing and reports false.
func linkedAsBefore(docs []Document, previous map[string]Document) bool {
	if len(docs) != len(previous) {
		return false
	}
	for i := range docs {
		prev, ok := previous[docs[i].Source]
		if !ok || !sameLinks(&docs[i], &prev) {
			return false
		}
	}
	for i := range docs {
		docs[i].Holders = previous[docs[i].Source].Holders
	}
	return true
}

// sameLinks reports whether a and b are alike in all that Link looks at.
func sameLinks(a, b *Document) bool {
	return a.Kind == b.Kind && a.Organisation == b.Organisation && a.Role == b.Role &&
		slices.Equal(a.Functions, b.Functions) && slices.Equal(a.Aliases, b.Aliases)
}
