package conll

import (
	"strings"
	"testing"
)

func TestRead(t *testing.T) {
	in := "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\nPeter NNP B-NP B-PER\n\n-DOCSTART- -X- -X- O\n\nBonn NNP B-NP B-LOC\n"
	docs, err := Read(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || len(docs[0]) != 2 || docs[0][0][0] != (Token{"EU", "B-ORG"}) || docs[1][0][0].Tag != "B-LOC" {
		t.Fatalf("docs = %+v", docs)
	}
	if _, err := Read(strings.NewReader("lonely\n")); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Fatalf("err = %v, want a line-1 error", err)
	}
}

func TestDetokenize(t *testing.T) {
	tests := []struct{ in, want string }{
		{`He said , " we will win . "`, `He said, "we will win."`},
		{`( Reuters ) - U.S. shares rose 5 % .`, `(Reuters) - U.S. shares rose 5%.`},
		{`It 's $ 5 and they do n't care`, `It's $5 and they don't care`},
	}
	for _, tt := range tests {
		words := strings.Fields(tt.in)
		got, spans := Detokenize(words)
		if got != tt.want {
			t.Errorf("Detokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
		for i, w := range words {
			if got[spans[i][0]:spans[i][1]] != w {
				t.Errorf("span of %q = %q", w, got[spans[i][0]:spans[i][1]])
			}
		}
	}
}
