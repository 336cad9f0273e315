//! English transliterations of Russian, Ukrainian and Belarusian names, respelt the German way;
//! and Russian names pasted in Cyrillic, transliterated the German way.
//!
//! News agencies write `Tikhanovskaya`, `Khodorkovsky`, `Chernobyl`; German papers write
//! `Tichanowskaja`, `Chodorkowski`, `Tschernobyl`, following the German (Duden)
//! transliteration of Cyrillic. The two spellings are often three or more letters apart, too
//! far for typo tolerance, yet they differ by a handful of fixed correspondences, applied here
//! left to right:
//!
//! | English | German | Cyrillic | example |
//! |---|---|---|---|
//! | `shch` | `schtsch` | щ | Khrushchev → Chruschtschow |
//! | `zh`, `sh` | `sch` | ж, ш | Shoigu → Schoigu |
//! | `kh` | `ch` | х | Kharkiv → Charkiw |
//! | `ch` | `tsch` | ч | Chernobyl → Tschernobyl |
//! | `ts` at the start | `z` | ц | Tsepkalo → Zepkalo |
//! | `v` | `w` | в | Lavrov → Lawrow |
//! | `z` | `s` | з | Zakharova → Sacharowa |
//! | `y` by a vowel or first | `j` | й, я, ю, е | Sergey → Sergej, Yerevan → Jerewan |
//! | `sky` at the end | `ski`, `skyj` | -ский, -ський | Dostoevsky → Dostojewski |
//! | `e` after a vowel, before `v` | `je` | е | Dostoevsky → Dostojewski |
//! | `-chev`, `-shev`, `-zhev` | also `-tschow`, `-schow` | ё after ч ш ж | Gorbachev → Gorbatschow |
//!
//! German spellings are left as they are (`sch`, `tsch` stay), and the rule names no word. What it
//! gives is only a candidate: the query plan takes it when the typed word is rare in the index,
//! the respelt one is more common, and the lexicon does not know the typed word as German
//! (unless German text writes the respelling more often: `Chernobyl`, `Tschernobyl`). It
//! searches around a respelling the index lacks only for words [`looks_transliterated`].

/// The German spellings of a word written in English transliteration, lower case; empty when the
/// rules change nothing. At most four, the plain respelling first.
pub fn german_spellings(word: &str) -> Vec<String> {
    let lower = word.to_lowercase();
    let chars: Vec<char> = lower.chars().collect();
    if !chars.is_empty() && chars.iter().all(|&c| is_cyrillic(c)) {
        // A name pasted in Cyrillic: its German transliteration.
        let german = from_cyrillic(&chars);
        return if german.is_empty() { Vec::new() } else { vec![german] };
    }
    if chars.iter().any(|c| !c.is_ascii_alphabetic()) {
        // Transliterations are plain Latin letters; a word with umlauts, digits or marks is
        // written some other way.
        return Vec::new();
    }
    let respelt = respell(&chars);
    let mut out = vec![respelt.clone()];
    // Ukrainian -ський is -skyj in German (`Selenskyj`), Russian -ский -ski.
    if let Some(stem) = respelt.strip_suffix("ski") {
        if lower.ends_with("sky") {
            out.push(format!("{stem}skyj"));
        }
    }
    // ё after ж ч ш щ is `o` in German and often plain `e` in English (`Gorbachev`).
    for (english, german) in [("tschew", "tschow"), ("schew", "schow")] {
        if let Some(stem) = respelt.strip_suffix(english) {
            out.push(format!("{stem}{german}"));
            break;
        }
    }
    out.retain(|s| *s != lower);
    out.dedup();
    out.truncate(4);
    out
}

/// Whether `c` is a Russian letter (lower case).
fn is_cyrillic(c: char) -> bool {
    matches!(c, 'а'..='я' | 'ё')
}

/// The German (Duden) transliteration of a lower-case Russian word: `навальный` → `nawalny`,
/// `горбачёв` → `gorbatschow`, `тихановская` → `tichanowskaja`.
fn from_cyrillic(chars: &[char]) -> String {
    let vowel = |c: Option<&char>| c.is_none_or(|c| "аеёиоуыэюяъь".contains(*c));
    let mut out = String::with_capacity(chars.len() * 2);
    for (i, c) in chars.iter().enumerate() {
        let prev = if i == 0 { None } else { chars.get(i - 1) };
        let next = chars.get(i + 1);
        let german = match c {
            'а' => "a",
            'б' => "b",
            'в' => "w",
            'г' => "g",
            'д' => "d",
            // `je` at the start and after a vowel or a sign (`Jewgeni`, `Dostojewski`).
            'е' if vowel(prev) => "je",
            'е' => "e",
            // `o` after ж ч ш щ (`Gorbatschow`), else `jo`.
            'ё' if prev.is_some_and(|p| "жчшщ".contains(*p)) => "o",
            'ё' => "jo",
            'ж' => "sch",
            'з' => "s",
            'и' => "i",
            // The endings -ий, -ый are -i, -y (`Selenski`, `Nawalny`).
            'й' if next.is_none() && prev.is_some_and(|p| "иы".contains(*p)) => "",
            'й' => "i",
            'к' => "k",
            'л' => "l",
            'м' => "m",
            'н' => "n",
            'о' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'у' => "u",
            'ф' => "f",
            'х' => "ch",
            'ц' => "z",
            'ч' => "tsch",
            'ш' => "sch",
            'щ' => "schtsch",
            'ы' => "y",
            'э' => "e",
            'ю' => "ju",
            'я' => "ja",
            _ => "", // ъ, ь
        };
        out.push_str(german);
    }
    out
}

