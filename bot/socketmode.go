package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime/debug"
	"time"

	"github.com/rs/zerolog"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
)

// ackTimeout bounds queueing an ack; the socket writer normally takes it at
// once.
const ackTimeout = 5 * time.Second

// runSocketMode connects over Socket Mode and dispatches envelopes until
// ctx is cancelled. slack-go reconnects by itself when Slack asks
// (disconnect), when the connection drops and when Slack stops pinging,
// with backoff while it cannot connect; st follows, so /readyz says "not
// connected" in between. It returns nil on cancel and an error when Slack
// refuses the app token.
func (b *Bot) runSocketMode(ctx context.Context, h *Handler, st *health, log zerolog.Logger) error {
	smc := socketmode.New(b.api, socketmode.OptionLog(stdLogger{log.With().Str("component", "socketmode").Logger()}))
	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	defer st.setSlack(false)
	done := make(chan error, 1)
	go func() { done <- smc.RunContext(runCtx) }()
	for {
		select {
		case err := <-done:
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("socket mode: %w", err)
		case evt := <-smc.Events:
			b.dispatchSocketEvent(ctx, smc, h, st, evt, log)
		}
	}
}

// dispatchSocketEvent is onSocketEvent with a panic kept to the one
// envelope: the loop must go on reading the connection.
func (b *Bot) dispatchSocketEvent(ctx context.Context, smc *socketmode.Client, h *Handler, st *health, evt socketmode.Event, log zerolog.Logger) {
	defer func() {
		if p := recover(); p != nil {
			elog := log
			if evt.Request != nil {
				elog = log.With().Str("request_id", evt.Request.EnvelopeID).Logger()
			}
			h.metrics.Panicked()
			elog.Error().Interface("panic", p).Str("stack", string(debug.Stack())).Str("event_type", string(evt.Type)).
				Msg("socket mode event panicked")
		}
	}()
	b.onSocketEvent(ctx, smc, h, st, evt, log)
}

// onSocketEvent acknowledges an envelope first, then hands it to the
// handler, whose Handle methods return without waiting for the answer.
func (b *Bot) onSocketEvent(ctx context.Context, smc *socketmode.Client, h *Handler, st *health, evt socketmode.Event, log zerolog.Logger) {
	switch evt.Type {
	case socketmode.EventTypeConnecting:
		st.setSlack(false)
		log.Debug().Msg("socket mode connecting")
	case socketmode.EventTypeConnected:
		log.Info().Msg("socket mode connected")
	case socketmode.EventTypeHello:
		// Slack sends hello when the connection is ready for envelopes.
		st.setSlack(true)
		h.metrics.Connected()
		log.Debug().Msg("socket mode hello")
	case socketmode.EventTypeDisconnect:
		st.setSlack(false)
		log.Info().Msg("Slack asked to reconnect")
	case socketmode.EventTypeConnectionError:
		st.setSlack(false)
		if e, ok := evt.Data.(*slack.ConnectionErrorEvent); ok {
			log.Warn().Err(e.ErrorObj).Int("attempt", e.Attempt).Dur("backoff", e.Backoff).Msg("socket mode connection failed; retrying")
		}
	case socketmode.EventTypeInvalidAuth:
		st.setSlack(false)
		log.Error().Msg("Slack refused the app-level token (SLACK_APP_TOKEN)")
	case socketmode.EventTypeIncomingError:
		// A malformed frame, or the connection is gone; in that case
		// slack-go reconnects and the next Connecting says so.
		if e, ok := evt.Data.(*slack.IncomingEventError); ok {
			log.Warn().Err(e.ErrorObj).Msg("socket mode read error")
		}
	case socketmode.EventTypeErrorWriteFailed:
		if e, ok := evt.Data.(*socketmode.ErrorWriteFailed); ok {
			log.Warn().Err(e.Cause).Msg("socket mode write failed")
		}
	case socketmode.EventTypeErrorBadMessage:
		// An envelope slack-go cannot parse (e.g. an event type it does
		// not know) is still acknowledged, or Slack retries it.
		e, _ := evt.Data.(*socketmode.ErrorBadMessage)
		var env struct {
			EnvelopeID string `json:"envelope_id"`
			Type       string `json:"type"`
		}
		if e != nil && json.Unmarshal(e.Message, &env) == nil && env.EnvelopeID != "" {
			elog := log.With().Str("request_id", env.EnvelopeID).Str("envelope_type", env.Type).Logger()
			ack(ctx, smc, env.EnvelopeID, elog)
			elog.Warn().Err(e.Cause).Msg("envelope not understood; acknowledged and ignored")
		} else if e != nil {
			log.Warn().Err(e.Cause).Msg("socket mode message not understood")
		}
	case socketmode.EventTypeEventsAPI, socketmode.EventTypeSlashCommand, socketmode.EventTypeInteractive:
		if evt.Request == nil {
			return
		}
		req := evt.Request
		elog := log.With().Str("request_id", req.EnvelopeID).Str("envelope_type", req.Type).Logger()
		if req.RetryAttempt > 0 {
			elog = elog.With().Int("retry_attempt", req.RetryAttempt).Str("retry_reason", req.RetryReason).Logger()
		}
		ack(ctx, smc, req.EnvelopeID, elog)
		switch data := evt.Data.(type) {
		case slackevents.EventsAPIEvent:
			if data.Type != slackevents.CallbackEvent {
				elog.Debug().Str("type", data.Type).Msg("events api envelope ignored")
				return
			}
			eventID := ""
			if cb, ok := data.Data.(*slackevents.EventsAPICallbackEvent); ok {
				eventID = cb.EventID
			}
			h.HandleEvent(ctx, eventID, data.InnerEvent, elog)
		case slack.SlashCommand:
			h.HandleSlash(ctx, data, elog)
		case slack.InteractionCallback:
			h.HandleInteraction(ctx, data, elog)
		default:
			elog.Warn().Str("data_type", fmt.Sprintf("%T", evt.Data)).Msg("envelope payload not understood")
		}
	default:
		log.Debug().Str("type", string(evt.Type)).Msg("socket mode event ignored")
	}
}

// ack tells Slack the envelope arrived; without it Slack retries.
func ack(ctx context.Context, smc *socketmode.Client, envelopeID string, log zerolog.Logger) {
	actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), ackTimeout)
	defer cancel()
	if err := smc.AckCtx(actx, envelopeID, nil); err != nil {
		log.Warn().Err(err).Msg("acknowledging the envelope failed")
	}
}
