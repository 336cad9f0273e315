//! German stemming of folded words: Snowball German (rust-stemmers) and rules of its own.
//!
//! rust-stemmers implements the original Snowball German algorithm. Given the folded words of
//! [`crate::fold`] (no umlauts, `ß` already `ss`), it conflates inflections such as `Impfstoff` /
//! `Impfstoffe` / `Impfstoffen`, and, because umlauts are folded first, `Haus` / `Häuser`. It keeps
//! the feminine plural apart from the singular (`politikerinnen` → `politikerinn`, `politikerin` →
//! `politikerin`); the first rule ([`crate::snowball`]) merges them.
//!
//! Snowball also cuts some content words down to the stem of a function word: `Sicherheit`,
//! `sicher` and `sichern` to `sich`, `Jens` to `jen` (of `jene`), `Ware` to `war`, `nächste` to
//! `nach`, `Willen` to `will`. Stop words stay in the index (phrases need them), so such a word
//! would share its term with the stop word: `Sicherheit` would find every `sich` and weigh almost
//! nothing. The second rule gives such a word a term of its own: the word less as many
//! inflectional endings (at most two) as leave no function word's stem (`sicheren` →
//! `sicher`, `Sicherheiten` → `sicherheit`, `Willens` → `wille`), else the word itself.
//!
//! Snowball's last step cuts the derivational suffixes `-heit`, `-keit` and `-ung` when the
//! word is long enough, which puts a noun with a common adjective or verb of another meaning:
//! `Vergangenheit` with `vergangenen` (16,000 times in the corpus), `Wirklichkeit` with
//! `wirklich`, `Erhebung` with `erheblich`, while shorter nouns (`Impfung`, `Zeitung`) stay
//! whole. The third rule keeps every such noun whole, its plural with it (`Regierungen` →
//! `regierung`), so that the noun a reader remembers is searched for itself; and likewise an
//! adjective in `-lich`, `-isch` or `-ig`, whatever its ending (`ökonomisches` →
//! `okonomisch`, not `okonom` of `Ökonom` and `Ökonomie`; `wissenschaftlichen` →
//! `wissenschaftlich`, not `wissenschaft`; `Küchentisch` no longer loses its `isch`).
//!
//! Snowball takes `-er` for an ending (of `großer`, `schneller`, `Kinder`), so the nouns whose
//! `-er` is their own share a term with another word: `Politiker` with `Politik`, `Bürger` with
//! `Burg`, `Spieler` with `Spiel`, `Arbeiter` with `Arbeit`, `Schüler` with `Schule`, `Müller`
//! with `Müll`, `Meister` with `meisten`. The fourth rule asks the lexicon: a word in `-er`
//! whose genitive in `-ers` is a word of its own (`Politikers`, `Bürgers`) is such a noun, and
//! it and its `-ers` and `-ern` forms get the word as their term. Not when the `-ers` form is
//! commoner than the word itself (`besonders`, `anders`: another word), nor for comparatives
//! (the adjective has a superlative: `schöner`, `schönste`) or plurals in `-er` (the singular has
//! a genitive in `-es`: `Länder`, `Landes`).
//!
//! Snowball cuts `-em`, `-ern` and `-s` as endings from words whose own they are, and so gives
//! the base form of a noun or adjective another term than all its inflected forms:
//! `Problem` → `probl` but `Probleme`, `Problems` → `problem`; `System` / `Systeme`,
//! `Konzern` / `Konzerne`, `Kurs` / `Kurse`, `Krebs` / `Krebses`, `extrem` / `extreme`,
//! `modern` / `moderne`. The fifth rule gives such a word the term of its form in `-e` when
//! that form is a word of the lexicon (at least 0.5 % as common) and Snowball leaves it the
//! word itself (`probleme` → `problem`); a word in `-e` keeps Snowball's term (`Arme` is no
//! form of `Armee`), and a rare compound goes by its last part.
//!
//! Two more refinements of the `-er` rule: a word in `-ern` that takes a genitive `-s` and has
//! no verb forms in `-ert` is a word of its own, not a dative plural (`Bayern`, `Bayerns`: no
//! form of `Bayer`; `Zypern`, not `zyp`), and a weak noun in `-r` meets its forms in `-rn`,
//! whose `-n` Snowball keeps (`Herrn`, `Nachbarn`).
//!
//! Snowball knows only German endings, so the plurals that German nouns of Latin, Greek or
//! Italian origin keep from their languages stay apart from their singulars: `Viren` from
//! `Virus`, `Themen` from `Thema`, `Firmen` from `Firma`, `Risiken` from `Risiko`, `Zentren`
//! from `Zentrum`, `Museen` from `Museum`, `Praxen` from `Praxis`, `Stadien` from `Stadion`.
//! They keep their own terms (merged, a plural typed would rank its singular's articles level
//! with its own), and [`GermanStemmer::latin_number`] gives the query side the other number
//! to search as another word form. The lexicon decides: a word in `-en` whose stem with
//! `-us`, `-um`, `-a`, `-o`, `-is` (or `-on` after an `i`) is a word at least a fifth as
//! common, and which is no regular plural (`Studien` of `Studie`, `Banken` of `Bank`: the
//! regular singular is at least a twentieth as common), no verb (`kosten`: `kostet`) and no
//! inflected pronoun or adjective (`irgendwen`: `irgendwem`, `irgendwer`). A compound too rare
//! to decide goes by its last part (`Impfzentren` by `Zentren`).
//!
//! The compound splitter's word families still group by Snowball's stem
//! ([`GermanStemmer::snowball`]).

