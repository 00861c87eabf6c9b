//go:build slow

package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/siftnews/sift/store"
)

// TestIngestSurvivesKill9 kills an ingest with SIGKILL part-way, runs it
// again and checks that every article is stored exactly once.
func TestIngestSurvivesKill9(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "sift")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	const n = 1000
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `{"id":"%d","title":"Report %d on the offensive","text":"Officials said on Tuesday that %d fighters remain in the city, according to a military spokesman. “We will take it back,” General Ali Hassan said. Story number %d."}`+"\n", i, i, 1000+i, i)
	}
	data := filepath.Join(dir, "batch.jsonl")
	if err := os.WriteFile(data, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "c.db")
	cmd := exec.Command(bin, "ingest", "--db", db, "-j", "1", data)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// wait until some articles are stored, then kill without warning
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		time.Sleep(200 * time.Millisecond)
		if st, err := store.OpenSQLite(t.Context(), db); err == nil {
			c, _ := st.Count(t.Context())
			st.Close()
			if c >= 20 {
				break
			}
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	st, err := store.OpenSQLite(t.Context(), db)
	if err != nil {
		t.Fatalf("store unreadable after kill -9: %v", err)
	}
	before, _ := st.Count(t.Context())
	st.Close()
	if before == 0 || before >= n {
		t.Fatalf("killed after %d of %d articles; the test needs a partial run", before, n)
	}
	res, err := exec.Command(bin, "ingest", "--db", db, data).CombinedOutput()
	if err != nil {
		t.Fatalf("resume: %v\n%s", err, res)
	}
	want := fmt.Sprintf("read %d, stored %d, already stored %d, failed 0", n, n-before, before)
	if !strings.Contains(string(res), want) {
		t.Errorf("resume after %d stored: %s, want %q", before, res, want)
	}
	st, _ = store.OpenSQLite(t.Context(), db)
	defer st.Close()
	if c, _ := st.Count(t.Context()); c != n {
		t.Errorf("%d articles stored, want %d", c, n)
	}
}
