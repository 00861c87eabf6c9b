// Package store keeps analysed articles in a corpus and answers queries
// over it. The default implementation is SQLite through modernc.org/sqlite
// (pure Go): WAL journal, versioned migrations, an FTS5 index over titles
// and text. Callers use the Store interface, so that another database can
// follow without touching them.
package store

import (
	"context"
	"errors"
	"strings"

	"github.com/siftnews/sift"
	"github.com/siftnews/sift/claim"
)

// ErrNotFound reports an article ID the store does not have.
var ErrNotFound = errors.New("store: article not found")

// Hit is one search result.
type Hit struct {
	ID      int64   `json:"id"`
	Title   string  `json:"title"`
	Origin  string  `json:"origin,omitempty"`
	Source  string  `json:"source,omitempty"`
	Date    string  `json:"date,omitempty"`
	Snippet string  `json:"snippet"` // matched terms wrapped in [ ]
	Rank    float64 `json:"rank"`    // bm25; lower is better
}

// Mention is a place where an entity is named.
type Mention struct {
	ArticleID int64  `json:"article_id"`
	Title     string `json:"title"`
	Name      string `json:"name"`
	Type      string `json:"type"`
	Mentions  int    `json:"mentions"`
}

// QuoteRow is a stored quotation.
type QuoteRow struct {
	ArticleID   int64  `json:"article_id"`
	Title       string `json:"title"`
	Speaker     string `json:"speaker"`
	SpeakerKind string `json:"speaker_kind"`
	Kind        string `json:"kind"`
	Text        string `json:"text"`
	// ReportedBy is who relayed the speaker's words ("Xinhua cited
	// Branstad as saying"), if anyone.
	ReportedBy string `json:"reported_by,omitempty"`
}

// ClaimRow is a stored claim with its article.
type ClaimRow struct {
	ArticleID int64  `json:"article_id"`
	Title     string `json:"title"`
	Subject   string `json:"subject"`
	State     string `json:"state"`
	Place     string `json:"place,omitempty"`
	Evidence  string `json:"evidence"`
	Source    string `json:"source"`
	Quote     string `json:"quote"`
	Predicate string `json:"predicate"`
	Polarity  string `json:"polarity"`
	Modality  string `json:"modality"`
	Object    string `json:"object,omitempty"`
	Time      string `json:"time,omitempty"`
	// Count is the number of a count claim.
	Count *claim.Count `json:"count,omitempty"`
}

// claim is the row as a claim.Claim, for claim.Compare.
func (r ClaimRow) claim() claim.Claim {
	return claim.Claim{Subject: r.Subject, Cluster: -1, Predicate: r.Predicate, State: r.State, Place: r.Place, Object: r.Object,
		Count: r.Count, Polarity: r.Polarity, Modality: r.Modality, Time: r.Time, Evidence: r.Evidence, Source: r.Source}
}

// ConflictRow pairs two claims that cannot both be true (or, from
// Agreements, that corroborate each other), with the reason.
type ConflictRow struct {
	About  string   `json:"about"`
	A      ClaimRow `json:"a"`
	B      ClaimRow `json:"b"`
	Reason string   `json:"reason"`
}

// CoMention is an entity named alongside another.
type CoMention struct {
	Name     string `json:"name"`
	Type     string `json:"type"`
	Articles int    `json:"articles"` // articles naming both
}

// SpeakerCount is a speaker with their quotations.
type SpeakerCount struct {
	Speaker  string `json:"speaker"`
	Kind     string `json:"kind"`
	Quotes   int    `json:"quotes"`
	Articles int    `json:"articles"`
}

// Group is the articles of one source (the document's source field or,
// without one, the file or feed they came from) and one dataset label.
type Group struct {
	Name     string  `json:"name"`
	Label    string  `json:"label,omitempty"`
	Articles int     `json:"articles"`
	Scored   int     `json:"scored"`            // with a reliability score
	MeanP    float64 `json:"mean_p"`            // mean p_unreliable of the scored
	Low      int     `json:"likely_reliable"`   // p < 0.3
	High     int     `json:"likely_unreliable"` // p ≥ 0.7
}

