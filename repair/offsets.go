package repair

import "sort"

// segment records that clean[cs:ce] replaced orig[os:oe] in one pass.
type segment struct{ cs, ce, os, oe int }

// layer is the offset map of one repair pass.
type layer struct{ segs []segment }

// start maps a clean offset that begins a span to the original text. An
// offset inside a replacement maps to the start of what it replaced.
func (l *layer) start(c int) int {
	i := sort.Search(len(l.segs), func(i int) bool { return l.segs[i].cs > c }) - 1
	if i < 0 {
		return c
	}
	s := l.segs[i]
	if c < s.ce {
		return s.os
	}
	return s.oe + (c - s.ce)
}

// end maps a clean offset that ends a span to the original text. An offset
// inside a replacement maps to the end of what it replaced.
func (l *layer) end(c int) int {
	i := sort.Search(len(l.segs), func(i int) bool { return l.segs[i].cs >= c }) - 1
	if i < 0 {
		return c
	}
	s := l.segs[i]
	if c <= s.ce {
		return s.oe
	}
	return s.oe + (c - s.ce)
}

// OffsetMap translates byte offsets in the cleaned text back to byte offsets
// in the original text. The zero value is the identity map.
type OffsetMap struct {
	layers []*layer // layers[0] maps pass 1's output to the original
}

// Start maps the start offset of a span in the cleaned text to the original.
func (m *OffsetMap) Start(c int) int {
	if m == nil {
		return c
	}
	for i := len(m.layers) - 1; i >= 0; i-- {
		c = m.layers[i].start(c)
	}
	return c
}

// End maps the (exclusive) end offset of a span in the cleaned text to the
// original.
func (m *OffsetMap) End(c int) int {
	if m == nil {
		return c
	}
	for i := len(m.layers) - 1; i >= 0; i-- {
		c = m.layers[i].end(c)
	}
	return c
}

// Span maps a half-open span [start, end) of the cleaned text to the
// original text. An empty span stays empty, and a span never comes out
// inverted: the layers map it together, so one that becomes empty in a
// pass (a space inserted where a control character was removed, "aa!\x01Aa"
// → "aa! Aa") stays empty at that place through the earlier passes,
// where mapping its ends apart would put the start after the end.
func (m *OffsetMap) Span(start, end int) (int, int) {
	if start >= end {
		s := m.Start(start)
		return s, s
	}
	if m == nil {
		return start, end
	}
	s, e := start, end
	for i := len(m.layers) - 1; i >= 0; i-- {
		if s >= e {
			s = m.layers[i].start(s)
			e = s
			continue
		}
		s, e = m.layers[i].start(s), m.layers[i].end(e)
	}
	return s, max(s, e)
}

// Identity reports whether the map changes no offset.
func (m *OffsetMap) Identity() bool {
	if m == nil {
		return true
	}
	for _, l := range m.layers {
		if len(l.segs) > 0 {
			return false
		}
	}
	return true
}
