package index

import (
	"context"

	"github.com/blevesearch/bleve/v2"

	"github.com/wieiswie/wieiswie/knowledge"
)

// placeLimit is how many documents a place name may be on: a name on more
// is a word everyone uses, not one town's street, brook or care home.
const placeLimit = 50

// placeOf returns the organisation that the proper names of a question
// place it in, when it names none: "langs de Ravelbeek", "kortverblijf in
// De Linde", where only Ravelinge's documents speak of the Ravelbeek and
// only Oudenschelde's of De Linde. A proper name is a word written with a
// capital inside a sentence, or one the Dutch lexicon does not have; names
// of people, roles and organisations are not places. All such words that
// the documents have must point to the same organisation; "" otherwise.
func (ix view) placeOf(ctx context.Context, text string) string {
	capitalised := capitalisedWords(text)
	var stems []string
	for _, w := range foldedFields(text) {
		if len(w) < 4 || qlex.fillers[w] || qlex.contact[w] || ix.vocab.firstNames[w] ||
			len(ix.vocab.names.byFirst[w]) > 0 || len(ix.vocab.roles.byFirst[w]) > 0 || len(ix.vocab.orgs.byFirst[w]) > 0 {
			continue
		}
		if !capitalised[w] && ix.dutch != nil && ix.dutch.IsWord(w) && !ix.dutch.IsProperNoun(w) {
			continue
		}
		if toks := ix.analyze(w); len(toks) > 0 {
			stems = append(stems, string(toks[0].Term))
		}
	}
	df, _ := ix.docFreq(ctx, stems)
	org := ""
	for _, s := range stems {
		if df[s] == 0 || df[s] > placeLimit {
			continue
		}
		o, ok := ix.onlyOrganisation(ctx, s)
		if !ok || (org != "" && o != org) {
			return ""
		}
		org = o
	}
	return org
}

// onlyOrganisation returns the organisation of every document whose text
// has term, and whether there is exactly one.
func (ix view) onlyOrganisation(ctx context.Context, term string) (string, bool) {
	tq := bleve.NewTermQuery(term)
	tq.SetField(fieldText)
	sr, err := ix.bleve.SearchInContext(ctx, bleve.NewSearchRequestOptions(tq, placeLimit, 0, false))
	if err != nil || len(sr.Hits) == 0 {
		return "", false
	}
	org := ""
	for _, h := range sr.Hits {
		d := ix.docs[h.ID]
		if d == nil || d.Organisation == "" || (org != "" && knowledge.Fold(d.Organisation) != knowledge.Fold(org)) {
			return "", false
		}
		org = d.Organisation
	}
	return org, true
}
