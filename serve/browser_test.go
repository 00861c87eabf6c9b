package serve

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/siftnews/sift/examples"
)

// chromium finds a Chromium (Debian's chromium, which .ci/run installs),
// or $SIFT_CHROME.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("SIFT_CHROME"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("no Chromium found: .ci/run installs Debian's chromium; set SIFT_CHROME to use another")
	}
	t.Skip("skipping browser tests: no Chromium found (apt-get install chromium, or set SIFT_CHROME)")
	return ""
}

// screenshotDir is where the browser tests leave their screenshots for
// inspection: $SIFT_SCREENSHOTS, else serve/.screenshots (ignored by git).
func screenshotDir(t *testing.T) string {
	dir := os.Getenv("SIFT_SCREENSHOTS")
	if dir == "" {
		dir = ".screenshots"
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(dir)
	t.Logf("screenshots in %s", abs)
	return dir
}

// TestBrowser drives the web UI in headless Chromium: paste an article and
// see its quotations highlighted with their speakers, click evidence to
// its span, open an entity page, search the corpus, look at the plots, on
// a laptop and a phone screen, with the keyboard — and no console error
// anywhere.
func TestBrowser(t *testing.T) {
	exe := chromium(t)
	shots := screenshotDir(t)
	ts := httptest.NewServer(Handler(Options{Store: demoStore(t)}))
	defer ts.Close()

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()

	// every console message, exception and browser-log entry, collected
	// until the test ends
	var mu sync.Mutex
	var problems []string
	messages := chromedp.Console(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleWarning || m.IsException() {
				mu.Lock()
				problems = append(problems, m.String()+" "+m.URL)
				mu.Unlock()
			}
		}
	}()
	shot := func(name string) chromedp.Action[chromedp.Void] {
		return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
			buf, err := chromedp.FullScreenshot(100)(ctx, tg) // quality 100: PNG
			if err != nil {
				return chromedp.Void{}, err
			}
			return chromedp.Void{}, os.WriteFile(filepath.Join(shots, name+".png"), buf, 0o644)
		}
	}
	do := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	eval := func(step, js string) int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](js))
		if err != nil {
			t.Fatalf("%s: %s: %v", step, js, err)
		}
		return n
	}
	text := func(step string, sel chromedp.CSS) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(sel))
		if err != nil {
			t.Fatalf("%s: text of %s: %v", step, sel, err)
		}
		return s
	}
	article, err := examples.FS.ReadFile("damaged-mosul.txt")
	if err != nil {
		t.Fatal(err)
	}

	// 0. keyboard: the first Tab reaches the skip link
	do("keyboard",
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.ID("text")),
		chromedp.KeyEvent("\t"),
	)
	if focused, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.className`)); focused != "skip" {
		t.Errorf("first Tab focused %q, want the skip link", focused)
	}

	// 1. paste an article and analyse it
	do("paste and analyse",
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.ID("text")),
		chromedp.SetValue(chromedp.ID("text"), string(article)),
		shot("01-home"),
		chromedp.Click(chromedp.ID("analyse")),
		chromedp.WaitVisible(chromedp.CSS("table.who")),
		shot("02-article"),
	)
	quotes := eval("article", `document.querySelectorAll("#body .q").length`)
	speakers := eval("article", `document.querySelectorAll("#body .spk").length`)
	gaps := eval("article", `document.querySelectorAll("#body .gap").length`)
	restored, err := chromedp.Run(ctx, chromedp.Evaluate[string](`Array.from(document.querySelectorAll("#body .gapname")).map(e => e.textContent).join(" ")`))
	if err != nil {
		t.Fatal(err)
	}
	who := text("article", "table.who tbody")
	if quotes == 0 || speakers == 0 {
		t.Errorf("article view: %d highlighted quotation runs, %d speakers; want some of each", quotes, speakers)
	}
	if gaps != 4 || !strings.Contains(restored, "[Baghdadi]") {
		t.Errorf("article view: %d gaps (want 4), restored %q (want [Baghdadi])", gaps, restored)
	}
	for _, w := range []string{"Hoshyar Zebari", "John Dorrian", "He is no longer in Mosul"} {
		if !strings.Contains(who, w) {
			t.Errorf("who said what lacks %q:\n%s", w, who)
		}
	}

	// 2. evidence is clickable to its span: a quotation's row lights its words
	do("click evidence", chromedp.Click(chromedp.CSS("table.who tbody tr:first-child button.quote-text")))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll("#body .flash").length > 0`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Errorf("clicking a quotation did not highlight its span: %v", err)
	}

	// 3. an entity page from the who-said-what table
	// the link is clicked through the DOM: the page may still be scrolling
	// smoothly to the evidence of step 2, and a click at coordinates
	// computed before the scroll ends would miss
	if ok := eval("entity link", `(() => { const a = Array.from(document.querySelectorAll("table.who a")).find(a => a.textContent === "Hoshyar Zebari"); if (!a) return 0; a.click(); return 1; })()`); ok != 1 {
		t.Fatal("no link to Hoshyar Zebari in the who-said-what table")
	}
	do("entity page",
		chromedp.WaitVisible(chromedp.ID("said-h")),
		shot("03-entity"),
	)
	if h1, said := text("entity", "h1"), text("entity", "ul.quotes"); h1 != "Hoshyar Zebari" || !strings.Contains(said, "no longer in Mosul") {
		t.Errorf("entity page: h1 %q, said %q", h1, said)
	}

	// 4. search from the header
	do("search",
		chromedp.SetValue(chromedp.ID("q"), "Mosul"),
		chromedp.Submit(chromedp.ID("q")),
		chromedp.WaitVisible(chromedp.CSS("ol.results")),
		shot("04-search"),
	)
	if hits, mark := eval("search", `document.querySelectorAll("ol.results li").length`), text("search", "mark.hl"); hits < 2 || !strings.EqualFold(mark, "Mosul") {
		t.Errorf("search Mosul: %d hits, mark %q", hits, mark)
	}

	// 5. corpus plots and conflicts
	do("corpus", chromedp.Navigate(ts.URL+"/corpus"), chromedp.WaitVisible(chromedp.CSS("svg.chart")), shot("05-corpus"))
	bars := eval("corpus", `document.querySelectorAll("svg.chart rect").length`)
	do("conflicts", chromedp.Navigate(ts.URL+"/conflicts"), chromedp.WaitVisible(chromedp.CSS("h1")), shot("06-conflicts"))
	if conflicts := eval("conflicts", `document.querySelectorAll(".conflict").length`); bars < 4 || conflicts < 2 {
		t.Errorf("corpus: %d bars; conflicts page: %d conflicts", bars, conflicts)
	}

	// 6. a phone screen: one column, nothing wider than the screen
	do("phone",
		chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile),
		chromedp.Navigate(ts.URL+"/articles/1"),
		chromedp.WaitVisible(chromedp.ID("body")),
		shot("07-phone-article"),
	)
	if over := eval("phone", `document.documentElement.scrollWidth - document.documentElement.clientWidth`); over > 1 {
		t.Errorf("phone: the article page is %d px wider than the screen", over)
	}

	cancel() // ends the console subscription
	<-done
	mu.Lock()
	defer mu.Unlock()
	for _, p := range problems {
		t.Errorf("browser reported: %s", p)
	}
}