use crate::compound::{CompoundSplitter, Lexicon};
use crate::snowball::Snowball;
use crate::stopwords::{is_stop_term, is_stop_word};

/// Inflectional endings that the second rule takes off, longest first.
const ENDINGS: &[&str] = &["ern", "em", "en", "er", "es", "e", "s", "n"];

/// The fourth rule: the fewest occurrences per billion words of an `-ers` genitive...
const MIN_GENITIVE: u64 = 20;
/// ...and its least share of the `-er` word's occurrences, per mille (`Wähler`: 8.6, `Kinder`:
/// 0.3 of stray `Kinders`).
const GENITIVE_PER_MILLE: u64 = 5;
/// The fewest occurrences per billion words of the last part of a compound that decides for
/// the compound.
const MIN_DECIDING_PART: u64 = 1000;
/// A singular's `-es` genitive this common (per cent of the singular) makes an `-er` word its
/// plural (`Landes`, `Länder`).
const PLURAL_GENITIVE_PERCENT: u64 = 5;

/// Latin plurals: the endings of a singular whose plural ends in `-en` in place of them
/// (`-on` only after an `i`: `Stadion`, `Stadien`).
const LATIN_SINGULAR_ENDINGS: [&str; 6] = ["us", "um", "a", "o", "is", "on"];
/// The fewest occurrences per billion words of a plural, and of its singular, that decide by
/// themselves; a rarer plural goes by its compound's last part.
const MIN_LATIN_COUNT: u64 = 100;
/// A singular at least this common (per cent of the plural) makes an `-en` word its plural...
const LATIN_SINGULAR_PERCENT: u64 = 20;
/// ...unless another reading is at least this common (per cent of the plural): a regular
/// singular (`Studie`, `Bank`), a verb form (`kostet`).
const OTHER_READING_PERCENT: u64 = 5;

/// A German stemmer for folded words. Cheap to create and to clone.
pub struct GermanStemmer {
    snowball: Snowball,
    lexicon: &'static Lexicon,
}

impl Default for GermanStemmer {
    fn default() -> Self {
        GermanStemmer { snowball: Snowball::default(), lexicon: Lexicon::german() }
    }
}

impl Clone for GermanStemmer {
    fn clone(&self) -> Self {
        GermanStemmer::default()
    }
}

impl std::fmt::Debug for GermanStemmer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("GermanStemmer")
    }
}

