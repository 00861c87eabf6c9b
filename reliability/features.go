package reliability

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// nBuckets is the size of the hashed feature space (2^20).
const bucketBits = 20
const nBuckets = 1 << bucketBits

// vec is a sparse feature vector: bucket indices and values.
type vec struct {
	idx []int32
	val []float32
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashStr(seed uint64, s string) uint64 {
	h := seed
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// wordSpans finds the words of text (letters and digits, with
// apostrophes inside words) as byte ranges.
func wordSpans(text string) [][2]int {
	var out [][2]int
	start := -1
	for i, r := range text {
		ok := unicode.IsLetter(r) || unicode.IsDigit(r) || (r == '\'' || r == '’') && start >= 0
		if ok && start < 0 {
			start = i
		}
		if !ok && start >= 0 {
			out = append(out, [2]int{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}

// words returns the lowercased words of text.
func words(text string) []string {
	sp := wordSpans(text)
	out := make([]string, len(sp))
	for i, s := range sp {
		out[i] = strings.ToLower(text[s[0]:s[1]])
	}
	return out
}

// featurize hashes word unigrams and bigrams of the title and body and
// character 4-grams of the body's words into a log-scaled, L2-normalised
// sparse vector. Features are named (for explanations) by template and
// text; the names are recomputed only when asked for.
func featurize(title, text string) vec {
	counts := map[uint32]float32{}
	add := func(h uint64) { counts[uint32(h&(nBuckets-1))]++ }
	tw := words(title)
	for i, w := range tw {
		add(hashStr(fnvOffset^1, w))
		if i > 0 {
			add(hashStr(hashStr(fnvOffset^2, tw[i-1]), w))
		}
	}
	bw := words(text)
	for i, w := range bw {
		add(hashStr(fnvOffset^3, w))
		if i > 0 {
			add(hashStr(hashStr(fnvOffset^4, bw[i-1]), w))
		}
		if n := len(w); n >= 4 && n <= 20 {
			p := "<" + w + ">"
			for j := 0; j+4 <= len(p); j++ {
				if utf8.RuneStart(p[j]) {
					add(hashStr(fnvOffset^5, p[j:j+4]))
				}
			}
		}
	}
	keys := make([]uint32, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.Sort(keys) // deterministic order: same sums, same model bytes
	v := vec{idx: make([]int32, 0, len(counts)), val: make([]float32, 0, len(counts))}
	var norm float64
	for _, k := range keys {
		x := float32(1 + math.Log(float64(counts[k])))
		v.idx = append(v.idx, int32(k))
		v.val = append(v.val, x)
		norm += float64(x * x)
	}
	if norm > 0 {
		inv := float32(1 / math.Sqrt(norm))
		for i := range v.val {
			v.val[i] *= inv
		}
	}
	return v
}

// featureNames returns, for the buckets of an article, a readable name
// (the first n-gram that hashed there), for explanations.
func featureNames(title, text string) map[int32]string {
	names := map[int32]string{}
	put := func(h uint64, name string) {
		k := int32(h & (nBuckets - 1))
		if _, ok := names[k]; !ok {
			names[k] = name
		}
	}
	tw := words(title)
	for i, w := range tw {
		put(hashStr(fnvOffset^1, w), "title: "+w)
		if i > 0 {
			put(hashStr(hashStr(fnvOffset^2, tw[i-1]), w), "title: "+tw[i-1]+" "+w)
		}
	}
	bw := words(text)
	for i, w := range bw {
		put(hashStr(fnvOffset^3, w), w)
		if i > 0 {
			put(hashStr(hashStr(fnvOffset^4, bw[i-1]), w), bw[i-1]+" "+w)
		}
		if n := len(w); n >= 4 && n <= 20 {
			p := "<" + w + ">"
			for j := 0; j+4 <= len(p); j++ {
				if utf8.RuneStart(p[j]) {
					put(hashStr(fnvOffset^5, p[j:j+4]), "chars: "+p[j:j+4])
				}
			}
		}
	}
	return names
}
