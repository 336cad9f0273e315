//! Spelling folding: the first step of the German analysis of one word.
//!
//! A German reader types the same word in several ways: `Außenminister`, `Aussenminister`,
//! `AUSSENMINISTER`; `Müller`, `Mueller`; `Café`, `Cafe`. [`fold_word`] maps all of them to one
//! key: lower case, `ß` → `ss`, `ä ö ü` → `a o u`, the keyboard digraphs `ae oe ue` → `a o u`, and
//! any other diacritic removed (`é` → `e`, `ł` stays `ł`, it has no decomposition). Apostrophes
//! inside a word are dropped, typewriter or typographic: `Ku'damm` and `Ku’damm` are `kudamm`,
//! `McDonald’s` is `mcdonalds` like `McDonalds`, `gibt’s` is `gibts`. A number written with
//! thousands separators loses them: `100.000` and `100 000` (one word, see
//! [`crate::analyzer::number_groups`]) are `100000`, as a reader may type it.
//!
//! The digraph rule keeps the diphthongs that merely contain `ue`: `qu` + `e` (`Quelle`), `au` + `e`
//! (`Bauer`, `Frauen`) and `eu` + `e` (`Feuer`, `teuer`) stay as they are. Every other `ae oe ue`
//! is read as an umlaut; words such as `aktuell` or `Israel` then fold to `aktull`, `isral`, which
//! is harmless because the index and the query fold alike; the few words it merges with another
//! word are mostly rare names (`Joe`/`Jo`, `Michael`/`Michal`), measured on the corpus
//! vocabulary with `scripts/check-digraphs.py` (see the crate README).
//!
//! The folded word comes with an offset map, so that a part found in the folded text (a compound
//! part, say) can be mapped back to the bytes of the original text for highlighting.
//!
//! This file is also compiled into the crate's build script, which folds the lexicon with it: the
//! lexicon and the analyser can never disagree on a key. Keep it free of crate-internal imports.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Folds `word` into `out` (cleared first), recording in `offsets` the byte offset in `word` that
/// each byte of `out` came from. `offsets` has `out.len() + 1` entries; the last is `word.len()`.
pub fn fold_word(word: &str, out: &mut String, offsets: &mut Vec<usize>) {
    out.clear();
    offsets.clear();
    if is_grouped_number(word) {
        for (i, b) in word.bytes().enumerate().filter(|(_, b)| b.is_ascii_digit()) {
            out.push(b as char);
            offsets.push(i);
        }
        offsets.push(word.len());
    } else if word.is_ascii() && !word.contains('\'') {
        fold_ascii(word.as_bytes(), out, offsets);
    } else {
        fold_chars(word, out, offsets);
    }
}

/// [`fold_word`] of any word, char by char.
fn fold_chars(word: &str, out: &mut String, offsets: &mut Vec<usize>) {
    // First pass: lower case, ß, umlauts and other diacritics, char by char.
    let mut chars: Vec<(char, usize)> = Vec::with_capacity(word.len());
    for (off, c) in word.char_indices() {
        if is_apostrophe(c) {
            continue;
        }
        if c.is_ascii() {
            chars.push((c.to_ascii_lowercase(), off));
            continue;
        }
        if is_invisible(c) {
            continue;
        }
        for lc in c.to_lowercase() {
            match lc {
                'ä' => chars.push(('a', off)),
                'ö' => chars.push(('o', off)),
                'ü' => chars.push(('u', off)),
                'ß' => {
                    chars.push(('s', off));
                    chars.push(('s', off));
                }
                _ if lc.is_ascii() => chars.push((lc, off)),
                _ => {
                    let mut kept = false;
                    decompose_canonical(lc, |d| {
                        if !is_combining_mark(d) {
                            chars.push((d, off));
                            kept = true;
                        }
                    });
                    if !kept {
                        // A lone combining mark: drop it, like the marks of composed letters.
                    }
                }
            }
        }
    }
    // Second pass: the digraphs ae, oe, ue that stand for ä, ö, ü.
    let mut i = 0;
    while i < chars.len() {
        let (c, off) = chars[i];
        let mut buf = [0u8; 4];
        let s = c.encode_utf8(&mut buf);
        out.push_str(s);
        offsets.extend(std::iter::repeat_n(off, s.len()));
        if is_umlaut_digraph(&chars, i) {
            i += 2;
        } else {
            i += 1;
        }
    }
    offsets.push(word.len());
}

