package serve

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"
	"github.com/siftnews/sift"
	"github.com/siftnews/sift/input"
	"github.com/siftnews/sift/store"
)

//go:embed web/templates/*.html
var templateFS embed.FS

//go:embed web/static
var staticFS embed.FS

// pages are the UI's templates, each parsed with the layout.
type pages map[string]*template.Template

var funcs = template.FuncMap{
	"pct": func(p float64) string { return fmt.Sprintf("%.0f%%", 100*p) },
	"spans": func(ss [][2]int) string {
		parts := make([]string, len(ss))
		for i, s := range ss {
			parts[i] = fmt.Sprintf("%d-%d", s[0], s[1])
		}
		return strings.Join(parts, ",")
	},
	"entlink": func(name string) string { return "/entities/" + url.PathEscape(name) },
	"join":    strings.Join,
	"words":   func(s string) string { return strings.ReplaceAll(s, "_", " ") },
	// quoted wraps a quotation in marks unless it has its own.
	"quoted": func(s string) string {
		s = strings.TrimSpace(s)
		if s == "" || strings.ContainsRune("“\"‘'«„", []rune(s)[0]) {
			return s
		}
		return "“" + s + "”"
	},
	// snippet turns the store's [match] markers into <mark>, escaping the rest.
	"snippet": func(s string) template.HTML {
		var b strings.Builder
		for {
			i := strings.IndexByte(s, '[')
			j := strings.IndexByte(s, ']')
			if i < 0 || j < i {
				b.WriteString(template.HTMLEscapeString(s))
				return template.HTML(b.String())
			}
			b.WriteString(template.HTMLEscapeString(s[:i]))
			b.WriteString(`<mark class="hl">` + template.HTMLEscapeString(s[i+1:j]) + `</mark>`)
			s = s[j+1:]
		}
	},
}

func loadPages() (pages, error) {
	p := pages{}
	for _, name := range []string{"home", "article", "search", "entity", "conflicts", "corpus", "error"} {
		t, err := template.New("layout").Funcs(funcs).ParseFS(templateFS, "web/templates/layout.html", "web/templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("serve: template %s: %w", name, err)
		}
		p[name] = t
	}
	return p, nil
}

// csp allows only the server's own scripts, styles and images.
const csp = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

func (s *server) render(w http.ResponseWriter, status int, name string, data any) {
	var buf bytes.Buffer
	if err := s.pages[name].ExecuteTemplate(&buf, "layout", data); err != nil {
		http.Error(w, "template error: "+err.Error(), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", csp)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

func (s *server) pageError(w http.ResponseWriter, status int, detail string) {
	s.render(w, status, "error", map[string]any{"Title": http.StatusText(status), "Detail": detail})
}

// routeUI adds the web UI's pages and assets.
func (s *server) routeUI(r chi.Router) {
	static, _ := fs.Sub(staticFS, "web/static")
	files := http.FileServer(http.FS(static))
	r.Get("/static/*", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		http.StripPrefix("/static/", files).ServeHTTP(w, r)
	})
	r.Get("/favicon.ico", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/static/favicon.svg", http.StatusMovedPermanently)
	})
	r.Get("/", s.home)
	r.Post("/analyze", s.analyzePage)
	r.Get("/articles/{id}", s.articlePage)
	r.Get("/search", s.searchPage)
	r.Get("/entities/{name}", s.entityPage)
	r.Get("/conflicts", s.conflictsPage)
	r.Get("/corpus", s.corpusPage)
}

// recent lists the latest stored articles for the home page.
func (s *server) home(w http.ResponseWriter, r *http.Request) {
	data := map[string]any{"HasStore": s.o.Store != nil}
	if s.o.Store != nil {
		n, err := s.o.Store.Count(r.Context())
		if err != nil {
			s.pageError(w, http.StatusInternalServerError, err.Error())
			return
		}
		data["Articles"] = n
		if hits, err := s.o.Store.Recent(r.Context(), 10); err == nil {
			data["Recent"] = hits
		}
	}
	s.render(w, http.StatusOK, "home", data)
}

// analyzePage analyses a pasted or uploaded article without storing it.
func (s *server) analyzePage(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(s.o.MaxBody); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			s.pageError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("The article is over %d bytes.", s.o.MaxBody))
			return
		}
		s.pageError(w, http.StatusBadRequest, err.Error())
		return
	}
	doc := &sift.Document{Title: strings.TrimSpace(r.FormValue("title")), Text: r.FormValue("text")}
	if f, hdr, err := r.FormFile("file"); err == nil {
		defer f.Close()
		d, err := readUpload(f, hdr.Filename)
		if err != nil {
			s.pageError(w, http.StatusBadRequest, "Could not read "+hdr.Filename+": "+err.Error())
			return
		}
		if doc.Title != "" {
			d.Title = doc.Title
		}
		if strings.TrimSpace(d.Text) != "" {
			doc = d
		}
	}
	if strings.TrimSpace(doc.Text) == "" {
		s.pageError(w, http.StatusBadRequest, "Paste an article's text or choose a file.")
		return
	}
	a, err := sift.Analyze(r.Context(), *doc)
	if err != nil {
		s.pageError(w, http.StatusBadRequest, err.Error())
		return
	}
	s.render(w, http.StatusOK, "article", newArticleView(0, a))
}

