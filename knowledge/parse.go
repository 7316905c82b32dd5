package knowledge

import (
	"bytes"
	"context"
	"path"
	"regexp"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Parse reads one document. source is the file's slash path: it becomes
// Document.Source and its extension picks the format (see formats): text
// (.txt, .text) is recognised by its content as a function description, a
// person card or generic text; Markdown (.md, .markdown) has front matter;
// Word (.docx), OpenDocument (.odt), PDF and web pages (.html, .htm) have
// structure of their own (see fromBlocks).
//
// What is wrong with the file comes back as Problems with the line to fix.
// When a Problem has Skipped set (empty, binary, broken or of a type not
// read) the Document must not be used. Parse never panics, whatever data
// holds, and gives up on a file after ParseTimeout. The size limits are
// Load's: Parse reads what it is given.
func Parse(source string, data []byte) (Document, []Problem) {
	return parse(context.Background(), source, data)
}

func parse(ctx context.Context, source string, data []byte) (Document, []Problem) {
	f, ok := formatOf(source)
	if !ok {
		f = formats[".txt"] // Load reports files of other types; Parse reads them as text
	}
	doc, problems := parseWithin(ctx, f, source, data)
	if isSkipped(problems) {
		return Document{Source: source}, problems
	}
	doc.Source = source
	if doc.Title == "" {
		doc.Title = titleFromSource(source)
	}
	return doc, problems
}

func tooLarge(source string, size, limit int64) []Problem {
	return unreadable(source, "bestand van %d bytes, groter dan de grens van %d MiB; overgeslagen", size, limit>>20)
}

// parseText reads a text or Markdown file.
func parseText(_ context.Context, source string, data []byte) (Document, []Problem) {
	text, problems := decodeText(source, data)
	if isSkipped(problems) {
		return Document{}, problems
	}
	lines := strings.Split(text, "\n")

	var doc Document
	var more []Problem
	switch {
	case isMarkdownName(source):
		doc, more = parseMarkdown(source, lines)
	case hasFrontMatter(lines):
		// Front matter in a .txt: its writer meant Markdown.
		doc, more = parseMarkdown(source, lines)
		more = append(more, Problem{File: source, Line: firstNonBlank(lines) + 1,
			Message: "front matter in een .txt-bestand: gelezen als Markdown; geef het bestand de extensie .md"})
	case isFunctionDescription(lines):
		doc, more = parseFunctionDescription(source, lines)
	case isPersonCard(lines):
		doc, more = parsePersonCard(source, lines)
	default:
		doc = parseGeneric(source, lines)
	}
	return doc, append(problems, more...)
}

// hasFrontMatter reports whether lines open with a "---" line that a
// later "---" closes, with "key: value" lines between them.
func hasFrontMatter(lines []string) bool {
	first := firstNonBlank(lines)
	if first < 0 || strings.TrimRight(lines[first], " \t") != "---" {
		return false
	}
	end := closingFence(lines, first)
	return end > first+1 && yamlKey.MatchString(lines[first+1])
}

var yamlKey = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*:( |$)`)

func isMarkdownName(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".md", ".markdown":
		return true
	}
	return false
}

func isSkipped(problems []Problem) bool {
	for _, p := range problems {
		if p.Skipped {
			return true
		}
	}
	return false
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// decodeText turns the bytes of a file into text with "\n" line endings.
// Files saved by Windows tools come as UTF-16 (Notepad's "Unicode") or with a
// BOM and CRLF; they are accepted. Invalid UTF-8, usually a file saved as
// Latin-1, is reported and repaired so the rest of the file still counts.
func decodeText(source string, data []byte) (string, []Problem) {
	skip := func(msg string) (string, []Problem) {
		return "", []Problem{{File: source, Message: msg, Skipped: true}}
	}
	if u, ok := decodeUTF16(data); ok {
		data = u
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	if len(bytes.TrimSpace(data)) == 0 {
		return skip("leeg bestand; overgeslagen")
	}
	if looksBinary(data) {
		return skip("binair bestand, geen tekst; overgeslagen")
	}
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))

	var problems []Problem
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalid(data)], []byte("\n"))
		problems = append(problems, Problem{File: source, Line: line,
			Message: "geen geldige UTF-8 (bewaard als Latin-1 of Windows-1252?); onleesbare tekens vervangen door \uFFFD, bewaar het bestand als UTF-8"})
		data = bytes.ToValidUTF8(data, []byte("\uFFFD"))
	}
	return string(data), problems
}

// decodeUTF16 decodes data that starts with a UTF-16 byte-order mark.
func decodeUTF16(data []byte) ([]byte, bool) {
	if len(data) < 2 {
		return nil, false
	}
	var order func(b []byte) uint16
	switch {
	case data[0] == 0xFF && data[1] == 0xFE:
		order = func(b []byte) uint16 { return uint16(b[0]) | uint16(b[1])<<8 }
	case data[0] == 0xFE && data[1] == 0xFF:
		order = func(b []byte) uint16 { return uint16(b[1]) | uint16(b[0])<<8 }
	default:
		return nil, false
	}
	units := make([]uint16, 0, len(data)/2)
	for i := 2; i+1 < len(data); i += 2 {
		units = append(units, order(data[i:]))
	}
	return []byte(string(utf16.Decode(units))), true
}

// looksBinary reports whether data is not text: it holds a NUL byte, or more
// than 30% of its first 8 KiB are control characters or invalid UTF-8. A
// Latin-1 text has a few invalid bytes (its accents) and stays text.
func looksBinary(data []byte) bool {
	if bytes.IndexByte(data, 0) >= 0 {
		return true
	}
	sample := data[:min(len(data), 8<<10)]
	bad := 0
	for i := 0; i < len(sample); {
		r, size := utf8.DecodeRune(sample[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			bad++
		case r < 0x20 && !strings.ContainsRune("\t\n\v\f\r", r), r == 0x7F:
			bad++
		}
		i += size
	}
	return bad*100 > len(sample)*30
}

// firstInvalid returns the offset of the first byte that is not valid UTF-8.
func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}
