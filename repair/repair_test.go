package repair

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestCleanRepairs(t *testing.T) {
	tests := []struct {
		name, in, want string
		kinds          []Kind
	}{
		{"number spacing", "some 6, 000 fighters", "some 6,000 fighters", []Kind{KindNumberSpacing}},
		{"number spacing millions", "1, 200, 000 people", "1,200,000 people", []Kind{KindNumberSpacing}},
		{"day of month kept", "On May 1, 200 people marched", "On May 1, 200 people marched", nil},
		{"year kept", "In 2016, 300 died", "In 2016, 300 died", nil},
		{"list kept", "scores 1, 2, 3", "scores 1, 2, 3", nil},
		{"quote after period", "going to work. ” He left", "going to work.” He left", []Kind{KindQuoteSpacing}},
		{"quote after word", "he said “ this is bad ” today", "he said “this is bad” today", []Kind{KindQuoteSpacing, KindQuoteSpacing}},
		{"straight quote closing", `He said "yes . " Then "no"`, `He said "yes." Then "no"`, []Kind{KindPunctSpacing, KindQuoteSpacing}},
		{"abbreviation", "the U. S. military", "the U.S. military", []Kind{KindAbbrevSpacing}},
		{"abbreviation 3", "the U. S. A. team", "the U.S.A. team", []Kind{KindAbbrevSpacing}},
		{"initials kept", "J. R. Smith spoke", "J. R. Smith spoke", nil},
		{"entity", "Tom &amp; Jerry&#8217;s", "Tom & Jerry’s", []Kind{KindEntity, KindEntity}},
		{"bare ampersand kept", "AT&T and R&D; fine", "AT&T and R&D; fine", nil},
		{"mojibake", "Itâ€™s â€œfineâ€\u009d", "It’s “fine”", []Kind{KindMojibake, KindMojibake, KindMojibake}},
		{"mojibake e acute", "cafÃ© au lait", "café au lait", []Kind{KindMojibake}},
		{"control", "a\x00b\x07c", "abc", []Kind{KindControl, KindControl}},
		{"invalid byte", "caf\xe9", "café", []Kind{KindEncoding}},
		{"punct spacing", "Yes , he did .", "Yes, he did.", []Kind{KindPunctSpacing, KindPunctSpacing}},
		{"decimal kept", "rate of .5 and file .txt", "rate of .5 and file .txt", nil},
		{"apostrophe s", "Russia s role and it s over", "Russia’s role and it’s over", []Kind{KindApostrophe, KindApostrophe}},
		{"apostrophe t", "I don t know, they re here", "I don’t know, they’re here", []Kind{KindApostrophe, KindApostrophe}},
		{"apostrophe straight", "it's Trump s plan", "it's Trump's plan", []Kind{KindApostrophe}},
		{"no false clitic", "plan B s and Mr. T is", "plan B s and Mr. T is", nil},
		{"missing space", "the media.Far left and example.com/Foo", "the media. Far left and example.com/Foo", []Kind{KindMissingSpace}},
		{"missing space after a colon", "From the pool report:Obama also mocked them; see https://x.org and 10:30:Ab.", "From the pool report: Obama also mocked them; see https://x.org and 10:30:Ab.", []Kind{KindMissingSpace}},
		{"missing space after a date", "(@realDonaldTrump) October 14, 2017The Democrats; in 2017Q3, 1,2017Ab", "(@realDonaldTrump) October 14, 2017 The Democrats; in 2017Q3, 1,2017Ab", []Kind{KindMissingSpace}},
		{"missing space before an acronym", "demand answers.FBI director James Comey said; see cnn.COM.", "demand answers. FBI director James Comey said; see cnn.COM.", []Kind{KindMissingSpace}},
		{"hyphen spacing", "the U. S. -led coalition and Iran -backed militias", "the U.S.-led coalition and Iran-backed militias", []Kind{KindAbbrevSpacing, KindHyphenSpacing, KindHyphenSpacing}},
		{"unchanged", "Plain text, nothing to do.", "Plain text, nothing to do.", nil},
		{"empty", "", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Clean(tt.in)
			if r.Clean != tt.want {
				t.Errorf("Clean(%q) = %q, want %q", tt.in, r.Clean, tt.want)
			}
			var kinds []Kind
			for _, rep := range r.Repairs {
				kinds = append(kinds, rep.Kind)
				if tt.in[rep.Start:rep.End] != rep.Before {
					t.Errorf("repair %+v: Before does not match original span %q", rep, tt.in[rep.Start:rep.End])
				}
			}
			if strings.Join(kindsStr(kinds), ",") != strings.Join(kindsStr(tt.kinds), ",") {
				t.Errorf("kinds = %v, want %v", kinds, tt.kinds)
			}
		})
	}
}

