//! Reading publication dates of the shapes news exports use.

use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Date, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

/// Parses a date: ISO 8601 / RFC 3339 with or without time zone (`2020-11-13T16:31:47+01:00`,
/// `2020-11-13T16:31:47Z`, `2020-11-13T16:31:47`, `2020-11-13 16:31:47`), a plain day
/// (`2020-11-13`) or the German form (`13.11.2020`, `13.11.2020 16:31`). A time without zone is
/// taken as UTC. Returns `None` for anything else.
pub fn parse_date(text: &str) -> Option<OffsetDateTime> {
    let s = text.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(t) = OffsetDateTime::parse(s, &Rfc3339) {
        return Some(t);
    }
    let s = s.replace('T', " ");
    // Fractional seconds and a trailing zone written as +0100 or +01:00.
    let (main, offset) = split_offset(&s);
    let main = match (main.rfind(':'), main.rfind('.')) {
        (Some(colon), Some(dot)) if dot > colon => &main[..dot],
        _ => main,
    };
    let dt = PrimitiveDateTime::parse(
        main,
        format_description!(
            "[year]-[month padding:none]-[day padding:none] [hour]:[minute]:[second]"
        ),
    )
    .or_else(|_| {
        PrimitiveDateTime::parse(
            main,
            format_description!("[year]-[month padding:none]-[day padding:none] [hour]:[minute]"),
        )
    })
    .or_else(|_| {
        Date::parse(main, format_description!("[year]-[month padding:none]-[day padding:none]"))
            .map(|d| d.with_time(Time::MIDNIGHT))
    })
    .or_else(|_| {
        PrimitiveDateTime::parse(
            main,
            format_description!("[day padding:none].[month padding:none].[year] [hour]:[minute]"),
        )
    })
    .or_else(|_| {
        Date::parse(main, format_description!("[day padding:none].[month padding:none].[year]"))
            .map(|d| d.with_time(Time::MIDNIGHT))
    })
    .ok()?;
    Some(dt.assume_offset(offset.unwrap_or(UtcOffset::UTC)))
}

/// Splits a trailing `Z`, `+01:00` or `+0100` zone off a date-time text.
fn split_offset(s: &str) -> (&str, Option<UtcOffset>) {
    if let Some(main) = s.strip_suffix('Z') {
        return (main, Some(UtcOffset::UTC));
    }
    if s.len() > 16 {
        for cut in [6, 5] {
            let Some(pos) = s.len().checked_sub(cut) else { continue };
            if !s.is_char_boundary(pos) {
                continue;
            }
            let (main, zone) = s.split_at(pos);
            // The sign is one byte, so `zone[1..]` is on a char boundary.
            if !matches!(zone.as_bytes()[0], b'+' | b'-') {
                continue;
            }
            let digits: String = zone[1..].chars().filter(|c| *c != ':').collect();
            if digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()) {
                let (Ok(h), Ok(m)) = (digits[..2].parse::<i8>(), digits[2..].parse::<i8>()) else {
                    continue;
                };
                let sign = if zone.starts_with('-') { -1 } else { 1 };
                let offset = UtcOffset::from_hms(sign * h, sign * m, 0).ok();
                return (main.trim_end(), offset);
            }
        }
    }
    (s, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn reads_common_shapes() {
        let t = datetime!(2020-11-13 16:31:47 +01:00);
        assert_eq!(parse_date("2020-11-13T16:31:47+01:00"), Some(t));
        assert_eq!(parse_date("2020-11-13 16:31:47+0100"), Some(t));
        assert_eq!(parse_date("2020-11-13T15:31:47Z"), Some(t));
        assert_eq!(parse_date("2020-11-13 15:31:47"), Some(t));
        assert_eq!(parse_date("2020-11-13T15:31:47.123"), Some(t));
        assert_eq!(parse_date("2020-11-13"), Some(datetime!(2020-11-13 0:00 UTC)));
        assert_eq!(parse_date("2021-03-3"), Some(datetime!(2021-03-03 0:00 UTC)));
        assert_eq!(parse_date("13.11.2020"), Some(datetime!(2020-11-13 0:00 UTC)));
        assert_eq!(parse_date("3.1.2021 08:15"), Some(datetime!(2021-01-03 8:15 UTC)));
    }

    #[test]
    fn rejects_the_rest() {
        assert_eq!(parse_date(""), None);
        assert_eq!(parse_date("gestern"), None);
        assert_eq!(parse_date("2020-13-45"), None);
        assert_eq!(parse_date("2020-11-13 16:31:4ä€"), None, "no panic on multibyte text");
    }
}
