package stance

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/siftnews/sift/segment"
)

// FeatureNames name the columns of Featurizer.Features.
var FeatureNames = []string{
	"cos_body", "cos_lead", "cos_best_sent", "cos_second_sent", "cos_mean_top3",
	"overlap_jaccard", "headline_in_body", "bigrams_in_body", "trigrams_in_body", "bigrams_in_lead",
	"names_in_body", "numbers_in_body",
	"refute_headline", "refute_body", "refute_top", "hedge_headline", "hedge_body", "hedge_top",
	"negation_top", "report_top", "support_top", "question_headline",
	"log_body_words", "log_headline_words", "cos_x_refute_top", "cos_x_hedge_top",
}

var (
	refuteWords = set("fake", "fraud", "hoax", "false", "deny", "denies", "denied", "denial", "not", "despite", "nope",
		"doubt", "doubts", "bogus", "debunk", "debunked", "debunks", "prank", "pranks", "retract", "retracted", "untrue",
		"myth", "rumour", "rumor", "falsely", "never", "satire", "satirical", "misleading", "refute", "refuted", "refutes",
		"dismissed", "dismisses", "rejects", "rejected", "contrary", "incorrect", "baseless", "unfounded", "fabricated")
	hedgeWords = set("allegedly", "reportedly", "apparently", "supposedly", "claims", "claimed", "claim", "may", "might",
		"could", "possibly", "perhaps", "unconfirmed", "unverified", "rumored", "rumoured", "suggests", "suggest", "appears",
		"seems", "believed", "purportedly", "speculation", "speculated", "unclear", "if", "whether", "likely", "unlikely")
	negations   = set("not", "no", "never", "n't", "nothing", "none", "nobody", "neither", "nor", "without")
	reportWords = set("said", "says", "told", "according", "reported", "reports", "report", "stated", "statement",
		"announced", "spokesman", "spokeswoman", "source", "sources")
	supportWords = set("confirmed", "confirms", "confirm", "official", "officially", "verified", "true", "indeed",
		"proved", "proves", "evidence", "revealed", "reveals", "shows", "showed", "announced")
	stopWords = set("the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "at", "by", "from", "as", "is",
		"are", "was", "were", "be", "been", "it", "its", "this", "that", "these", "those", "he", "she", "they", "his",
		"her", "their", "has", "have", "had", "will", "would", "but", "after", "over", "about", "into", "up", "out", "s",
		"who", "which", "what", "says", "said", "say", "new", "i", "we", "you", "than", "more", "can", "all", "just")
)

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// words splits text into lower-case words (letters and digits), keeping
// "n't" apart as a negation.
func words(s string) []string {
	var out []string
	start := -1
	flush := func(end int) {
		if start >= 0 {
			w := strings.ToLower(s[start:end])
			if strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t") {
				out = append(out, strings.TrimSuffix(strings.TrimSuffix(w, "n't"), "n’t"), "n't")
			} else {
				out = append(out, w)
			}
			start = -1
		}
	}
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || ((r == '\'' || r == '’') && start >= 0) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(s))
	return out
}

// vector is a sparse, L2-normalised TF-IDF vector.
type vector map[string]float64

func (v vector) dot(u vector) float64 {
	if len(u) < len(v) {
		v, u = u, v
	}
	var s float64
	for k, x := range v {
		s += x * u[k]
	}
	return s
}

// Featurizer turns pairs into feature rows. It keeps the document
// frequencies of the texts it was built from, and caches each body's
// analysis (bodies recur across many pairs).
type Featurizer struct {
	idf    map[string]float64
	defIDF float64
	bodies map[string]*bodyInfo
}

type bodyInfo struct {
	words      []string
	vec, lead  vector
	sents      []vector
	sentWords  [][]string
	bigrams    map[string]bool
	trigrams   map[string]bool
	leadBigram map[string]bool
	caps       map[string]bool
	numbers    map[string]bool
	refute     float64
	hedge      float64
}

// NewFeaturizer counts document frequencies over texts (training bodies
// and headlines, and unlabelled bodies; never test data).
func NewFeaturizer(texts []string) *Featurizer {
	df := map[string]int{}
	for _, t := range texts {
		seen := map[string]bool{}
		for _, w := range words(t) {
			if !seen[w] {
				seen[w] = true
				df[w]++
			}
		}
	}
	n := float64(len(texts))
	f := &Featurizer{idf: make(map[string]float64, len(df)), defIDF: math.Log((n + 1) / 1), bodies: map[string]*bodyInfo{}}
	for w, c := range df {
		f.idf[w] = math.Log((n + 1) / float64(c+1))
	}
	return f
}

func (f *Featurizer) vec(ws []string) vector {
	v := vector{}
	for _, w := range ws {
		if stopWords[w] {
			continue
		}
		v[w]++
	}
	var norm float64
	for w, tf := range v {
		idf, ok := f.idf[w]
		if !ok {
			idf = f.defIDF
		}
		x := (1 + math.Log(tf)) * idf
		v[w] = x
		norm += x * x
	}
	if norm > 0 {
		norm = math.Sqrt(norm)
		for w := range v {
			v[w] /= norm
		}
	}
	return v
}

