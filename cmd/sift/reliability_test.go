package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTrainReliabilityOwnData(t *testing.T) {
	var b strings.Builder
	b.WriteString("title,text,label\n")
	for i := 0; i < 60; i++ {
		b.WriteString("Officials confirm budget figures,\"The ministry said on Tuesday that spending rose 3 percent, according to figures released by the statistics office.\",0\n")
		b.WriteString("SHOCKING: You Won't Believe This!!,\"You will not believe what they are hiding from you!!! Share this before it is deleted!!!\",1\n")
	}
	data := write(t, "mine.csv", b.String())
	out := filepath.Join(t.TempDir(), "rel.bin")
	stdout, errs, code := runCLI(t, "", "train", "reliability", "--data", data, "-o", out)
	if code != exitOK || !strings.Contains(stdout, "trained on 120 articles") {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, errs)
	}
	if st, err := os.Stat(out); err != nil || st.Size() == 0 {
		t.Fatalf("no model: %v", err)
	}
	empty := write(t, "nolabel.csv", "title,text\nA,B\n")
	if _, errs, code := runCLI(t, "", "train", "reliability", "--data", empty, "-o", out); code != exitError || !strings.Contains(errs, "no labelled records") {
		t.Errorf("unlabelled file: exit %d %s", code, errs)
	}
}
