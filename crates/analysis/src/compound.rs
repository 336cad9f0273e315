//! Compound splitting from a word-frequency lexicon.
//!
//! German writes compounds as one word: `Gasturbinen`, `Bundestagswahl`, `Migrantenboote`. A
//! reader who remembers `Turbinen` must still find `Gasturbinen-Aufträge`, so the analyser emits
//! a compound's parts beside the whole word, at the same position.
//!
//! The split is frequency-based (Koehn & Knight, "Empirical Methods for Compound Splitting",
//! EACL 2003): among all ways to cut the folded word into known words, joined directly or by a
//! linking element (`-s-`, `-es-`, `-n-`, `-en-`, `-er-`, `-e-`, `-ens-`), take the one with the
//! fewest parts, and among those the one whose parts have the highest geometric mean frequency,
//! and split only when that mean beats the frequency of the whole word by [`SPLIT_MARGIN`]
//! (fewest parts first keeps `Bundestagswahl` as `Bundestag` + `Wahl`, not `Bund` + `Tag` +
//! `Wahl`). A word more frequent than its parts (`Flughafen`, `Fußball`, `Zusammenhang`)
//! therefore stays whole.
//!
//! The split found must also win when words are counted by *family* (all the lexicon's words
//! with one stem, [`Lexicon::family_count`]): the parts' families against the whole word's.
//! Cutting an inflected form into the exact forms of two unrelated words often beats the
//! inflected form's own count, never its family's: `Talente` is not `tal` + `ente`,
//! `Gastronomen` not `gastro` + `nomen`, `beantragt` not `bean` + `tragt`, `Regierender` not
//! `regie` + `render`. (Families alone, without the first test, would split `Deutschland` and
//! `Mittwoch`: the family of a short stem such as `mitt` is large.)
//!
//! Frequencies cannot tell a name from a compound: a name made of common words is split like
//! one (`Steinmeier` = `stein` + `meier`, `Lauterbach` = `laut` + `bach`), so a search for
//! `Meier` finds the Steinmeier articles too.
//! Parts are at least [`MIN_PART_CHARS`] letters, never stop words, and must be reasonably common
//! themselves ([`MIN_PART_COUNT`]), which keeps rare junk entries of the lexicon out.
//!
//! The lexicon (`data/lexicon-de.tsv.gz`, from wordfreq, CC-BY-SA 4.0) is folded and compiled
//! into an FST by the build script and embedded in the binary, so indexing and querying always
//! use the same one. [`LEXICON_VERSION`] names it and is part of the analyser version.

use std::ops::Range;
use std::sync::OnceLock;

use fst::raw::Fst;

use crate::stem::GermanStemmer;
use crate::stopwords::is_stop_word;

/// The version of the embedded lexicon; changes whenever the lexicon or the split rules change.
pub const LEXICON_VERSION: &str = lexicon_version!();

/// Words shorter than this (in chars) are never split.
pub const MIN_WORD_CHARS: usize = 7;
/// A part has at least this many chars.
pub const MIN_PART_CHARS: usize = 3;
/// A part must occur at least this often per billion words; shorter parts must be more common
/// ([`min_part_count`]), which keeps junk entries of the lexicon (`tsh`, `lis`) out.
pub const MIN_PART_COUNT: u64 = 200;

/// The least count (per billion words) of a part of `chars` letters: 3-letter parts must be
/// common words (`Tag`, `Rat`, `Amt`, `See`; the lexicon's rarer 3-letter entries are mostly
/// abbreviations and fragments).
pub fn min_part_count(chars: usize) -> u64 {
    if chars <= 3 {
        10_000
    } else {
        MIN_PART_COUNT
    }
}

