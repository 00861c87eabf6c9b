// Package shareddata locates the public datasets in ../shared/data beside
// the repository for tests, training and evaluation.
package shareddata

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Root returns the shared data directory: $SIFT_DATA if set, else
// ../shared/data relative to the repository root. It returns "" when the
// directory does not exist.
func Root() string {
	if d := os.Getenv("SIFT_DATA"); d != "" {
		return d
	}
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return ""
	}
	// this file is <repo>/internal/shareddata/shareddata.go
	repo := filepath.Dir(filepath.Dir(filepath.Dir(file)))
	d := filepath.Join(repo, "..", "shared", "data")
	if st, err := os.Stat(d); err == nil && st.IsDir() {
		return d
	}
	return ""
}

// Dir returns the directory of one dataset for a test. Where the data is
// absent the test is skipped with a clear message, except under CI=true,
// where it fails: CI must never skip data tests.
func Dir(t testing.TB, name string) string {
	t.Helper()
	root := Root()
	if root != "" {
		d := filepath.Join(root, name)
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
	}
	msg := "dataset " + name + " not found: put the shared data at ../shared/data beside the repository or set SIFT_DATA"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg + " (CI=true: data tests must not be skipped)")
	}
	t.Skip(msg)
	return ""
}
