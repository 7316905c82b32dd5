package index

import (
	_ "embed"
)

//go:embed data/weights.txt
var weightsTxt string

// weights are the numbers that rank candidates (data/weights.txt, where
// each one's evidence is written down).
type weights struct {
	conceptRole, conceptName           float64
	wordBase, wordIDF, wordOptional    float64
	roleWithin, roleText, rolePassage  float64
	nameMentioned                      float64
	wordPrefix, wordParts              float64
	bonusStrong, bonusBleve            float64
	descriptionWhat, descriptionUnheld float64
	descriptionOther                   float64
	boostRole, boostNameText           float64
	boostWordRole, boostWordTitle      float64
	boostWordText, boostWordPrefix     float64
	candidates                         float64
	tieOrganisations                   float64
	bonusPerson                        float64
}

// rank is data/weights.txt, parsed once and never changed.
var rank = mustWeights(weightsTxt)

func mustWeights(text string) weights {
	w, err := parseWeights(text)
	if err != nil {
		panic(err) // the embedded file is tested; see TestWeights
	}
	return w
}

// parseWeights reads "name value" lines; every weight must be there once.
func parseWeights(text string) (weights, error) {
	var w weights
	fields := map[string]*float64{
		"concept.role": &w.conceptRole, "concept.name": &w.conceptName,
		"word.base": &w.wordBase, "word.idf": &w.wordIDF, "word.optional": &w.wordOptional,
		"role.within": &w.roleWithin, "role.text": &w.roleText, "role.passage": &w.rolePassage,
		"name.mentioned": &w.nameMentioned,
		"word.prefix":    &w.wordPrefix, "word.parts": &w.wordParts,
		"bonus.strong": &w.bonusStrong, "bonus.bleve": &w.bonusBleve,
		"description.what": &w.descriptionWhat, "description.unheld": &w.descriptionUnheld,
		"description.other": &w.descriptionOther,
		"boost.role":        &w.boostRole, "boost.name.text": &w.boostNameText,
		"boost.word.role": &w.boostWordRole, "boost.word.title": &w.boostWordTitle,
		"boost.word.text": &w.boostWordText, "boost.word.prefix": &w.boostWordPrefix,
		"candidates": &w.candidates, "tie.organisations": &w.tieOrganisations,
		"bonus.person": &w.bonusPerson,
	}
	return w, readNumbers("weights.txt", text, fields)
}
