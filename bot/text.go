package bot

import (
	"regexp"
	"strings"
)

// maxQuestionRunes bounds what is sent to the index; nobody asks "wie is …"
// in more words than this, and it keeps button values small.
const maxQuestionRunes = 500

// slackMarkup matches Slack's <…> markup in message text: mentions
// <@U123>, channels <#C123|naam>, specials <!here>, links <url|label>.
var slackMarkup = regexp.MustCompile(`<([^<>]*)>`)

// cleanQuestion turns a Slack message text into the question to ask:
// mentions removed, links replaced by their label, entities unescaped,
// whitespace collapsed and leading punctuation ("@wieiswie, wie …") dropped.
func cleanQuestion(text string) string {
	text = slackMarkup.ReplaceAllStringFunc(text, func(m string) string {
		inner := m[1 : len(m)-1]
		target, label, hasLabel := strings.Cut(inner, "|")
		switch {
		case strings.HasPrefix(target, "@"), strings.HasPrefix(target, "!"):
			// People and @here/@channel are not part of the question;
			// a user group keeps its readable name.
			if strings.HasPrefix(target, "!subteam") && hasLabel {
				return " " + strings.TrimPrefix(label, "@") + " "
			}
			return " "
		case strings.HasPrefix(target, "#"):
			if hasLabel {
				return " " + label + " "
			}
			return " "
		case hasLabel:
			return " " + label + " "
		case strings.HasPrefix(target, "mailto:"):
			return " " + strings.TrimPrefix(target, "mailto:") + " "
		case strings.HasPrefix(target, "tel:"):
			return " " + strings.TrimPrefix(target, "tel:") + " "
		default:
			return " " + target + " "
		}
	})
	text = unescapeText(text)
	text = strings.Join(strings.Fields(text), " ")
	text = strings.TrimLeft(text, ",:;-–— ")
	return truncateRunes(strings.TrimSpace(text), maxQuestionRunes)
}

// mentions reports whether text mentions the Slack user userID.
func mentions(text, userID string) bool {
	if userID == "" {
		return false
	}
	return strings.Contains(text, "<@"+userID+">") || strings.Contains(text, "<@"+userID+"|")
}
