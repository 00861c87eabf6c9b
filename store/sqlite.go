package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/siftnews/sift"
	"github.com/siftnews/sift/claim"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// SQLite is the embedded default Store.
type SQLite struct {
	db *sql.DB
}

var _ Store = (*SQLite)(nil)

// migrations are applied in order; PRAGMA user_version records how many.
var migrations = []string{
	`CREATE TABLE articles (
		id INTEGER PRIMARY KEY,
		hash TEXT NOT NULL UNIQUE,
		origin TEXT, title TEXT, author TEXT, date TEXT, url TEXT, source TEXT, label TEXT,
		text TEXT NOT NULL,
		p_unreliable REAL,
		analysis TEXT NOT NULL,
		added_at TEXT NOT NULL
	);
	CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id');
	CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
		INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
	END;
	CREATE TABLE entities (
		article_id INTEGER NOT NULL REFERENCES articles(id),
		cluster INTEGER NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL, mentions INTEGER NOT NULL
	);
	CREATE TABLE entity_names (article_id INTEGER NOT NULL, cluster INTEGER NOT NULL, name TEXT NOT NULL COLLATE NOCASE);
	CREATE INDEX entity_names_name ON entity_names(name);
	CREATE TABLE quotes (
		article_id INTEGER NOT NULL REFERENCES articles(id),
		speaker TEXT, speaker_kind TEXT NOT NULL, speaker_cluster INTEGER, kind TEXT NOT NULL,
		text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL
	);
	CREATE INDEX quotes_speaker ON quotes(speaker COLLATE NOCASE);`,
	`CREATE TABLE claims (
		article_id INTEGER NOT NULL REFERENCES articles(id),
		subject TEXT NOT NULL, subject_key TEXT NOT NULL, state TEXT NOT NULL, place TEXT, evidence TEXT NOT NULL,
		source TEXT NOT NULL, quote TEXT NOT NULL
	);
	CREATE INDEX claims_subject_key ON claims(subject_key);`,
	`ALTER TABLE claims ADD COLUMN predicate TEXT NOT NULL DEFAULT '';
	ALTER TABLE claims ADD COLUMN polarity TEXT NOT NULL DEFAULT 'positive';
	ALTER TABLE claims ADD COLUMN modality TEXT NOT NULL DEFAULT 'asserted';
	ALTER TABLE claims ADD COLUMN object TEXT NOT NULL DEFAULT '';
	ALTER TABLE claims ADD COLUMN time TEXT NOT NULL DEFAULT '';
	ALTER TABLE claims ADD COLUMN value REAL;
	ALTER TABLE claims ADD COLUMN high REAL;
	ALTER TABLE claims ADD COLUMN qualifier TEXT NOT NULL DEFAULT '';`,
	`ALTER TABLE quotes ADD COLUMN reported_by TEXT NOT NULL DEFAULT '';`,
}

// DefaultPath is the store's default location: $XDG_DATA_HOME/sift/sift.db
// (~/.local/share/sift/sift.db).
func DefaultPath() string {
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, _ := os.UserHomeDir()
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "sift", "sift.db")
}

// OpenSQLite opens (creating it and its directory if needed) the store at
// path and brings its schema up to date.
func OpenSQLite(ctx context.Context, path string) (*SQLite, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)")
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	s := &SQLite{db: db}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

func (s *SQLite) migrate(ctx context.Context) error {
	var v int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return fmt.Errorf("store: %w", err)
	}
	if v > len(migrations) {
		return fmt.Errorf("store: database schema version %d is newer than this Sift (%d)", v, len(migrations))
	}
	for ; v < len(migrations); v++ {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("store: %w", err)
		}
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			tx.Rollback()
			return fmt.Errorf("store: migration %d: %w", v+1, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
			tx.Rollback()
			return fmt.Errorf("store: %w", err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("store: %w", err)
		}
	}
	return nil
}

// Hash is the content hash that makes ingestion idempotent: the SHA-256 of
// the title and text.
func Hash(title, text string) string {
	h := sha256.Sum256([]byte(title + "\x00" + text))
	return hex.EncodeToString(h[:])
}

