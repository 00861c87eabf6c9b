package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/schollz/progressbar/v3"
	"github.com/siftnews/sift"
	"github.com/siftnews/sift/entity"
	"github.com/siftnews/sift/internal/polnear"
	"github.com/siftnews/sift/quote"
	"github.com/siftnews/sift/repair"
	"github.com/spf13/cobra"
)

// readPolNeAR reads a PolNeAR split and prepares each article for the
// quote stage (tokens, sentences, entity tags), with a progress bar.
func readPolNeAR(ctx context.Context, dir string, stderr io.Writer, show bool) ([]quote.Labeled, error) {
	arts, err := polnear.ReadSplit(dir)
	if err != nil {
		return nil, err
	}
	ner, err := entity.Default()
	if err != nil {
		return nil, err
	}
	var bar *progressbar.ProgressBar
	if show {
		bar = progressbar.NewOptions(len(arts), progressbar.OptionSetWriter(stderr), progressbar.OptionSetDescription("reading "+filepath.Base(dir)),
			progressbar.OptionShowCount(), progressbar.OptionClearOnFinish(), progressbar.OptionThrottle(100*time.Millisecond))
	}
	out := make([]quote.Labeled, len(arts))
	for i, a := range arts {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		out[i] = quote.Labeled{Doc: quote.NewDoc(a.Text, ner), Attrs: goldOf(a)}
		if bar != nil {
			bar.Add(1)
		}
	}
	if bar != nil {
		bar.Finish()
	}
	return out, nil
}

// goldOf gives an annotation's attributions as the quote stage scores them.
func goldOf(a polnear.Article) []quote.GoldAttribution {
	var g []quote.GoldAttribution
	for _, at := range a.Attrs {
		g = append(g, quote.GoldAttribution{Source: conv(at.Source), Cue: conv(at.Cue), Content: conv(at.Content)})
	}
	return g
}

func conv(ss []polnear.Span) []quote.Span {
	out := make([]quote.Span, len(ss))
	for i, s := range ss {
		out[i] = quote.Span{Start: s.Start, End: s.End}
	}
	return out
}

type trainQuotesFlags struct {
	train, dev, out  string
	epochs, patience int
	prune            float64
	quiet            bool
}

func newTrainQuotesCmd() *cobra.Command {
	var f trainQuotesFlags
	cmd := &cobra.Command{
		Use:   "quotes",
		Short: "Train the attribution tagger (sources, cues, contents) on PolNeAR",
		Long: `Train the attribution tagger on PolNeAR's train split, choosing the epoch on
its dev split by the mean of source exact F1 and content overlap F1.

The tagger is an averaged structured perceptron over BILOU tags for three
span types — SRC (who), CUE (says, according to, told…), CNT (what) — read
paragraph by paragraph, with features for quotation marks, a cue lexicon
learned from the training split, distances to likely cues, and the entity
tagger's labels. Spans are then assembled into attributions.

The embedded default is made by:

  sift train quotes -o quote/model/quote.bin`,
		Example: `  sift train quotes -o quote.bin
  sift train quotes --train ../shared/data/polnear/train --dev ../shared/data/polnear/dev -o quote.bin`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runTrainQuotes(cmd.Context(), cmd.OutOrStdout(), cmd.ErrOrStderr(), f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.train, "train", "", "PolNeAR split directory for training (default ../shared/data/polnear/train)")
	fl.StringVar(&f.dev, "dev", "", "PolNeAR split directory for choosing the epoch (default …/polnear/dev)")
	fl.StringVarP(&f.out, "output", "o", "", "model file to write (required)")
	fl.IntVar(&f.epochs, "epochs", 20, "maximum epochs")
	fl.IntVar(&f.patience, "patience", 3, "stop after this many epochs without a better dev score")
	fl.Float64Var(&f.prune, "prune", 2, "drop features whose averaged weights are all below this")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "no progress bars")
	cmd.MarkFlagRequired("output")
	return cmd
}

