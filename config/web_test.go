package config

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"
)

func TestWebSettings(t *testing.T) {
	hash, err := bcrypt.GenerateFromPassword([]byte("geheim"), bcrypt.MinCost)
	if err != nil {
		t.Fatal(err)
	}
	// htpasswd -nbB writes the $2y$ variant.
	htpasswd := "$2y$" + strings.TrimPrefix(string(hash), "$2a$")
	tests := []struct {
		name     string
		env      map[string]string
		want     Web
		channels []string
		wantErr  string
	}{
		{name: "off by default", env: map[string]string{}},
		{
			name: "everything set",
			env: map[string]string{
				EnvWebEnabled: "true", EnvWebUsers: "raad:" + htpasswd + ", griffie:" + string(hash),
				EnvWebAuthHeader: "X-Forwarded-User", EnvAutoAnswerChannels: "C0ONBOARD, G0PRIVE",
			},
			want: Web{Enabled: true, AuthHeader: "X-Forwarded-User", Users: []WebUser{
				{Name: "raad", Hash: []byte(htpasswd)}, {Name: "griffie", Hash: hash},
			}},
			channels: []string{"C0ONBOARD", "G0PRIVE"},
		},
		{name: "enabled not a boolean", env: map[string]string{EnvWebEnabled: "ja"}, wantErr: `WEB_ENABLED "ja" is not valid`},
		{name: "user without hash", env: map[string]string{EnvWebUsers: "raad"}, wantErr: "WEB_USERS entry 1 is not user:bcrypt-hash"},
		{name: "plain password instead of hash", env: map[string]string{EnvWebUsers: "raad:" + string(hash) + ",griffie:geheim"},
			wantErr: `WEB_USERS entry 2 (user "griffie") has no valid bcrypt hash`},
		{name: "user twice", env: map[string]string{EnvWebUsers: "raad:" + string(hash) + ",raad:" + string(hash)}, wantErr: `names user "raad" twice`},
		{name: "header with a space", env: map[string]string{EnvWebAuthHeader: "X User"}, wantErr: `WEB_AUTH_HEADER "X User" is not a header name`},
		{name: "channel name instead of ID", env: map[string]string{EnvAutoAnswerChannels: "#onthaal"}, wantErr: `AUTO_ANSWER_CHANNELS entry "#onthaal" is not a Slack channel ID`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := FromEnv(envOf(tt.env))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				if strings.Contains(err.Error(), "geheim") || strings.Contains(err.Error(), "$2") {
					t.Errorf("error shows a password or hash: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(c.Web) != fmt.Sprint(tt.want) || fmt.Sprint(c.AutoAnswerChannels) != fmt.Sprint(tt.channels) {
				t.Errorf("got %+v %v, want %+v %v", c.Web, c.AutoAnswerChannels, tt.want, tt.channels)
			}
			for _, ch := range tt.channels {
				if !c.AutoAnswers(ch) {
					t.Errorf("AutoAnswers(%s) = false", ch)
				}
			}
			if c.AutoAnswers("C0OTHER") {
				t.Error("an unlisted channel is answered without a mention")
			}
		})
	}
}

func TestLoggedConfigHidesWebHashes(t *testing.T) {
	hash, _ := bcrypt.GenerateFromPassword([]byte("geheim"), bcrypt.MinCost)
	c, err := FromEnv(envOf(map[string]string{EnvWebUsers: "raad:" + string(hash)}))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{c.String(), fmt.Sprintf("%+v", c), fmt.Sprintf("%#v", c)} {
		if strings.Contains(s, string(hash)) {
			t.Errorf("printed config shows the hash: %s", s)
		}
	}
}
