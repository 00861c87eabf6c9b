package entity

// Types are the entity types Sift tags, in CoNLL-2003's scheme.
var Types = [...]string{"PER", "ORG", "LOC", "MISC"}

const (
	nTypes = len(Types)
	// Tag indices: 0 is O; type k has B, I, L, U at 1+4k .. 4+4k.
	nTags = 1 + 4*nTypes
	tagO  = 0
)

const (
	posB = iota
	posI
	posL
	posU
)

func tagIndex(typ, pos int) int { return 1 + 4*typ + pos }

func tagType(t int) int { return (t - 1) / 4 }
func tagPos(t int) int  { return (t - 1) % 4 }

func typeIndex(s string) int {
	for i, t := range Types {
		if t == s {
			return i
		}
	}
	return -1
}

// tagName is the BILOU name of tag t.
func tagName(t int) string {
	if t == tagO {
		return "O"
	}
	return string("BILU"[tagPos(t)]) + "-" + Types[tagType(t)]
}

// allowed reports whether tag b may follow tag a in BILOU (a = -1 is the
// sentence start).
func allowed(a, b int) bool {
	inside := a > 0 && (tagPos(a) == posB || tagPos(a) == posI)
	if inside {
		return b > 0 && tagType(b) == tagType(a) && (tagPos(b) == posI || tagPos(b) == posL)
	}
	return b == tagO || tagPos(b) == posB || tagPos(b) == posU
}

// canEnd reports whether a sentence may end on tag t.
func canEnd(t int) bool { return t == tagO || tagPos(t) == posL || tagPos(t) == posU }

// bilou converts IOB-style tags to BILOU tag indices; unknown types are O.
func bilou(tags []string) []int {
	out := make([]int, len(tags))
	for _, c := range Chunks(0, tags) {
		k := typeIndex(c.Type)
		if k < 0 {
			continue
		}
		if c.End-c.Start == 1 {
			out[c.Start] = tagIndex(k, posU)
			continue
		}
		out[c.Start] = tagIndex(k, posB)
		for j := c.Start + 1; j < c.End-1; j++ {
			out[j] = tagIndex(k, posI)
		}
		out[c.End-1] = tagIndex(k, posL)
	}
	return out
}

// iob2Names renders BILOU tag indices as IOB2 tag names.
func iob2Names(tags []int) []string {
	names := make([]string, len(tags))
	for i, t := range tags {
		names[i] = tagName(t)
	}
	return IOB2(names)
}