func runTrainQuotes(ctx context.Context, stdout, stderr io.Writer, f trainQuotesFlags) error {
	start := time.Now()
	trainDir, err := dataPath(f.train, "polnear/train")
	if err != nil {
		return err
	}
	devDir, err := dataPath(f.dev, "polnear/dev")
	if err != nil {
		return err
	}
	show := !f.quiet && isTerminalWriter(stderr)
	train, err := readPolNeAR(ctx, trainDir, stderr, show)
	if err != nil {
		return err
	}
	dev, err := readPolNeAR(ctx, devDir, stderr, show)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "train: %s (%d articles); dev: %s (%d articles)\n", trainDir, len(train), devDir, len(dev))
	t0 := time.Now()
	m, err := quote.Train(ctx, train, dev, quote.TrainOptions{Epochs: f.epochs, Patience: f.patience, Seed: 1, Prune: float32(f.prune),
		Epoch: func(epoch, mistakes int, dev quote.Scores, best bool) {
			mark := ""
			if best {
				mark = "  *best"
			}
			fmt.Fprintf(stdout, "epoch %2d  mistakes %6d  dev source exact F1 %.4f  content overlap F1 %.4f  cue F1 %.4f  (%s)%s\n",
				epoch, mistakes, dev.Source.Exact.F1(), dev.Content.Overlap.F1(), dev.Cue.Exact.F1(), time.Since(t0).Round(time.Second), mark)
		}})
	if err != nil {
		return err
	}
	m.Info.Command = fmt.Sprintf("sift train quotes --epochs %d --patience %d --prune %g", f.epochs, f.patience, f.prune)
	if err := writeModel(f.out, m.Save); err != nil {
		return err
	}
	st, _ := os.Stat(f.out)
	fmt.Fprintf(stdout, "wrote %s: %d features, %d cue words, epoch %d, dev mean F1 %.4f, %.1f MB, in %s\n",
		f.out, m.Info.Features, m.Info.CueWords, m.Info.Epochs, m.Info.DevF1, float64(st.Size())/1e6, time.Since(start).Round(time.Second))
	return nil
}

