package bot

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/slack-go/slack"

	"github.com/wieiswie/wieiswie/knowledge"
)

// Button action IDs; the interaction handler dispatches on them.
const (
	actionShare        = "wieiswie_share"
	actionMore         = "wieiswie_more"
	actionFeedbackUp   = "wieiswie_feedback_up"
	actionFeedbackDown = "wieiswie_feedback_down"
	actionMissing      = "wieiswie_missing"
	// actionPick is followed by the candidate's place: action IDs must
	// be unique in a message.
	actionPick = "wieiswie_pick_"
)

// Rendering budgets, in characters. They keep an answer short enough to
// read at a glance and the whole message under Slack's total size limit.
const (
	excerptChars       = 700  // excerpt text quoted in an answer, before escaping
	moreExcerptChars   = 280  // excerpt per candidate in "Meer resultaten"
	compactFunctions   = 5    // functions shown when they are not the point
	listFunctions      = 25   // functions shown for "welke functies heeft …"
	otherCandidates    = 3    // other candidates listed under an answer
	ambiguousListed    = 5    // candidates in "Bedoelde je …?"
	moreCandidates     = 8    // candidates in "Meer resultaten"
	knownListed        = 8    // topics in "Ik weet wel iets over: …"
	maxPhones          = 5    // phone numbers per contact
	maxEmails          = 5    // e-mail addresses per contact
	compactSectionText = 1200 // sections that are not the lead
	contactSectionText = 1500
	// buttonValueChars keeps button values (the question, at most
	// maxQuestionRunes) well under Slack's 2000 and the message's total.
	buttonValueChars = 700
)

// RenderOptions says where an answer goes; the result alone decides what
// it says.
type RenderOptions struct {
	// ShowQuestion repeats the question above the answer: a /wie answer
	// is not under the question the way a thread reply is.
	ShowQuestion bool
	// Share adds the "Deel in kanaal" button (ephemeral /wie answers).
	Share bool
	// SharedBy is the Slack user ID of whoever shared an ephemeral answer
	// in the channel; it is named above the answer.
	SharedBy string
	// QuestionID is the stored question's ID; the feedback buttons carry
	// it so a click is stored with the question it is about.
	QuestionID string
}

// Render turns a search result into a Slack message: the answer when there
// is one, "Bedoelde je …?" when the bot is unsure, "Ik vond niets over …"
// when it found nothing.
func Render(res knowledge.Result, opts RenderOptions) Message {
	var m Message
	switch {
	case res.Outcome == knowledge.NotFound || len(res.Answers) == 0:
		m = renderNotFound(res, opts)
	case res.Outcome == knowledge.Ambiguous:
		m = renderAmbiguous(res, opts)
	default:
		m = renderAnswer(res, opts)
	}
	m.Blocks = fitBlocks(m.Blocks)
	m.Text = truncate(m.Text, maxMessageText)
	return m
}

func renderAnswer(res knowledge.Result, opts RenderOptions) Message {
	a := res.Answers[0]
	var blocks []slack.Block
	if q := questionContext(res.Question, opts); q != nil {
		blocks = append(blocks, q)
	}
	blocks = append(blocks, header(escapeText(answerTitle(a))))

	contact := contactText(a.Contact)
	var parts []string
	switch {
	case res.Shape == knowledge.ShapeContactOf:
		if contact == "" {
			contact = "Ik vond geen telefoonnummer of e-mailadres voor " + bold(escapeMrkdwn(answerTitle(a))) + "."
		}
		parts = []string{
			truncate(contact, contactSectionText),
			truncate(functionsText(a.Functions, compactFunctions), compactSectionText),
			excerptText(a.Excerpt, excerptChars),
		}
	case res.Shape == knowledge.ShapeRolesOfPerson:
		fns := functionsText(a.Functions, listFunctions)
		if fns == "" {
			fns = "Ik vond geen functies voor " + bold(escapeMrkdwn(answerTitle(a))) + "."
		}
		parts = []string{
			fns,
			truncate(contact, contactSectionText),
			excerptText(a.Excerpt, excerptChars),
		}
	case res.Shape == knowledge.ShapeWhatDoesRole || a.Kind == knowledge.KindFunction:
		parts = []string{
			excerptText(a.Excerpt, excerptChars),
			truncate(functionsText(a.Functions, compactFunctions), compactSectionText),
			truncate(contact, contactSectionText),
		}
	default:
		parts = []string{
			truncate(functionsText(a.Functions, compactFunctions), compactSectionText),
			truncate(contact, contactSectionText),
			excerptText(a.Excerpt, excerptChars),
		}
	}
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			blocks = append(blocks, section(p))
		}
	}
	blocks = append(blocks, contextBlock(sourceText(a)))

	if others := res.Answers[1:]; len(others) > 0 {
		var b strings.Builder
		b.WriteString("*Andere resultaten*")
		for i, o := range others {
			if i == otherCandidates {
				break
			}
			b.WriteString("\n• " + candidateLine(o))
		}
		blocks = append(blocks, section(truncate(b.String(), compactSectionText)))
	}

	blocks = append(blocks, answerActions(res, opts, len(res.Answers) > 1, true))
	return Message{Text: answerFallback(a, res.Shape), Blocks: blocks}
}

