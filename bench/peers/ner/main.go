// Command nerpeer runs and converts the peer taggers compared with Sift in
// bench/ner-peers.sh. It is a separate module so that the peers' own
// dependencies (prose) stay out of Sift's.
//
//	nerpeer sentences < test.txt > sents.txt       CoNLL → one sentence per line, tokens joined by spaces,
//	                                               an empty line between documents
//	nerpeer prose < sents.txt > pred.conll         tag with prose v2 (its own tokenizer), align to the tokens
//	nerpeer opennlp < opennlp-out.txt > pred.conll OpenNLP <START:per> … <END> markup → CoNLL
//	nerpeer offsets < ents.jsonl > pred.conll      {"tokens":[…],"ents":[{"start":c,"end":c,"type":T}]} per sentence → CoNLL
//
// Predictions are written as "word tag" lines, a blank line after each
// sentence; `sift eval ner --pred` scores them with Sift's scorer.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/jdkato/prose/v2"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: nerpeer sentences|prose|opennlp|offsets < in > out")
		os.Exit(2)
	}
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<24)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	var err error
	switch os.Args[1] {
	case "sentences":
		err = sentences(in, out)
	case "prose":
		err = runProse(in, out)
	case "opennlp":
		err = opennlp(in, out)
	case "offsets":
		err = offsets(in, out)
	default:
		err = fmt.Errorf("unknown mode %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "nerpeer:", err)
		out.Flush()
		os.Exit(1)
	}
}

func sentences(in *bufio.Scanner, out *bufio.Writer) error {
	var sent []string
	flush := func() {
		if len(sent) > 0 {
			fmt.Fprintln(out, strings.Join(sent, " "))
			sent = sent[:0]
		}
	}
	for in.Scan() {
		f := strings.Fields(in.Text())
		switch {
		case len(f) == 0:
			flush()
		case f[0] == "-DOCSTART-":
			flush()
			fmt.Fprintln(out)
		default:
			sent = append(sent, f[0])
		}
	}
	flush()
	return in.Err()
}

func writeSentence(out *bufio.Writer, toks, tags []string) {
	for i, t := range toks {
		fmt.Fprintf(out, "%s %s\n", t, tags[i])
	}
	fmt.Fprintln(out)
}

// tagSpans turns character spans over the space-joined tokens into IOB2.
func tagSpans(toks []string, spans [][3]any) []string {
	tags := make([]string, len(toks))
	for i := range tags {
		tags[i] = "O"
	}
	starts := make([]int, len(toks))
	pos := 0
	for i, t := range toks {
		starts[i] = pos
		pos += len(t) + 1
	}
	for _, sp := range spans {
		s, e, typ := sp[0].(int), sp[1].(int), sp[2].(string)
		if typ == "" {
			continue
		}
		first := true
		for i, t := range toks {
			ts, te := starts[i], starts[i]+len(t)
			if te <= s || ts >= e || tags[i] != "O" {
				continue
			}
			if first {
				tags[i] = "B-" + typ
				first = false
			} else {
				tags[i] = "I-" + typ
			}
		}
	}
	return tags
}

var proseTypes = map[string]string{"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "LOCATION": "LOC", "ORG": "ORG", "ORGANIZATION": "ORG"}

// runProse tags each document (its sentences joined by newlines) with
// prose v2's default pipeline, one NewDocument call per article as an
// application would, and maps its entities back to the tokens by locating
// their text in order.
func runProse(in *bufio.Scanner, out *bufio.Writer) error {
	var docs [][]string
	var cur []string
	for in.Scan() {
		if l := in.Text(); l != "" {
			cur = append(cur, l)
		} else if len(cur) > 0 {
			docs, cur = append(docs, cur), nil
		}
	}
	if len(cur) > 0 {
		docs = append(docs, cur)
	}
	ntok := 0
	t0 := time.Now()
	results := make([][]prose.Entity, len(docs))
	for i, d := range docs {
		doc, err := prose.NewDocument(strings.Join(d, "\n"), prose.WithSegmentation(false))
		if err != nil {
			return err
		}
		results[i] = doc.Entities()
		for _, l := range d {
			ntok += len(strings.Fields(l))
		}
	}
	el := time.Since(t0)
	fmt.Fprintf(os.Stderr, "prose: %d tokens in %s: %.0f tokens/s\n", ntok, el.Round(time.Millisecond), float64(ntok)/el.Seconds())
	for i, d := range docs {
		text := strings.Join(d, "\n")
		spans := make([][][3]any, len(d))
		lineStart := make([]int, len(d))
		for k := 1; k < len(d); k++ {
			lineStart[k] = lineStart[k-1] + len(d[k-1]) + 1
		}
		from := 0
		for _, e := range results[i] {
			k := strings.Index(text[from:], e.Text)
			if k < 0 {
				continue
			}
			s := from + k
			from = s + len(e.Text)
			line := 0
			for line+1 < len(d) && lineStart[line+1] <= s {
				line++
			}
			ls := lineStart[line]
			spans[line] = append(spans[line], [3]any{s - ls, min(from, ls+len(d[line])) - ls, proseTypes[e.Label]})
		}
		for k, l := range d {
			toks := strings.Fields(l)
			writeSentence(out, toks, tagSpans(toks, spans[k]))
		}
	}
	return nil
}

// OpenNLP's CoNLL-03 reader names the types person, organization,
// location and misc.
var opennlpTypes = map[string]string{"person": "PER", "organization": "ORG", "location": "LOC", "misc": "MISC"}

// opennlp converts "<START:per> Omar Haddad <END> arrived" lines.
func opennlp(in *bufio.Scanner, out *bufio.Writer) error {
	for in.Scan() {
		f := strings.Fields(in.Text())
		if len(f) == 0 {
			continue
		}
		var toks, tags []string
		typ, first := "", false
		for _, w := range f {
			switch {
			case strings.HasPrefix(w, "<START:") && strings.HasSuffix(w, ">"):
				typ, first = opennlpTypes[strings.TrimSuffix(strings.TrimPrefix(w, "<START:"), ">")], true
			case w == "<END>":
				typ = ""
			default:
				toks = append(toks, w)
				switch {
				case typ == "":
					tags = append(tags, "O")
				case first:
					tags = append(tags, "B-"+typ)
					first = false
				default:
					tags = append(tags, "I-"+typ)
				}
			}
		}
		writeSentence(out, toks, tags)
	}
	return in.Err()
}

func offsets(in *bufio.Scanner, out *bufio.Writer) error {
	for in.Scan() {
		var rec struct {
			Tokens []string `json:"tokens"`
			Ents   []struct {
				Start int    `json:"start"`
				End   int    `json:"end"`
				Type  string `json:"type"`
			} `json:"ents"`
		}
		if err := json.Unmarshal(in.Bytes(), &rec); err != nil {
			return err
		}
		var spans [][3]any
		for _, e := range rec.Ents {
			spans = append(spans, [3]any{e.Start, e.End, e.Type})
		}
		writeSentence(out, rec.Tokens, tagSpans(rec.Tokens, spans))
	}
	return in.Err()
}