// Has reports whether content with this hash is stored.
func (s *SQLite) Has(ctx context.Context, hash string) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM articles WHERE hash = ?", hash).Scan(&n)
	return n > 0, err
}

// Put stores an analysis with its entities and quotations in one
// transaction.
func (s *SQLite) Put(ctx context.Context, a *sift.Analysis) (int64, bool, error) {
	hash := Hash(a.Title, a.Text)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, false, fmt.Errorf("store: %w", err)
	}
	defer tx.Rollback()
	var id int64
	switch err := tx.QueryRowContext(ctx, "SELECT id FROM articles WHERE hash = ?", hash).Scan(&id); {
	case err == nil:
		return id, false, nil
	case !errors.Is(err, sql.ErrNoRows):
		return 0, false, fmt.Errorf("store: %w", err)
	}
	blob, err := json.Marshal(a)
	if err != nil {
		return 0, false, fmt.Errorf("store: %w", err)
	}
	var p any
	if a.Reliability != nil {
		p = a.Reliability.PUnreliable
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO articles(hash, origin, title, author, date, url, source, label, text, p_unreliable, analysis, added_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		hash, a.Origin, a.Title, a.Author, a.Date, a.URL, a.Source, a.Label, a.Text, p, string(blob), time.Now().UTC().Format(time.RFC3339))
	if err != nil {
		return 0, false, fmt.Errorf("store: %w", err)
	}
	if id, err = res.LastInsertId(); err != nil {
		return 0, false, fmt.Errorf("store: %w", err)
	}
	for _, c := range a.Clusters {
		if _, err := tx.ExecContext(ctx, "INSERT INTO entities(article_id, cluster, name, type, mentions) VALUES (?, ?, ?, ?, ?)",
			id, c.ID, c.Name, c.Type, len(c.Mentions)); err != nil {
			return 0, false, fmt.Errorf("store: %w", err)
		}
		names := append([]string{c.Name}, c.Aliases...)
		if f := strings.Fields(c.Name); c.Type == "PER" && len(f) > 1 {
			names = append(names, f[len(f)-1]) // a person is looked up by surname too
		}
		for _, n := range dedupe(names) {
			if _, err := tx.ExecContext(ctx, "INSERT INTO entity_names(article_id, cluster, name) VALUES (?, ?, ?)", id, c.ID, n); err != nil {
				return 0, false, fmt.Errorf("store: %w", err)
			}
		}
	}
	for _, q := range a.Quotes {
		speaker := q.Speaker.Name
		if speaker == "" && q.Speaker.TextSpan != nil {
			speaker = q.Speaker.Text
		}
		relay := ""
		if q.ReportedBy != nil {
			relay = q.ReportedBy.Label()
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO quotes(article_id, speaker, speaker_kind, speaker_cluster, kind, text, start, "end", reported_by)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, speaker, q.Speaker.Kind, q.Speaker.Cluster, q.Kind, q.Text, q.Start, q.End, relay); err != nil {
			return 0, false, fmt.Errorf("store: %w", err)
		}
	}
	for _, c := range a.Claims {
		qt := ""
		if c.Quote >= 0 && c.Quote < len(a.Quotes) {
			qt = a.Quotes[c.Quote].Text
		}
		var value, high any
		qual := ""
		if c.Count != nil {
			value, high, qual = c.Count.Value, c.Count.High, c.Count.Qualifier
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO claims(article_id, subject, subject_key, state, place, evidence, source, quote,
				predicate, polarity, modality, object, time, value, high, qualifier) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, c.Subject, nameKey(c.Subject), c.State, c.Place, c.Evidence, c.Source, qt,
			c.Predicate, c.Polarity, c.Modality, c.Object, c.Time, value, high, qual); err != nil {
			return 0, false, fmt.Errorf("store: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, false, fmt.Errorf("store: %w", err)
	}
	return id, true, nil
}

// Get returns a stored analysis.
func (s *SQLite) Get(ctx context.Context, id int64) (*sift.Analysis, error) {
	var blob string
	err := s.db.QueryRowContext(ctx, "SELECT analysis FROM articles WHERE id = ?", id).Scan(&blob)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%w: %d", ErrNotFound, id)
	}
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	var a sift.Analysis
	if err := json.Unmarshal([]byte(blob), &a); err != nil {
		return nil, fmt.Errorf("store: article %d: %w", id, err)
	}
	return &a, nil
}

// ftsQuery turns free text into an FTS5 query of quoted terms (so user
// input cannot be read as FTS5 syntax); all terms must match.
func ftsQuery(q string) string {
	var terms []string
	for _, f := range strings.Fields(q) {
		f = strings.Trim(f, `"'“”‘’.,;:!?()[]{}`)
		if f == "" {
			continue
		}
		terms = append(terms, `"`+strings.ReplaceAll(f, `"`, `""`)+`"`)
	}
	return strings.Join(terms, " ")
}

// Search ranks articles by bm25 over titles (weighted 3×) and text.
func (s *SQLite) Search(ctx context.Context, query string, limit int) ([]Hit, error) {
	fq := ftsQuery(query)
	if fq == "" {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, coalesce(a.title, ''), coalesce(a.origin, ''), coalesce(a.source, ''), coalesce(a.date, ''),
			snippet(articles_fts, 1, '[', ']', '…', 16), bm25(articles_fts, 3.0, 1.0)
		FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
		WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 3.0, 1.0) LIMIT ?`, fq, limit)
	if err != nil {
		return nil, fmt.Errorf("store: search: %w", err)
	}
	defer rows.Close()
	var out []Hit
	for rows.Next() {
		var h Hit
		if err := rows.Scan(&h.ID, &h.Title, &h.Origin, &h.Source, &h.Date, &h.Snippet, &h.Rank); err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// Entity lists articles naming an entity, most mentions first.
func (s *SQLite) Entity(ctx context.Context, name string, limit int) ([]Mention, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT e.article_id, coalesce(a.title, ''), e.name, e.type, e.mentions
		FROM entity_names n JOIN entities e ON e.article_id = n.article_id AND e.cluster = n.cluster
		JOIN articles a ON a.id = e.article_id
		WHERE n.name = ? ORDER BY e.mentions DESC, e.article_id LIMIT ?`, name, limit)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	defer rows.Close()
	var out []Mention
	for rows.Next() {
		var m Mention
		if err := rows.Scan(&m.ArticleID, &m.Title, &m.Name, &m.Type, &m.Mentions); err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// Quotes lists quotations by a speaker (name or written source) and/or
// whose text mentions about.
func (s *SQLite) Quotes(ctx context.Context, speaker, about string, limit int) ([]QuoteRow, error) {
	q := `SELECT q.article_id, coalesce(a.title, ''), coalesce(q.speaker, ''), q.speaker_kind, q.kind, q.text, q.reported_by
		FROM quotes q JOIN articles a ON a.id = q.article_id WHERE 1 = 1`
	var args []any
	if speaker != "" {
		q += " AND q.speaker = ? COLLATE NOCASE"
		args = append(args, speaker)
	}
	if about != "" {
		q += " AND q.text LIKE ? ESCAPE '\\'"
		args = append(args, "%"+strings.NewReplacer("%", `\%`, "_", `\_`).Replace(about)+"%")
	}
	q += " ORDER BY q.article_id, q.start LIMIT ?"
	args = append(args, limit)
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	defer rows.Close()
	var out []QuoteRow
	for rows.Next() {
		var r QuoteRow
		if err := rows.Scan(&r.ArticleID, &r.Title, &r.Speaker, &r.SpeakerKind, &r.Kind, &r.Text, &r.ReportedBy); err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Count is the number of stored articles.
func (s *SQLite) Count(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM articles").Scan(&n)
	return n, err
}

// Close closes the database.
func (s *SQLite) Close() error { return s.db.Close() }

func dedupe(xs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		k := strings.ToLower(x)
		if !seen[k] {
			seen[k] = true
			out = append(out, x)
		}
	}
	return out
}

// Claims lists stored claims, optionally about one subject: names match
// by their last word without the Arabic article, case-insensitively, so
// "Baghdadi" finds "Abu Bakr al-Baghdadi".
func (s *SQLite) Claims(ctx context.Context, about string, limit int) ([]ClaimRow, error) {
	q := `SELECT c.article_id, coalesce(a.title, ''), c.subject, c.state, coalesce(c.place, ''), c.evidence, c.source, c.quote,
			c.predicate, c.polarity, c.modality, c.object, c.time, c.value, c.high, c.qualifier
		FROM claims c JOIN articles a ON a.id = c.article_id`
	var args []any
	if about != "" {
		q += " WHERE c.subject_key = ?"
		args = append(args, nameKey(about))
	}
	q += " ORDER BY c.subject_key, c.article_id LIMIT ?"
	args = append(args, limit)
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	return scanAll(rows, func(rows *sql.Rows, r *ClaimRow) error {
		var value, high sql.NullFloat64
		var qual string
		if err := rows.Scan(&r.ArticleID, &r.Title, &r.Subject, &r.State, &r.Place, &r.Evidence, &r.Source, &r.Quote,
			&r.Predicate, &r.Polarity, &r.Modality, &r.Object, &r.Time, &value, &high, &qual); err != nil {
			return err
		}
		if r.Predicate == "" { // stored before predicates were recorded: all were state claims
			r.Predicate = claim.PredicateOf(r.State)
		}
		if value.Valid {
			r.Count = &claim.Count{Value: value.Float64, High: high.Float64, Qualifier: qual}
		}
		return nil
	})
}

// Conflicts pairs stored claims about the same subject (by name key) from
// different sources — in one article or across articles — that cannot
// both be true (claim.Compare says why).
func (s *SQLite) Conflicts(ctx context.Context, about string, limit int) ([]ConflictRow, error) {
	return s.relate(ctx, about, limit, claim.Contradict)
}

// Agreements pairs stored claims from different sources that corroborate
// each other.
func (s *SQLite) Agreements(ctx context.Context, about string, limit int) ([]ConflictRow, error) {
	return s.relate(ctx, about, limit, claim.Agree)
}

func (s *SQLite) relate(ctx context.Context, about string, limit int, want claim.Relation) ([]ConflictRow, error) {
	cs, err := s.Claims(ctx, about, 100000)
	if err != nil {
		return nil, err
	}
	var out []ConflictRow
	// claims come ordered by subject key: compare within each run
	for i := 0; i < len(cs) && len(out) < limit; i++ {
		ki := nameKey(cs[i].Subject)
		for j := i + 1; j < len(cs) && len(out) < limit; j++ {
			if nameKey(cs[j].Subject) != ki {
				break
			}
			if cs[i].ArticleID == cs[j].ArticleID && cs[i].Quote == cs[j].Quote {
				continue // one statement read twice
			}
			if rel, reason := claim.Compare(cs[i].claim(), cs[j].claim()); rel == want {
				out = append(out, ConflictRow{About: cs[i].Subject, A: cs[i], B: cs[j], Reason: reason})
			}
		}
	}
	return out, nil
}

// nameKey is the matching key of a name across articles: its last word,
// lower-cased, without an Arabic article or possessive.
func nameKey(name string) string {
	f := strings.Fields(strings.ToLower(name))
	if len(f) == 0 {
		return ""
	}
	w := strings.TrimSuffix(strings.TrimSuffix(f[len(f)-1], "'s"), "’s")
	for _, p := range []string{"al-", "el-", "ad-", "as-", "ash-", "an-", "ar-", "at-", "az-"} {
		if strings.HasPrefix(w, p) && len(w) > len(p)+2 {
			return w[len(p):]
		}
	}
	return w
}

// CoMentions lists entities named in the articles that name name.
func (s *SQLite) CoMentions(ctx context.Context, name string, limit int) ([]CoMention, error) {
	rows, err := s.db.QueryContext(ctx, `WITH hit AS (
			SELECT DISTINCT article_id, cluster FROM entity_names WHERE name = ?)
		SELECT e.name, e.type, count(DISTINCT e.article_id) AS n
		FROM entities e JOIN (SELECT DISTINCT article_id FROM hit) h ON h.article_id = e.article_id
		WHERE NOT EXISTS (SELECT 1 FROM hit WHERE hit.article_id = e.article_id AND hit.cluster = e.cluster)
		GROUP BY e.name COLLATE NOCASE, e.type ORDER BY n DESC, e.name LIMIT ?`, name, limit)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	return scanAll(rows, func(r *sql.Rows, c *CoMention) error { return r.Scan(&c.Name, &c.Type, &c.Articles) })
}

// Speakers lists the most quoted speakers.
func (s *SQLite) Speakers(ctx context.Context, limit int) ([]SpeakerCount, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT speaker, speaker_kind, count(*) AS n, count(DISTINCT article_id)
		FROM quotes WHERE coalesce(speaker, '') <> ''
			AND lower(speaker) NOT IN ('who', 'he', 'she', 'they', 'it', 'we', 'i', 'you', 'which', 'that', 'this')
		GROUP BY speaker COLLATE NOCASE ORDER BY n DESC, speaker LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	return scanAll(rows, func(r *sql.Rows, c *SpeakerCount) error {
		return r.Scan(&c.Speaker, &c.Kind, &c.Quotes, &c.Articles)
	})
}

// Groups summarises reliability by source and label. Articles without a
// source are grouped by the file they came from (their origin without
// the record number).
func (s *SQLite) Groups(ctx context.Context) ([]Group, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT coalesce(source, ''), coalesce(origin, ''), coalesce(label, ''), p_unreliable FROM articles`)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	defer rows.Close()
	type key struct{ name, label string }
	idx := map[key]int{}
	var out []Group
	for rows.Next() {
		var src, origin, label string
		var p sql.NullFloat64
		if err := rows.Scan(&src, &origin, &label, &p); err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
		k := key{GroupName(src, origin), label}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, Group{Name: k.name, Label: k.label})
		}
		g := &out[i]
		g.Articles++
		if p.Valid {
			g.MeanP += (p.Float64 - g.MeanP) / float64(g.Scored+1)
			g.Scored++
			switch {
			case p.Float64 < 0.3:
				g.Low++
			case p.Float64 >= 0.7:
				g.High++
			}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].Label < out[j].Label
	})
	return out, nil
}

// GroupName names an article's group: its source, else the file or feed
// it came from (the origin without a trailing record number, and only
// the last directory and file name of a path).
func GroupName(source, origin string) string {
	if source = strings.TrimSpace(source); source != "" {
		return source
	}
	if i := strings.LastIndexByte(origin, ':'); i > 0 {
		if _, err := strconv.Atoi(origin[i+1:]); err == nil {
			origin = origin[:i]
		}
	}
	for _, ext := range []string{".tar.gz:", ".tgz:"} {
		if i := strings.Index(origin, ext); i >= 0 {
			origin = origin[:i+len(ext)-1] // group an archive's members
		}
	}
	if strings.Contains(origin, "://") {
		return origin
	}
	dir, file := filepath.Split(filepath.Clean(origin))
	if base := filepath.Base(dir); dir != "" && base != "." && base != string(filepath.Separator) {
		return base + "/" + file
	}
	if file == "" || file == "." {
		return "(unknown)"
	}
	return file
}

// scanAll reads every row with scan.
func scanAll[T any](rows *sql.Rows, scan func(*sql.Rows, *T) error) ([]T, error) {
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := scan(rows, &v); err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	return out, nil
}

// Recent lists the latest stored articles.
func (s *SQLite) Recent(ctx context.Context, limit int) ([]Hit, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, coalesce(title, ''), coalesce(origin, ''), coalesce(source, ''), coalesce(date, '')
		FROM articles ORDER BY id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	return scanAll(rows, func(r *sql.Rows, h *Hit) error { return r.Scan(&h.ID, &h.Title, &h.Origin, &h.Source, &h.Date) })
}
