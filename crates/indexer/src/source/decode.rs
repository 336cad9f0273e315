//! Bytes → text: UTF-8, or Windows-1252 for older German archives; binary files refused.

use std::borrow::Cow;

/// Why bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Undecodable {
    /// The bytes look like a binary file (many control bytes).
    Binary,
}

/// How text was decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// Valid UTF-8 (a byte order mark, if any, removed).
    Utf8,
    /// Not valid UTF-8; decoded as Windows-1252 (a superset of Latin-1).
    Windows1252,
}

/// Whether a sample of bytes looks binary: more than 5 % control bytes other than white space
/// (text with a few stray NULs, as real exports have, is still text).
pub fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.is_empty() {
        return false;
    }
    let control = sample.iter().filter(|&&b| b < 0x09 || (0x0e..0x20).contains(&b)).count();
    control * 20 > sample.len()
}

/// Decodes bytes as UTF-8 (dropping a byte order mark) or, failing that, as Windows-1252.
pub fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, Encoding), Undecodable> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if looks_binary(bytes) {
        return Err(Undecodable::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((Cow::Borrowed(s), Encoding::Utf8)),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            Ok((text, Encoding::Windows1252))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom() {
        let (text, enc) = decode("\u{feff}Grüße".as_bytes()).unwrap();
        assert_eq!(text, "Grüße");
        assert_eq!(enc, Encoding::Utf8);
    }

    #[test]
    fn windows_1252_fallback() {
        let (text, enc) = decode(b"Gr\xfc\xdfe aus K\xf6ln").unwrap();
        assert_eq!(text, "Grüße aus Köln");
        assert_eq!(enc, Encoding::Windows1252);
    }

    #[test]
    fn binary_is_refused_but_stray_nul_is_text() {
        let binary: Vec<u8> = (0..200u8).map(|i| i.wrapping_mul(37) % 32).collect();
        assert_eq!(decode(&binary), Err(Undecodable::Binary));
        let text = b"Ein Text mit einem\0 NUL-Byte, wie echte Exporte ihn haben.";
        assert!(decode(text).is_ok());
    }
}
