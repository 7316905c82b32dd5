package knowledge

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
)

// Problems are Dutch: the English of the operating system and of the
// format readers never reaches them.
func TestCause(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "open", Path: "x", Err: fs.ErrPermission}, "geen leesrechten"},
		{fmt.Errorf("open: %w", fs.ErrNotExist), "bestaat niet (meer)"},
		{zip.ErrFormat, "geen geldig zip-archief"},
		{&xml.SyntaxError{Msg: "unexpected EOF", Line: 7}, "ongeldige XML op regel 7"},
		{fmt.Errorf("part: %w", errTooDeep), errTooDeep.Error()},
		{errors.New("malformed PDF: invalid header"), "onleesbaar"},
	}
	for _, tt := range tests {
		got := cause(tt.err)
		if got != tt.want {
			t.Errorf("cause(%v) = %q, want %q", tt.err, got, tt.want)
		}
		for _, english := range []string{"permission", "denied", "invalid", "unexpected", "malformed"} {
			if strings.Contains(got, english) {
				t.Errorf("cause(%v) = %q: English %q", tt.err, got, english)
			}
		}
	}
}
