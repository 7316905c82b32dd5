// Package slackfake is a loopback Slack for end-to-end tests: the Web API
// methods the bot calls (auth.test, apps.connections.open,
// chat.postMessage, chat.postEphemeral, views.open, views.publish,
// users.lookupByEmail), a Socket Mode websocket, and response URLs. It fakes
// Slack, not the bot, so it lives in internal/ beside the other test tools.
// It records what the bot sends so tests can assert on it,
// and checks that each call carries the right kind of token. It can also
// misbehave like the real one: answer 429 with Retry-After or 5xx (Fail),
// drop the websocket (DropSocket) and hold reconnections (HoldConnections).
package slackfake

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// Identity of the fake workspace.
const (
	BotUserID = "UBOT0WIE"
	BotID     = "BBOT0WIE"
	TeamID    = "T0GEMEENTE"
)

// wait bounds every wait for something the bot should do; a test that hits
// it has failed, it is not a timing assumption.
const wait = 10 * time.Second

// Call is one message the bot sent: a Web API chat call or a POST to a
// response URL.
type Call struct {
	Method          string // "chat.postMessage", "chat.postEphemeral", "views.open", "views.publish" or "response"
	Token           string // the token it was sent with (Web API calls)
	ResponseName    string // for "response": the name given to ResponseURL
	Channel         string
	User            string // chat.postEphemeral's and views.publish's user
	ThreadTS        string
	Text            string
	Blocks          json.RawMessage
	ResponseType    string
	ReplaceOriginal bool
	DeleteOriginal  bool
	TriggerID       string          // views.open
	View            json.RawMessage // views.open, views.publish
}

// Server is the fake Slack. Create it with New; it is closed with the test.
type Server struct {
	t        testing.TB
	srv      *httptest.Server
	botToken string
	appToken string
	opts     Options

	mu        sync.Mutex
	calls     []Call
	callCh    chan Call
	conn      *websocket.Conn
	connCh    chan struct{}
	acks      map[string]json.RawMessage
	ackCh     chan string
	writeMu   sync.Mutex
	tsCounter int
	authTests int
	opens     int                // apps.connections.open calls answered
	hold      *gate              // set: apps.connections.open waits for it to open
	holdChat  *gate              // set: chat.postMessage waits for it to open
	heldChat  int                // chat.postMessage calls waiting now
	faults    map[string][]Fault // by method, next first
	every     map[string]everyFault
	failed    map[string]int // faults served, by method
	users     directory
}

// Options change how the fake behaves; the zero value is New's.
type Options struct {
	// Bulk is for load tests: calls are still recorded (Calls) but not
	// queued for NextCall, and their text and blocks are not kept.
	Bulk bool
	// Latency delays every Web API and response_url answer, like a real
	// network would.
	Latency time.Duration
}

// Fault is an HTTP error the fake answers instead of handling a call: the
// call is not recorded, as when Slack refused it.
type Fault struct {
	Status     int    // e.g. 429 or 503
	RetryAfter string // the Retry-After header; empty: none
}

type everyFault struct {
	n     int
	fault Fault
	seen  int
}

// New starts a fake Slack that accepts botToken for the Web API and
// appToken for apps.connections.open.
func New(t testing.TB, botToken, appToken string) *Server {
	t.Helper()
	return NewWithOptions(t, botToken, appToken, Options{})
}