func newEvalQuotesCmd() *cobra.Command {
	var data, model, directPeer string
	var stripMarks, agreement bool
	cmd := &cobra.Command{
		Use:   "quotes",
		Short: "Score attribution (who said what) on PolNeAR: cue, source and content P/R/F1",
		Long: `Score the attribution stage on a PolNeAR split.

For cues, sources and contents, precision, recall and F1 are given twice:
  exact    the predicted span equals the gold span;
  overlap  the spans share at least one character; predictions and gold
           spans are paired one to one, exact matches first, then by the
           largest overlap, so one long prediction cannot match several.
Both sides are first trimmed of white space, punctuation and quotation marks
at their edges, and a discontinuous gold span is compared by its hull.
"pair" counts gold attributions found with the exact source and an
overlapping content in the same prediction.

The speakers of direct quotations are then counted through the whole
pipeline (sift analyze), and direct quotations scored alone. With
--strip-marks the pipeline is also scored on the same articles damaged the
way ISOT's fake half is (every quotation mark and apostrophe replaced by a
space), its spans mapped back to the intact text — once as Sift repairs
them and once without the repair that puts quotation marks back: sources
exact, contents and direct contents by overlap, how many of the quotations
over a gold direct one have no speaker, and how many of the stripped marks
the repair put back, where, and which way round.

With --agreement the split's articles annotated by several annotators are
scored instead: every annotator against every other (each pair once, each
side in turn taken as gold, so precision and recall are the same), and the
model against each annotator, both by the rules above. That is how far
trained annotators agree on the same spans, the ceiling a model scored
against one of them can be read against.`,
		Example: `  sift eval quotes --data ../shared/data/polnear/test
  sift eval quotes --data ../shared/data/polnear/dev --model quote.bin
  sift eval quotes --strip-marks
  sift eval quotes --agreement --data ../shared/data/polnear/annotator-training`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			dir, err := dataPath(data, "polnear/test")
			if err != nil {
				return err
			}
			var m *quote.Model
			if model == "" {
				m, err = quote.Default()
			} else {
				var fh *os.File
				if fh, err = os.Open(model); err == nil {
					m, err = quote.Load(fh)
					fh.Close()
				}
			}
			if err != nil {
				return err
			}
			if agreement {
				return runAgreement(cmd.Context(), cmd.OutOrStdout(), dir, m)
			}
			docs, err := readPolNeAR(cmd.Context(), dir, cmd.ErrOrStderr(), isTerminalWriter(cmd.ErrOrStderr()))
			if err != nil {
				return err
			}
			t0 := time.Now()
			sc := m.Evaluate(docs)
			el := time.Since(t0)
			out := cmd.OutOrStdout()
			ntok := 0
			for _, d := range docs {
				ntok += len(d.Doc.Tokens)
			}
			fmt.Fprintf(out, "data: %s (%d articles, %d tokens); %.0f tokens/s\n\n", dir, sc.Docs, ntok, float64(ntok)/el.Seconds())
			w := tabwriter.NewWriter(out, 0, 4, 2, ' ', tabwriter.AlignRight)
			fmt.Fprintf(w, "part\tmatch\tgold\tpredicted\tcorrect\tprecision\trecall\tF1\t\n")
			row := func(part, match string, c quote.Counts) {
				fmt.Fprintf(w, "%s\t%s\t%d\t%d\t%d\t%.4f\t%.4f\t%.4f\t\n", part, match, c.Gold, c.Pred, c.Correct, c.Precision(), c.Recall(), c.F1())
			}
			for _, p := range []struct {
				name string
				s    quote.PartScores
			}{{"cue", sc.Cue}, {"source", sc.Source}, {"content", sc.Content}} {
				row(p.name, "exact", p.s.Exact)
				row(p.name, "overlap", p.s.Overlap)
			}
			row("source+content", "pair", sc.Pair)
			if err := w.Flush(); err != nil {
				return err
			}
			// Speakers of direct quotations, through the whole pipeline, and
			// direct quotations alone (against a peer, when given).
			arts, err := polnear.ReadSplit(dir)
			if err != nil {
				return err
			}
			peer, err := readPeerQuotes(directPeer)
			if err != nil {
				return err
			}
			ps, err := scorePipeline(cmd.Context(), arts, m, peer, false)
			if err != nil {
				return err
			}
			fmt.Fprintf(out, "\ndirect quotations found by sift analyze: %d; speaker unknown: %d (%.1f%%)\n", ps.direct, ps.unknown, 100*float64(ps.unknown)/float64(max(ps.direct, 1)))
			fmt.Fprintf(w, "\ndirect quotations only\tmatch\tgold\tpredicted\tcorrect\tprecision\trecall\tF1\t\n")
			row("sift", "overlap", ps.directOnly.Overlap)
			if peer != nil {
				row("peer ("+filepath.Base(directPeer)+")", "overlap", ps.peer.Overlap)
			}
			if !stripMarks {
				return w.Flush()
			}
			st, err := scorePipeline(cmd.Context(), arts, m, nil, true)
			if err != nil {
				return err
			}
			// the same without the repair that puts the marks back
			nr, err := scorePipeline(cmd.Context(), arts, m, nil, true, sift.WithRepair(repair.Options{KeepStrippedMarks: true}))
			if err != nil {
				return err
			}
			fmt.Fprintf(w, "\nthrough sift analyze\tmatch\tgold\tpredicted\tcorrect\tprecision\trecall\tF1\t\n")
			for _, r := range []struct {
				name string
				ps   pipelineScores
			}{{"as written", ps}, {"stripped, not put back", nr}, {"stripped, put back", st}} {
				row(r.name+": source", "exact", r.ps.source.Exact)
				row(r.name+": content", "overlap", r.ps.content.Overlap)
				row(r.name+": direct content", "overlap", r.ps.directOnly.Overlap)
			}
			if err := w.Flush(); err != nil {
				return err
			}
			for _, r := range []struct {
				name string
				ps   pipelineScores
			}{{"stripped, not put back", nr}, {"stripped, put back", st}} {
				fmt.Fprintf(out, "%s: quotations over the gold direct ones %d; their speaker unknown: %d (%.1f%%)\n", r.name, r.ps.direct, r.ps.unknown, 100*float64(r.ps.unknown)/float64(max(r.ps.direct, 1)))
			}
			mk := scoreMarks(arts)
			fmt.Fprintf(out, "quotation marks put back by the repair: %d of %d stripped (recall %.3f), %d of %d put back where one was (precision %.3f), %d of those the right way round\n",
				mk.Correct, mk.Gold, mk.Recall(), mk.Correct, mk.Pred, mk.Precision(), mk.direction)
			return w.Flush()
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "PolNeAR split directory (default ../shared/data/polnear/test)")
	cmd.Flags().StringVar(&model, "model", "", "model file (default: the embedded model)")
	cmd.Flags().BoolVar(&stripMarks, "strip-marks", false, "also score the whole pipeline on the articles with their quotation marks and apostrophes stripped, each replaced by a space, as in ISOT's fake half")
	cmd.Flags().BoolVar(&agreement, "agreement", false, "score the split's articles annotated by several annotators: annotator against annotator, and the model against each")
	cmd.Flags().StringVar(&directPeer, "direct-peer", "", "JSON lines {name, quotes: [texts]} from a peer (bench/peers/js/quotes.js) to score on direct quotations")
	return cmd
}

