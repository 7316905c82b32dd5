package index

import (
	"context"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	bleveindex "github.com/blevesearch/bleve_index_api"

	"github.com/wieiswie/wieiswie/knowledge"
)

// correct returns the indexed term closest to an unknown term (a typo), or
// "" when there is none near enough. Fuzzy matching is tried only here, for
// words the knowledge base does not have, so it never blurs exact answers.
func (ix view) correct(ctx context.Context, term string) string {
	fuzz := 0
	switch {
	case len(term) >= 8:
		fuzz = 2
	case len(term) >= 4:
		fuzz = 1
	default:
		return ""
	}
	r, err := ix.reader()
	if err != nil {
		return ""
	}
	defer r.Close()
	fr, ok := r.(bleveindex.IndexReaderFuzzy)
	if !ok {
		return ""
	}
	dict, err := fr.FieldDictFuzzy(fieldText, term, fuzz, term[:1])
	if err != nil {
		return ""
	}
	var cands []string
	for e, err := dict.Next(); err == nil && e != nil; e, err = dict.Next() {
		cands = append(cands, e.Term)
	}
	dict.Close()
	// bleve's fuzzy dictionary gives no counts: rank the candidates by
	// edit distance with transpositions, then by how many documents have
	// them, then alphabetically.
	df, _ := ix.docFreq(ctx, cands)
	best, bestDist := "", fuzz+1
	for _, c := range cands {
		d := damerau(term, c, fuzz)
		if d < bestDist || d == bestDist && (df[c] > df[best] || df[c] == df[best] && c < best) {
			best, bestDist = c, d
		}
	}
	return best
}

// wordFields are where a word is searched, and how much a match there counts.
var wordFields = []struct {
	field string
	boost float64
}{{fieldRole, rank.boostWordRole}, {fieldAlias, rank.boostWordRole}, {fieldTitle, rank.boostWordTitle},
	{fieldBody, rank.boostWordTitle}, {fieldText, rank.boostWordText}}

// search asks bleve for candidates: every concept in the fields where it
// counts most, roles and names as phrases, within the organisation named.
func (ix view) search(ctx context.Context, q question, cs []concept) ([]hit, error) {
	var should []query.Query
	add := func(qq query.Query) { should = append(should, qq) }
	for _, c := range cs {
		switch c.kind {
		case "role":
			for _, field := range []string{fieldRole, fieldAlias} {
				p := bleve.NewMatchPhraseQuery(c.key)
				p.SetField(field)
				p.SetBoost(rank.boostRole)
				add(p)
			}
			m := bleve.NewMatchQuery(c.key)
			m.SetField(fieldText)
			add(m)
		case "name":
			p := bleve.NewMatchPhraseQuery(c.key)
			p.SetField(fieldName)
			p.SetBoost(rank.boostRole)
			add(p)
			// Overview pages name people in their text.
			t := bleve.NewMatchQuery(c.key)
			t.SetOperator(query.MatchQueryOperatorAnd)
			t.SetField(fieldText)
			t.SetBoost(rank.boostNameText)
			add(t)
		case "word":
			// A common word only in the text field, and a prefix query only
			// for a word no document has as such (sport → sportbeleid): the
			// long posting lists are what a question costs at 100,000
			// documents, and ranking re-scores every candidate anyway.
			for _, t := range append(append([]string{}, c.terms...), c.parts...) {
				for _, f := range wordFields {
					if c.common && f.field != fieldText {
						continue
					}
					tq := bleve.NewTermQuery(t)
					tq.SetField(f.field)
					tq.SetBoost(f.boost * c.weight)
					add(tq)
				}
				if len(t) >= 5 && c.df[t] == 0 {
					pq := bleve.NewPrefixQuery(t)
					pq.SetField(fieldText)
					pq.SetBoost(rank.boostWordPrefix * c.weight)
					add(pq)
				}
			}
		}
	}
	var qq query.Query = bleve.NewDisjunctionQuery(should...)
	if q.org != "" {
		o := bleve.NewTermQuery(knowledge.Fold(q.org))
		o.SetField(fieldOrg)
		none := bleve.NewTermQuery(noOrganisation)
		none.SetField(fieldOrg)
		qq = bleve.NewConjunctionQuery(qq, bleve.NewDisjunctionQuery(o, none))
	}
	req := bleve.NewSearchRequestOptions(qq, int(rank.candidates), 0, false)
	sr, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	hits := make([]hit, 0, len(sr.Hits))
	for _, h := range sr.Hits {
		if d := ix.docs[h.ID]; d != nil {
			hits = append(hits, hit{doc: d, bleveScore: h.Score})
		}
	}
	return hits, nil
}

// hit is a candidate document with its scores.
type hit struct {
	doc        *knowledge.Document
	bleveScore float64
	coverage   float64 // weighted share of the required concepts it has
	score      float64 // what candidates are ranked by
	// roleMatch is how well it shows the roles asked (see score).
	roleMatch float64
	// via is the function description that brought a person in, if any.
	via *knowledge.Document
}
