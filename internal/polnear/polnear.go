// Package polnear reads the PolNeAR attribution corpus (Newell, Margolin &
// Ruths 2018): article texts and brat stand-off annotations whose offsets
// are Unicode code points. Offsets are converted to byte offsets.
package polnear

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Span is a byte range [Start, End) of the article text.
type Span struct{ Start, End int }

// Attribution is one annotated attribution relation. Each part may be
// discontinuous (several spans); Source may be empty (no source given).
type Attribution struct {
	Source, Cue, Content []Span
}

// Article is one text and its attributions (one annotator's).
type Article struct {
	Name string
	// Annotator is the annotator's ID from the annotation file's name
	// (<article>_<annotator>.ann); empty when the name has none.
	Annotator string
	Text      string
	Attrs     []Attribution
}

// ErrFormat reports an annotation line that cannot be read.
var ErrFormat = errors.New("polnear: bad annotation")

// ReadSplit reads every article of a split directory (with text/ and
// attributions/ beneath it). Articles annotated by several annotators are
// read once, from the first annotation file in name order.
func ReadSplit(dir string) ([]Article, error) {
	all, err := ReadAnnotations(dir)
	if err != nil {
		return nil, err
	}
	var out []Article
	for i, a := range all {
		if i == 0 || a.Name != all[i-1].Name {
			out = append(out, a)
		}
	}
	return out, nil
}

// ReadAnnotations reads every annotation file of a split directory, in
// path order: an article annotated by several annotators comes once per
// annotator, the copies next to each other, sharing one text.
func ReadAnnotations(dir string) ([]Article, error) {
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil {
		return nil, err
	}
	if len(anns) == 0 {
		return nil, fmt.Errorf("polnear: no .ann files under %s", dir)
	}
	sort.Strings(anns)
	type file struct{ path, name, annotator string }
	fs := make([]file, len(anns))
	for i, ann := range anns {
		base := strings.TrimSuffix(filepath.Base(ann), ".ann")
		fs[i] = file{ann, base, ""}
		if k := strings.LastIndexByte(base, '_'); k > 0 {
			fs[i].name, fs[i].annotator = base[:k], base[k+1:]
		}
	}
	// articles in the order of their first file's path, each article's
	// files together
	first := map[string]int{}
	for i, f := range fs {
		if _, ok := first[f.name]; !ok {
			first[f.name] = i
		}
	}
	sort.SliceStable(fs, func(i, j int) bool { return first[fs[i].name] < first[fs[j].name] })
	texts := map[string]string{}
	var out []Article
	for _, f := range fs {
		ann, name, annotator := f.path, f.name, f.annotator
		text, ok := texts[name]
		if !ok {
			b, err := os.ReadFile(filepath.Join(dir, "text", name+".txt"))
			if err != nil {
				return nil, fmt.Errorf("polnear: %w", err)
			}
			text = string(b)
			texts[name] = text
		}
		a, err := readAnn(ann, text)
		if err != nil {
			return nil, err
		}
		a.Name, a.Annotator = name, annotator
		out = append(out, a)
	}
	return out, nil
}

func readAnn(path, text string) (Article, error) {
	art := Article{Text: text}
	f, err := os.Open(path)
	if err != nil {
		return art, fmt.Errorf("polnear: %w", err)
	}
	defer f.Close()
	// code point → byte offset
	cp := make([]int, 0, len(text)+1)
	for i := range text {
		cp = append(cp, i)
	}
	cp = append(cp, len(text))
	conv := func(n int) (int, bool) {
		if n < 0 || n >= len(cp) {
			return 0, false
		}
		return cp[n], true
	}
	spans := map[string][]Span{}
	type rel struct{ src, cue, content string }
	var rels []rel
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	line := 0
	for sc.Scan() {
		line++
		l := sc.Text()
		switch {
		case isID(l, 'T'):
			parts := strings.SplitN(l, "\t", 3)
			if len(parts) < 2 {
				return art, fmt.Errorf("%w: %s:%d", ErrFormat, path, line)
			}
			typ, rng, ok := strings.Cut(parts[1], " ")
			if !ok {
				return art, fmt.Errorf("%w: %s:%d", ErrFormat, path, line)
			}
			_ = typ
			var ss []Span
			for _, r := range strings.Split(rng, ";") {
				f := strings.Fields(r)
				if len(f) != 2 {
					return art, fmt.Errorf("%w: %s:%d: range %q", ErrFormat, path, line, r)
				}
				a, e1 := strconv.Atoi(f[0])
				b, e2 := strconv.Atoi(f[1])
				ba, ok1 := conv(a)
				bb, ok2 := conv(b)
				if e1 != nil || e2 != nil || !ok1 || !ok2 || ba > bb {
					return art, fmt.Errorf("%w: %s:%d: range %q", ErrFormat, path, line, r)
				}
				ss = append(ss, Span{ba, bb})
			}
			spans[parts[0]] = ss
		case isID(l, 'E'):
			parts := strings.SplitN(l, "\t", 2)
			if len(parts) < 2 {
				continue
			}
			var r rel
			for _, kv := range strings.Fields(parts[1]) {
				k, v, _ := strings.Cut(kv, ":")
				switch k {
				case "Source":
					r.src = v
				case "Cue":
					r.cue = v
				case "Content":
					r.content = v
				}
			}
			rels = append(rels, r)
		}
	}
	if err := sc.Err(); err != nil {
		return art, fmt.Errorf("polnear: %s: %w", path, err)
	}
	for _, r := range rels {
		a := Attribution{Source: spans[r.src], Cue: spans[r.cue], Content: spans[r.content]}
		if len(a.Cue) == 0 && len(a.Content) == 0 {
			continue
		}
		art.Attrs = append(art.Attrs, a)
	}
	return art, nil
}

// isID reports whether l starts with an annotation ID such as T12 and a
// tab; other lines (notes, surface text continued after a newline) are
// not annotations.
func isID(l string, kind byte) bool {
	if len(l) < 3 || l[0] != kind {
		return false
	}
	i := 1
	for i < len(l) && l[i] >= '0' && l[i] <= '9' {
		i++
	}
	return i > 1 && i < len(l) && l[i] == '\t'
}

// Hull is the smallest span covering ss (zero Span when empty).
func Hull(ss []Span) Span {
	if len(ss) == 0 {
		return Span{}
	}
	h := ss[0]
	for _, s := range ss[1:] {
		h.Start = min(h.Start, s.Start)
		h.End = max(h.End, s.End)
	}
	return h
}
