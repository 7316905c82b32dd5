package bot

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"

	"github.com/rs/zerolog"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
)

// maxRequestBody bounds a Slack request; real ones are a few kilobytes.
const maxRequestBody = 1 << 20

// httpTransport receives Slack's HTTP requests (HTTP mode). Every request
// is verified with the signing secret (slack.NewSecretsVerifier: HMAC of
// the body and a timestamp at most five minutes off) and answered with 200
// at once; the answer follows asynchronously, well within Slack's three
// seconds.
type httpTransport struct {
	secret string
	h      *Handler
	log    zerolog.Logger
	ctx    context.Context // the server's context, for the answers it starts
}

func (t *httpTransport) register(mux *http.ServeMux) {
	mux.HandleFunc("POST /slack/events", t.events)
	mux.HandleFunc("POST /slack/commands", t.commands)
	mux.HandleFunc("POST /slack/interactions", t.interactions)
}

// verify reads the body and checks Slack's signature, answering 401 (or
// 400/413) itself when it fails.
func (t *httpTransport) verify(w http.ResponseWriter, r *http.Request) ([]byte, zerolog.Logger, bool) {
	log := t.log.With().Str("request_id", newRequestID()).Str("path", r.URL.Path).Logger()
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxRequestBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			log.Warn().Msg("rejected: request body too large")
			http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
			return nil, log, false
		}
		log.Warn().Err(err).Msg("rejected: reading the request failed")
		http.Error(w, "bad request", http.StatusBadRequest)
		return nil, log, false
	}
	sv, err := slack.NewSecretsVerifier(r.Header, t.secret)
	if err == nil {
		_, _ = sv.Write(body)
		err = sv.Ensure()
	}
	if err != nil {
		log.Warn().Err(err).Msg("rejected: Slack signature not valid")
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return nil, log, false
	}
	if n := r.Header.Get("X-Slack-Retry-Num"); n != "" {
		log = log.With().Str("retry_num", n).Str("retry_reason", r.Header.Get("X-Slack-Retry-Reason")).Logger()
	}
	return body, log, true
}

func (t *httpTransport) events(w http.ResponseWriter, r *http.Request) {
	body, log, ok := t.verify(w, r)
	if !ok {
		return
	}
	ev, err := slackevents.ParseEvent(json.RawMessage(body), slackevents.OptionNoVerifyToken())
	if err != nil {
		// Event types slack-go does not know fail to parse; acknowledge
		// them anyway so Slack does not retry.
		log.Warn().Err(err).Msg("event not understood; acknowledged and ignored")
		w.WriteHeader(http.StatusOK)
		return
	}
	switch ev.Type {
	case slackevents.URLVerification:
		uv, _ := ev.Data.(*slackevents.EventsAPIURLVerificationEvent)
		if uv == nil {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		log.Info().Msg("answering Slack's url_verification")
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]string{"challenge": uv.Challenge})
	case slackevents.CallbackEvent:
		eventID := ""
		if cb, ok := ev.Data.(*slackevents.EventsAPICallbackEvent); ok {
			eventID = cb.EventID
		}
		// A retry (X-Slack-Retry-Num) of an event already handled is
		// caught by the event_id in the handler's dedupe.
		t.h.HandleEvent(t.ctx, eventID, ev.InnerEvent, log)
		w.WriteHeader(http.StatusOK)
	case slackevents.AppRateLimited:
		log.Warn().Msg("Slack is rate limiting this app's events")
		w.WriteHeader(http.StatusOK)
	default:
		log.Debug().Str("type", ev.Type).Msg("event ignored")
		w.WriteHeader(http.StatusOK)
	}
}

func (t *httpTransport) commands(w http.ResponseWriter, r *http.Request) {
	body, log, ok := t.verify(w, r)
	if !ok {
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	cmd, err := slack.SlashCommandParse(r)
	if err != nil {
		log.Warn().Err(err).Msg("slash command not understood")
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if r.PostForm.Get("ssl_check") == "1" {
		// Slack checking the certificate of the command URL; no command.
		w.WriteHeader(http.StatusOK)
		return
	}
	t.h.HandleSlash(t.ctx, cmd, log)
	// An empty 200 shows nothing; the answer comes through response_url.
	w.WriteHeader(http.StatusOK)
}

func (t *httpTransport) interactions(w http.ResponseWriter, r *http.Request) {
	body, log, ok := t.verify(w, r)
	if !ok {
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	cb, err := slack.InteractionCallbackParse(r)
	if err != nil {
		log.Warn().Err(err).Msg("interaction not understood")
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	t.h.HandleInteraction(t.ctx, cb, log)
	w.WriteHeader(http.StatusOK)
}

// newRequestID tags the log lines of one HTTP request.
func newRequestID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