/// Prefixes and suffixes that the lexicon lists as words (abbreviations, fragments) but that
/// are never a part of a compound on their own.
const BOUND_MORPHEMES: &[&str] = &[
    "ver", "zer", "ent", "emp", "miss", "aufge", "ausge", "ange", "einge", "chen", "lein", "heit",
    "keit", "isch", "lich", "ung", "ungen", "ter", "ste", "nde", "ende", "ten", "tet", "rer",
    "sch",
    // Endings of adjectives, participles and agent nouns that the lexicon lists as fragments
    // (`komm` + `enden`, `stark` + `sten`, `gier` + `igen`, `politik` + `erin`).
    "enden", "ender", "endes", "endem", "nden", "sten", "igen", "iger", "iges", "igem", "eren",
    "erer", "eres", "erem", "erin", "ische", "ischen", "ischer", "isches", "ischem", "liche",
    "lichen", "licher", "liches", "lichem", "cher", "ner", "nen", "end", "esten", "enen", "ener",
    "schen", "inger", "este", "sche", "ling", "gen", "schaft",
    // Verb particles and the beginnings of participles and of foreign words, which the
    // lexicon lists as words of their own: `her` + `stellung`, `dar` + `stellen`, `geh` +
    // `alten`, `geb` + `lieben`, `gest` + `ort`, `dan` + `eben`, `hol` + `land`, `kam` +
    // `aden`, `red` + `aktion`, `pro` + `test`, `eng` + `land`, `seh` + `sucht`, `verh` +
    // `alt`, `all` + `gemeines`, `old` + `burg`, `son` + `ntags`, `get` + `raumt`, `str` +
    // `eben`, `port` + `rat`, `what` + `sapp`, `mal` + `lorca`, and the suffix `mal` (`zwei` +
    // `mal`) (the most frequent of the lexicon's words split with a three-letter part, checked
    // by hand); and the abbreviations and word beginnings most often taken as a first part of
    // four letters or fewer in the corpus (`ausg` + `egeben`, `eing` + `estehen`, `unge` +
    // `wohnt`, `las` + `chet`, `hot` + `elier`, `mai` + `land`, `new` + `sletter`). (`wied`
    // and `gege` stay: a stop word is no part, and they carry the right last part, `wahl` of
    // `Wiederwahl`, `maßnahmen` of `Gegenmaßnahmen`.)
    "her", "dar", "geh", "geb", "gest", "dan", "hol", "kam", "red", "pro", "eng", "seh", "verh",
    "all", "old", "son", "get", "str", "port", "what", "mal", "ausg", "eing", "unge", "las", "hot",
    "mai", "new",
    // The beginnings of `be-`, `er-`, `ver-`, `ent-`, `ge-` words in `sch` that the lexicon
    // lists as fragments (`besch` + `wert` of `beschwert`, `ersch` + `wert`, `gesch` + `oben`
    // of `geschoben`, `versch` + `lagen`), and the fragments such words then fall into
    // (`vers` + `chli` + `essen`, `ents` + `chli` + `essen`, `beschl` + `eichen`).
    "besch", "ersch", "versch", "entsch", "gesch", "chli", "ents", "beschl", "tsch",
];
/// Words that are no last part: `innen` begins `Innenminister` but ends `Schülerinnen` as the
/// feminine plural, which also makes the rare `Rinnen` (gutters) a false part
/// (`Fahrerinnen` is not `fahre` + `rinnen`).
/// Likewise the suffix `bar` (`wunder` + `bar`: a search for `Bars` is not one for
/// `wunderbar`), verb endings (`wollt` + `est`) and fragments of other words and names
/// (`best` + `and`, `star` + `ben`, `schrei` + `ber`, `muse` + `ums`, `vier` + `tel`, `john` +
/// `son`, `her` + `bert`, `gar` + `icht`, `kam` + `aden`, `micro` + `oft`, `stand` + `ard`,
/// `wer` + `tung`, `irgend` + `wer`), and the last parts most often wrong in the corpus: `las` +
/// `chet` (Laschet), `ton` + `nies` (Tönnies), `bill` + `ionen`, `kunst` + `lern` (Künstlern),
/// `vita` + `min`, `hand` + `lungen` (a search for `Lungen` is not one for `Handlungen`);
/// and `rung`, `rungen`, the rare `Runge` (a stake) that the suffix `-erung` of nouns from
/// `-ern` verbs leaves when an `-e` word stands before it: `Lockerungen` is no `locke` +
/// `rungen`, `Lagerung` no `lage` + `rung`, `Linderung` no `linde` + `rung`; and the inflected
/// suffix `-bar` (`sicht` + `baren`, whose stem is that of `Bar`; `Eisbären` goes with it).
const NEVER_LAST: &[&str] = &[
    "innen", "rinnen", "bar", "est", "and", "ben", "ber", "ums", "tel", "son", "bert", "icht",
    "aden", "oft", "ard", "tung", "wer", "chet", "nies", "ionen", "lern", "min", "lung", "lungen",
    "rung", "rungen", "bare", "baren", "bares",
];
/// The geometric mean of the parts' counts must exceed the whole word's count by this factor.
pub const SPLIT_MARGIN: f64 = 1.0;
/// At most this many parts.
pub const MAX_PARTS: usize = 4;
/// Words longer than this (in bytes) are not split (they are not words).
const MAX_WORD_BYTES: usize = 64;

