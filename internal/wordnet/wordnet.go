// Package wordnet gives an English noun's WordNet lexicographer class
// (noun.person, noun.group, noun.communication, …) for its most frequent
// sense, so a speaker written as a common noun can be told apart: "the
// nurse" is a person, "rights groups" are a group, "the draft resolution"
// is a text.
//
// The table is derived from WordNet 3.0 (Debian's wordnet-base, the files
// index.noun, data.noun and noun.exc) by Build, and shipped inside the
// binary as nouns.gz, made by `sift train wordnet`. Class lemmatises a
// word form with WordNet's own rules (its exception list, then its
// detachment suffixes) before looking it up.
//
// WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
// Used under the WordNet 3.0 licence (permission to use, copy, modify and
// distribute for any purpose and without fee, with this notice); see
// https://wordnet.princeton.edu/license-and-commercial-use and LICENSE-WordNet.
package wordnet

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Class is a WordNet lexicographer file number for nouns (3–28; see
// https://wordnet.princeton.edu/documentation/lexnames5wn), or None.
type Class uint8

// Noun classes, by lexicographer file number.
const (
	None          Class = 0
	Act           Class = 4
	Artifact      Class = 6
	Cognition     Class = 9
	Communication Class = 10
	Event         Class = 11
	Group         Class = 14
	Location      Class = 15
	Person        Class = 18
)

// ErrFormat reports a WordNet file or table Sift cannot read.
var ErrFormat = errors.New("wordnet: bad format")

// Table maps noun lemmas to the class of their most frequent sense, with
// WordNet's irregular plurals ("women" → "woman").
type Table struct {
	class map[string]Class
	exc   map[string]string
}

// Build reads WordNet's noun files in dir (index.noun, data.noun,
// noun.exc) and writes the table, as gzipped text, to w. Only lemmas of
// lower-case letters and hyphens are kept. The output depends on nothing
// but the files read.
func Build(ctx context.Context, dir string, w io.Writer) error {
	lex, err := lexFiles(filepath.Join(dir, "data.noun"))
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	index, err := os.ReadFile(filepath.Join(dir, "index.noun"))
	if err != nil {
		return fmt.Errorf("wordnet: %w", err)
	}
	var lines []string
	for _, line := range strings.Split(string(index), "\n") {
		if line == "" || strings.HasPrefix(line, " ") {
			continue // licence header
		}
		// lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt synset_offset…
		fs := strings.Fields(line)
		if len(fs) < 4 || !lemmaWord(fs[0]) {
			continue
		}
		nptr, err := strconv.Atoi(fs[3])
		if err != nil || len(fs) < 7+nptr {
			return fmt.Errorf("wordnet: index.noun: %q: %w", fs[0], ErrFormat)
		}
		c, ok := lex[fs[6+nptr]]
		if !ok {
			return fmt.Errorf("wordnet: index.noun: %q: synset %s not in data.noun: %w", fs[0], fs[6+nptr], ErrFormat)
		}
		if c == instance {
			continue // a name first ("griffith", "hillary"): not a common noun
		}
		lines = append(lines, fs[0]+"\t"+strconv.Itoa(int(c)))
	}
	exc, err := os.ReadFile(filepath.Join(dir, "noun.exc"))
	if err != nil {
		return fmt.Errorf("wordnet: %w", err)
	}
	for _, line := range strings.Split(string(exc), "\n") {
		if fs := strings.Fields(line); len(fs) >= 2 && lemmaWord(fs[0]) && lemmaWord(fs[1]) {
			lines = append(lines, fs[0]+"\t="+fs[1])
		}
	}
	sort.Strings(lines)
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := io.WriteString(zw, strings.Join(lines, "\n")+"\n"); err != nil {
		return fmt.Errorf("wordnet: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("wordnet: %w", err)
	}
	return nil
}

// instance marks, in lexFiles' map, a synset that is an instance of
// another (a named person, place or thing).
const instance Class = 255

// lexFiles maps each synset offset of a data file to its lexicographer
// file number, or to instance.
func lexFiles(path string) (map[string]Class, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("wordnet: %w", err)
	}
	defer f.Close()
	out := map[string]Class{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, " ") {
			continue
		}
		off, rest, ok := strings.Cut(line, " ")
		if !ok {
			continue
		}
		num, _, _ := strings.Cut(rest, " ")
		n, err := strconv.Atoi(num)
		if err != nil || n < 3 || n > 28 {
			return nil, fmt.Errorf("wordnet: %s: synset %s: %w", filepath.Base(path), off, ErrFormat)
		}
		out[off] = Class(n)
		if strings.Contains(rest, " @i ") {
			out[off] = instance
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("wordnet: %s: %w", filepath.Base(path), err)
	}
	return out, nil
}

func lemmaWord(w string) bool {
	for _, r := range w {
		if (r < 'a' || r > 'z') && r != '-' {
			return false
		}
	}
	return w != ""
}

// Read decodes a table written by Build.
func Read(r io.Reader) (*Table, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("wordnet: %w: %w", ErrFormat, err)
	}
	t := &Table{class: map[string]Class{}, exc: map[string]string{}}
	sc := bufio.NewScanner(zr)
	for n := 1; sc.Scan(); n++ {
		word, val, ok := strings.Cut(sc.Text(), "\t")
		if !ok || word == "" || val == "" {
			return nil, fmt.Errorf("wordnet: line %d: %w", n, ErrFormat)
		}
		if lemma, ok := strings.CutPrefix(val, "="); ok {
			t.exc[word] = lemma
			continue
		}
		c, err := strconv.Atoi(val)
		if err != nil || c < 3 || c > 28 {
			return nil, fmt.Errorf("wordnet: line %d: %w", n, ErrFormat)
		}
		t.class[word] = Class(c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("wordnet: %w: %w", ErrFormat, err)
	}
	return t, nil
}

// WordNet's detachment rules for nouns: suffix → replacement.
var nounRules = [...][2]string{{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}}

// Lemma returns the noun lemma of a lower-case word form ("groups" →
// "group", "women" → "woman"), or "" when WordNet has no such noun.
func (t *Table) Lemma(w string) string {
	if _, ok := t.class[w]; ok {
		return w
	}
	if l, ok := t.exc[w]; ok {
		if _, ok := t.class[l]; ok {
			return l
		}
	}
	for _, r := range nounRules {
		if b, ok := strings.CutSuffix(w, r[0]); ok && b != "" {
			if _, ok := t.class[b+r[1]]; ok {
				return b + r[1]
			}
		}
	}
	return ""
}

// Class returns the class of a lower-case noun form's most frequent
// sense, or None.
func (t *Table) Class(w string) Class {
	return t.class[t.Lemma(w)]
}

// Len is the number of noun lemmas in the table.
func (t *Table) Len() int { return len(t.class) }

//go:embed nouns.gz
var embedded []byte

// Embedded returns the table shipped in the binary, decoded on first use.
var Embedded = sync.OnceValues(func() (*Table, error) {
	t, err := Read(bytes.NewReader(embedded))
	if err != nil {
		return nil, fmt.Errorf("embedded WordNet table: %w", err)
	}
	return t, nil
})
