package entity

import (
	"reflect"
	"strings"
	"testing"
)

// sentence tokenises a pre-spaced sentence ("Boris Johnson said .") and
// tags the spans marked [TYPE words].
func tagged(text string) ([]Token, []Mention) {
	var toks []Token
	var ms []Mention
	off := 0
	open, typ := -1, ""
	for _, w := range strings.Fields(text) {
		if strings.HasPrefix(w, "[") {
			open, typ = len(toks), w[1:]
			continue
		}
		closing := strings.HasSuffix(w, "]") && open >= 0
		w = strings.TrimSuffix(w, "]")
		toks = append(toks, Token{Text: w, Start: off, End: off + len(w)})
		off += len(w) + 1
		if closing {
			ms = append(ms, Mention{Start: open, End: len(toks), Type: typ})
			open = -1
		}
	}
	return toks, ms
}

func link(sentences ...string) ([]Entity, []Cluster) {
	var sents [][]Token
	var ms []Mention
	for i, s := range sentences {
		toks, m := tagged(s)
		for j := range m {
			m[j].Sent = i
		}
		sents = append(sents, toks)
		ms = append(ms, m...)
	}
	return Link(sents, ms)
}

func names(cs []Cluster) []string {
	var out []string
	for _, c := range cs {
		s := c.Type + ":" + c.Name
		if len(c.Aliases) > 0 {
			s += "=" + strings.Join(c.Aliases, "|")
		}
		out = append(out, s)
	}
	return out
}

