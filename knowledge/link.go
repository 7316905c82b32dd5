package knowledge

import (
	"slices"
	"sort"
	"strconv"
)

// Link fills the Holders and HolderMentions of every function description:
// who holds the function it describes, so "wat doet de algemeen directeur"
// can also say who that is. Only documents of the same organisation count,
// or those where either does not know its organisation. A holder is found
// in three ways:
//
//  1. a person or service document holds a function whose title holds the
//     role: compared through roles, so a card that still says
//     "Gemeentesecretaris" holds "algemeen directeur", and by the rules of
//     roleKeys, so "Waarnemend financieel directeur" holds "financieel
//     directeur" and "Preventieadviseur-diensthoofd" holds
//     "preventieadviseur"; the description's own aliases count too;
//  2. the description itself names a person without a title or with one
//     that holds the role ("Contact: Jan Peeters", "Functiehouder: Jan
//     Peeters, jeugdconsulent"), but not "rapporteert aan algemeen directeur
//     Jan Peeters";
//  3. any document of the organisation names a person with a title that
//     holds the role ("klachtencoördinator Joke Ramaekers" in an
//     organogram).
//
// A person named in 2 or 3 is their person or service document (the same
// Name) when there is one, a Holder; else the place that names them,
// "source#line", is a HolderMention.
//
// When nobody holds the role as the description writes it, the narrower
// roles it is made of count (see narrowerRoles: "vrijetijdsconsulent" for
// "vrijetijdsconsulent jeugd en sport"), but only when one person holds
// them: "diensthoofd" alone does not say which diensthoofd.
//
// Holders and HolderMentions are sorted; Link may be called again after
// documents change. Everything is found through indexes by (organisation,
// canonical role) and (organisation, name) built once, so linking stays
// linear in the number of documents.
func Link(docs []Document, roles *Equivalences) {
	type key struct{ org, role string } // folded organisation, and a canonical role or folded name
	type holder struct {
		source string
		person string // folded name, or the source for a document that names no one
	}
	type mention struct {
		at   string // "source#line"
		org  string // folded
		name string // folded
	}
	fold := Memo(Fold)
	type memoKey struct {
		title string
		held  bool
	}
	keysMemo := map[memoKey][]string{}
	keys := func(title string, held bool) []string { // roleKeys, remembered
		ks, ok := keysMemo[memoKey{title, held}]
		if !ok {
			ks = roleKeys(title, roles, held)
			keysMemo[memoKey{title, held}] = ks
		}
		return ks
	}
	titleKeys := func(titles []string) []string {
		var out []string
		for _, t := range titles {
			for _, k := range keys(t, true) {
				if !slices.Contains(out, k) {
					out = append(out, k)
				}
			}
		}
		return out
	}

	holders := map[key][]holder{}   // person and service documents by role
	anyOrg := map[string][]holder{} // the same over all organisations
	named := map[key][]string{}     // their sources by folded Name
	mentions := map[key][]mention{} // People of every document by role
	anyOrgMentions := map[string][]mention{}
	for _, d := range docs {
		org := fold(d.Organisation)
		if d.Kind == KindPerson || d.Kind == KindService {
			person := fold(d.Name)
			if person == "" {
				person = d.Source
			} else {
				named[key{org, person}] = append(named[key{org, person}], d.Source)
			}
			var titles []string
			for _, f := range d.Functions {
				titles = append(titles, f.Title)
			}
			for _, c := range titleKeys(titles) {
				holders[key{org, c}] = append(holders[key{org, c}], holder{d.Source, person})
				anyOrg[c] = append(anyOrg[c], holder{d.Source, person})
			}
		}
		for _, m := range d.People {
			ref := mention{at: d.Source + "#" + strconv.Itoa(m.Line), org: org, name: fold(m.Name)}
			for _, c := range titleKeys(m.Titles) {
				mentions[key{org, c}] = append(mentions[key{org, c}], ref)
				anyOrgMentions[c] = append(anyOrgMentions[c], ref)
			}
		}
	}
	// The candidates for a role in an organisation: the organisation's own,
	// plus those whose organisation is unknown; a description that knows no
	// organisation looks at all.
	holdersOf := func(org, role string) []holder {
		if org == "" {
			return anyOrg[role]
		}
		return append(slices.Clip(holders[key{org, role}]), holders[key{"", role}]...)
	}
	mentionsOf := func(org, role string) []mention {
		if org == "" {
			return anyOrgMentions[role]
		}
		return append(slices.Clip(mentions[key{org, role}]), mentions[key{"", role}]...)
	}

	// soleHolder returns the one person who holds a role in an
	// organisation, or "" when nobody or several do; remembered, as many
	// descriptions may ask.
	sole := map[key]string{}
	soleHolder := func(org, role string) string {
		if p, ok := sole[key{org, role}]; ok {
			return p
		}
		p, several := "", false
		for _, h := range holdersOf(org, role) {
			several = several || p != "" && p != h.person
			p = h.person
		}
		for _, m := range mentionsOf(org, role) {
			several = several || p != "" && p != m.name
			p = m.name
		}
		if several {
			p = ""
		}
		sole[key{org, role}] = p
		return p
	}

	for i := range docs {
		fd := &docs[i]
		if fd.Kind != KindFunction {
			continue
		}
		fd.Holders, fd.HolderMentions = nil, nil
		org := fold(fd.Organisation)
		found := map[string]bool{}
		addHolder := func(src string) {
			if !found[src] {
				found[src] = true
				fd.Holders = append(fd.Holders, src)
			}
		}
		addMention := func(m mention) {
			srcs := append(slices.Clip(named[key{m.org, m.name}]), named[key{"", m.name}]...)
			for _, src := range srcs {
				addHolder(src)
			}
			if len(srcs) == 0 && !found[m.at] {
				found[m.at] = true
				fd.HolderMentions = append(fd.HolderMentions, m.at)
			}
		}

		var described []string
		for _, t := range append([]string{fd.Role}, fd.Aliases...) {
			for _, c := range keys(t, false) {
				if c != "" && !slices.Contains(described, c) {
					described = append(described, c)
				}
			}
		}
		for _, c := range described {
			for _, h := range holdersOf(org, c) {
				addHolder(h.source)
			}
			for _, m := range mentionsOf(org, c) {
				addMention(m)
			}
		}
		for _, m := range fd.People {
			ks := titleKeys(m.Titles)
			if len(ks) == 0 || slices.ContainsFunc(ks, func(k string) bool { return slices.Contains(described, k) }) {
				addMention(mention{at: fd.Source + "#" + strconv.Itoa(m.Line), org: org, name: fold(m.Name)})
			}
		}

		if len(fd.Holders) == 0 && len(fd.HolderMentions) == 0 {
			// Narrower roles, each trusted only when one person holds it,
			// and all of them only when that is the same person.
			var hs []holder
			var ms []mention
			person := ""
			agree := true
			for _, n := range narrowerRoles(fd.Role) {
				for _, c := range keys(n, false) {
					p := soleHolder(org, c)
					if p == "" {
						continue
					}
					agree = agree && (person == "" || person == p)
					person = p
					hs, ms = append(hs, holdersOf(org, c)...), append(ms, mentionsOf(org, c)...)
				}
			}
			if agree {
				for _, h := range hs {
					addHolder(h.source)
				}
				for _, m := range ms {
					addMention(m)
				}
			}
		}
		sort.Strings(fd.Holders)
		sort.Strings(fd.HolderMentions)
	}
}

