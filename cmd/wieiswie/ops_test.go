package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

func readRepoFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile("../../" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// Every setting config reads is in .env.example and in the README.
func TestEverySettingDocumented(t *testing.T) {
	var sources string
	files, _ := filepath.Glob("../../config/*.go")
	for _, f := range files {
		if !strings.HasSuffix(f, "_test.go") {
			sources += readRepoFile(t, "config/"+filepath.Base(f))
		}
	}
	names := regexp.MustCompile(`(?m)^\s+Env\w+\s*=\s*"([A-Z_]+)"`).FindAllStringSubmatch(sources, -1)
	if len(names) < 10 {
		t.Fatalf("found only %d settings in config.go", len(names))
	}
	example, readme := readRepoFile(t, ".env.example"), readRepoFile(t, "README.md")
	for _, m := range names {
		if !regexp.MustCompile(`(?m)^#?` + m[1] + `=`).MatchString(example) {
			t.Errorf(".env.example lacks %s", m[1])
		}
		if !strings.Contains(readme, "`"+m[1]+"`") {
			t.Errorf("README lacks %s", m[1])
		}
	}
}

// The image as shipped: a writable INDEX_DIR for its user, a healthcheck
// the distroless image can run, a version stamp; no .env in the build.
func TestImageFiles(t *testing.T) {
	docker := readRepoFile(t, "Dockerfile")
	for _, want := range []string{
		"INDEX_DIR=/index", "DATA_DIR=/data", "mkdir -p /out/root/index /out/root/data", "--chown=65532:65532 /out/root/ /", "USER nonroot:nonroot",
		`CMD ["/usr/local/bin/wieiswie", "healthcheck"]`, "-X main.version=${VERSION} -X main.commit=${COMMIT}",
		`org.opencontainers.image.version="${VERSION}"`,
	} {
		if !strings.Contains(docker, want) {
			t.Errorf("Dockerfile lacks %q", want)
		}
	}
	ignore := strings.Fields(readRepoFile(t, ".dockerignore"))
	for _, want := range []string{".env", ".git"} {
		if !strings.Contains(strings.Join(ignore, " "), want) {
			t.Errorf(".dockerignore lacks %s", want)
		}
	}
	var compose struct {
		Services map[string]struct {
			Environment map[string]string
			Volumes     []string
			Deploy      *struct{ Replicas int }
		}
	}
	if err := yaml.Unmarshal([]byte(readRepoFile(t, "docker-compose.yml")), &compose); err != nil {
		t.Fatal(err)
	}
	svc, ok := compose.Services["wieiswie"]
	if len(compose.Services) != 1 || !ok || svc.Deploy != nil {
		t.Fatalf("compose: want one wieiswie service, one instance: %+v", compose)
	}
	if svc.Environment["INDEX_DIR"] != "/index" || svc.Environment["KNOWLEDGE_DIR"] != "/knowledge" {
		t.Errorf("compose environment %v", svc.Environment)
	}
}
