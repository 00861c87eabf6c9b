package input

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func quickFetcher() *Fetcher {
	return &Fetcher{Backoff: 5 * time.Millisecond, PerHost: -1, Timeout: 5 * time.Second}
}

func TestFetcherRetries(t *testing.T) {
	var n atomic.Int32
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) <= 2 {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ok"))
	}))
	defer ts.Close()
	resp, err := quickFetcher().Get(context.Background(), ts.URL, "", 1<<20)
	if err != nil || string(resp.Body) != "ok" || n.Load() != 3 {
		t.Fatalf("two 503s then 200: %v %v after %d requests", err, resp, n.Load())
	}
}

func TestFetcherGivesUpAndDoesNotRetryPermanentErrors(t *testing.T) {
	for _, c := range []struct {
		status int
		tries  int32
	}{{500, 4}, {404, 1}, {403, 1}} {
		var n atomic.Int32
		ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			n.Add(1)
			w.WriteHeader(c.status)
		}))
		_, err := quickFetcher().Get(context.Background(), ts.URL, "", 1<<20)
		ts.Close()
		if !errors.Is(err, ErrFetch) || n.Load() != c.tries {
			t.Errorf("HTTP %d: err %v after %d tries, want ErrFetch after %d", c.status, err, n.Load(), c.tries)
		}
	}
}

func TestFetcherHonoursRetryAfter(t *testing.T) {
	var n atomic.Int32
	var first, second time.Time
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			first = time.Now()
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		second = time.Now()
	}))
	defer ts.Close()
	f := quickFetcher()
	f.MaxWait = 300 * time.Millisecond // caps the 1 s Retry-After
	if _, err := f.Get(context.Background(), ts.URL, "", 1<<20); err != nil {
		t.Fatal(err)
	}
	if gap := second.Sub(first); gap < 250*time.Millisecond {
		t.Errorf("retried %v after a 429 with Retry-After, want the capped 300 ms", gap)
	}
}

func TestFetcherRateLimitsPerHost(t *testing.T) {
	var mu sync.Mutex
	var times []time.Time
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		times = append(times, time.Now())
		mu.Unlock()
	}))
	defer ts.Close()
	f := &Fetcher{PerHost: 80 * time.Millisecond}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := f.Get(context.Background(), ts.URL, "", 1<<20); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if len(times) != 4 {
		t.Fatalf("%d requests", len(times))
	}
	if span := times[3].Sub(times[0]); span < 3*70*time.Millisecond {
		t.Errorf("4 requests to one host within %v; the limit is one per 80 ms", span)
	}
}

func TestFetcherRespectsContext(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(503) }))
	defer ts.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	f := &Fetcher{Backoff: time.Second, PerHost: -1}
	start := time.Now()
	_, err := f.Get(ctx, ts.URL, "", 1<<20)
	if !errors.Is(err, ErrFetch) || time.Since(start) > 900*time.Millisecond {
		t.Errorf("cancelled fetch: %v after %v", err, time.Since(start))
	}
}

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>Example Herald</title>
<link>https://example.org/</link>
<item>
  <title>Minister says IS leader fled Mosul</title>
  <link>{{BASE}}/full</link>
  <guid>a1</guid>
  <pubDate>Thu, 10 Nov 2016 09:30:00 +0000</pubDate>
  <content:encoded><![CDATA[<p>“He is no longer in Mosul,” Foreign Minister Hoshyar Zebari said on Thursday.</p><p>A Kurdish official disputed that account.</p>]]></content:encoded>
</item>
<item>
  <title>Aid convoy reaches Aleppo</title>
  <link>{{BASE}}/story</link>
  <guid>a2</guid>
  <description>A convoy reached Aleppo.</description>
</item>
<item>
  <title>Gone</title>
  <link>{{BASE}}/missing</link>
  <guid>a3</guid>
</item>
</channel>
</rss>`

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom Wire</title>
  <entry>
    <title>Ministry denies resignation</title>
    <link href="https://example.org/a"/>
    <id>urn:x:1</id>
    <updated>2016-11-03T10:00:00Z</updated>
    <author><name>Staff</name></author>
    <content type="html">&lt;p&gt;"The minister has not resigned," spokesman Naseer Jabbar said.&lt;/p&gt;</content>
  </entry>
</feed>`

func TestFeeds(t *testing.T) {
	story := "<html><head><title>Aid convoy reaches Aleppo</title></head><body><article><h1>Aid convoy reaches Aleppo</h1>" +
		strings.Repeat("<p>A United Nations convoy of 25 trucks reached the besieged eastern districts of Aleppo on Friday, the first aid since July, officials said.</p>", 12) +
		"</article></body></html>"
	var pages atomic.Int32
	var ts *httptest.Server
	ts = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed":
			w.Header().Set("Content-Type", "application/rss+xml")
			io.WriteString(w, strings.ReplaceAll(rss, "{{BASE}}", ts.URL))
		case "/atom":
			w.Header().Set("Content-Type", "application/atom+xml")
			io.WriteString(w, atom)
		case "/story":
			pages.Add(1)
			w.Header().Set("Content-Type", "text/html")
			io.WriteString(w, story)
		case "/full":
			t.Error("an item with its full text was fetched again")
		default:
			http.NotFound(w, r)
		}
	}))
	defer ts.Close()
	opt := Options{Fetcher: quickFetcher(), FollowLinks: true}
	r, err := Open(context.Background(), ts.URL+"/feed", opt)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var docs []string
	var recErr *RecordError
	for {
		d, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if !errors.As(err, &recErr) || !errors.Is(err, ErrEmpty) {
				t.Fatalf("unexpected error %v", err)
			}
			continue
		}
		if d.Source != "Example Herald" || d.Title == "" || d.URL == "" {
			t.Errorf("item metadata: %+v", d)
		}
		docs = append(docs, d.Title+": "+d.Text)
		if d.Title == "Minister says IS leader fled Mosul" && d.Date != "2016-11-10T09:30:00Z" {
			t.Errorf("date %q", d.Date)
		}
	}
	if len(docs) != 2 || !strings.Contains(docs[0], "no longer in Mosul") || !strings.Contains(docs[0], "\n\nA Kurdish official") {
		t.Fatalf("items: %q", docs)
	}
	if !strings.Contains(docs[1], "25 trucks") || pages.Load() != 1 {
		t.Errorf("the summary-only item should be completed from its page (fetched %d times): %q", pages.Load(), docs[1])
	}
	if recErr == nil || recErr.Record != 3 || !strings.Contains(recErr.Error(), "404") {
		t.Errorf("the item without text and with a dead link: %v", recErr)
	}

	r, err = Open(context.Background(), ts.URL+"/atom", Options{Fetcher: quickFetcher()})
	if err != nil {
		t.Fatal(err)
	}
	d, err := r.Next()
	if err != nil || d.Source != "Atom Wire" || d.Author != "Staff" || !strings.Contains(d.Text, "has not resigned") || d.Date != "2016-11-03T10:00:00Z" {
		t.Errorf("atom entry: %v %+v", err, d)
	}
	// a feed file is recognised by its content
	r, err = FromReader(strings.NewReader(atom), "wire.xml", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d, err := r.Next(); err != nil || d.Title != "Ministry denies resignation" {
		t.Errorf("atom from a file: %v %+v", err, d)
	}
}
