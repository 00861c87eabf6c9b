package input

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/PuerkitoBio/goquery"
	"github.com/siftnews/sift"
	"github.com/siftnews/sift/repair"
)

// parseText reads plain text in UTF-8, UTF-16 (with a byte-order mark) or
// Windows-1252; decoding is recorded as repairs.
func parseText(data []byte, origin string) *sift.Document {
	text, reps := repair.Decode(data)
	return &sift.Document{Text: text, Origin: origin, Repairs: reps, Title: headline(text)}
}

// headline is the title of a plain-text article whose first line is a
// headline: short, not ending like a sentence, followed by a blank line
// and more text. The text keeps it (offsets stay those of the file).
func headline(text string) string {
	t := strings.TrimLeft(text, " \t\r\n\ufeff")
	line, rest, ok := strings.Cut(t, "\n")
	line = strings.TrimSpace(line)
	if !ok || line == "" || len(line) > 200 || len(strings.Fields(line)) < 3 {
		return ""
	}
	if r := strings.TrimLeft(rest, " \t\r"); !strings.HasPrefix(r, "\n") || strings.TrimSpace(r) == "" {
		return ""
	}
	if strings.ContainsRune(".,;:", rune(line[len(line)-1])) {
		return "" // a sentence or a paragraph, not a headline
	}
	return line
}

// parseHTML extracts the main text and metadata of an HTML page with
// go-readability, falling back to the page's visible body text (through
// goquery) when no article is found. Offsets then refer to the extracted
// text.
func parseHTML(data []byte, origin string) (*sift.Document, error) {
	page, _ := repair.Decode(data)
	doc := &sift.Document{Origin: origin}
	art, err := readability.FromReader(strings.NewReader(page), nil)
	if err == nil && art.Node != nil {
		var b strings.Builder
		if err := art.RenderText(&b); err == nil {
			doc.Text = strings.TrimSpace(b.String())
		}
		doc.Title = strings.TrimSpace(art.Title())
		doc.Author = strings.TrimSpace(art.Byline())
		doc.Source = strings.TrimSpace(art.SiteName())
		if t, err := art.PublishedTime(); err == nil {
			doc.Date = t.Format("2006-01-02T15:04:05Z07:00")
		}
	}
	if strings.TrimSpace(doc.Text) == "" {
		q, err := goquery.NewDocumentFromReader(strings.NewReader(page))
		if err != nil {
			return nil, fmt.Errorf("%s: html: %w", origin, err)
		}
		q.Find("script, style, noscript, nav, header, footer, aside").Remove()
		var parts []string
		q.Find("h1, h2, h3, p, li, blockquote, pre, td").Each(func(_ int, s *goquery.Selection) {
			if t := strings.Join(strings.Fields(s.Text()), " "); t != "" {
				parts = append(parts, t)
			}
		})
		if len(parts) == 0 {
			parts = []string{strings.Join(strings.Fields(q.Find("body").Text()), " ")}
		}
		doc.Text = strings.TrimSpace(strings.Join(parts, "\n\n"))
		if doc.Title == "" {
			doc.Title = strings.TrimSpace(q.Find("title").First().Text())
		}
	}
	if doc.Text == "" {
		return nil, fmt.Errorf("%s: html: %w: no readable text", origin, ErrEmpty)
	}
	return doc, nil
}

// fieldAliases lists, for each Document field, the column or key names
// that datasets use for it, first match wins.
var fieldAliases = map[string][]string{
	"id":     {"id", "unit_id", "article_id", "news_id", "uid", "guid"},
	"title":  {"title", "article_title", "headline", "heading"},
	"author": {"author", "authors", "byline", "writer"},
	"text":   {"text", "article_content", "content", "body", "article", "news", "story", "fulltext", "full_text", "articlebody", "statement"},
	"label":  {"label", "labels", "class", "veracity", "is_fake", "fake", "target"},
	"date":   {"date", "published", "publish_date", "pubdate", "published_at", "timestamp", "date_published"},
	"url":    {"url", "link", "news_url", "source_url"},
	"source": {"source", "site", "site_name", "outlet", "publisher", "domain", "subject"},
}

