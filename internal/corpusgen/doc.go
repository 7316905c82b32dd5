// Package corpusgen writes synthetic knowledge bases in wieiswie's document
// formats, so the index can be measured at sizes no customer has sent yet
// (1k, 10k, 100k documents) and so answer quality can be checked on
// questions whose right answer is known by construction.
//
// A corpus is a folder of invented Flemish municipalities, one sub-folder
// each, holding the document shapes the customers really have: scraped
// person cards with glued "BestuurFunctie" rows and " • " bullets, function
// descriptions ("Functiebeschrijving …"), and Markdown documents with YAML
// front matter. Next to it comes questions.jsonl in the shape of the
// customer's sample, with a fixed mix of question kinds.
//
// Everything is derived from the seed: the same seed and size give
// byte-identical files, so a benchmark's corpus can be cached and a
// regression reproduced.
package corpusgen
