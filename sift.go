// Package sift is a news verification engine. Analyze reads one article and
// reports, with byte offsets into the text as given, what was repaired in
// it, where stripped names left gaps, and its sentences and tokens; later
// stages add entities, quotations, counts, dates, claims and a reliability
// score to the same Analysis.
//
// Every offset in an Analysis is a byte offset into Analysis.Text, which is
// the input text itself (decoded to UTF-8 when it was not), so a user
// interface can highlight the original.
package sift

import (
	"context"
	"errors"
	"fmt"
	"github.com/siftnews/sift/claim"
	"github.com/siftnews/sift/count"
	"github.com/siftnews/sift/entity"
	"github.com/siftnews/sift/quote"
	"github.com/siftnews/sift/reliability"
	"unicode/utf8"

	"github.com/siftnews/sift/repair"
	"github.com/siftnews/sift/segment"
	"github.com/siftnews/sift/when"
)

// SchemaVersion names the JSON layout of Analysis; see docs/schema.md.
const SchemaVersion = "sift.analysis/v1"

// DefaultMaxBytes is the largest article Analyze accepts by default.
const DefaultMaxBytes = 16 << 20

// Errors returned by Analyze. Test for them with errors.Is.
var (
	ErrEmpty    = errors.New("sift: document has no text")
	ErrTooLarge = errors.New("sift: document too large")
)

// Document is one article as read from a file, a URL or a dataset record.
type Document struct {
	ID     string `json:"id,omitempty"`
	Title  string `json:"title,omitempty"`
	Author string `json:"author,omitempty"`
	Date   string `json:"date,omitempty"` // publication date as given
	URL    string `json:"url,omitempty"`
	Source string `json:"source,omitempty"` // outlet or site name
	Label  string `json:"label,omitempty"`  // a dataset's label, passed through
	Text   string `json:"text"`
	// Origin says where the document was read from (file, record, URL).
	Origin string `json:"origin,omitempty"`
	// Repairs made while reading (decoding); offsets are into Text.
	Repairs []repair.Repair `json:"-"`
}

// Span is a half-open byte range [Start, End) of Analysis.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Token is one token with its offsets in Analysis.Text. Text is the token
// as the later stages read it (after repair), which may differ from the
// original span.
type Token struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Kind  string `json:"kind"`
}

// Stats summarises the document.
type Stats struct {
	Bytes     int `json:"bytes"`
	Words     int `json:"words"`
	Tokens    int `json:"tokens"`
	Sentences int `json:"sentences"`
	Repairs   int `json:"repairs"`
	Gaps      int `json:"gaps"`
	Entities  int `json:"entities"`
	Clusters  int `json:"clusters"`
	Quotes    int `json:"quotes"`
}

// Analysis is the report on one document, serialised as sift.analysis/v1.
// Stages that did not run leave their fields empty, and they are then
// absent from the JSON rather than faked.
type Analysis struct {
	Schema string `json:"schema"`
	ID     string `json:"id,omitempty"`
	Origin string `json:"origin,omitempty"`
	Title  string `json:"title,omitempty"`
	Author string `json:"author,omitempty"`
	Date   string `json:"date,omitempty"`
	URL    string `json:"url,omitempty"`
	Source string `json:"source,omitempty"`
	Label  string `json:"label,omitempty"`
	// Text is the document text as given (decoded to UTF-8); every offset
	// refers to it.
	Text string `json:"text"`
	// CleanText is the repaired text the stages read; absent when no repair
	// changed the text.
	CleanText string          `json:"clean_text,omitempty"`
	Stats     Stats           `json:"stats"`
	Repairs   []repair.Repair `json:"repairs"`
	Gaps      []repair.Gap    `json:"gaps"`
	Sentences []Span          `json:"sentences"`
	Tokens    []Token         `json:"tokens,omitempty"`
	// Entities are the named entities (PER, ORG, LOC, MISC) in text order;
	// Clusters group the entities that name the same thing.
	Entities []entity.Entity  `json:"entities"`
	Clusters []entity.Cluster `json:"clusters"`
	// Quotes are the attributions — direct, mixed and reported speech —
	// with their cues and speakers, in text order.
	Quotes []quote.Quote `json:"quotes"`
	// Counts are the numbers of things the article reports ("6,000
	// fighters"), with what they count and whether they are approximate.
	Counts []count.Count `json:"counts"`
	// Dates are the date expressions, resolved against the publication
	// date when the document gives one.
	Dates []when.Mention `json:"dates"`
	// Claims are statements about an entity's state (present at or absent
	// from a place, alive or dead, detained or free, in or out of office)
	// read from the quotations; Conflicts pair claims that cannot both be
	// true, with their sources.
	Claims    []claim.Claim    `json:"claims"`
	Conflicts []claim.Conflict `json:"conflicts"`
	// Agreements pair claims from different sources that corroborate
	// each other.
	Agreements []claim.Conflict `json:"agreements"`
	// Reliability is the calibrated probability that the article is
	// unreliable, with the signals and features behind it.
	Reliability *reliability.Report `json:"reliability,omitempty"`

	// clean keeps the repaired text, its offset map and its segmentation
	// for the stages that run after segmentation.
	clean *repair.Result
	toks  []segment.Token
	sents []segment.Sentence
	// sourcing is the attribution stage's quotations in clean-text
	// offsets, for the reliability signals (nil when it did not run)
	sourcing *reliability.Sourcing
}