/// [`fold_word`] of an ASCII word without apostrophes, without the char buffer: lower case and
/// the digraphs.
fn fold_ascii(word: &[u8], out: &mut String, offsets: &mut Vec<usize>) {
    let lower = |i: usize| word[i].to_ascii_lowercase();
    let mut i = 0;
    while i < word.len() {
        let c = lower(i);
        out.push(c as char);
        offsets.push(i);
        let digraph = i + 1 < word.len()
            && lower(i + 1) == b'e'
            && match c {
                b'a' | b'o' => true,
                b'u' => !(i > 0 && matches!(lower(i - 1), b'q' | b'a' | b'e')),
                _ => false,
            };
        i += if digraph { 2 } else { 1 };
    }
    offsets.push(word.len());
}

/// Invisible format characters that sit inside words in real text (soft hyphen, zero-width
/// space and joiners, word joiner, byte order mark): they are dropped.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}')
}

/// A number with thousands separators: one to three digits, then groups of a separator
/// ([`is_group_separator`]) and three digits (`1.000`, `100.000`, `2.500.000`, `10 000`; not the
/// date `12.03.2020`).
fn is_grouped_number(word: &str) -> bool {
    if !word.as_bytes().first().is_some_and(u8::is_ascii_digit)
        || !word.bytes().any(|b| b == b'.' || b == b' ' || b >= 0x80)
    {
        return false;
    }
    let mut groups = word.split(is_group_separator);
    let first = groups.next().unwrap_or("");
    let digits = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
    let mut rest = groups.peekable();
    (1..=3).contains(&first.len())
        && digits(first)
        && rest.peek().is_some()
        && rest.all(|g| g.len() == 3 && digits(g))
}

/// Whether `c` separates the thousands of a number: a dot, a space, a no-break space, a thin
/// space or a narrow no-break space.
pub fn is_group_separator(c: char) -> bool {
    matches!(c, '.' | ' ' | '\u{a0}' | '\u{2009}' | '\u{202f}')
}

/// Apostrophes that UAX #29 keeps inside a word (`gibt's`, `Ku’damm`, `O'Brien`; also
/// U+02BC, the modifier letter apostrophe): dropped.
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2bc}')
}

/// Whether `chars[i]`, `chars[i + 1]` is `ae`, `oe` or `ue` standing for an umlaut.
fn is_umlaut_digraph(chars: &[(char, usize)], i: usize) -> bool {
    let Some(&(next, _)) = chars.get(i + 1) else { return false };
    if next != 'e' {
        return false;
    }
    let prev = if i > 0 { Some(chars[i - 1].0) } else { None };
    match chars[i].0 {
        'a' | 'o' => true,
        // qu-e, au-e, eu-e: the u belongs to a diphthong or to qu.
        'u' => !matches!(prev, Some('q' | 'a' | 'e')),
        _ => false,
    }
}

/// Whether [`spellings`] accounts for how the char `c`, followed by the byte `next`, folds:
/// ASCII but the apostrophe and a thousands separator before a digit, `ä ö ü` (not followed by `e`, which
/// folds with them) and `ß`, and any char that is no letter, digit, combining mark,
/// apostrophe or invisible character (punctuation such as `„ “ –`, which folding keeps as it
/// is). A text whose chars are all spelt plainly holds a folded string
/// exactly where it holds one of the string's spellings.
pub fn spelt_plainly(c: char, next: Option<u8>) -> bool {
    match c {
        _ if is_apostrophe(c) => false,
        // A thousands separator (`100.000`, `100 000`), which folding drops.
        _ if is_group_separator(c) => !next.is_some_and(|b| b.is_ascii_digit()),
        _ if c.is_ascii() => true,
        'ä' | 'ö' | 'ü' => !matches!(next, Some(b'e' | b'E')),
        'ß' => true,
        _ => !(c.is_alphanumeric() || is_combining_mark(c) || is_invisible(c)),
    }
}

