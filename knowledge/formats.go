package knowledge

import (
	"context"
	"fmt"
	"path"
	"strings"
	"time"
)

// The formats wieiswie reads, by file extension. Each has its own parser
// in its own file; a file of any other type is reported by name, with what
// to do, never passed over in silence.

type format struct {
	name    string // for messages: "Word"
	maxSize int64  // larger files are reported, not read
	parse   func(ctx context.Context, source string, data []byte) (Document, []Problem)
	// timed formats run under ParseTimeout. Text and Markdown are read
	// line by line in time proportional to their size and need no timer,
	// which at 100,000 files would cost more than it saves.
	timed bool
}

var formats = map[string]format{
	".txt":      {"tekst", MaxFileSize, parseText, false},
	".text":     {"tekst", MaxFileSize, parseText, false},
	".md":       {"Markdown", MaxFileSize, parseText, false},
	".markdown": {"Markdown", MaxFileSize, parseText, false},
	".html":     {"webpagina", MaxFileSize, parseHTML, true},
	".htm":      {"webpagina", MaxFileSize, parseHTML, true},
	".docx":     {"Word", maxOfficeBytes, parseDOCX, true},
	".odt":      {"OpenDocument", maxOfficeBytes, parseODT, true},
	".pdf":      {"PDF", maxOfficeBytes, parsePDF, true},
}

func formatOf(name string) (format, bool) {
	f, ok := formats[strings.ToLower(path.Ext(name))]
	return f, ok
}

// ParseTimeout is the time one file may take to parse. Real documents take
// milliseconds; a file crafted to make a parser crawl is reported instead.
const ParseTimeout = 10 * time.Second

// parseWithin runs f's parser under ParseTimeout. A parser looks at the
// deadline as it goes; one that does not return in time is left to finish
// on its own (its input is bounded by the size limits) while loading goes on.
func parseWithin(ctx context.Context, f format, source string, data []byte) (Document, []Problem) {
	if !f.timed {
		return f.parse(ctx, source, data)
	}
	ctx, cancel := context.WithTimeout(ctx, ParseTimeout)
	defer cancel()
	type result struct {
		doc      Document
		problems []Problem
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- result{problems: unreadable(source, "%s-bestand niet gelezen: de lezer liep vast; bewaar het bestand opnieuw", f.name)}
			}
		}()
		doc, problems := f.parse(ctx, source, data)
		done <- result{doc, problems}
	}()
	select {
	case r := <-done:
		return r.doc, r.problems
	case <-ctx.Done():
		return Document{}, unreadable(source, "%s-bestand niet gelezen binnen %v; bewaar het opnieuw of knip het op", f.name, ParseTimeout)
	}
}

// unknownType is the Problem of a file wieiswie does not read, with what
// to do instead.
func unknownType(source string) []Problem {
	ext := strings.ToLower(path.Ext(source))
	base := path.Base(source)
	var msg string
	switch {
	case strings.HasPrefix(base, "~$"):
		msg = "tijdelijk bestand van Word (het document is nog open); overgeslagen"
	case ext == "":
		msg = "bestand zonder extensie niet gelezen: geef het de extensie van zijn formaat (.txt, .md, .docx, .odt, .pdf of .html)"
	case ext == ".doc" || ext == ".rtf" || ext == ".wpd":
		msg = fmt.Sprintf("oud tekstformaat %s niet gelezen: bewaar het als .docx of .odt", ext)
	case ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".gif" || ext == ".tif" || ext == ".tiff" || ext == ".bmp" || ext == ".webp":
		msg = fmt.Sprintf("afbeelding %s niet gelezen: zet de tekst in een document (.docx, .odt, .md of .txt)", ext)
	default:
		msg = fmt.Sprintf("bestandstype %s niet gelezen: bewaar het als .docx, .odt, .pdf, .html, .md of .txt", ext)
	}
	return unreadable(source, "%s", msg)
}