func renderAmbiguous(res knowledge.Result, opts RenderOptions) Message {
	var blocks []slack.Block
	if q := questionContext(res.Question, opts); q != nil {
		blocks = append(blocks, q)
	}
	var b strings.Builder
	b.WriteString("Ik vond meer dan één mogelijk antwoord. *Bedoelde je …?*")
	var names []string
	for i, a := range res.Answers {
		if i == ambiguousListed {
			break
		}
		b.WriteString("\n• " + candidateLine(a))
		names = append(names, answerTitle(a))
	}
	blocks = append(blocks,
		section(truncate(b.String(), maxSectionText)),
		candidateButtons(res, opts),
		contextBlock("Klik op wie je bedoelt, of maak je vraag specifieker, bv. met de naam, de functie of de gemeente."),
		answerActions(res, opts, len(res.Answers) > ambiguousListed, false),
	)
	return Message{Text: escapeMrkdwn("Bedoelde je " + joinDutch(names, "of") + "?"), Blocks: blocks}
}

func renderNotFound(res knowledge.Result, opts RenderOptions) Message {
	var blocks []slack.Block
	if q := questionContext(res.Question, opts); q != nil {
		blocks = append(blocks, q)
	}
	topic := strings.TrimSpace(res.Topic)
	if topic == "" {
		topic = strings.TrimSpace(res.Question)
	}
	var text, fallback string
	if res.UnknownPlace != "" {
		text = "Ik ken " + bold(escapeMrkdwn(truncateRunes(res.UnknownPlace, 100))) + " niet: daar heb ik geen documenten over."
		fallback = escapeMrkdwn("Ik ken " + truncateRunes(res.UnknownPlace, 100) + " niet.")
		blocks = append(blocks, section(text))
		if len(res.Known) > 0 {
			blocks = append(blocks, section(truncate("Ik ken wel: "+escapeMrkdwn(strings.Join(res.Known, ", "))+".", compactSectionText)))
		}
		blocks = append(blocks, actions(missingButton(res.Question, opts)))
		return Message{Text: fallback, Blocks: blocks}
	}
	if topic == "" {
		text, fallback = "Ik vond niets over je vraag.", "Ik vond niets over je vraag."
	} else {
		text = "Ik vond niets over " + bold(escapeMrkdwn(truncateRunes(topic, 200))) + "."
		fallback = escapeMrkdwn("Ik vond niets over " + truncateRunes(topic, 200) + ".")
	}
	blocks = append(blocks, section(text))
	if len(res.Known) > 0 {
		known := res.Known
		if len(known) > knownListed {
			known = known[:knownListed]
		}
		escaped := make([]string, len(known))
		for i, k := range known {
			escaped[i] = escapeMrkdwn(k)
		}
		blocks = append(blocks, section(truncate("Ik weet wel iets over: "+strings.Join(escaped, ", ")+".", compactSectionText)))
	}
	blocks = append(blocks,
		contextBlock("Probeer je vraag anders te formuleren, bv. _wie is algemeen directeur_ of _telefoonnummer van de burgemeester_."),
		actions(missingButton(res.Question, opts)),
	)
	return Message{Text: fallback, Blocks: blocks}
}