/// The spellings that fold to `folded` (or to a piece of a folded word), for finding it in
/// unfolded text: each `a o u` also as `ä ö ü` and, but for the last char, as `ae oe ue`; `ss`
/// also as `ß`, and an `s` at either end also as `ß` (a piece may begin or end inside a folded
/// `ß`). ASCII letters stand for both cases: match the spellings ASCII-case-insensitively. In
/// text whose chars are all [`spelt_plainly`], a word whose fold contains `folded` contains one
/// of these spellings.
///
/// `None` when `folded` is not ASCII (it has letters without a spelling rule) or has more than
/// `max` spellings.
pub fn spellings(folded: &str, max: usize) -> Option<Vec<String>> {
    if !folded.is_ascii() {
        return None;
    }
    let n = folded.len();
    // Count first (cheap), build only when few enough.
    let mut counts = vec![0u64; n + 1];
    counts[0] = 1;
    for i in 0..n {
        for (_, len) in spelling_options(folded, i) {
            counts[i + len] = counts[i + len].saturating_add(counts[i]);
        }
    }
    if counts[n] > max as u64 {
        return None;
    }
    // Spellings of folded[..i], for each i.
    let mut at: Vec<Vec<String>> = vec![Vec::new(); n + 1];
    at[0].push(String::new());
    for i in 0..n {
        let prefixes = std::mem::take(&mut at[i]);
        for (piece, len) in spelling_options(folded, i) {
            for p in &prefixes {
                at[i + len].push(format!("{p}{piece}"));
            }
        }
    }
    let mut out = std::mem::take(&mut at[n]);
    out.sort();
    out.dedup();
    Some(out)
}

/// The spellings of the folded (ASCII) char at byte `i` of `folded`, with how many folded bytes
/// each stands for.
fn spelling_options(folded: &str, i: usize) -> impl Iterator<Item = (&str, usize)> {
    let bytes = folded.as_bytes();
    let last = i + 1 == bytes.len();
    let extra: &[(&str, usize)] = match bytes[i] {
        // At the end, `ae` adds nothing: a text that holds `ae` holds `a`.
        b'a' if last => &[("ä", 1)],
        b'a' => &[("ä", 1), ("ae", 1)],
        b'o' if last => &[("ö", 1)],
        b'o' => &[("ö", 1), ("oe", 1)],
        b'u' if last => &[("ü", 1)],
        b'u' => &[("ü", 1), ("ue", 1)],
        // A piece may begin or end inside a folded `ß`.
        b's' if bytes.get(i + 1) == Some(&b's') && i == 0 => &[("ß", 1), ("ß", 2)],
        b's' if bytes.get(i + 1) == Some(&b's') => &[("ß", 2)],
        b's' if i == 0 || last => &[("ß", 1)],
        _ => &[],
    };
    std::iter::once((&folded[i..i + 1], 1)).chain(extra.iter().copied())
}

