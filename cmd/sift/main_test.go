package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs the command in-process with the given stdin and returns
// stdout, stderr and the exit code.
func runCLI(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	root := newRootCmd()
	var out, errb bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&errb)
	root.SetIn(strings.NewReader(stdin))
	root.SetArgs(args)
	code := exitOK
	if err := root.ExecuteContext(context.Background()); err != nil {
		code = codeOf(err, &errb)
	}
	return out.String(), errb.String(), code
}

func write(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestAnalyzeExitCodes(t *testing.T) {
	good := write(t, "good.txt", "Abu Bakr   had fled Mosul with 6, 000 fighters.")
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"ok", []string{"analyze", "-f", "json", good}, exitOK, ""},
		{"empty file", []string{"analyze", "-f", "json", write(t, "e.txt", "")}, exitNoInput, "empty"},
		{"binary file", []string{"analyze", "-f", "json", write(t, "b.bin", "\x89PNG\r\n\x1a\n\x00\x00\x00")}, exitNoInput, "binary"},
		{"missing file", []string{"analyze", "-f", "json", "/nonexistent/x.txt"}, exitNoInput, "no such file"},
		{"one good one bad", []string{"analyze", "-f", "json", good, "/nonexistent/x.txt"}, exitPartial, "1 analysed, 1 failed"},
		{"broken csv", []string{"analyze", "-f", "json", write(t, "c.csv", "id,text\n1,\"broken\n2,fine text\n")}, exitPartial, "record 1 (line 2)"},
		{"bad flag", []string{"analyze", "--nope"}, exitUsage, "unknown flag"},
		{"bad format", []string{"analyze", "-f", "xml", good}, exitUsage, "unknown --format"},
		{"bad column", []string{"analyze", "--column", "text", good}, exitUsage, "FIELD=COLUMN"},
		{"huge line", []string{"analyze", "-f", "json", "--max-bytes", "1000", write(t, "h.txt", strings.Repeat("x", 5000))}, exitNoInput, "too large"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := runCLI(t, "", tt.args...)
			if code != tt.code {
				t.Errorf("exit code = %d, want %d (stderr %q)", code, tt.code, stderr)
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr = %q, want it to contain %q", stderr, tt.stderr)
			}
		})
	}
}

func TestAnalyzeJSONLines(t *testing.T) {
	csv := write(t, "b.csv", "id,title,author,text,label\n1,T1,A,First text here.,1\n2,T2,B,Second text here.,0\n")
	out, stderr, code := runCLI(t, "", "analyze", "-f", "json", csv)
	if code != exitOK {
		t.Fatalf("code %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d JSON lines, want 2", len(lines))
	}
	for i, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatal(err)
		}
		if m["schema"] != "sift.analysis/v1" || m["id"] != []string{"1", "2"}[i] {
			t.Errorf("line %d: schema %v id %v", i, m["schema"], m["id"])
		}
	}
}

func TestAnalyzeStdinAndText(t *testing.T) {
	out, _, code := runCLI(t, "The U. S. envoy met   on Tuesday.", "analyze", "-f", "text", "-")
	if code != exitOK || !strings.Contains(out, "U.S.") || !strings.Contains(out, "Gaps") {
		t.Fatalf("code %d, out %q", code, out)
	}
}

func TestHelpTeaches(t *testing.T) {
	out, _, code := runCLI(t, "", "analyze", "--help")
	if code != exitOK || !strings.Contains(out, "Examples:") && !strings.Contains(out, "Example") || !strings.Contains(out, "--column") {
		t.Fatalf("help = %q", out)
	}
}

// TestTrainWordNet: the documented command rebuilds the embedded noun
// table byte for byte, and says what is wrong with its command line.
func TestTrainWordNet(t *testing.T) {
	if _, _, code := runCLI(t, "", "train", "wordnet"); code != exitUsage {
		t.Errorf("train wordnet without --output: exit %d, want %d", code, exitUsage)
	}
	if _, _, code := runCLI(t, "", "train", "wordnet", "--wordnet", t.TempDir()+"/none", "-o", t.TempDir()+"/x.gz"); code != exitUsage {
		t.Errorf("train wordnet with no WordNet directory: exit %d, want %d", code, exitUsage)
	}
	const dir = "/usr/share/wordnet"
	if _, err := os.Stat(dir + "/index.noun"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s missing: .ci/run installs wordnet-base", dir)
		}
		t.Skipf("%s missing (apt-get install wordnet-base)", dir)
	}
	reproduces(t, "internal/wordnet/nouns.gz", "wordnet")
}

// reproduces runs `sift train ARGS… -o FILE` and checks that FILE is byte
// for byte the repository's file at path (from the repository's root).
func reproduces(t *testing.T, path string, args ...string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), filepath.Base(path))
	stdout, stderr, code := runCLI(t, "", append(append([]string{"train"}, args...), "-o", out)...)
	if code != exitOK {
		t.Fatalf("sift train %s: exit %d\n%s\n%s", strings.Join(args, " "), code, stdout, stderr)
	}
	t.Log(stdout)
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", filepath.FromSlash(path)))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("sift train %s wrote %d bytes that differ from %s (%d bytes)", strings.Join(args, " "), len(got), path, len(want))
	}
}
