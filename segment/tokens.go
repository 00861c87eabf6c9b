// Package segment splits news text into tokens and sentences, with byte
// offsets. Tokens come from Unicode word boundaries (UAX #29, through
// github.com/clipperhouse/uax29), adjusted for news: hyphenated words,
// abbreviations and initials keep their periods, and possessive ’s is a
// token of its own. Sentences are found by rules over those tokens that
// know titles, abbreviations, initials, decimals, ellipses, quotations,
// parentheses, headlines and datelines.
package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/words"
)

// Kind classifies a token.
type Kind uint8

// Token kinds.
const (
	Word   Kind = iota // letters, possibly with digits, hyphens, apostrophes or inner periods
	Number             // digits, possibly with , . separators
	Punct              // punctuation, including quotation marks
	Symbol             // currency, math and other symbols, emoji
)

func (k Kind) String() string {
	switch k {
	case Word:
		return "word"
	case Number:
		return "number"
	case Punct:
		return "punct"
	}
	return "symbol"
}

// Token is a span of text. Start and End are byte offsets into the text
// given to Tokenize; Text is text[Start:End]. Newline tells that a line
// break precedes the token, Blank that an empty line does.
type Token struct {
	Text       string
	Start, End int
	Kind       Kind
	Newline    bool
	Blank      bool
}

var hyphenJoin = &words.Joiners[string]{Middle: []rune{'-', '‐', '‑'}}

// Tokenize splits text into tokens, skipping white space.
func Tokenize(text string) []Token {
	toks := make([]Token, 0, len(text)/5+1)
	it := words.FromString(text)
	it.Joiners(hyphenJoin)
	newlines := 0
	for it.Next() {
		v := it.Value()
		start := it.Start()
		r, _ := utf8.DecodeRuneInString(v)
		if unicode.IsSpace(r) && strings.TrimSpace(v) == "" {
			newlines += strings.Count(v, "\n")
			if newlines == 0 {
				newlines += strings.Count(v, "\r") // old Mac line ends
			}
			continue
		}
		t := Token{Text: v, Start: start, End: it.End(), Kind: kindOf(v), Newline: newlines > 0 || start == 0, Blank: newlines > 1}
		newlines = 0
		toks = appendToken(toks, t, text)
	}
	return toks
}

// appendToken adds t, merging it with or splitting it from the tokens
// before it where news conventions differ from UAX #29.
func appendToken(toks []Token, t Token, text string) []Token {
	n := len(toks)
	if n > 0 && t.Text == "." && toks[n-1].End == t.Start && toks[n-1].Kind == Word && keepsPeriod(toks[n-1].Text) {
		// "Mr" + "." → "Mr.", "U.S" + "." → "U.S.", "J" + "." → "J."
		toks[n-1].End = t.End
		toks[n-1].Text = text[toks[n-1].Start:t.End]
		return toks
	}
	if n > 0 && toks[n-1].End == t.Start && toks[n-1].Kind == Punct && isRunPunct(t.Text) && isRunPunct(toks[n-1].Text) {
		// "..." "?!" "!!" as one token
		toks[n-1].End = t.End
		toks[n-1].Text = text[toks[n-1].Start:t.End]
		return toks
	}
	if t.Kind == Word {
		// possessive ’s / 's as its own token (as in Penn Treebank / CoNLL)
		for _, suf := range [...]string{"’s", "'s", "’S", "'S"} {
			if len(t.Text) > len(suf) && strings.HasSuffix(t.Text, suf) {
				cut := t.End - len(suf)
				head := Token{Text: text[t.Start:cut], Start: t.Start, End: cut, Kind: Word, Newline: t.Newline, Blank: t.Blank}
				tail := Token{Text: text[cut:t.End], Start: cut, End: t.End, Kind: Word}
				return append(toks, head, tail)
			}
		}
	}
	return append(toks, t)
}

// keepsPeriod reports whether a word takes a following period as part of
// itself: known abbreviations and titles, single-letter initials, and
// dotted acronyms such as U.S or a.m.
func keepsPeriod(w string) bool {
	if strings.IndexByte(w, '.') > 0 {
		return true // U.S, a.m, e.g
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsLetter(r)
	}
	return abbreviationClass(w) != 0
}

func kindOf(s string) Kind {
	r, _ := utf8.DecodeRuneInString(s)
	switch {
	case unicode.IsLetter(r) || r == '_':
		return Word
	case unicode.IsDigit(r):
		for _, c := range s {
			if unicode.IsLetter(c) {
				return Word // 1990s, 3rd, F-16 style mixes
			}
		}
		return Number
	case unicode.IsPunct(r):
		if len(s) > utf8.RuneLen(r) { // e.g. "'s" joined, "-based"
			for _, c := range s[utf8.RuneLen(r):] {
				if unicode.IsLetter(c) || unicode.IsDigit(c) {
					return Word
				}
			}
		}
		return Punct
	}
	return Symbol
}

// isRunPunct reports whether s consists of . ! ? only.
func isRunPunct(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '.' && s[i] != '!' && s[i] != '?' {
			return false
		}
	}
	return s != ""
}
