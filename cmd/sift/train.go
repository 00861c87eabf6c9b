package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/siftnews/sift/entity"
	"github.com/siftnews/sift/internal/shareddata"
	"github.com/siftnews/sift/internal/textsource"
	"github.com/siftnews/sift/internal/wordclass"
	"github.com/siftnews/sift/internal/wordnet"
	"github.com/siftnews/sift/segment"
	"github.com/spf13/cobra"
)

func newTrainCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "train",
		Short: "Train Sift's models from the labelled data in ../shared/data",
		Long: `Train Sift's models. Every model Sift ships embedded is produced by one of
these commands from public data; the commands are deterministic, so the same
data gives the same model file.`,
	}
	cmd.AddCommand(newTrainNERCmd(), newTrainQuotesCmd(), newTrainReliabilityCmd(), newTrainWordNetCmd())
	return cmd
}

func newTrainWordNetCmd() *cobra.Command {
	var dir, out string
	cmd := &cobra.Command{
		Use:   "wordnet",
		Short: "Build the table of noun classes speakers are typed by (from WordNet)",
		Long: `Build the table that types a speaker written as a common noun ("the nurse",
"rights groups", "the draft resolution"): each English noun of WordNet 3.0
with the lexicographer class of its most frequent sense (noun.person,
noun.group, noun.communication, …), and WordNet's irregular plurals. Read
from Debian's wordnet-base (index.noun, data.noun, noun.exc); the output
depends on nothing else.

The embedded default is made by:

  sift train wordnet -o internal/wordnet/nouns.gz`,
		Example: `  sift train wordnet -o nouns.gz
  sift train wordnet --wordnet /usr/share/wordnet -o nouns.gz`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if out == "" {
				return usageError{errors.New("--output is required")}
			}
			if !dirExists(dir) {
				return usageError{fmt.Errorf("WordNet directory %s not found (apt-get install wordnet-base)", dir)}
			}
			if err := writeModel(out, func(w io.Writer) error { return wordnet.Build(cmd.Context(), dir, w) }); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s from %s\n", out, dir)
			return nil
		},
	}
	cmd.Flags().StringVar(&dir, "wordnet", "/usr/share/wordnet", "WordNet database directory (Debian package wordnet-base)")
	cmd.Flags().StringVarP(&out, "output", "o", "", "table file to write (required)")
	return cmd
}

// defaultUnlabelled are the news collections in ../shared/data whose text
// (labels ignored) trains the word classes. Test splits are left out.
var defaultUnlabelled = []string{
	"polnear/train/text", "polnear/dev/text", "isot-sample", "fa-kes", "perez-rosas-2018",
	"golbeck-2018-fake-satire/fake", "golbeck-2018-fake-satire/satire", "fakenewsnet-v1", "fnc1/train_bodies.csv",
}

type trainNERFlags struct {
	train, dev, out      string
	unlabelled           []string
	classes              string
	minCount, iterations int
	isoCodes, wordnet    string
	reuse                string
	epochs, patience     int
	stages, folds        int
	refit                bool
	prune                float64
	quiet                bool
}

