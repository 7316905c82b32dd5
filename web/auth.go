package web

import (
	"crypto/sha256"
	"net/http"
	"sync"
	"time"

	"golang.org/x/crypto/bcrypt"
)

// How long a checked password is remembered, and for how many sign-ins at
// most: bcrypt is slow on purpose (tens of milliseconds), which a page and
// its stylesheet should not pay on every request.
const (
	verifiedFor = 10 * time.Minute
	maxVerified = 1024
)

// authenticator decides who may see the page: the user a trusted proxy
// names in its header, else a basic-auth user whose password matches its
// bcrypt hash; with neither configured, everyone.
type authenticator struct {
	users  map[string][]byte
	header string
	// dummy is compared against when the user is unknown, so that an
	// unknown name takes as long as a wrong password.
	dummy []byte

	mu       sync.Mutex
	verified map[[sha256.Size]byte]time.Time // checked user+password+hash → until
}

func newAuthenticator(users []User, header string) *authenticator {
	a := &authenticator{header: header, verified: map[[sha256.Size]byte]time.Time{}}
	if len(users) > 0 {
		a.users = map[string][]byte{}
		for _, u := range users {
			a.users[u.Name] = u.Hash
		}
		a.dummy = users[0].Hash
	}
	return a
}

// open reports whether no sign-in is configured.
func (a *authenticator) open() bool { return a.users == nil && a.header == "" }

// check returns the user a request comes from, and whether they may see
// the page.
func (a *authenticator) check(r *http.Request) (string, bool) {
	if a.open() {
		return "", true
	}
	if a.header != "" {
		if u := r.Header.Get(a.header); u != "" {
			return u, true
		}
	}
	if a.users == nil {
		return "", false
	}
	name, password, ok := r.BasicAuth()
	if !ok {
		return "", false
	}
	hash, known := a.users[name]
	if !known {
		_ = bcrypt.CompareHashAndPassword(a.dummy, []byte(password))
		return "", false
	}
	key := sha256.Sum256([]byte(name + "\x00" + password + "\x00" + string(hash)))
	if a.remembered(key) {
		return name, true
	}
	if bcrypt.CompareHashAndPassword(hash, []byte(password)) != nil {
		return "", false
	}
	a.remember(key)
	return name, true
}

func (a *authenticator) remembered(key [sha256.Size]byte) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	until, ok := a.verified[key]
	return ok && time.Now().Before(until)
}

func (a *authenticator) remember(key [sha256.Size]byte) {
	a.mu.Lock()
	defer a.mu.Unlock()
	now := time.Now()
	if len(a.verified) >= maxVerified {
		for k, until := range a.verified {
			if now.After(until) || len(a.verified) >= maxVerified {
				delete(a.verified, k)
			}
		}
	}
	a.verified[key] = now.Add(verifiedFor)
}

// refuse asks for a password when basic auth is configured; behind a proxy
// without a user header there is nothing to ask, only to refuse.
func (s *Server) refuse(w http.ResponseWriter, r *http.Request) {
	status := http.StatusForbidden
	if s.auth.users != nil {
		w.Header().Set("WWW-Authenticate", `Basic realm="wieiswie", charset="UTF-8"`)
		status = http.StatusUnauthorized
	}
	s.log.Info().Str("path", r.URL.Path).Int("status", status).Msg("web: access refused")
	s.render(w, r, status, "error", page{
		Title:   "Geen toegang",
		Message: "Je hebt geen toegang tot deze pagina. Meld je aan met je gebruikersnaam en wachtwoord, of vraag toegang aan de beheerder.",
	})
}
