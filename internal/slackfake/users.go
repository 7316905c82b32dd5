package slackfake

import (
	"net/http"
	"strings"
	"sync"
)

// directory is the fake workspace's members, for users.lookupByEmail.
type directory struct {
	mu      sync.Mutex
	byEmail map[string]string // lower-case e-mail → member ID
	lookups []string          // e-mail addresses looked up, in order
}

// AddUser makes email the address of the member id, for
// users.lookupByEmail.
func (s *Server) AddUser(email, id string) {
	s.users.mu.Lock()
	defer s.users.mu.Unlock()
	s.users.byEmail[strings.ToLower(email)] = id
}

// Lookups returns the e-mail addresses users.lookupByEmail was asked
// about and answered (not those refused with a Fault), in order.
func (s *Server) Lookups() []string {
	s.users.mu.Lock()
	defer s.users.mu.Unlock()
	return append([]string(nil), s.users.lookups...)
}

// lookupByEmail answers as Slack does: the member, or users_not_found.
func (s *Server) lookupByEmail(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	if tok := bearer(r); tok != s.botToken {
		s.t.Errorf("slackfake: users.lookupByEmail called without the bot token")
		writeJSON(w, map[string]any{"ok": false, "error": "invalid_auth"})
		return
	}
	email := r.Form.Get("email")
	s.users.mu.Lock()
	s.users.lookups = append(s.users.lookups, email)
	id, ok := s.users.byEmail[strings.ToLower(email)]
	s.users.mu.Unlock()
	if !ok {
		writeJSON(w, map[string]any{"ok": false, "error": "users_not_found"})
		return
	}
	writeJSON(w, map[string]any{"ok": true, "user": map[string]any{
		"id": id, "team_id": TeamID, "name": strings.Split(email, "@")[0],
		"profile": map[string]any{"email": email},
	}})
}