func newTrainNERCmd() *cobra.Command {
	var f trainNERFlags
	cmd := &cobra.Command{
		Use:   "ner",
		Short: "Train the named-entity tagger (PER, ORG, LOC, MISC)",
		Long: `Train the named-entity tagger: an averaged structured perceptron over BILOU
tags with first-order Viterbi decoding.

Training runs in three steps, all on this machine:
  1. word classes: the predictive exchange algorithm groups words by the
     contexts they occur in, at several granularities (--classes), over the
     unlabelled news in --unlabelled plus the training text;
  2. gazetteers: countries, subdivisions, languages and currencies from
     Debian's iso-codes, and instance nouns (people, places, groups) and
     capitalised adjectives from Debian's wordnet-base, when installed;
  3. the tagger: epochs over --train, scoring --dev after each one and
     keeping the best; training stops after --patience epochs without gain.

The model written to -o is what 'sift eval ner --model' and the embedded
default read. The embedded default is made by:

  sift train ner -o entity/model/ner.bin`,
		Example: `  sift train ner -o ner.bin
  sift train ner --train ../shared/data/conll2003/train.txt --dev ../shared/data/conll2003/valid.txt -o ner.bin
  sift train ner --reuse ner.bin --epochs 5 -o quick.bin   # keep classes and gazetteer, retrain weights`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runTrainNER(cmd.Context(), cmd.OutOrStdout(), cmd.ErrOrStderr(), f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.train, "train", "", "CoNLL-2003 training file (default ../shared/data/conll2003/train.txt)")
	fl.StringVar(&f.dev, "dev", "", "CoNLL-2003 development file for epoch selection (default …/valid.txt)")
	fl.StringVarP(&f.out, "output", "o", "", "model file to write (required)")
	fl.StringSliceVar(&f.unlabelled, "unlabelled", nil, "files or directories of unlabelled news for word classes (default: the news sets in ../shared/data, test splits excluded)")
	fl.StringVar(&f.classes, "classes", "128,512,2048", "word-class granularities, comma-separated (empty: none)")
	fl.IntVar(&f.minCount, "min-count", 2, "words seen fewer times get no class")
	fl.IntVar(&f.iterations, "class-iterations", 8, "exchange-algorithm passes per granularity")
	fl.StringVar(&f.isoCodes, "iso-codes", "/usr/share/iso-codes/json", "iso-codes JSON directory (Debian package iso-codes); \"none\" to skip")
	fl.StringVar(&f.wordnet, "wordnet", "/usr/share/wordnet", "WordNet database directory (Debian package wordnet-base); \"none\" to skip")
	fl.StringVar(&f.reuse, "reuse", "", "take word classes and gazetteer from this model instead of building them")
	fl.IntVar(&f.epochs, "epochs", 25, "maximum epochs")
	fl.IntVar(&f.patience, "patience", 4, "stop after this many epochs without a better dev F1")
	fl.IntVar(&f.stages, "stages", 2, "1: one pass; 2: a second pass reads the first pass's labels for the whole article")
	fl.IntVar(&f.folds, "folds", 5, "jackknife folds that produce the second stage's training input")
	fl.BoolVar(&f.refit, "refit", true, "after choosing epochs on --dev, train again on --train plus --dev with those epochs")
	fl.Float64Var(&f.prune, "prune", 0.5, "drop features whose averaged weights are all below this")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "no progress bars")
	cmd.MarkFlagRequired("output")
	return cmd
}

func readCoNLL(path string) ([]entity.Document, int, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	defer fh.Close()
	docs, err := entity.ReadCoNLL(bufio.NewReader(fh))
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w", path, err)
	}
	ntok := 0
	for _, d := range docs {
		for _, s := range d {
			ntok += len(s.Words)
		}
	}
	return docs, ntok, nil
}

func dataPath(flag, rel string) (string, error) {
	if flag != "" {
		return flag, nil
	}
	root := shareddata.Root()
	if root == "" {
		return "", usageError{fmt.Errorf("no ../shared/data found; give the file explicitly")}
	}
	return filepath.Join(root, rel), nil
}

func runTrainNER(ctx context.Context, stdout, stderr io.Writer, f trainNERFlags) error {
	start := time.Now()
	trainPath, err := dataPath(f.train, "conll2003/train.txt")
	if err != nil {
		return err
	}
	devPath, err := dataPath(f.dev, "conll2003/valid.txt")
	if err != nil {
		return err
	}
	train, ntrain, err := readCoNLL(trainPath)
	if err != nil {
		return err
	}
	dev, _, err := readCoNLL(devPath)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "train: %s (%d documents, %d tokens); dev: %s\n", trainPath, len(train), ntrain, devPath)
	show := !f.quiet && isTerminalWriter(stderr)

	var classes entity.WordClasses
	var gaz *entity.Gazetteer
	if f.reuse != "" {
		fh, err := os.Open(f.reuse)
		if err != nil {
			return err
		}
		prev, err := entity.Load(fh)
		fh.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", f.reuse, err)
		}
		classes, gaz = prev.WordClasses(), prev.Gazetteer()
		fmt.Fprintf(stdout, "reusing %d word classes and a %d-entry gazetteer from %s\n", len(classes), gazLen(gaz), f.reuse)
	} else {
		iso, wn := f.isoCodes, f.wordnet
		if iso == "none" || !dirExists(iso) {
			iso = ""
		}
		if wn == "none" || !dirExists(wn) {
			wn = ""
		}
		gaz, err = entity.BuildGazetteer(ctx, iso, wn)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "gazetteer: %d phrases (iso-codes: %s, wordnet: %s)\n", gaz.Len(), orNone(iso), orNone(wn))
		classes, err = trainClasses(ctx, stdout, f, train, dev)
		if err != nil {
			return err
		}
	}

	var bar *progressbar.ProgressBar
	opts := entity.TrainOptions{
		Epochs: f.epochs, Patience: f.patience, Seed: 1, Classes: classes, Gazetteer: gaz, Prune: float32(f.prune),
		Stages: f.stages, Folds: f.folds,
		Fold: func(k, n int) {
			fmt.Fprintf(stdout, "stage 2 input: jackknife fold %d/%d\n", k, n)
		},
		Step: func(done, total int) {
			if !show {
				return
			}
			if bar == nil {
				bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(stderr),
					progressbar.OptionSetDescription(fmt.Sprintf("training")), progressbar.OptionShowCount(),
					progressbar.OptionSetItsString("docs"), progressbar.OptionShowIts(), progressbar.OptionClearOnFinish(),
					progressbar.OptionThrottle(100*time.Millisecond))
			}
			bar.Set(done)
		},
		Epoch: func(r entity.EpochReport) {
			if bar != nil {
				bar.Finish()
				bar = nil
			}
			mark := ""
			if r.Best {
				mark = "  *best"
			}
			fmt.Fprintf(stdout, "stage %d epoch %2d  mistakes %5d  dev P %.4f R %.4f F1 %.4f  (%s)%s\n", r.Stage, r.Epoch, r.Mistakes,
				r.Dev.All.Precision(), r.Dev.All.Recall(), r.Dev.All.F1(), r.Elapsed.Round(time.Millisecond), mark)
		},
	}
	if f.refit {
		opts.Refit = dev
	}
	m, err := entity.Train(ctx, train, dev, opts)
	if err != nil {
		return err
	}
	m.Info.Command = "sift train ner" + commandArgs(f)
	if err := writeModel(f.out, m.Save); err != nil {
		return err
	}
	st, _ := os.Stat(f.out)
	fmt.Fprintf(stdout, "wrote %s: %d features, %d word classes, stages %d (epochs %v), dev F1 %.4f, %.1f MB, in %s\n",
		f.out, m.Info.Features, m.Info.Classes, len(m.Info.Epochs), m.Info.Epochs, m.Info.DevF1, float64(st.Size())/1e6, time.Since(start).Round(time.Second))
	return nil
}

