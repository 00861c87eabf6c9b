package wordnet

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"os"
	"testing"
)

func embeddedTable(t testing.TB) *Table {
	t.Helper()
	tab, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

func TestClass(t *testing.T) {
	tab := embeddedTable(t)
	tests := []struct {
		word  string
		lemma string
		class Class
	}{
		{"nurse", "nurse", Person},
		{"traders", "trader", Person},
		{"women", "woman", Person},    // exception list
		{"churches", "church", Group}, // -ches → -ch
		{"legislature", "legislature", Group},
		{"reports", "report", Communication},
		{"resolution", "resolution", Communication},
		{"city", "city", Location},
		{"griffiths", "", None}, // a name first (D. W. Griffith): left out
		{"zzyzx", "", None},
		{"Nurse", "", None}, // forms are looked up as given, in lower case
		{"", "", None},
	}
	for _, tc := range tests {
		if got := tab.Lemma(tc.word); got != tc.lemma {
			t.Errorf("Lemma(%q) = %q, want %q", tc.word, got, tc.lemma)
		}
		if got := tab.Class(tc.word); got != tc.class {
			t.Errorf("Class(%q) = %d, want %d", tc.word, got, tc.class)
		}
	}
	if n := tab.Len(); n < 40000 {
		t.Errorf("embedded table has %d nouns, want WordNet's (about 50,000)", n)
	}
}

func TestBuildErrors(t *testing.T) {
	dir := t.TempDir()
	if err := Build(context.Background(), dir, new(bytes.Buffer)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Build on an empty directory: %v, want a not-exist error", err)
	}
	if err := os.WriteFile(dir+"/data.noun", []byte("00001740 xx n 01 entity 0 000 | that which exists\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Build(context.Background(), dir, new(bytes.Buffer)); !errors.Is(err, ErrFormat) {
		t.Errorf("Build with a bad data.noun: %v, want ErrFormat", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := os.WriteFile(dir+"/data.noun", []byte("00001740 03 n 01 entity 0 000 | that which exists\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Build(ctx, dir, new(bytes.Buffer)); !errors.Is(err, context.Canceled) {
		t.Errorf("Build with a cancelled context: %v", err)
	}
}

func gz(t testing.TB, s string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.Bytes()
}

func TestReadErrors(t *testing.T) {
	for _, in := range [][]byte{
		[]byte("not gzip"),
		gz(t, "nurse\n"),
		gz(t, "nurse\t99\n"),
		gz(t, "nurse\tx\n"),
		gz(t, "\t18\n"),
	} {
		if _, err := Read(bytes.NewReader(in)); !errors.Is(err, ErrFormat) {
			t.Errorf("Read(%q): %v, want ErrFormat", in, err)
		}
	}
	tab, err := Read(bytes.NewReader(gz(t, "nurse\t18\nnurses\t=nurse\n")))
	if err != nil || tab.Class("nurses") != Person {
		t.Errorf("Read: %v, class %d", err, tab.Class("nurses"))
	}
}

func FuzzRead(f *testing.F) {
	f.Add(gz(f, "nurse\t18\nwomen\t=woman\nwoman\t18\n"))
	f.Add([]byte("x"))
	f.Fuzz(func(t *testing.T, b []byte) {
		tab, err := Read(bytes.NewReader(b))
		if err != nil {
			return
		}
		for w := range tab.class {
			if c := tab.Class(w); c < 3 || c > 28 {
				t.Fatalf("class %d for %q", c, w)
			}
		}
	})
}

func BenchmarkClass(b *testing.B) {
	tab := embeddedTable(b)
	words := []string{"nurse", "traders", "women", "reports", "griffiths", "legislature", "groups", "zzyzx"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		tab.Class(words[i%len(words)])
	}
}