// readUpload reads an uploaded file as text, HTML or JSON by its name.
func readUpload(f io.Reader, name string) (*sift.Document, error) {
	opt := input.Options{Format: input.FormatText}
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm":
		opt.Format = input.FormatHTML
	case ".json":
		opt.Format = input.FormatJSON
	}
	rd, err := input.FromReader(f, name, opt)
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	return rd.Next()
}

func (s *server) uiStore(w http.ResponseWriter) bool {
	if s.o.Store == nil {
		s.pageError(w, http.StatusServiceUnavailable, "No corpus is configured: start sift serve with --db or --demo.")
		return false
	}
	return true
}

func (s *server) articlePage(w http.ResponseWriter, r *http.Request) {
	if !s.uiStore(w) {
		return
	}
	id, a, status, msg := s.storedArticle(r)
	if status != http.StatusOK {
		s.pageError(w, status, msg)
		return
	}
	s.render(w, http.StatusOK, "article", newArticleView(id, a))
}

func (s *server) searchPage(w http.ResponseWriter, r *http.Request) {
	if !s.uiStore(w) {
		return
	}
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	data := map[string]any{"Q": q}
	if q != "" {
		hits, err := s.o.Store.Search(r.Context(), q, 50)
		if err != nil {
			s.pageError(w, http.StatusInternalServerError, err.Error())
			return
		}
		data["Hits"] = hits
		if ms, err := s.o.Store.Entity(r.Context(), q, 20); err == nil && len(ms) > 0 {
			data["Entities"] = distinctNames(ms)
		}
	}
	s.render(w, http.StatusOK, "search", data)
}

func distinctNames(ms []store.Mention) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range ms {
		if k := strings.ToLower(m.Name); !seen[k] {
			seen[k] = true
			out = append(out, m.Name)
		}
	}
	return out
}

// entityPage shows who quotes an entity, what it said, the claims about
// it and who else is named with it.
func (s *server) entityPage(w http.ResponseWriter, r *http.Request) {
	if !s.uiStore(w) {
		return
	}
	p, err := store.EntityProfile(r.Context(), s.o.Store, strings.TrimSpace(chi.URLParam(r, "name")), 100)
	if err != nil {
		s.pageError(w, http.StatusInternalServerError, err.Error())
		return
	}
	s.render(w, http.StatusOK, "entity", p)
}

func (s *server) conflictsPage(w http.ResponseWriter, r *http.Request) {
	if !s.uiStore(w) {
		return
	}
	about := strings.TrimSpace(r.URL.Query().Get("about"))
	rows, err := s.o.Store.Conflicts(r.Context(), about, 200)
	if err != nil {
		s.pageError(w, http.StatusInternalServerError, err.Error())
		return
	}
	s.render(w, http.StatusOK, "conflicts", map[string]any{"About": about, "Rows": rows})
}

