package wordclass

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"
)

// corpus has two word families that occur in different contexts: cities
// after "in", weekdays after "on".
func toy() *Corpus {
	c := NewCorpus()
	cities := []string{"Paris", "Mosul", "Lagos", "Quito", "Oslo"}
	days := []string{"Monday", "Tuesday", "Friday", "Sunday"}
	for i := 0; i < 200; i++ {
		c.Add([]string{"he", "arrived", "in", cities[i%len(cities)], "on", days[i%len(days)], "."})
		c.Add([]string{"she", "left", "in", cities[(i+2)%len(cities)], "on", days[(i+1)%len(days)], "."})
	}
	return c
}

func TestClusterSeparatesContexts(t *testing.T) {
	c := toy()
	cl, err := c.Cluster(context.Background(), Options{Classes: 4, MinCount: 1, Iterations: 10, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if cl["Paris"] != cl["Mosul"] || cl["Mosul"] != cl["Oslo"] {
		t.Errorf("cities split: %v", cl)
	}
	if cl["Monday"] != cl["Friday"] {
		t.Errorf("weekdays split: %v", cl)
	}
	if cl["Paris"] == cl["Monday"] {
		t.Errorf("cities and weekdays merged: %v", cl)
	}
	if c.Tokens() != 2800 {
		t.Errorf("tokens = %d", c.Tokens())
	}
}

func TestClusterDeterministicAndMinCount(t *testing.T) {
	c := toy()
	c.Add([]string{"rare"})
	o := Options{Classes: 3, MinCount: 2, Iterations: 5, Workers: 1}
	a, _ := c.Cluster(context.Background(), o)
	o.Workers = 2
	b, _ := c.Cluster(context.Background(), o)
	if !reflect.DeepEqual(a, b) {
		t.Error("results depend on the number of workers")
	}
	if _, ok := a["rare"]; ok {
		t.Error("a word below MinCount got a class")
	}
	for w, k := range a {
		if k < 0 || k >= 3 {
			t.Errorf("%s: class %d out of range", w, k)
		}
	}
}

func TestClusterCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := toy().Cluster(ctx, Options{Classes: 2, MinCount: 1, Iterations: 3}); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func BenchmarkCluster(b *testing.B) {
	c := NewCorpus()
	for i := 0; i < 20000; i++ {
		c.Add([]string{"w" + fmt.Sprint(i%997), "x" + fmt.Sprint(i%89), "in", "y" + fmt.Sprint(i%331), "."})
	}
	for b.Loop() {
		c.Cluster(context.Background(), Options{Classes: 64, MinCount: 1, Iterations: 2, Workers: 1})
	}
}