// RenderMore lists the candidates after the first one, with a little more
// detail than the compact list under an answer; it is what the "Meer
// resultaten" button shows.
func RenderMore(res knowledge.Result) Message {
	q := escapeMrkdwn(truncateRunes(strings.TrimSpace(res.Question), 200))
	var candidates []knowledge.Answer
	if len(res.Answers) > 1 {
		candidates = res.Answers[1:]
	}
	if res.Outcome == knowledge.Ambiguous {
		candidates = res.Answers // none of them was the answer
	}
	if len(candidates) == 0 {
		text := "Ik heb geen andere resultaten voor _" + q + "_."
		return Message{Text: text, Blocks: []slack.Block{section(text)}}
	}
	if len(candidates) > moreCandidates {
		candidates = candidates[:moreCandidates]
	}
	blocks := []slack.Block{section("*Meer resultaten* voor _" + q + "_")}
	var names []string
	for _, a := range candidates {
		names = append(names, answerTitle(a))
		var b strings.Builder
		b.WriteString(bold(escapeMrkdwn(answerTitle(a))))
		if fns := functionLines(a.Functions, 3); len(fns) > 0 {
			b.WriteString("\n" + strings.Join(fns, "\n"))
		}
		if c := contactLine(a.Contact); c != "" {
			b.WriteString("\n" + c)
		}
		if e := excerptText(knowledge.Excerpt{Text: a.Excerpt.Text, Highlights: a.Excerpt.Highlights}, moreExcerptChars); e != "" {
			b.WriteString("\n" + e)
		}
		blocks = append(blocks, section(truncate(b.String(), compactSectionText)), contextBlock(sourceText(a)))
	}
	blocks = append(blocks, contextBlock("Staat het juiste antwoord er niet bij? Probeer je vraag anders te formuleren."))
	text := escapeMrkdwn("Meer resultaten: " + joinDutch(names, "en") + ".")
	return Message{Text: truncate(text, maxMessageText), Blocks: fitBlocks(blocks)}
}

// ErrorMessage is what people see when searching failed; the cause is in
// the log.
func ErrorMessage() Message {
	text := "Sorry, er ging iets mis bij het zoeken. Probeer het zo meteen opnieuw."
	return Message{Text: text, Blocks: []slack.Block{section(":warning: " + text)}}
}

// thanksMessage answers a 👍 or 👎 click.
func thanksMessage(up bool) Message {
	text := "Bedankt voor je feedback! Daarmee maken we wieiswie beter."
	if !up {
		text = "Bedankt voor je feedback! De mensen die de documenten bijhouden, zien dat dit antwoord niet klopte. Probeer je vraag eventueel anders te formuleren."
	}
	return Message{Text: text, Blocks: []slack.Block{contextBlock(text)}}
}

// missingThanksMessage answers "Meld dat dit ontbreekt".
func missingThanksMessage() Message {
	text := "Bedankt! De mensen die de documenten bijhouden, zien dat dit ontbreekt."
	return Message{Text: text, Blocks: []slack.Block{contextBlock(text)}}
}

func questionContext(question string, opts RenderOptions) *slack.ContextBlock {
	q := escapeMrkdwn(truncateRunes(strings.TrimSpace(question), 300))
	switch {
	case opts.SharedBy != "" && q != "":
		return contextBlock(userRef(opts.SharedBy) + " vroeg: _" + q + "_")
	case opts.SharedBy != "":
		return contextBlock("Gedeeld door " + userRef(opts.SharedBy))
	case opts.ShowQuestion && q != "":
		return contextBlock("Je vroeg: _" + q + "_")
	}
	return nil
}

var slackUserID = regexp.MustCompile(`^[UW][A-Z0-9]{2,}$`)

// userRef mentions a Slack user by ID; anything that is not an ID is shown
// as text, so a forged payload cannot inject markup.
func userRef(id string) string {
	if slackUserID.MatchString(id) {
		return "<@" + id + ">"
	}
	return escapeMrkdwn(id)
}

func answerActions(res knowledge.Result, opts RenderOptions, more, share bool) *slack.ActionBlock {
	var bs []*slack.ButtonBlockElement
	if share && opts.Share {
		bs = append(bs, button("Deel in kanaal", actionShare, questionValue(res.Question), slack.StylePrimary))
	}
	if more {
		bs = append(bs, button("Meer resultaten", actionMore, questionValue(res.Question), ""))
	}
	source := ""
	if len(res.Answers) > 0 {
		source = res.Answers[0].Source
	}
	v := feedbackValue(opts.QuestionID, source, res.Question)
	bs = append(bs, button("👍", actionFeedbackUp, v, ""), button("👎", actionFeedbackDown, v, ""))
	return actions(bs...)
}

