//! What to search for: [`SearchRequest`], built with chained setters.

use time::{Date, Month, OffsetDateTime, Time};

use crate::QueryError;

/// Order of the hits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Best match first (default).
    #[default]
    Relevance,
    /// Latest first; undated articles last.
    Newest,
    /// Earliest first; undated articles last.
    Oldest,
}

/// A search: query text plus paging, filters, order and snippet size.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchRequest {
    pub(crate) query: String,
    pub(crate) limit: usize,
    pub(crate) offset: usize,
    pub(crate) sort: Sort,
    pub(crate) since: Option<OffsetDateTime>,
    pub(crate) until: Option<OffsetDateTime>,
    pub(crate) sources: Vec<String>,
    pub(crate) authors: Vec<String>,
    pub(crate) snippet_chars: usize,
    pub(crate) fragments: usize,
    pub(crate) facets: bool,
    pub(crate) collapse: bool,
}

impl SearchRequest {
    /// A request for `query` with the defaults: 10 hits, no offset, by relevance, no filters,
    /// snippets of about 200 characters.
    pub fn new(query: impl Into<String>) -> Self {
        SearchRequest {
            query: query.into(),
            limit: 10,
            offset: 0,
            sort: Sort::Relevance,
            since: None,
            until: None,
            sources: Vec::new(),
            authors: Vec::new(),
            snippet_chars: 200,
            fragments: 3,
            facets: false,
            collapse: true,
        }
    }

    /// The query text.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// At most this many hits (default 10; capped at 10,000).
    pub fn limit(mut self, limit: usize) -> Self {
        self.limit = limit.min(10_000);
        self
    }

    /// Skip this many hits first (default 0).
    pub fn offset(mut self, offset: usize) -> Self {
        self.offset = offset.min(1_000_000);
        self
    }

    /// Order of the hits (default [`Sort::Relevance`]).
    pub fn sort(mut self, sort: Sort) -> Self {
        self.sort = sort;
        self
    }

    /// Only articles published at or after this time (default: no limit).
    pub fn since(mut self, t: OffsetDateTime) -> Self {
        self.since = Some(t);
        self
    }

    /// Only articles published at or before this time (default: no limit).
    pub fn until(mut self, t: OffsetDateTime) -> Self {
        self.until = Some(t);
        self
    }

    /// Only articles of this outlet (case-insensitive; repeat for several; default: all).
    pub fn source(mut self, source: impl Into<String>) -> Self {
        self.sources.push(source.into().trim().to_lowercase());
        self
    }

    /// Only articles by this author (matched on the author field's words; default: all).
    pub fn author(mut self, author: impl Into<String>) -> Self {
        self.authors.push(author.into());
        self
    }

    /// At most this many passages in a snippet, joined with ` … ` (default 3; one passage when
    /// it holds every matched word).
    pub fn fragments(mut self, n: usize) -> Self {
        self.fragments = n.clamp(1, 10);
        self
    }

    /// Count the matches per source and per month (and year) over the whole result set
    /// (default off).
    pub fn facets(mut self, yes: bool) -> Self {
        self.facets = yes;
        self
    }

    /// Show articles with the same text (same words in the same order) once, the others listed
    /// in [`crate::Hit::also_in`] (default on).
    pub fn collapse(mut self, yes: bool) -> Self {
        self.collapse = yes;
        self
    }

    /// Snippet length in characters (default 200; 0 turns snippets off).
    pub fn snippet_chars(mut self, chars: usize) -> Self {
        self.snippet_chars = chars.min(5_000);
        self
    }
}

/// Which end of a period a partial date names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// The first moment (for `since`).
    Start,
    /// The last moment (for `until`): `2020-11` ends with the 30th of November.
    End,
}

/// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as the start or the end of that period, in UTC.
pub fn parse_date_bound(text: &str, bound: Bound) -> Result<OffsetDateTime, QueryError> {
    let bad = || QueryError::BadDate(text.to_string());
    let parts: Vec<&str> = text.trim().split('-').collect();
    let num = |s: &str| s.parse::<i32>().map_err(|_| bad());
    let year = num(parts.first().copied().unwrap_or(""))?;
    let (month, day) = match parts.len() {
        1 => (None, None),
        2 => (Some(num(parts[1])?), None),
        3 => (Some(num(parts[1])?), Some(num(parts[2])?)),
        _ => return Err(bad()),
    };
    let month_of = |m: i32| Month::try_from(u8::try_from(m).map_err(|_| bad())?).map_err(|_| bad());
    let (first, last) = match (month, day) {
        (None, _) => (
            Date::from_calendar_date(year, Month::January, 1).map_err(|_| bad())?,
            Date::from_calendar_date(year, Month::December, 31).map_err(|_| bad())?,
        ),
        (Some(m), None) => {
            let m = month_of(m)?;
            let first = Date::from_calendar_date(year, m, 1).map_err(|_| bad())?;
            let last = Date::from_calendar_date(year, m, m.length(year)).map_err(|_| bad())?;
            (first, last)
        }
        (Some(m), Some(d)) => {
            let day =
                Date::from_calendar_date(year, month_of(m)?, u8::try_from(d).map_err(|_| bad())?)
                    .map_err(|_| bad())?;
            (day, day)
        }
    };
    Ok(match bound {
        Bound::Start => first.with_time(Time::MIDNIGHT).assume_utc(),
        Bound::End => last.with_hms(23, 59, 59).expect("valid time").assume_utc(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn partial_dates() {
        assert_eq!(parse_date_bound("2020", Bound::Start).unwrap(), datetime!(2020-01-01 0:00 UTC));
        assert_eq!(
            parse_date_bound("2020", Bound::End).unwrap(),
            datetime!(2020-12-31 23:59:59 UTC)
        );
        assert_eq!(
            parse_date_bound("2020-02", Bound::End).unwrap(),
            datetime!(2020-02-29 23:59:59 UTC)
        );
        assert_eq!(
            parse_date_bound("2021-03-05", Bound::Start).unwrap(),
            datetime!(2021-03-05 0:00 UTC)
        );
        for bad in ["", "20x0", "2020-13", "2020-02-30", "2020-1-1-1"] {
            assert!(parse_date_bound(bad, Bound::Start).is_err(), "{bad}");
        }
    }
}
