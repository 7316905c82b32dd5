package bot

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/rs/zerolog"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"github.com/wieiswie/wieiswie/knowledge"
	"github.com/wieiswie/wieiswie/store"
)

// reportDays is the period the App Home report covers.
const reportDays = 30

// homeExamples is how many roles from the documents the home tab uses as
// examples.
const homeExamples = 3

// homeOpened publishes the App Home tab for whoever opened it: the
// editors' report for editors and admins, how to ask for everyone else.
func (h *Handler) homeOpened(ctx context.Context, eventID string, ev *slackevents.AppHomeOpenedEvent, log zerolog.Logger) {
	log = log.With().Str("kind", "home").Str("user", ev.User).Logger()
	if ev.Tab != "" && ev.Tab != "home" {
		log.Debug().Str("tab", ev.Tab).Msg("app home tab other than home ignored")
		return
	}
	key := dedupeKey("event:", eventID)
	if !h.seen.first(key) {
		log.Info().Msg("event delivered again; already handled")
		return
	}
	h.claimThen(ctx, key, "", log, "", nil, func(ctx context.Context, log zerolog.Logger) {
		editor := h.isEditor != nil && h.isEditor(ev.User)
		var v slack.HomeTabViewRequest
		if editor {
			v = h.editorHome(ctx, log)
		} else {
			v = staffHome(h.documents())
		}
		if err := h.send.publishView(ctx, ev.User, v); err != nil {
			log.Error().Err(err).Msg("publishing the home tab failed")
			return
		}
		log.Info().Bool("editor", editor).Msg("home tab published")
	})
}

// documents is the loaded knowledge, or nothing.
func (h *Handler) documents() ([]knowledge.Document, []knowledge.Problem) {
	if h.knowledge == nil {
		return nil, nil
	}
	return h.knowledge()
}

// report builds the editors' report of the last days days.
func (h *Handler) report(ctx context.Context, days int) (store.Report, error) {
	if h.store == nil {
		return store.Report{}, fmt.Errorf("no store configured")
	}
	docs, problems := h.documents()
	k := store.Knowledge{Problems: problems}
	for _, d := range docs {
		k.Sources = append(k.Sources, d.Source)
	}
	now := h.now()
	rctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	return store.MakeReport(rctx, h.store, now.AddDate(0, 0, -days), now.Add(time.Second), k)
}

func (h *Handler) editorHome(ctx context.Context, log zerolog.Logger) slack.HomeTabViewRequest {
	blocks := []slack.Block{header(fmt.Sprintf("wieiswie — de laatste %d dagen", reportDays))}
	r, err := h.report(ctx, reportDays)
	if err != nil {
		log.Error().Err(err).Msg("building the report failed")
		blocks = append(blocks, section(":warning: Het rapport is nu niet beschikbaar: de opslag antwoordt niet. Probeer het later opnieuw."))
	} else {
		blocks = append(blocks, reportBlocks(r)...)
	}
	return slack.HomeTabViewRequest{Type: slack.VTHomeTab, Blocks: slack.Blocks{BlockSet: fitBlocks(blocks)}}
}