/// Linking elements that may stand between two parts, longest first.
const LINKS: &[&str] = &["ens", "es", "en", "er", "s", "n", "e", ""];

static LEXICON_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.fst"));
static STEMS_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon-stems.fst"));

/// The German word-frequency lexicon: folded word → occurrences per billion words, and stem →
/// occurrences of all its words.
pub struct Lexicon {
    fst: Fst<&'static [u8]>,
    /// Stem → family count.
    stems: Fst<&'static [u8]>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Lexicon({} words)", self.fst.len())
    }
}

impl Lexicon {
    /// The embedded German lexicon (loaded once; the FST is used in place, nothing is parsed).
    pub fn german() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| Lexicon {
            fst: Fst::new(LEXICON_BYTES).expect("the embedded lexicon FST is valid"),
            stems: Fst::new(STEMS_BYTES).expect("the embedded stem FST is valid"),
        })
    }

    /// Number of words in the lexicon.
    pub fn len(&self) -> usize {
        self.fst.len()
    }

    /// Whether the lexicon is empty (it never is).
    pub fn is_empty(&self) -> bool {
        self.fst.len() == 0
    }

    /// The lexicon as an FST (folded word → count), e.g. to search it with an automaton.
    pub fn fst(&self) -> &Fst<&'static [u8]> {
        &self.fst
    }

    /// Occurrences per billion words of a folded word, 0 when unknown.
    pub fn count(&self, folded: &str) -> u64 {
        self.fst.get(folded).map(|o| o.value()).unwrap_or(0)
    }

    /// Occurrences per billion words of all the lexicon's words with this Snowball stem
    /// ([`GermanStemmer::snowball`]): its *family*. 0 when none.
    pub fn family_count(&self, stem: &str) -> u64 {
        self.stems.get(stem).map(|o| o.value()).unwrap_or(0)
    }

    /// Every prefix of `s` (ending on a char boundary) that is a lexicon word, as (end, count).
    fn prefixes(&self, s: &str, out: &mut Vec<(usize, u64)>) {
        out.clear();
        let bytes = s.as_bytes();
        let mut node = self.fst.root();
        let mut output = fst::raw::Output::zero();
        for (i, &b) in bytes.iter().enumerate() {
            let Some(t) = node.find_input(b) else { return };
            let tr = node.transition(t);
            output = output.cat(tr.out);
            node = self.fst.node(tr.addr);
            let end = i + 1;
            if node.is_final() && s.is_char_boundary(end) {
                out.push((end, output.cat(node.final_output()).value()));
            }
        }
    }
}

/// Splits folded words into their parts with a [`Lexicon`].
#[derive(Debug, Clone, Copy)]
pub struct CompoundSplitter {
    lexicon: &'static Lexicon,
}

impl Default for CompoundSplitter {
    fn default() -> Self {
        CompoundSplitter { lexicon: Lexicon::german() }
    }
}

/// One way of cutting a word, while it is searched for.
struct Candidate {
    parts: Vec<Range<usize>>,
    log_sum: f64,
}

