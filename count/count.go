// Package count finds counts in news text — "6,000 fighters remain",
// "more than 40,000 troops", "dozens of civilians", "between 200 and 300
// families" — with their value, whether the writer marked them as
// approximate, and what they count.
package count

import (
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/siftnews/sift/segment"
)

// Count is one count in the text.
type Count struct {
	Text  string  `json:"text"`
	Start int     `json:"start"`
	End   int     `json:"end"`
	Value float64 `json:"value"`
	// High is the upper bound of a range ("200 to 300"); 0 otherwise.
	High float64 `json:"high,omitempty"`
	// Approximate is set by hedges ("about", "more than", "dozens of").
	Approximate bool `json:"approximate"`
	// Qualifier is the hedge as written ("more than").
	Qualifier string `json:"qualifier,omitempty"`
	// What is what is counted: the noun after the number ("fighters"), or a
	// unit ("percent", "dollars").
	What string `json:"what,omitempty"`
}

var words = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
	"eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000, "dozen": 12,
}

// vague plural quantities: "dozens of", "hundreds of"
var vague = map[string]float64{"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "millions": 2e6, "billions": 2e9, "tens": 20}

var multipliers = map[string]float64{"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6}

var hedges = []string{"more than", "less than", "fewer than", "at least", "at most", "up to", "as many as", "nearly", "almost",
	"about", "around", "roughly", "approximately", "some", "over", "under", "an estimated", "estimated", "close to", "upwards of"}

var months = map[string]bool{"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true}

// stopWhat ends the phrase naming what is counted.
var stopWhat = map[string]bool{"of": false, "in": true, "on": true, "at": true, "were": true, "was": true, "are": true, "is": true,
	"have": true, "had": true, "has": true, "remain": true, "remained": true, "and": true, "or": true, "to": true, "from": true,
	"who": true, "that": true, "which": true, "the": true, "a": true, "by": true, "for": true, "with": true, "since": true,
	"per": true, "than": true, "will": true, "would": true, "could": true, "said": true, "says": true, "killed": true,
	"died": true, "left": true, "fled": true, "took": true, "taking": true, "be": true, "been": true}

func lower(t segment.Token) string { return strings.ToLower(t.Text) }

func parseDigits(s string) (float64, bool) {
	s = strings.ReplaceAll(s, ",", "")
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

// Find returns the counts in text, given its tokens.
func Find(text string, toks []segment.Token) []Count {
	var out []Count
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		lw := lower(t)
		var v float64
		ok := false
		approx := false
		isVague := false
		switch {
		case t.Kind == segment.Number:
			v, ok = parseDigits(t.Text)
		case words[lw] > 0:
			v, ok = words[lw], true
		case vague[lw] > 0 && i+1 < len(toks) && lower(toks[i+1]) == "of":
			v, ok, approx, isVague = vague[lw], true, true, true
		}
		if !ok || skipNumber(toks, i, v) {
			continue
		}
		start, end := i, i+1
		// "$5", "5 million", "two thousand"
		unit := ""
		if i > 0 && (toks[i-1].Text == "$" || toks[i-1].Text == "€" || toks[i-1].Text == "£") {
			start = i - 1
			unit = map[string]string{"$": "dollars", "€": "euros", "£": "pounds"}[toks[i-1].Text]
		}
		for end < len(toks) {
			m := multipliers[lower(toks[end])]
			if m == 0 || lower(toks[end]) == "m" && unit == "" {
				break
			}
			v *= m
			end++
		}
		// range: "200 to 300", "200-300", "between 200 and 300"
		high := 0.0
		if end+1 < len(toks) && (lower(toks[end]) == "to" || lower(toks[end]) == "and" || toks[end].Text == "-" || toks[end].Text == "–") {
			if h, ok := parseDigits(toks[end+1].Text); ok && toks[end+1].Kind == segment.Number && h > v {
				high = h
				end += 2
			}
		}
		if end < len(toks) && (toks[end].Text == "%" || lower(toks[end]) == "percent" || lower(toks[end]) == "per") {
			unit = "percent"
			end++
			if end < len(toks) && lower(toks[end]) == "cent" {
				end++
			}
		}
		// hedge before
		qual := ""
		for _, h := range hedges {
			hw := strings.Fields(h)
			if start-len(hw) < 0 {
				continue
			}
			match := true
			for k, w := range hw {
				if lower(toks[start-len(hw)+k]) != w {
					match = false
					break
				}
			}
			if match {
				qual = h
				approx = true
				start -= len(hw)
				break
			}
		}
		if i > 0 && lower(toks[i-1]) == "between" && high > 0 {
			start = min(start, i-1)
		}
		what := unit
		spanEnd := end
		if what == "" {
			j := end
			if isVague || j < len(toks) && lower(toks[j]) == "of" && j+1 < len(toks) && lower(toks[j+1]) != "the" {
				j++ // "dozens of civilians"
			}
			var ws []string
			for j < len(toks) && len(ws) < 3 {
				w := lower(toks[j])
				if toks[j].Kind != segment.Word || stopWhat[w] || months[w] {
					break
				}
				ws = append(ws, toks[j].Text)
				j++
			}
			what = strings.Join(ws, " ")
			if len(ws) > 0 {
				spanEnd = j
			}
		}
		if what == "" && unit == "" && t.Kind == segment.Number && !approx {
			// a bare number with nothing counted: a score, an id, a page
			continue
		}
		c := Count{Start: toks[start].Start, End: toks[spanEnd-1].End, Value: v, High: high, Approximate: approx, Qualifier: qual, What: what}
		c.Text = text[c.Start:c.End]
		if math.IsInf(c.Value, 0) || math.IsNaN(c.Value) {
			continue
		}
		out = append(out, c)
		i = spanEnd - 1
	}
	return out
}

// skipNumber leaves out years, days of the month, clock times, ordinals
// and numbers glued to letters.
func skipNumber(toks []segment.Token, i int, v float64) bool {
	t := toks[i]
	if t.Kind != segment.Number {
		// "one" in "one of the", "no one": not a count of something
		return lower(t) == "one" && i+1 < len(toks) && lower(toks[i+1]) == "of"
	}
	if strings.ContainsFunc(t.Text, unicode.IsLetter) || strings.Contains(t.Text, ":") {
		return true
	}
	prev, next := "", ""
	if i > 0 {
		prev = lower(toks[i-1])
	}
	if i+1 < len(toks) {
		next = lower(toks[i+1])
	}
	isYear := v >= 1800 && v <= 2100 && v == math.Trunc(v) && !strings.Contains(t.Text, ",")
	if isYear && (months[prev] || prev == "in" || prev == "since" || prev == "of" || prev == "until" || prev == "by" || prev == "," || !wordFollows(toks, i)) {
		return true
	}
	if months[prev] || months[next] && v <= 31 {
		return true
	}
	switch next {
	case "st", "nd", "rd", "th", "a.m.", "p.m.", "am", "pm":
		return true
	}
	return false
}

func wordFollows(toks []segment.Token, i int) bool {
	return i+1 < len(toks) && toks[i+1].Kind == segment.Word && !stopWhat[lower(toks[i+1])]
}
