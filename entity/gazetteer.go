package entity

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
)

// Gazetteer is a set of name lists, each a category (countries, cities,
// people, …). Phrases are matched case-insensitively, longest first; the
// tagger reads where a token sits in a match (B, I, L or U) as a feature,
// so a list is evidence, never a verdict.
type Gazetteer struct {
	Categories []string
	phrases    map[uint64]uint32 // hash of lowercased tokens → category bits
	maxLen     int
}

// NewGazetteer makes an empty gazetteer with the given categories (≤ 32).
func NewGazetteer(categories ...string) *Gazetteer {
	return &Gazetteer{Categories: categories, phrases: map[uint64]uint32{}}
}

// Len is the number of distinct phrases.
func (g *Gazetteer) Len() int { return len(g.phrases) }

// Add puts a phrase (its words) in category c.
func (g *Gazetteer) Add(c int, words []string) {
	if len(words) == 0 || len(words) > 8 {
		return
	}
	h := feat(fGaz)
	for _, w := range words {
		h = hstr(h, lowerNum(normWord(w)))
	}
	g.phrases[h] |= 1 << c
	if len(words) > g.maxLen {
		g.maxLen = len(words)
	}
}

// AddName splits a name into words the way news text is tokenised and adds it.
func (g *Gazetteer) AddName(c int, name string) {
	name = strings.ReplaceAll(name, "_", " ")
	var words []string
	for _, f := range strings.Fields(name) {
		lead := ""
		for strings.HasPrefix(f, "(") {
			lead, f = lead+"(", f[1:]
		}
		var trail []string
		for len(f) > 1 && strings.ContainsAny(f[len(f)-1:], ",);:") {
			trail = append([]string{f[len(f)-1:]}, trail...)
			f = f[:len(f)-1]
		}
		if lead != "" {
			words = append(words, lead)
		}
		if f != "" {
			words = append(words, f)
		}
		words = append(words, trail...)
	}
	g.Add(c, words)
}

// mark sets each token's gazetteer positions, longest match first per
// category.
func (g *Gazetteer) mark(ts []tok) {
	nc := len(g.Categories)
	slab := make([]uint8, nc*len(ts))
	for i := range ts {
		ts[i].gaz = slab[i*nc : (i+1)*nc : (i+1)*nc]
	}
	var best [32]int
	covered := make([]int, nc)
	for i := range ts {
		h := feat(fGaz)
		for c := range nc {
			best[c] = 0
		}
		for l := 1; l <= g.maxLen && i+l <= len(ts); l++ {
			h = hstr(h, ts[i+l-1].lower)
			m := g.phrases[h]
			for c := 0; m != 0; c, m = c+1, m>>1 {
				if m&1 != 0 {
					best[c] = l
				}
			}
		}
		for c := range nc {
			l := best[c]
			if l == 0 || covered[c] > i {
				continue
			}
			covered[c] = i + l
			if l == 1 {
				ts[i].gaz[c] = 4
				continue
			}
			ts[i].gaz[c] = 1
			for j := i + 1; j < i+l-1; j++ {
				ts[j].gaz[c] = 2
			}
			ts[i+l-1].gaz[c] = 3
		}
	}
}

// Gazetteer categories built from Debian's data packages.
const (
	GazCountry = iota
	GazRegion
	GazLanguage
	GazCurrency
	GazPerson
	GazPlace
	GazGroup
	GazOtherName
	GazProperAdj
)

var gazCategories = []string{"country", "region", "language", "currency", "wn-person", "wn-place", "wn-group", "wn-other", "proper-adj"}

// BuildGazetteer reads name lists from Debian's iso-codes JSON files
// (isoDir, e.g. /usr/share/iso-codes/json: countries, subdivisions,
// languages, currencies) and WordNet's database (wordnetDir, e.g.
// /usr/share/wordnet: instance nouns by lexicographer file — people,
// places, groups — and capitalised adjectives such as nationalities).
// Either directory may be empty to skip it.
func BuildGazetteer(ctx context.Context, isoDir, wordnetDir string) (*Gazetteer, error) {
	g := NewGazetteer(gazCategories...)
	if isoDir != "" {
		sets := []struct {
			file, key string
			cat       int
			fields    []string
		}{
			{"iso_3166-1.json", "3166-1", GazCountry, []string{"name", "official_name", "common_name"}},
			{"iso_3166-3.json", "3166-3", GazCountry, []string{"name"}},
			{"iso_3166-2.json", "3166-2", GazRegion, []string{"name"}},
			{"iso_639-2.json", "639-2", GazLanguage, []string{"name", "common_name"}},
			{"iso_4217.json", "4217", GazCurrency, []string{"name"}},
		}
		for _, s := range sets {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			b, err := os.ReadFile(filepath.Join(isoDir, s.file))
			if err != nil {
				return nil, fmt.Errorf("gazetteer: %w", err)
			}
			var doc map[string][]map[string]string
			if err := json.Unmarshal(b, &doc); err != nil {
				return nil, fmt.Errorf("gazetteer: %s: %w", s.file, err)
			}
			for _, e := range doc[s.key] {
				for _, f := range s.fields {
					if v := e[f]; v != "" {
						for _, part := range strings.Split(v, ";") {
							g.AddName(s.cat, strings.TrimSpace(part))
						}
					}
				}
			}
		}
	}
	if wordnetDir != "" {
		if err := readWordNet(ctx, filepath.Join(wordnetDir, "data.noun"), g, true); err != nil {
			return nil, err
		}
		if err := readWordNet(ctx, filepath.Join(wordnetDir, "data.adj"), g, false); err != nil {
			return nil, err
		}
	}
	return g, nil
}

// readWordNet adds the capitalised lemmas of instance-noun synsets (nouns)
// or of adjective synsets (adjectives) from a WordNet data file.
func readWordNet(ctx context.Context, path string, g *Gazetteer, nouns bool) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("gazetteer: %w", err)
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<16)
	for n := 0; ; n++ {
		if n%4096 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		line, err := br.ReadString('\n')
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("gazetteer: %s: %w", path, err)
		}
		if strings.HasPrefix(line, "  ") {
			continue // licence header
		}
		fields := strings.Fields(line)
		if len(fields) < 6 {
			continue
		}
		lexfile, _ := strconv.Atoi(fields[1])
		cnt, err := strconv.ParseInt(fields[3], 16, 32)
		if err != nil || len(fields) < 4+2*int(cnt) {
			continue
		}
		cat := GazProperAdj
		if nouns {
			if !strings.Contains(line, " @i ") {
				continue
			}
			switch lexfile {
			case 18:
				cat = GazPerson
			case 15:
				cat = GazPlace
			case 14:
				cat = GazGroup
			default:
				cat = GazOtherName
			}
		}
		for k := 0; k < int(cnt); k++ {
			w := fields[4+2*k]
			if i := strings.IndexByte(w, '('); i > 0 {
				w = w[:i] // adjective markers such as (a)
			}
			if r := []rune(w); len(r) > 1 && unicode.IsUpper(r[0]) {
				g.AddName(cat, w)
			}
		}
	}
}
