//! Files → articles: finding input files and reading each by its format.
//!
//! Formats go by extension, each optionally gzipped (`.gz`): `.txt` ([`text`]), `.json` (one
//! object, an array of objects, or objects one after another) and `.jsonl` / `.ndjson` (one object
//! per line) ([`json`]). A problem with a file or a line never stops the run: it is reported as a
//! [`Problem`] naming the file (and line) and the rest is read.

pub mod decode;
pub mod json;
pub mod text;

use std::fmt;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::Value;

use crate::article::Article;
use decode::{decode, Encoding, Undecodable};

/// The format of an input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// A `.txt` article.
    Txt,
    /// A `.json` document.
    Json,
    /// `.jsonl` / `.ndjson`: one JSON object per line.
    JsonLines,
}

/// An input file found by [`collect_inputs`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    /// The file (absolute when it could be made so).
    pub path: PathBuf,
    /// Its format.
    pub format: Format,
    /// Whether it is gzip-compressed.
    pub gzip: bool,
    /// Size on disk in bytes.
    pub size: u64,
}

/// A problem with an input: which file, which line, what, and whether content was skipped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The file.
    pub path: String,
    /// The line (1-based) for JSON lines and JSON syntax errors.
    pub line: Option<u64>,
    /// What went wrong, in a few words.
    pub reason: String,
    /// `true` when a file or a line was skipped; `false` for a note (the content was indexed).
    pub skipped: bool,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.reason),
            None => write!(f, "{}: {}", self.path, self.reason),
        }
    }
}

/// What reading a file yields, in order.
#[derive(Debug)]
pub enum Item {
    /// An article.
    Article(Box<Article>),
    /// A problem (see [`Problem::skipped`]).
    Problem(Problem),
}

/// The format of a path by its extension (`None`: not an article file).
pub fn format_of(path: &Path) -> Option<(Format, bool)> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let (name, gzip) = match name.strip_suffix(".gz") {
        Some(n) => (n.to_string(), true),
        None => (name, false),
    };
    let format = match name.rsplit_once('.')?.1 {
        "txt" => Format::Txt,
        "json" => Format::Json,
        "jsonl" | "ndjson" => Format::JsonLines,
        _ => return None,
    };
    Some((format, gzip))
}

fn problem(path: &Path, line: Option<u64>, reason: impl Into<String>, skipped: bool) -> Problem {
    Problem { path: path.display().to_string(), line, reason: reason.into(), skipped }
}

/// Finds the article files under `inputs` (files are taken as given, directories walked
/// recursively in name order, hidden entries skipped, symbolic links not followed unless
/// `follow_links`). Anything under `exclude` (the index directory) is left out.
pub fn collect_inputs(
    inputs: &[PathBuf],
    exclude: Option<&Path>,
    follow_links: bool,
) -> (Vec<InputFile>, Vec<Problem>) {
    let exclude = exclude.and_then(|p| p.canonicalize().ok());
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for input in inputs {
        let meta = match std::fs::metadata(input) {
            Ok(m) => m,
            Err(e) => {
                problems.push(problem(input, None, format!("cannot read: {e}"), true));
                continue;
            }
        };
        if meta.is_file() {
            match format_of(input) {
                Some((format, gzip)) => {
                    let path = input.canonicalize().unwrap_or_else(|_| input.clone());
                    files.push(InputFile { path, format, gzip, size: meta.len() });
                }
                None => problems.push(problem(
                    input,
                    None,
                    "not an article file (expected .txt, .json, .jsonl or .ndjson, optionally .gz)",
                    true,
                )),
            }
            continue;
        }
        let root = input.canonicalize().unwrap_or_else(|_| input.clone());
        let walker = walkdir::WalkDir::new(&root)
            .follow_links(follow_links)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                let hidden =
                    e.depth() > 0 && e.file_name().to_str().is_some_and(|n| n.starts_with('.'));
                let excluded = exclude.as_deref().is_some_and(|x| e.path() == x);
                !hidden && !excluded
            });
        for entry in walker {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let path = e.path().map(Path::to_path_buf).unwrap_or_else(|| root.clone());
                    let reason = match e.loop_ancestor() {
                        Some(a) => format!("symbolic link loop back to {}; skipped", a.display()),
                        None => format!(
                            "cannot read: {}",
                            e.io_error().map(|e| e.to_string()).unwrap_or(e.to_string())
                        ),
                    };
                    problems.push(problem(&path, None, reason, true));
                    continue;
                }
            };
            if !entry.file_type().is_file() {
                continue;
            }
            let Some((format, gzip)) = format_of(entry.path()) else { continue };
            match entry.metadata() {
                Ok(m) => {
                    files.push(InputFile { path: entry.into_path(), format, gzip, size: m.len() })
                }
                Err(e) => {
                    problems.push(problem(entry.path(), None, format!("cannot read: {e}"), true))
                }
            }
        }
    }
    (files, problems)
}

/// Opens a file, decompressing gzip on the fly.
fn open(file: &InputFile) -> std::io::Result<Box<dyn Read + Send>> {
    let f = File::open(&file.path)?;
    Ok(if file.gzip { Box::new(flate2::read::MultiGzDecoder::new(f)) } else { Box::new(f) })
}

/// Reads one input file, handing each article and problem to `sink` in order. Returns the number
/// of (uncompressed) bytes read.
pub fn read_file(file: &InputFile, sink: &mut dyn FnMut(Item)) -> u64 {
    read_file_until(file, sink, &|| false)
}

