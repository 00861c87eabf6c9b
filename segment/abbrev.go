package segment

import "strings"

// abbrevClass says how an abbreviation behaves before a capitalised word.
type abbrevClass uint8

const (
	// abbrTitle precedes a name and never ends a sentence: Mr. Col. Gen.
	abbrTitle abbrevClass = iota + 1
	// abbrMonth precedes a day number: Jan. 5; ends a sentence only before a
	// sentence starter.
	abbrMonth
	// abbrGeneral may end a sentence: Inc. Corp. etc. U.S. Jr.
	abbrGeneral
	// abbrDay precedes a date ("Sat. Jan. 21", "Wed. 5") and otherwise
	// ends a sentence before a capital.
	abbrDay
	// abbrState follows a city ("Austin, Tex.") and ends a sentence before
	// any capitalised word.
	abbrState
)

// abbreviations maps lower-cased abbreviations (without the final period)
// to their class. It is read-only.
var abbreviations = map[string]abbrevClass{
	// titles and ranks
	"mr": abbrTitle, "mrs": abbrTitle, "ms": abbrTitle, "messrs": abbrTitle, "dr": abbrTitle, "prof": abbrTitle,
	"rev": abbrTitle, "hon": abbrTitle, "pres": abbrTitle, "gov": abbrTitle, "sen": abbrTitle, "rep": abbrTitle,
	"reps": abbrTitle, "sens": abbrTitle, "amb": abbrTitle, "sec": abbrTitle, "atty": abbrTitle, "supt": abbrTitle,
	"gen": abbrTitle, "lt": abbrTitle, "col": abbrTitle, "maj": abbrTitle, "capt": abbrTitle, "cpt": abbrTitle,
	"cmdr": abbrTitle, "cdr": abbrTitle, "adm": abbrTitle, "brig": abbrTitle, "sgt": abbrTitle, "cpl": abbrTitle,
	"pvt": abbrTitle, "pfc": abbrTitle, "spc": abbrTitle, "ens": abbrTitle, "det": abbrTitle, "insp": abbrTitle,
	"fr": abbrTitle, "sr": abbrGeneral, "jr": abbrGeneral, "st": abbrTitle, "mt": abbrTitle, "ft": abbrTitle,
	"msgr": abbrTitle, "gens": abbrTitle, "mme": abbrTitle, "mlle": abbrTitle, "dept": abbrGeneral,
	"no": abbrTitle, "nos": abbrTitle, "vol": abbrTitle, "art": abbrTitle, "fig": abbrTitle, "p": abbrTitle,
	"pp": abbrTitle, "ch": abbrTitle, "rt": abbrTitle, "asst": abbrTitle,
	// months and days
	"jan": abbrMonth, "feb": abbrMonth, "mar": abbrMonth, "apr": abbrMonth, "jun": abbrMonth, "jul": abbrMonth,
	"aug": abbrMonth, "sep": abbrMonth, "sept": abbrMonth, "oct": abbrMonth, "nov": abbrMonth, "dec": abbrMonth,
	"mon": abbrDay, "tue": abbrDay, "tues": abbrDay, "wed": abbrDay, "thu": abbrDay, "thurs": abbrDay,
	"fri": abbrDay, "sat": abbrDay, "sun": abbrDay,
	// US states as written in news (AP style)
	"ala": abbrState, "ariz": abbrState, "ark": abbrState, "calif": abbrState, "colo": abbrState,
	"conn": abbrState, "del": abbrState, "fla": abbrState, "ga": abbrState, "ill": abbrState,
	"ind": abbrState, "kan": abbrState, "ky": abbrState, "la": abbrState, "md": abbrState,
	"mass": abbrState, "mich": abbrState, "minn": abbrState, "miss": abbrState, "mo": abbrState,
	"mont": abbrState, "neb": abbrState, "nev": abbrState, "okla": abbrState, "ore": abbrState,
	"pa": abbrState, "tenn": abbrState, "tex": abbrState, "va": abbrState, "vt": abbrState,
	"wash": abbrState, "wis": abbrState, "wyo": abbrState,
	// organisations and others
	"inc": abbrGeneral, "corp": abbrGeneral, "co": abbrGeneral, "ltd": abbrGeneral, "llc": abbrGeneral,
	"bros": abbrGeneral, "plc": abbrGeneral, "assn": abbrGeneral, "univ": abbrGeneral, "intl": abbrGeneral,
	"etc": abbrGeneral, "vs": abbrGeneral, "v": abbrGeneral, "approx": abbrGeneral, "est": abbrGeneral,
	"al": abbrGeneral, "cf": abbrGeneral, "ca": abbrGeneral, "min": abbrGeneral, "max": abbrGeneral,
	"govt": abbrGeneral, "ph.d": abbrGeneral, "u.s": abbrGeneral, "u.k": abbrGeneral, "u.n": abbrGeneral,
	"e.u": abbrGeneral, "a.m": abbrGeneral, "p.m": abbrGeneral, "e.g": abbrTitle, "i.e": abbrTitle,
	"d.c": abbrGeneral, "u.s.a": abbrGeneral, "n.y": abbrGeneral, "l.a": abbrGeneral,
}