impl GermanStemmer {
    /// Stems one folded word (see [`crate::fold::fold`]).
    pub fn stem(&self, folded: &str) -> String {
        if is_stop_word(folded) {
            return self.snowball(folded);
        }
        if folded.chars().all(char::is_alphabetic) {
            if let Some(derived) = derived_noun(folded).or_else(|| derived_adjective(folded)) {
                return derived.to_string();
            }
            if let Some(base) = self.weak_noun_in_rn(folded) {
                return self.stem(base);
            }
            if self.name_in_ern(folded) {
                // Its genitive's term, the word itself (`bayerns` → `bayern`).
                return folded.to_string();
            }
            if let Some(noun) = self.noun_in_er(folded) {
                return noun.to_string();
            }
            if let Some(inflected) = self.inflected_keeping_ending(folded) {
                return self.stem(&inflected);
            }
        }
        let stem = self.snowball(folded);
        if is_stop_term(&stem) {
            return own_term(folded).unwrap_or(stem);
        }
        stem
    }

    /// Snowball's stem with the `-innen` rule, before the other rules (see the module docs).
    /// The stop words' terms are made with it, and the compound splitter's word families
    /// group by it: they put derived words with their base (`Verwaltung` with `verwalten`,
    /// `Sicherheit` with `sicher`) where the index keeps them apart.
    pub fn snowball(&self, folded: &str) -> String {
        self.snowball.stem(folded)
    }