impl CompoundSplitter {
    /// The lexicon this splitter uses.
    pub fn lexicon(&self) -> &'static Lexicon {
        self.lexicon
    }

    /// The parts of a folded word, as byte ranges of `folded` (linking elements left out), or
    /// an empty vector when the word is better left whole.
    pub fn split(&self, folded: &str) -> Vec<Range<usize>> {
        if folded.len() > MAX_WORD_BYTES
            || folded.chars().count() < MIN_WORD_CHARS
            || !folded.chars().all(char::is_alphabetic)
        {
            return Vec::new();
        }
        let whole = self.lexicon.count(folded);
        let threshold = if whole > 0 { (whole as f64 * SPLIT_MARGIN).ln() } else { f64::MIN };
        for max_parts in 2..=MAX_PARTS {
            let mut best: Option<Candidate> = None;
            let mut path = Vec::new();
            self.search(folded, 0, &mut path, 0.0, max_parts, &mut best);
            if let Some(best) = best {
                if best.log_sum / best.parts.len() as f64 > threshold {
                    // A split the families reject is no reason to try more parts
                    // (`fundamentales` is not `fund` + `amen` + `tales` either).
                    if !self.families_agree(folded, &best.parts) {
                        break;
                    }
                    return best.parts;
                }
            }
        }
        Vec::new()
    }

    /// Whether the geometric mean of the parts' family counts beats the whole word's family
    /// count too (see the module docs).
    fn families_agree(&self, folded: &str, parts: &[Range<usize>]) -> bool {
        let stemmer = GermanStemmer::default();
        let whole = self.lexicon.family_count(&stemmer.snowball(folded));
        if whole == 0 {
            return true;
        }
        let log_sum: f64 = parts
            .iter()
            .map(|r| {
                (self.lexicon.family_count(&stemmer.snowball(&folded[r.clone()])).max(1) as f64)
                    .ln()
            })
            .sum();
        log_sum / parts.len() as f64 > (whole as f64 * SPLIT_MARGIN).ln()
    }

    /// Depth-first search over the cuts of `word[start..]`, keeping the best complete one.
    fn search(
        &self,
        word: &str,
        start: usize,
        path: &mut Vec<Range<usize>>,
        log_sum: f64,
        max_parts: usize,
        best: &mut Option<Candidate>,
    ) {
        let rest = &word[start..];
        // The rest as the last part.
        if !path.is_empty() && !NEVER_LAST.contains(&rest) && !adjective_suffix(word, path, start) {
            let count = if noun_ende(word, path, start) {
                Some(self.lexicon.count(rest))
            } else {
                self.part_count(rest, max_parts)
            };
            if let Some(c) = count {
                let sum = log_sum + (c as f64).ln();
                let n = path.len() + 1;
                let better = match best {
                    None => true,
                    Some(b) => sum / n as f64 > b.log_sum / b.parts.len() as f64,
                };
                if better {
                    let mut parts = path.clone();
                    parts.push(start..word.len());
                    *best = Some(Candidate { parts, log_sum: sum });
                }
            }
        }
        if path.len() + 1 >= max_parts {
            return;
        }
        let mut prefixes = Vec::new();
        self.lexicon.prefixes(rest, &mut prefixes);
        for (end, count) in prefixes {
            let part = &rest[..end];
            if end == rest.len() || !self.acceptable(part, count, max_parts) {
                continue;
            }
            let after = &rest[end..];
            if rest.starts_with("zuge") && (part == "zug" || part == "zuge") {
                // `zu` + `ge`: a participle or infinitive of a `zu-` verb (`zugelassen`,
                // `zugeben`), not the noun `Zug` (`im Zuge`).
                continue;
            }
            for link in LINKS {
                if let Some(tail) = after.strip_prefix(link) {
                    if tail.chars().count() < MIN_PART_CHARS {
                        continue;
                    }
                    if link.starts_with('s') && part.ends_with('s') {
                        // No linking `-s-` after an `s`: German has none there, and it is how a
                        // folded `ß` came apart (`Bußgeld`, folded `bussgeld`, was `bus` + `s`
                        // + `geld`, so `Bus` found it).
                        continue;
                    }
                    let next = start + end + link.len();
                    path.push(start..start + end);
                    self.search(word, next, path, log_sum + (count as f64).ln(), max_parts, best);
                    path.pop();
                }
            }
        }
    }

    /// The count of `part` when it may be a part.
    fn part_count(&self, part: &str, max_parts: usize) -> Option<u64> {
        let count = self.lexicon.count(part);
        self.acceptable(part, count, max_parts).then_some(count)
    }

    /// Whether `part` may be a part of a split into at most `max_parts` parts (splits into three
    /// or more take no 3-letter parts: `Abschrecken` is not `abs` + `chr` + `ecken`).
    fn acceptable(&self, part: &str, count: u64, max_parts: usize) -> bool {
        let chars = part.chars().count();
        let min_chars = if max_parts > 2 { MIN_PART_CHARS + 1 } else { MIN_PART_CHARS };
        chars >= min_chars
            && count >= min_part_count(chars)
            && !is_stop_word(part)
            && !BOUND_MORPHEMES.contains(&part)
    }
}

/// Whether the rest of `word` from `start` is the noun `Ende` after the linking `-s-` or
/// `-es-` (`Jahr-es-ende`, `Krieg-s-ende`, `Monat-s-ende`). `ende` is otherwise no part, being
/// the ending of present participles (`kommende` is not `komm` + `ende`), and without this
/// `Jahresende` was `jahr` + `sende`. Not after `-n-`, which is a verb's own `n` as often as a
/// link (`beginn-ende`, `trenn-ende`, `schon-ende`; `Woche-n-ende` stays whole), nor after a
/// part ending in `s` (`fließ-ende`, folded `fliess` + `ende`).
fn noun_ende(word: &str, path: &[Range<usize>], start: usize) -> bool {
    let Some(previous) = path.last() else { return false };
    matches!(&word[start..], "ende" | "endes")
        && matches!(&word[previous.end..start], "s" | "es")
        && !word[..previous.end].ends_with('s')
}

