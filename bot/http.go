package bot

import (
	"bytes"
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/rs/zerolog"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
)

// maxRequestBody bounds a Slack request; real ones are a few kilobytes.
const maxRequestBody = 1 << 20

// startupWait is how long a Slack request that arrives while the bot is
// still checking its token waits before it is refused with 503 (Slack
// retries it).
const startupWait = 2 * time.Second

// httpTransport receives Slack's HTTP requests (HTTP mode). Every request
// is verified with the signing secret (slack.NewSecretsVerifier: HMAC of
// the body and a timestamp at most five minutes off) and answered with 200
// at once; the answer follows asynchronously, well within Slack's three
// seconds.
type httpTransport struct {
	secret string
	log    zerolog.Logger
	ctx    context.Context // the server's context, for the answers it starts
	// ready is closed once h is set: the server listens (for /healthz and
	// /readyz) before the bot token is checked and the handler exists.
	ready chan struct{}
	h     *Handler
	wait  time.Duration // how long a request waits for ready; 0: startupWait
}

func (t *httpTransport) register(mux *http.ServeMux) {
	mux.HandleFunc("POST /slack/events", t.guard(t.events))
	mux.HandleFunc("POST /slack/commands", t.guard(t.commands))
	mux.HandleFunc("POST /slack/interactions", t.guard(t.interactions))
}

// guard gives every Slack request its request_id logger, holds it until the
// handler is ready, and turns a panic into a logged 500 instead of a
// dropped connection.
func (t *httpTransport) guard(next func(http.ResponseWriter, *http.Request, zerolog.Logger)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		log := t.log.With().Str("request_id", newRequestID()).Str("path", r.URL.Path).Logger()
		wait := time.NewTimer(cmp.Or(t.wait, startupWait))
		defer wait.Stop()
		select {
		case <-t.ready:
		case <-wait.C:
			log.Warn().Msg("refused: still connecting to Slack")
			http.Error(w, "starting", http.StatusServiceUnavailable)
			return
		case <-r.Context().Done():
			return
		}
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				t.h.metrics.Panicked()
				log.Error().Interface("panic", p).Str("stack", string(debug.Stack())).Msg("request panicked")
				http.Error(w, "internal error", http.StatusInternalServerError)
			}
		}()
		next(w, r, log)
	}
}

// verify reads the body and checks Slack's signature, answering 401 (or
// 400/413) itself when it fails.
func (t *httpTransport) verify(w http.ResponseWriter, r *http.Request, log zerolog.Logger) ([]byte, zerolog.Logger, bool) {
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

func (t *httpTransport) events(w http.ResponseWriter, r *http.Request, log zerolog.Logger) {
	body, log, ok := t.verify(w, r, log)
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

func (t *httpTransport) commands(w http.ResponseWriter, r *http.Request, log zerolog.Logger) {
	body, log, ok := t.verify(w, r, log)
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

func (t *httpTransport) interactions(w http.ResponseWriter, r *http.Request, log zerolog.Logger) {
	body, log, ok := t.verify(w, r, log)
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
