// Package repair fixes damage that scraping and tokenisation leave in news
// text (HTML entities, mojibake, control characters, spaces inserted by a
// tokenizer, stripped apostrophes, quotation marks stripped to spaces) and
// finds the gaps left where hyperlinked names were cut out. It never
// invents content — it puts back only punctuation the spacing shows was
// there: every change is recorded as a Repair, and every offset it reports
// is a byte offset into the text it was given.
package repair

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Kind names a class of repair.
type Kind string

// The kinds of repair Sift makes.
const (
	KindEncoding       Kind = "encoding"             // bytes that were not UTF-8, decoded as Windows-1252
	KindControl        Kind = "control_char"         // NUL and other control characters removed
	KindEntity         Kind = "html_entity"          // &amp;, &#8217; … decoded
	KindMojibake       Kind = "mojibake"             // UTF-8 read as Windows-1252 (â€™ → ’)
	KindNumberSpacing  Kind = "number_spacing"       // 6, 000 → 6,000
	KindQuoteSpacing   Kind = "quote_spacing"        // work. ” → work.”
	KindAbbrevSpacing  Kind = "abbreviation_spacing" // U. S. → U.S.
	KindPunctSpacing   Kind = "punctuation_spacing"  // word , word → word, word
	KindApostrophe     Kind = "apostrophe"           // Russia s → Russia’s, don t → don’t
	KindLineSeparators Kind = "line_separator"       // U+2028/U+2029 → newline
	KindMissingSpace   Kind = "missing_space"        // media.Far → media. Far
	KindHyphenSpacing  Kind = "hyphen_spacing"       // U.S. -led → U.S.-led
	KindQuoteMarks     Kind = "quote_marks"          // stripped marks put back: rights,  Paxton vowed → rights,” Paxton vowed
)

// spacing reports whether k only inserts or removes characters between
// words, so that the bytes around the change keep their own offsets.
// Character repairs (entities, mojibake) map as a whole.
func (k Kind) spacing() bool {
	switch k {
	case KindNumberSpacing, KindQuoteSpacing, KindAbbrevSpacing, KindPunctSpacing, KindApostrophe,
		KindMissingSpace, KindHyphenSpacing:
		return true
	}
	return false
}

