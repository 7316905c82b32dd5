package web

import (
	"encoding/base64"
	"net/http"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"
)

func basic(user, password string) http.Header {
	return http.Header{"Authorization": {"Basic " + base64.StdEncoding.EncodeToString([]byte(user+":"+password))}}
}

func TestBasicAuth(t *testing.T) {
	hash, err := bcrypt.GenerateFromPassword([]byte("raad2026"), bcrypt.MinCost)
	if err != nil {
		t.Fatal(err)
	}
	// htpasswd -nbB writes $2y$; it is the same hash.
	htpasswd := []byte("$2y$" + strings.TrimPrefix(string(hash), "$2a$"))
	s := newTestServer(t, Config{Users: []User{{Name: "raadslid", Hash: htpasswd}, {Name: "griffie", Hash: hash}}})
	tests := []struct {
		name   string
		header http.Header
		status int
	}{
		{"no credentials", nil, http.StatusUnauthorized},
		{"right password", basic("raadslid", "raad2026"), http.StatusOK},
		{"right password again (remembered)", basic("raadslid", "raad2026"), http.StatusOK},
		{"other user, $2a$ hash", basic("griffie", "raad2026"), http.StatusOK},
		{"wrong password", basic("raadslid", "raad2025"), http.StatusUnauthorized},
		{"wrong password after a right one", basic("raadslid", "RAAD2026"), http.StatusUnauthorized},
		{"unknown user", basic("schepen", "raad2026"), http.StatusUnauthorized},
		{"empty password", basic("raadslid", ""), http.StatusUnauthorized},
		{"not basic", http.Header{"Authorization": {"Bearer raad2026"}}, http.StatusUnauthorized},
		{"proxy header is not trusted without WEB_AUTH_HEADER", http.Header{"X-Forwarded-User": {"raadslid"}}, http.StatusUnauthorized},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, p := range []string{"/", "/static/style.css", "/document/kastelbroek/dpo.md"} {
				res, body := get(t, s, p, tt.header)
				if res.StatusCode != tt.status {
					t.Fatalf("%s: status %d, want %d", p, res.StatusCode, tt.status)
				}
				if tt.status == http.StatusUnauthorized {
					if got := res.Header.Get("WWW-Authenticate"); !strings.HasPrefix(got, "Basic ") {
						t.Errorf("WWW-Authenticate %q", got)
					}
					if strings.Contains(body, "Kastelbroek") || strings.Contains(body, "Mortier") {
						t.Errorf("%s: a refused request sees the knowledge", p)
					}
					if res.Header.Get("X-Content-Type-Options") != "nosniff" {
						t.Error("refusal without security headers")
					}
				}
			}
		})
	}
	_, body := get(t, s, "/", basic("raadslid", "raad2026"))
	mustContain(t, body, "Aangemeld als raadslid")
}

func TestProxyHeader(t *testing.T) {
	hash, _ := bcrypt.GenerateFromPassword([]byte("raad2026"), bcrypt.MinCost)
	tests := []struct {
		name   string
		cfg    Config
		header http.Header
		status int
	}{
		{"proxy names the user", Config{AuthHeader: "X-Forwarded-User"}, http.Header{"X-Forwarded-User": {"jan.peeters"}}, http.StatusOK},
		{"no user header: refused", Config{AuthHeader: "X-Forwarded-User"}, nil, http.StatusForbidden},
		{"empty user header: refused", Config{AuthHeader: "X-Forwarded-User"}, http.Header{"X-Forwarded-User": {""}}, http.StatusForbidden},
		{"another header does not count", Config{AuthHeader: "X-Forwarded-User"}, http.Header{"X-Remote-User": {"jan"}}, http.StatusForbidden},
		{"both: header wins", Config{AuthHeader: "X-Forwarded-User", Users: []User{{"griffie", hash}}}, http.Header{"X-Forwarded-User": {"jan"}}, http.StatusOK},
		{"both: password works without the header", Config{AuthHeader: "X-Forwarded-User", Users: []User{{"griffie", hash}}}, basic("griffie", "raad2026"), http.StatusOK},
		{"both: neither", Config{AuthHeader: "X-Forwarded-User", Users: []User{{"griffie", hash}}}, nil, http.StatusUnauthorized},
		{"nothing configured: open", Config{}, nil, http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := get(t, newTestServer(t, tt.cfg), "/", tt.header)
			if res.StatusCode != tt.status {
				t.Fatalf("status %d, want %d", res.StatusCode, tt.status)
			}
			if tt.status == http.StatusOK && tt.header.Get("X-Forwarded-User") != "" {
				mustContain(t, body, "Aangemeld als "+tt.header.Get("X-Forwarded-User"))
			}
		})
	}
}
