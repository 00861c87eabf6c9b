package entity

import (
	"reflect"
	"strings"
	"testing"
)

func TestChunks(t *testing.T) {
	tests := []struct {
		name, tags string
		want       []Chunk
	}{
		{"iob2", "B-PER I-PER O B-LOC", []Chunk{{0, 0, 2, "PER"}, {0, 3, 4, "LOC"}}},
		{"iob1 starts with I", "I-PER I-PER O I-LOC", []Chunk{{0, 0, 2, "PER"}, {0, 3, 4, "LOC"}}},
		{"iob1 B splits same type", "I-PER B-PER", []Chunk{{0, 0, 1, "PER"}, {0, 1, 2, "PER"}}},
		{"type change splits", "B-PER I-ORG", []Chunk{{0, 0, 1, "PER"}, {0, 1, 2, "ORG"}}},
		{"bilou", "B-ORG I-ORG L-ORG U-LOC O", []Chunk{{0, 0, 3, "ORG"}, {0, 3, 4, "LOC"}}},
		{"bioes", "S-PER B-LOC E-LOC", []Chunk{{0, 0, 1, "PER"}, {0, 1, 3, "LOC"}}},
		{"L closes", "B-PER L-PER I-PER", []Chunk{{0, 0, 2, "PER"}, {0, 2, 3, "PER"}}},
		{"all O", "O O", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Chunks(0, strings.Fields(tc.tags)); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Chunks(%s) = %v, want %v", tc.tags, got, tc.want)
			}
		})
	}
}

func TestScore(t *testing.T) {
	var s Score
	s.Add(strings.Fields("B-PER I-PER O B-LOC O B-ORG"), strings.Fields("B-PER I-PER O B-ORG O B-ORG"))
	s.Add(strings.Fields("B-MISC O"), strings.Fields("O B-PER"))
	if s.All != (Counts{Gold: 4, Pred: 4, Correct: 2}) {
		t.Fatalf("All = %+v", s.All)
	}
	if got := s.ByType["LOC"]; got != (Counts{Gold: 1}) {
		t.Errorf("LOC = %+v", got)
	}
	if got := s.ByType["ORG"]; got != (Counts{Gold: 1, Pred: 2, Correct: 1}) {
		t.Errorf("ORG = %+v", got)
	}
	if p, r, f := s.All.Precision(), s.All.Recall(), s.All.F1(); p != 0.5 || r != 0.5 || f != 0.5 {
		t.Errorf("P/R/F1 = %v %v %v", p, r, f)
	}
	if s.Tokens != 8 || s.Correct != 5 {
		t.Errorf("tokens %d correct %d", s.Tokens, s.Correct)
	}
	var empty Counts
	if empty.F1() != 0 || empty.Precision() != 0 {
		t.Error("empty counts must score 0, not NaN")
	}
}

func TestBILOURoundTrip(t *testing.T) {
	for _, tags := range []string{"B-PER I-PER O B-LOC", "B-ORG I-ORG I-ORG O B-MISC B-MISC", "O"} {
		in := strings.Fields(tags)
		idx := bilou(in)
		for i := 1; i < len(idx); i++ {
			if !allowed(idx[i-1], idx[i]) {
				t.Fatalf("%s: BILOU transition %s→%s not allowed", tags, tagName(idx[i-1]), tagName(idx[i]))
			}
		}
		if got := iob2Names(idx); !reflect.DeepEqual(got, in) {
			t.Errorf("round trip %v → %v", in, got)
		}
	}
}
