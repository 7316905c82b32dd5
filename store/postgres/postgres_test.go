package postgres_test

import (
	"context"
	"strings"
	"testing"

	"github.com/wieiswie/wieiswie/store"
	"github.com/wieiswie/wieiswie/store/postgres"
	"github.com/wieiswie/wieiswie/store/storetest"
)

// The suite on a real PostgreSQL server, each test in a schema of its own.
func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) string { return storetest.PostgresURL(t) },
		func(ctx context.Context, url string, opts store.Options) (store.Store, error) {
			return postgres.Open(ctx, url, opts)
		})
}

// A password in DATABASE_URL never shows in the error.
func TestOpenErrorHidesPassword(t *testing.T) {
	_, err := postgres.Open(context.Background(), "postgres://wie:s3cr3tPW@127.0.0.1:1/test?connect_timeout=1", store.Options{})
	if err == nil {
		t.Fatal("connecting to a closed port worked")
	}
	if strings.Contains(err.Error(), "s3cr3tPW") {
		t.Errorf("error shows the password: %v", err)
	}
	if _, err := postgres.Open(context.Background(), "postgres://wie:s3cr3tPW@[::1", store.Options{}); err == nil || strings.Contains(err.Error(), "s3cr3tPW") {
		t.Errorf("malformed URL: %v", err)
	}
}
