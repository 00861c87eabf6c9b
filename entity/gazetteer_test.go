package entity

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGazetteerMark(t *testing.T) {
	g := NewGazetteer("country", "city")
	g.AddName(0, "United States")
	g.AddName(0, "Korea, Republic of")
	g.AddName(1, "New York")
	g.AddName(1, "York")
	m := &Model{gaz: g}
	ts := m.prepare(strings.Fields("flights from New York to the UNITED STATES and Korea , Republic of"))
	pos := func(i, c int) uint8 { return ts[i].gaz[c] }
	// New York: longest city match wins over York
	if pos(2, 1) != 1 || pos(3, 1) != 3 {
		t.Errorf("New York marked %d %d", pos(2, 1), pos(3, 1))
	}
	// case-insensitive, all caps
	if pos(6, 0) != 1 || pos(7, 0) != 3 {
		t.Errorf("UNITED STATES marked %d %d", pos(6, 0), pos(7, 0))
	}
	if pos(9, 0) != 1 || pos(10, 0) != 2 || pos(12, 0) != 3 {
		t.Errorf("Korea , Republic of marked %d %d %d", pos(9, 0), pos(10, 0), pos(12, 0))
	}
	if pos(0, 0) != 0 || pos(0, 1) != 0 {
		t.Error("unmatched word marked")
	}
}

func TestBuildGazetteer(t *testing.T) {
	iso := t.TempDir()
	files := map[string]string{
		"iso_3166-1.json": `{"3166-1":[{"name":"Iraq","official_name":"Republic of Iraq"}]}`,
		"iso_3166-3.json": `{"3166-3":[{"name":"Yugoslavia"}]}`,
		"iso_3166-2.json": `{"3166-2":[{"name":"Ninawa"}]}`,
		"iso_639-2.json":  `{"639-2":[{"name":"Kurdish"}]}`,
		"iso_4217.json":   `{"4217":[{"name":"Iraqi Dinar"}]}`,
	}
	for n, c := range files {
		os.WriteFile(filepath.Join(iso, n), []byte(c), 0o644)
	}
	wn := t.TempDir()
	os.WriteFile(filepath.Join(wn, "data.noun"), []byte(
		"  1 This software and database is being provided\n"+
			"09000001 15 n 01 Mosul 0 001 @i 08524735 n 0000 | a city in Iraq\n"+
			"09000002 18 n 02 Baghdadi 0 Abu_Bakr_al-Baghdadi 0 001 @i 10000000 n 0000 | a leader\n"+
			"09000003 18 n 01 leader 0 001 @ 10000000 n 0000 | not an instance\n"), 0o644)
	os.WriteFile(filepath.Join(wn, "data.adj"), []byte("03000001 01 a 01 Iraqi 0 000 | of Iraq\n"), 0o644)
	g, err := BuildGazetteer(context.Background(), iso, wn)
	if err != nil {
		t.Fatal(err)
	}
	m := &Model{gaz: g}
	check := func(phrase string, cat int) {
		t.Helper()
		ts := m.prepare(strings.Fields(phrase))
		if ts[0].gaz[cat] == 0 {
			t.Errorf("%q not in %s", phrase, g.Categories[cat])
		}
	}
	check("Iraq", GazCountry)
	check("Republic of Iraq", GazCountry)
	check("Ninawa", GazRegion)
	check("Kurdish", GazLanguage)
	check("Iraqi Dinar", GazCurrency)
	check("Mosul", GazPlace)
	check("Abu Bakr al-Baghdadi", GazPerson)
	check("Iraqi", GazProperAdj)
	if ts := m.prepare([]string{"leader"}); ts[0].gaz[GazPerson] != 0 {
		t.Error("a common noun was added")
	}
	if _, err := BuildGazetteer(context.Background(), t.TempDir(), ""); err == nil {
		t.Error("missing iso-codes files must be an error")
	}
}