// missingButton lets the asker tell the editors that the knowledge lacks
// what they asked, instead of 👍/👎 under an answer that has nothing.
func missingButton(question string, opts RenderOptions) *slack.ButtonBlockElement {
	return button("Meld dat dit ontbreekt", actionMissing, feedbackValue(opts.QuestionID, "", question), "")
}

// candidateButtons offers each "Bedoelde je …?" candidate as a button; a
// click answers with that candidate.
func candidateButtons(res knowledge.Result, opts RenderOptions) *slack.ActionBlock {
	var bs []*slack.ButtonBlockElement
	for i, a := range res.Answers {
		if i == ambiguousListed {
			break
		}
		bs = append(bs, button(escapeText(truncateRunes(answerTitle(a), 70)), actionPick+strconv.Itoa(i),
			feedbackValue(opts.QuestionID, a.Source, res.Question), ""))
	}
	return actions(bs...)
}

// questionValue carries the question in a button, so a click can ask it
// again. It is escaped like any other text and unescaped on the way back.
func questionValue(question string) string {
	return truncate(escapeText(question), buttonValueChars)
}

// feedbackValue carries the stored question's ID, a document's source and
// the question, one per line, so a click is stored with all three (the
// question too, in case its own record could not be written).
func feedbackValue(id, source, question string) string {
	source = strings.Join(strings.Fields(source), " ")
	return truncate(escapeText(truncateRunes(id, 40))+"\n"+escapeText(truncateRunes(source, 200))+"\n"+escapeText(question), buttonValueChars)
}

// buttonRef is what a feedback, missing or candidate button carries.
type buttonRef struct {
	questionID, source, question string
}

// parseFeedbackValue reads a button value; one of two lines (source and
// question) is a button posted before questions were stored.
func parseFeedbackValue(v string) buttonRef {
	parts := strings.SplitN(v, "\n", 3)
	for i := range parts {
		parts[i] = unescapeText(parts[i])
	}
	switch len(parts) {
	case 3:
		return buttonRef{questionID: parts[0], source: parts[1], question: parts[2]}
	case 2:
		return buttonRef{source: parts[0], question: parts[1]}
	}
	return buttonRef{question: parts[0]}
}

// answerTitle is what an answer is called: the person, else the document.
func answerTitle(a knowledge.Answer) string {
	for _, s := range []string{a.Name, a.Title, a.Source} {
		if s = strings.Join(strings.Fields(s), " "); s != "" {
			return s
		}
	}
	return "Onbekend"
}

// candidateLine is one compact line for a candidate: name, first function
// and organisation.
func candidateLine(a knowledge.Answer) string {
	line := bold(escapeMrkdwn(truncateRunes(answerTitle(a), 100)))
	var detail []string
	if title, bodies := firstFunction(a.Functions); title != "" || len(bodies) > 0 {
		detail = append(detail, functionSummary(title, bodies))
	} else if a.Name != "" && a.Title != "" && a.Title != a.Name {
		detail = append(detail, escapeMrkdwn(truncateRunes(a.Title, 100)))
	}
	if a.Organisation != "" {
		detail = append(detail, escapeMrkdwn(truncateRunes(a.Organisation, 80)))
	}
	if len(detail) > 0 {
		line += " — " + strings.Join(detail, " · ")
	}
	if len(a.Contact.Phones) > 0 {
		line += " · " + phoneLink(a.Contact.Phones[0])
	}
	return line
}

// groupText is "Functie — Body, Body": one function title with the bodies
// it is held in.
func groupText(title string, bodies []string) string {
	title = escapeMrkdwn(truncateRunes(strings.TrimSpace(title), 150))
	var bs []string
	for _, b := range bodies {
		if b = strings.TrimSpace(b); b != "" {
			bs = append(bs, escapeMrkdwn(truncateRunes(b, 150)))
		}
	}
	body := strings.Join(bs, ", ")
	switch {
	case title != "" && body != "":
		return title + " — " + body
	case title != "":
		return title
	default:
		return body
	}
}

