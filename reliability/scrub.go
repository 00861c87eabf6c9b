package reliability

import (
	"regexp"
	"strings"
)

// Leakage control: source boilerplate gives a dataset's label away (every
// ISOT true article opens "WASHINGTON (Reuters) -"; fake sites sign off
// with "Featured image via …"). A model that learns those learns the
// outlet, not the writing, and fails on any other source. Scrub removes
// them before features are read; the ablation in docs/benchmarks.md shows
// what they are worth.

var (
	// "WASHINGTON (Reuters) - ", "LONDON/BEIRUT (Reuters) — ", "(AP) —"
	dateline = regexp.MustCompile(`^\s*(?:[A-Z][A-Za-z.'/ ,-]{0,60}\s*)?\((?:Reuters|AP|AFP|CNN|UPI|Bloomberg)\)\s*[-–—]+\s*`)
	// a bare outlet tag anywhere
	outletTag = regexp.MustCompile(`\((?:Reuters|AP|AFP|CNN|UPI|Bloomberg)\)`)
	// "By Jane Roe, Reuters" / "By JANE ROE |" at the start
	byline = regexp.MustCompile(`^\s*[Bb]y\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}\s*(?:[,|/]\s*[A-Z][\w ]{0,30})?\s*\n`)
	urlRe  = regexp.MustCompile(`(?:https?://|www\.|pic\.twitter\.com/)\S+`)
	handle = regexp.MustCompile(`@\w{2,}`)
	// trailing lines of sharing, image credits and sign-ups
	tailLine  = regexp.MustCompile(`(?i)^\s*(?:featured image|image|photo|picture|video)\s*(?:via|by|credit|courtesy)|^\s*(?:read more|share this|click here|sign up|subscribe|follow us|like us|h/t|via:?\s|source:?\s)|21st century wire|^\s*\[(?:embedded|watch)|^\s*watch:`)
	siteNames = regexp.MustCompile(`(?i)\b(?:reuters|breitbart(?:\.com)?|infowars|21wire|newsmax|the onion|addicting ?info|occupy democrats|eagle rising|freedom daily|right wing news|the other 98%?|politico|cnn|abc news|huffington ?post|huffpost|buzzfeed|fox news|dailycaller|daily caller)\b`)
)

// siteHints are lower-case fragments of the names siteNames removes.
var siteHints = []string{"reuters", "breitbart", "infowars", "21wire", "newsmax", "onion", "addicting", "occupy democrats",
	"eagle rising", "freedom daily", "right wing news", "other 98", "politico", "cnn", "abc news", "huffington", "huffpost",
	"buzzfeed", "fox news", "daily caller", "dailycaller"}

// Scrub returns the text with outlet boilerplate removed.
func Scrub(text string) string {
	text = dateline.ReplaceAllString(text, "")
	text = byline.ReplaceAllString(text, "")
	lines := strings.Split(text, "\n")
	// drop trailing boilerplate lines (and empty ones) from the end
	for len(lines) > 1 {
		l := strings.TrimSpace(lines[len(lines)-1])
		if l == "" || tailLine.MatchString(l) {
			lines = lines[:len(lines)-1]
			continue
		}
		break
	}
	text = strings.Join(lines, "\n")
	// The regular expressions below are slow on long texts; each runs only
	// when a cheap check says it could match.
	if strings.Contains(text, "(") {
		text = outletTag.ReplaceAllString(text, "")
	}
	if strings.Contains(text, "http") || strings.Contains(text, "www.") || strings.Contains(text, "pic.twitter") {
		text = urlRe.ReplaceAllString(text, " ")
	}
	if strings.Contains(text, "@") {
		text = handle.ReplaceAllString(text, " ")
	}
	lower := strings.ToLower(text)
	for _, n := range siteHints {
		if strings.Contains(lower, n) {
			text = siteNames.ReplaceAllString(text, " ")
			break
		}
	}
	return text
}