/// Whether the rest of `word` from `start`, after the parts in `path`, is the adjective suffix
/// `-isch` rather than the noun `Tisch`: `tisch…` right after a part ending in a vowel or `s`,
/// with no linking element between (`drama` + `tisch`, `logis` + `tisch` are `dramatisch`,
/// `logistisch`; not after `n`, which `Gartentisch` and `romantisch` share; `Schreibtisch`, `Stammtisch`,
/// `Küchentisch`, `Verhandlungstisch` stay compounds); likewise after the link `-s-` following
/// a vowel (`juri` + `s` + `tisch`). After the link `-n-` the shapes are alike (`roma` + `n` +
/// `tische`, `kuche` + `n` + `tisch`): those stay as they are.
fn adjective_suffix(word: &str, path: &[Range<usize>], start: usize) -> bool {
    let Some(previous) = path.last() else { return false };
    if !word[start..].starts_with("tisch") {
        return false;
    }
    const VOWELS: [char; 6] = ['a', 'e', 'i', 'o', 'u', 'y'];
    let before = &word[..previous.end];
    match &word[previous.end..start] {
        "" => before.ends_with(VOWELS) || before.ends_with('s'),
        // `juri` + `s` + `tisch`, `fanta` + `s` + `tisch`; `Verhandlungs-tisch` links after a
        // consonant.
        "s" => before.ends_with(VOWELS),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::fold;

    fn parts(word: &str) -> Vec<String> {
        let folded = fold(word);
        CompoundSplitter::default()
            .split(&folded)
            .into_iter()
            .map(|r| folded[r].to_string())
            .collect()
    }

    /// Asserts that each word stays whole.
    fn stay_whole(words: &[&str]) {
        for word in words {
            assert!(parts(word).is_empty(), "{word}: {:?}", parts(word));
        }
    }

    #[test]
    fn lexicon_is_embedded_and_folded() {
        let lex = Lexicon::german();
        assert!(lex.len() > 100_000);
        assert!(lex.count("regierung") > 0);
        assert!(lex.count("aussenminister") > 0, "ß is folded in the lexicon too");
        assert_eq!(lex.count("xqzvbrmpf"), 0);
    }

    #[test]
    fn splits_compounds_with_and_without_links() {
        assert_eq!(parts("Gasturbinen"), ["gas", "turbinen"]);
        assert_eq!(parts("Bundestagswahl"), ["bundestag", "wahl"]);
        assert_eq!(parts("Testpflicht"), ["test", "pflicht"]);
        let boote = parts("Migrantenboote");
        assert_eq!(boote.last().map(String::as_str), Some("boote"));
        assert!(boote[0].starts_with("migrant"));
    }

    #[test]
    fn families_count_every_form_of_a_stem() {
        let lex = Lexicon::german();
        let stem = GermanStemmer::default();
        let hafen = lex.family_count(&stem.snowball("hafen"));
        assert!(hafen > lex.count("hafen") && hafen >= lex.count("hafen") + lex.count("hafens"));
        assert_eq!(lex.family_count("xqzvbrmpf"), 0);
    }

    #[test]
    fn inflected_forms_are_not_cut_into_unrelated_words() {
        // Each split beats the form's own count, none its family's.
        stay_whole(&[
            "Talente",
            "Gastronomen",
            "beantragt",
            "verbrauchen",
            "Verbrauchern",
            "verwalten",
            "sagtest",
            "Regierender",
            "dringender",
            "Prominente",
            "Senatoren",
            "Umsätze",
        ]);
        // A rejected split is no reason to look for more parts.
        assert!(parts("fundamentales").is_empty() && parts("verbliebenes").is_empty());
        // `Ende` after a linking `-s-`, not `sende`; participles stay whole.
        assert_eq!(parts("Jahresende"), ["jahr", "ende"]);
        assert_eq!(parts("Kriegsende"), ["krieg", "ende"]);
        stay_whole(&["kommende", "beginnende", "fließende", "Wochenende"]);
        // No linking `-s-` after an `s` (a folded `ß` does not come apart).
        assert_eq!(parts("Bußgeld"), ["buss", "geld"]);
        assert_eq!(parts("Bussgeld"), ["buss", "geld"]);
        assert_eq!(parts("Antragssteller"), ["antrag", "steller"]);
        assert_eq!(parts("Gasspeicher"), ["gas", "speicher"]);
        // The suffix `-erung` leaves no part `rung`, the suffix `-bar` no `Bar`, and `be-` and
        // `er-` words in `sch` no fragment.
        stay_whole(&[
            "Lockerungen",
            "Lagerung",
            "Linderung",
            "Schilderungen",
            "sichtbaren",
            "vereinbaren",
            "vergleichbares",
            "beschwert",
            "erschwert",
            "geschoben",
        ]);
        // Every form splits alike: `Flughafens` like `Flughafen`.
        assert!(parts("Flughafen").is_empty() && parts("Flughafens").is_empty());
        // Compounds still split.
        assert_eq!(parts("Gesundheitsminister"), ["gesundheit", "minister"]);
        assert_eq!(parts("Impfstoffe"), ["impf", "stoffe"]);
        assert_eq!(parts("Maskenpflicht"), ["maske", "pflicht"]);
    }

    #[test]
    fn keeps_short_and_plain_words_whole() {
        assert!(parts("Haus").is_empty());
        assert!(parts("Regierung").is_empty());
        assert!(parts("Verhandlungen").is_empty());
        assert!(parts("Lawrow").is_empty());
    }

    #[test]
    fn junk_entries_of_the_lexicon_make_no_parts() {
        // Names, typos and inflected words used to come apart into abbreviations and
        // fragments the lexicon lists (`got` + `tsh` + `alk`, `see` + `lis` + `chen`).
        stay_whole(&["Gottshalk", "seelischen", "Abschrecken", "Knatterer", "erforderliches"]);
        assert!(!parts("verbluten").contains(&"ver".to_string()), "a prefix is no part");
        // Common three-letter words still are parts.
        assert_eq!(parts("Stadtrat"), ["stadt", "rat"]);
        assert_eq!(parts("Staatsamt"), ["staat", "amt"]);
        assert_eq!(parts("Seeufer"), ["see", "ufer"]);
        assert_eq!(parts("Impfzentrum"), ["impf", "zentrum"]);
    }

    #[test]
    fn endings_of_adjectives_participles_and_feminines_are_no_parts() {
        stay_whole(&[
            "kommenden",
            "stärksten",
            "gierigen",
            "Politikerin",
            "intensiveren",
            "täglichen",
        ]);
        let p = parts("Schülerinnen");
        assert!(!p.contains(&"innen".to_string()), "{p:?}");
        // `innen` is still a part at the front.
        assert_eq!(parts("Innenministerium").first().map(String::as_str), Some("innen"));
    }

    #[test]
    fn particles_participles_suffixes_and_fragments_make_no_parts() {
        // The most frequent words the lexicon used to split with a three-letter part, wrongly:
        // `Alten` found `gehalten`, `Test` found `Protest`, `Bars` found `wunderbar`.
        stay_whole(&[
            "gehalten",
            "geblieben",
            "Hersteller",
            "darstellen",
            "Protest",
            "England",
            "Redaktion",
            "wunderbar",
            "zweimal",
            "Mallorca",
            "Bestand",
            "Verband",
            "Standard",
            "zugelassen",
            "zugeben",
            "sonntags",
            "Johnson",
            "Laschet",
            "Tönnies",
            "Vitamin",
            "Handlungen",
            "Künstlern",
            "ausgegeben",
            "Mailand",
            "dramatisch",
            "kommunistischen",
            "genetischen",
            "juristisch",
            "fantastische",
        ]);
        // The noun `Zug` and real compounds around these parts still split.
        assert_eq!(parts("Zugverkehr"), ["zug", "verkehr"]);
        assert_eq!(parts("Bargeld"), ["bar", "geld"]);
        assert_eq!(parts("Radfahrer"), ["rad", "fahrer"]);
        assert_eq!(parts("Schreibtisch"), ["schreib", "tisch"]);
        assert_eq!(parts("Verhandlungstisch"), ["verhandlung", "tisch"]);
    }

    #[test]
    fn short_parts_need_common_words() {
        assert_eq!(min_part_count(3), 10_000);
        assert_eq!(min_part_count(5), MIN_PART_COUNT);
        let lex = Lexicon::german();
        assert!(lex.count("tsh") > 0 && lex.count("tsh") < min_part_count(3));
        assert!(lex.count("rat") >= min_part_count(3));
    }
}
