package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/wieiswie/wieiswie/internal/slackfake"
	"github.com/wieiswie/wieiswie/store/storetest"
)

// TestTwoServeProcessesAnswerOnce runs two `wieiswie serve` processes on
// one PostgreSQL database, each with its own Socket Mode connection. At
// first both receive every event (as Slack's retries to another connection
// do). Halfway through, one process is killed (SIGKILL: no goodbye, its
// claims left unfinished) while the answers it claimed are on their way to
// Slack: some of those events the other process received too, some only
// the killed one (Slack does not deliver an acknowledged event again).
// Every question is answered, and answered once.
func TestTwoServeProcessesAnswerOnce(t *testing.T) {
	dbURL := storetest.PostgresURL(t)
	bin := buildWieiswie(t)
	const questions = 24
	var fakes [2]*slackfake.Server
	var procs [2]*exec.Cmd
	var logs [2]*serveLog
	for i := range procs {
		fakes[i] = slackfake.New(t, serveTestBotToken, serveTestAppToken)
		cmd := exec.Command(bin, "serve", "--env-file", "")
		cmd.Env = []string{
			"PATH=" + os.Getenv("PATH"),
			"SLACK_BOT_TOKEN=" + serveTestBotToken,
			"SLACK_APP_TOKEN=" + serveTestAppToken,
			"SLACK_API_URL=" + fakes[i].APIURL(),
			"LISTEN_ADDR=127.0.0.1:0",
			"DATABASE_URL=" + dbURL,
			"DATA_DIR=" + t.TempDir(),
			"CLAIM_LEASE=1s",
			"RATE_LIMIT_PER_MINUTE=0",
		}
		logs[i] = &serveLog{}
		cmd.Stderr = logs[i]
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		procs[i] = cmd
		t.Cleanup(func() {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		})
		fakes[i].WaitConnected()
	}

	ts := func(q int) string { return fmt.Sprintf("1700000000.%06d", 100+q) }
	sendTo := func(i, q int) {
		fakes[i].TrySend(fmt.Sprintf("env-%d-%d", i, q), "events_api", slackfake.EventEnvelope(fmt.Sprintf("EvQ%d", q), map[string]any{
			"type": "app_mention", "user": fmt.Sprintf("U0ASKER%d", q%3), "text": "<@UBOT0WIE> wie is algemeen directeur",
			"ts": ts(q), "channel": "C0ALGEMEEN", "event_ts": ts(q),
		}))
	}
	posts := func(f *slackfake.Server) map[string]int {
		n := map[string]int{}
		for _, c := range f.Calls() {
			if c.Method == "chat.postMessage" {
				n[c.ThreadTS]++
			}
		}
		return n
	}
	answers := func() map[string]int {
		n := posts(fakes[0])
		for k, v := range posts(fakes[1]) {
			n[k] += v
		}
		return n
	}
	waitFor := func(what string, ok func() bool) {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for !ok() {
			if time.Now().After(deadline) {
				t.Fatalf("%s: not within 30s\nA: %s\nB: %s", what, logs[0], logs[1])
			}
			time.Sleep(10 * time.Millisecond)
		}
	}

	// First half: both instances alive and receiving every event; each
	// question is answered by one of them.
	for q := range questions / 2 {
		sendTo(0, q)
		sendTo(1, q)
	}
	waitFor("first half answered and finished", func() bool {
		return len(answers()) == questions/2 && finishedClaims(t, dbURL) == questions/2
	})

	// Second half: A gets the events and claims them; its answers are
	// held on their way to Slack, and it is killed with all of them in
	// flight, so those claims are never finished. B gets the last half of
	// them too (Slack retrying on another connection); the others only A
	// ever had.
	release := fakes[0].HoldPosts()
	for q := questions / 2; q < questions; q++ {
		sendTo(0, q)
	}
	waitFor("every answer of A held", func() bool { return fakes[0].HeldPosts() == questions/2 })
	onlyA := questions/2 + questions/4
	for q := onlyA; q < questions; q++ {
		sendTo(1, q)
	}
	if err := procs[0].Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = procs[0].Wait()
	// The fake drops a held post once it sees its client gone; wait for
	// that before opening the gate, or a post could slip through first.
	waitFor("A's held answers dropped with its connections", func() bool { return fakes[0].HeldPosts() == 0 })
	release()
	waitFor("every question answered", func() bool { return len(answers()) == questions })
	// Past another lease and poll: a late second answer would be in by now.
	time.Sleep(2500 * time.Millisecond)

	got := answers()
	for q := range questions {
		if got[ts(q)] != 1 {
			t.Errorf("question %d answered %d times, want 1", q, got[ts(q)])
		}
	}
	takenOver := strings.Count(logs[1].String(), "took over an event")
	adopted := strings.Count(logs[1].String(), `"via":"orphan"`)
	t.Logf("answers: %d by the killed process, %d by the other, %d of them taken over from it (%d it never received)",
		len(posts(fakes[0])), len(posts(fakes[1])), takenOver, adopted)
	if takenOver != questions/2 || adopted < onlyA-questions/2 {
		t.Errorf("%d questions taken over, %d of them from their claims alone; want %d and at least %d",
			takenOver, adopted, questions/2, onlyA-questions/2)
	}
}

// finishedClaims counts the claims marked answered in the test's schema.
func finishedClaims(t *testing.T, url string) int {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var n int
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM claims WHERE done = 1").Scan(&n); err != nil {
		return -1 // not migrated yet
	}
	return n
}

// Format lets a serveLog print in a failure message.
func (s *serveLog) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(s.String())) }