    /// A weak noun in `-r` with the `-n` of its other cases (`herrn` → `herr`, `nachbarn` →
    /// `nachbar`), which Snowball keeps: the word less its `-n` is a word of the lexicon, at
    /// least a twentieth and at most twenty times as common (not `Garn` and `gar`), of four
    /// letters or more (not `Horn` and `hor`). Words in `-ern` are the fourth rule's.
    fn weak_noun_in_rn<'w>(&self, folded: &'w str) -> Option<&'w str> {
        let base = folded
            .strip_suffix('n')
            .filter(|b| b.ends_with('r') && !b.ends_with("er") && b.chars().count() >= 4)?;
        let (n, b) = (self.lexicon.count(folded), self.lexicon.count(base));
        (b >= MIN_GENITIVE && b * 100 >= n * 5 && b <= n * 20).then_some(base)
    }

    /// Whether a word in `-ern` is a word of its own, not the dative plural of a noun in `-er`
    /// nor a verb: it takes a genitive `-s` (`Bayerns`; `Politikerns` is no word) and has no
    /// verb form in `-ert` (`wandert`). Snowball would cut its `-ern` (`bayern` → `bay`) and the
    /// fourth rule take it for the plural of `Bayer`; the genitive keeps it (`bayerns` →
    /// `bayern`), so the word gets that term.
    fn name_in_ern(&self, folded: &str) -> bool {
        let Some(base) = folded.strip_suffix('n').filter(|b| b.ends_with("er")) else {
            return false;
        };
        let genitive = format!("{folded}s");
        self.common_form(&genitive, folded)
            && self.lexicon.count(&format!("{base}t")) * 100 < self.lexicon.count(folded) * 5
            && self.snowball(&genitive) == folded
    }

    /// A noun whose `-er` is its own, in any of its forms (`politikern` → `politiker`), as the
    /// word in `-er`; `None` for other words (see the module docs). `folded` is all letters.
    fn noun_in_er<'w>(&self, folded: &'w str) -> Option<&'w str> {
        let short = folded.strip_suffix('s').or_else(|| folded.strip_suffix('n')).unwrap_or(folded);
        let word = &short[..short.strip_suffix("er")?.len() + 2];
        if word.chars().count() < 5 || is_stop_word(word) || is_stop_term(word) {
            return None;
        }
        if let Some(owns) = self.owns_its_er(word) {
            return owns.then_some(word);
        }
        // A compound too rare for its genitive to be seen (`gesundheitspolitiker`): its last
        // part decides if it is a common word (not `fender` of `medienschaf|fender`).
        let (_, last) = self.deciding_part(word)?;
        self.owns_its_er(last)?.then_some(word)
    }

    /// The inflected form (`probleme`) whose term a word takes under the fifth rule
    /// (`problem`: Snowball cuts its `-em` as an ending, but not that of `probleme`); `None`
    /// for other words. A compound too rare for the lexicon goes by its last part
    /// (`Maskenproblem` by `Problem`). `folded` is all letters.
    fn inflected_keeping_ending(&self, folded: &str) -> Option<String> {
        // Only the endings Snowball may take from a word whose own they are (so never a word in
        // `-e`, which loses it as an ending: `Arme` is no form of `Armee`).
        let em_ern = folded.ends_with("em") || folded.ends_with("ern");
        if !em_ern && !folded.ends_with('s') {
            return None;
        }
        let inflected = format!("{folded}e");
        if self.lexicon.count(&inflected) >= MIN_GENITIVE {
            return self.keeps_its_ending(folded).then_some(inflected);
        }
        // A compound too rare to decide (`Maskenproblem`): its last part decides. Not for
        // `-s`, whose many genitives (`Gesundheitsministers`) would each cost a split.
        if !em_ern {
            return None;
        }
        // (A cheap test first, as most words in `-ern` are datives: some ending of the word
        // keeps its ending.)
        let n = folded.len();
        if !(4..n.saturating_sub(2))
            .any(|k| folded.is_char_boundary(n - k) && self.keeps_its_ending(&folded[n - k..]))
        {
            return None;
        }
        let (_, last) = self.rare_compound(folded)?;
        self.keeps_its_ending(last).then_some(inflected)
    }

    /// Whether `word` keeps the ending Snowball cuts from it (the fifth rule): its form in `-e`
    /// is a word of the lexicon, at least 0.5 % as common, whose Snowball stem is `word`.
    fn keeps_its_ending(&self, word: &str) -> bool {
        let inflected = format!("{word}e");
        self.common_form(&inflected, word)
            && self.snowball(word).len() < word.len()
            && self.snowball(&inflected) == word
    }

    /// Whether the lexicon holds `form`, an inflected form of `word`, often enough to tell
    /// `word`'s nature: at least [`MIN_GENITIVE`] times per billion words and
    /// [`GENITIVE_PER_MILLE`] per mille as often as `word`.
    fn common_form(&self, form: &str, word: &str) -> bool {
        let n = self.lexicon.count(form);
        n >= MIN_GENITIVE && n * 1000 >= self.lexicon.count(word) * GENITIVE_PER_MILLE
    }

    /// Whether `word` (in `-er`) is a noun whose `-er` is its own; `None` when the lexicon
    /// does not know its genitive in `-ers`.
    fn owns_its_er(&self, word: &str) -> Option<bool> {
        let count = |w: &str| self.lexicon.count(w);
        let genitive = count(&format!("{word}s"));
        if genitive < MIN_GENITIVE {
            return None;
        }
        let own = count(word);
        if genitive * 1000 < own * GENITIVE_PER_MILLE || genitive > own {
            return Some(false);
        }
        let base = &word[..word.len() - 2];
        let superlative =
            ["ste", "sten", "este", "esten"].iter().any(|e| count(&format!("{base}{e}")) > 0);
        let singular = count(base);
        let plural =
            singular > 0 && count(&format!("{base}es")) * 100 >= singular * PLURAL_GENITIVE_PERCENT;
        Some(!superlative && !plural)
    }
}

