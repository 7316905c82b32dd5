package bot

import (
	"context"
	"fmt"
	"time"

	"github.com/rs/zerolog"
	"github.com/slack-go/slack"
)

// The weekly digest: on Monday from digestHour on, the editors' report of
// the past week is posted in REPORT_CHANNEL, once between all instances
// (a claim on the ISO week).
const (
	digestDay  = time.Monday
	digestHour = 9
	digestDays = 7
)

// runDigest looks every interval (and at once) whether the digest is due.
func (h *Handler) runDigest(ctx context.Context, every time.Duration, log zerolog.Logger) {
	log = log.With().Str("kind", "digest").Logger()
	h.every(ctx, log, every, true, func() { h.digestIfDue(ctx, log) })
}

// digestIfDue posts this week's digest when it is time and no instance
// posted it yet; it reports whether it posted.
func (h *Handler) digestIfDue(ctx context.Context, log zerolog.Logger) bool {
	now := h.now()
	if h.reportChannel == "" || now.Weekday() != digestDay || now.Hour() < digestHour {
		return false
	}
	year, week := now.ISOWeek()
	key := fmt.Sprintf("digest:%d-W%02d", year, week)
	if !h.seen.first(key) {
		return false
	}
	if h.store != nil {
		cctx, cancel := context.WithTimeout(ctx, storeTimeout)
		won, _, err := h.store.Claim(cctx, key, h.instance, now, digestDays*24*time.Hour, "")
		cancel()
		if err != nil || !won {
			if err != nil {
				log.Warn().Err(err).Msg("claiming the weekly digest failed; not posting it this week")
			}
			return false
		}
	}
	r, err := h.report(ctx, digestDays)
	if err != nil {
		log.Error().Err(err).Msg("building the weekly digest failed")
		return false
	}
	blocks := append([]slack.Block{header("wieiswie — de voorbije week")}, reportBlocks(r)...)
	m := Message{
		Text:   fmt.Sprintf("wieiswie, de voorbije week: %d vragen, %d niet gevonden, %d als fout gemeld.", r.Questions, r.NotFound, len(r.MarkedWrong)),
		Blocks: fitBlocks(blocks),
	}
	pctx, cancel := context.WithTimeout(ctx, answerTimeout)
	defer cancel()
	if err := h.send.post(pctx, h.reportChannel, "", m); err != nil {
		log.Error().Err(err).Msg("posting the weekly digest failed")
		return false
	}
	log.Info().Str("week", key).Msg("weekly digest posted")
	return true
}
