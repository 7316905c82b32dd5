package bot

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestReadyz(t *testing.T) {
	tests := []struct {
		name      string
		slack     bool
		stopping  bool
		documents func() int
		wantCode  int
		want      []string
	}{
		{"ready", true, false, func() int { return 12 }, 200, []string{`"status":"ready"`, `"documents":12`}},
		{"asker without a count", true, false, nil, 200, []string{`"status":"ready"`}},
		{"not connected", false, false, func() int { return 12 }, 503, []string{`"not connected to Slack"`}},
		{"no documents", true, false, func() int { return 0 }, 503, []string{`"no documents indexed"`}},
		{"shutting down", true, true, func() int { return 12 }, 503, []string{`"shutting down"`}},
		{"everything wrong", false, true, func() int { return 0 }, 503, []string{`"shutting down","not connected to Slack","no documents indexed"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := &health{mode: "socket", documents: tt.documents}
			st.setSlack(tt.slack)
			st.stopping.Store(tt.stopping)
			rec := httptest.NewRecorder()
			st.readyz(rec, httptest.NewRequest(http.MethodGet, "/readyz", nil))
			body := rec.Body.String()
			if rec.Code != tt.wantCode {
				t.Errorf("code %d, want %d: %s", rec.Code, tt.wantCode, body)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("body %s lacks %s", body, w)
				}
			}
			if rec.Header().Get("Content-Type") != "application/json" {
				t.Errorf("content type %q", rec.Header().Get("Content-Type"))
			}
		})
	}
}
