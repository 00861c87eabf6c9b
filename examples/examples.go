// Package examples holds the example articles bundled with Sift (see
// README.md in this directory for what each is and where it comes from).
// `sift serve --demo` ingests them into a temporary corpus; the golden
// tests analyse them.
package examples

import "embed"

// FS holds the example articles.
//
//go:embed *.txt *.json *.html
var FS embed.FS
