package entity

// aggInfo is the first stage's view of a whole document, read by the
// second stage ("two-stage prediction aggregation", Ratinov & Roth 2009):
// how the same word was tagged elsewhere in the article, including after
// the current sentence, and whether it is part of a longer name there
// ("Clinton" after "Bill Clinton").
type aggInfo struct {
	pred  [][]int
	count map[string]*[nTypes + 1]int32 // capitalised word → tags given to it (types, then O)
	inMWE map[string]uint8              // word → types of multi-word names it occurs in
}

func newAggInfo(toks [][]tok, pred [][]int) *aggInfo {
	a := &aggInfo{pred: pred, count: map[string]*[nTypes + 1]int32{}, inMWE: map[string]uint8{}}
	for si, s := range toks {
		for i, t := range s {
			if !isCap(t.caps) {
				continue
			}
			c := a.count[t.lower]
			if c == nil {
				c = new([nTypes + 1]int32)
				a.count[t.lower] = c
			}
			tag := pred[si][i]
			if tag == tagO {
				c[nTypes]++
				continue
			}
			c[tagType(tag)]++
			if tagPos(tag) != posU {
				a.inMWE[t.lower] |= 1 << tagType(tag)
			}
		}
	}
	return a
}

func tagOrEdge(pred []int, i int) string {
	if i < 0 {
		return "<s>"
	}
	if i >= len(pred) {
		return "</s>"
	}
	return tagName(pred[i])
}

func (a *aggInfo) features(s []tok, si, i int, f []uint64) []uint64 {
	p := a.pred[si]
	f = append(f, feat1(fS1, tagName(p[i])), feat2(fS1Ctx, tagOrEdge(p, i-1), tagOrEdge(p, i+1)))
	t := &s[i]
	if !isCap(t.caps) {
		return f
	}
	if c := a.count[t.lower]; c != nil {
		own := nTypes
		if p[i] != tagO {
			own = tagType(p[i])
		}
		// types given to the other occurrences, and the majority
		var mask uint8
		best, arg := int32(0), -1
		for k := 0; k <= nTypes; k++ {
			n := c[k]
			if k == own {
				n--
			}
			if n > 0 {
				mask |= 1 << k
				if n > best {
					best, arg = n, k
				}
			}
		}
		if mask != 0 {
			f = append(f, featN(fAgg, int(mask), capsNames[t.caps]), featN(fAggMajority, arg, ""))
		}
	}
	if m := a.inMWE[t.lower]; m != 0 {
		f = append(f, featN(fInMWE, int(m), ""))
	}
	return f
}
