package stance

import (
	"strings"
	"testing"
)

// BenchmarkFeatures measures the features of one pair whose body is
// already analysed (bodies recur across pairs and are cached).
func BenchmarkFeatures(b *testing.B) {
	body := strings.Repeat("Police on Tuesday denied reports that the mayor was arrested in the capital. The claim is a hoax, a spokesman said, adding that 12 officers were on duty. ", 20)
	f := NewFeaturizer([]string{body, "Mayor arrested by police"})
	f.Features("Mayor arrested", body)
	b.ReportAllocs()
	for b.Loop() {
		f.Features("Mayor of the capital arrested by police, reports say", body)
	}
}