// NewWithOptions is New with opts.
func NewWithOptions(t testing.TB, botToken, appToken string, opts Options) *Server {
	t.Helper()
	s := &Server{
		t:        t,
		botToken: botToken,
		appToken: appToken,
		opts:     opts,
		callCh:   make(chan Call, 256),
		connCh:   make(chan struct{}, 16),
		acks:     make(map[string]json.RawMessage),
		ackCh:    make(chan string, 256),
		faults:   make(map[string][]Fault),
		every:    make(map[string]everyFault),
		failed:   make(map[string]int),
		users:    directory{byEmail: make(map[string]string)},
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/auth.test", s.faulty("auth.test", s.authTest))
	mux.HandleFunc("POST /api/apps.connections.open", s.faulty("apps.connections.open", s.connectionsOpen))
	mux.HandleFunc("POST /api/chat.postMessage", s.faulty("chat.postMessage", s.chat("chat.postMessage")))
	mux.HandleFunc("POST /api/chat.postEphemeral", s.faulty("chat.postEphemeral", s.chat("chat.postEphemeral")))
	mux.HandleFunc("POST /api/users.lookupByEmail", s.faulty("users.lookupByEmail", s.lookupByEmail))
	mux.HandleFunc("POST /api/views.open", s.faulty("views.open", s.views("views.open")))
	mux.HandleFunc("POST /api/views.publish", s.faulty("views.publish", s.views("views.publish")))
	mux.HandleFunc("GET /socket", s.socket)
	mux.HandleFunc("POST /response/{name}", s.faulty("response", s.response))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("slackfake: unexpected %s %s", r.Method, r.URL.Path)
		http.NotFound(w, r)
	})
	// Set srv before serving: handlers read it, and a request from another
	// process gives the race detector no ordering with this goroutine.
	s.srv = httptest.NewUnstartedServer(mux)
	s.srv.Start()
	t.Cleanup(s.Close)
	return s
}

// APIURL is the Web API base URL, ending in "/", for SLACK_API_URL.
func (s *Server) APIURL() string { return s.srv.URL + "/api/" }

// ResponseURL is a response_url whose calls are recorded under name.
func (s *Server) ResponseURL(name string) string { return s.srv.URL + "/response/" + name }

// Close drops the websocket and stops the server.
func (s *Server) Close() {
	s.mu.Lock()
	if s.conn != nil {
		_ = s.conn.Close()
	}
	hold, holdChat := s.hold, s.holdChat
	s.hold, s.holdChat = nil, nil
	s.mu.Unlock()
	hold.open() // a held request would keep Close waiting
	holdChat.open()
	s.srv.Close()
}

// gate holds requests until it is opened, once.
type gate struct {
	ch   chan struct{}
	once sync.Once
}

func (g *gate) open() {
	if g != nil {
		g.once.Do(func() { close(g.ch) })
	}
}

// Fail makes the next calls of method ("auth.test", "chat.postMessage",
// "chat.postEphemeral", "response", "apps.connections.open") fail with
// faults, one each, in order.
func (s *Server) Fail(method string, faults ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults[method] = append(s.faults[method], faults...)
}

// FailEvery makes every nth call of method fail with f, from now on.
func (s *Server) FailEvery(method string, n int, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.every[method] = everyFault{n: n, fault: f}
}

// Failed is how many calls of method were answered with a fault.
func (s *Server) Failed(method string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.failed[method]
}

// faulty answers a call with its next fault, if one is due, else with next.
func (s *Server) faulty(method string, next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s.opts.Latency > 0 {
			time.Sleep(s.opts.Latency)
		}
		s.mu.Lock()
		var f *Fault
		if q := s.faults[method]; len(q) > 0 {
			f, s.faults[method] = &q[0], q[1:]
		} else if e, ok := s.every[method]; ok && e.n > 0 {
			e.seen++
			if e.seen%e.n == 0 {
				f = &e.fault
			}
			s.every[method] = e
		}
		if f != nil {
			s.failed[method]++
		}
		s.mu.Unlock()
		if f == nil {
			next(w, r)
			return
		}
		_, _ = io.Copy(io.Discard, r.Body)
		if f.RetryAfter != "" {
			w.Header().Set("Retry-After", f.RetryAfter)
		}
		http.Error(w, http.StatusText(f.Status), f.Status)
	}
}

// DropSocket closes the Socket Mode websocket from Slack's side, as a
// network failure or a Slack restart does.
func (s *Server) DropSocket() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.conn != nil {
		_ = s.conn.Close()
		s.conn = nil
	}
}