// commandArgs records the flags that change the model (not paths).
func commandArgs(f trainNERFlags) string {
	return fmt.Sprintf(" --classes %s --min-count %d --class-iterations %d --epochs %d --patience %d --stages %d --folds %d --refit=%t --prune %g",
		f.classes, f.minCount, f.iterations, f.epochs, f.patience, f.stages, f.folds, f.refit, f.prune)
}

func trainClasses(ctx context.Context, stdout io.Writer, f trainNERFlags, labelled ...[]entity.Document) (entity.WordClasses, error) {
	var levels []int
	for _, s := range strings.Split(f.classes, ",") {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		k, err := strconv.Atoi(s)
		if err != nil || k < 2 || k > 65535 {
			return nil, usageError{fmt.Errorf("--classes: bad granularity %q", s)}
		}
		levels = append(levels, k)
	}
	if len(levels) == 0 {
		return nil, nil
	}
	if len(levels) > entity.NumLevels {
		return nil, usageError{fmt.Errorf("--classes: at most %d granularities", entity.NumLevels)}
	}
	paths := f.unlabelled
	if len(paths) == 0 {
		root := shareddata.Root()
		if root == "" {
			return nil, usageError{fmt.Errorf("no --unlabelled given and ../shared/data not found")}
		}
		for _, p := range defaultUnlabelled {
			paths = append(paths, filepath.Join(root, p))
		}
	}
	corpus := wordclass.NewCorpus()
	for _, docs := range labelled {
		for _, d := range docs {
			for _, s := range d {
				corpus.Add(s.Words)
			}
		}
	}
	t0 := time.Now()
	ndocs, bad, err := textsource.Walk(ctx, paths, func(text string) {
		toks, sents := segment.Segment(text)
		for _, s := range sents {
			words := make([]string, 0, s.Last-s.First)
			for _, t := range toks[s.First:s.Last] {
				words = append(words, t.Text)
			}
			corpus.Add(words)
		}
	})
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(stdout, "word classes: %d unlabelled articles (%d unreadable records skipped), %d tokens in all (%s)\n",
		ndocs, bad, corpus.Tokens(), time.Since(t0).Round(time.Millisecond))
	classes := entity.WordClasses{}
	for l, k := range levels {
		t1 := time.Now()
		cl, err := corpus.Cluster(ctx, wordclass.Options{Classes: k, MinCount: f.minCount, Iterations: f.iterations, Workers: 2})
		if err != nil {
			return nil, err
		}
		for w, c := range cl {
			v := classes[w]
			v[l] = uint16(c + 1)
			classes[w] = v
		}
		fmt.Fprintf(stdout, "  %d classes over %d words (%s)\n", k, len(cl), time.Since(t1).Round(time.Millisecond))
	}
	return classes, nil
}

func writeModel(path string, save func(io.Writer) error) error {
	tmp := path + ".tmp"
	fh, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if err := save(fh); err != nil {
		fh.Close()
		os.Remove(tmp)
		return err
	}
	if err := fh.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, path)
}

func dirExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func gazLen(g *entity.Gazetteer) int {
	if g == nil {
		return 0
	}
	return g.Len()
}

func isTerminalWriter(w io.Writer) bool {
	fh, ok := w.(*os.File)
	return ok && isTerminal(fh)
}
