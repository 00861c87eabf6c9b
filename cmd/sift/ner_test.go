package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const tinyCoNLL = `-DOCSTART- -X- -X- O

Omar NNP B-NP B-PER
Haddad NNP I-NP I-PER
arrived VBD B-VP O
in IN B-PP O
Paris NNP B-NP B-LOC
. . O O

Reuters NNP B-NP B-ORG
said VBD B-VP O
so RB O O
. . O O
`

func TestEvalNERPredScoresPeers(t *testing.T) {
	gold := write(t, "gold.txt", tinyCoNLL)
	pred := write(t, "pred.txt", strings.Replace(tinyCoNLL, "B-ORG", "O", 1))
	out, errs, code := runCLI(t, "", "eval", "ner", "--data", gold, "--pred", pred)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	// 2 of 3 entities found, none wrong: P 1, R 0.667, F1 0.8
	if !strings.Contains(out, "all (micro)") || !strings.Contains(out, "1.0000  0.6667  0.8000") {
		t.Errorf("unexpected score table:\n%s", out)
	}
	bad := write(t, "bad.txt", "Omar B-PER\n")
	if _, errs, code := runCLI(t, "", "eval", "ner", "--data", gold, "--pred", bad); code != exitError || !strings.Contains(errs, "sentences") {
		t.Errorf("mismatched prediction file: exit %d, %s", code, errs)
	}
	if _, _, code := runCLI(t, "", "eval", "ner", "--data", gold, "--map", "nonsense"); code != exitUsage {
		t.Errorf("bad --map: exit %d, want %d", code, exitUsage)
	}
}

func TestEvalNEREmbedded(t *testing.T) {
	gold := write(t, "gold.txt", tinyCoNLL)
	out, errs, code := runCLI(t, "", "eval", "ner", "--data", gold)
	if code != exitOK || !strings.Contains(out, "embedded model") || !strings.Contains(out, "tokens/s") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
}

func TestTrainNERSmall(t *testing.T) {
	data := write(t, "train.txt", strings.Repeat(tinyCoNLL, 5))
	unl := write(t, "news.txt", "Omar Haddad arrived in Paris. Reuters said so.\n")
	out := filepath.Join(t.TempDir(), "m.bin")
	stdout, errs, code := runCLI(t, "", "train", "ner", "--train", data, "--dev", data, "-o", out,
		"--unlabelled", unl, "--classes", "2,4", "--min-count", "1", "--iso-codes", "none", "--wordnet", "none", "--epochs", "3")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"stage 1 epoch  1", "dev P", "word classes", "wrote " + out} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	if st, err := os.Stat(out); err != nil || st.Size() == 0 {
		t.Fatalf("model not written: %v", err)
	}
	res, errs, code := runCLI(t, "", "eval", "ner", "--data", data, "--model", out)
	if code != exitOK || !strings.Contains(res, "all (micro)") {
		t.Errorf("eval of trained model: exit %d %s %s", code, res, errs)
	}
	if _, _, code := runCLI(t, "", "train", "ner", "--train", data); code != exitUsage {
		t.Errorf("missing -o: exit %d, want %d", code, exitUsage)
	}
}
