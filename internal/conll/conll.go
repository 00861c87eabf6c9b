// Package conll reads CoNLL-2003 style column files (one token per line,
// blank lines between sentences, -DOCSTART- between documents) and turns
// token sequences back into running text.
package conll

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Token is one row: the word and its last column (the tag).
type Token struct {
	Word string
	Tag  string
}

// Sentence is a run of tokens.
type Sentence []Token

// Document is the sentences between two -DOCSTART- lines.
type Document []Sentence

// Read parses r. The word is the first column and the tag the last;
// WNUT-style tab-separated two-column files read the same way. A line with
// a single column is an error naming its line number.
func Read(r io.Reader) ([]Document, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var docs []Document
	var doc Document
	var sent Sentence
	flushSent := func() {
		if len(sent) > 0 {
			doc = append(doc, sent)
			sent = nil
		}
	}
	flushDoc := func() {
		flushSent()
		if len(doc) > 0 {
			docs = append(docs, doc)
			doc = nil
		}
	}
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			flushSent()
			continue
		}
		f := strings.Fields(line)
		if f[0] == "-DOCSTART-" {
			flushDoc()
			continue
		}
		if len(f) < 2 {
			return nil, fmt.Errorf("conll: line %d: want at least 2 columns, got %q", n, line)
		}
		sent = append(sent, Token{Word: f[0], Tag: f[len(f)-1]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("conll: line %d: %w", n, err)
	}
	flushDoc()
	return docs, nil
}

// noSpaceBefore are tokens written against the word before them.
var noSpaceBefore = map[string]bool{
	",": true, ".": true, ";": true, ":": true, "!": true, "?": true, ")": true, "]": true, "}": true,
	"%": true, "'s": true, "'S": true, "n't": true, "'re": true, "'ve": true, "'ll": true, "'d": true, "'m": true,
	"...": true,
}

// noSpaceAfter are tokens written against the word after them.
var noSpaceAfter = map[string]bool{"(": true, "[": true, "{": true, "$": true, "``": true}

// Detokenize writes words as running text and returns it with the byte
// span of each word in it. Straight double quotes alternate between
// opening (no space after) and closing (no space before).
func Detokenize(words []string) (string, [][2]int) {
	var b strings.Builder
	spans := make([][2]int, len(words))
	quoteOpen := false
	glueNext := true
	for i, w := range words {
		glue := glueNext || noSpaceBefore[w]
		if w == `"` {
			if quoteOpen {
				glue = true
			}
		}
		if w == "''" {
			glue = true
		}
		if !glue {
			b.WriteByte(' ')
		}
		spans[i] = [2]int{b.Len(), b.Len() + len(w)}
		b.WriteString(w)
		glueNext = noSpaceAfter[w]
		if w == `"` {
			if !quoteOpen {
				glueNext = true
			}
			quoteOpen = !quoteOpen
		}
	}
	return b.String(), spans
}