impl GermanStemmer {
    /// The other number of a noun with a Latin plural (see the module docs): the singular of
    /// such a plural (`viren` → `virus`, `impfzentren` → `impfzentrum`), the plural of such a
    /// singular (`thema` → `themen`); `None` for other words. `folded` is a folded word.
    pub fn latin_number(&self, folded: &str) -> Option<String> {
        if !folded.chars().all(char::is_alphabetic) {
            return None;
        }
        if let Some(singular) = self.latin_plural(folded) {
            return Some(singular);
        }
        // A singular: the plural whose singular it is.
        let plural_of = |singular: &str| {
            let ending = LATIN_SINGULAR_ENDINGS.iter().find(|e| singular.ends_with(*e))?;
            let plural = format!("{}en", &singular[..singular.len() - ending.len()]);
            (self.latin_singular(&plural)? == singular).then_some(plural)
        };
        if self.lexicon.count(folded) >= MIN_LATIN_COUNT {
            return plural_of(folded);
        }
        let (head, last) = self.rare_compound(folded)?;
        Some(format!("{head}{}", plural_of(last)?))
    }

    /// The singular of a Latin plural in `-en` (see the module docs: `viren` → `virus`), a
    /// compound's too (`impfzentren` → `impfzentrum`); `None` for other words.
    fn latin_plural(&self, folded: &str) -> Option<String> {
        if !folded.ends_with("en") {
            return None;
        }
        if self.lexicon.count(folded) >= MIN_LATIN_COUNT {
            return self.latin_singular(folded);
        }
        // A compound too rare to decide (`impfzentren`): its last part decides.
        let (head, last) = self.rare_compound(folded)?;
        Some(format!("{head}{}", self.latin_singular(last)?))
    }

    /// [`GermanStemmer::deciding_part`] of a word long enough to be a compound (eight bytes or
    /// more): the Latin-plural and base-form tests split only those, being asked of many words.
    fn rare_compound<'w>(&self, folded: &'w str) -> Option<(&'w str, &'w str)> {
        (folded.len() >= 8).then(|| self.deciding_part(folded)).flatten()
    }

    /// A compound split before its last part, when that part is a common word that may decide
    /// for the compound (`impf`, `zentren`); `None` for other words.
    fn deciding_part<'w>(&self, folded: &'w str) -> Option<(&'w str, &'w str)> {
        let parts = CompoundSplitter::default().split(folded);
        let last = parts.last().filter(|p| p.start > 0 && p.end == folded.len())?;
        let part = &folded[last.clone()];
        (self.lexicon.count(part) >= MIN_DECIDING_PART).then_some((&folded[..last.start], part))
    }

    /// The singular of the Latin plural `plural`, from its own and its forms' counts.
    fn latin_singular(&self, plural: &str) -> Option<String> {
        let count = |w: &str| self.lexicon.count(w);
        let n = count(plural);
        let base = plural.strip_suffix("en")?;
        if n < MIN_LATIN_COUNT || base.chars().count() < 3 {
            return None;
        }
        let share = |w: &str, percent: u64| count(w) * 100 >= n * percent;
        // A regular plural: of a word in `-e` (`Studie`), or of the stem itself (`Bank`; not a
        // stem of three letters nor one in `-ism`, `-thm`, which are English more often than
        // not: `vir`, `mechanism`, `rhythm`).
        let e_singular = &plural[..plural.len() - 1];
        let english = base.ends_with("ism") || base.ends_with("thm");
        if share(e_singular, OTHER_READING_PERCENT)
            || (!base.ends_with('e')
                && !english
                && base.chars().count() >= 4
                && share(base, OTHER_READING_PERCENT))
        {
            return None;
        }
        // A verb (`kosten`: `kostet`), an inflected pronoun or adjective (`irgendwen`).
        let with = |ending: &str| format!("{base}{ending}");
        if ["t", "et", "te", "st"].iter().any(|e| share(&with(e), OTHER_READING_PERCENT))
            || (share(&with("em"), 1) && share(&with("er"), 1))
        {
            return None;
        }
        let (singular_count, singular) = LATIN_SINGULAR_ENDINGS
            .iter()
            .filter(|&&e| e != "on" || base.ends_with('i'))
            .map(|e| {
                let singular = with(e);
                (count(&singular), singular)
            })
            .max()?;
        (singular_count >= MIN_LATIN_COUNT && singular_count * 100 >= n * LATIN_SINGULAR_PERCENT)
            .then_some(singular)
    }
}