// functionSummary is the compact "Functie (Body, Body)".
func functionSummary(title string, bodies []string) string {
	title = escapeMrkdwn(truncateRunes(strings.TrimSpace(title), 150))
	var bs []string
	for _, b := range bodies {
		bs = append(bs, escapeMrkdwn(truncateRunes(b, 150)))
	}
	switch {
	case title == "":
		return strings.Join(bs, ", ")
	case len(bs) == 0:
		return title
	}
	return title + " (" + strings.Join(bs, ", ") + ")"
}

// firstFunction is the first function's title with every body it is held
// in, unescaped.
func firstFunction(fns []knowledge.Function) (title string, bodies []string) {
	if len(fns) == 0 {
		return "", nil
	}
	title = strings.TrimSpace(fns[0].Title)
	for _, f := range fns {
		if strings.EqualFold(strings.TrimSpace(f.Title), title) {
			if b := strings.TrimSpace(f.Body); b != "" {
				bodies = append(bodies, b)
			}
		}
	}
	return title, bodies
}

// functionLines lists the functions as bullets, one per title with its
// bodies ("Algemeen directeur — Schepencollege, Gemeenteraad, OCMW raad"),
// at most max lines.
func functionLines(fns []knowledge.Function, max int) []string {
	var order []string
	bodies := map[string][]string{}
	for _, f := range fns {
		title := strings.TrimSpace(f.Title)
		key := strings.ToLower(title)
		if title == "" {
			key = "\x00" + strings.TrimSpace(f.Body) // a body alone is its own line
		}
		if _, ok := bodies[key]; !ok {
			order = append(order, key)
			bodies[key] = []string{title}
		}
		bodies[key] = append(bodies[key], f.Body)
	}
	var lines []string
	for _, key := range order {
		if t := groupText(bodies[key][0], bodies[key][1:]); t != "" {
			lines = append(lines, "• "+t)
		}
	}
	if len(lines) > max {
		rest := len(lines) - max
		lines = lines[:max]
		if rest == 1 {
			lines = append(lines, "… en 1 andere functie")
		} else {
			lines = append(lines, fmt.Sprintf("… en %d andere functies", rest))
		}
	}
	return lines
}

func functionsText(fns []knowledge.Function, max int) string {
	lines := functionLines(fns, max)
	if len(lines) == 0 {
		return ""
	}
	heading := "*Functies*"
	if len(lines) == 1 {
		heading = "*Functie*"
	}
	return truncate(heading+"\n"+strings.Join(lines, "\n"), maxSectionText)
}

// contactText lists every way to reach someone, one kind per line.
func contactText(c knowledge.Contact) string {
	var lines []string
	if phones := linkList(c.Phones, maxPhones, phoneLink); phones != "" {
		lines = append(lines, ":telephone_receiver: "+phones)
	}
	if emails := linkList(c.Emails, maxEmails, emailLink); emails != "" {
		lines = append(lines, ":email: "+emails)
	}
	if addr := strings.TrimSpace(c.Address); addr != "" {
		lines = append(lines, ":round_pushpin: "+escapeMrkdwn(truncateRunes(addr, 300)))
	}
	if site := strings.TrimSpace(c.Website); site != "" {
		lines = append(lines, ":globe_with_meridians: "+webLink(truncateRunes(site, 300)))
	}
	if len(lines) == 0 {
		return ""
	}
	return "*Contact*\n" + strings.Join(lines, "\n")
}

// contactLine is the first phone and e-mail on one line.
func contactLine(c knowledge.Contact) string {
	var parts []string
	if len(c.Phones) > 0 {
		parts = append(parts, ":telephone_receiver: "+phoneLink(c.Phones[0]))
	}
	if len(c.Emails) > 0 {
		parts = append(parts, ":email: "+emailLink(c.Emails[0]))
	}
	return strings.Join(parts, "  ")
}

func linkList(items []string, max int, link func(string) string) string {
	var out []string
	for _, it := range items {
		if strings.TrimSpace(it) == "" {
			continue
		}
		if len(out) == max {
			break
		}
		out = append(out, link(truncateRunes(it, 120)))
	}
	return strings.Join(out, " · ")
}

// sourceText names the document an answer comes from.
func sourceText(a knowledge.Answer) string {
	parts := []string{":page_facing_up: Bron: " + escapeMrkdwn(truncateRunes(a.Source, 200))}
	if a.Organisation != "" {
		parts = append(parts, escapeMrkdwn(truncateRunes(a.Organisation, 200)))
	}
	return strings.Join(parts, " · ")
}