// runAgreement scores annotators against each other, and the model
// against each of them, on the articles of a split with more than one
// annotation file.
func runAgreement(ctx context.Context, out io.Writer, dir string, m *quote.Model) error {
	all, err := polnear.ReadAnnotations(dir)
	if err != nil {
		return err
	}
	ner, err := entity.Default()
	if err != nil {
		return err
	}
	var humans, model quote.Scores
	articles, files, pairs := 0, 0, 0
	for i := 0; i < len(all); {
		j := i + 1
		for j < len(all) && all[j].Name == all[i].Name {
			j++
		}
		group := all[i:j]
		i = j
		if len(group) < 2 {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		articles++
		files += len(group)
		doc := quote.NewDoc(group[0].Text, ner)
		anns := make([][]quote.GoldAttribution, len(group))
		for a := range group {
			anns[a] = goldOf(group[a])
		}
		for a := range anns {
			model.Add(m.Evaluate([]quote.Labeled{{Doc: doc, Attrs: anns[a]}}))
			for b := a + 1; b < len(anns); b++ {
				pairs++
				// each side in turn as gold: the tallies stay symmetric
				humans.Add(quote.Agreement(doc.Text, anns[a], anns[b]))
				humans.Add(quote.Agreement(doc.Text, anns[b], anns[a]))
			}
		}
	}
	if articles == 0 {
		return fmt.Errorf("eval quotes --agreement: no article of %s has more than one annotation file", dir)
	}
	fmt.Fprintf(out, "data: %s (%d articles with several annotators, %d annotation files, %d annotator pairs)\n\n", dir, articles, files, pairs)
	w := tabwriter.NewWriter(out, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(w, "part\tmatch\tannotator vs annotator F1\tmodel vs annotator F1\tmodel P\tmodel R\t\n")
	row := func(part, match string, h, mo quote.Counts) {
		fmt.Fprintf(w, "%s\t%s\t%.4f\t%.4f\t%.4f\t%.4f\t\n", part, match, h.F1(), mo.F1(), mo.Precision(), mo.Recall())
	}
	for _, p := range []struct {
		name string
		h, m quote.PartScores
	}{{"cue", humans.Cue, model.Cue}, {"source", humans.Source, model.Source}, {"content", humans.Content, model.Content}} {
		row(p.name, "exact", p.h.Exact, p.m.Exact)
		row(p.name, "overlap", p.h.Overlap, p.m.Overlap)
	}
	row("source+content", "pair", humans.Pair, model.Pair)
	return w.Flush()
}

// readPeerQuotes reads a peer's quotations per article name.
func readPeerQuotes(path string) (map[string][]string, error) {
	if path == "" {
		return nil, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := map[string][]string{}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		var rec struct {
			Name   string   `json:"name"`
			Quotes []string `json:"quotes"`
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out[rec.Name] = rec.Quotes
	}
	return out, nil
}

// locate finds each quotation's text in the article, in order.
func locate(text string, quotes []string) []quote.Span {
	var out []quote.Span
	from := 0
	for _, q := range quotes {
		q = strings.TrimSpace(q)
		if q == "" {
			continue
		}
		i := strings.Index(text[from:], q)
		if i < 0 {
			if i = strings.Index(text, q); i < 0 {
				continue
			}
		} else {
			i += from
		}
		out = append(out, quote.Span{Start: i, End: i + len(q)})
		from = i + len(q)
	}
	return out
}

// pipelineScores are the whole pipeline's (sift analyze) scores on PolNeAR.
type pipelineScores struct {
	source, content, directOnly, peer quote.PartScores
	// direct counts direct quotations (with strip: any quotation over a
	// gold direct one), unknown those of them with no speaker
	direct, unknown int
}

// scorePipeline analyses each article as sift analyze does and scores its
// quotations' sources (the speaker as shown) and contents, and its direct
// quotations alone (a peer's too, when given). With strip the article is
// first damaged by stripMarks and the spans mapped back. opts go to
// sift.Analyze.
func scorePipeline(ctx context.Context, arts []polnear.Article, m *quote.Model, peer map[string][]string, strip bool, opts ...sift.Option) (pipelineScores, error) {
	var ps pipelineScores
	for _, a := range arts {
		text, back := a.Text, []int(nil)
		if strip {
			text, back = stripMarks(a.Text)
		}
		orig := func(s, e int) quote.Span {
			if back == nil {
				return quote.Span{Start: s, End: e}
			}
			return quote.Span{Start: back[s], End: back[e]}
		}
		an, err := sift.Analyze(ctx, sift.Document{ID: a.Name, Text: text}, append([]sift.Option{sift.WithQuoteModel(m)}, opts...)...)
		if err != nil {
			return ps, fmt.Errorf("%s: %w", a.Name, err)
		}
		var gold, goldSrc, goldCnt, mine, src, cnt []quote.Span
		for _, at := range a.Attrs {
			h := polnear.Hull(at.Content)
			s := quote.Span{Start: h.Start, End: h.End}
			if s.End > s.Start {
				goldCnt = append(goldCnt, s)
				if quote.DirectContent(a.Text, s) {
					gold = append(gold, s)
				}
			}
			if h := polnear.Hull(at.Source); h.End > h.Start {
				goldSrc = append(goldSrc, quote.Span{Start: h.Start, End: h.End})
			}
		}
		for _, q := range an.Quotes {
			c := orig(q.Start, q.End)
			cnt = append(cnt, c)
			if r := q.ReportedBy; r != nil && r.TextSpan != nil && (q.Speaker.TextSpan == nil || r.Start < q.Speaker.Start) {
				// "X quoted Y as saying": PolNeAR's source is X, which
				// Sift reports as reported_by (Y is the speaker); in "Y
				// was quoted by X" it is the subject, Y
				src = append(src, orig(r.Start, r.End))
			} else if q.Speaker.TextSpan != nil {
				src = append(src, orig(q.Speaker.Start, q.Speaker.End))
			}
			over := false
			for _, g := range gold {
				over = over || max(c.Start, g.Start) < min(c.End, g.End)
			}
			if q.Kind == "direct" || strip && over {
				ps.direct++
				if q.Speaker.Kind == "unknown" {
					ps.unknown++
				}
			}
			if q.Kind == "direct" {
				mine = append(mine, c)
			}
		}
		ps.source.Add(quote.ScoreSpans(a.Text, goldSrc, src))
		ps.content.Add(quote.ScoreSpans(a.Text, goldCnt, cnt))
		ps.directOnly.Add(quote.ScoreSpans(a.Text, gold, mine))
		if peer != nil {
			ps.peer.Add(quote.ScoreSpans(a.Text, gold, locate(a.Text, peer[a.Name])))
		}
	}
	return ps, nil
}

// stripMarks damages text the way ISOT's fake half was damaged: every
// quotation mark and apostrophe is replaced by a space. It returns the
// damaged text and, for each of its byte offsets (and its end), the
// offset in text.
func stripMarks(text string) (string, []int) {
	var b strings.Builder
	back := make([]int, 0, len(text)+1)
	for i, r := range text {
		switch r {
		case '“', '”', '"', '‘', '’', '\'', '«', '»':
			back = append(back, i)
			b.WriteByte(' ')
			continue
		}
		for k := range utf8.RuneLen(r) {
			back = append(back, i+k)
		}
		b.WriteRune(r)
	}
	back = append(back, len(text))
	return b.String(), back
}

// markScores count the quotation marks the repair put back in articles
// damaged by stripMarks: Gold the marks stripped (apostrophes aside),
// Pred the marks put back, Correct those put back where a mark was (or
// beside it: a mark and the space next to it are one place once
// stripped), direction those of the right kind, opening or closing.
type markScores struct {
	quote.Counts
	direction int
}

func scoreMarks(arts []polnear.Article) markScores {
	var ms markScores
	for _, a := range arts {
		text, back := stripMarks(a.Text)
		gold := quoteMarks(a.Text)
		ms.Gold += len(gold)
		for _, rp := range repair.Clean(text).Repairs {
			if rp.Kind != repair.KindQuoteMarks {
				continue
			}
			ms.Pred++
			o := back[rp.Start]
			mark, ok := gold[o]
			for _, k := range []int{rp.Start - 1, rp.Start + 1} {
				if !ok && k >= 0 && k < len(back) {
					mark, ok = gold[back[k]]
				}
			}
			if !ok {
				continue
			}
			ms.Correct++
			if mark == 0 || (mark > 0) == (rp.After == "“") {
				ms.direction++
			}
		}
	}
	return ms
}

// quoteMarks finds the quotation marks in text by byte offset: 1 for an
// opening mark, -1 for a closing one, 0 for a straight double mark. A ’
// between letters or after a plural's s is an apostrophe, not a mark.
func quoteMarks(text string) map[int]int {
	out := map[int]int{}
	rs := []rune(text)
	letter := func(k int) bool { return k >= 0 && k < len(rs) && unicode.IsLetter(rs[k]) }
	off := 0
	for k, r := range rs {
		switch r {
		case '“', '‘', '«':
			out[off] = 1
		case '”', '»':
			out[off] = -1
		case '"':
			out[off] = 0
		case '’':
			if !(letter(k-1) && (letter(k+1) || rs[k-1] == 's')) {
				out[off] = -1
			}
		}
		off += utf8.RuneLen(r)
	}
	return out
}
