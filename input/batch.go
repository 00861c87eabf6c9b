package input

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/siftnews/sift"
	"github.com/siftnews/sift/repair"
)

// lineSource reads lines (with their line ends) from a buffered reader,
// with lines pushed back after a resynchronisation served first.
type lineSource struct {
	br      *bufio.Reader
	pending []string
	line    int // lines handed out so far
	max     int64
}

// next returns the next line. A line longer than max is consumed and
// reported as tooLong, without being held in memory.
func (s *lineSource) next() (line string, tooLong bool, err error) {
	if len(s.pending) > 0 {
		line, s.pending = s.pending[0], s.pending[1:]
		s.line++
		return line, false, nil
	}
	var b strings.Builder
	for {
		frag, err := s.br.ReadSlice('\n')
		if int64(b.Len()+len(frag)) <= s.max {
			b.Write(frag)
		} else {
			tooLong = true
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil && (b.Len() > 0 || tooLong) {
			s.line++
			return b.String(), tooLong, nil
		}
		if err != nil {
			return "", false, err
		}
		s.line++
		return b.String(), tooLong, nil
	}
}

func (s *lineSource) pushBack(lines []string) {
	s.pending = append(append([]string(nil), lines...), s.pending...)
	s.line -= len(lines)
}

// csvReader streams a CSV or TSV file with a header row. Quoted fields may
// span lines; a record whose quote never closes (within the size limit or
// before the end of the file) is reported and reading resumes on the line
// after the one it started on.
type csvReader struct {
	src    *lineSource
	origin string
	comma  rune
	tsv    bool
	cols   map[string]int
	ncols  int
	record int
}

// batchReader is implemented by the streaming readers, which own the file.
type batchReader struct {
	Reader
	closer io.Closer
}

func newCSVReader(r io.Reader, origin string, tsv bool, opt Options) (Reader, error) {
	c := &csvReader{
		src:    &lineSource{br: bufio.NewReaderSize(r, 64<<10), max: opt.maxBytes()},
		origin: origin, comma: ',', tsv: tsv,
	}
	if tsv {
		c.comma = '\t'
	}
	var header []string
	for header == nil {
		rec, line, err := c.logical()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil, fmt.Errorf("%s: %w", origin, ErrEmpty)
			}
			return nil, fmt.Errorf("%s: header (line %d): %w", origin, line, err)
		}
		if strings.TrimSpace(rec) == "" {
			continue
		}
		header, err = c.fields(rec)
		if err != nil {
			return nil, fmt.Errorf("%s: header (line %d): %w", origin, line, err)
		}
	}
	rec, _ := repair.Decode([]byte(strings.Join(header, "\x1f")))
	header = strings.Split(rec, "\x1f")
	cols, err := resolveColumns(header, opt.Columns)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", origin, err)
	}
	c.cols, c.ncols = cols, len(header)
	return &batchReader{Reader: c}, nil
}

func (b *batchReader) Close() error {
	if b.closer != nil {
		return b.closer.Close()
	}
	return nil
}

// logical returns the next logical record (one or more physical lines) and
// the line it starts on.
func (c *csvReader) logical() (string, int, error) {
	first, tooLong, err := c.src.next()
	if err != nil {
		return "", c.src.line + 1, err
	}
	start := c.src.line
	if tooLong {
		return "", start, fmt.Errorf("%w: line longer than %d bytes", ErrTooLarge, c.src.max)
	}
	if c.tsv || strings.Count(first, `"`)%2 == 0 {
		return first, start, nil
	}
	lines := []string{first}
	size := int64(len(first))
	quotes := strings.Count(first, `"`)
	for quotes%2 == 1 {
		l, tooLong, err := c.src.next()
		if err != nil || tooLong || size+int64(len(l)) > c.src.max {
			// Unterminated quote: give back every line after the first.
			if err == nil {
				lines = append(lines, l)
			}
			c.src.pushBack(lines[1:])
			return "", start, fmt.Errorf("%w: quoted field opened on line %d never closes", ErrBadRecord, start)
		}
		lines = append(lines, l)
		size += int64(len(l))
		quotes += strings.Count(l, `"`)
	}
	return strings.Join(lines, ""), start, nil
}

