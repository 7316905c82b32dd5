package lexicon

import (
	"testing"
)

func BenchmarkDutch(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Dutch(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEnglish(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := English(); err != nil {
			b.Fatal(err)
		}
	}
}

// benchWords are known words, inflected forms and unknown compounds.
var benchWords = []string{
	"klachten", "behandelt", "verkeersongevallen", "gemeenteraad", "directeur",
	"informatieveiligheidsadviseur", "noodplanningscoordinator", "coordineert",
	"burgemeester", "preventieadviseurs", "zzzz", "klachtenbehandeling",
}

func BenchmarkIsWord(b *testing.B) {
	lx := dutch(b)
	for b.Loop() {
		for _, w := range benchWords {
			lx.IsWord(w)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(benchWords)), "ns/word")
}

func BenchmarkLemmas(b *testing.B) {
	lx := dutch(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range benchWords {
			lx.Lemmas(w)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(benchWords)), "ns/word")
}

func BenchmarkSplit(b *testing.B) {
	lx := dutch(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range benchWords {
			lx.Split(w)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(benchWords)), "ns/word")
}

// benchVocabulary is 200,000 words of the lexicon, the size of a large
// knowledge base's vocabulary.
func benchVocabulary(b *testing.B) map[string]int {
	lx := dutch(b)
	vocab := make(map[string]int, 200000)
	i := 0
	lx.each(func(form string, attr uint8) {
		if i%2 == 0 && attr&attrWord != 0 && len(vocab) < 200000 {
			vocab[form] = i % 97
		}
		i++
	})
	return vocab
}

func BenchmarkNewSpeller(b *testing.B) {
	vocab := benchVocabulary(b)
	b.ReportAllocs()
	for b.Loop() {
		NewSpeller(vocab)
	}
}

func BenchmarkSuggest(b *testing.B) {
	sp := NewSpeller(benchVocabulary(b))
	queries := []string{"vorzitter", "gemeentraad", "burgemeeser", "preventieadvisuer", "schepn", "klahcten", "informatieveiligheidsadviseur"}
	b.ReportAllocs()
	for b.Loop() {
		for _, q := range queries {
			sp.Suggest(q)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(queries)), "ns/word")
}