/// Folds `word` and returns the folded form alone; see [`fold_word`].
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut offsets = Vec::new();
    fold_word(word, &mut out, &mut offsets);
    out
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        #[test]
        fn the_ascii_path_folds_as_the_general_one(word in "[aeouqAEOUQbx0.'-]{0,12}") {
            let (mut a, mut b) = (String::new(), String::new());
            let (mut oa, mut ob) = (Vec::new(), Vec::new());
            // (`fold_word` takes the ASCII path for ASCII words without apostrophes.)
            super::fold_word(&word, &mut a, &mut oa);
            super::fold_chars(&word, &mut b, &mut ob);
            proptest::prop_assert_eq!((a, oa), (b, ob));
        }
    }

    use super::*;

    #[test]
    fn umlauts_sharp_s_and_digraphs_meet() {
        for (a, b) in [
            ("Außenminister", "Aussenminister"),
            ("Müller", "Mueller"),
            ("Öffnung", "Oeffnung"),
            ("Ärzte", "Aerzte"),
            ("MÜNCHEN", "muenchen"),
        ] {
            assert_eq!(fold(a), fold(b), "{a} / {b}");
        }
        assert_eq!(fold("Außenminister"), "aussenminister");
        assert_eq!(fold("Ärzte"), "arzte");
    }

    #[test]
    fn diphthongs_and_qu_keep_their_e() {
        assert_eq!(fold("Feuer"), "feuer");
        assert_eq!(fold("Quelle"), "quelle");
        assert_eq!(fold("Bauer"), "bauer");
        assert_eq!(fold("teuer"), "teuer");
        assert_eq!(fold("Frauen"), "frauen");
    }

    #[test]
    fn apostrophes_are_dropped() {
        assert_eq!(fold("Ku'damm"), "kudamm");
        assert_eq!(fold("Ku’damm"), "kudamm");
        assert_eq!(fold("McDonald’s"), fold("McDonalds"));
        assert_eq!(fold("Tichy's"), "tichys");
        assert_eq!(fold("O\u{2bc}Brien"), "obrien");
        // The digraph rule reads the word without them.
        assert_eq!(fold("Rou'en"), fold("Rouen"));
    }

    #[test]
    fn thousands_separators_are_dropped() {
        assert_eq!(fold("100.000"), "100000");
        assert_eq!(fold("2.500.000"), "2500000");
        assert_eq!(fold("1.000"), fold("1000"));
        assert_eq!(fold("10 000"), "10000");
        assert_eq!(fold("1\u{a0}500\u{202f}000"), "1500000");
        // Dates, decimals and other dotted words keep their dots.
        for word in ["12.03.2020", "1.5", "1.0000", "1000.000", "z.B", "1.000er"] {
            assert!(fold(word).contains('.'), "{word}");
        }
        // Offsets point at the digits.
        let (mut out, mut offsets) = (String::new(), Vec::new());
        fold_word("1\u{a0}000", &mut out, &mut offsets);
        assert_eq!((out.as_str(), offsets.as_slice()), ("1000", &[0, 3, 4, 5, 6][..]));
    }

    #[test]
    fn invisible_characters_are_dropped() {
        assert_eq!(fold("emp\u{ad}fiehlt"), "empfiehlt");
        assert_eq!(fold("\u{200b}Impfstoff"), "impfstoff");
    }

    #[test]
    fn other_diacritics_are_removed() {
        assert_eq!(fold("Café"), "cafe");
        assert_eq!(fold("Erdoğan"), "erdogan");
        assert_eq!(fold("Łukasz"), "łukasz");
    }

    #[test]
    fn spellings_cover_umlauts_digraphs_and_sharp_s() {
        let s = spellings("brussel", 64).unwrap();
        for spelt in ["brussel", "brüssel", "bruessel", "brußel"] {
            assert!(s.iter().any(|x| x == spelt), "{spelt} in {s:?}");
        }
        assert_eq!(spellings("xyz", 64).unwrap(), vec!["xyz"]);
        // A piece may end inside a folded ß: `stras` of `Straße`.
        assert!(spellings("stras", 64).unwrap().iter().any(|x| x == "straß"));
        assert_eq!(spellings("łukasz", 64), None);
        assert_eq!(spellings("auauauau", 64), None);
    }

    #[test]
    fn chars_spelt_plainly_never_fold_into_a_letter_or_digit() {
        for c in (0x80u32..0x3_0000).filter_map(char::from_u32) {
            if spelt_plainly(c, None) && !matches!(c, 'ä' | 'ö' | 'ü' | 'ß') {
                let folded = fold(&c.to_string());
                assert!(!folded.chars().any(char::is_alphanumeric), "{c:?} folds to {folded:?}");
            }
        }
    }

    proptest::proptest! {
        /// Every piece of a word's fold is found in the word by one of its spellings.
        #[test]
        fn a_word_holds_a_spelling_of_every_piece_of_its_fold(
            word in "[a-zA-Z0-9äöüß]{1,14}",
            from in 0usize..20,
            len in 1usize..8,
        ) {
            // Plain text: an umlaut followed by `e` loses the `e`.
            let mut plain = String::new();
            for c in word.chars() {
                if matches!(c, 'e' | 'E') && plain.ends_with(['ä', 'ö', 'ü']) {
                    continue;
                }
                plain.push(c);
            }
            let word = plain;
            proptest::prop_assert!(word
                .char_indices()
                .all(|(i, c)| spelt_plainly(c, word.as_bytes().get(i + c.len_utf8()).copied())));
            let folded = fold(&word);
            let from = from % folded.len();
            let to = (from + len).min(folded.len());
            let piece = &folded[from..to];
            let spelt = spellings(piece, 1 << 20).unwrap();
            let lower = word.to_ascii_lowercase();
            proptest::prop_assert!(
                spelt.iter().any(|s| lower.contains(&s.to_ascii_lowercase())),
                "{:?}: no spelling of {:?} in {:?}", word, piece, spelt
            );
        }
    }

    #[test]
    fn offsets_point_into_the_original() {
        let word = "Außenämter";
        let mut out = String::new();
        let mut offsets = Vec::new();
        fold_word(word, &mut out, &mut offsets);
        assert_eq!(out, "aussenamter");
        assert_eq!(offsets.len(), out.len() + 1);
        // The folded "amter" starts at the original "ämter".
        let start = out.find("amter").unwrap();
        assert_eq!(&word[offsets[start]..], "ämter");
        assert_eq!(*offsets.last().unwrap(), word.len());
        for &o in &offsets {
            assert!(word.is_char_boundary(o));
        }
    }
}
