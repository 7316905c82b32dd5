package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/slack-go/slack"
)

// messenger is how answers reach Slack. The handler depends on this small
// interface so its decisions can be tested without a network.
type messenger interface {
	// post sends a message to a channel, in the thread threadTS when set.
	post(ctx context.Context, channel, threadTS string, m Message) error
	// postEphemeral shows a message to one user in a channel.
	postEphemeral(ctx context.Context, channel, user, threadTS string, m Message) error
	// respond answers through a slash command's or a button's response_url.
	respond(ctx context.Context, responseURL string, r response) error
	// openView opens a modal for the click that gave triggerID.
	openView(ctx context.Context, triggerID string, v slack.ModalViewRequest) error
	// publishView sets a user's App Home tab.
	publishView(ctx context.Context, userID string, v slack.HomeTabViewRequest) error
}

// Response types for response_url.
const (
	responseEphemeral = "ephemeral"
	responseInChannel = "in_channel"
)

// response is a message for a response_url.
type response struct {
	Message
	ResponseType    string
	ReplaceOriginal bool
	DeleteOriginal  bool
}

// slackMessenger sends through the Web API (slack-go) and response URLs.
type slackMessenger struct {
	api  *slack.Client
	http *http.Client
}

func messageOptions(m Message, threadTS string) []slack.MsgOption {
	opts := []slack.MsgOption{
		slack.MsgOptionText(m.Text, false), // already escaped by the renderer
		slack.MsgOptionBlocks(m.Blocks...),
		slack.MsgOptionDisableLinkUnfurl(),
		slack.MsgOptionDisableMediaUnfurl(),
	}
	if threadTS != "" {
		opts = append(opts, slack.MsgOptionTS(threadTS))
	}
	return opts
}

func (s slackMessenger) post(ctx context.Context, channel, threadTS string, m Message) error {
	if _, _, err := s.api.PostMessageContext(ctx, channel, messageOptions(m, threadTS)...); err != nil {
		return fmt.Errorf("chat.postMessage to %s: %w", channel, err)
	}
	return nil
}

func (s slackMessenger) postEphemeral(ctx context.Context, channel, user, threadTS string, m Message) error {
	if _, err := s.api.PostEphemeralContext(ctx, channel, user, messageOptions(m, threadTS)...); err != nil {
		return fmt.Errorf("chat.postEphemeral to %s in %s: %w", user, channel, err)
	}
	return nil
}

func (s slackMessenger) openView(ctx context.Context, triggerID string, v slack.ModalViewRequest) error {
	if _, err := s.api.OpenViewContext(ctx, triggerID, v); err != nil {
		return fmt.Errorf("views.open: %w", err)
	}
	return nil
}

func (s slackMessenger) publishView(ctx context.Context, userID string, v slack.HomeTabViewRequest) error {
	if _, err := s.api.PublishViewContext(ctx, slack.PublishViewContextRequest{UserID: userID, View: v}); err != nil {
		return fmt.Errorf("views.publish for %s: %w", userID, err)
	}
	return nil
}

// responsePayload is the JSON a response_url takes. replace_original is
// always sent: its default differs between slash commands and buttons.
type responsePayload struct {
	Text            string        `json:"text,omitempty"`
	Blocks          []slack.Block `json:"blocks,omitempty"`
	ResponseType    string        `json:"response_type,omitempty"`
	ReplaceOriginal bool          `json:"replace_original"`
	DeleteOriginal  bool          `json:"delete_original,omitempty"`
}

// maxResponseBody bounds what is read back from a response_url.
const maxResponseBody = 64 << 10

func (s slackMessenger) respond(ctx context.Context, responseURL string, r response) error {
	u, err := url.Parse(responseURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return fmt.Errorf("response_url is not an http(s) URL")
	}
	body, err := json.Marshal(responsePayload{
		Text:            r.Text,
		Blocks:          r.Blocks,
		ResponseType:    r.ResponseType,
		ReplaceOriginal: r.ReplaceOriginal,
		DeleteOriginal:  r.DeleteOriginal,
	})
	if err != nil {
		return fmt.Errorf("encode response: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, responseURL, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("build response_url request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	resp, err := s.http.Do(req)
	if err != nil {
		// The URL holds a one-time secret; say where it goes, not what it is.
		return fmt.Errorf("post to response_url at %s: %w", u.Host, unwrapURLError(err))
	}
	defer resp.Body.Close()
	reply, _ := io.ReadAll(io.LimitReader(resp.Body, maxResponseBody))
	if resp.StatusCode/100 != 2 {
		// A statusError, so the retrying messenger can honour a 429's
		// Retry-After and try a 5xx again.
		return fmt.Errorf("response_url at %s: %w", u.Host, &statusError{
			code: resp.StatusCode, status: resp.Status, body: strings.TrimSpace(string(reply)),
			retryAfter: parseRetryAfter(resp.Header.Get("Retry-After"), time.Now()),
		})
	}
	// Slack answers "ok", or JSON {"ok":false,"error":"…"} on failure.
	var status struct {
		OK    *bool  `json:"ok"`
		Error string `json:"error"`
	}
	if json.Unmarshal(reply, &status) == nil && status.OK != nil && !*status.OK {
		return fmt.Errorf("response_url at %s: %s", u.Host, status.Error)
	}
	return nil
}

// unwrapURLError drops *url.Error's copy of the URL (and with it the
// response_url's secret path) from an error.
func unwrapURLError(err error) error {
	if ue, ok := err.(*url.Error); ok {
		return ue.Err
	}
	return err
}