// fields splits one logical record, strictly first and leniently (bare
// quotes inside unquoted fields) if that fails.
func (c *csvReader) fields(rec string) ([]string, error) {
	var lastErr error
	for _, lazy := range []bool{c.tsv, true} {
		r := csv.NewReader(strings.NewReader(rec))
		r.Comma = c.comma
		r.FieldsPerRecord = -1
		r.LazyQuotes = lazy
		r.ReuseRecord = false
		f, err := r.Read()
		if err == nil {
			return f, nil
		}
		if errors.Is(err, io.EOF) {
			return []string{}, nil
		}
		lastErr = err
	}
	return nil, fmt.Errorf("%w: %w", ErrBadRecord, lastErr)
}

func (c *csvReader) Next() (*sift.Document, error) {
	for {
		rec, line, err := c.logical()
		if errors.Is(err, io.EOF) {
			return nil, io.EOF
		}
		if err == nil && strings.TrimSpace(rec) == "" {
			continue // blank line between records
		}
		c.record++
		if err != nil {
			return nil, &RecordError{Origin: c.origin, Record: c.record, Line: line, Err: err}
		}
		f, err := c.fields(rec)
		if err != nil {
			return nil, &RecordError{Origin: c.origin, Record: c.record, Line: line, Err: err}
		}
		d := &sift.Document{Origin: fmt.Sprintf("%s:%d", c.origin, line)}
		var reps []repair.Repair
		for field, i := range c.cols {
			if i >= len(f) {
				continue
			}
			v := f[i]
			if field == "text" {
				v, reps = repair.Decode([]byte(v))
			} else {
				v, _ = repair.Decode([]byte(v))
			}
			setField(d, field, v)
		}
		d.Repairs = reps
		if c.cols["text"] >= len(f) {
			return nil, &RecordError{Origin: c.origin, Record: c.record, Line: line,
				Err: fmt.Errorf("%w: %d fields, text is column %d of %d", ErrBadRecord, len(f), c.cols["text"]+1, c.ncols)}
		}
		if strings.TrimSpace(d.Text) == "" {
			return nil, &RecordError{Origin: c.origin, Record: c.record, Line: line, Err: fmt.Errorf("%w: empty text%s", ErrEmpty, idNote(d))}
		}
		if d.ID == "" {
			d.ID = fmt.Sprint(c.record)
		}
		return d, nil
	}
}

func idNote(d *sift.Document) string {
	if d.ID != "" {
		return " (id " + d.ID + ")"
	}
	return ""
}

func (c *csvReader) Close() error { return nil }

// jsonlReader streams JSON Lines: one object per line.
type jsonlReader struct {
	src    *lineSource
	origin string
	record int
	user   map[string]string
}

func newJSONLReader(r io.Reader, origin string, opt Options) (Reader, error) {
	return &batchReader{Reader: &jsonlReader{
		src: &lineSource{br: bufio.NewReaderSize(r, 64<<10), max: opt.maxBytes()}, origin: origin, user: opt.Columns,
	}}, nil
}

func (j *jsonlReader) Next() (*sift.Document, error) {
	for {
		l, tooLong, err := j.src.next()
		if err != nil {
			return nil, io.EOF
		}
		line := j.src.line
		if !tooLong && strings.TrimSpace(l) == "" {
			continue
		}
		j.record++
		fail := func(err error) (*sift.Document, error) {
			return nil, &RecordError{Origin: j.origin, Record: j.record, Line: line, Err: err}
		}
		if tooLong {
			return fail(fmt.Errorf("%w: line longer than %d bytes", ErrTooLarge, j.src.max))
		}
		text, reps := repair.Decode([]byte(l))
		var m map[string]any
		if err := json.Unmarshal([]byte(text), &m); err != nil {
			return fail(fmt.Errorf("%w: %w", ErrBadRecord, err))
		}
		d, err := docFromMap(m, j.user)
		if err != nil {
			return fail(err)
		}
		if strings.TrimSpace(d.Text) == "" {
			return fail(fmt.Errorf("%w: empty text%s", ErrEmpty, idNote(d)))
		}
		if len(reps) > 0 {
			// the line was re-decoded; the text field inherits no offsets
			// from it, so note the decoding without positions
			d.Repairs = []repair.Repair{{Kind: repair.KindEncoding, Before: "non-UTF-8 bytes in line", After: "Windows-1252 decoded"}}
		}
		d.Origin = fmt.Sprintf("%s:%d", j.origin, line)
		if d.ID == "" {
			d.ID = fmt.Sprint(j.record)
		}
		return d, nil
	}
}

func (j *jsonlReader) Close() error { return nil }
