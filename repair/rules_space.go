package repair

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func isASCIILetter(b byte) bool { return (b|0x20) >= 'a' && (b|0x20) <= 'z' }

// monthNames precede day numbers ("May 1, 200 people" is not 1,200).
var monthNames = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// wordBefore returns the word (letters only) that ends just before byte i,
// skipping spaces and one period.
func wordBefore(text string, i int) string {
	j := i
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '.') {
		j--
	}
	k := j
	for k > 0 && isASCIILetter(text[k-1]) {
		k--
	}
	return text[k:j]
}

// numberSpacingRule joins digit groups split by a tokenizer: "6, 000" →
// "6,000", "1, 200, 000" → "1,200,000". The group before the comma must have
// one to three digits and not be a day after a month name.
func numberSpacingRule(text string, emit func(edit)) {
	for i := 2; i+3 < len(text); i++ {
		if !splitGroupAt(text, i) {
			continue
		}
		j := i - 2
		for j > 0 && isDigit(text[j-1]) {
			j--
		}
		if i-1-j > 3 || (j > 0 && (isASCIILetter(text[j-1]) || text[j-1] == '.' || text[j-1] == ',')) {
			continue
		}
		if monthNames[strings.ToLower(wordBefore(text, j))] {
			continue // "May 1, 200 people"
		}
		// extend over further split groups: "1, 200, 000"
		end := i + 4
		for end+1 < len(text) && splitGroupAt(text, end+1) {
			end += 5
		}
		emit(edit{start: j, end: end, repl: strings.ReplaceAll(text[j:end], ", ", ","), kind: KindNumberSpacing})
		i = end
	}
}

// splitGroupAt reports whether the space at i splits a thousands group:
// "d, ddd" with no digit or letter after the three digits.
func splitGroupAt(text string, i int) bool {
	if i < 2 || i+3 >= len(text) {
		return false
	}
	if text[i] != ' ' || text[i-1] != ',' || !isDigit(text[i-2]) {
		return false
	}
	if !isDigit(text[i+1]) || !isDigit(text[i+2]) || !isDigit(text[i+3]) {
		return false
	}
	return i+4 >= len(text) || !(isDigit(text[i+4]) || isASCIILetter(text[i+4]))
}

// quoteSpacingRule removes the space a tokenizer put before a closing quote
// ("work. ”" → "work.”", "hello ”" → "hello”") or after an opening one
// ("“ I" → "“I"). A straight double quote counts as closing when it is the
// even-numbered one in its paragraph. Runs of two or more spaces are left
// alone: they are gaps, not tokenizer spaces.
func quoteSpacingRule(text string, emit func(edit)) {
	straight := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch c {
		case '\n':
			straight = 0
			continue
		case '"':
			straight++
			continue
		case ' ':
		default:
			continue
		}
		if i == 0 || i+1 >= len(text) || text[i-1] == ' ' || text[i+1] == ' ' {
			continue
		}
		next, _ := utf8.DecodeRuneInString(text[i+1:])
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		closingNext := next == '”' || (next == '"' && straight%2 == 1) ||
			(next == '’' && quoteEnds(text, i+1+len("’")))
		if closingNext && (unicode.IsLetter(prev) || unicode.IsDigit(prev) || strings.ContainsRune(".,!?;:…", prev)) {
			// A closing quote must end the quotation: followed by a
			// space, punctuation or the end, not by a letter.
			after := i + 1 + utf8.RuneLen(next)
			if after >= len(text) || !isWordByte(text[after]) {
				w := wordStart(text, i)
				emit(edit{start: w, end: after, repl: text[w:i] + text[i+1:after], kind: KindQuoteSpacing})
				continue
			}
		}
		if prev == '“' && (unicode.IsLetter(next) || unicode.IsDigit(next)) {
			e := wordEnd(text, i+1)
			emit(edit{start: i - len("“"), end: e, repl: "“" + text[i+1:e], kind: KindQuoteSpacing})
		}
	}
}

func isWordByte(b byte) bool { return isASCIILetter(b) || isDigit(b) || b >= 0x80 }

// quoteEnds reports whether position j (just after a ’) is the end of a
// quotation rather than a contraction or possessive.
func quoteEnds(text string, j int) bool {
	return j >= len(text) || text[j] == ' ' || text[j] == '\n' || strings.IndexByte(".,;:!?)", text[j]) >= 0
}

var joinableAbbrev = map[string]bool{
	"US": true, "UK": true, "UN": true, "EU": true, "DC": true, "USA": true, "NY": true, "LA": true,
	"UAE": true, "am": true, "pm": true, "AM": true, "PM": true,
}

