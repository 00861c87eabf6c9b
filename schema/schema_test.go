package schema_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/siftnews/sift"
	"github.com/siftnews/sift/schema"
)

// TestOutputValidates checks that Analyze's JSON for every example and a
// damaged text validates against the published schema.
func TestOutputValidates(t *testing.T) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema.AnalysisV1))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("analysis.v1.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("analysis.v1.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"caf\xe9 “Caliph” Abu Bakr   had fled; 6, 000 remain. ” &amp; â€™"}
	files, _ := filepath.Glob("../examples/*.txt")
	for _, f := range files {
		b, _ := os.ReadFile(f)
		texts = append(texts, string(b))
	}
	for _, text := range texts {
		a, err := sift.Analyze(context.Background(), sift.Document{Text: text, Title: "T"}, sift.WithTokens(true))
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(v); err != nil {
			t.Errorf("output does not validate: %v", err)
		}
	}
	bad, _ := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(`{"schema":"sift.analysis/v1","text":"x","stats":{},"repairs":[],"gaps":[],"sentences":[{"start":-1,"end":2}]}`)))
	if sch.Validate(bad) == nil {
		t.Error("schema accepted an invalid analysis")
	}
}
