package input

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// BenchmarkCSV measures streaming a fake-news style CSV batch with
// multi-line quoted fields.
func BenchmarkCSV(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("id,title,author,text,label\n")
	body := strings.Repeat("Officials said the town had fallen, and \"\"witnesses\"\" agreed.\n", 8)
	for i := 0; i < 2000; i++ {
		fmt.Fprintf(&sb, "%d,Title %d,Author,\"%s\",%d\n", i, i, body, i%2)
	}
	data := sb.String()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		r, err := FromReader(strings.NewReader(data), "bench.csv", Options{Format: FormatCSV})
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for {
			_, err := r.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 2000 {
			b.Fatalf("read %d records", n)
		}
	}
}
