package input

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/mmcdole/gofeed"
	"github.com/siftnews/sift"
	"github.com/siftnews/sift/repair"
)

// feedReader yields the items of an RSS, Atom or JSON feed as documents.
// An item whose feed text is short (a summary) is completed from its
// linked page when Options.FollowLinks is set, through the Fetcher (rate
// limited, retried).
type feedReader struct {
	ctx    context.Context
	origin string
	feed   *gofeed.Feed
	opt    Options
	i      int
}

// followBelow is the word count under which a feed item without a
// content element is taken for a summary and its page is fetched.
const followBelow = 150

func newFeedReader(ctx context.Context, data []byte, origin string, opt Options) (Reader, error) {
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w: feed: %w", origin, ErrBadRecord, err)
	}
	return &feedReader{ctx: ctx, origin: origin, feed: feed, opt: opt}, nil
}

func (f *feedReader) Close() error { return nil }

func (f *feedReader) Next() (*sift.Document, error) {
	if f.i >= len(f.feed.Items) {
		return nil, io.EOF
	}
	it := f.feed.Items[f.i]
	f.i++
	d := &sift.Document{
		Origin: fmt.Sprintf("%s:%d", f.origin, f.i),
		ID:     it.GUID,
		Title:  strings.TrimSpace(it.Title),
		URL:    it.Link,
		Source: strings.TrimSpace(f.feed.Title),
	}
	if len(it.Authors) > 0 && it.Authors[0] != nil {
		d.Author = it.Authors[0].Name
	}
	switch {
	case it.PublishedParsed != nil:
		d.Date = it.PublishedParsed.UTC().Format(time.RFC3339)
	case it.UpdatedParsed != nil:
		d.Date = it.UpdatedParsed.UTC().Format(time.RFC3339)
	default:
		d.Date = it.Published
	}
	body := it.Content
	if strings.TrimSpace(body) == "" {
		body = it.Description
	}
	d.Text, d.Repairs = fragmentText(body)
	var followErr error
	summary := strings.TrimSpace(it.Content) == "" && len(strings.Fields(d.Text)) < followBelow
	if f.opt.FollowLinks && it.Link != "" && (summary || d.Text == "") {
		if page, err := f.follow(it.Link); err != nil {
			followErr = err
		} else if len(strings.Fields(page.Text)) > len(strings.Fields(d.Text)) {
			d.Text, d.Repairs = page.Text, page.Repairs
			if d.Author == "" {
				d.Author = page.Author
			}
			if d.Date == "" {
				d.Date = page.Date
			}
		}
	}
	if strings.TrimSpace(d.Text) == "" {
		err := fmt.Errorf("%w: the item has no text", ErrEmpty)
		if followErr != nil {
			err = fmt.Errorf("%w: the item has no text and its page could not be read: %w", ErrEmpty, followErr)
		}
		return nil, &RecordError{Origin: f.origin, Record: f.i, Err: err}
	}
	return d, nil
}

// follow fetches and reads an item's page.
func (f *feedReader) follow(link string) (*sift.Document, error) {
	resp, err := f.opt.fetcher().Get(f.ctx, link, "text/html, */*;q=0.5", f.opt.maxBytes())
	if err != nil {
		return nil, err
	}
	return parseHTML(resp.Body, link)
}

// fragmentText is the text of an HTML fragment (a feed item's content or
// summary), one paragraph per block; plain text passes through.
func fragmentText(s string) (string, []repair.Repair) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	text, reps := repair.Decode([]byte(s))
	if !strings.Contains(text, "<") {
		return text, reps
	}
	q, err := goquery.NewDocumentFromReader(strings.NewReader(text))
	if err != nil {
		return text, reps
	}
	q.Find("script, style, noscript").Remove()
	var parts []string
	q.Find("p, h1, h2, h3, li, blockquote, pre").Each(func(_ int, s *goquery.Selection) {
		if s.Find("p, li").Length() > 0 {
			return // its paragraphs come on their own
		}
		if t := strings.Join(strings.Fields(s.Text()), " "); t != "" {
			parts = append(parts, t)
		}
	})
	if len(parts) == 0 {
		return strings.Join(strings.Fields(q.Text()), " "), nil
	}
	return strings.Join(parts, "\n\n"), nil
}
