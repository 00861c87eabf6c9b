package seqlab

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"reflect"
	"testing"
)

func TestEncodeDecode(t *testing.T) {
	spans := []Span{{0, 2, 0}, {2, 3, 1}, {5, 9, 2}}
	tags := Encode(10, spans)
	for i := 1; i < len(tags); i++ {
		if !allowed(tags[i-1], tags[i]) {
			t.Fatalf("ill-formed sequence %v", tags)
		}
	}
	if got := Decode(tags); !reflect.DeepEqual(got, spans) {
		t.Errorf("Decode(Encode) = %v, want %v", got, spans)
	}
}

func TestHasherBytesAsString(t *testing.T) {
	for _, w := range []string{"", "said", "“Xx”", "naïve"} {
		if Feat(3).S(w).S("x") != Feat(3).B([]byte(w)).S("x") {
			t.Errorf("%q: B and S differ", w)
		}
	}
	if Feat(3).S("ab").S("c") == Feat(3).S("a").S("bc") {
		t.Error("values run together")
	}
}

func TestHasherHash(t *testing.T) {
	a, b := Feat(1).S("said").U(), Feat(1).S("told").U()
	seen := map[uint64]string{}
	for name, h := range map[string]Hasher{
		"a,b": Feat(2).H(a).H(b), "b,a": Feat(2).H(b).H(a), "a": Feat(2).H(a), "b": Feat(2).H(b),
		"other template": Feat(3).H(a).H(b), "string": Feat(2).S("said").S("told"),
	} {
		if prev, ok := seen[h.U()]; ok {
			t.Errorf("%s and %s hash alike", prev, name)
		}
		seen[h.U()] = name
	}
}

// toy: a word "said" is a cue, capitalised words before it a source.
func toy() []Example {
	words := [][]string{{"Smith", "said", "it", "rained"}, {"it", "rained", ",", "Jones", "said"}, {"nothing", "here"}}
	gold := [][]Span{{{0, 1, 0}, {1, 2, 1}, {2, 4, 2}}, {{0, 2, 2}, {3, 4, 0}, {4, 5, 1}}, nil}
	var ex []Example
	for k := 0; k < 20; k++ {
		for i, ws := range words {
			f := make([][]uint64, len(ws))
			for j, w := range ws {
				f[j] = []uint64{Feat(1).S(w).U(), Feat(2).I(j).U()}
				if j > 0 {
					f[j] = append(f[j], Feat(3).S(ws[j-1]).U())
				}
			}
			ex = append(ex, Example{Feats: f, Gold: Encode(len(ws), gold[i])})
		}
	}
	return ex
}

func TestTrainWriteRead(t *testing.T) {
	tags := Tags{Types: []string{"SRC", "CUE", "CNT"}}
	data := toy()
	m, epoch, err := Train(context.Background(), tags, data, TrainOptions{Epochs: 10, Seed: 1})
	if err != nil || epoch != 10 {
		t.Fatal(err, epoch)
	}
	// the two sentences with spans (the third has no features the
	// perceptron ever needed, so its averaged tags are arbitrary)
	for _, ex := range data[:2] {
		if got := m.Tag(ex.Feats); !reflect.DeepEqual(got, ex.Gold) {
			t.Errorf("Tag = %v, want %v", got, ex.Gold)
		}
	}
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := Read(bufio.NewReader(bytes.NewReader(buf.Bytes())))
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range data[:3] {
		if !reflect.DeepEqual(m.Tag(ex.Feats), m2.Tag(ex.Feats)) {
			t.Error("model changed after Write/Read")
		}
	}
	var again bytes.Buffer
	m2.Write(&again)
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("Write is not deterministic")
	}
	if _, err := Read(bufio.NewReader(bytes.NewReader([]byte{0xff, 0xff, 0xff}))); !errors.Is(err, ErrFormat) {
		t.Errorf("garbage: %v", err)
	}
}

// TestReplicas: the mean of replicas learns the toy, is the same model
// on every run, and is the replicas' mean (a lone replica trained with
// its seed differs from the mix).
func TestReplicas(t *testing.T) {
	tags := Tags{Types: []string{"SRC", "CUE", "CNT"}}
	data := toy()
	train := func(n int) *Model {
		m, _, err := Train(context.Background(), tags, data, TrainOptions{Epochs: 5, Seed: 1, Replicas: n})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	bytesOf := func(m *Model) []byte {
		var b bytes.Buffer
		if err := m.Write(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	mix := train(3)
	for _, ex := range data[:2] {
		if got := mix.Tag(ex.Feats); !reflect.DeepEqual(got, ex.Gold) {
			t.Errorf("Tag = %v, want %v", got, ex.Gold)
		}
	}
	if !bytes.Equal(bytesOf(mix), bytesOf(train(3))) {
		t.Error("replicas: not deterministic")
	}
	if bytes.Equal(bytesOf(mix), bytesOf(train(1))) {
		t.Error("three replicas gave the model of one")
	}
}

func TestTrainCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := Train(ctx, Tags{Types: []string{"X"}}, toy(), TrainOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v", err)
	}
}
