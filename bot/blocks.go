package bot

import (
	"github.com/slack-go/slack"
)

// Small constructors for the few Block Kit pieces the bot uses. Each one
// cuts its text to the element's limit, so no caller can produce a block
// Slack would reject. Texts passed in are already escaped.

// Message is one Slack message: Block Kit blocks plus the plain-text
// fallback Slack shows in notifications and where blocks cannot be shown.
type Message struct {
	Text   string        `json:"text"`
	Blocks []slack.Block `json:"blocks"`
}

// mrkdwn is a mrkdwn text object. verbatim keeps Slack from auto-linking
// names and bare URLs in document text; the bot's own <…|…> links still work.
func mrkdwn(text string, max int) *slack.TextBlockObject {
	return &slack.TextBlockObject{Type: slack.MarkdownType, Text: truncate(text, max), Verbatim: true}
}

func plain(text string, max int) *slack.TextBlockObject {
	emoji := true
	return &slack.TextBlockObject{Type: slack.PlainTextType, Text: truncate(text, max), Emoji: &emoji}
}

func section(text string) *slack.SectionBlock {
	return slack.NewSectionBlock(mrkdwn(text, maxSectionText), nil, nil)
}

func header(text string) *slack.HeaderBlock {
	return slack.NewHeaderBlock(plain(text, maxHeaderText))
}

// contextBlock is a context block of mrkdwn texts (at most ten).
func contextBlock(texts ...string) *slack.ContextBlock {
	var els []slack.MixedElement
	for _, t := range texts {
		if t == "" || len(els) == maxContextElements {
			continue
		}
		els = append(els, mrkdwn(t, maxContextText))
	}
	return slack.NewContextBlock("", els...)
}

// button is a button whose value is cut to fit; value must already be
// escaped (see buttonValue).
func button(label, actionID, value string, style slack.Style) *slack.ButtonBlockElement {
	b := slack.NewButtonBlockElement(truncate(actionID, maxActionID), truncate(value, maxButtonValue), plain(label, maxButtonText))
	b.Style = style
	return b
}

func actions(buttons ...*slack.ButtonBlockElement) *slack.ActionBlock {
	var els []slack.BlockElement
	for _, b := range buttons {
		if b != nil && len(els) < maxActionElements {
			els = append(els, b)
		}
	}
	return slack.NewActionBlock("", els...)
}

// fitBlocks keeps a message within the block limit and the total text
// budget by leaving out blocks from the end. The last block (the buttons)
// is always kept, since it is how people ask for more.
func fitBlocks(blocks []slack.Block) []slack.Block {
	if len(blocks) == 0 {
		return blocks
	}
	last := blocks[len(blocks)-1]
	budget := maxTotalText - blockTextLen(last)
	out := make([]slack.Block, 0, len(blocks))
	for _, b := range blocks[:len(blocks)-1] {
		n := blockTextLen(b)
		if len(out) == maxBlocks-1 || n > budget {
			continue
		}
		budget -= n
		out = append(out, b)
	}
	return append(out, last)
}

// blockTextLen is how much text a block holds, as Slack counts it toward
// its total message size.
func blockTextLen(b slack.Block) int {
	textOf := func(t *slack.TextBlockObject) int {
		if t == nil {
			return 0
		}
		return textLen(t.Text)
	}
	n := 0
	switch b := b.(type) {
	case *slack.HeaderBlock:
		n = textOf(b.Text)
	case *slack.SectionBlock:
		n = textOf(b.Text)
		for _, f := range b.Fields {
			n += textOf(f)
		}
	case *slack.ContextBlock:
		for _, e := range b.ContextElements.Elements {
			if t, ok := e.(*slack.TextBlockObject); ok {
				n += textOf(t)
			}
		}
	case *slack.ActionBlock:
		for _, e := range b.Elements.ElementSet {
			if btn, ok := e.(*slack.ButtonBlockElement); ok {
				n += textOf(btn.Text) + textLen(btn.Value)
			}
		}
	}
	return n
}
