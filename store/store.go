// Package store keeps analysed articles in a corpus and answers queries
// over it. The default implementation is SQLite through modernc.org/sqlite
// (pure Go): WAL journal, versioned migrations, an FTS5 index over titles
// and text. Callers use the Store interface, so that another database can
// follow without touching them.
package store

import (
	"context"
	"errors"

	"github.com/siftnews/sift"
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
}

// ConflictRow pairs two claims that cannot both be true.
type ConflictRow struct {
	About string   `json:"about"`
	A     ClaimRow `json:"a"`
	B     ClaimRow `json:"b"`
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
