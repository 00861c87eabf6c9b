package repair

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quotation marks stripped the way ISOT's fake half lost them: each mark
// became a space, so an opening mark left two spaces before the quotation
// (`as well.  I will do …`) and a closing one two spaces after it (`… of
// their rights,  Paxton vowed`), one after the other three (`… today.   We
// will …`), or a space at a paragraph's start or end. markSites finds those
// places in a text the gap finder judged stripped and decides which mark
// stood at each, reading the text from left to right with a quotation
// either open or not:
//
//   - outside a quotation, a site before a word opens one;
//   - inside, a site after punctuation closes it, or after a word if the
//     quotation is short (a phrase: `called it  a disgrace  and`), unless
//     the site plainly opens one (after a colon or a verb of saying): then
//     the quotation opened before was a false start and this one opens
//     instead;
//   - a closing site followed by an attribution (`,  said Smith`, `,  Trump
//     wrote`) with no quotation open had its opening mark at the start of
//     its sentence (a paragraph break the text lost took that space), where
//     one is inserted;
//   - a quotation is put back only if something attributes it: its
//     opening follows a colon or a verb of saying, or the sentence that
//     attributed a quotation put back just before, or its closing precedes
//     an attribution, or three spaces (one mark closing, the next opening)
//     or a paragraph's opening space mark it; and only if it closes in its
//     paragraph, or runs to its end when the next paragraph opens with a
//     mark (a quotation over several paragraphs has no closing mark before
//     each break), and is at most maxQuoteWords long.
//
// Sites at gaps that look like a cut name (NameSlot) are never marks.

// maxQuoteWords bounds a restored quotation; maxAttributionWords the
// attribution after one, before a quotation that goes on with it.
const (
	maxQuoteWords       = 250
	maxAttributionWords = 12
	// maxBareWords bounds a quotation that closes after a word, with no
	// punctuation before its mark
	maxBareWords = 12
)

// markScan is the state of markSites' reading.
type markScan struct {
	out      []edit
	open     int  // offset of the pending opening mark's space, or -1
	openPara int  // its paragraph
	openWord int  // words before it in its paragraph
	anchored bool // the pending quotation is attributed
	para     int  // paragraph being read
	words    int  // words read in it
	// the paragraph and word count of the last closing mark put back
	closedPara, closedWord int
	// where the sentence being read starts and the words before it (-1:
	// not since the last mark)
	sentStart, sentWords int
}

func (m *markScan) opening(at int, anchored bool) {
	m.open, m.openPara, m.openWord, m.anchored = at, m.para, m.words, anchored
}

// closing closes the pending quotation at the space at, putting back
// both its marks if it is attributed (by itself or by anchored) and of a
// quotation's length; with at < 0 the quotation runs on past its
// paragraph and only the opening mark is put back.
func (m *markScan) closing(at int, anchored bool) {
	if m.open < 0 {
		return
	}
	quoted := m.words - m.openWord
	if m.openPara != m.para {
		quoted = m.words
	}
	if (m.anchored || anchored) && quoted >= 1 && quoted <= maxQuoteWords {
		m.out = append(m.out, edit{start: m.open, end: m.open + 1, repl: "“", kind: KindQuoteMarks})
		if at >= 0 {
			m.out = append(m.out, edit{start: at, end: at + 1, repl: "”", kind: KindQuoteMarks})
			m.closedPara, m.closedWord = m.para, m.words
		}
	}
	m.open = -1
	m.sentStart = -1
}