// HoldConnections makes apps.connections.open wait until release is
// called, so a test can look at the bot while it is reconnecting.
func (s *Server) HoldConnections() (release func()) {
	g := &gate{ch: make(chan struct{})}
	s.mu.Lock()
	s.hold = g
	s.mu.Unlock()
	return func() {
		s.mu.Lock()
		if s.hold == g {
			s.hold = nil
		}
		s.mu.Unlock()
		g.open()
	}
}

// HoldPosts makes chat.postMessage calls wait until release is called. A
// call whose client goes away while it waits (the bot was killed) is not
// recorded: Slack never got the whole request.
func (s *Server) HoldPosts() (release func()) {
	g := &gate{ch: make(chan struct{})}
	s.mu.Lock()
	s.holdChat = g
	s.mu.Unlock()
	return func() {
		s.mu.Lock()
		if s.holdChat == g {
			s.holdChat = nil
		}
		s.mu.Unlock()
		g.open()
	}
}

// HeldPosts is how many chat.postMessage calls are waiting in HoldPosts.
func (s *Server) HeldPosts() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.heldChat
}

// ConnectionsOpened is how often apps.connections.open was answered with a
// websocket URL.
func (s *Server) ConnectionsOpened() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.opens
}

func bearer(r *http.Request) string {
	if h := r.Header.Get("Authorization"); strings.HasPrefix(h, "Bearer ") {
		return strings.TrimPrefix(h, "Bearer ")
	}
	_ = r.ParseForm()
	return r.Form.Get("token")
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

func (s *Server) authTest(w http.ResponseWriter, r *http.Request) {
	if tok := bearer(r); tok != s.botToken {
		writeJSON(w, map[string]any{"ok": false, "error": "invalid_auth"})
		return
	}
	s.mu.Lock()
	s.authTests++
	s.mu.Unlock()
	writeJSON(w, map[string]any{
		"ok": true, "url": "https://gemeente.slack.com/", "team": "Gemeente", "user": "wieiswie",
		"team_id": TeamID, "user_id": BotUserID, "bot_id": BotID,
	})
}

func (s *Server) connectionsOpen(w http.ResponseWriter, r *http.Request) {
	if tok := bearer(r); tok != s.appToken {
		writeJSON(w, map[string]any{"ok": false, "error": "invalid_auth"})
		return
	}
	s.mu.Lock()
	hold := s.hold
	s.mu.Unlock()
	if hold != nil {
		select {
		case <-hold.ch:
		case <-r.Context().Done():
			return
		}
	}
	s.mu.Lock()
	s.opens++
	s.mu.Unlock()
	ws := "ws" + strings.TrimPrefix(s.srv.URL, "http") + "/socket"
	writeJSON(w, map[string]any{"ok": true, "url": ws})
}

func (s *Server) chat(method string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		tok := bearer(r)
		if tok != s.botToken {
			s.t.Errorf("slackfake: %s called without the bot token", method)
			writeJSON(w, map[string]any{"ok": false, "error": "invalid_auth"})
			return
		}
		c := Call{
			Method:   method,
			Token:    tok,
			Channel:  r.PostForm.Get("channel"),
			User:     r.PostForm.Get("user"),
			ThreadTS: r.PostForm.Get("thread_ts"),
			Text:     r.PostForm.Get("text"),
			Blocks:   json.RawMessage(r.PostForm.Get("blocks")),
		}
		s.mu.Lock()
		hold := s.holdChat
		if method == "chat.postMessage" && hold != nil {
			s.heldChat++
			s.mu.Unlock()
			select {
			case <-hold.ch:
			case <-r.Context().Done():
			}
			s.mu.Lock()
			s.heldChat--
			if r.Context().Err() != nil {
				s.mu.Unlock()
				return
			}
		}
		s.tsCounter++
		ts := "1700000000." + strconv.Itoa(100000+s.tsCounter)
		s.mu.Unlock()
		s.record(c)
		writeJSON(w, map[string]any{"ok": true, "channel": c.Channel, "ts": ts, "message_ts": ts})
	}
}

