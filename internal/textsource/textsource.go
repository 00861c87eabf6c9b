// Package textsource walks files and directories of articles (text, CSV,
// TSV, JSON, JSONL, HTML) and hands each article's text to a callback. It
// feeds unsupervised training (word classes) with unlabelled news.
package textsource

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"

	"github.com/siftnews/sift/input"
)

// readable lists the file extensions read; everything else (annotation
// files, spreadsheets, archives, documentation) is skipped.
var readable = map[string]bool{".txt": true, ".csv": true, ".tsv": true, ".json": true, ".jsonl": true, ".html": true, ".htm": true}

// skipNames are documentation files found beside datasets.
var skipNames = map[string]bool{"readme.txt": true, "source.md": true, "readme.md": true, "index.csv": true, "metadata.tsv": true}

// Walk calls fn with the text of every article under paths, in a stable
// order (paths as given, directory entries sorted). Bad records are
// skipped and counted; an unreadable path is an error.
func Walk(ctx context.Context, paths []string, fn func(text string)) (docs, bad int, err error) {
	for _, p := range paths {
		var files []string
		err := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			name := strings.ToLower(d.Name())
			if !d.IsDir() && readable[filepath.Ext(name)] && !skipNames[name] {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return docs, bad, fmt.Errorf("textsource: %w", err)
		}
		sort.Strings(files)
		for _, f := range files {
			r, err := input.Open(ctx, f, input.Options{NoHeadlineTitle: true}) // the headline is already the first line
			if err != nil {
				bad++
				continue
			}
			for {
				d, err := r.Next()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					var re *input.RecordError
					if errors.As(err, &re) {
						bad++
						continue
					}
					bad++
					break
				}
				if d.Title != "" {
					fn(d.Title)
				}
				fn(d.Text)
				docs++
			}
			r.Close()
			if err := ctx.Err(); err != nil {
				return docs, bad, err
			}
		}
	}
	return docs, bad, nil
}
