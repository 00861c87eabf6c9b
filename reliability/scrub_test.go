package reliability

import (
	"strings"
	"testing"
)

func TestScrub(t *testing.T) {
	tests := []struct{ in, gone, kept string }{
		{"WASHINGTON (Reuters) - The Senate voted on Tuesday.", "Reuters", "The Senate voted"},
		{"LONDON/BEIRUT (Reuters) — Fighting resumed.", "LONDON", "Fighting resumed"},
		{"The bill passed.\n\nFeatured image via Getty Images", "Featured image", "The bill passed"},
		{"Watch it here https://t.co/abc and follow @realDonaldTrump now", "https", "Watch it here"},
		{"By John Smith\nThe governor resigned.", "John Smith", "The governor resigned"},
		{"Breitbart News reported the claim.", "Breitbart", "reported the claim"},
	}
	for _, tc := range tests {
		got := Scrub(tc.in)
		if strings.Contains(got, tc.gone) || !strings.Contains(got, tc.kept) {
			t.Errorf("Scrub(%q) = %q", tc.in, got)
		}
	}
}