// Holds reports whether the titles of m hold role as Link compares them
// (see roleKeys), directly or through one of the narrower roles it is made
// of (see narrowerRoles). A HolderMention "source#line" points at a line
// that may name several people; those whose Mention Holds the description's
// Role are its holders. In the description itself, the person named there
// without a title is the holder too.
func (m Mention) Holds(role string, roles *Equivalences) bool {
	wanted := roleKeys(role, roles, false)
	for _, n := range narrowerRoles(role) {
		wanted = append(wanted, roleKeys(n, roles, false)...)
	}
	for _, t := range m.Titles {
		for _, k := range roleKeys(t, roles, true) {
			if slices.Contains(wanted, k) {
				return true
			}
		}
	}
	return false
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
		prev := previous[docs[i].Source]
		docs[i].Holders, docs[i].HolderMentions = prev.Holders, prev.HolderMentions
	}
	return true
}

// sameLinks reports whether a and b are alike in all that Link looks at.
func sameLinks(a, b *Document) bool {
	return a.Kind == b.Kind && a.Organisation == b.Organisation && a.Role == b.Role && a.Name == b.Name &&
		slices.Equal(a.Functions, b.Functions) && slices.Equal(a.Aliases, b.Aliases) &&
		slices.EqualFunc(a.People, b.People, func(x, y Mention) bool {
			return x.Name == y.Name && x.Line == y.Line && slices.Equal(x.Titles, y.Titles)
		})
}