// Store is a corpus of analysed articles.
type Store interface {
	// Put stores an analysis; an article already stored (same content
	// hash) is not stored again and added is false.
	Put(ctx context.Context, a *sift.Analysis) (id int64, added bool, err error)
	// Has reports whether content with this hash is stored.
	Has(ctx context.Context, hash string) (bool, error)
	// Get returns a stored analysis.
	Get(ctx context.Context, id int64) (*sift.Analysis, error)
	// Search ranks articles by a full-text query.
	Search(ctx context.Context, query string, limit int) ([]Hit, error)
	// Entity lists the articles that name an entity (by canonical name or
	// alias, case-insensitive).
	Entity(ctx context.Context, name string, limit int) ([]Mention, error)
	// Quotes lists quotations, optionally by speaker and/or mentioning a name.
	Quotes(ctx context.Context, speaker, about string, limit int) ([]QuoteRow, error)
	// Claims lists state claims, optionally about one subject.
	Claims(ctx context.Context, about string, limit int) ([]ClaimRow, error)
	// Conflicts pairs claims that cannot both be true, across the corpus.
	Conflicts(ctx context.Context, about string, limit int) ([]ConflictRow, error)
	// Agreements pairs claims from different sources that corroborate each
	// other, across the corpus.
	Agreements(ctx context.Context, about string, limit int) ([]ConflictRow, error)
	// CoMentions lists the entities named in the articles that name an
	// entity, by how many of those articles name them.
	CoMentions(ctx context.Context, name string, limit int) ([]CoMention, error)
	// Speakers lists who is quoted most, across the corpus.
	Speakers(ctx context.Context, limit int) ([]SpeakerCount, error)
	// Groups summarises reliability scores by source (or dataset file) and
	// label.
	Groups(ctx context.Context) ([]Group, error)
	// Recent lists the latest stored articles, newest first.
	Recent(ctx context.Context, limit int) ([]Hit, error)
	// Count is the number of stored articles.
	Count(ctx context.Context) (int, error)
	Close() error
}

// Profile is what the corpus says about one entity.
type Profile struct {
	Name      string        `json:"name"`
	Names     []string      `json:"names"`    // canonical names it matched
	Mentions  []Mention     `json:"mentions"` // articles naming it
	Said      []QuoteRow    `json:"said"`     // quotations attributed to it
	About     []QuoteRow    `json:"about"`    // quotations that mention it, by whoever
	Claims    []ClaimRow    `json:"claims"`
	Conflicts []ConflictRow `json:"conflicts"`
	Co        []CoMention   `json:"co_mentioned"`
}

// EntityProfile gathers, from any Store, the articles that name an
// entity, what it said, who speaks about it, the claims about it and the
// entities named with it.
func EntityProfile(ctx context.Context, st Store, name string, limit int) (*Profile, error) {
	p := &Profile{Name: name}
	var err error
	if p.Mentions, err = st.Entity(ctx, name, limit); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, m := range p.Mentions {
		if k := strings.ToLower(m.Name); !seen[k] {
			seen[k] = true
			p.Names = append(p.Names, m.Name)
		}
	}
	asked := map[string]bool{}
	for _, n := range append([]string{name}, p.Names...) {
		if asked[strings.ToLower(n)] {
			continue
		}
		asked[strings.ToLower(n)] = true
		qs, err := st.Quotes(ctx, n, "", limit)
		if err != nil {
			return nil, err
		}
		p.Said = append(p.Said, qs...)
	}
	if p.About, err = st.Quotes(ctx, "", name, limit); err != nil {
		return nil, err
	}
	if p.Claims, err = st.Claims(ctx, name, limit); err != nil {
		return nil, err
	}
	if p.Conflicts, err = st.Conflicts(ctx, name, limit); err != nil {
		return nil, err
	}
	if p.Co, err = st.CoMentions(ctx, name, min(limit, 30)); err != nil {
		return nil, err
	}
	return p, nil
}
