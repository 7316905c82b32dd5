package store

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
)

// Pseudonym is what is stored instead of a Slack user ID: an HMAC-SHA256
// with key, cut to 16 hex digits. The same person always gets the same
// pseudonym, so the report can count distinct askers, but without the key
// (kept in the database, and deleted with it) nobody can tell who it is,
// and even with it only by trying every ID of the workspace.
func Pseudonym(key []byte, userID string) string {
	if userID == "" {
		return ""
	}
	m := hmac.New(sha256.New, key)
	m.Write([]byte(userID))
	return "h:" + hex.EncodeToString(m.Sum(nil)[:8])
}

// NewKey is a fresh random pseudonym key, made once per database.
func NewKey() []byte {
	k := make([]byte, 32)
	_, _ = rand.Read(k)
	return k
}
