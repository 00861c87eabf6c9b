package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestStripMarks(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"“Go,” she said. Obama’s aide said it.", " Go,  she said. Obama s aide said it."},
		{`He said "no" and 'yes'.`, "He said  no  and  yes ."},
		{"No marks here.", "No marks here."},
		{"", ""},
	} {
		got, back := stripMarks(tc.in)
		if got != tc.want {
			t.Errorf("stripMarks(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if len(back) != len(got)+1 || back[len(got)] != len(tc.in) {
			t.Fatalf("stripMarks(%q): %d offsets for %d bytes", tc.in, len(back), len(got))
		}
		for i := range got {
			// every byte maps into the original, on the same character
			// unless it is the space a mark became
			if r, _ := utf8.DecodeRuneInString(tc.in[back[i]:]); got[i] != ' ' && utf8.RuneStart(got[i]) && !strings.HasPrefix(tc.in[back[i]:], string(r)) {
				t.Errorf("stripMarks(%q): byte %d maps to %d", tc.in, i, back[i])
			}
		}
	}
	marks := quoteMarks("“Go,” she said. Obama’s aides’ plan was ‘bold’ and \"new\".")
	want := map[string]int{"“": 1, "”": -1, "‘": 1, "’": -1, "\"": 0}
	n := 0
	for at, dir := range marks {
		r, _ := utf8.DecodeRuneInString("“Go,” she said. Obama’s aides’ plan was ‘bold’ and \"new\"."[at:])
		if d, ok := want[string(r)]; !ok || d != dir {
			t.Errorf("mark %q at %d read as %d", r, at, dir)
		}
		n++
	}
	if n != 6 { // “ ” ‘ ’ " " — not the apostrophes of Obama’s and aides’
		t.Errorf("found %d marks, want 6: %v", n, marks)
	}
}

// TestEvalQuotesStripMarks scores a one-article PolNeAR split with and
// without its quotation marks: the repair puts both marks back, and the
// quotation keeps its speaker.
func TestEvalQuotesStripMarks(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "text"), 0o755)
	os.MkdirAll(filepath.Join(dir, "attributions"), 0o755)
	text := "Flood barriers hold in Riverton\n\nThe river rose to a record on Tuesday. “The barriers were built for exactly this, and they will do their job,” Mayor Clara Voss told reporters at city hall. Residents were told to stay at  home.\n"
	cp := func(s string) int { return utf8.RuneCountInString(text[:strings.Index(text, s)]) }
	content := "“The barriers were built for exactly this, and they will do their job,”"
	ann := "T1\tSource " + strconv.Itoa(cp("Mayor")) + " " + strconv.Itoa(cp("Mayor")+len("Mayor Clara Voss")) + "\tMayor Clara Voss\n" +
		"T2\tCue " + strconv.Itoa(cp("told")) + " " + strconv.Itoa(cp("told")+4) + "\ttold\n" +
		"T3\tContent " + strconv.Itoa(cp(content)) + " " + strconv.Itoa(cp(content)+utf8.RuneCountInString(content)) + "\t" + content + "\n" +
		"E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n"
	os.WriteFile(filepath.Join(dir, "text", "a.txt"), []byte(text), 0o644)
	os.WriteFile(filepath.Join(dir, "attributions", "a_x1.ann"), []byte(ann), 0o644)
	out, errs, code := runCLI(t, "", "eval", "quotes", "--data", dir, "--strip-marks")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		"stripped, put back: source    exact     1          1        1",
		"stripped, put back: direct content  overlap     1          1        1",
		"stripped, not put back: direct content  overlap     1          0        0",
		"stripped, put back: quotations over the gold direct ones 1; their speaker unknown: 0 (0.0%)",
		"put back by the repair: 2 of 2 stripped (recall 1.000), 2 of 2 put back where one was (precision 1.000), 2 of those the right way round",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
