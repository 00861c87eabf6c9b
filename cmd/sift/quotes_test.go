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

// polnearSplit writes a PolNeAR split directory: texts by article name,
// annotation files by file name (<article>_<annotator>).
func polnearSplit(t *testing.T, texts, anns map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for sub, files := range map[string]map[string]string{"text": texts, "attributions": anns} {
		os.MkdirAll(filepath.Join(dir, sub), 0o755)
		ext := map[string]string{"text": ".txt", "attributions": ".ann"}[sub]
		for name, content := range files {
			if err := os.WriteFile(filepath.Join(dir, sub, name+ext), []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

// evalQuotesHas runs sift eval quotes on a split with more flags, and
// fails the test unless it exits 0 and prints every wanted line.
func evalQuotesHas(t *testing.T, dir string, flags []string, wants ...string) {
	t.Helper()
	out, errs, code := runCLI(t, "", append([]string{"eval", "quotes", "--data", dir}, flags...)...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range wants {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// TestEvalQuotesAgreement scores two annotators of one article against
// each other (they differ on the source's title) and the model against
// each; a split with one annotator per article is an error.
func TestEvalQuotesAgreement(t *testing.T) {
	text := "“The barriers will hold,” Mayor Clara Voss told reporters on Tuesday.\n"
	cp := func(s string) string { return strconv.Itoa(utf8.RuneCountInString(text[:strings.Index(text, s)])) }
	ann := func(src string) string {
		return "T1\tSource " + cp(src) + " " + cp(" told") + "\t" + src + "\nT2\tCue " + cp("told") + " " + cp(" reporters") + "\ttold\n" +
			"T3\tContent 0 " + cp(" Mayor") + "\t“The barriers will hold,”\nE1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n"
	}
	texts := map[string]string{"a": text}
	one := polnearSplit(t, texts, map[string]string{"a_x1": ann("Mayor Clara Voss")})
	if _, errs, code := runCLI(t, "", "eval", "quotes", "--data", one, "--agreement"); code == exitOK || !strings.Contains(errs, "no article") {
		t.Errorf("one annotator: exit %d, %s", code, errs)
	}
	two := polnearSplit(t, texts, map[string]string{"a_x1": ann("Mayor Clara Voss"), "a_x2": ann("Clara Voss")})
	evalQuotesHas(t, two, []string{"--agreement"},
		"(1 articles with several annotators, 2 annotation files, 1 annotator pairs)",
		"cue    exact                     1.0000",
		"source    exact                     0.0000                 0.5000",
		"source  overlap                     1.0000                 1.0000")
}

// TestEvalQuotesStripMarks scores a one-article PolNeAR split with and
// without its quotation marks: the repair puts both marks back, and the
// quotation keeps its speaker.
func TestEvalQuotesStripMarks(t *testing.T) {
	text := "Flood barriers hold in Riverton\n\nThe river rose to a record on Tuesday. “The barriers were built for exactly this, and they will do their job,” Mayor Clara Voss told reporters at city hall. Residents were told to stay at  home.\n"
	cp := func(s string) int { return utf8.RuneCountInString(text[:strings.Index(text, s)]) }
	content := "“The barriers were built for exactly this, and they will do their job,”"
	ann := "T1\tSource " + strconv.Itoa(cp("Mayor")) + " " + strconv.Itoa(cp("Mayor")+len("Mayor Clara Voss")) + "\tMayor Clara Voss\n" +
		"T2\tCue " + strconv.Itoa(cp("told")) + " " + strconv.Itoa(cp("told")+4) + "\ttold\n" +
		"T3\tContent " + strconv.Itoa(cp(content)) + " " + strconv.Itoa(cp(content)+utf8.RuneCountInString(content)) + "\t" + content + "\n" +
		"E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n"
	dir := polnearSplit(t, map[string]string{"a": text}, map[string]string{"a_x1": ann})
	evalQuotesHas(t, dir, []string{"--strip-marks"},
		"stripped, put back: source    exact     1          1        1",
		"stripped, put back: direct content  overlap     1          1        1",
		"stripped, not put back: direct content  overlap     1          0        0",
		"stripped, put back: quotations over the gold direct ones 1; their speaker unknown: 0 (0.0%)",
		"put back by the repair: 2 of 2 stripped (recall 1.000), 2 of 2 put back where one was (precision 1.000), 2 of those the right way round")
}