func TestLinkClusters(t *testing.T) {
	tests := []struct {
		name  string
		sents []string
		want  []string
	}{
		{"surname", []string{"[PER Boris Johnson] spoke .", "[PER Johnson] said ."}, []string{"PER:Boris Johnson=Johnson"}},
		{"surname first", []string{"[PER Johnson] said .", "Later [PER Boris Johnson] left ."}, []string{"PER:Boris Johnson=Johnson"}},
		{"arabic article", []string{"[PER Abu Bakr al-Baghdadi] fled .", "[PER al-Baghdadi] and [PER Baghdadi] ."},
			[]string{"PER:Abu Bakr al-Baghdadi=al-Baghdadi|Baghdadi"}},
		{"acronym", []string{"the [ORG Kurdistan Regional Government] ( [ORG KRG] ) said"}, []string{"ORG:Kurdistan Regional Government=KRG"}},
		{"acronym with periods", []string{"[LOC United States] and [LOC U.S.] forces"}, []string{"LOC:United States=U.S."}},
		{"possessive", []string{"[PER Zebari] 's claim ; [PER Hoshyar Zebari] said"}, []string{"PER:Hoshyar Zebari=Zebari"}},
		{"two people same surname stay apart by first name", []string{"[PER Hillary Clinton] and [PER Bill Clinton] met"},
			[]string{"PER:Hillary Clinton", "PER:Bill Clinton"}},
		{"surname tagged ORG joins person", []string{"[PER Boris Johnson] spoke .", "[ORG Johnson] said ."}, []string{"PER:Boris Johnson=Johnson"}},
		{"generic word does not merge", []string{"[ORG Islamic State] and [ORG Kurdistan State]"}, []string{"ORG:Islamic State", "ORG:Kurdistan State"}},
		{"org head word", []string{"the [ORG Syrian Observatory for Human Rights] said .", "The [ORG Observatory] added"},
			[]string{"ORG:Syrian Observatory for Human Rights=Observatory"}},
		{"different types kept apart", []string{"[LOC Washington] and [PER George Washington]"}, []string{"LOC:Washington", "PER:George Washington"}},
		{"a headline run on past a name is cut back to it", []string{"[ORG Roger Stone Blames Obama For The Possibility] Of Alzheimer",
			"his pal [ORG Roger Stone] thinks so .", "[ORG Stone] told [PER Alex Jones] .", "[PER Stone] said .", "[PER Stone] added .", "[PER Stone] replied ."},
			[]string{"PER:Roger Stone=Stone", "PER:Alex Jones"}},
		{"a long name is kept whole", []string{"the [ORG International Committee of the Red Cross] said .", "the [ORG International Committee] met ."},
			[]string{"ORG:International Committee of the Red Cross", "ORG:International Committee"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, cs := link(tc.sents...)
			if got := names(cs); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("clusters = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestLinkTitlesAndRoles(t *testing.T) {
	tests := []struct {
		sent, name    string
		titles, roles []string
	}{
		{"[ORG Pentagon] spokesman [PER Colonel John Dorrian] said", "John Dorrian", []string{"Colonel"}, []string{"Pentagon spokesman"}},
		{"Pentagon spokesman Colonel [PER John Dorrian] said", "John Dorrian", []string{"Colonel"}, []string{"Pentagon spokesman"}},
		{"a ministry spokesman , Colonel [PER Jane Roe] , said", "Jane Roe", []string{"Colonel"}, []string{"ministry spokesman"}},
		{"[PER John Dorrian] , a Pentagon spokesman , said", "John Dorrian", nil, []string{"Pentagon spokesman"}},
		{"Iraqi Foreign Minister [PER Hoshyar Zebari] said", "Hoshyar Zebari", []string{"Foreign Minister"}, []string{"Iraqi Foreign Minister"}},
		{"[PER Abu Bakr al-Baghdadi] , the leader of Islamic State , fled", "Abu Bakr al-Baghdadi", nil, []string{"leader of Islamic State"}},
		{"twisting the knife on [PER Trump] , the aide acknowledged", "Trump", nil, nil},
		{"[PER Jim Manley] , a former adviser to Reid , said", "Jim Manley", nil, []string{"former adviser"}},
		{"Mr [PER Johnson] said", "Johnson", []string{"Mr"}, nil},
		{"[PER Johnson] said", "Johnson", nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.sent, func(t *testing.T) {
			ents, cs := link(tc.sent)
			if len(cs) == 0 {
				t.Fatal("no clusters")
			}
			var c Cluster
			for _, x := range cs {
				if x.Type == "PER" {
					c = x
				}
			}
			if c.Name != tc.name {
				t.Errorf("name = %q, want %q (entities %+v)", c.Name, tc.name, ents)
			}
			var titles, roles []string
			for _, s := range c.Titles {
				titles = append(titles, s.Text)
			}
			for _, s := range c.Roles {
				roles = append(roles, s.Text)
			}
			if !reflect.DeepEqual(titles, tc.titles) || !reflect.DeepEqual(roles, tc.roles) {
				t.Errorf("titles %q roles %q, want %q %q", titles, roles, tc.titles, tc.roles)
			}
		})
	}
}

func TestLinkNamelessMention(t *testing.T) {
	// "Al" alone normalises to no name words: it must not crash and must
	// stay its own cluster.
	ents, cs := link("[PER Al] met [PER Al Gore] and [PER 's]")
	if len(ents) != 3 || len(cs) < 2 {
		t.Errorf("entities %+v clusters %+v", ents, cs)
	}
}

func TestLinkOffsets(t *testing.T) {
	ents, cs := link("Pentagon spokesman [PER Colonel John Dorrian] said")
	if len(ents) != 1 || ents[0].Text != "John Dorrian" {
		t.Fatalf("entities %+v", ents)
	}
	text := "Pentagon spokesman Colonel John Dorrian said"
	if got := text[ents[0].Start:ents[0].End]; got != "John Dorrian" {
		t.Errorf("entity offsets cover %q", got)
	}
	if r := cs[0].Roles[0]; text[r.Start:r.End] != "Pentagon spokesman" {
		t.Errorf("role offsets cover %q", text[r.Start:r.End])
	}
	if cs[0].Mentions[0] != 0 || ents[0].Cluster != 0 {
		t.Errorf("cluster links broken: %+v %+v", cs, ents)
	}
}
