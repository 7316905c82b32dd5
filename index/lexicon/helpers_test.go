package lexicon

import (
	"runtime"
	"testing"
)

// heapOf returns how many bytes of heap the value that build returns keeps.
func heapOf(t testing.TB, build func() any) uint64 {
	t.Helper()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	v := build()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(v)
	if after.HeapAlloc < before.HeapAlloc {
		return 0
	}
	return after.HeapAlloc - before.HeapAlloc
}

// rejoins reports whether parts, each perhaps followed by a linking
// morpheme, spell w: the promise Split makes.
func rejoins(w string, parts []string) bool {
	if len(parts) == 0 {
		return w == ""
	}
	p := parts[0]
	if len(w) < len(p) || w[:len(p)] != p {
		return false
	}
	rest := w[len(p):]
	if len(parts) == 1 {
		return rest == ""
	}
	if rejoins(rest, parts[1:]) {
		return true
	}
	for _, l := range linkers {
		if len(rest) >= len(l) && rest[:len(l)] == l && rejoins(rest[len(l):], parts[1:]) {
			return true
		}
	}
	return false
}
