package corpusgen

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/wieiswie/wieiswie/knowledge"
)

// File names inside the output folder.
const (
	CorpusDir     = "corpus"          // the knowledge folder: one sub-folder a town
	QuestionsFile = "questions.jsonl" // the questions, in the sample's shape
	ManifestFile  = "manifest.json"   // written last: its presence means the corpus is complete
)

// Manifest says what Generate wrote.
type Manifest struct {
	Seed int64 `json:"seed"`
	Docs int   `json:"docs"`
	// Corpus and Questions are relative to the output folder.
	Corpus         string         `json:"corpus"`
	Questions      string         `json:"questions"`
	Counts         map[Format]int `json:"counts"`
	QuestionKinds  map[string]int `json:"question_kinds"`
	Municipalities []Municipality `json:"municipalities"`
	// Files lists every document, in the order written; Generated lists
	// the questions. Neither goes into manifest.json (at 100k documents
	// it would be larger than useful).
	Files     []File     `json:"-"`
	Generated []Question `json:"-"`
}

// Municipality is one invented town.
type Municipality struct {
	Name   string `json:"name"`
	Folder string `json:"folder"` // relative to the corpus folder
	Docs   int    `json:"docs"`
}

// File is one generated document.
type File struct {
	Path      string // relative to the corpus folder, slash-separated: "kastelbroek/burgemeester.txt"
	Format    Format
	Role      string // what the document is about (RoleMayor …); see the Role constants
	Name      string // the person it names, if any
	Functions []knowledge.Function
}

// Generate writes n documents (at least MinTownDocs) for seed into
// dir/corpus, the questions into dir/questions.jsonl and a summary into
// dir/manifest.json. dir must not exist or be empty: mixing with old files
// would break the byte-for-byte determinism callers rely on.
func Generate(dir string, n int, seed int64) (Manifest, error) {
	if n < MinTownDocs {
		return Manifest{}, fmt.Errorf("corpusgen: %d documents is too few; want at least %d (one municipality)", n, MinTownDocs)
	}
	if err := emptyDir(dir); err != nil {
		return Manifest{}, err
	}
	m := Manifest{Seed: seed, Docs: n, Corpus: CorpusDir, Questions: QuestionsFile, Counts: map[Format]int{}}

	plan := newDice(seed, 0)
	sizes := townSizes(plan, n)
	names, err := townNames(plan, len(sizes))
	if err != nil {
		return Manifest{}, err
	}
	var towns []keys
	for i, size := range sizes {
		t := newTown(newDice(seed, uint64(i+1)), names[i], slug(names[i]))
		aldermen := t.core(size)
		t.fillUp(size, aldermen)
		if err := t.write(filepath.Join(dir, CorpusDir)); err != nil {
			return Manifest{}, err
		}
		for _, doc := range t.docs {
			m.Counts[doc.format]++
			m.Files = append(m.Files, File{Path: t.folder + "/" + doc.file, Format: doc.format, Role: doc.role, Name: doc.name, Functions: doc.functions})
		}
		m.Municipalities = append(m.Municipalities, Municipality{Name: t.name, Folder: t.folder, Docs: len(t.docs)})
		towns = append(towns, t.keys)
	}

	m.Generated = questions(newDice(seed, 1<<32), towns)
	m.QuestionKinds = map[string]int{}
	for _, q := range m.Generated {
		m.QuestionKinds[q.Kind]++
	}
	if err := writeQuestions(filepath.Join(dir, QuestionsFile), m.Generated); err != nil {
		return Manifest{}, err
	}
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return Manifest{}, err
	}
	if err := os.WriteFile(filepath.Join(dir, ManifestFile), append(data, '\n'), 0o644); err != nil {
		return Manifest{}, fmt.Errorf("corpusgen: %w", err)
	}
	return m, nil
}

// emptyDir creates dir, or checks that it is empty.
func emptyDir(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return os.MkdirAll(dir, 0o755)
	case err != nil:
		return fmt.Errorf("corpusgen: %w", err)
	case len(entries) > 0:
		return fmt.Errorf("corpusgen: %s is not empty; refusing to write a corpus into it", dir)
	}
	return nil
}

// write writes the town's documents into its folder under corpus. A few
// text files are saved with Windows line endings, as files from a Windows
// desktop are.
func (t *town) write(corpus string) error {
	folder := filepath.Join(corpus, t.folder)
	if err := os.MkdirAll(folder, 0o755); err != nil {
		return fmt.Errorf("corpusgen: %w", err)
	}
	for _, doc := range t.docs {
		text := doc.text
		if strings.HasSuffix(doc.file, ".txt") && t.d.chance(0.03) {
			text = strings.ReplaceAll(text, "\n", "\r\n")
		}
		if err := os.WriteFile(filepath.Join(folder, doc.file), []byte(text), 0o644); err != nil {
			return fmt.Errorf("corpusgen: %w", err)
		}
	}
	return nil
}