func ngrams(ws []string, n int) map[string]bool {
	m := map[string]bool{}
	var content []string
	for _, w := range ws {
		if !stopWords[w] {
			content = append(content, w)
		}
	}
	for i := 0; i+n <= len(content); i++ {
		m[strings.Join(content[i:i+n], " ")] = true
	}
	return m
}

// capitalised words (names) and numbers, lower-cased
func namesAndNumbers(s string) (caps, nums map[string]bool) {
	caps, nums = map[string]bool{}, map[string]bool{}
	for i, f := range strings.Fields(s) {
		t := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if t == "" {
			continue
		}
		r := []rune(t)
		switch {
		case unicode.IsDigit(r[0]):
			nums[strings.ToLower(t)] = true
		case unicode.IsUpper(r[0]) && i > 0 && !stopWords[strings.ToLower(t)]:
			caps[strings.ToLower(t)] = true
		}
	}
	return caps, nums
}

func rate(ws []string, lex map[string]bool) float64 {
	if len(ws) == 0 {
		return 0
	}
	n := 0
	for _, w := range ws {
		if lex[w] {
			n++
		}
	}
	return 100 * float64(n) / float64(len(ws))
}

func count(ws []string, lex map[string]bool) float64 {
	n := 0
	for _, w := range ws {
		if lex[w] {
			n++
		}
	}
	return float64(n)
}

func (f *Featurizer) body(text string) *bodyInfo {
	if b, ok := f.bodies[text]; ok {
		return b
	}
	b := &bodyInfo{words: words(text)}
	b.vec = f.vec(b.words)
	lead := text
	if len(lead) > 400 {
		lead = lead[:400]
	}
	lw := words(lead)
	b.lead = f.vec(lw)
	b.leadBigram = ngrams(lw, 2)
	_, sents := segment.Segment(text)
	for _, s := range sents {
		sw := words(text[s.Start:s.End])
		if len(sw) == 0 {
			continue
		}
		b.sents = append(b.sents, f.vec(sw))
		b.sentWords = append(b.sentWords, sw)
	}
	b.bigrams, b.trigrams = ngrams(b.words, 2), ngrams(b.words, 3)
	b.caps, b.numbers = namesAndNumbers(text)
	b.refute, b.hedge = rate(b.words, refuteWords), rate(b.words, hedgeWords)
	f.bodies[text] = b
	return b
}

func share(of, in map[string]bool) float64 {
	if len(of) == 0 {
		return 0
	}
	n := 0
	for k := range of {
		if in[k] {
			n++
		}
	}
	return float64(n) / float64(len(of))
}

// Features is the feature row of a pair, in the order of FeatureNames.
func (f *Featurizer) Features(headline, body string) []float64 {
	b := f.body(body)
	hw := words(headline)
	hv := f.vec(hw)
	// sentences by similarity to the headline
	type sc struct {
		i int
		c float64
	}
	scores := make([]sc, len(b.sents))
	for i, s := range b.sents {
		scores[i] = sc{i, hv.dot(s)}
	}
	sort.SliceStable(scores, func(i, j int) bool { return scores[i].c > scores[j].c })
	var best, second, mean3 float64
	var top []string
	for k, s := range scores {
		if k == 0 {
			best = s.c
		}
		if k == 1 {
			second = s.c
		}
		if k < 3 {
			mean3 += s.c / 3
			top = append(top, b.sentWords[s.i]...)
		}
	}
	hset := map[string]bool{}
	for _, w := range hw {
		if !stopWords[w] {
			hset[w] = true
		}
	}
	bset := map[string]bool{}
	for _, w := range b.words {
		if !stopWords[w] {
			bset[w] = true
		}
	}
	inter := 0
	for w := range hset {
		if bset[w] {
			inter++
		}
	}
	union := len(hset) + len(bset) - inter
	jac := 0.0
	if union > 0 {
		jac = float64(inter) / float64(union)
	}
	hcaps, hnums := namesAndNumbers(headline)
	cosBody := hv.dot(b.vec)
	refTop, hedgeTop := rate(top, refuteWords), rate(top, hedgeWords)
	q := 0.0
	if strings.Contains(headline, "?") {
		q = 1
	}
	return []float64{
		cosBody, hv.dot(b.lead), best, second, mean3,
		jac, share(hset, bset), share(ngrams(hw, 2), b.bigrams), share(ngrams(hw, 3), b.trigrams), share(ngrams(hw, 2), b.leadBigram),
		share(hcaps, b.caps), share(hnums, b.numbers),
		count(hw, refuteWords), b.refute, refTop, count(hw, hedgeWords), b.hedge, hedgeTop,
		rate(top, negations), rate(top, reportWords), rate(top, supportWords), q,
		math.Log1p(float64(len(b.words))), math.Log1p(float64(len(hw))), best * refTop, best * hedgeTop,
	}
}