// views takes views.open and views.publish, which slack-go sends as JSON.
// Like Slack it refuses a view without blocks or a modal without a title,
// and checks the trigger_id or user_id is there.
func (s *Server) views(method string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if tok := bearer(r); tok != s.botToken {
			s.t.Errorf("slackfake: %s called without the bot token", method)
			writeJSON(w, map[string]any{"ok": false, "error": "invalid_auth"})
			return
		}
		var req struct {
			TriggerID string          `json:"trigger_id"`
			UserID    string          `json:"user_id"`
			View      json.RawMessage `json:"view"`
		}
		body, _ := io.ReadAll(r.Body)
		if err := json.Unmarshal(body, &req); err != nil {
			writeJSON(w, map[string]any{"ok": false, "error": "invalid_json"})
			return
		}
		var view struct {
			Type   string            `json:"type"`
			Title  *json.RawMessage  `json:"title"`
			Blocks []json.RawMessage `json:"blocks"`
		}
		_ = json.Unmarshal(req.View, &view)
		switch {
		case method == "views.open" && req.TriggerID == "", method == "views.publish" && req.UserID == "":
			writeJSON(w, map[string]any{"ok": false, "error": "invalid_arguments"})
			return
		case len(view.Blocks) == 0 || len(view.Blocks) > 100,
			method == "views.open" && (view.Type != "modal" || view.Title == nil),
			method == "views.publish" && view.Type != "home":
			s.t.Errorf("slackfake: %s with an invalid view: %s", method, req.View)
			writeJSON(w, map[string]any{"ok": false, "error": "invalid_arguments"})
			return
		}
		s.record(Call{Method: method, Token: bearer(r), TriggerID: req.TriggerID, User: req.UserID, View: req.View})
		writeJSON(w, map[string]any{"ok": true, "view": map[string]any{"id": "V0" + strconv.Itoa(len(s.Calls()))}})
	}
}

func (s *Server) response(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	var p struct {
		Text            string          `json:"text"`
		Blocks          json.RawMessage `json:"blocks"`
		ResponseType    string          `json:"response_type"`
		ReplaceOriginal bool            `json:"replace_original"`
		DeleteOriginal  bool            `json:"delete_original"`
		ThreadTS        string          `json:"thread_ts"`
	}
	if err := json.Unmarshal(body, &p); err != nil {
		s.t.Errorf("slackfake: response_url body is not JSON: %v", err)
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	s.record(Call{
		Method: "response", ResponseName: r.PathValue("name"), Text: p.Text, Blocks: p.Blocks,
		ResponseType: p.ResponseType, ReplaceOriginal: p.ReplaceOriginal, DeleteOriginal: p.DeleteOriginal, ThreadTS: p.ThreadTS,
	})
	w.Header().Set("Content-Type", "text/plain")
	_, _ = io.WriteString(w, "ok")
}

func (s *Server) record(c Call) {
	if s.opts.Bulk {
		// Copies: a substring of the request keeps the whole body alive.
		c = Call{Method: c.Method, ResponseName: strings.Clone(c.ResponseName), Channel: strings.Clone(c.Channel),
			User: strings.Clone(c.User), ThreadTS: strings.Clone(c.ThreadTS), ResponseType: c.ResponseType,
			ReplaceOriginal: c.ReplaceOriginal, DeleteOriginal: c.DeleteOriginal}
	}
	s.mu.Lock()
	s.calls = append(s.calls, c)
	s.mu.Unlock()
	if !s.opts.Bulk {
		s.callCh <- c
	}
}

// Calls returns every call recorded so far.
func (s *Server) Calls() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Call(nil), s.calls...)
}

// NextCall waits for the next call the bot makes.
func (s *Server) NextCall() Call {
	s.t.Helper()
	select {
	case c := <-s.callCh:
		return c
	case <-time.After(wait):
		s.t.Fatalf("slackfake: the bot sent nothing within %s", wait)
		return Call{}
	}
}

// AuthTests is how often auth.test was called with the bot token.
func (s *Server) AuthTests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.authTests
}

var upgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}

// socket speaks Socket Mode: hello on connect, then records acks.
func (s *Server) socket(w http.ResponseWriter, r *http.Request) {
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		s.t.Errorf("slackfake: websocket upgrade: %v", err)
		return
	}
	s.mu.Lock()
	if s.conn != nil {
		_ = s.conn.Close()
	}
	s.conn = conn
	s.mu.Unlock()
	hello := map[string]any{
		"type": "hello", "num_connections": 1,
		"connection_info": map[string]any{"app_id": "A0WIEISWIE"},
		"debug_info":      map[string]any{"host": "slackfake"},
	}
	if err := s.write(conn, hello); err != nil {
		return
	}
	s.connCh <- struct{}{}
	for {
		_, msg, err := conn.ReadMessage()
		if err != nil {
			return
		}
		var a struct {
			EnvelopeID string          `json:"envelope_id"`
			Payload    json.RawMessage `json:"payload"`
		}
		if json.Unmarshal(msg, &a) != nil || a.EnvelopeID == "" {
			s.t.Errorf("slackfake: unexpected socket message %s", msg)
			continue
		}
		s.mu.Lock()
		s.acks[a.EnvelopeID] = a.Payload
		s.mu.Unlock()
		s.ackCh <- a.EnvelopeID
	}
}

func (s *Server) write(conn *websocket.Conn, v any) error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	_ = conn.SetWriteDeadline(time.Now().Add(wait))
	return conn.WriteJSON(v)
}

// WaitConnected waits until the bot has opened the Socket Mode websocket
// and received hello.
func (s *Server) WaitConnected() {
	s.t.Helper()
	select {
	case <-s.connCh:
	case <-time.After(wait):
		s.t.Fatalf("slackfake: the bot did not connect over Socket Mode within %s", wait)
	}
}

// Send delivers a Socket Mode envelope: {"envelope_id", "type", "payload"}.
func (s *Server) Send(envelopeID, typ string, payload any) {
	s.t.Helper()
	s.mu.Lock()
	conn := s.conn
	s.mu.Unlock()
	if conn == nil {
		s.t.Fatal("slackfake: Send before the bot connected")
	}
	env := map[string]any{"envelope_id": envelopeID, "type": typ, "payload": payload, "accepts_response_payload": typ != "events_api"}
	if err := s.write(conn, env); err != nil {
		s.t.Fatalf("slackfake: send envelope %s: %v", envelopeID, err)
	}
}

// TrySend is Send for a bot that may be gone (a test that kills one):
// it reports whether the envelope was written instead of failing the test.
func (s *Server) TrySend(envelopeID, typ string, payload any) bool {
	s.mu.Lock()
	conn := s.conn
	s.mu.Unlock()
	if conn == nil {
		return false
	}
	env := map[string]any{"envelope_id": envelopeID, "type": typ, "payload": payload, "accepts_response_payload": typ != "events_api"}
	return s.write(conn, env) == nil
}

// WaitAck waits until the bot acknowledged envelopeID.
func (s *Server) WaitAck(envelopeID string) {
	s.t.Helper()
	deadline := time.After(wait)
	for {
		s.mu.Lock()
		_, ok := s.acks[envelopeID]
		s.mu.Unlock()
		if ok {
			return
		}
		select {
		case <-s.ackCh:
		case <-deadline:
			s.t.Fatalf("slackfake: envelope %s was not acknowledged within %s", envelopeID, wait)
		}
	}
}

// Acked reports whether envelopeID was acknowledged.
func (s *Server) Acked(envelopeID string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.acks[envelopeID]
	return ok
}

// EventEnvelope is the events_api payload Slack sends for one event.
func EventEnvelope(eventID string, event map[string]any) map[string]any {
	return map[string]any{
		"token": "ignored", "team_id": TeamID, "api_app_id": "A0WIEISWIE",
		"type": "event_callback", "event_id": eventID, "event_time": 1700000000,
		"event": event,
	}
}

