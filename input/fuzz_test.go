package input

import (
	"errors"
	"io"
	"strings"
	"testing"
)

// FuzzReaders feeds arbitrary bytes to every reader: none may panic or
// loop, and every error must be either final or a *RecordError.
func FuzzReaders(f *testing.F) {
	for _, s := range []string{
		"id,title,author,text,label\n1,T,A,Hello,1\n", "id,text\n1,\"never closed\n2,x\n", "\ufeffid,text\r\n1,a\r\n",
		`{"text":"x"}`, "{\"text\":\"a\"}\n{\"text\":\"b\"}\n", `[{"text":"a"},{}]`, "<html><body><p>hi</p>",
		"plain text", "caf\xe9", "\x00\x01", "\xff\xfeh\x00i\x00", "a\tb\ttext\n1\t2\t3\n",
		`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>a</title><description>&lt;p&gt;x&lt;/p&gt;</description></item></channel></rss>`,
		`<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>a</title><content type="html">b</content></entry></feed>`,
	} {
		f.Add([]byte(s), uint8(0))
	}
	formats := []Format{FormatAuto, FormatText, FormatHTML, FormatJSON, FormatJSONL, FormatCSV, FormatTSV, FormatFeed}
	f.Fuzz(func(t *testing.T, data []byte, fmtIdx uint8) {
		opt := Options{Format: formats[int(fmtIdx)%len(formats)], MaxBytes: 1 << 16}
		r, err := FromReader(strings.NewReader(string(data)), "fuzz", opt)
		if err != nil {
			return
		}
		defer r.Close()
		for i := 0; i < 10000; i++ {
			d, err := r.Next()
			if errors.Is(err, io.EOF) {
				return
			}
			var re *RecordError
			if err != nil && !errors.As(err, &re) {
				return
			}
			if err == nil && d == nil {
				t.Fatal("nil document without error")
			}
		}
		t.Fatal("reader did not end")
	})
}
