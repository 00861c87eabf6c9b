package input

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Fetcher downloads pages politely: a timeout on every request, retries
// with exponential back-off on network errors, 429 and 5xx (honouring
// Retry-After), and at most one request per PerHost interval to any one
// host. One Fetcher is safe for concurrent use; share it between readers
// so that the rate limit holds across them.
type Fetcher struct {
	Client    *http.Client  // nil: a client with Timeout
	Timeout   time.Duration // per request (default 30 s)
	Retries   int           // after the first try (default 3; negative: none)
	Backoff   time.Duration // first pause between tries, doubled each time (default 500 ms)
	MaxWait   time.Duration // longest pause, Retry-After included (default 30 s)
	PerHost   time.Duration // least time between two requests to one host (default 1 s; negative: no limit)
	UserAgent string        // default "sift/1 (+https://github.com/siftnews/sift)"

	mu    sync.Mutex
	hosts map[string]*rate.Limiter
}

func (f *Fetcher) timeout() time.Duration {
	if f.Timeout > 0 {
		return f.Timeout
	}
	return 30 * time.Second
}

func (f *Fetcher) client() *http.Client {
	if f.Client != nil {
		return f.Client
	}
	return &http.Client{Timeout: f.timeout()}
}

func (f *Fetcher) retries() int {
	switch {
	case f.Retries < 0:
		return 0
	case f.Retries == 0:
		return 3
	}
	return f.Retries
}

func (f *Fetcher) backoff() time.Duration {
	if f.Backoff > 0 {
		return f.Backoff
	}
	return 500 * time.Millisecond
}

func (f *Fetcher) maxWait() time.Duration {
	if f.MaxWait > 0 {
		return f.MaxWait
	}
	return 30 * time.Second
}

// limiter is the rate limiter of a host.
func (f *Fetcher) limiter(host string) *rate.Limiter {
	every := f.PerHost
	if every == 0 {
		every = time.Second
	}
	if every < 0 {
		return nil
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.hosts == nil {
		f.hosts = map[string]*rate.Limiter{}
	}
	l, ok := f.hosts[host]
	if !ok {
		l = rate.NewLimiter(rate.Every(every), 1)
		f.hosts[host] = l
	}
	return l
}

// Response is a fetched page.
type Response struct {
	URL         string // after redirects
	ContentType string
	Body        []byte
}

// Get fetches a URL, reading at most max bytes of its body. Errors wrap
// ErrFetch (or ErrTooLarge).
func (f *Fetcher) Get(ctx context.Context, rawURL string, accept string, limit int64) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%s: %w: not an http(s) URL", rawURL, ErrFetch)
	}
	lim := f.limiter(u.Host)
	pause := f.backoff()
	var last error
	for try := 0; try <= f.retries(); try++ {
		if try > 0 {
			if err := sleep(ctx, min(pause, f.maxWait())); err != nil {
				return nil, fmt.Errorf("%s: %w: %w (after %v)", rawURL, ErrFetch, err, last)
			}
			pause *= 2
		}
		if lim != nil {
			if err := lim.Wait(ctx); err != nil {
				return nil, fmt.Errorf("%s: %w: %w", rawURL, ErrFetch, err)
			}
		}
		resp, retryAfter, err := f.once(ctx, rawURL, accept, limit)
		if err == nil {
			return resp, nil
		}
		last = err
		var perm *permanentError
		if errors.As(err, &perm) || ctx.Err() != nil {
			break
		}
		if retryAfter > 0 {
			pause = max(pause, retryAfter)
		}
	}
	return nil, fmt.Errorf("%s: %w: %w", rawURL, ErrFetch, unwrapPermanent(last))
}

// permanentError is a failure that trying again will not fix (404, a body
// too large…).
type permanentError struct{ err error }

func (e *permanentError) Error() string { return e.err.Error() }
func (e *permanentError) Unwrap() error { return e.err }

func unwrapPermanent(err error) error {
	var p *permanentError
	if errors.As(err, &p) {
		return p.err
	}
	return err
}

func (f *Fetcher) once(ctx context.Context, rawURL, accept string, limit int64) (*Response, time.Duration, error) {
	ctx, cancel := context.WithTimeout(ctx, f.timeout())
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, 0, &permanentError{err}
	}
	ua := f.UserAgent
	if ua == "" {
		ua = "sift/1 (+https://github.com/siftnews/sift)"
	}
	req.Header.Set("User-Agent", ua)
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	resp, err := f.client().Do(req)
	if err != nil {
		return nil, 0, err // timeouts, refused connections, resets: worth another try
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500 {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil, retryAfter(resp.Header.Get("Retry-After")), fmt.Errorf("HTTP %s", resp.Status)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, 0, &permanentError{fmt.Errorf("HTTP %s", resp.Status)}
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, 0, err
	}
	if int64(len(data)) > limit {
		return nil, 0, &permanentError{fmt.Errorf("%w: more than %d bytes", ErrTooLarge, limit)}
	}
	return &Response{URL: resp.Request.URL.String(), ContentType: resp.Header.Get("Content-Type"), Body: data}, 0, nil
}

// retryAfter reads a Retry-After header: seconds or an HTTP date.
func retryAfter(v string) time.Duration {
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return time.Until(t)
	}
	return 0
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
