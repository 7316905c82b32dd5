package knowledge

import (
	"archive/zip"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
)

// cause says in Dutch why a file or folder could not be read, for a
// Problem: `check` speaks one language, and the errors of the operating
// system and of the readers of other formats are English. Our own errors
// are Dutch already and are kept; what no case names is described by its
// kind, without the English detail (the editor cannot act on it anyway).
func cause(err error) string {
	var syntax *xml.SyntaxError
	var pathErr *fs.PathError
	var d dutchError
	if errors.As(err, &d) {
		return d.msg
	}
	for _, own := range []error{errTooLarge, errPartTooLarge, errTooDeep, errTooManyParts} {
		if errors.Is(err, own) {
			return own.Error()
		}
	}
	switch {
	case err == nil:
		return "onbekende fout"
	case errors.Is(err, fs.ErrPermission):
		return "geen leesrechten"
	case errors.Is(err, fs.ErrNotExist):
		return "bestaat niet (meer)"
	case errors.Is(err, context.DeadlineExceeded):
		return "duurde te lang"
	case errors.Is(err, zip.ErrFormat), errors.Is(err, zip.ErrAlgorithm), errors.Is(err, zip.ErrChecksum):
		return "geen geldig zip-archief"
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return "het bestand houdt te vroeg op"
	case errors.As(err, &syntax):
		return fmt.Sprintf("ongeldige XML op regel %d", syntax.Line)
	case errors.As(err, &pathErr) && strings.Contains(pathErr.Err.Error(), "is a directory"):
		return "is een map, geen bestand"
	}
	return "onleesbaar"
}

// dutchError is one of our own reasons with its details, in Dutch, that
// errors.Is still finds as the kind it wraps.
type dutchError struct {
	msg  string
	kind error
}

func (e dutchError) Error() string { return e.msg }
func (e dutchError) Unwrap() error { return e.kind }