/// Whether a word has a mark of English transliteration that German words lack: `kh`, `zh`,
/// `sh` (German writes `sch`), a `y` after the first letter, or the surname endings `-ev`,
/// `-ov`. Such a word is worth the costlier search around its respellings; most German words
/// that the rules respell (`Sicherheit`, `Woche`) have none.
pub fn looks_transliterated(word: &str) -> bool {
    let lower = word.to_lowercase();
    lower.chars().any(is_cyrillic)
        || lower.contains("kh")
        || lower.contains("zh")
        || lower.contains("sh")
        || lower.chars().skip(1).any(|c| c == 'y')
        || lower.ends_with("ev")
        || lower.ends_with("ov")
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// The left-to-right respelling of the table above.
fn respell(chars: &[char]) -> String {
    let mut out = String::with_capacity(chars.len() + 8);
    let mut i = 0;
    let starts =
        |i: usize, s: &str| s.chars().enumerate().all(|(k, c)| chars.get(i + k) == Some(&c));
    while i < chars.len() {
        let prev = out.chars().last();
        let next = chars.get(i + 1).copied();
        let (german, len) = if starts(i, "shch") {
            ("schtsch", 4)
        } else if starts(i, "tsch") {
            ("tsch", 4)
        } else if starts(i, "sch") {
            ("sch", 3)
        } else if starts(i, "zh") || starts(i, "sh") {
            ("sch", 2)
        } else if starts(i, "kh") {
            ("ch", 2)
        } else if starts(i, "ch") {
            ("tsch", 2)
        } else if i == 0 && starts(i, "ts") {
            // Only at the start: inside a German word `ts` is mostly a joint (`Arbeitsplatz`).
            ("z", 2)
        } else {
            let german = match chars[i] {
                'v' => "w",
                'z' => "s",
                'y' if i == 0 || next.is_some_and(is_vowel) || prev.is_some_and(is_vowel) => "j",
                'y' if next.is_none() && prev == Some('k') => "i",
                // Before `v` only: the surname endings `-ev`, `-eva`, `-evsky` (`Dmitriev`,
                // `Dostoevsky`); German `ie`, `ee`, `ue` stay (`Finanzierung`, `Seele`).
                'e' if prev.is_some_and(is_vowel) && next == Some('v') => "je",
                _ => {
                    out.push(chars[i]);
                    i += 1;
                    continue;
                }
            };
            (german, 1)
        };
        out.push_str(german);
        i += len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(word: &str) -> String {
        german_spellings(word).into_iter().next().unwrap_or_default()
    }

    #[test]
    fn names_in_english_transliteration() {
        for (english, german) in [
            ("Tikhanovskaya", "tichanowskaja"),
            ("Khodorkovsky", "chodorkowski"),
            ("Chernobyl", "tschernobyl"),
            ("Shoigu", "schoigu"),
            ("Lavrov", "lawrow"),
            ("Peskov", "peskow"),
            ("Zakharova", "sacharowa"),
            ("Sobyanin", "sobjanin"),
            ("Sergey", "sergej"),
            ("Yerevan", "jerewan"),
            ("Dostoevsky", "dostojewski"),
            ("Dmitriev", "dmitrijew"),
            ("Tsepkalo", "zepkalo"),
            ("Khrushchev", "chruschtschew"),
            ("Navalny", "nawalny"),
        ] {
            assert_eq!(first(english), german, "{english}");
        }
    }

    #[test]
    fn names_in_cyrillic() {
        for (russian, german) in [
            ("Навальный", "nawalny"),
            ("Шойгу", "schoigu"),
            ("Лавров", "lawrow"),
            ("Тихановская", "tichanowskaja"),
            ("Горбачёв", "gorbatschow"),
            ("Хрущёв", "chruschtschow"),
            ("Зеленский", "selenski"),
            ("Собянин", "sobjanin"),
            ("Достоевский", "dostojewski"),
            ("Евгений", "jewgeni"),
            ("Медведев", "medwedew"),
        ] {
            assert_eq!(german_spellings(russian), [german], "{russian}");
        }
        assert!(looks_transliterated("Путин"));
    }

    #[test]
    fn alternative_endings() {
        assert_eq!(german_spellings("Zelensky"), ["selenski", "selenskyj"]);
        assert_eq!(german_spellings("Gorbachev"), ["gorbatschew", "gorbatschow"]);
    }

    #[test]
    fn marks_of_transliteration() {
        for name in ["Tikhanovskaya", "Zhukov", "Shoigu", "Navalny", "Gorbachev", "Lavrov"] {
            assert!(looks_transliterated(name), "{name}");
        }
        for word in ["Sicherheitsvakum", "Woche", "Maiverordnung", "Yacht"] {
            assert!(!looks_transliterated(word), "{word}");
        }
    }

    #[test]
    fn german_spellings_stay() {
        // `sch` is German already; an English plural's final `ts` is no ц.
        assert!(german_spellings("Schule").is_empty());
        assert!(german_spellings("Tschernobyl").is_empty());
        assert!(german_spellings("Residents").is_empty());
        assert!(german_spellings("Lawrow").is_empty());
        assert!(german_spellings("Müller").is_empty(), "umlauts are no transliteration");
        assert!(german_spellings("Seelsorge").is_empty(), "German `ee` stays");
        assert_eq!(first("Arbeitsplatz"), "arbeitsplats", "`ts` inside a German word stays");
    }
}