// sentenceStarters are capitalised words that usually begin a sentence; an
// abbreviation followed by one of them probably ended the sentence before.
var sentenceStarters = map[string]bool{
	"The": true, "A": true, "An": true, "He": true, "She": true, "It": true, "They": true, "We": true,
	"I": true, "You": true, "But": true, "And": true, "Or": true, "So": true, "Yet": true, "In": true,
	"On": true, "At": true, "As": true, "After": true, "Before": true, "When": true, "While": true,
	"However": true, "This": true, "That": true, "These": true, "Those": true, "There": true, "His": true,
	"Her": true, "Their": true, "Its": true, "Our": true, "My": true, "If": true, "Since": true,
	"Although": true, "Meanwhile": true, "Still": true, "Also": true, "Now": true, "Then": true,
	"Some": true, "Many": true, "Most": true, "Other": true, "Officials": true, "According": true,
	"Last": true, "Earlier": true, "Later": true, "For": true, "From": true, "With": true, "By": true,
	"What": true, "Who": true, "Why": true, "How": true, "Where": true, "Shares": true, "Analysts": true,
	"Police": true, "Both": true, "No": true, "Not": true, "One": true, "Two": true, "All": true,
	"Others": true, "Critics": true, "Experts": true, "Residents": true, "Witnesses": true, "Nobody": true,
	"Nothing": true, "Everyone": true, "Such": true, "Each": true, "Every": true, "Few": true, "Several": true,
	"Under": true, "During": true, "Despite": true, "Without": true, "Unlike": true, "Instead": true,
	"Indeed": true, "Moreover": true, "Thus": true, "Even": true, "Only": true, "Here": true, "Today": true,
	"Yesterday": true, "Asked": true, "Separately": true, "Further": true, "Until": true, "Once": true,
	"Three": true, "Four": true, "Five": true, "Among": true, "Because": true,
}

// monthWords are month names and abbreviations (a day abbreviation before
// one does not end a sentence: "Sat. Jan. 21").
var monthWords = map[string]bool{
	"Jan.": true, "Feb.": true, "Mar.": true, "Apr.": true, "Jun.": true, "Jul.": true, "Aug.": true, "Sep.": true,
	"Sept.": true, "Oct.": true, "Nov.": true, "Dec.": true, "January": true, "February": true, "March": true,
	"April": true, "May": true, "June": true, "July": true, "August": true, "September": true, "October": true,
	"November": true, "December": true,
}

// wordLike abbreviations are also ordinary words ("ill", "mass", "no");
// they count as abbreviations only when capitalised ("Ill.", "No. 5").
var wordLike = map[string]bool{
	"ill": true, "mass": true, "wash": true, "miss": true, "ore": true, "min": true, "max": true,
	"sun": true, "sat": true, "wed": true, "mar": true, "est": true, "del": true, "ind": true, "art": true,
	"no": true, "fig": true, "co": true, "mo": true, "la": true, "pa": true, "ca": true, "ga": true,
	"va": true, "ky": true, "md": true, "mont": true, "tex": true, "neb": true, "ark": true, "con": true,
	"sec": true, "rep": true, "gen": true, "det": true, "ch": true, "vol": true,
	"mon": true, "fri": true, "dec": true, "jun": true, "p": true, "pp": true, "v": true, "ave": true,
	"st": true, "ft": true, "mt": true, "ens": true, "spc": true, "amb": true,
}

// numberBefore lists abbreviations that precede a number ("No. 5",
// "Fig. 2", "p. 12") and otherwise behave as ordinary words.
var numberBefore = map[string]bool{"no": true, "nos": true, "vol": true, "art": true, "fig": true, "p": true, "pp": true, "ch": true}

// abbreviationClass returns the class of w (without its final period), or
// 0 if w is not an abbreviation.
func abbreviationClass(w string) abbrevClass {
	lw := toLowerASCII(w)
	c, ok := abbreviations[lw]
	if !ok {
		return 0
	}
	if wordLike[lw] && lw == w && strings.IndexByte(w, '.') < 0 {
		return 0 // "ill." in lower case is the word ill
	}
	return c
}

func toLowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}