// Option configures Analyze.
type Option func(*config)

type config struct {
	tokens   bool
	maxBytes int
	ner      *entity.Model
	quotes   *quote.Model
	rel      *reliability.Model
	repair   repair.Options
}

// WithReliabilityModel scores reliability with m instead of the embedded model.
func WithReliabilityModel(m *reliability.Model) Option { return func(c *config) { c.rel = m } }

// WithQuoteModel finds attributions with m instead of the embedded model.
func WithQuoteModel(m *quote.Model) Option { return func(c *config) { c.quotes = m } }

// WithEntityModel tags entities with m instead of the embedded model.
func WithEntityModel(m *entity.Model) Option { return func(c *config) { c.ner = m } }

// WithTokens includes every token in the Analysis (off by default: tokens
// make the JSON several times larger than the text).
func WithTokens(on bool) Option { return func(c *config) { c.tokens = on } }

// WithMaxBytes sets the largest text Analyze accepts (DefaultMaxBytes
// otherwise); larger documents fail with ErrTooLarge.
func WithMaxBytes(n int) Option { return func(c *config) { c.maxBytes = n } }

// WithRepair turns off parts of the text repair (repair.Options), to
// measure what they do.
func WithRepair(o repair.Options) Option { return func(c *config) { c.repair = o } }

