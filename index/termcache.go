package index

import "sync"

// termCacheSize bounds the documents whose terms are kept (a few KB each).
const termCacheSize = 4096

// docTermSet is what ranking needs of a document: its analysed terms, those
// of its strong fields, and for an overview page (a generic document that
// names many people) those of each passage.
type docTermSet struct {
	all, strong map[string]bool
	passages    []map[string]bool
}

// termCache is a bounded cache of docTermSets. When full it forgets an
// arbitrary entry: Go's map order is random enough, and simpler than an LRU
// for what is only a cache.
type termCache struct {
	mu  sync.Mutex
	m   map[string]docTermSet
	max int
}

func newTermCache(max int) *termCache {
	return &termCache{m: make(map[string]docTermSet), max: max}
}

func (c *termCache) get(k string) (docTermSet, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[k]
	return v, ok
}

func (c *termCache) put(k string, v docTermSet) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= c.max {
		for old := range c.m {
			delete(c.m, old)
			break
		}
	}
	c.m[k] = v
}
