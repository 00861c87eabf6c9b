// Package embedded loads a model shipped inside the binary once, on first
// use, through the model's own reader.
package embedded

import (
	"bytes"
	"fmt"
	"io"
	"sync"
)

// Lazy returns a function that decodes data with load the first time it is
// called and returns the same model (or error) every time after. what
// names the model in the error.
func Lazy[T any](what string, data []byte, load func(io.Reader) (T, error)) func() (T, error) {
	return sync.OnceValues(func() (T, error) {
		m, err := load(bytes.NewReader(data))
		if err != nil {
			var zero T
			return zero, fmt.Errorf("embedded %s model: %w", what, err)
		}
		return m, nil
	})
}
