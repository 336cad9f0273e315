//! JSON articles: field names mapped by the conventions of news exports.

use serde_json::{Map, Value};

use crate::article::{clean_line, clean_text, non_empty_line, Article};
use crate::date::parse_date;

/// The accepted names of each article field, in order of preference (matched case-insensitively).
pub mod keys {
    /// Headline.
    pub const TITLE: &[&str] = &["title", "header", "headline", "titel"];
    /// Text.
    pub const BODY: &[&str] = &["body", "article", "text", "maintext", "content"];
    /// Lead.
    pub const LEAD: &[&str] = &["lead", "description", "teaser", "summary"];
    /// Date.
    pub const DATE: &[&str] = &["date", "date_publish", "published", "datum"];
    /// Outlet.
    pub const SOURCE: &[&str] = &["source", "source_domain", "publisher", "quelle"];
    /// Url.
    pub const URL: &[&str] = &["url", "link"];
    /// Author(s).
    pub const AUTHOR: &[&str] = &["author", "authors"];
    /// Caption.
    pub const CAPTION: &[&str] = &["caption"];
}

/// The result of mapping one JSON value to an article.
#[derive(Debug)]
pub struct Mapped {
    /// The article, when the object had a title or a text.
    pub article: Option<Article>,
    /// Problems with single fields (the article is kept without them).
    pub notes: Vec<String>,
}

/// Finds a field by any of its names; returns the key found and the value.
fn find<'a>(obj: &'a Map<String, Value>, names: &[&'a str]) -> Option<(&'a str, &'a Value)> {
    for name in names {
        if let Some(v) = obj.get(*name) {
            return Some((name, v));
        }
    }
    obj.iter()
        .find(|(k, _)| names.iter().any(|n| k.eq_ignore_ascii_case(n)))
        .map(|(k, v)| (k.as_str(), v))
}