// Repair is one change made to the text. Start and End are byte offsets of
// the changed span in the original text; Before is that span, After what
// replaced it.
type Repair struct {
	Kind   Kind   `json:"kind"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Before string `json:"before"`
	After  string `json:"after"`
}

// Result is the outcome of cleaning one text.
type Result struct {
	Original string    // the text as given
	Clean    string    // the repaired text every later stage reads
	Repairs  []Repair  // every change, in original order
	Gaps     []Gap     // stripped-name gaps, in original order
	Map      OffsetMap // clean offsets → original offsets
}

// edit replaces text[start:end] with repl.
type edit struct {
	start, end int
	repl       string
	kind       Kind
}

// rule scans text and reports candidate edits in any order.
type rule func(text string, emit func(edit))

// Options turn off parts of the repair, for measuring what they do.
type Options struct {
	// KeepStrippedMarks leaves stripped quotation marks as the spaces
	// they became (no quote_marks repairs).
	KeepStrippedMarks bool
}

// Clean repairs text and detects stripped-name gaps. It is safe for
// concurrent use and never panics on any input, valid UTF-8 or not.
func Clean(text string) *Result { return CleanWith(text, Options{}) }

// CleanWith is Clean with some repairs turned off.
func CleanWith(text string, o Options) *Result {
	r := &Result{Original: text}
	cur := text
	charRules := []rule{controlRule, entityRule, mojibakeRule}
	spaceRules := []rule{numberSpacingRule, quoteSpacingRule, abbrevSpacingRule, punctSpacingRule, apostropheRule, missingSpaceRule, hyphenSpacingRule}
	// Spacing repairs can overlap ("yes . ”" needs two); a second and third
	// pass pick up what an earlier one left.
	passes := [][]rule{charRules, spaceRules, spaceRules, spaceRules}
	for i, rules := range passes {
		edits, dropped := collect(cur, rules)
		if len(edits) == 0 {
			if i > 0 {
				break
			}
			continue
		}
		cur = r.apply(cur, edits)
		if i > 0 && dropped == 0 {
			break // nothing overlapped: another spacing pass would find nothing
		}
	}
	sort.SliceStable(r.Repairs, func(i, j int) bool { return r.Repairs[i].Start < r.Repairs[j].Start })
	r.Clean = cur
	apostrophes := false
	for _, e := range r.Repairs {
		apostrophes = apostrophes || e.Kind == KindApostrophe
	}
	var at [][2]int
	var stripped bool
	r.Gaps, at, stripped = findGaps(cur, &r.Map, apostrophes)
	if stripped && !o.KeepStrippedMarks {
		// the quotation marks went with the names: put back those the
		// spacing shows, never where a name may have been cut
		var names [][2]int
		for i, g := range r.Gaps {
			if g.NameSlot {
				names = append(names, at[i])
			}
		}
		if edits := markSites(cur, names); len(edits) > 0 {
			r.Clean = r.apply(cur, edits)
			sort.SliceStable(r.Repairs, func(i, j int) bool { return r.Repairs[i].Start < r.Repairs[j].Start })
			// a gap a mark was put back in was that mark (edits and gaps
			// are both in text order)
			k := 0
			for _, e := range edits {
				for k < len(at) && at[k][1] <= e.start {
					k++
				}
				if k < len(at) && e.start >= at[k][0] {
					r.Gaps[k].Slot, r.Gaps[k].NameSlot, r.Gaps[k].Confidence = SlotQuoteMarks, false, slotConfidence[SlotQuoteMarks]
				}
			}
		}
	}
	return r
}

// apply performs edits on cur, the text as repaired so far, records them
// as repairs of the original text and adds their layer to the offset map.
func (r *Result) apply(cur string, edits []edit) string {
	next, l := apply(cur, edits)
	for _, e := range edits {
		s, en := r.Map.Span(e.start, e.end)
		if e.start == e.end { // insertion
			s = r.Map.Start(e.start)
			en = s
		}
		r.Repairs = append(r.Repairs, Repair{Kind: e.kind, Start: s, End: en, Before: r.Original[s:en], After: e.repl})
	}
	r.Map.layers = append(r.Map.layers, l)
	return next
}

// collect runs the rules and keeps a non-overlapping set of edits, earlier
// rules winning ties; it also returns how many overlapping edits it dropped.
func collect(text string, rules []rule) ([]edit, int) {
	var edits []edit
	for _, ru := range rules {
		ru(text, func(e edit) {
			if e.start < 0 || e.end > len(text) || e.start > e.end || text[e.start:e.end] == e.repl {
				return
			}
			edits = append(edits, e)
		})
	}
	if len(edits) == 0 {
		return nil, 0
	}
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	out := edits[:0]
	last, dropped := -1, 0
	for _, e := range edits {
		if e.start < last || (e.start == last && e.start == e.end) {
			dropped++
			continue
		}
		out = append(out, e)
		last = e.end
	}
	return out, dropped
}

// apply performs sorted, non-overlapping edits and returns the new text and
// the layer mapping it back.
func apply(text string, edits []edit) (string, *layer) {
	var b strings.Builder
	b.Grow(len(text))
	l := &layer{segs: make([]segment, 0, len(edits))}
	pos := 0
	for _, e := range edits {
		b.WriteString(text[pos:e.start])
		cs := b.Len()
		b.WriteString(e.repl)
		// Map only what changed: a repair shown with context ("6, 000" →
		// "6,000") keeps exact offsets for the unchanged bytes around the
		// change.
		p, q := 0, 0
		if e.kind.spacing() {
			p, q = commonAffixes(text[e.start:e.end], e.repl)
		}
		l.segs = append(l.segs, segment{cs: cs + p, ce: b.Len() - q, os: e.start + p, oe: e.end - q})
		pos = e.end
	}
	b.WriteString(text[pos:])
	return b.String(), l
}

// commonAffixes returns the lengths of the longest common prefix and suffix
// of a and b, not overlapping in either, cut at UTF-8 boundaries.
func commonAffixes(a, b string) (p, q int) {
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	for p > 0 && p < len(a) && !utf8.RuneStart(a[p]) {
		p--
	}
	for q < len(a)-p && q < len(b)-p && a[len(a)-1-q] == b[len(b)-1-q] {
		q++
	}
	for q > 0 && q < len(a) && !utf8.RuneStart(a[len(a)-q]) {
		q--
	}
	return p, q
}
