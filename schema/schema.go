// Package schema embeds the JSON Schema of Sift's analysis output
// (sift.analysis/v1), documented in docs/schema.md.
package schema

import _ "embed"

// AnalysisV1 is the JSON Schema (draft 2020-12) of sift.analysis/v1.
//
//go:embed analysis.v1.schema.json
var AnalysisV1 []byte
