package bot

import (
	"context"
	"encoding/json"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/wieiswie/wieiswie/metrics"
	"github.com/wieiswie/wieiswie/store"
)

// health answers GET /healthz (the process is alive) and GET /readyz (it
// can answer questions now: documents are indexed and Slack can reach it).
// A load balancer or orchestrator routes on readyz and restarts on healthz,
// so a bot that is reconnecting to Slack is not killed, only not trusted.
type health struct {
	mode      string
	documents func() int // nil: the Asker cannot say; assumed loaded
	// warnings, when set, says what is wrong with the knowledge while it
	// still answers (stale, the example documents): shown, not a reason to
	// take the bot out of service.
	warnings func() []string
	metrics  *metrics.Metrics
	store    store.Store // nil: none configured

	slack    atomic.Bool // Socket Mode: hello received; HTTP mode: auth.test passed
	stopping atomic.Bool
}

// setSlack records whether the bot can receive from Slack.
func (s *health) setSlack(ok bool) {
	s.slack.Store(ok)
	s.metrics.SetConnected(ok)
}

func (s *health) healthz(w http.ResponseWriter, _ *http.Request) {
	writeJSONStatus(w, http.StatusOK, map[string]any{"status": "ok", "mode": s.mode})
}

// readyz lists every reason the bot is not ready, so one look says what to
// fix.
func (s *health) readyz(w http.ResponseWriter, r *http.Request) {
	reasons := []string{}
	if s.stopping.Load() {
		reasons = append(reasons, "shutting down")
	}
	if !s.slack.Load() {
		reasons = append(reasons, "not connected to Slack")
	}
	body := map[string]any{"mode": s.mode}
	if s.documents != nil {
		n := s.documents()
		body["documents"] = n
		if n == 0 {
			reasons = append(reasons, "no documents indexed")
		}
	}
	if s.warnings != nil {
		if w := s.warnings(); len(w) > 0 {
			body["warnings"] = w
		}
	}
	// The bot answers without its store, so a store that is down does not
	// make it unready; it is reported so monitoring sees it.
	if s.store != nil {
		ctx, cancel := context.WithTimeout(r.Context(), storePingTimeout)
		defer cancel()
		if err := s.store.Ping(ctx); err != nil {
			body["store"] = "unavailable: questions and feedback are not being stored"
		} else {
			body["store"] = "ok"
		}
	}
	if len(reasons) > 0 {
		body["status"], body["reasons"] = "not ready", reasons
		writeJSONStatus(w, http.StatusServiceUnavailable, body)
		return
	}
	body["status"] = "ready"
	writeJSONStatus(w, http.StatusOK, body)
}

func writeJSONStatus(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}

// storePingTimeout bounds the store check of one /readyz.
const storePingTimeout = time.Second
