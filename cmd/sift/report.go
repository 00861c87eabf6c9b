package main

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"
	"unicode/utf8"

	"github.com/siftnews/sift"
)

func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

func schemaVersion() string { return sift.SchemaVersion }

// writeReport prints a human-readable report of one analysis.
func writeReport(w io.Writer, a *sift.Analysis) error {
	var b strings.Builder
	title := a.Title
	if title == "" {
		title = firstLine(a.Text, 80)
	}
	fmt.Fprintf(&b, "━━ %s\n", title)
	var meta []string
	for _, kv := range [][2]string{{"source", a.Source}, {"author", a.Author}, {"date", a.Date}, {"from", a.Origin}, {"label", a.Label}} {
		if kv[1] != "" {
			meta = append(meta, kv[0]+": "+kv[1])
		}
	}
	if len(meta) > 0 {
		fmt.Fprintf(&b, "   %s\n", strings.Join(meta, " · "))
	}
	s := a.Stats
	fmt.Fprintf(&b, "   %d words, %d sentences, %d repairs, %d gaps, %d entities\n", s.Words, s.Sentences, s.Repairs, s.Gaps, s.Clusters)
	if r := a.Reliability; r != nil {
		fmt.Fprintf(&b, "\nReliability: p(unreliable) = %.2f (%s)", r.PUnreliable, strings.ReplaceAll(r.Label, "_", " "))
		var why []string
		for _, s := range r.Signals {
			if len(why) == 3 || s.Contribution == 0 {
				break
			}
			dir := "↓"
			if s.Contribution > 0 {
				dir = "↑"
			}
			why = append(why, fmt.Sprintf("%s %s %.2f", dir, s.Name, s.Value))
		}
		if len(why) > 0 {
			fmt.Fprintf(&b, "; strongest signals: %s", strings.Join(why, ", "))
		}
		fmt.Fprintln(&b)
	}
	if len(a.Clusters) > 0 {
		fmt.Fprintf(&b, "\nWho and what (entity, mentions, other names, titles and roles):\n")
		for _, c := range a.Clusters {
			line := fmt.Sprintf("   %-4s %s ×%d", c.Type, c.Name, len(c.Mentions))
			if len(c.Aliases) > 0 {
				line += "  = " + strings.Join(c.Aliases, ", ")
			}
			var extra []string
			for _, t := range c.Titles {
				extra = append(extra, t.Text)
			}
			for _, r := range c.Roles {
				extra = append(extra, r.Text)
			}
			if len(extra) > 0 {
				line += "  — " + strings.Join(dedupe(extra), "; ")
			}
			fmt.Fprintln(&b, line)
		}
	}
	if len(a.Quotes) > 0 {
		fmt.Fprintf(&b, "\nWho said what (%d):\n", len(a.Quotes))
		for _, q := range a.Quotes {
			who := q.Speaker.Label()
			if q.ReportedBy != nil {
				who += " (via " + q.ReportedBy.Label() + ")" // "Xinhua cited Branstad as saying"
			}
			cue := ""
			if q.Cue != nil {
				cue = " " + strings.TrimRight(q.Cue.Text, ":") // "added:" reads "added: …"
			}
			fmt.Fprintf(&b, "   %-28s %-12s %-8s%s: %s\n", clip(who, 28, false), q.Speaker.Kind, q.Kind, cue, clip(strings.Join(strings.Fields(q.Text), " "), 70, false))
		}
	}
	if len(a.Conflicts) > 0 {
		fmt.Fprintf(&b, "\nConflicting claims (%d):\n", len(a.Conflicts))
		for _, c := range a.Conflicts {
			fmt.Fprintf(&b, "   ⚠ %s\n", c.Reason)
		}
	}
	if len(a.Gaps) > 0 {
		fmt.Fprintf(&b, "\nGaps in the text, at offsets into the original (! a linked name was likely cut out there;\n   the others lost quotation marks, apostrophes or spacing):\n")
		for _, g := range a.Gaps {
			mark := "   "
			if g.NameSlot {
				mark = " ! "
			}
			restored := ""
			if g.Restored != nil {
				restored = fmt.Sprintf("  → %s? (%s, %.2f)", g.Restored.Name, g.Restored.Reason, g.Restored.Confidence)
			}
			fmt.Fprintf(&b, "%s%6d  %s ▁▁▁ %s   (%s, %.2f)%s\n", mark, g.Start, clip(g.Left, 30, true), clip(g.Right, 30, false), g.Slot, g.Confidence, restored)
		}
	}
	if len(a.Repairs) > 0 {
		fmt.Fprintf(&b, "\nRepairs:\n")
		counts := map[string]int{}
		for _, r := range a.Repairs {
			counts[string(r.Kind)]++
		}
		shown := 0
		for _, r := range a.Repairs {
			if shown == 12 {
				fmt.Fprintf(&b, "   … %d more (use --format json for all)\n", len(a.Repairs)-shown)
				break
			}
			fmt.Fprintf(&b, "   %6d  %-21s %q → %q\n", r.Start, r.Kind, r.Before, r.After)
			shown++
		}
	}
	fmt.Fprintln(&b)
	_, err := io.WriteString(w, b.String())
	return err
}

func firstLine(s string, n int) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return clip(s, n, false)
}

// clip shortens s to at most n runes, from the left when fromLeft.
func clip(s string, n int, fromLeft bool) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	if fromLeft {
		return "…" + string(r[len(r)-n+1:])
	}
	return string(r[:n-1]) + "…"
}

func dedupe(xs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