// SlashCommand is the payload of a /wie command.
func SlashCommand(text, responseURL, triggerID string) map[string]any {
	return map[string]any{
		"token": "ignored", "team_id": TeamID, "team_domain": "gemeente",
		"channel_id": "C0ALGEMEEN", "channel_name": "algemeen",
		"user_id": "U0ASKER", "user_name": "jan", "command": "/wie", "text": text,
		"response_url": responseURL, "trigger_id": triggerID, "api_app_id": "A0WIEISWIE",
	}
}

// BlockAction is the payload of a click on a button of the bot's message.
func BlockAction(actionID, value, responseURL, triggerID string) map[string]any {
	return map[string]any{
		"type":         "block_actions",
		"team":         map[string]any{"id": TeamID, "domain": "gemeente"},
		"user":         map[string]any{"id": "U0ASKER", "username": "jan", "name": "jan", "team_id": TeamID},
		"api_app_id":   "A0WIEISWIE",
		"token":        "ignored",
		"container":    map[string]any{"type": "message", "message_ts": "1700000000.000100", "channel_id": "C0ALGEMEEN", "is_ephemeral": true},
		"trigger_id":   triggerID,
		"channel":      map[string]any{"id": "C0ALGEMEEN", "name": "algemeen"},
		"response_url": responseURL,
		"actions": []map[string]any{{
			"action_id": actionID, "block_id": "b1", "type": "button", "value": value,
			"text":      map[string]any{"type": "plain_text", "text": "knop"},
			"action_ts": fmt.Sprintf("1700000001.%06d", len(triggerID)),
		}},
	}
}

// AppHomeOpened is the app_home_opened event of user opening the bot's
// Home tab.
func AppHomeOpened(user string) map[string]any {
	return map[string]any{"type": "app_home_opened", "user": user, "channel": "D0HOME" + user, "tab": "home", "event_ts": "1700000002.000100"}
}

// ViewSubmission is the payload of a modal submitted by user: the view's
// callback_id and private_metadata as the bot set them, and the values
// entered, by block ID and action ID. A value is a radio button's
// selected option when the action ID is in radio, else typed text.
func ViewSubmission(user, viewID, callbackID, privateMetadata string, values map[string]map[string]string, radio map[string]bool) map[string]any {
	state := map[string]any{}
	for block, actions := range values {
		acts := map[string]any{}
		for action, v := range actions {
			if radio[action] {
				acts[action] = map[string]any{"type": "radio_buttons", "selected_option": map[string]any{"value": v}}
			} else {
				acts[action] = map[string]any{"type": "plain_text_input", "value": v}
			}
		}
		state[block] = acts
	}
	return map[string]any{
		"type":       "view_submission",
		"team":       map[string]any{"id": TeamID, "domain": "gemeente"},
		"user":       map[string]any{"id": user, "username": "jan", "name": "jan", "team_id": TeamID},
		"api_app_id": "A0WIEISWIE",
		"token":      "ignored",
		"trigger_id": "trig-view-" + viewID,
		"view": map[string]any{
			"id": viewID, "team_id": TeamID, "type": "modal", "callback_id": callbackID,
			"private_metadata": privateMetadata, "hash": "h-" + viewID,
			"state": map[string]any{"values": state},
		},
	}
}

// FormEncode is url.Values.Encode for a map, for HTTP-mode request bodies.
func FormEncode(m map[string]any) string {
	v := url.Values{}
	for k, x := range m {
		v.Set(k, fmt.Sprint(x))
	}
	return v.Encode()
}

// Button returns the value of the button with actionID in the call's
// blocks, and whether there is one.
func (c Call) Button(actionID string) (string, bool) {
	var blocks []struct {
		Elements []struct {
			ActionID string `json:"action_id"`
			Value    string `json:"value"`
		} `json:"elements"`
	}
	_ = json.Unmarshal(c.Blocks, &blocks)
	for _, b := range blocks {
		for _, e := range b.Elements {
			if e.ActionID == actionID {
				return e.Value, true
			}
		}
	}
	return "", false
}
