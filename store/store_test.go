package store

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/siftnews/sift"
)

func open(t *testing.T) *SQLite {
	t.Helper()
	s, err := OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "sub", "sift.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func analyse(t *testing.T, title, text string) *sift.Analysis {
	t.Helper()
	a, err := sift.Analyze(context.Background(), sift.Document{Title: title, Text: text, Origin: "test"})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestPutGetIdempotent(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	a := analyse(t, "Zebari says Baghdadi fled Mosul", "“He is no longer in Mosul,” Foreign Minister Hoshyar Zebari said on Thursday. Zebari added that 6,000 fighters remain.")
	id, added, err := s.Put(ctx, a)
	if err != nil || !added {
		t.Fatalf("Put: %v %v", added, err)
	}
	id2, added, err := s.Put(ctx, a)
	if err != nil || added || id2 != id {
		t.Fatalf("second Put: id %d added %v err %v", id2, added, err)
	}
	if n, _ := s.Count(ctx); n != 1 {
		t.Errorf("count %d", n)
	}
	got, err := s.Get(ctx, id)
	if err != nil || got.Text != a.Text || len(got.Quotes) != len(a.Quotes) || got.Reliability == nil {
		t.Fatalf("Get: %v %+v", err, got)
	}
	if _, err := s.Get(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing id: %v", err)
	}
	if ok, _ := s.Has(ctx, Hash(a.Title, a.Text)); !ok {
		t.Error("Has = false for a stored article")
	}
}

func TestSearchEntityQuotes(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	for _, d := range [][2]string{
		{"Zebari says Baghdadi fled Mosul", "“He is no longer in Mosul,” Foreign Minister Hoshyar Zebari said on Thursday."},
		{"Kurdish official disputes account", "“Baghdadi is still in the city,” a senior Kurdish official said, disputing Zebari's account."},
		{"Markets rise", "Shares rose on Monday in Tokyo as investors bought technology stocks, traders said."},
	} {
		if _, _, err := s.Put(ctx, analyse(t, d[0], d[1])); err != nil {
			t.Fatal(err)
		}
	}
	hits, err := s.Search(ctx, "Mosul", 10)
	if err != nil || len(hits) != 1 || !strings.Contains(hits[0].Snippet, "[Mosul]") {
		t.Fatalf("search Mosul: %v %+v", err, hits)
	}
	if hits, _ := s.Search(ctx, `Baghdadi "OR* NEAR(`, 10); len(hits) != 0 {
		t.Errorf("query syntax leaked into FTS5: %+v", hits)
	}
	if hits, _ := s.Search(ctx, "Baghdadi", 10); len(hits) != 2 || hits[0].Title != "Zebari says Baghdadi fled Mosul" {
		t.Errorf("title matches should rank first: %+v", hits)
	}
	ms, err := s.Entity(ctx, "zebari", 10)
	if err != nil || len(ms) != 2 {
		t.Errorf("entity Zebari (alias, any case): %v %+v", err, ms)
	}
	qs, err := s.Quotes(ctx, "Hoshyar Zebari", "", 10)
	if err != nil || len(qs) != 1 || !strings.Contains(qs[0].Text, "no longer in Mosul") {
		t.Errorf("quotes by Zebari: %v %+v", err, qs)
	}
	qs, _ = s.Quotes(ctx, "", "still in the city", 10)
	if len(qs) != 1 || qs[0].SpeakerKind != "anonymous" {
		t.Errorf("quotes about the city: %+v", qs)
	}
	co, err := s.CoMentions(ctx, "Zebari", 10)
	if err != nil || !hasName(co, "Baghdadi") || hasName(co, "Zebari") || hasName(co, "Hoshyar Zebari") {
		t.Errorf("co-mentions of Zebari should include Baghdadi, not Zebari himself: %v %+v", err, co)
	}
	sp, err := s.Speakers(ctx, 10)
	if err != nil || len(sp) == 0 || sp[0].Quotes < 1 {
		t.Errorf("speakers: %v %+v", err, sp)
	}
	gs, err := s.Groups(ctx)
	if err != nil || len(gs) != 1 || gs[0].Articles != 3 || gs[0].Scored != 3 || gs[0].MeanP <= 0 || gs[0].MeanP >= 1 {
		t.Errorf("groups: %v %+v", err, gs)
	}
}

func TestQuotesKeepWhoReportedThem(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	a := analyse(t, "China welcomes ambassador", "BEIJING (Reuters) - The new U.S. ambassador Terry Branstad arrived in Beijing on Monday. “It is beneficial to both of our countries, and also benefits the rest of the world,” Xinhua cited Branstad as saying.")
	if _, _, err := s.Put(ctx, a); err != nil {
		t.Fatal(err)
	}
	qs, err := s.Quotes(ctx, "Terry Branstad", "", 10)
	if err != nil || len(qs) != 1 || qs[0].ReportedBy != "Xinhua" {
		t.Errorf("quotes by Branstad, reported by Xinhua: %v %+v", err, qs)
	}
}

func hasName(cs []CoMention, name string) bool {
	for _, c := range cs {
		if strings.Contains(c.Name, name) {
			return true
		}
	}
	return false
}

func TestGroupName(t *testing.T) {
	for _, c := range []struct{ source, origin, want string }{
		{"Reuters", "x.csv:3", "Reuters"},
		{"", "../shared/data/isot-sample/true_sample.csv:12", "isot-sample/true_sample.csv"},
		{"", "article.txt", "article.txt"},
		{"", "https://example.org/feed.xml:4", "https://example.org/feed.xml"},
		{"", "", "(unknown)"},
		{"", "archive.tar.gz:dir/a.txt", "archive.tar.gz"},
	} {
		if got := GroupName(c.source, c.origin); got != c.want {
			t.Errorf("GroupName(%q, %q) = %q, want %q", c.source, c.origin, got, c.want)
		}
	}
}

func TestReopenKeepsSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sift.db")
	s, err := OpenSQLite(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	s.Put(ctx, analyse(t, "T", "Some text about Paris, officials said."))
	s.Close()
	s, err = OpenSQLite(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, _ := s.Count(ctx); n != 1 {
		t.Errorf("count after reopening %d", n)
	}
}

func TestConflictsAcrossArticles(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	docs := [][2]string{
		{"Minister: Baghdadi has fled", "Abu Bakr al-Baghdadi has fled Mosul, Iraq's foreign minister Hoshyar Zebari told reporters. “Baghdadi has fled Mosul,” Zebari said."},
		{"Kurds: Baghdadi still in Mosul", "“Baghdadi is still in Mosul,” a senior Kurdish official said on Friday."},
	}
	for _, d := range docs {
		if _, _, err := s.Put(ctx, analyse(t, d[0], d[1])); err != nil {
			t.Fatal(err)
		}
	}
	cs, err := s.Claims(ctx, "baghdadi", 10)
	if err != nil || len(cs) < 2 {
		t.Fatalf("claims: %v %+v", err, cs)
	}
	cf, err := s.Conflicts(ctx, "Baghdadi", 10)
	if err != nil || len(cf) == 0 {
		t.Fatalf("conflicts: %v %+v (claims %+v)", err, cf, cs)
	}
	if cf[0].A.ArticleID == cf[0].B.ArticleID {
		t.Errorf("want a conflict across the two articles: %+v", cf)
	}
}
