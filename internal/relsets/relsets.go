// Package relsets builds the reliability model's labelled sets from the
// public datasets in ../shared/data, each article with what Sift's
// attribution stage finds in it (for the sourcing signals), so that
// training, evaluation and the tests read exactly the same data.
package relsets

import (
	"context"
	"fmt"
	"runtime"
	"sync"

	"github.com/siftnews/sift"
	"github.com/siftnews/sift/internal/newsdata"
	"github.com/siftnews/sift/reliability"
)

// Load reads every dataset under root (../shared/data): the two-class
// sets in newsdata.Datasets order, then the one-class sets marked
// TrainOnly, each article with its sourcing. progress, when not nil, is
// called as articles are analysed.
func Load(ctx context.Context, root string, progress func(done, total int)) ([]reliability.Set, error) {
	sets, err := Labels(ctx, root)
	if err != nil {
		return nil, err
	}
	if err := AddSourcing(ctx, sets, progress); err != nil {
		return nil, err
	}
	return sets, nil
}

// Labels reads the sets as Load does, without analysing the articles
// (enough to export splits or score a peer).
func Labels(ctx context.Context, root string) ([]reliability.Set, error) {
	all, err := newsdata.LoadAll(ctx, root)
	if err != nil {
		return nil, err
	}
	var sets []reliability.Set
	add := func(name string, trainOnly bool) {
		s := reliability.Set{Name: name, TrainOnly: trainOnly}
		for _, a := range all[name] {
			s.Examples = append(s.Examples, reliability.Example{Title: a.Title, Text: a.Text, Unreliable: a.Unreliable, Source: name, Group: a.Group})
		}
		sets = append(sets, s)
	}
	for _, name := range newsdata.Datasets {
		add(name, false)
	}
	for _, name := range newsdata.OneClass {
		add(name, true)
	}
	return sets, nil
}

// AddSourcing runs Sift's analysis (entities and attribution) on every
// example and records its quotations and their speakers' kinds.
func AddSourcing(ctx context.Context, sets []reliability.Set, progress func(done, total int)) error {
	var jobs []*reliability.Example
	for i := range sets {
		for j := range sets[i].Examples {
			jobs = append(jobs, &sets[i].Examples[j])
		}
	}
	next := make(chan *reliability.Example)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for e := range next {
				a, err := sift.Analyze(ctx, sift.Document{Title: e.Title, Text: e.Text})
				if ctx.Err() != nil {
					continue
				}
				// an article Sift cannot analyse (empty) has no quotations
				src := &reliability.Sourcing{}
				if err == nil {
					for _, q := range a.Quotes {
						src.Attributions = append(src.Attributions, reliability.Attribution{Start: q.Start, End: q.End, SpeakerKind: q.Speaker.Kind})
					}
				}
				e.Sourcing = src
				mu.Lock()
				done++
				if progress != nil {
					progress(done, len(jobs))
				}
				mu.Unlock()
			}
		}()
	}
feed:
	for _, e := range jobs {
		select {
		case next <- e:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("relsets: %w", err)
	}
	return nil
}
