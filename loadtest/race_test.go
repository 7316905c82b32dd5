//go:build race

package loadtest

// raceEnabled: the race detector's shadow memory is never given back, so
// RSS after a run under -race says nothing about the bot.
const raceEnabled = true