// letterDot reports whether text[i:] starts with a lone letter and a
// period ("U." not preceded by another letter).
func letterDot(text string, i int) bool {
	return i+1 < len(text) && isASCIILetter(text[i]) && text[i+1] == '.' && (i == 0 || !isASCIILetter(text[i-1]) && text[i-1] != '.')
}

// abbrevSpacingRule joins abbreviations a tokenizer split: "U. S." →
// "U.S.", "a. m." → "a.m.". Only the listed ones are joined, so initials
// of names ("J. R. Smith") stay as written.
func abbrevSpacingRule(text string, emit func(edit)) {
	for i := 0; i+4 < len(text); i++ {
		if text[i+1] != '.' || text[i+2] != ' ' || !letterDot(text, i) {
			continue
		}
		if !isASCIILetter(text[i+3]) || text[i+4] != '.' {
			continue
		}
		end := i + 5
		letters := string([]byte{text[i], text[i+3]})
		if end+2 < len(text) && text[end] == ' ' && isASCIILetter(text[end+1]) && text[end+2] == '.' && joinableAbbrev[letters+string(text[end+1])] {
			letters += string(text[end+1])
			end += 3
		}
		if end < len(text) && isASCIILetter(text[end]) {
			continue
		}
		if !joinableAbbrev[letters] {
			continue
		}
		emit(edit{start: i, end: end, repl: strings.ReplaceAll(text[i:end], " ", ""), kind: KindAbbrevSpacing})
		i = end - 1
	}
}