/// A noun made with `-heit`, `-keit` or `-ung`, singular, plural or with the linking `-s`
/// of a compound's first word (`Regierungs-Chef`), as its singular (`vergangenheiten` →
/// `vergangenheit`); `None` for other words. `folded` is all letters.
fn derived_noun(folded: &str) -> Option<&str> {
    let singular = folded.strip_suffix("en").or_else(|| folded.strip_suffix('s')).unwrap_or(folded);
    made_with(singular, &["heit", "keit", "ung"])
}

/// An adjective made with `-lich`, `-isch` or `-ig`, in any ending, comparative or
/// superlative, as its plain form (`wissenschaftlichen` → `wissenschaftlich`, `wichtigsten` →
/// `wichtig`), and so the `-igen` and `-ichen` verbs' infinitives (`bestätigen` → `bestatig`)
/// and the nouns in `-ig` with their genitive (`Venedigs` → `venedig`); `None` for other
/// words. `folded` is all letters.
fn derived_adjective(folded: &str) -> Option<&str> {
    let plain = ["em", "en", "er", "es", "e", "s"]
        .iter()
        .find_map(|e| folded.strip_suffix(e))
        .unwrap_or(folded);
    made_with(plain.strip_suffix("st").unwrap_or(plain), &["lich", "isch", "ig"])
}

/// `word` when it ends in one of `suffixes` after at least three letters (`Zeitung`, not
/// `jung`; `Venedig`, not `Tiger`).
fn made_with<'w>(word: &'w str, suffixes: &[&str]) -> Option<&'w str> {
    let base = suffixes.iter().find_map(|s| word.strip_suffix(s))?;
    (base.chars().count() >= 3).then_some(word)
}

