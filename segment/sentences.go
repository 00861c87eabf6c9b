package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is a span of text. Start and End are byte offsets; First and
// Last index its first token and one past its last in the token slice it
// was built from.
type Sentence struct {
	Start, End  int
	First, Last int
}

// Segment tokenizes text and splits it into sentences.
func Segment(text string) ([]Token, []Sentence) {
	toks := Tokenize(text)
	return toks, Sentences(text, toks)
}

// Sentences groups tokens of text into sentences. A line break ends a
// sentence (headlines, datelines and paragraphs stand alone) unless the text
// is hard-wrapped, where only an empty line does.
func Sentences(text string, toks []Token) []Sentence {
	if len(toks) == 0 {
		return nil
	}
	wrapped := hardWrapped(text)
	sents := make([]Sentence, 0, len(toks)/20+1)
	first := 0
	cut := func(last int) { // last is one past the final token
		if last > first {
			sents = append(sents, Sentence{Start: toks[first].Start, End: toks[last-1].End, First: first, Last: last})
		}
		first = last
	}
	for i := 0; i < len(toks); i++ {
		if i > first && toks[i].Newline && (!wrapped || toks[i].Blank) && !joinsAcrossLine(toks, i) {
			cut(i)
		}
		if !isTerminal(toks[i]) {
			continue
		}
		j := i + 1
		for j < len(toks) && toks[j].Start == toks[j-1].End && (isCloser(toks[j].Text) || isTerminal(toks[j]) && toks[j].Kind == Punct) {
			j++
		}
		if j >= len(toks) {
			i = j - 1
			continue
		}
		if endsSentence(toks, first, i, j) {
			cut(j)
		}
		i = j - 1
	}
	cut(len(toks))
	return sents
}

// joinsAcrossLine reports whether the line break before token i sits inside
// a sentence that must not be cut: after a title abbreviation ("Mr.\nSmith").
func joinsAcrossLine(toks []Token, i int) bool {
	p := toks[i-1]
	if p.Kind != Word || !strings.HasSuffix(p.Text, ".") {
		return false
	}
	return abbreviationClass(strings.TrimSuffix(p.Text, ".")) == abbrTitle
}

// isTerminal reports whether t can end a sentence: . ! ? … or a word that
// swallowed its final period (an abbreviation or initial).
func isTerminal(t Token) bool {
	if t.Kind == Punct {
		for _, r := range t.Text {
			if r != '.' && r != '!' && r != '?' && r != '…' {
				return false
			}
		}
		return true
	}
	return t.Kind == Word && len(t.Text) > 1 && t.Text[len(t.Text)-1] == '.'
}

func isCloser(s string) bool {
	switch s {
	case "”", "’", "\"", "'", ")", "]", "»", "›", "}":
		return true
	}
	return false
}

func isOpener(s string) bool {
	switch s {
	case "“", "‘", "\"", "'", "(", "[", "«", "‹", "—", "–":
		return true
	}
	return false
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// nextWord returns the first token from j on that is not an opening quote
// or bracket, and whether an opening quotation mark was skipped.
func nextWord(toks []Token, j int) (Token, bool) {
	opened := false
	for j < len(toks) && toks[j].Kind == Punct && isOpener(toks[j].Text) {
		if t := toks[j].Text; t != "(" && t != "[" {
			opened = true
		}
		j++
	}
	if j >= len(toks) {
		return Token{}, opened
	}
	return toks[j], opened
}

// endsSentence decides whether the terminal token i (with closers up to j)
// ends a sentence, looking at the token j that follows.
func endsSentence(toks []Token, first, i, j int) bool {
	t := toks[i]
	next, opened := nextWord(toks, j)
	if next.Text == "" {
		return true
	}
	if toks[j].Newline {
		return true
	}
	if t.Kind == Word { // abbreviation, initial or acronym with its period
		return abbrevEnds(toks, i, next, opened)
	}
	if t.Text == "." && i > 0 && toks[i-1].End == t.Start {
		p := toks[i-1]
		if p.Kind == Number && i-1 == first && len(p.Text) <= 3 {
			return false // a list marker: "1. Secure the border."
		}
		if p.Kind == Word && numberBefore[toLowerASCII(p.Text)] && next.Kind == Number {
			return false // "vol. 3", "pp. 12"
		}
	}
	switch {
	case startsLower(next.Text):
		return false
	case strings.ContainsAny(t.Text, "!?"):
		return true
	case t.Text == "." && i > 0 && toks[i-1].End == t.Start && toks[i-1].Kind == Number && next.Kind == Number:
		return true // "in 2003. 5 people"
	case t.Text == "." || strings.Contains(t.Text, "…") || strings.HasPrefix(t.Text, ".."):
		if next.Kind == Punct && !opened {
			if isBullet(toks[j].Text) && j+1 < len(toks) && startsUpper(toks[j+1].Text) {
				return true // ". * The next item", ". -- Newsroom"
			}
			return false // ". —", ". ,"
		}
		return startsUpper(next.Text) || next.Kind == Number || next.Kind == Symbol || opened
	}
	return true
}

// abbrevEnds decides whether the word token i, which ends in a period,
// ends the sentence.
func abbrevEnds(toks []Token, i int, next Token, opened bool) bool {
	t := toks[i]
	w := strings.TrimSuffix(t.Text, ".")
	if startsLower(next.Text) {
		return false
	}
	starter := sentenceStarters[next.Text] || opened
	if utf8.RuneCountInString(w) == 1 { // an initial: "George W. Bush", "Plan B. The"
		if i > 0 && !t.Newline && (toks[i-1].Kind == Number || toks[i-1].Kind == Symbol) {
			return startsUpper(next.Text) || opened // "45 °C. Power failed"
		}
		if i > 0 && (startsUpper(toks[i-1].Text) && toks[i-1].Kind == Word) {
			return false
		}
		return starter
	}
	lw := toLowerASCII(w)
	switch abbreviationClass(w) {
	case abbrTitle:
		if numberBefore[lw] {
			return next.Kind != Number && (startsUpper(next.Text) || opened)
		}
		return false
	case abbrMonth:
		return next.Kind != Number && starter
	case abbrState:
		return startsUpper(next.Text) || opened
	case abbrDay:
		return next.Kind != Number && !monthWords[next.Text] && (startsUpper(next.Text) || opened)
	case abbrGeneral:
		return starter
	}
	// Not a known abbreviation: a dotted acronym or domain ("U.S.",
	// "N.A.T.O.", "example.com.")
	if strings.IndexByte(w, '.') > 0 {
		return starter
	}
	return startsUpper(next.Text) || next.Kind == Number || opened
}

// hardWrapped reports whether text is wrapped at a fixed width, so that
// single line breaks are not paragraph ends: most lines are 50–100 bytes
// long and most do not end in sentence punctuation.
func hardWrapped(text string) bool {
	lines, mid, open := 0, 0, 0
	for len(text) > 0 && lines < 400 {
		k := strings.IndexByte(text, '\n')
		var line string
		if k < 0 {
			line, text = text, ""
		} else {
			line, text = text[:k], text[k+1:]
		}
		line = strings.TrimRight(line, " \t\r")
		if line == "" {
			continue
		}
		lines++
		if n := len(line); n >= 50 && n <= 100 {
			mid++
		}
		last, _ := utf8.DecodeLastRuneInString(line)
		if !strings.ContainsRune(".!?:”\"’')", last) {
			open++
		}
	}
	return lines >= 5 && mid*10 >= lines*7 && open*2 > lines
}

func isBullet(s string) bool {
	switch s {
	case "*", "•", "-", "--", "·", "▪":
		return true
	}
	return false
}
