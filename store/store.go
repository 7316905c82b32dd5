// Package store is the domain of what the bot remembers for the people who
// keep the documents: each question with its outcome and the documents it
// showed, the feedback staff gave on it, and claims that let several
// instances answer each Slack event once. The interface and its record
// types live here; one package per database implements it (store/sqlite,
// the embedded default, and store/postgres, for several instances), and
// store/storetest holds the conformance suite both must pass.
//
// Privacy is part of the domain: a Question's Asker is the Slack user ID
// the caller saw, and the implementations keep only a keyed hash of it
// (Pseudonym) unless told to keep IDs. See the README's privacy section.
package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"time"
)

// Outcome is how a question ended. The answer outcomes are knowledge's;
// Failed is a search that broke.
type Outcome string

const (
	Answered  Outcome = "answered"
	Ambiguous Outcome = "ambiguous"
	NotFound  Outcome = "not-found"
	Failed    Outcome = "failed"
)

// Channel types: where a question was asked. Only the kind of place is
// kept, never which channel.
const (
	ChannelDM      = "dm"
	ChannelMention = "mention"
	ChannelSlash   = "slash"
)

// Question is one question the bot answered.
type Question struct {
	// ID is made by the caller (NewID) before the answer is sent, so the
	// answer's buttons can name it whether or not the write succeeds.
	ID          string
	At          time.Time
	Text        string
	ChannelType string
	Outcome     Outcome
	// Topic is what the bot searched for ("algemeen directeur"): similar
	// questions share it, and it is the "role" the report counts.
	Topic string
	// Documents are the sources shown, best first.
	Documents []string
	// Asker is the Slack user ID when writing; when read back it is the
	// pseudonym (or the ID with Options.KeepUserIDs).
	Asker string
}

// FeedbackKind is what a click said.
type FeedbackKind string

const (
	Up      FeedbackKind = "up"      // 👍
	Down    FeedbackKind = "down"    // 👎, perhaps with a reason and comment
	Missing FeedbackKind = "missing" // "Meld dat dit ontbreekt" on a not-found answer
)

// Reasons a 👎 can give in the modal.
const (
	ReasonOtherPerson  = "other-person"  // andere persoon
	ReasonOutdated     = "outdated"      // verouderd
	ReasonContactWrong = "contact-wrong" // contactgegevens fout
)

// ReasonText is each reason as editors read it (Dutch: the report and the
// App Home show it).
var ReasonText = map[string]string{
	ReasonOtherPerson:  "andere persoon",
	ReasonOutdated:     "verouderd",
	ReasonContactWrong: "contactgegevens fout",
}

// Feedback is one click (and, for 👎, the modal that followed it). It
// repeats the question and the document it is about, so it is useful even
// when the question's own record could not be written.
type Feedback struct {
	QuestionID string
	At         time.Time
	Kind       FeedbackKind
	Reason     string
	Comment    string
	Question   string
	Document   string
	Asker      string
}

// Store keeps questions, feedback and claims. Implementations are safe for
// concurrent use, by goroutines and by processes sharing the database.
type Store interface {
	RecordQuestion(ctx context.Context, q Question) error
	// RecordFeedback keeps f; a later 👎 modal for the same question and
	// asker completes the click's record instead of adding one.
	RecordFeedback(ctx context.Context, f Feedback) error
	// Questions and Feedback list the records at or after since, oldest
	// first.
	Questions(ctx context.Context, since time.Time) ([]Question, error)
	Feedback(ctx context.Context, since time.Time) ([]Feedback, error)
	// DeleteBefore removes questions, feedback and claims older than
	// cutoff and says how many records went.
	DeleteBefore(ctx context.Context, cutoff time.Time) (int, error)
	// Claim tries to take key (an event or a message) for owner (one
	// running instance) until now+lease. It wins when nobody holds key,
	// when owner holds it already (the lease is renewed: a long answer
	// keeps its claim), or when the holder's lease ran out before it said
	// Finish (the holder died). done says the holder finished: nothing is
	// left to do. payload, kept with a new claim until Finish, is what
	// another instance needs to do the work if this one dies (Orphans);
	// "" for none.
	Claim(ctx context.Context, key, owner string, now time.Time, lease time.Duration, payload string) (won, done bool, err error)
	// Orphans lists the payloads (at most limit, oldest first) of claims
	// made since `since` whose holder's lease ran out before it finished:
	// the work of an instance that died. Payloads of older unfinished
	// claims are forgotten: too late to be of use.
	Orphans(ctx context.Context, now, since time.Time, limit int) ([]string, error)
	// Finish marks key as handled for good and forgets its payload.
	Finish(ctx context.Context, key string) error
	// Ping says whether the database answers.
	Ping(ctx context.Context) error
	Close() error
}

// Options are what every implementation takes besides where its data is.
type Options struct {
	// KeepUserIDs keeps Slack user IDs as they are (STORE_USER_IDS=true);
	// otherwise only a keyed hash is stored.
	KeepUserIDs bool
}

// ErrNoID is returned for a record without an ID.
var ErrNoID = errors.New("record has no ID")

// NewID is a random record ID: 16 hex digits, unique enough for a
// municipality's questions and short enough for a button value.
func NewID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
