//! Spelling folding: the first step of the German analysis of one word.
//!
//! A German reader types the same word in several ways: `Außenminister`, `Aussenminister`,
//! `AUSSENMINISTER`; `Müller`, `Mueller`; `Café`, `Cafe`. [`fold_word`] maps all of them to one
//! key: lower case, `ß` → `ss`, `ä ö ü` → `a o u`, the keyboard digraphs `ae oe ue` → `a o u`, and
//! any other diacritic removed (`é` → `e`, `ł` stays `ł`, it has no decomposition).
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
    if word.is_ascii() {
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

/// [`fold_word`] of an ASCII word, without the char buffer: lower case and the digraphs.
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
            super::fold_ascii(word.as_bytes(), &mut a, &mut oa);
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