/// The text of a field: a string, or an array of strings joined with `sep`. Other types are
/// reported in `notes` and ignored.
fn text_of(
    obj: &Map<String, Value>,
    names: &[&str],
    sep: &str,
    notes: &mut Vec<String>,
) -> Option<String> {
    let (key, value) = find(obj, names)?;
    match value {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        Value::Array(items) if items.iter().all(|v| v.is_string() || v.is_null()) => {
            let parts: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
            Some(parts.join(sep))
        }
        other => {
            notes.push(format!("field `{key}` is {}, not text; ignored", kind(other)));
            None
        }
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Splits a title field into the headline and the kicker above it. A title of several lines
/// (`"Corona-Krise soll ausgenutzt werden …\nWeltwirtschaftsforum: Alle Menschen …"`, as
/// freiewelt.net's exports have it) holds a kicker or sub-heading and then the headline, as a
/// German page prints them: the last line is the headline, the lines before it the kicker,
/// each whitespace-collapsed.
fn headline(text: &str) -> (String, Option<String>) {
    let mut lines: Vec<String> = text.lines().map(clean_line).filter(|l| !l.is_empty()).collect();
    let title = lines.pop().unwrap_or_default();
    let kicker = (!lines.is_empty()).then(|| lines.join(" "));
    (title, kicker)
}

/// Maps one JSON value to an article. `fallback_id` is used when there is no url.
pub fn map_value(value: &Value, path: &str, fallback_id: String) -> Result<Mapped, String> {
    let Value::Object(obj) = value else {
        return Err(format!("expected a JSON object, found {}", kind(value)));
    };
    let mut notes = Vec::new();
    let (title, kicker) =
        text_of(obj, keys::TITLE, " ", &mut notes).map(|t| headline(&t)).unwrap_or_default();
    let body =
        text_of(obj, keys::BODY, "\n", &mut notes).map(|t| clean_text(&t)).unwrap_or_default();
    if title.is_empty() && body.is_empty() {
        let mut reason = "no title and no text".to_string();
        if !notes.is_empty() {
            reason = format!("{reason} ({})", notes.join("; "));
        }
        return Err(reason);
    }
    let lead = text_of(obj, keys::LEAD, "\n", &mut notes)
        .map(|t| clean_text(&t))
        .filter(|t| !t.is_empty());
    // The kicker is read before the lead, as it is printed.
    let lead = match (kicker, lead) {
        (Some(kicker), Some(lead)) => Some(format!("{kicker}\n{lead}")),
        (kicker, lead) => kicker.or(lead),
    };
    let caption = text_of(obj, keys::CAPTION, " ", &mut notes).and_then(|t| non_empty_line(&t));
    let source = text_of(obj, keys::SOURCE, ", ", &mut notes)
        .and_then(|t| non_empty_line(&t))
        .map(|s| s.to_lowercase());
    let author = text_of(obj, keys::AUTHOR, ", ", &mut notes).and_then(|t| non_empty_line(&t));
    let url = text_of(obj, keys::URL, " ", &mut notes).and_then(|t| non_empty_line(&t));
    let date = match text_of(obj, keys::DATE, " ", &mut notes) {
        Some(d) if !d.trim().is_empty() => {
            let parsed = parse_date(&d);
            if parsed.is_none() {
                notes.push(format!("unreadable date {:?}; kept without date", clean_line(&d)));
            }
            parsed
        }
        _ => None,
    };
    let id = url.clone().unwrap_or(fallback_id);
    Ok(Mapped {
        article: Some(Article {
            id,
            title,
            caption,
            lead,
            body,
            source,
            author,
            date,
            url,
            path: path.to_string(),
        }),
        notes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn fang_covid_keys() {
        let v = json!({"url": "https://zeit.de/a", "date": "2020-11-13T16:31:47+01:00", "source": "zeit.de",
            "label": "real", "header": "\n  Merkel warnt \n", "article": "Erster Absatz.\nZweiter Absatz."});
        let m = map_value(&v, "c.jsonl:1", "c.jsonl:1".into()).unwrap();
        let a = m.article.unwrap();
        assert_eq!(a.id, "https://zeit.de/a");
        assert_eq!(a.title, "Merkel warnt");
        assert_eq!(a.body, "Erster Absatz.\nZweiter Absatz.");
        assert_eq!(a.source.as_deref(), Some("zeit.de"));
        assert_eq!(a.date.unwrap().unix_timestamp(), 1605281507);
        assert!(m.notes.is_empty());
    }

    #[test]
    fn a_header_of_two_lines_is_kicker_and_headline() {
        let v = json!({"header": "Corona-Krise soll ausgenutzt werden\n  Weltwirtschaftsforum: Alle  Menschen \n",
            "article": "Text"});
        let a = map_value(&v, "p", "p".into()).unwrap().article.unwrap();
        assert_eq!(a.title, "Weltwirtschaftsforum: Alle Menschen");
        assert_eq!(a.lead.as_deref(), Some("Corona-Krise soll ausgenutzt werden"));
        // Before a lead of its own.
        let v = json!({"header": "Dachzeile\nTitel", "lead": "Vorspann.", "article": "Text"});
        let a = map_value(&v, "p", "p".into()).unwrap().article.unwrap();
        assert_eq!((a.title.as_str(), a.lead.as_deref()), ("Titel", Some("Dachzeile\nVorspann.")));
        // One line: no kicker.
        let v = json!({"header": " Titel ", "article": "Text"});
        let a = map_value(&v, "p", "p".into()).unwrap().article.unwrap();
        assert_eq!((a.title.as_str(), a.lead), ("Titel", None));
    }

    #[test]
    fn other_conventions() {
        let v = json!({"headline": "T", "maintext": "B", "teaser": "L", "published": "13.11.2020",
            "publisher": "SZ", "link": "u", "authors": ["A", "B"]});
        let a = map_value(&v, "p", "p".into()).unwrap().article.unwrap();
        assert_eq!((a.title.as_str(), a.body.as_str(), a.lead.as_deref()), ("T", "B", Some("L")));
        assert_eq!(a.source.as_deref(), Some("sz"));
        assert_eq!(a.author.as_deref(), Some("A, B"));
        assert_eq!(a.url.as_deref(), Some("u"));
        assert!(a.date.is_some());
        let v = json!({"Titel": "T", "Content": "B"});
        assert_eq!(map_value(&v, "p", "p".into()).unwrap().article.unwrap().title, "T");
    }

    #[test]
    fn no_url_uses_fallback_id() {
        let v = json!({"title": "T", "text": "B"});
        assert_eq!(
            map_value(&v, "f.jsonl:7", "f.jsonl:7".into()).unwrap().article.unwrap().id,
            "f.jsonl:7"
        );
    }

    #[test]
    fn wrong_types_and_empty_objects() {
        let v = json!({"header": 42, "article": "Text", "date": "morgen"});
        let m = map_value(&v, "p", "p".into()).unwrap();
        assert_eq!(m.article.unwrap().title, "");
        assert_eq!(m.notes.len(), 2, "{:?}", m.notes);
        assert!(m.notes[0].contains("`header` is a number"));
        let err =
            map_value(&json!({"url": "u", "date": "2020-01-01"}), "p", "p".into()).unwrap_err();
        assert_eq!(err, "no title and no text");
        assert!(map_value(&json!([1, 2]), "p", "p".into()).is_err());
    }
}