/// The term of a content word whose Snowball stem is a function word's: the shortest of the
/// word and the word less one or two [`ENDINGS`] that is at least four letters long (`Kanne`
/// is not `kan`) and no stop word's stem; `None` when there is none (`all`, `einig`).
fn own_term(folded: &str) -> Option<String> {
    let mut candidates = vec![folded];
    for first in ENDINGS {
        let Some(once) = folded.strip_suffix(first) else { continue };
        candidates.push(once);
        candidates.extend(ENDINGS.iter().filter_map(|second| once.strip_suffix(second)));
    }
    candidates
        .into_iter()
        .filter(|s| s.chars().count() >= 4 && !is_stop_term(s) && !is_stop_word(s))
        .min_by_key(|s| s.len())
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::fold;

    fn stem(word: &str) -> String {
        GermanStemmer::default().stem(&fold(word))
    }

    #[test]
    fn inflections_meet() {
        assert_eq!(stem("Impfstoff"), stem("Impfstoffe"));
        assert_eq!(stem("Impfstoff"), stem("Impfstoffen"));
        assert_eq!(stem("verhandelt"), stem("verhandelten"));
        assert_eq!(stem("Präsidentschaftswahl"), stem("Präsidentschaftswahlen"));
        assert_eq!(stem("Haus"), stem("Häuser"));
    }

    #[test]
    fn feminine_plural_meets_singular() {
        assert_eq!(stem("Politikerinnen"), stem("Politikerin"));
        assert_eq!(stem("Ärztinnen"), stem("Ärztin"));
    }

    #[test]
    fn keyboard_spellings_meet() {
        assert_eq!(stem("Außenminister"), stem("Aussenminister"));
        assert_eq!(stem("Müller"), stem("Mueller"));
    }

    #[test]
    fn content_words_keep_apart_from_function_words() {
        // Snowball: sicherheit → sich, jens → jen, ware → war, nachsten → nach.
        for word in ["Sicherheit", "sicher", "sichern", "Jens", "Ware", "nächsten", "Willen"] {
            let term = stem(word);
            assert!(!is_stop_term(&term), "{word} → {term}");
        }
        // ...and their inflections still meet.
        assert_eq!(stem("Sicherheit"), stem("Sicherheiten"));
        assert_eq!(stem("sicher"), stem("sicheren"));
        assert_eq!(stem("sicher"), stem("sicherer"));
        assert_eq!(stem("nächste"), stem("nächsten"));
        assert_eq!(stem("Wille"), stem("Willens"));
        assert_eq!(stem("Seite"), stem("Seiten"));
        assert_ne!(stem("Seite"), stem("seit"));
        // Function words and other words are stemmed as before.
        assert_eq!(stem("sich"), "sich");
        assert_eq!(stem("jene"), stem("jenen"));
        assert_eq!(stem("Impfstoffe"), "impfstoff");
    }

    #[test]
    fn nouns_in_heit_keit_ung_keep_their_suffix() {
        // Snowball cuts them to the stem of a common adjective or verb when the word is long
        // enough (`Vergangenheit` → `vergang`, as in `vergangenen`; `Erhebung` → `erheb`, as in
        // `erheblich`), and leaves shorter ones whole (`Impfung`).
        assert_eq!(stem("Vergangenheit"), "vergangenheit");
        assert_eq!(stem("Vergangenheiten"), "vergangenheit");
        assert_eq!(stem("Erhebungen"), "erhebung");
        assert_eq!(stem("Regierungs"), "regierung");
        assert_eq!(stem("Möglichkeiten"), "moglichkeit");
        assert_ne!(stem("Vergangenheit"), stem("vergangenen"));
        assert_ne!(stem("Erhebung"), stem("erheblich"));
        // `jung` is no `-ung` noun; a token with digits is kept as it is.
        assert_eq!(stem("jungen"), stem("jung"));
        assert_eq!(stem("2gungen"), "2gungen");
    }

    #[test]
    fn adjectives_in_lich_isch_ig_keep_their_suffix() {
        assert_eq!(stem("ökonomisches"), "okonomisch");
        assert_ne!(stem("ökonomisch"), stem("Ökonomie"));
        assert_eq!(stem("wissenschaftlichen"), "wissenschaftlich");
        assert_ne!(stem("wissenschaftlich"), stem("Wissenschaft"));
        // Endings, comparatives and superlatives meet.
        assert_eq!(stem("wichtigsten"), stem("wichtig"));
        assert_eq!(stem("politischer"), stem("politisch"));
        assert_eq!(stem("deutlicher"), stem("deutlich"));
        assert_eq!(stem("Venedigs"), stem("Venedig"));
        // Short words are no such adjectives: `Tisch`, `Tiger`, `Fisch`.
        assert_eq!(stem("Küchentisch"), "kuchentisch");
        assert_eq!(derived_adjective("tiger"), None);
        assert_eq!(derived_adjective("fisch"), None);
        // Stop words keep Snowball's stem (`einige` is `einig`, the stop words' term).
        assert_eq!(stem("einigen"), GermanStemmer::default().snowball("einigen"));
    }

    #[test]
    fn base_forms_keep_the_ending_snowball_takes_for_an_inflection() {
        for (base, inflected) in [
            ("Problem", "Probleme"),
            ("Problem", "Problems"),
            ("System", "Systeme"),
            ("Konzern", "Konzerne"),
            ("Kurs", "Kurse"),
            ("Krebs", "Krebses"),
            ("extrem", "extremen"),
            ("modern", "moderne"),
            ("Gesundheitssystem", "Gesundheitssysteme"),
            // Too rare for the lexicon: the last part decides.
            ("Quarantänesystem", "Quarantänesysteme"),
            ("Maskenproblem", "Maskenprobleme"),
        ] {
            assert_eq!(stem(base), stem(inflected), "{base} / {inflected}");
        }
        // A word in `-e`, an inflection in `-em`, a genitive `-s` stay Snowball's.
        assert_ne!(stem("Arme"), stem("Armee"));
        assert_eq!(stem("kleinem"), stem("klein"));
        assert_eq!(stem("Trends"), stem("Trend"));
    }

    #[test]
    fn latin_plurals_and_their_singulars_are_each_others_number() {
        let stemmer = GermanStemmer::default();
        let other = |w: &str| stemmer.latin_number(&fold(w));
        for (singular, plural) in [
            ("Virus", "Viren"),
            ("Thema", "Themen"),
            ("Firma", "Firmen"),
            ("Risiko", "Risiken"),
            ("Zentrum", "Zentren"),
            ("Museum", "Museen"),
            ("Praxis", "Praxen"),
            ("Stadion", "Stadien"),
            ("Gymnasium", "Gymnasien"),
            ("Mechanismus", "Mechanismen"),
            ("Rhythmus", "Rhythmen"),
            ("Coronavirus", "Coronaviren"),
            // Too rare to decide: the last part does.
            ("Impfzentrum", "Impfzentren"),
        ] {
            assert_eq!(other(plural), Some(fold(singular)), "{plural}");
            assert_eq!(other(singular), Some(fold(plural)), "{singular}");
        }
        // Regular plurals, verbs, pronouns, other words in `-en` or `-um`.
        for word in
            ["Studien", "Daten", "Praktiken", "Kosten", "Posten", "irgendwen", "Balken", "Studium"]
        {
            assert_eq!(other(word), None, "{word}");
        }
        // Their terms stay apart: a plural typed is found first as typed.
        assert_ne!(stem("Viren"), stem("Virus"));
    }

    #[test]
    fn weak_nouns_in_r_meet_their_forms_in_rn() {
        assert_eq!(stem("Herrn"), stem("Herr"));
        assert_eq!(stem("Nachbarn"), stem("Nachbar"));
        assert_eq!(stem("Dienstherrn"), stem("Dienstherr"));
        assert_ne!(stem("Garn"), stem("gar"));
        assert_eq!(stem("Horn"), "horn");
    }

    #[test]
    fn a_word_in_ern_with_a_genitive_is_no_dative_plural() {
        assert_eq!(stem("Bayern"), stem("Bayerns"));
        assert_ne!(stem("Bayern"), stem("Bayer"));
        assert_eq!(stem("Politikern"), stem("Politiker"));
        // A verb keeps the fourth rule's term (`wandern`: `wandert`, `des Wanderns`).
        assert_eq!(stem("wandern"), "wander");
    }

    #[test]
    fn nouns_in_er_keep_their_er() {
        // Snowball: politiker → polit (of Politik), burger → burg, muller → mull.
        for (noun, other) in [
            ("Politiker", "Politik"),
            ("Bürger", "Burg"),
            ("Spieler", "Spiel"),
            ("Müller", "Müll"),
            ("Meister", "meisten"),
            ("Arbeiter", "Arbeit"),
        ] {
            assert_ne!(stem(noun), stem(other), "{noun} / {other}");
        }
        // The genitive and the dative plural meet the word.
        assert_eq!(stem("Politiker"), "politiker");
        assert_eq!(stem("Politikers"), "politiker");
        assert_eq!(stem("Politikern"), "politiker");
        // A compound too rare for the lexicon's genitive goes by its last part...
        assert_eq!(stem("Gesundheitspolitikern"), stem("Gesundheitspolitiker"));
        assert_ne!(stem("Gesundheitspolitiker"), stem("Gesundheitspolitik"));
        // ...when that is a common word (`medienschaf|fender` is no such split).
        assert_eq!(stem("Medienschaffender"), stem("Medienschaffende"));
        // Plurals in -er (`Landes`), comparatives (`schönste`) and words whose -s form is
        // another, commoner word (`besonders`) are stemmed as before.
        assert_eq!(stem("Länder"), stem("Land"));
        assert_eq!(stem("Kinder"), stem("Kind"));
        assert_eq!(stem("Häuser"), stem("Haus"));
        assert_eq!(stem("schöner"), stem("schön"));
        assert_eq!(stem("besonders"), stem("besondere"));
        assert_eq!(stem("Alter"), stem("alt"));
    }

    #[test]
    fn numbers_are_kept() {
        assert_eq!(stem("2020"), "2020");
        assert_eq!(stem("covid19"), "covid19");
    }
}
