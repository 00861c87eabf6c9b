package repair

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// decodeByte decodes one byte that is not part of valid UTF-8 as
// Windows-1252; the five bytes that code page leaves undefined become
// U+FFFD.
func decodeByte(b byte) string {
	r := charmap.Windows1252.DecodeByte(b)
	if r >= 0x80 && r <= 0x9f { // undefined in Windows-1252
		r = utf8.RuneError
	}
	return string(r)
}

// Decode turns raw input bytes into UTF-8 text. Valid UTF-8 is returned as
// it is (a leading byte-order mark removed); UTF-16 with a byte-order mark
// is transcoded; any other byte that is not valid UTF-8 is decoded as
// Windows-1252, the usual culprit, and each such run is reported as a
// KindEncoding repair. Offsets of the repairs are into the returned text,
// and Before holds the raw bytes written as \xNN escapes.
func Decode(b []byte) (string, []Repair) {
	var reps []Repair
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
		reps = append(reps, Repair{Kind: KindEncoding, Before: `\xEF\xBB\xBF`, After: ""})
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
		if out, err := dec.Bytes(b); err == nil {
			s := string(out)
			return s, []Repair{{Kind: KindEncoding, Start: 0, End: len(s), Before: "UTF-16", After: "UTF-8"}}
		}
	}
	if utf8.Valid(b) {
		return string(b), reps
	}
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/8)
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r != utf8.RuneError || n != 1 {
			sb.Write(b[i : i+n])
			i += n
			continue
		}
		start := sb.Len()
		var raw strings.Builder
		for i < len(b) {
			r, n = utf8.DecodeRune(b[i:])
			if r != utf8.RuneError || n != 1 {
				break
			}
			fmt.Fprintf(&raw, `\x%02X`, b[i])
			sb.WriteString(decodeByte(b[i]))
			i++
		}
		reps = append(reps, Repair{Kind: KindEncoding, Start: start, End: sb.Len(), Before: raw.String(), After: sb.String()[start:]})
	}
	return sb.String(), reps
}
