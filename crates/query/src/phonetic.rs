//! Kölner Phonetik (Hans Joachim Postel, 1969): a phonetic code for German words.
//!
//! Typo tolerance allows two edits only for long words; a transliterated name (`Lavrov` for
//! `Lawrow`, `Zelensky` for `Selenskyj`) is short and yet two edits away. Such a candidate is
//! accepted when both words sound alike by this code, which maps letters that German speakers
//! pronounce alike to the same digit (v/w/f → 3, c/k/q/g → 4, s/z → 8 …). The rule names no
//! word, so any name written the German and the English way is covered.

/// The Kölner Phonetik code of a folded word (lower case, umlauts already folded).
pub fn cologne(word: &str) -> String {
    let chars: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    let mut digits: Vec<char> = Vec::with_capacity(chars.len());
    for i in 0..chars.len() {
        let c = chars[i];
        let prev = if i > 0 { Some(chars[i - 1]) } else { None };
        let next = chars.get(i + 1).copied();
        let initial = i == 0;
        let code: &str = match c {
            'a' | 'e' | 'i' | 'j' | 'o' | 'u' | 'y' => "0",
            'h' => "",
            'b' => "1",
            'p' => {
                if next == Some('h') {
                    "3"
                } else {
                    "1"
                }
            }
            'd' | 't' => {
                if matches!(next, Some('c' | 's' | 'z')) {
                    "8"
                } else {
                    "2"
                }
            }
            'f' | 'v' | 'w' => "3",
            'g' | 'k' | 'q' => "4",
            'c' => {
                let hard = ['a', 'h', 'k', 'l', 'o', 'q', 'r', 'u', 'x'];
                if initial {
                    if next.is_some_and(|n| hard.contains(&n)) {
                        "4"
                    } else {
                        "8"
                    }
                } else if matches!(prev, Some('s' | 'z')) {
                    "8"
                } else if next.is_some_and(|n| ['a', 'h', 'k', 'o', 'q', 'u', 'x'].contains(&n)) {
                    "4"
                } else {
                    "8"
                }
            }
            'x' => {
                if matches!(prev, Some('c' | 'k' | 'q')) {
                    "8"
                } else {
                    "48"
                }
            }
            'l' => "5",
            'm' | 'n' => "6",
            'r' => "7",
            's' | 'z' | 'ß' => "8",
            _ => "",
        };
        digits.extend(code.chars());
    }
    // Collapse repeats, then drop every 0 but a leading one.
    let mut out = String::with_capacity(digits.len());
    let mut last: Option<char> = None;
    for (i, d) in digits.iter().enumerate() {
        if Some(*d) == last {
            continue;
        }
        last = Some(*d);
        if *d != '0' || i == 0 {
            out.push(*d);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::cologne;

    #[test]
    fn reference_values() {
        // The example of the algorithm's description.
        assert_eq!(cologne("wikipedia"), "3412");
        assert_eq!(cologne("muller-ludenscheidt".replace('-', "").as_str()), "65752682");
    }

    #[test]
    fn transliterations_sound_alike() {
        assert_eq!(cologne("lavrov"), cologne("lawrow"));
        assert_eq!(cologne("navalny"), cologne("nawalny"));
        assert_eq!(cologne("zelensky"), cologne("selenskyj"));
        assert_ne!(cologne("merkel"), cologne("lawrow"));
    }
}