func kindsStr(k []Kind) []string {
	s := make([]string, len(k))
	for i := range k {
		s[i] = string(k[i])
	}
	return s
}

func TestGaps(t *testing.T) {
	tests := []struct {
		name string
		in   string
		gaps []string // "start-end:slot"
	}{
		{"name continuation", "“Caliph” Abu Bakr   had fled Mosul", []string{"21-24:name_continue"}},
		{"possessive", "Johnson described  ’s message as", []string{"17-19:possessive"}},
		{"possessive at line start", "  ’s message was clear", []string{"0-2:possessive"}},
		{"determiner", "treating the   message", []string{"12-15:after_determiner"}},
		{"before verb", "Officials and   said on Monday", []string{"13-16:after_preposition"}},
		{"subject", "Yesterday,   said the war", []string{"10-13:before_verb"}},
		{"sentence double space", "He left.  She stayed.", nil},
		{"indent", "  Indented paragraph.", nil},
		{"trailing", "end of line   \nnext", nil},
		{"table", "Team A          3", nil},
		{"single space before comma after preposition", "According to , he was wounded", []string{"12-13:after_preposition"}},
		{"line start lower case", "   said the group had fled", []string{"0-3:before_verb"}},
		{"stripped quote marks", "Conway appeared on  Fox & Friends  to lash out", []string{"18-20:stripped_quote_marks", "33-35:stripped_quote_marks"}},
		{"the most pairs first", "He appeared on  Fox & Friends  and  CNN  today",
			[]string{"14-16:stripped_quote_marks", "29-31:stripped_quote_marks", "34-36:stripped_quote_marks", "39-41:stripped_quote_marks"}},
		{"the shorter phrase is the quoted one", "beloved icon Prince Rogers Nelson   known simply as  Prince    suddenly died",
			[]string{"33-36:name_continue", "51-53:stripped_quote_marks", "59-63:stripped_quote_marks"}},
		{"quotes kept: names", "“No,” he said, and   told   he was wrong", []string{"22-25:after_preposition", "29-32:after_preposition"}},
		{"after quote", "“We will win,”   said on Tuesday", []string{"18-21:after_quote"}},
		{"stripped copyright sign", "Follow us. Copyright   2018 TRT World.", nil},
		{"closing mark before verb and speaker", "It has lost its luster,  said Erik Compton, a player.", []string{"23-25:stripped_quote_marks"}},
		{"closing mark before speaker and verb", "The Border Patrol knows this,  Trump wrote.", []string{"29-31:stripped_quote_marks"}},
		{"opening mark after a comma", "Jenner replied,  Would I be better inside?", []string{"15-17:stripped_quote_marks"}},
		{"mark before a title after a preposition", "he filled in on  Tonight with Don Lemon.", []string{"15-17:stripped_quote_marks"}},
		{"mark before a noun phrase after a preposition", "how to strip it from  a bunch of emails.", []string{"20-22:stripped_quote_marks"}},
		{"a tweet's handle after a stripped emoji", "Laura P   (@dsigningwmn) December 29, 2016", []string{"7-10:stripped_quote_marks"}},
		{"the listener cut after told", "The minister told   the newspaper that he would stay.", []string{"17-20:after_preposition"}},
		{"a comma ends the determiner's phrase", "He said “no” to that,  Scalia found it natural.", []string{"25-27:unknown"}},
		{"a comma ends the title's phrase", "He said “no” to the ambassador,  former detainee Adel said.", []string{"35-37:unknown"}},
		{"two spaces after a quotation that ends its sentence", "“It is personal.”  The poll had a margin of error.", nil},
		{"a name after the determiner", "He spoke with the  Washington Examiner on Monday.", []string{"17-19:unknown"}},
		{"a speaker after the verb, in any text", "“It was serious,” he said. The charges are serious,  said the spokesman, who declined.", []string{"55-57:stripped_quote_marks"}},
		{"spacing around an ellipsis", "“I went into  ... DACA,” Durbin said.", []string{"14-16:unknown"}},
		{"a name after a quotation", "“Time is not on our side,”  Justin Antonipillai, an official, said.", []string{"30-32:unknown"}},
		{"a quoted word is no possessive", "He said “no” to that  'script' tag.", []string{"24-26:after_determiner"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Clean(tt.in)
			var got []string
			for _, g := range r.Gaps {
				got = append(got, itoa(g.Start)+"-"+itoa(g.End)+":"+string(g.Slot))
				if strings.TrimSpace(tt.in[g.Start:g.End]) != "" {
					t.Errorf("gap span %q is not whitespace", tt.in[g.Start:g.End])
				}
			}
			if strings.Join(got, " ") != strings.Join(tt.gaps, " ") {
				t.Errorf("gaps = %v, want %v", got, tt.gaps)
			}
		})
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

// TestGapsInTextThatLostApostrophes: a text whose apostrophes were
// stripped ("That s", "don t") lost its other marks too, so a gap after a
// name is a name cut short only before a verb.
func TestGapsInTextThatLostApostrophes(t *testing.T) {
	tests := []struct {
		in       string
		nameSlot bool
	}{
		{"That s why Bill O Reilly was named in Andrea Tantaros  lawsuit last year.", false},
		{"That s how “Caliph” Abu Bakr   had fled Mosul.", true},
		{"We don t know whether Fancy Bear  had infected it.", true},
		// apostrophes kept: no reason to doubt the gap
		{"That’s why he was named in Andrea Tantaros  lawsuit last year.", true},
	}
	for _, tt := range tests {
		r := Clean(tt.in)
		if len(r.Gaps) != 1 || r.Gaps[0].Slot != SlotNameContinue {
			t.Fatalf("%q: gaps %+v, want one name_continue", tt.in, r.Gaps)
		}
		if r.Gaps[0].NameSlot != tt.nameSlot {
			t.Errorf("%q: name slot %v, want %v", tt.in, r.Gaps[0].NameSlot, tt.nameSlot)
		}
	}
}

func TestStrippedQuotationMarks(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"closing before the speaker and verb",
			"Paxton told clerks to defy the ruling.  I will do everything I can for their rights,  Paxton vowed a day later. It was a  big  day.",
			"Paxton told clerks to defy the ruling. “I will do everything I can for their rights,” Paxton vowed a day later. It was a  big  day."},
		{"verb before the speaker",
			"The toll rose.  We buried six today,  said Abu Ahmed, a medic.",
			"The toll rose. “We buried six today,” said Abu Ahmed, a medic."},
		{"opened by a colon",
			"Merkley says via Twitter:  Not only is this a stolen seat, it is an outrage.  Later he left the  event.",
			"Merkley says via Twitter: “Not only is this a stolen seat, it is an outrage.” Later he left the  event."},
		{"an opening lost with a paragraph break",
			"He was charged last year. Attorney General Paxton has a right to disagree with the court,  Rodriguez told Reuters.",
			"He was charged last year. “Attorney General Paxton has a right to disagree with the court,” Rodriguez told Reuters."},
		{"one quotation closes and the next opens",
			"He added:  We will win.   Nobody can stop us,  he said.",
			"He added: “We will win.” “Nobody can stop us,” he said."},
		{"a quotation over two paragraphs",
			"The statement read:\n We have acted within the law.\n We will say no more,  the ministry said.",
			"The statement read:\n“We have acted within the law.\n“We will say no more,” the ministry said."},
		{"scare quotes are no quotation",
			"They called it  fake news  and left. Nobody knew why,  he wrote.",
			"They called it  fake news  and left. “Nobody knew why,” he wrote."},
		{"a long quotation does not close after a bare word",
			"A source said:  They sold only 50 tickets, so they opened it to men. The event began at noon, but she arrived at one in  a blue jacket.  Later she spoke.",
			"A source said: “They sold only 50 tickets, so they opened it to men. The event began at noon, but she arrived at one in  a blue jacket.” Later she spoke."},
		{"a text with quotation marks is left alone",
			"“Yes,” he said.  I am here,  she said.",
			"“Yes,” he said.  I am here,  she said."},
		{"two spaces between every sentence are typography",
			"It rained.  The river rose.  People fled,  she said.  Nobody came back.",
			"It rained.  The river rose.  People fled,  she said.  Nobody came back."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Clean(tt.in)
			if r.Clean != tt.want {
				t.Errorf("Clean(%q)\n = %q\nwant %q", tt.in, r.Clean, tt.want)
			}
			for _, g := range r.Gaps {
				for _, rep := range r.Repairs {
					if rep.Kind == KindQuoteMarks && rep.Start >= g.Start && rep.Start < g.End && g.Slot != SlotQuoteMarks {
						t.Errorf("gap %+v holds a mark put back but is slotted %s", g, g.Slot)
					}
				}
			}
			for _, rep := range r.Repairs {
				if rep.Kind != KindQuoteMarks {
					continue
				}
				if tt.in[rep.Start:rep.End] != rep.Before || strings.Trim(rep.Before, " ") != "" {
					t.Errorf("repair %+v: Before must be the space (or nothing) the mark took", rep)
				}
				if c := r.Map.Start(strings.Index(r.Clean, rep.After)); c < 0 || c > len(tt.in) {
					t.Errorf("mark %+v maps out of the text", rep)
				}
			}
		})
	}
}