var fieldOrder = []string{"id", "title", "author", "text", "label", "date", "url", "source"}

// resolveColumns maps each field to its index in header, using the user's
// mapping first and the aliases after.
func resolveColumns(header []string, user map[string]string) (map[string]int, error) {
	idx := make(map[string]int, len(header))
	for i, h := range header {
		k := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if _, dup := idx[k]; !dup {
			idx[k] = i
		}
	}
	cols := map[string]int{}
	for field, col := range user {
		i, ok := idx[strings.ToLower(col)]
		if !ok {
			return nil, fmt.Errorf("column %q (for %s) not in header %q", col, field, header)
		}
		cols[field] = i
	}
	for _, field := range fieldOrder {
		if _, ok := cols[field]; ok {
			continue
		}
		for _, alias := range fieldAliases[field] {
			if i, ok := idx[alias]; ok {
				cols[field] = i
				break
			}
		}
	}
	if _, ok := cols["text"]; !ok {
		return nil, fmt.Errorf("no text column in header %q (name one with --column text=NAME)", header)
	}
	return cols, nil
}

// setField stores a value in the named Document field.
func setField(d *sift.Document, field, v string) {
	switch field {
	case "id":
		d.ID = v
	case "title":
		d.Title = v
	case "author":
		d.Author = v
	case "text":
		d.Text = v
	case "label":
		d.Label = v
	case "date":
		d.Date = v
	case "url":
		d.URL = v
	case "source":
		d.Source = v
	}
}

// docFromMap builds a Document from a JSON object using the aliases.
func docFromMap(m map[string]any, user map[string]string) (*sift.Document, error) {
	lower := make(map[string]any, len(m))
	for k, v := range m {
		lower[strings.ToLower(k)] = v
	}
	d := &sift.Document{}
	found := false
	for _, field := range fieldOrder {
		keys := fieldAliases[field]
		if col, ok := user[field]; ok {
			keys = []string{strings.ToLower(col)}
		}
		for _, k := range keys {
			v, ok := lower[k]
			if !ok || v == nil {
				continue
			}
			setField(d, field, jsonString(v))
			if field == "text" {
				found = true
			}
			break
		}
	}
	if !found {
		return nil, fmt.Errorf("%w: no text field", ErrBadRecord)
	}
	return d, nil
}

func jsonString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case []any:
		parts := make([]string, 0, len(x))
		for _, e := range x {
			parts = append(parts, jsonString(e))
		}
		return strings.Join(parts, ", ")
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// parseJSON reads one JSON object or an array of them.
func parseJSON(data []byte, origin string, opt Options) ([]item, error) {
	text, _ := repair.Decode(data)
	t := bytes.TrimSpace([]byte(text))
	if len(t) > 0 && t[0] == '[' {
		var arr []map[string]any
		if err := json.Unmarshal(t, &arr); err != nil {
			return nil, fmt.Errorf("%s: json: %w", origin, err)
		}
		items := make([]item, 0, len(arr))
		for i, m := range arr {
			d, err := docFromMap(m, opt.Columns)
			if err != nil {
				items = append(items, item{err: &RecordError{Origin: origin, Record: i + 1, Err: err}})
				continue
			}
			d.Origin = fmt.Sprintf("%s#%d", origin, i+1)
			items = append(items, item{doc: d})
		}
		return items, nil
	}
	var m map[string]any
	if err := json.Unmarshal(t, &m); err != nil {
		return nil, fmt.Errorf("%s: json: %w", origin, err)
	}
	d, err := docFromMap(m, opt.Columns)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", origin, err)
	}
	d.Origin = origin
	return []item{{doc: d}}, nil
}
