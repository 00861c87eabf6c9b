package reliability

import (
	"fmt"
	"strings"
)

// DiagramSVG draws a reliability diagram: for each probability bin, the
// observed share of unreliable articles against the mean predicted
// probability, with the diagonal of perfect calibration and the bin sizes.
func DiagramSVG(bins []Bin, title string) string {
	const w, h, pad = 420, 420, 50
	x := func(v float64) float64 { return pad + v*(w-2*pad) }
	y := func(v float64) float64 { return h - pad - v*(h-2*pad) }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">`, w, h, w, h)
	fmt.Fprintf(&b, `<title>%s</title><rect width="100%%" height="100%%" fill="white"/>`, title)
	fmt.Fprintf(&b, `<text x="%d" y="20" text-anchor="middle" font-size="14">Reliability diagram — %s</text>`, w/2, title)
	fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#999" stroke-dasharray="4"/>`, x(0), y(0), x(1), y(1))
	fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="none" stroke="black"/>`, x(0), y(1), x(1)-x(0), y(0)-y(1))
	total := 0
	for _, bn := range bins {
		total += bn.N
	}
	var pts []string
	for _, bn := range bins {
		bw := x(bn.Hi) - x(bn.Lo)
		if total > 0 {
			// bin size as a grey bar along the bottom (share of articles)
			bh := float64(bn.N) / float64(total) * (h - 2*pad) / 2
			fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="#ddd"/>`, x(bn.Lo)+1, y(0)-bh, bw-2, bh)
		}
		if bn.N > 0 {
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(bn.MeanP), y(bn.Unreliable)))
			fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="4" fill="#c0392b"><title>%d articles, predicted %.2f, observed %.2f</title></circle>`,
				x(bn.MeanP), y(bn.Unreliable), bn.N, bn.MeanP, bn.Unreliable)
		}
	}
	fmt.Fprintf(&b, `<polyline points="%s" fill="none" stroke="#c0392b" stroke-width="2"/>`, strings.Join(pts, " "))
	for i := 0; i <= 10; i += 2 {
		v := float64(i) / 10
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle">%.1f</text>`, x(v), y(0)+16, v)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="end">%.1f</text>`, x(0)-6, y(v)+4, v)
	}
	fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle">mean predicted probability of unreliable</text>`, w/2, h-12)
	fmt.Fprintf(&b, `<text transform="translate(14,%d) rotate(-90)" text-anchor="middle">observed share unreliable</text>`, h/2)
	b.WriteString(`</svg>`)
	return b.String()
}