// reportBlocks shows a report: the home tab of editors and the weekly
// digest. Everything from users and documents is escaped.
func reportBlocks(r store.Report) []slack.Block {
	summary := fmt.Sprintf("*%d vragen* van %s: %d beantwoord, %d met \"Bedoelde je …?\", %d niet gevonden. %d× 👍, %d× 👎.",
		r.Questions, store.People(r.Askers), r.Answered, r.Ambiguous, r.NotFound, r.ThumbsUp, len(r.MarkedWrong))
	blocks := []slack.Block{section(summary)}
	list := func(title, empty string, lines []string) {
		text := "*" + title + "*\n"
		if len(lines) == 0 {
			text += "_" + empty + "_"
		} else {
			text += "• " + strings.Join(lines, "\n• ")
		}
		blocks = append(blocks, slack.NewDividerBlock(), section(truncate(text, maxSectionText)))
	}
	var lines []string
	for _, u := range r.Unanswered {
		line := escapeMrkdwn(truncateRunes(u.Question, 150)) + fmt.Sprintf(" — %d× gevraagd", u.Count)
		if u.Reported > 0 {
			line += fmt.Sprintf(", %d× gemeld als ontbrekend", u.Reported)
		}
		if len(u.Examples) > 0 {
			line += " (ook: _" + escapeMrkdwn(truncateRunes(strings.Join(u.Examples, "; "), 200)) + "_)"
		}
		lines = append(lines, line)
	}
	list("Niet gevonden", "Geen: elke vraag vond een antwoord.", lines)
	lines = nil
	for _, w := range r.MarkedWrong {
		line := "_" + escapeMrkdwn(truncateRunes(w.Question, 150)) + "_"
		if w.Document != "" {
			line += " → " + fileRef(w.Document)
		}
		if l := store.ReasonText[w.Reason]; l != "" {
			line += " — " + l
		}
		if w.Comment != "" {
			line += ": “" + escapeMrkdwn(truncateRunes(strings.Join(strings.Fields(w.Comment), " "), 300)) + "”"
		}
		lines = append(lines, line)
	}
	list("Als fout gemeld (👎)", "Niemand meldde een fout antwoord.", lines)
	lines = nil
	for _, c := range r.TopRoles {
		lines = append(lines, escapeMrkdwn(truncateRunes(c.Role, 100))+fmt.Sprintf(" — %d×", c.Count))
	}
	list("Meest gevraagd", "Nog geen vragen.", lines)
	lines = nil
	for _, d := range r.NeverShown {
		lines = append(lines, fileRef(d))
	}
	list("Documenten die nooit getoond werden", "Elk document werd minstens één keer getoond.", lines)
	lines = nil
	for _, p := range r.Problems {
		where := fileRef(p.File)
		if p.Line > 0 {
			where = fileRef(fmt.Sprintf("%s:%d", p.File, p.Line))
		}
		lines = append(lines, where+" — "+escapeMrkdwn(truncateRunes(p.Message, 200)))
	}
	list("Problemen in de documenten", "Geen: alle documenten lezen goed.", lines)
	blocks = append(blocks, contextBlock("Pas het genoemde bestand aan in de kennismap."))
	return blocks
}

// fileRef names a document file so it can be found in the folder.
func fileRef(name string) string {
	return "`" + escapeMrkdwn(truncateRunes(name, 200)) + "`"
}

// staffHome explains how to ask, with examples made from roles the loaded
// documents name, so they always work here.
func staffHome(docs []knowledge.Document, _ []knowledge.Problem) slack.HomeTabViewRequest {
	blocks := []slack.Block{
		header("wieiswie: wie doet wat?"),
		section("*Hoi!* Ik zoek voor jou op wie wat doet in ons lokaal bestuur: wie een functie heeft, hoe je iemand bereikt en wat een functie inhoudt."),
	}
	if roles := commonRoles(docs, homeExamples); len(roles) > 0 {
		examples := []string{"*Stel je vraag in gewone taal, bijvoorbeeld:*"}
		forms := []string{"wie is de %s", "telefoonnummer van de %s", "wat doet de %s"}
		for i, r := range roles {
			examples = append(examples, "• `/wie "+escapeMrkdwn(fmt.Sprintf(forms[i%len(forms)], r))+"`")
		}
		blocks = append(blocks, section(strings.Join(examples, "\n")))
	}
	blocks = append(blocks,
		section(waysToAsk()),
		contextBlock("Klopt een antwoord niet? Laat het weten met 👎 onder het antwoord; vond ik niets, klik dan op *Meld dat dit ontbreekt*."),
	)
	return slack.HomeTabViewRequest{Type: slack.VTHomeTab, Blocks: slack.Blocks{BlockSet: blocks}}
}

// commonRoles are the n function titles the documents name most often
// (most documents first, then alphabetically), lower-cased.
func commonRoles(docs []knowledge.Document, n int) []string {
	count := map[string]int{}
	for _, d := range docs {
		seen := map[string]bool{}
		titles := []string{d.Role}
		for _, f := range d.Functions {
			titles = append(titles, f.Title)
		}
		for _, t := range titles {
			t = strings.ToLower(strings.Join(strings.Fields(t), " "))
			if t == "" || seen[t] || len([]rune(t)) > 60 {
				continue
			}
			seen[t] = true
			count[t]++
		}
	}
	roles := make([]string, 0, len(count))
	for r := range count {
		roles = append(roles, r)
	}
	sort.Slice(roles, func(i, j int) bool {
		if count[roles[i]] != count[roles[j]] {
			return count[roles[i]] > count[roles[j]]
		}
		return roles[i] < roles[j]
	})
	if len(roles) > n {
		roles = roles[:n]
	}
	return roles
}
