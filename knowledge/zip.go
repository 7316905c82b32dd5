package knowledge

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Word (.docx) and OpenDocument (.odt) files are zip archives of XML parts.
// A hostile one can claim a few parts that expand to gigabytes (a zip bomb)
// or hold a hundred thousand entries; the limits below stop reading long
// before that hurts, and what is not a real document is reported.
const (
	maxZipEntries  = 10_000
	maxPartBytes   = 64 << 20 // uncompressed size of one XML part read
	maxOfficeBytes = 32 << 20 // size of an office or PDF file; images make them larger than text
)

var errPartTooLarge = fmt.Errorf("een onderdeel pakt uit tot meer dan %d MiB (een zip-bom?)", maxPartBytes>>20)

// openZip opens data as a zip archive within the limits.
func openZip(data []byte) (*zip.Reader, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	if len(zr.File) > maxZipEntries {
		return nil, dutchError{fmt.Sprintf("%d onderdelen, meer dan in een echt document", len(zr.File)), errTooManyParts}
	}
	return zr, nil
}

// zipPart opens the part called name; ok is false when there is none.
func zipPart(zr *zip.Reader, name string) (r io.ReadCloser, ok bool, err error) {
	for _, f := range zr.File {
		if f.Name == name {
			if f.UncompressedSize64 > maxPartBytes {
				return nil, true, errPartTooLarge // as it says; one that lies is stopped while read
			}
			r, err := f.Open()
			if err != nil {
				return nil, true, err
			}
			return readCloser{&limitedReader{r: r, left: maxPartBytes}, r}, true, nil
		}
	}
	return nil, false, nil
}

type readCloser struct {
	io.Reader
	io.Closer
}

// limitedReader fails, rather than ending quietly, past its limit: a part
// cut off at the limit would look like a whole one.
type limitedReader struct {
	r    io.Reader
	left int64
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.left <= 0 {
		return 0, errPartTooLarge
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	return n, err
}

// errSkipElement, returned by xmlTokens's f for a start element, skips
// what the element holds (comments, tracked changes, mc:Fallback).
var errSkipElement = errors.New("skip this element")

// xmlTokens reads the XML of r token by token, giving each start and end
// element and each run of text to f with the nesting depth; it stops with
// an error on XML nested deeper than maxXMLDepth, on f's error, and when
// the time for the file is up (see blockList.tick).
func xmlTokens(r io.Reader, list *blockList, f func(tok xml.Token, depth int) error) error {
	dec := xml.NewDecoder(r)
	dec.Strict = false  // Word and LibreOffice write good XML; a repaired file may not
	depth, skip := 0, 0 // skip: depth of the element being skipped, or 0
	for {
		tok, err := dec.RawToken()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if err := list.tick(); err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
			if depth > maxXMLDepth {
				return errTooDeep
			}
		case xml.EndElement:
			depth--
		case xml.CharData:
		default:
			continue
		}
		if skip > 0 {
			if _, end := tok.(xml.EndElement); end && depth < skip {
				skip = 0
			}
			continue
		}
		if err := f(tok, depth); errors.Is(err, errSkipElement) {
			skip = depth
		} else if err != nil {
			return err
		}
	}
}

// attrVal returns the value of the attribute of e with local name key.
func attrVal(e xml.StartElement, key string) string {
	for _, a := range e.Attr {
		if a.Name.Local == key {
			return a.Value
		}
	}
	return ""
}

// headingStyle reports whether a style name marks a table's header cells
// ("Table Heading", "Table_20_Heading", "Tabelkop").
func headingStyle(name string) bool {
	name = strings.ToLower(name)
	return strings.Contains(name, "heading") || strings.Contains(name, "kop")
}

// officeProblem is the Problem of an office file that cannot be read.
func officeProblem(source, kind string, err error) []Problem {
	var what string
	switch {
	case errors.Is(err, zip.ErrFormat), errors.Is(err, io.ErrUnexpectedEOF):
		what = "kapot of onvolledig (geen geldig zip-archief); open het in Word of LibreOffice en bewaar het opnieuw"
	case errors.Is(err, errPartTooLarge), errors.Is(err, errTooDeep), errors.Is(err, errTooManyParts):
		what = "niet gelezen: " + cause(err) + "; bewaar het document opnieuw of knip het op"
	default:
		what = "onleesbaar (" + cause(err) + "); open het in Word of LibreOffice en bewaar het opnieuw"
	}
	return unreadable(source, "%s-document %s", kind, what)
}
