package bot

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/rs/zerolog"
	"github.com/slack-go/slack"

	"github.com/wieiswie/wieiswie/knowledge"
)

// actionDirectMessage is the id of the "Stuur een bericht" link button;
// Slack reports its clicks, which need nothing but the acknowledgement.
const actionDirectMessage = "wieiswie_dm"

const (
	// lookupTimeout bounds one users.lookupByEmail while an answer waits
	// for it; without the link the answer is still whole.
	lookupTimeout = 2 * time.Second
	// userCacheFor is how long a lookup is trusted when the knowledge is
	// not reloaded: people join and leave Slack.
	userCacheFor = 24 * time.Hour
	// maxCachedUsers bounds the cache; past it, it starts over.
	maxCachedUsers = 50000
)

// slackID matches Slack's team and member IDs; nothing else is put in a
// link.
var slackID = regexp.MustCompile(`^[A-Z0-9]{3,32}$`)

// slackUsers links the e-mail addresses of person documents to Slack
// accounts (users.lookupByEmail, scope users:read.email), so that an answer
// about someone can open a direct message with them — a link, never an
// @-mention, which would notify them every time someone asks about them.
// Lookups are cached, found and not found alike, until the knowledge is
// reloaded (addresses change with it) or a day has passed. When Slack rate
// limits the lookups, none is made until its Retry-After has passed; the
// answers go out without the link meanwhile.
type slackUsers struct {
	lookup func(ctx context.Context, email string) (*slack.User, error)
	now    func() time.Time

	mu     sync.Mutex
	team   string
	cache  map[string]cachedUser // by lower-case e-mail
	paused time.Time             // no lookups before
}

type cachedUser struct {
	id    string // "" when Slack has nobody with the address
	until time.Time
}

func newSlackUsers(api *slack.Client) *slackUsers {
	return &slackUsers{lookup: api.GetUserByEmailContext, now: time.Now, cache: map[string]cachedUser{}}
}

// setTeam records the workspace the links point into (auth.test's team_id).
func (u *slackUsers) setTeam(team string) {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.team = team
}

// forget drops every lookup: the knowledge was reloaded.
func (u *slackUsers) forget() {
	if u == nil {
		return
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	clear(u.cache)
}

// link returns a URL that opens a direct message with whoever has email in
// Slack, or "" when nobody has it or it cannot be known now.
func (u *slackUsers) link(ctx context.Context, email string, log zerolog.Logger) string {
	if u == nil {
		return ""
	}
	key := strings.ToLower(strings.TrimSpace(email))
	if key == "" || !strings.Contains(key, "@") {
		return ""
	}
	u.mu.Lock()
	team, now := u.team, u.now()
	c, ok := u.cache[key]
	paused := now.Before(u.paused)
	u.mu.Unlock()
	if !slackID.MatchString(team) {
		return "" // not connected yet
	}
	if ok && now.Before(c.until) {
		return dmURL(team, c.id)
	}
	if paused {
		return ""
	}
	ctx, cancel := context.WithTimeout(ctx, lookupTimeout)
	defer cancel()
	user, err := u.lookup(ctx, key)
	var rl *slack.RateLimitedError
	switch {
	case err == nil && user != nil:
		u.store(key, user.ID)
		return dmURL(team, user.ID)
	case err != nil && err.Error() == "users_not_found":
		u.store(key, "")
	case errors.As(err, &rl):
		u.mu.Lock()
		u.paused = u.now().Add(max(rl.RetryAfter, time.Second))
		u.mu.Unlock()
		log.Warn().Dur("retry_after", rl.RetryAfter).Msg("users.lookupByEmail rate limited; answering without direct-message links meanwhile")
	default:
		log.Warn().Err(err).Msg("users.lookupByEmail failed; answering without a direct-message link")
	}
	return ""
}

func (u *slackUsers) store(key, id string) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if len(u.cache) >= maxCachedUsers {
		clear(u.cache)
	}
	u.cache[key] = cachedUser{id: id, until: u.now().Add(userCacheFor)}
}

// dmURL opens the direct message with user in Slack's app (desktop, web or
// phone); "" unless both IDs look like Slack IDs.
func dmURL(team, user string) string {
	if !slackID.MatchString(team) || !slackID.MatchString(user) {
		return ""
	}
	return "https://app.slack.com/client/" + team + "/" + user
}

// withDirectMessage adds to an answer about a person a link button that
// opens a direct message with them, when their e-mail address is theirs
// in Slack.
func (h *Handler) withDirectMessage(ctx context.Context, res knowledge.Result, m Message, log zerolog.Logger) Message {
	if h.users == nil || res.Outcome != knowledge.Answered || len(res.Answers) == 0 || len(m.Blocks) == 0 {
		return m
	}
	a := res.Answers[0]
	if a.Kind != knowledge.KindPerson {
		return m // a service's address is a shared mailbox
	}
	ab, ok := m.Blocks[len(m.Blocks)-1].(*slack.ActionBlock)
	if !ok {
		return m
	}
	for _, email := range a.Contact.Emails {
		url := h.users.link(ctx, email, log)
		if url == "" {
			continue
		}
		b := button("💬 Stuur "+escapeText(truncateRunes(firstName(answerTitle(a)), 40))+" een bericht", actionDirectMessage, "", "")
		b.URL = url
		ab.Elements.ElementSet = append([]slack.BlockElement{b}, ab.Elements.ElementSet...)
		if len(ab.Elements.ElementSet) > maxActionElements {
			ab.Elements.ElementSet = ab.Elements.ElementSet[:maxActionElements]
		}
		return m
	}
	return m
}

// firstName is how the button addresses someone: "Miet" of "Miet Gobert".
func firstName(name string) string {
	if f := strings.Fields(name); len(f) > 1 {
		return f[0]
	}
	return name
}

// SlackLink returns a link that opens a direct message in Slack with whoever
// has the e-mail address, or "" when that is not known; for the web page.
func (b *Bot) SlackLink(email string) string {
	return b.users.link(context.Background(), email, b.log)
}

// KnowledgeReloaded forgets which Slack accounts the e-mail addresses
// belong to, so that they are looked up again with the new knowledge.
func (b *Bot) KnowledgeReloaded(err error) {
	if err == nil {
		b.users.forget()
	}
}
