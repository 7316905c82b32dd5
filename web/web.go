// Package web is wieiswie's who-is-who web page, for the people who ask
// without Slack (councillors, field workers): a search box that answers as
// the bot does, and pages to browse each organisation's bodies, people and
// function descriptions. Pages are rendered on the server with html/template
// from embedded templates and one stylesheet; there is no JavaScript, so the
// page works on any phone, prints, and a Content-Security-Policy can forbid
// every script. Like the bot, it depends on knowledge only: cmd/wieiswie
// hands it the index.
//
//	web.go      Server, routes, security headers
//	auth.go     basic auth with bcrypt hashes, or a trusted proxy header
//	answer.go   a knowledge.Result as the page shows it
//	catalog.go  the documents grouped by organisation and body
//	pages.go    the handlers of each page
package web

import (
	"context"
	"embed"
	"html/template"
	"io/fs"
	"net/http"
	"runtime"
	"sync"

	"github.com/rs/zerolog"

	"github.com/wieiswie/wieiswie/knowledge"
)

//go:embed templates static
var assets embed.FS

// Library is what the page answers and browses from: the index.
type Library interface {
	knowledge.Asker
	// Documents returns the current documents; the same slice until the
	// knowledge changes (see index.Index.Documents).
	Documents() []knowledge.Document
}

// User is one basic-auth account: a name and its bcrypt hash.
type User struct {
	Name string
	Hash []byte
}

// Config is what the web page needs to know; cmd/wieiswie fills it from
// WEB_USERS and WEB_AUTH_HEADER.
type Config struct {
	// Users may sign in with basic auth. Empty (and no AuthHeader): the
	// page is open to whoever reaches it.
	Users []User
	// AuthHeader is the header in which a reverse proxy passes the user it
	// signed in. Only set it when every request comes through that proxy,
	// which must overwrite the header: anyone else could send it.
	AuthHeader string
	// SlackLink returns a link that opens a direct message with whoever
	// has the e-mail address in Slack, or "" when that is not known. Nil:
	// no Slack links (wieiswie web, without Slack).
	SlackLink func(email string) string
}

// Server serves the web page. It is an http.Handler.
type Server struct {
	lib   Library
	cfg   Config
	log   zerolog.Logger
	pages map[string]*template.Template
	mux   *http.ServeMux
	auth  *authenticator
	// searches holds a slot per search running, so a burst of requests
	// waits its turn instead of running every search at once.
	searches chan struct{}

	mu      sync.Mutex
	catalog *catalog // grouped from the last Documents() seen
}

// New prepares the page; it fails only when an embedded template does not
// parse, which tests catch.
func New(lib Library, cfg Config, log zerolog.Logger) (*Server, error) {
	pages, err := parsePages()
	if err != nil {
		return nil, err
	}
	s := &Server{
		lib: lib, cfg: cfg, log: log, pages: pages,
		auth:     newAuthenticator(cfg.Users, cfg.AuthHeader),
		searches: make(chan struct{}, max(4, 2*runtime.GOMAXPROCS(0))),
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.home)
	mux.HandleFunc("GET /organisaties", s.organisations)
	mux.HandleFunc("GET /organisatie/{name}", s.organisation)
	mux.HandleFunc("GET /document/{source...}", s.document)
	mux.HandleFunc("GET /static/style.css", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "private, max-age=3600")
		http.ServeFileFS(w, r, assets, "static/style.css")
	})
	mux.HandleFunc("/", s.notFound)
	s.mux = mux
	return s, nil
}

// ServeHTTP sets the security headers, checks who is asking and serves the
// page.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	// No script at all, styles only from this server, never in a frame,
	// forms only to this server.
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	// The question is in the URL: it must not travel to other sites.
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "private, no-cache")
	user, ok := s.auth.check(r)
	if !ok {
		s.refuse(w, r)
		return
	}
	if user != "" {
		r = r.WithContext(context.WithValue(r.Context(), userKey{}, user))
	}
	s.mux.ServeHTTP(w, r)
}

type userKey struct{}

// parsePages parses each page template together with the layout.
func parsePages() (map[string]*template.Template, error) {
	names, err := fs.Glob(assets, "templates/page-*.html")
	if err != nil {
		return nil, err
	}
	pages := map[string]*template.Template{}
	for _, n := range names {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(assets, "templates/layout.html", "templates/parts.html", n)
		if err != nil {
			return nil, err
		}
		pages[n[len("templates/page-"):len(n)-len(".html")]] = t
	}
	return pages, nil
}
