package entity

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"
)

// The default model, made by `sift train ner -o entity/model/ner.bin`
// (see docs/benchmarks.md for its scores).
//
//go:embed model/ner.bin
var defaultModel []byte

var loadDefault = sync.OnceValues(func() (*Model, error) {
	m, err := Load(bytes.NewReader(defaultModel))
	if err != nil {
		return nil, fmt.Errorf("embedded entity model: %w", err)
	}
	return m, nil
})

// Default returns the embedded model, loaded once on first use. The model
// is read-only and safe for concurrent use.
func Default() (*Model, error) { return loadDefault() }