// TestWordScanners checks the word readers the gap finder uses against
// their definitions by strings.Fields.
func TestWordScanners(t *testing.T) {
	inputs := []string{
		"", " ", "one", "  one  two three   four ", "a\u00a0b\u2003c d", "line one\nline two three",
		"first\r\nsecond", "Abu Bakr   had fled", "x" + strings.Repeat(" word", 60), "ünï cödé   wörds  ",
		strings.Repeat("é", 100) + " tail words here",
	}
	for _, s := range inputs {
		for _, n := range []int{1, 3, 12} {
			// lastWords / firstWords: the last / first n fields of the
			// line they read
			want := strings.Fields(lastLine(s))
			want = want[max(len(want)-n, 0):]
			if got := lastWords(s, n); !slices.Equal(got, want) {
				t.Errorf("lastWords(%q, %d) = %q, want %q", s, n, got, want)
			}
			want = strings.Fields(firstLine(s))
			want = want[:min(n, len(want))]
			if got := firstWords(s, n); !slices.Equal(got, want) {
				t.Errorf("firstWords(%q, %d) = %q, want %q", s, n, got, want)
			}
			words := len(strings.Fields(s))
			if strings.ContainsAny(s, "\n\r") || words > n {
				words = n + 1
			}
			if got := lineWords(s, n); got != words {
				t.Errorf("lineWords(%q, %d) = %d, want %d", s, n, got, words)
			}
		}
	}
}