func (s *server) corpusPage(w http.ResponseWriter, r *http.Request) {
	if !s.uiStore(w) {
		return
	}
	ctx := r.Context()
	n, err := s.o.Store.Count(ctx)
	if err != nil {
		s.pageError(w, http.StatusInternalServerError, err.Error())
		return
	}
	groups, err := s.o.Store.Groups(ctx)
	if err != nil {
		s.pageError(w, http.StatusInternalServerError, err.Error())
		return
	}
	speakers, err := s.o.Store.Speakers(ctx, 20)
	if err != nil {
		s.pageError(w, http.StatusInternalServerError, err.Error())
		return
	}
	s.render(w, http.StatusOK, "corpus", map[string]any{
		"Articles": n, "RelPlot": reliabilityChart(groups), "SpeakerPlot": speakerChart(speakers),
	})
}

// Chart is a horizontal bar chart drawn as SVG by the "barchart" template.
type Chart struct {
	Label        string
	W, H, LabelW float64
	BarH         float64
	Bars         []Bar
}

// Bar is one bar of a Chart.
type Bar struct {
	Label, Value, Title, Class string
	Y, TextY, W, ValX          float64
}

const (
	chartW      = 560.0
	chartLabelW = 210.0
	chartBarH   = 16.0
	chartGap    = 6.0
	chartValueW = 70.0
)

func newChart(label string, n int) *Chart {
	return &Chart{Label: label, W: chartW, LabelW: chartLabelW, BarH: chartBarH,
		H: float64(n)*(chartBarH+chartGap) + chartGap}
}

func (c *Chart) add(label, value, title, class string, frac float64) {
	y := chartGap + float64(len(c.Bars))*(chartBarH+chartGap)
	w := frac * (chartW - chartLabelW - chartValueW)
	if w < 1 {
		w = 1
	}
	if len([]rune(label)) > 32 {
		label = string([]rune(label)[:31]) + "…"
	}
	c.Bars = append(c.Bars, Bar{Label: label, Value: value, Title: title, Class: class,
		Y: y, TextY: y + chartBarH/2, W: w, ValX: chartLabelW + w})
}

// reliabilityChart plots the mean probability of unreliable per group.
func reliabilityChart(groups []store.Group) *Chart {
	var gs []store.Group
	for _, g := range groups {
		if g.Scored > 0 {
			gs = append(gs, g)
		}
	}
	if len(gs) == 0 {
		return nil
	}
	sort.SliceStable(gs, func(i, j int) bool { return gs[i].MeanP > gs[j].MeanP })
	if len(gs) > 30 {
		gs = gs[:30]
	}
	c := newChart("Mean probability of unreliable by source and label", len(gs))
	for _, g := range gs {
		label := g.Name
		if g.Label != "" {
			label += " [" + g.Label + "]"
		}
		class := "uncertain"
		switch {
		case g.MeanP < 0.3:
			class = "reliable"
		case g.MeanP >= 0.7:
			class = "unreliable"
		}
		c.add(label, fmt.Sprintf("%.2f (n=%d)", g.MeanP, g.Scored),
			fmt.Sprintf("%s: mean %.3f over %d articles; %d likely reliable, %d likely unreliable", label, g.MeanP, g.Scored, g.Low, g.High),
			class, g.MeanP)
	}
	return c
}

// speakerChart plots quotations per speaker.
func speakerChart(sp []store.SpeakerCount) *Chart {
	if len(sp) == 0 {
		return nil
	}
	max := sp[0].Quotes
	c := newChart("Quotations per speaker", len(sp))
	for _, s := range sp {
		c.add(s.Speaker, strconv.Itoa(s.Quotes), fmt.Sprintf("%s (%s): %d quotations in %d articles", s.Speaker, s.Kind, s.Quotes, s.Articles),
			"count", float64(s.Quotes)/float64(max))
	}
	return c
}
