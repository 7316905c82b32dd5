package bot

import (
	"bufio"
	"context"
	_ "embed"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/rs/zerolog"
	"github.com/slack-go/slack/slackevents"

	"github.com/wieiswie/wieiswie/knowledge"
)

// Answering without a mention (AUTO_ANSWER_CHANNELS): in an onboarding
// channel new colleagues ask "wie regelt mijn badge?" without knowing they
// should mention a bot. The bot answers such a top-level who-question in
// its thread, but only when it is sure, because nobody asked it: never
// small talk ("wie gaat er mee lunchen?"), never a reply in a thread, never
// a message addressed to someone, never twice, and never when the message
// also mentions the bot (then it is a mention, answered once as such).

// kindAuto is how an auto-answered question is counted in the metrics.
const kindAuto = "auto"

// A who-question is answered without a mention only when the answer shows
// what was asked: at least autoCoverage of the asked words of
// autoLongWord letters or more (all of them when there are none that long)
// start a word the answer shows — a highlighted word of the excerpt, a
// function, the name or the title. The index may answer "wie gaat er mee
// lunchen?" with someone who "werkt mee"; that must not be said unasked.
const (
	autoCoverage = 0.5
	autoLongWord = 4
	// autoPrefix is how many letters two words share to count as the same
	// word (loonbrief ~ loonbrieven, klachten ~ klacht).
	autoPrefix = 5
)

//go:embed data/autoanswer.txt
var autoAnswerTxt string

// autoLexicon is the openings and greetings of data/autoanswer.txt.
type autoLexicon struct {
	openings  [][]string
	greetings map[string]bool
}

// autoWords is the embedded lexicon; a broken file fails every test.
var autoWords = mustAutoLexicon(autoAnswerTxt)

func mustAutoLexicon(text string) autoLexicon {
	lx, err := parseAutoLexicon(text)
	if err != nil {
		panic(err)
	}
	return lx
}

func parseAutoLexicon(text string) (autoLexicon, error) {
	lx := autoLexicon{greetings: map[string]bool{}}
	section := ""
	sc := bufio.NewScanner(strings.NewReader(text))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			section = line
		case section == "[openings]":
			lx.openings = append(lx.openings, strings.Fields(knowledge.Fold(line)))
		case section == "[greetings]":
			lx.greetings[knowledge.Fold(line)] = true
		default:
			return lx, fmt.Errorf("data/autoanswer.txt:%d: %q is outside a section", n, line)
		}
	}
	if len(lx.openings) == 0 {
		return lx, fmt.Errorf("data/autoanswer.txt: no openings")
	}
	return lx, sc.Err()
}

// isWhoQuestion reports whether a message asks who does something: one of
// its sentences, or parts between commas, starts with an opening after any
// greeting words.
func (lx autoLexicon) isWhoQuestion(text string) bool {
	parts := strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune(".!?,;:\n", r) })
	for _, p := range parts {
		words := strings.Fields(knowledge.Fold(p))
		for len(words) > 0 && lx.greetings[words[0]] {
			words = words[1:]
		}
		for _, o := range lx.openings {
			if len(words) > len(o) && equalWords(words[:len(o)], o) {
				return true
			}
		}
	}
	return false
}

func equalWords(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// autoQuestion picks the question out of a channel message that does not
// mention the bot, or says why it is not one to answer unasked.
func (h *Handler) autoQuestion(ev *slackevents.MessageEvent) (question, string) {
	switch {
	case h.autoAnswers == nil || !h.autoAnswers(ev.Channel):
		return question{}, "channel message not addressed to the bot"
	case ev.ThreadTimeStamp != "" && ev.ThreadTimeStamp != ev.TimeStamp:
		return question{}, "auto-answer: a reply in a thread"
	case strings.Contains(ev.Text, "<@") || strings.Contains(ev.Text, "<!"):
		return question{}, "auto-answer: addressed to someone"
	case !autoWords.isWhoQuestion(cleanQuestion(ev.Text)):
		return question{}, "auto-answer: not a who-question"
	}
	return question{
		kind: kindAuto, channel: ev.Channel, ts: ev.TimeStamp,
		threadTS: ev.TimeStamp, user: ev.User, text: ev.Text,
	}, ""
}

// answerAuto answers a who-question nobody asked the bot, in its thread,
// when the answer is confident; otherwise it stays silent.
func (h *Handler) answerAuto(ctx context.Context, q question, answer replyFunc, received time.Time, log zerolog.Logger) {
	text := cleanQuestion(q.text)
	res, err := h.search(ctx, text, answerTop)
	if err != nil {
		log.Warn().Err(err).Str("question", text).Msg("auto-answer: search failed; staying silent")
		return
	}
	if res.Question == "" {
		res.Question = text
	}
	if !confident(res) {
		log.Info().Str("question", text).Str("outcome", string(res.Outcome)).Str("topic", res.Topic).
			Msg("auto-answer: not confident; staying silent")
		return
	}
	h.metrics.Asked(kindAuto)
	h.metrics.Answered(kindAuto)
	log.Info().Str("question", text).Str("outcome", string(res.Outcome)).Str("shape", string(res.Shape)).
		Int("answers", len(res.Answers)).Dur("took", res.Took).Str("source", res.Answers[0].Source).Msg("answered")
	m := h.withDirectMessage(ctx, res, Render(res, RenderOptions{}), log)
	if err := answer(ctx, m); err != nil {
		h.metrics.Failed(kindAuto)
		log.Error().Err(err).Msg("posting the auto-answer failed")
		return
	}
	h.metrics.ObserveLatency(kindAuto, time.Since(received).Seconds())
}

// confident reports whether an answer may be given unasked: the bot
// answered (not "Bedoelde je …?") and the answer shows what was asked (see
// autoCoverage).
func confident(res knowledge.Result) bool {
	if res.Outcome != knowledge.Answered || len(res.Answers) == 0 {
		return false
	}
	asked := strings.Fields(knowledge.Fold(res.Topic))
	var long []string
	for _, w := range asked {
		if len([]rune(w)) >= autoLongWord {
			long = append(long, w)
		}
	}
	need := len(asked)
	if len(long) > 0 {
		asked = long
		need = int(float64(len(long))*autoCoverage + 0.999)
	}
	if need == 0 {
		return false
	}
	shown := shownWords(res.Answers[0])
	covered := 0
	for _, w := range asked {
		for _, s := range shown {
			if sameWord(w, s) {
				covered++
				break
			}
		}
	}
	return covered >= need
}

// shownWords are the words an answer shows for itself: the highlighted
// words of its excerpt, its functions, its name and title (folded).
func shownWords(a knowledge.Answer) []string {
	var parts []string
	for _, h := range a.Excerpt.Highlights {
		if h.Start >= 0 && h.Start < h.End && h.End <= len(a.Excerpt.Text) {
			parts = append(parts, a.Excerpt.Text[h.Start:h.End])
		}
	}
	for _, f := range a.Functions {
		parts = append(parts, f.Title, f.Body)
	}
	parts = append(parts, a.Name, a.Title)
	return strings.Fields(knowledge.Fold(strings.Join(parts, " ")))
}

// sameWord reports whether two folded words are one: equal, or sharing
// their first autoPrefix letters.
func sameWord(a, b string) bool {
	if a == b {
		return true
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) < autoPrefix || len(rb) < autoPrefix {
		return false
	}
	for i := range autoPrefix {
		if unicode.ToLower(ra[i]) != unicode.ToLower(rb[i]) {
			return false
		}
	}
	return true
}
