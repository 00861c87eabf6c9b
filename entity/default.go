package entity

import (
	_ "embed"

	"github.com/siftnews/sift/internal/embedded"
)

// The default model, made by `sift train ner -o entity/model/ner.bin`
// (see docs/benchmarks.md for its scores).
//
//go:embed model/ner.bin
var defaultModel []byte

var loadDefault = embedded.Lazy("entity", defaultModel, Load)

// Default returns the embedded model, loaded once on first use. The model
// is read-only and safe for concurrent use.
func Default() (*Model, error) { return loadDefault() }