// Analyze runs the pipeline on doc: decode, repair, gap detection,
// tokenisation and sentence segmentation. It returns ErrEmpty for a document
// with no text and ErrTooLarge for one over the size limit; it never panics
// on any input.
func Analyze(ctx context.Context, doc Document, opts ...Option) (*Analysis, error) {
	cfg := config{maxBytes: DefaultMaxBytes}
	for _, o := range opts {
		o(&cfg)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if cfg.maxBytes > 0 && len(doc.Text) > cfg.maxBytes {
		return nil, fmt.Errorf("%w: %d bytes (limit %d)", ErrTooLarge, len(doc.Text), cfg.maxBytes)
	}
	text := doc.Text
	reps := append([]repair.Repair(nil), doc.Repairs...)
	if !utf8.ValidString(text) {
		var dr []repair.Repair
		text, dr = repair.Decode([]byte(text))
		reps = append(reps, dr...)
	}
	if isBlank(text) {
		return nil, ErrEmpty
	}
	a := &Analysis{
		Schema: SchemaVersion, ID: doc.ID, Origin: doc.Origin, Author: doc.Author, Date: doc.Date,
		URL: doc.URL, Source: doc.Source, Label: doc.Label, Text: text,
	}
	if doc.Title != "" {
		title, _ := repair.Decode([]byte(doc.Title))
		a.Title = repair.Clean(title).Clean
	}
	r := repair.CleanWith(text, cfg.repair)
	a.clean = r
	a.Repairs = append(reps, r.Repairs...)
	a.Gaps = r.Gaps
	if r.Clean != text {
		a.CleanText = r.Clean
	}
	if a.Repairs == nil {
		a.Repairs = []repair.Repair{}
	}
	if a.Gaps == nil {
		a.Gaps = []repair.Gap{}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	a.toks, a.sents = segment.Segment(r.Clean)
	a.Sentences = make([]Span, len(a.sents))
	for i, s := range a.sents {
		a.Sentences[i] = a.span(s.Start, s.End)
	}
	words := 0
	for _, t := range a.toks {
		if t.Kind == segment.Word || t.Kind == segment.Number {
			words++
		}
	}
	if cfg.tokens {
		a.Tokens = make([]Token, len(a.toks))
		for i, t := range a.toks {
			sp := a.span(t.Start, t.End)
			a.Tokens[i] = Token{Start: sp.Start, End: sp.End, Text: t.Text, Kind: t.Kind.String()}
		}
	}
	// counts and dates first: claims read them
	a.Counts = count.Find(r.Clean, a.toks)
	a.Dates = when.Find(r.Clean, a.toks, when.ParsePublished(doc.Date))
	if err := a.entities(ctx, cfg.ner, cfg.quotes); err != nil {
		return nil, err
	}
	for i := range a.Counts {
		o := a.span(a.Counts[i].Start, a.Counts[i].End)
		a.Counts[i].Start, a.Counts[i].End = o.Start, o.End
	}
	if a.Counts == nil {
		a.Counts = []count.Count{}
	}
	for i := range a.Dates {
		o := a.span(a.Dates[i].Start, a.Dates[i].End)
		a.Dates[i].Start, a.Dates[i].End = o.Start, o.End
	}
	if a.Dates == nil {
		a.Dates = []when.Mention{}
	}
	if err := a.reliability(cfg.rel); err != nil {
		return nil, err
	}
	a.Stats = Stats{Bytes: len(text), Words: words, Tokens: len(a.toks), Sentences: len(a.sents), Repairs: len(a.Repairs), Gaps: len(a.Gaps),
		Entities: len(a.Entities), Clusters: len(a.Clusters), Quotes: len(a.Quotes)}
	return a, nil
}

// entities tags named entities sentence by sentence, links them into
// clusters, finds the attributions and restores stripped names where the
// article allows; offsets are then mapped back to the original text.
func (a *Analysis) entities(ctx context.Context, m *entity.Model, qm *quote.Model) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if m == nil {
		var err error
		if m, err = entity.Default(); err != nil {
			return err
		}
	}
	if qm == nil {
		var err error
		if qm, err = quote.Default(); err != nil {
			return err
		}
	}
	words, toks := quote.EntitySentences(a.toks, a.sents)
	mentions, classes := m.RecognizeClasses(words)
	ents, clusters := entity.Link(toks, mentions)
	if err := ctx.Err(); err != nil {
		return err
	}
	// The attribution stage reads the same tokens, the entity labels and
	// the word classes.
	doc := quote.DocOf(a.clean.Clean, a.toks, a.sents, m, mentions, classes)
	in := quote.Input{Doc: doc, Entities: ents, Clusters: clusters}
	quotes := qm.Find(in)
	same := a.restoreGaps(in, quotes)
	claims := claim.Extract(claim.Input{Quote: in, Quotes: quotes, Same: same, Counts: a.Counts, Dates: a.Dates})
	a.Conflicts = claim.Conflicts(claims)
	if a.Conflicts == nil {
		a.Conflicts = []claim.Conflict{}
	}
	a.Agreements = claim.Agreements(claims)
	if a.Agreements == nil {
		a.Agreements = []claim.Conflict{}
	}

	a.sourcing = &reliability.Sourcing{Attributions: make([]reliability.Attribution, len(quotes))}
	for i, q := range quotes {
		a.sourcing.Attributions[i] = reliability.Attribution{Start: q.Start, End: q.End, SpeakerKind: q.Speaker.Kind}
	}

	mapSpan := func(start, end *int) {
		o := a.span(*start, *end)
		*start, *end = o.Start, o.End
	}
	for i := range ents {
		mapSpan(&ents[i].Start, &ents[i].End)
	}
	for i := range clusters {
		for j := range clusters[i].Titles {
			mapSpan(&clusters[i].Titles[j].Start, &clusters[i].Titles[j].End)
		}
		for j := range clusters[i].Roles {
			mapSpan(&clusters[i].Roles[j].Start, &clusters[i].Roles[j].End)
		}
	}
	for i := range quotes {
		q := &quotes[i]
		mapSpan(&q.Start, &q.End)
		for j := range q.Parts {
			mapSpan(&q.Parts[j].Start, &q.Parts[j].End)
		}
		if q.Cue != nil {
			mapSpan(&q.Cue.Start, &q.Cue.End)
		}
		if q.Speaker.TextSpan != nil {
			mapSpan(&q.Speaker.Start, &q.Speaker.End)
		}
		if r := q.ReportedBy; r != nil && r.TextSpan != nil {
			mapSpan(&r.Start, &r.End)
		}
	}
	for i := range claims {
		mapSpan(&claims[i].Start, &claims[i].End)
	}
	if claims == nil {
		claims = []claim.Claim{}
	}
	a.Entities, a.Clusters, a.Quotes, a.Claims = ents, clusters, quotes, claims
	if a.Entities == nil {
		a.Entities = []entity.Entity{}
	}
	if a.Clusters == nil {
		a.Clusters = []entity.Cluster{}
	}
	if a.Quotes == nil {
		a.Quotes = []quote.Quote{}
	}
	return nil
}

// reliability scores the article; signal spans are mapped to the
// original text.
func (a *Analysis) reliability(m *reliability.Model) error {
	if m == nil {
		var err error
		if m, err = reliability.Default(); err != nil {
			return err
		}
	}
	r := m.Assess(a.Title, a.clean.Clean, a.sourcing)
	for i := range r.Signals {
		for j, sp := range r.Signals[i].Spans {
			o := a.span(sp[0], sp[1])
			r.Signals[i].Spans[j] = [2]int{o.Start, o.End}
		}
	}
	a.Reliability = &r
	return nil
}

// restoreGaps fills Gap.Restored for name-slot gaps the article explains.
// Gaps carry original offsets; the token after each gap is found by
// mapping token offsets to the original text.
//
// It returns the clusters a confident name completion shows to be one
// entity ("Abu Bakr ___" completed by "Baghdadi"), for the claims.
func (a *Analysis) restoreGaps(in quote.Input, quotes []quote.Quote) map[int]int {
	same := map[int]int{}
	if len(a.Gaps) == 0 {
		return same
	}
	// A gap after "the", "to" or a comma is a name only in a text that
	// lost names: one with a gap no stray double space explains ("  ’s
	// message", "Abu Bakr   had fled", "President   said"). Elsewhere
	// ("Rubio ended his  campaign") the article gives no reason to guess.
	lostNames := false
	for _, g := range a.Gaps {
		switch g.Slot {
		case repair.SlotPossessive, repair.SlotNameContinue, repair.SlotTitle:
			lostNames = lostNames || g.NameSlot
		}
	}
	k := 0
	for gi := range a.Gaps {
		g := &a.Gaps[gi]
		if !g.NameSlot {
			continue
		}
		switch g.Slot {
		case repair.SlotDeterminer, repair.SlotSubject, repair.SlotPreposition, repair.SlotQuote:
			if !lostNames {
				continue
			}
		}
		for k < len(a.toks) && a.span(a.toks[k].Start, a.toks[k].End).Start < g.End {
			k++
		}
		if k < len(a.toks) {
			g.Restored = quote.Restore(in, quotes, k, g.Slot)
			if r := g.Restored; r != nil && r.Reason == "name_completion" && r.Confidence >= 0.6 {
				for _, e := range in.Entities {
					if e.Sent < len(a.sents) && a.sents[e.Sent].First+e.TokEnd == k {
						same[e.Cluster] = r.Cluster
					}
				}
			}
		}
	}
	return same
}

// span maps a span of the clean text to Analysis.Text.
func (a *Analysis) span(start, end int) Span {
	s, e := a.clean.Map.Span(start, end)
	return Span{Start: s, End: e}
}

func isBlank(s string) bool {
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\u00a0', '\u200b', '\ufeff', 0:
		default:
			return false
		}
	}
	return true
}
