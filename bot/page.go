package bot

import "net/http"

// WithPage serves h on LISTEN_ADDR for every path the bot does not serve
// itself (/healthz, /readyz, /metrics, /slack/…): the who-is-who web page
// when WEB_ENABLED is set. The page brings its own authentication.
func WithPage(h http.Handler) Option {
	return func(o *options) { o.page = h }
}
