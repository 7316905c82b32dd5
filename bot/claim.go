package bot

import (
	"context"
	"runtime/debug"
	"time"

	"github.com/rs/zerolog"
)

// Several instances of the bot (for availability, or during a rolling
// update) each receive Slack's events: Socket Mode retries an event on
// another connection, and every connection may see the same message. The
// instance that claims an event in the shared store answers it; the others
// wait and look again, so that when the holder dies before it finishes,
// one of them takes over when the claim's lease runs out. An event is
// answered once, and never lost with the instance that had it.

// claimPoll is how often an instance that lost a claim looks whether the
// holder finished; storeTimeout bounds one store call.
const (
	claimPoll    = time.Second
	storeTimeout = 3 * time.Second
)

// claimThen runs fn as an answer (spawn) once this instance holds key.
// Without a store, or without a key, it answers at once. payload ("" for
// none) is kept with the claim, so another instance can answer in this
// one's place if it dies (adoptOrphans).
func (h *Handler) claimThen(ctx context.Context, key, payload string, log zerolog.Logger, kind string, apologize replyFunc, fn func(context.Context, zerolog.Logger)) {
	if h.store == nil || key == "" {
		h.spawn(ctx, log, kind, apologize, fn)
		return
	}
	h.goTracked(ctx, log, true, func(ctx context.Context) {
		// While this instance waits for or works on key, its own orphan
		// sweep leaves key alone.
		h.active.Store(key, true)
		defer h.active.Delete(key)
		answer, held := h.claim(ctx, key, payload, log)
		if !answer {
			return
		}
		// Claimed: answered even if Close comes meanwhile, since no other
		// instance will answer it before the lease runs out.
		if held {
			stop := h.keepClaim(ctx, key, log)
			defer h.finish(ctx, key, log)
			defer stop()
		}
		h.answerNow(ctx, log, kind, apologize, fn)
	})
}

// claim reports whether this instance should answer key: it won the claim,
// took it over from a holder whose lease ran out, or the store cannot be
// reached (answering twice beats not answering; then it holds no claim to
// renew or finish). It waits while another instance holds the claim, until
// that one finishes or the handler stops.
func (h *Handler) claim(ctx context.Context, key, payload string, log zerolog.Logger) (answer, held bool) {
	deadline := time.Now().Add(3 * h.lease)
	for waited := false; ; waited = true {
		cctx, cancel := context.WithTimeout(ctx, storeTimeout)
		won, done, err := h.store.Claim(cctx, key, h.instance, h.now(), h.lease, payload)
		cancel()
		switch {
		case err != nil:
			h.metrics.StoreFailed("claim")
			log.Warn().Err(err).Msg("claiming the event in the store failed; answering anyway")
			return true, false
		case won:
			if waited {
				h.metrics.TookOver()
				log.Warn().Msg("took over an event whose instance did not finish it in time")
			}
			return true, true
		case done:
			log.Info().Msg("answered by another instance")
			return false, false
		case time.Now().After(deadline):
			log.Warn().Msg("another instance holds the event and neither finished nor let go; leaving it")
			return false, false
		}
		select {
		case <-time.After(h.claimPoll):
		case <-h.stopping:
			return false, false
		case <-ctx.Done():
			return false, false
		}
	}
}

// keepClaim renews this instance's claim on key every third of the lease
// until stop is called, so an answer that takes longer than the lease is
// not taken over by an instance that thinks this one died.
func (h *Handler) keepClaim(ctx context.Context, key string, log zerolog.Logger) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(h.lease / 3)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
			}
			cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), storeTimeout)
			won, _, err := h.store.Claim(cctx, key, h.instance, h.now(), h.lease, "")
			cancel()
			if err != nil || !won {
				log.Warn().Err(err).Bool("held", won).Msg("renewing the claim on the event failed")
			}
		}
	}()
	return func() { close(done); <-finished }
}

// finish marks key answered, so instances waiting on it stop.
func (h *Handler) finish(ctx context.Context, key string, log zerolog.Logger) {
	fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), storeTimeout)
	defer cancel()
	if err := h.store.Finish(fctx, key); err != nil {
		h.metrics.StoreFailed("finish")
		log.Warn().Err(err).Msg("marking the event answered failed; another instance may answer it again after the lease")
	}
}

// every runs f every interval (and at once when now is set) in tracked
// background work, until ctx is done or the handler closes.
func (h *Handler) every(ctx context.Context, log zerolog.Logger, interval time.Duration, now bool, f func()) {
	h.goTracked(ctx, log, true, func(context.Context) {
		t := time.NewTicker(interval)
		defer t.Stop()
		if now {
			f()
		}
		for {
			select {
			case <-ctx.Done():
				return
			case <-h.stopping:
				return
			case <-t.C:
			}
			f()
		}
	})
}

// goTracked runs fn in a goroutine that Close waits for, with a context
// that is not cancelled with ctx. checkClosed refuses new work after
// Close; work started by tracked work (a store write after an answer)
// passes false, so it is never dropped during shutdown.
func (h *Handler) goTracked(ctx context.Context, log zerolog.Logger, checkClosed bool, fn func(context.Context)) {
	h.mu.Lock()
	if checkClosed && h.closed {
		h.mu.Unlock()
		log.Warn().Err(errClosed).Msg("not starting")
		return
	}
	h.wg.Add(1)
	h.mu.Unlock()
	go func() {
		defer h.wg.Done()
		defer func() {
			if r := recover(); r != nil {
				h.metrics.Panicked()
				log.Error().Interface("panic", r).Str("stack", string(debug.Stack())).Msg("background work panicked")
			}
		}()
		fn(log.WithContext(context.WithoutCancel(ctx)))
	}()
}
