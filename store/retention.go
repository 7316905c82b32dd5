package store

import (
	"context"
	"fmt"
	"time"

	"github.com/rs/zerolog"
)

// DefaultRetentionDays is how long records are kept unless RETENTION_DAYS
// says otherwise: long enough for a quarter's report, short enough that a
// question asked in passing does not linger.
const DefaultRetentionDays = 90

// Retention deletes what is older than Keep: once when Run starts, then at
// every tick (daily in serve). Now is the clock, injected so a test can
// move time.
type Retention struct {
	Store Store
	Keep  time.Duration
	Now   func() time.Time
	Log   zerolog.Logger
}

// Sweep deletes the records older than Keep now. A Keep of zero or less
// is refused: it would delete everything.
func (r Retention) Sweep(ctx context.Context) (int, error) {
	if r.Keep <= 0 {
		return 0, fmt.Errorf("retention of %s: records are kept at least a day", r.Keep)
	}
	now := time.Now
	if r.Now != nil {
		now = r.Now
	}
	return r.Store.DeleteBefore(ctx, now().Add(-r.Keep))
}

// Run sweeps at once and at every tick until ctx is done. A failed sweep
// is logged and tried again at the next tick: nothing is lost by waiting.
func (r Retention) Run(ctx context.Context, tick <-chan time.Time) {
	for {
		n, err := r.Sweep(ctx)
		if err != nil {
			r.Log.Error().Err(err).Msg("deleting old records failed; trying again at the next sweep")
		} else if n > 0 {
			r.Log.Info().Int("deleted", n).Dur("older_than", r.Keep).Msg("old records deleted")
		}
		select {
		case <-ctx.Done():
			return
		case <-tick:
		}
	}
}
