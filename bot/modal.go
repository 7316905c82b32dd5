package bot

import (
	"strings"

	"github.com/slack-go/slack"

	"github.com/wieiswie/wieiswie/store"
)

// The 👎 modal: "Wat klopte er niet?" with a reason to pick and room for a
// comment, both optional.
const (
	callbackFeedback = "wieiswie_feedback"
	blockReason      = "reason"
	actionReason     = "reason"
	blockComment     = "comment"
	actionComment    = "comment"
	// maxComment bounds the free text, in characters (Slack enforces it
	// in the modal; it is checked again on the way in).
	maxComment = 2000
)

// feedbackReasons are the modal's choices, in the store's words.
var feedbackReasons = []struct{ value, label string }{
	{store.ReasonOtherPerson, "Het gaat over een andere persoon"},
	{store.ReasonOutdated, "Het is verouderd"},
	{store.ReasonContactWrong, "De contactgegevens kloppen niet"},
}

func feedbackModal(ref buttonRef) slack.ModalViewRequest {
	var options []*slack.OptionBlockObject
	for _, r := range feedbackReasons {
		options = append(options, slack.NewOptionBlockObject(r.value, plain(r.label, 75), nil))
	}
	reason := slack.NewInputBlock(blockReason, plain("Wat klopte er niet?", 2000), nil,
		slack.NewRadioButtonsBlockElement(actionReason, options...))
	reason.Optional = true
	text := slack.NewPlainTextInputBlockElement(plain("Bv. wie het nu wel is, of wat er veranderd is", 150), actionComment)
	text.Multiline = true
	text.MaxLength = maxComment
	comment := slack.NewInputBlock(blockComment, plain("Toelichting (optioneel)", 2000), nil, text)
	comment.Optional = true
	blocks := []slack.Block{}
	if q := strings.TrimSpace(ref.question); q != "" {
		blocks = append(blocks, contextBlock("Je vroeg: _"+escapeMrkdwn(truncateRunes(q, 300))+"_"))
	}
	blocks = append(blocks, reason, comment,
		contextBlock("De mensen die de documenten bijhouden, zien je melding."))
	return slack.ModalViewRequest{
		Type:            slack.VTModal,
		CallbackID:      callbackFeedback,
		Title:           plain("Wat klopte er niet?", 24),
		Submit:          plain("Versturen", 24),
		Close:           plain("Annuleren", 24),
		PrivateMetadata: feedbackValue(ref.questionID, ref.source, ref.question),
		Blocks:          slack.Blocks{BlockSet: blocks},
	}
}

// feedbackFromState reads the modal's answers; a reason that is not one of
// the choices (a forged payload) is dropped.
func feedbackFromState(state *slack.ViewState) (reason, comment string) {
	if state == nil {
		return "", ""
	}
	picked := state.Values[blockReason][actionReason].SelectedOption.Value
	for _, r := range feedbackReasons {
		if r.value == picked {
			reason = picked
		}
	}
	comment = truncateRunes(strings.TrimSpace(state.Values[blockComment][actionComment].Value), maxComment)
	return reason, comment
}
