package bot

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Block Kit limits (docs.slack.dev, "Reference: blocks" and "Block
// elements"). Slack rejects the whole message when one is exceeded, so every
// text the renderer produces is cut to fit.
const (
	maxBlocks          = 50   // blocks in one message
	maxSectionText     = 3000 // section text
	maxFieldText       = 2000 // each section field
	maxFields          = 10   // fields in one section
	maxHeaderText      = 150  // header plain_text
	maxContextElements = 10   // elements in one context block
	maxContextText     = 2000 // a context text element; kept short anyway
	maxButtonText      = 75   // button label
	maxButtonValue     = 2000 // button value
	maxActionID        = 255  // action_id and block_id
	maxActionElements  = 25   // elements in one actions block
	// maxMessageText bounds the fallback text. chat.postMessage truncates at
	// 40,000 characters; a notification never needs more than this.
	maxMessageText = 3000
	// maxTotalText keeps the sum of all block texts well under the
	// undocumented ~13,000 character total at which Slack answers
	// msg_blocks_too_long.
	maxTotalText = 11000
)

const ellipsis = "…"

// textLen counts what Slack may count as characters. Slack does not say
// whether it counts code points or UTF-16 units, so this counts UTF-16 units
// (an emoji is two), the larger of the two, to stay within the limit either
// way.
func textLen(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// truncate cuts s to at most max characters (see textLen), ending in "…".
// The cut never splits a rune, an escape sequence such as "&amp;", a Slack
// link "<tel:…|…>" or a pair of bold markers, so the shortened text renders
// as cleanly as the original.
func truncate(s string, max int) string {
	if textLen(s) <= max {
		return s
	}
	if max <= 0 {
		return ""
	}
	budget := max - textLen(ellipsis)
	cut := 0
	n := 0
	for i, r := range s {
		w := 1
		if r >= 0x10000 {
			w = 2
		}
		if n+w > budget {
			break
		}
		n += w
		cut = i + utf8.RuneLen(r)
	}
	out := s[:cut]
	// An "&" without its ";" is half an escape sequence: in escaped text
	// every raw "&" starts one.
	if amp := strings.LastIndexByte(out, '&'); amp >= 0 && !strings.Contains(out[amp:], ";") {
		out = out[:amp]
	}
	// A "<" without its ">" is half a link; in escaped text every raw "<"
	// is the bot's own markup.
	if lt := strings.LastIndexByte(out, '<'); lt >= 0 && !strings.Contains(out[lt:], ">") {
		out = out[:lt]
	}
	// An odd number of "*" leaves a bold marker open; document asterisks
	// were replaced by look-alikes, so every "*" is the bot's.
	if strings.Count(out, "*")%2 == 1 {
		i := strings.LastIndexByte(out, '*')
		out = out[:i] + out[i+1:]
	}
	// An empty quote line left at the end would show as a lone bar.
	for {
		out = strings.TrimRightFunc(out, unicode.IsSpace)
		trimmed, ok := strings.CutSuffix(out, "\n>")
		if !ok {
			break
		}
		out = trimmed
	}
	return out + ellipsis
}

// truncateRunes shortens raw (unescaped) text to at most max runes, for
// inputs such as questions before they are escaped.
func truncateRunes(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	n := 0
	for i := range s {
		if n == max-1 {
			return strings.TrimRightFunc(s[:i], unicode.IsSpace) + ellipsis
		}
		n++
	}
	return s
}
