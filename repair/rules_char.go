package repair

import (
	"html"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// controlRule removes NUL and other control characters (keeping tab,
// newline and carriage return), stray byte-order marks and invalid UTF-8
// bytes that reached this stage, and turns Unicode line and paragraph
// separators into newlines.
func controlRule(text string, emit func(edit)) {
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			emit(edit{start: i, end: i + 1, repl: decodeByte(text[i]), kind: KindEncoding})
		case r == '\u2028' || r == '\u2029':
			emit(edit{start: i, end: i + n, repl: "\n", kind: KindLineSeparators})
		case (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0x7f || r == '\uFEFF':
			emit(edit{start: i, end: i + n, kind: KindControl})
		case r >= 0x80 && r <= 0x9f:
			// C1 controls: only when not part of a mojibake sequence, which
			// mojibakeRule claims first because it starts earlier.
			emit(edit{start: i, end: i + n, kind: KindControl})
		}
		i += n
	}
}

// entityRule decodes HTML character references (&amp; &#8217; &#x2019;
// &nbsp;) left in text by scraping.
func entityRule(text string, emit func(edit)) {
	for i := 0; i < len(text); i++ {
		if text[i] != '&' {
			continue
		}
		j := i + 1
		limit := min(len(text), i+34)
		for j < limit && text[j] != ';' && text[j] != '&' && text[j] != ' ' {
			j++
		}
		if j >= limit || text[j] != ';' || j == i+1 {
			continue
		}
		ref := text[i : j+1]
		dec := html.UnescapeString(ref)
		if dec == ref || !utf8.ValidString(dec) {
			continue
		}
		if dec == "\u00a0" {
			dec = " "
		}
		emit(edit{start: i, end: j + 1, repl: dec, kind: KindEntity})
		i = j
	}
}

// cp1252Byte maps a rune produced by decoding a byte as Windows-1252 (or as
// Latin-1, for the five bytes Windows-1252 leaves undefined) back to that
// byte. It is built once and never modified.
var cp1252Byte = func() map[rune]byte {
	m := make(map[rune]byte, 128)
	dec := charmap.Windows1252
	for b := 0x80; b <= 0xff; b++ {
		r := dec.DecodeByte(byte(b))
		if r == utf8.RuneError || r == '\uFFFD' {
			r = rune(b)
		}
		m[r] = byte(b)
		if _, ok := m[rune(b)]; !ok {
			m[rune(b)] = byte(b)
		}
	}
	return m
}()

// mojibakeRule undoes UTF-8 that was decoded as Windows-1252: a lead
// character (Â…ô) followed by the right number of characters that map to
// UTF-8 continuation bytes, and that together decode to one non-ASCII rune.
func mojibakeRule(text string, emit func(edit)) {
	var buf [4]byte
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r < 0xC2 || r > 0xF4 {
			i += n
			continue
		}
		need := 1
		if r >= 0xE0 {
			need = 2
		}
		if r >= 0xF0 {
			need = 3
		}
		buf[0] = byte(r)
		j := i + n
		ok := true
		for k := 1; k <= need; k++ {
			if j >= len(text) {
				ok = false
				break
			}
			c, cn := utf8.DecodeRuneInString(text[j:])
			b, found := cp1252Byte[c]
			if !found || b < 0x80 || b > 0xBF {
				ok = false
				break
			}
			buf[k] = b
			j += cn
		}
		if ok {
			dr, dn := utf8.DecodeRune(buf[:need+1])
			if dr != utf8.RuneError && dn == need+1 && dr >= 0x80 {
				emit(edit{start: i, end: j, repl: string(dr), kind: KindMojibake})
				i = j
				continue
			}
		}
		i += n
	}
}