// punctSpacingRule removes a single space a tokenizer put before
// punctuation: "word , word" → "word, word", "the end ." → "the end.".
func punctSpacingRule(text string, emit func(edit)) {
	for i := 1; i+1 < len(text); i++ {
		if text[i] != ' ' || strings.IndexByte(",.;:!?", text[i+1]) < 0 {
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		if !(unicode.IsLetter(prev) || unicode.IsDigit(prev) || prev == ')' || prev == '”' || prev == '%') {
			continue
		}
		k := i + 2
		if k < len(text) && text[k] != ' ' && text[k] != '\n' && text[k] != '\r' && text[k] != '"' &&
			!strings.HasPrefix(text[k:], "”") && !strings.HasPrefix(text[k:], "’") {
			continue // ".5", ",000" or a file name: not tokenizer spacing
		}
		if text[i+1] == '.' && k+1 < len(text) && text[k] == ' ' && text[k+1] == '.' {
			continue // spaced ellipsis ". . ."
		}
		if danglingBeforePunct(text[:i], text[i+1:]) {
			continue // "according to , he": a stripped name, reported as a gap
		}
		w := wordStart(text, i)
		emit(edit{start: w, end: i + 2, repl: text[w:i] + text[i+1:i+2], kind: KindPunctSpacing})
	}
}

// contractions lists, for each clitic left standing alone after its
// apostrophe was stripped, the words it attaches to. "s" attaches to any
// word (possessive or "it s"); the others only to the words listed.
var contractions = map[string]map[string]bool{
	"t": set("don", "can", "won", "isn", "aren", "wasn", "weren", "doesn", "didn", "hasn", "haven", "hadn",
		"couldn", "wouldn", "shouldn", "mustn", "ain", "needn"),
	"re": set("you", "we", "they", "who", "what", "there"),
	"ve": set("i", "you", "we", "they", "who", "could", "would", "should", "might", "must"),
	"ll": set("i", "you", "he", "she", "it", "we", "they", "that", "who", "there"),
	"m":  set("i"),
	"d":  set("i", "you", "he", "she", "we", "they"),
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// apostropheRule restores apostrophes that scraping stripped, leaving a
// clitic alone after a space: "Russia s" → "Russia’s", "don t" → "don’t".
// The apostrophe used is the one the text uses elsewhere (’ by default).
func apostropheRule(text string, emit func(edit)) {
	apos := "’"
	if strings.Count(text, "'") > strings.Count(text, "’") {
		apos = "'"
	}
	for i := 2; i+1 < len(text); i++ {
		if text[i] != ' ' || !isASCIILetter(text[i-1]) || !isASCIILetter(text[i+1]) {
			continue
		}
		k := i + 1
		for k < len(text) && isASCIILetter(text[k]) {
			k++
		}
		if k-(i+1) > 2 || (k < len(text) && (text[k] >= 0x80 || isDigit(text[k]) || text[k] == '\'' || text[k] == '-')) {
			continue
		}
		clitic := text[i+1 : k]
		j := i
		for j > 0 && isASCIILetter(text[j-1]) {
			j--
		}
		if j > 0 && (text[j-1] >= 0x80 || isDigit(text[j-1]) || text[j-1] == '\'' || text[j-1] == '-' || text[j-1] == '.') {
			continue
		}
		word := strings.ToLower(text[j:i])
		switch {
		case clitic == "s":
			if len(word) < 2 {
				continue
			}
		case contractions[clitic] != nil:
			if !contractions[clitic][word] {
				continue
			}
		default:
			continue
		}
		emit(edit{start: j, end: k, repl: text[j:i] + apos + clitic, kind: KindApostrophe})
	}
}

// missingSpaceRule restores the space scraping dropped between sentences
// ("the media.Far left" → "the media. Far left", "demand answers.FBI
// director" → "demand answers. FBI director", "From the White House pool
// report:Obama also" → "report: Obama also"): two lower-case letters, a
// period, question or exclamation mark or colon, then a capitalised word
// or an acronym of two to five capitals ending the word; or a date's year
// run into a capitalised word ("October 14, 2017The" → "2017 The").
// Domain names, abbreviations, times and URLs do not have that shape.
func missingSpaceRule(text string, emit func(edit)) {
	for i := 2; i+2 < len(text); i++ {
		c := text[i]
		if isDigit(c) && dateRunOn(text, i) {
			// "October 14, 2017The Democrats": a date that ended a
			// paragraph (an embedded tweet's signature) runs into the next
			emit(edit{start: i + 3, end: i + 4, repl: text[i+3:i+4] + " ", kind: KindMissingSpace})
			continue
		}
		if c != '.' && c != '?' && c != '!' && c != ':' {
			continue
		}
		if !isLower(text[i-1]) || !isLower(text[i-2]) || !isUpper(text[i+1]) || !isLower(text[i+2]) && !acronymAt(text, i+1) {
			continue
		}
		emit(edit{start: i, end: i + 1, repl: text[i:i+1] + " ", kind: KindMissingSpace})
	}
}

// dateRunOn reports a year at i, after a date's comma, run into a
// capitalised word: "14, 2017The".
func dateRunOn(text string, i int) bool {
	if i < 2 || i+5 >= len(text) || text[i-2] != ',' || text[i-1] != ' ' {
		return false
	}
	y := text[i : i+4]
	return (strings.HasPrefix(y, "19") || strings.HasPrefix(y, "20")) && isDigit(y[2]) && isDigit(y[3]) &&
		isUpper(text[i+4]) && isLower(text[i+5])
}

// acronymAt reports two to five capitals at i ending a word: "FBI" in
// "FBI director", not "CNN.com" or "USAToday".
func acronymAt(text string, i int) bool {
	j := i
	for j < len(text) && isUpper(text[j]) {
		j++
	}
	return j-i >= 2 && j-i <= 5 && (j == len(text) || text[j] == ' ' || text[j] == ',' || text[j] == '\n')
}

func isLower(b byte) bool { return b >= 'a' && b <= 'z' }
func isUpper(b byte) bool { return b >= 'A' && b <= 'Z' }

// wordStart returns the start of the run of non-space bytes ending at i.
func wordStart(text string, i int) int {
	j := i
	for j > 0 && text[j-1] != ' ' && text[j-1] != '\n' && text[j-1] != '\t' && i-j < 64 {
		j--
	}
	return j
}

// wordEnd returns the end of the run of non-space bytes starting at i.
func wordEnd(text string, i int) int {
	j := i
	for j < len(text) && text[j] != ' ' && text[j] != '\n' && text[j] != '\t' && j-i < 64 {
		j++
	}
	return j
}

// hyphenSuffixes are the second halves of compounds a tokenizer splits off
// ("U.S. -led" → "U.S.-led").
var hyphenSuffixes = set("led", "based", "backed", "born", "made", "run", "owned", "funded", "controlled",
	"held", "trained", "brokered", "style", "allied", "friendly", "linked", "affiliated", "dominated", "sponsored")

// hyphenSpacingRule rejoins a compound whose hyphenated second half a
// tokenizer split off: "U.S. -led" → "U.S.-led", "Iran -backed" →
// "Iran-backed".
func hyphenSpacingRule(text string, emit func(edit)) {
	for i := 1; i+2 < len(text); i++ {
		if text[i] != ' ' || text[i+1] != '-' || text[i-1] == ' ' || text[i-1] == '\n' {
			continue
		}
		k := i + 2
		for k < len(text) && isLower(text[k]) {
			k++
		}
		if !hyphenSuffixes[text[i+2:k]] || (k < len(text) && isASCIILetter(text[k])) {
			continue
		}
		w := wordStart(text, i)
		emit(edit{start: w, end: k, repl: text[w:i] + text[i+1:k], kind: KindHyphenSpacing})
	}
}
