package bot

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTruncate(t *testing.T) {
	tests := []struct {
		name string
		in   string
		max  int
		want string
	}{
		{"fits", "abc", 3, "abc"},
		{"cut", "abcdef", 4, "abc…"},
		{"zero", "abc", 0, ""},
		{"rune safe", "ééééé", 3, "éé…"},
		{"emoji counts two", "👍👍👍", 4, "👍…"},
		{"not inside an entity", "a&amp;b", 4, "a…"},
		{"entity kept whole", "a&amp;bcdef", 7, "a&amp;…"},
		{"not inside a link", "x <tel:+3250|050> y", 8, "x…"},
		{"link kept whole", "x <tel:+3250|050> yyyyyy", 19, "x <tel:+3250|050>…"},
		{"no open bold", "*bold text* rest", 7, "bold…"},
		{"no empty quote line", ">een\n>twee", 7, ">een…"},
		{"trailing space trimmed", "een twee drie", 5, "een…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := truncate(tt.in, tt.max)
			if got != tt.want {
				t.Errorf("truncate(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
			}
			if textLen(got) > tt.max {
				t.Errorf("truncate(%q, %d) = %q is %d long", tt.in, tt.max, got, textLen(got))
			}
			if !utf8.ValidString(got) {
				t.Errorf("truncate(%q, %d) = %q is not valid UTF-8", tt.in, tt.max, got)
			}
		})
	}
}

func TestTruncateRunes(t *testing.T) {
	if got := truncateRunes("wie is wie", 20); got != "wie is wie" {
		t.Errorf("got %q", got)
	}
	if got := truncateRunes("wie is de algemeen directeur", 7); got != "wie is…" {
		t.Errorf("got %q", got)
	}
}

// entityOK matches a valid escape sequence at the start of a string.
var entityOK = regexp.MustCompile(`^&(amp|lt|gt);`)

// allowedMarkup is the markup the bot itself writes: phone, mail and web
// links and mentions of the user who shared an answer.
var allowedMarkup = regexp.MustCompile(`^<(tel:\+?[0-9]+\||mailto:[^<>|\s]+\||https?://[^<>|\s]+\||@U[A-Z0-9]+>)`)

// checkMessage asserts a rendered message is within every Block Kit limit
// and holds no unescaped control character.
func checkMessage(t *testing.T, name string, m Message) {
	t.Helper()
	raw, err := json.Marshal(m)
	if err != nil {
		t.Fatalf("%s: marshal: %v", name, err)
	}
	var msg struct {
		Text   string           `json:"text"`
		Blocks []map[string]any `json:"blocks"`
	}
	if err := json.Unmarshal(raw, &msg); err != nil {
		t.Fatal(err)
	}
	fail := func(format string, args ...any) {
		t.Helper()
		t.Errorf("%s: "+format, append([]any{name}, args...)...)
	}
	if msg.Text == "" || textLen(msg.Text) > maxMessageText {
		fail("fallback text is empty or too long (%d)", textLen(msg.Text))
	}
	checkInert(t, name+" text", msg.Text)
	if len(msg.Blocks) == 0 || len(msg.Blocks) > maxBlocks {
		fail("%d blocks", len(msg.Blocks))
	}
	total := 0
	text := func(where string, obj any, max int) {
		t.Helper()
		o, ok := obj.(map[string]any)
		if !ok {
			fail("%s: no text object", where)
			return
		}
		s, _ := o["text"].(string)
		if strings.TrimSpace(s) == "" {
			fail("%s: empty text", where)
		}
		if textLen(s) > max {
			fail("%s: text is %d long, limit %d", where, textLen(s), max)
		}
		typ, _ := o["type"].(string)
		if typ != "mrkdwn" && typ != "plain_text" {
			fail("%s: text type %q", where, typ)
		}
		total += textLen(s)
		checkInert(t, name+" "+where, s)
	}
	for i, b := range msg.Blocks {
		where := fmt.Sprintf("block %d (%v)", i, b["type"])
		if id, _ := b["block_id"].(string); len(id) > maxActionID {
			fail("%s: block_id too long", where)
		}
		switch b["type"] {
		case "header":
			text(where, b["text"], maxHeaderText)
		case "section":
			if b["text"] != nil {
				text(where, b["text"], maxSectionText)
			}
			if fs, ok := b["fields"].([]any); ok {
				if len(fs) > maxFields {
					fail("%s: %d fields", where, len(fs))
				}
				for j, f := range fs {
					text(fmt.Sprintf("%s field %d", where, j), f, maxFieldText)
				}
			}
		case "context":
			els, _ := b["elements"].([]any)
			if len(els) == 0 || len(els) > maxContextElements {
				fail("%s: %d elements", where, len(els))
			}
			for j, e := range els {
				text(fmt.Sprintf("%s element %d", where, j), e, maxContextText)
			}
		case "actions":
			els, _ := b["elements"].([]any)
			if len(els) == 0 || len(els) > maxActionElements {
				fail("%s: %d elements", where, len(els))
			}
			for j, e := range els {
				el := e.(map[string]any)
				ew := fmt.Sprintf("%s button %d", where, j)
				text(ew, el["text"], maxButtonText)
				id, _ := el["action_id"].(string)
				if id == "" || len(id) > maxActionID {
					fail("%s: action_id %q", ew, id)
				}
				v, _ := el["value"].(string)
				if textLen(v) > maxButtonValue {
					fail("%s: value is %d long", ew, textLen(v))
				}
				checkInert(t, name+" "+ew+" value", v)
			}
		case "divider":
		default:
			fail("%s: unexpected block type", where)
		}
	}
	if total > maxTotalText {
		fail("blocks hold %d characters of text, budget %d", total, maxTotalText)
	}
}

// checkInert fails on any "<" or "&" that is not the bot's own markup or a
// valid escape: such a character would let document text ping @channel,
// mention people or break the message.
func checkInert(t *testing.T, where, s string) {
	t.Helper()
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '&':
			if !entityOK.MatchString(s[i:]) {
				t.Errorf("%s: unescaped & at %d: %q", where, i, around(s, i))
			}
		case '<':
			if !allowedMarkup.MatchString(s[i:]) {
				t.Errorf("%s: unexpected markup at %d: %q", where, i, around(s, i))
			}
		}
	}
}

func around(s string, i int) string {
	from, to := max(0, i-20), min(len(s), i+30)
	return s[from:to]
}