// excerptText quotes the excerpt (at most max characters of its text) with
// the matched words in bold.
func excerptText(e knowledge.Excerpt, max int) string {
	e = shortenExcerpt(e, max)
	if strings.TrimSpace(e.Text) == "" {
		return ""
	}
	marked := e.Marked("*", "*", escapeMrkdwn)
	var b strings.Builder
	if h := strings.TrimSpace(e.Heading); h != "" {
		b.WriteString(bold(escapeMrkdwn(truncateRunes(h, 150))) + "\n")
	}
	first := true
	for _, line := range strings.Split(marked, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if !first {
			b.WriteString("\n")
		}
		first = false
		b.WriteString(">" + line)
	}
	return truncate(b.String(), maxSectionText)
}

// shortenExcerpt cuts the excerpt text to at most max runes (at a word
// boundary when there is one nearby) and tidies the highlights so every
// bold marker renders: in range, not overlapping, not across lines and
// without surrounding spaces (Slack ignores "* word*").
func shortenExcerpt(e knowledge.Excerpt, max int) knowledge.Excerpt {
	text := e.Text
	cut := false
	if at := runeOffset(text, max); at < len(text) {
		s := text[:at]
		if i := strings.LastIndexFunc(s, unicode.IsSpace); i > len(s)*3/4 {
			s = s[:i]
		}
		text, cut = s, true
	}
	var spans []knowledge.Span
	for _, h := range e.Highlights {
		if h.Start >= 0 && h.End <= len(text) && h.Start < h.End {
			spans = append(spans, h)
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	var out []knowledge.Span
	for _, h := range spans {
		for h.Start < h.End && isSpaceByte(text[h.Start]) {
			h.Start++
		}
		for h.End > h.Start && isSpaceByte(text[h.End-1]) {
			h.End--
		}
		if h.Start >= h.End || strings.ContainsAny(text[h.Start:h.End], "\n\r") {
			continue
		}
		if n := len(out); n > 0 && h.Start <= out[n-1].End {
			if h.End > out[n-1].End {
				out[n-1].End = h.End
			}
			continue
		}
		out = append(out, h)
	}
	if cut {
		text = strings.TrimRightFunc(text, unicode.IsSpace) + " " + ellipsis
	}
	return knowledge.Excerpt{Heading: e.Heading, Text: text, Highlights: out}
}

// runeOffset is the byte offset just past the first n runes of s (len(s)
// when s is shorter).
func runeOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// answerFallback is the one-line text version of an answer.
func answerFallback(a knowledge.Answer, shape knowledge.Shape) string {
	parts := []string{answerTitle(a)}
	if title, bodies := firstFunction(a.Functions); title != "" && shape != knowledge.ShapeContactOf {
		parts[0] += " — " + title
		if len(bodies) > 0 {
			parts[0] += " (" + strings.Join(bodies, ", ") + ")"
		}
	}
	if len(a.Contact.Phones) > 0 {
		parts = append(parts, "tel. "+strings.TrimSpace(a.Contact.Phones[0]))
	}
	if len(a.Contact.Emails) > 0 {
		parts = append(parts, strings.TrimSpace(a.Contact.Emails[0]))
	}
	return escapeMrkdwn(strings.Join(parts, " · "))
}

// joinDutch joins names as "a, b of c".
func joinDutch(items []string, conj string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + conj + " " + items[len(items)-1]
}

// exampleNote stands under every answer while the bot answers from the
// embedded example documents, so that nobody runs a real workspace on
// them by mistake.
const exampleNote = ":warning: voorbeeldkennis — stel KNOWLEDGE_DIR in"

// withExampleNote adds exampleNote under the answer in m, above its
// buttons, keeping within the block limit.
func withExampleNote(m Message) Message {
	note := contextBlock(exampleNote)
	n := len(m.Blocks)
	if n == 0 {
		m.Blocks = []slack.Block{note}
		return m
	}
	if _, ok := m.Blocks[n-1].(*slack.ActionBlock); !ok {
		m.Blocks = append(m.Blocks, note)
	} else {
		m.Blocks = append(m.Blocks[:n-1:n-1], note, m.Blocks[n-1])
	}
	if len(m.Blocks) > maxBlocks {
		m.Blocks = append(m.Blocks[:len(m.Blocks)-3:len(m.Blocks)-3], m.Blocks[len(m.Blocks)-2:]...)
	}
	return m
}