/// [`read_file`], stopping early (between JSON lines) once `stop` returns true.
pub fn read_file_until(
    file: &InputFile,
    sink: &mut dyn FnMut(Item),
    stop: &dyn Fn() -> bool,
) -> u64 {
    let path = &file.path;
    let mut reader = match open(file) {
        Ok(r) => r,
        Err(e) => {
            sink(Item::Problem(problem(path, None, format!("cannot open: {e}"), true)));
            return 0;
        }
    };
    match file.format {
        Format::JsonLines => read_json_lines(file, reader, sink, stop),
        Format::Txt | Format::Json => {
            let mut bytes = Vec::new();
            if let Err(e) = reader.read_to_end(&mut bytes) {
                let what = if file.gzip { "corrupt or truncated gzip" } else { "read error" };
                sink(Item::Problem(problem(
                    path,
                    None,
                    format!("{what}: {e}; file skipped"),
                    true,
                )));
                return bytes.len() as u64;
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                sink(Item::Problem(problem(path, None, "empty file", true)));
                return bytes.len() as u64;
            }
            let (text, encoding) = match decode(&bytes) {
                Ok(t) => t,
                Err(Undecodable::Binary) => {
                    sink(Item::Problem(problem(
                        path,
                        None,
                        "binary file, not text; skipped",
                        true,
                    )));
                    return bytes.len() as u64;
                }
            };
            if encoding == Encoding::Windows1252 {
                sink(Item::Problem(problem(
                    path,
                    None,
                    "not UTF-8; read as Windows-1252 (Latin-1)",
                    false,
                )));
            }
            let path_str = path.display().to_string();
            if file.format == Format::Txt {
                match text::parse_txt(&text, &path_str) {
                    Some(a) => sink(Item::Article(Box::new(a))),
                    None => sink(Item::Problem(problem(path, None, "no text", true))),
                }
            } else {
                read_json_document(&text, &path_str, sink);
            }
            bytes.len() as u64
        }
    }
}

/// A `.json` document: an object, an array of objects, or several objects one after another.
fn read_json_document(text: &str, path: &str, sink: &mut dyn FnMut(Item)) {
    let mut index = 0usize;
    let stream = serde_json::Deserializer::from_str(text).into_iter::<Value>();
    let mut values = Vec::new();
    for value in stream {
        match value {
            Ok(Value::Array(items)) => values.extend(items),
            Ok(v) => values.push(v),
            Err(e) => {
                let p = Problem {
                    path: path.to_string(),
                    line: Some(e.line() as u64),
                    reason: format!(
                        "JSON syntax error at column {}: {e}; rest of file skipped",
                        e.column()
                    ),
                    skipped: true,
                };
                emit_values(&values, path, &mut index, sink);
                sink(Item::Problem(p));
                return;
            }
        }
    }
    emit_values(&values, path, &mut index, sink);
}

fn emit_values(values: &[Value], path: &str, index: &mut usize, sink: &mut dyn FnMut(Item)) {
    let single = values.len() == 1;
    for v in values {
        *index += 1;
        let id = if single { path.to_string() } else { format!("{path}#{index}") };
        emit_mapped(json::map_value(v, path, id), path, None, sink);
    }
}

fn emit_mapped(
    mapped: Result<json::Mapped, String>,
    path: &str,
    line: Option<u64>,
    sink: &mut dyn FnMut(Item),
) {
    match mapped {
        Ok(m) => {
            for note in m.notes {
                sink(Item::Problem(Problem {
                    path: path.to_string(),
                    line,
                    reason: note,
                    skipped: false,
                }));
            }
            if let Some(a) = m.article {
                sink(Item::Article(Box::new(a)));
            }
        }
        Err(reason) => sink(Item::Problem(Problem {
            path: path.to_string(),
            line,
            reason: format!("{reason}; skipped"),
            skipped: true,
        })),
    }
}

/// JSON lines, streamed: memory holds one line at a time.
fn read_json_lines(
    file: &InputFile,
    reader: Box<dyn Read + Send>,
    sink: &mut dyn FnMut(Item),
    stop: &dyn Fn() -> bool,
) -> u64 {
    let path = file.path.display().to_string();
    let mut reader = BufReader::with_capacity(1 << 20, reader);
    let mut buf = Vec::new();
    let mut total = 0u64;
    let mut line_no = 0u64;
    let mut warned_encoding = false;
    loop {
        if stop() {
            break;
        }
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(n) => total += n as u64,
            Err(e) => {
                let what = if file.gzip { "corrupt or truncated gzip" } else { "read error" };
                sink(Item::Problem(Problem {
                    path: path.clone(),
                    line: Some(line_no + 1),
                    reason: format!("{what}: {e}; rest of file skipped"),
                    skipped: true,
                }));
                break;
            }
        }
        line_no += 1;
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let line_problem = |reason: String, skipped: bool| Problem {
            path: path.clone(),
            line: Some(line_no),
            reason,
            skipped,
        };
        let (text, encoding) = match decode(&buf) {
            Ok(t) => t,
            Err(Undecodable::Binary) => {
                sink(Item::Problem(line_problem(
                    "binary data, not text; line skipped".into(),
                    true,
                )));
                continue;
            }
        };
        if encoding == Encoding::Windows1252 && !warned_encoding {
            warned_encoding = true;
            sink(Item::Problem(line_problem(
                "not UTF-8; read as Windows-1252 (Latin-1)".into(),
                false,
            )));
        }
        match serde_json::from_str::<Value>(&text) {
            Ok(v) => {
                let id = format!("{path}:{line_no}");
                emit_mapped(json::map_value(&v, &id, id.clone()), &path, Some(line_no), sink);
            }
            Err(e) => sink(Item::Problem(line_problem(
                format!("JSON syntax error at column {}: {e}; line skipped", e.column()),
                true,
            ))),
        }
    }
    total
}
