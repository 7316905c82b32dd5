package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/wieiswie/wieiswie/config"
	"github.com/wieiswie/wieiswie/knowledge"
)

func runAsk(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("ask", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("knowledge", "", "knowledge folder (default: the embedded documents)")
	indexDir := fs.String("index", "", "keep the index in this folder (default: in memory)")
	asJSON := fs.Bool("json", false, "write one JSON object a line")
	top := fs.Int("top", 3, "answers to show at most")
	question, code, done := parseFlags(fs, args, askHelp, stdout)
	if done {
		return code
	}
	if *top < 1 {
		fmt.Fprintln(stderr, "wieiswie ask: --top must be at least 1")
		return 2
	}
	if err := config.CheckFolder("--knowledge", *dir); err != nil {
		fmt.Fprintf(stderr, "wieiswie ask: %v\n", err)
		return 2
	}
	ix, took, err := buildIndex(ctx, *dir, *indexDir, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "wieiswie ask: %v\n", err)
		return 1
	}
	defer ix.Close()
	if *asJSON {
		fmt.Fprintf(stderr, `{"event":"indexed","docs":%d,"took_ms":%.3f}`+"\n", ix.Len(), ms(took))
	}

	answer := func(q string) error {
		res, err := ix.Ask(ctx, q, *top)
		if err != nil {
			return err
		}
		if *asJSON {
			return json.NewEncoder(stdout).Encode(jsonResult(res))
		}
		fmt.Fprintln(stdout, renderText(res))
		return nil
	}
	if len(question) > 0 {
		if err := answer(strings.Join(question, " ")); err != nil {
			fmt.Fprintf(stderr, "wieiswie ask: %v\n", err)
			return 1
		}
		return 0
	}
	sc := bufio.NewScanner(stdin)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		if err := answer(sc.Text()); err != nil {
			fmt.Fprintf(stderr, "wieiswie ask: %v\n", err)
			return 1
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintf(stderr, "wieiswie ask: read questions: %v\n", err)
		return 1
	}
	return 0
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// The JSON shape of `ask --json`, one object a line.
type (
	jsonAnswerLine struct {
		Question string       `json:"question"`
		Answers  []jsonAnswer `json:"answers"`
		TookMS   float64      `json:"took_ms"`
	}
	jsonAnswer struct {
		Source    string         `json:"source"`
		Title     string         `json:"title"`
		Name      string         `json:"name"`
		Functions []jsonFunction `json:"functions"`
		Excerpt   string         `json:"excerpt"`
		Contact   jsonContact    `json:"contact"`
		Score     float64        `json:"score"`
	}
	jsonFunction struct {
		Body     string `json:"body"`
		Function string `json:"function"`
	}
	jsonContact struct {
		Phone   []string `json:"phone"`
		Email   []string `json:"email"`
		Address string   `json:"address"`
	}
)

func jsonResult(res knowledge.Result) jsonAnswerLine {
	out := jsonAnswerLine{Question: res.Question, Answers: []jsonAnswer{}, TookMS: ms(res.Took)}
	for _, a := range res.Answers {
		ja := jsonAnswer{
			Source: a.Source, Title: a.Title, Name: a.Name, Excerpt: a.Excerpt.Text, Score: a.Score,
			Functions: []jsonFunction{},
			Contact:   jsonContact{Phone: nonNil(a.Contact.Phones), Email: nonNil(a.Contact.Emails), Address: a.Contact.Address},
		}
		for _, f := range a.Functions {
			ja.Functions = append(ja.Functions, jsonFunction{Body: f.Body, Function: f.Title})
		}
		out.Answers = append(out.Answers, ja)
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