// markSites returns the restored marks as edits. nameGaps holds the clean
// spans of gaps that may be cut names.
func markSites(text string, nameGaps [][2]int) []edit {
	// sites are asked about in text order, and nameGaps is in text order
	k := 0
	isName := func(s int) bool {
		for k < len(nameGaps) && nameGaps[k][1] <= s {
			k++
		}
		return k < len(nameGaps) && s >= nameGaps[k][0]
	}
	// a text that puts two spaces after every sentence does so after a
	// quotation's last sentence too: there the spacing tells nothing
	typographic := sentenceSpacing(text)
	m := &markScan{open: -1, sentStart: -1, closedPara: -1}
	if wordStartAt(text, 0) {
		m.sentStart = 0
	}
	inWord := false
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\n' || c == '\r' {
			if m.open >= 0 {
				j := i
				for j < len(text) && (text[j] == '\n' || text[j] == '\r') {
					j++
				}
				if j+1 < len(text) && text[j] == ' ' && wordStartAt(text, j+1) && m.words > m.openWord {
					m.closing(-1, false) // the next paragraph's opening mark goes on with it
				} else {
					m.open = -1
				}
			}
			m.para++
			m.words = 0
			inWord = false
			m.sentStart = -1
			if i+1 < len(text) && wordStartAt(text, i+1) {
				m.sentStart, m.sentWords = i+1, 0
			}
			continue
		}
		if c != ' ' {
			if !inWord {
				m.words++
			}
			inWord = true
			continue
		}
		inWord = false
		j := i
		for j < len(text) && text[j] == ' ' {
			j++
		}
		if i > 0 && strings.IndexByte(".?!:", text[i-1]) >= 0 && j < len(text) && wordStartAt(text, j) {
			m.sentStart, m.sentWords = j, m.words
		}
		lineStart := i == 0 || text[i-1] == '\n' || text[i-1] == '\r'
		lineEnd := j == len(text) || text[j] == '\n' || text[j] == '\r'
		n := j - i
		switch {
		case lineStart && n == 1 && !lineEnd && wordStartAt(text, j):
			// " WALLACE: …": a paragraph opening with a mark
			m.opening(i, true)
		case lineEnd && n == 1 && i > 0 && strings.IndexByte(".?!,", text[i-1]) >= 0:
			m.closing(i, false)
		case lineStart || lineEnd || isName(i):
		case n == 3 && strings.IndexByte(".?!", text[i-1]) >= 0 && wordStartAt(text, j):
			// "… today.   We will": one quotation closes (if one is open)
			// and the next opens
			if m.open >= 0 && m.openPara == m.para {
				m.closing(i, true)
			}
			m.opening(i+2, true)
		case n == 2 && !(typographic && strings.IndexByte(".?!", text[i-1]) >= 0):
			l, _ := utf8.DecodeLastRuneInString(text[:i])
			r, _ := utf8.DecodeRuneInString(text[j:])
			attrib := attributionAfter(text[j:]) && strings.ContainsRune(",?!.", l)
			intro := l == ':' || speechBefore(text[:i])
			switch {
			case m.open < 0 && attrib && l != '.':
				// a closing mark whose opening left no trace: the
				// quotation opens with its sentence, if that has a few words
				if m.sentStart >= 0 && m.words-m.sentWords >= 3 {
					m.out = append(m.out, edit{start: m.sentStart, end: m.sentStart, repl: "“", kind: KindQuoteMarks},
						edit{start: i, end: i + 1, repl: "”", kind: KindQuoteMarks})
					m.sentStart = -1
					m.closedPara, m.closedWord = m.para, m.words
				}
			case m.open < 0 && wordStartRune(r):
				// a quotation soon after one put back goes on with the same
				// speaker (“…,” said Tom Hadley, the chief engineer. “If …”)
				m.opening(i+1, intro || m.closedPara == m.para && m.words-m.closedWord <= maxAttributionWords && l == '.')
			case m.open >= 0 && intro && wordStartRune(r) && m.words-m.openWord > 3:
				m.opening(i+1, true) // the quotation opened before was a false start
			case m.open >= 0 && strings.ContainsRune(".,?!;:…—-)%", l),
				m.open >= 0 && (unicode.IsLetter(l) || unicode.IsDigit(l)) && m.words-m.openWord <= maxBareWords:
				// a quotation that closes with no punctuation before the
				// mark is a phrase ("called it  a disgrace  and"); a
				// long one ends a sentence
				m.closing(i, attrib)
			}
		}
		i = j - 1
	}
	return m.out
}

// wordStartAt reports a word starting at text[i].
func wordStartAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return wordStartRune(r)
}

// wordStartRune reports a rune a quotation can open with.
func wordStartRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("$(…-—[#@", r)
}

// attributionAfter reports text that opens with an attribution after a
// quotation: a verb of saying and its speaker ("said Smith", "said the
// spokesman") or a speaker of up to three words and the verb ("Trump
// wrote", "the senator said").
func attributionAfter(text string) bool {
	pos := 0
	for k := 0; k < 4; k++ {
		w, next := wordAt(text, pos)
		if w == "" {
			return false
		}
		if k == 0 && next >= len(text) {
			return false // a verb needs a speaker after it, a speaker a verb
		}
		if speechVerb(strings.Trim(w, ".,;:!?")) {
			return true
		}
		if strings.ContainsAny(w, ".,;:!?") {
			return false
		}
		pos = next
	}
	return false
}

// wordAt returns the word starting at or after text[pos] (within its
// line) and the offset after it.
func wordAt(text string, pos int) (string, int) {
	for pos < len(text) && text[pos] == ' ' {
		pos++
	}
	end := pos
	for end < len(text) && text[end] != ' ' && text[end] != '\n' && text[end] != '\r' {
		end++
	}
	return text[pos:end], end
}

// speechVerb reports a verb of saying, in any case.
func speechVerb(w string) bool {
	if len(w) > 12 {
		return false
	}
	var buf [12]byte
	l := buf[:len(w)]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if isUpper(c) {
			c += 'a' - 'A'
		}
		l[i] = c
	}
	return quoteVerbs[string(l)] || introVerbs[string(l)]
}

// speechBefore reports text ending in a verb of saying, with or without a
// comma or period ("he said,", "Trump tweeted", "people say", "he said." —
// the next quotation of the same speaker).
func speechBefore(text string) bool {
	end := len(text)
	for end > 0 && text[end-1] == ' ' {
		end--
	}
	start := end
	for start > 0 && end-start <= 13 && text[start-1] != ' ' && text[start-1] != '\n' && text[start-1] != '\r' {
		start--
	}
	return speechVerb(strings.TrimRight(text[start:end], ",."))
}

// introVerbs introduce a quotation besides quoteVerbs.
var introVerbs = set("say", "saying", "tell", "telling", "write", "writing", "ask", "asking", "tweet", "tweets",
	"tweeting", "responded", "declared", "announced", "argued", "warned", "quipped", "joked", "exclaimed",
	"shouted", "yelled", "reads", "read", "chanted", "chanting", "screamed", "boasted", "admitted", "vowed",
	"promised", "claimed", "recalled", "conceded", "stressed", "insists", "explains", "notes", "argues",
	"warns", "adds", "recalls", "concluded", "remarked", "observed", "pointed", "acknowledged", "charged")

// sentenceSpacing reports a text that puts two spaces between sentences,
// nearly always (a stripped text has them only where quotations open or
// close).
func sentenceSpacing(text string) bool {
	one, two := 0, 0
	for i := 1; i+2 < len(text); i++ {
		if text[i] != ' ' {
			continue
		}
		switch text[i-1] {
		case '.', '?', '!':
		default:
			continue
		}
		switch {
		case isUpper(text[i+1]):
			one++
		case text[i+1] == ' ' && isUpper(text[i+2]):
			two++
		}
	}
	return two >= 3 && two > 4*one
}
