module github.com/siftnews/sift

go 1.26.8

require (
	github.com/clipperhouse/uax29/v2 v2.7.0
	golang.org/x/text v0.44.0
)
