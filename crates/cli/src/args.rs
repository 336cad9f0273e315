//! Command-line arguments (clap derive). Each doc comment is the option's help text.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

const AFTER_HELP: &str = "\
Exit codes: 0 done (search: hits found; index: indexed, maybe with warnings),
            1 search found nothing, 2 error, 130 interrupted (Ctrl-C; index: what was
            read is committed).
The index directory is --index, else $PRESSE_INDEX, else ./presse-index.";

/// Full-text search for German news archives.
#[derive(Debug, Parser)]
#[command(name = "presse", version, about, after_help = AFTER_HELP)]
pub struct Args {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Index article files (.txt, .json, .jsonl, .ndjson, each optionally .gz); directories are
    /// walked recursively. Re-indexing an article replaces it (same id: its url, else its file,
    /// plus the line for JSON lines).
    Index(IndexArgs),
    /// Search the index.
    Search(SearchArgs),
    /// Print one whole article by the id shown with each hit.
    Show(ShowArgs),
    /// Show what the index holds: articles, sources, date range, size, versions.
    Stats(StatsArgs),
}

/// `presse stats`.
#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    /// The index directory.
    #[arg(long, env = "PRESSE_INDEX", default_value = "presse-index")]
    pub index: PathBuf,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `presse index`.
#[derive(Debug, clap::Args)]
#[command(after_help = AFTER_HELP)]
pub struct IndexArgs {
    /// Files or directories to index.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// The index directory.
    #[arg(long, env = "PRESSE_INDEX", default_value = "presse-index")]
    pub index: PathBuf,
    /// Drop everything in the index first and rebuild.
    #[arg(long)]
    pub full: bool,
    /// Memory budget of the index writer, in MiB.
    #[arg(long, value_name = "MIB", default_value_t = 400)]
    pub memory: usize,
    /// Indexing threads (default: one per core).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Follow symbolic links while walking directories.
    #[arg(long)]
    pub follow: bool,
    /// Fail (exit 2) when any file or line had to be skipped.
    #[arg(long)]
    pub strict: bool,
    /// Commit after this many articles, so that a crash or Ctrl-C loses at most that much
    /// work (0: only at the end; a commit also happens at least every minute).
    #[arg(long, value_name = "N", default_value_t = 50_000)]
    pub commit_every: u64,
    /// Print nothing but errors (no warnings, no summary).
    #[arg(long, short)]
    pub quiet: bool,
}

/// When to colour terminal output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// When stdout is a terminal and NO_COLOR is not set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Order of hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    /// Best match first.
    Relevance,
    /// Latest first.
    Newest,
    /// Earliest first.
    Oldest,
}

/// `presse search`.
#[derive(Debug, clap::Args)]
#[command(after_help = concat!("\
Query syntax (optional; plain words are the normal case):
  Impfstoff Zulassung     any of the words; more of them rank higher
  \"exakte Phrase\"         words in this order (inflections still match)
  \"Hof\"                   the word itself, not inside compounds (Seehofer)
  +wort  -wort            required / excluded
  a OR b, (a b)           alternatives, grouping
  wort*   wort~  wort~2   prefix; up to 1 or 2 typos
  title: lead: body: caption: source: author: url:   limit a word to a field
Spelling (ä/ae, ß/ss, Photo/Foto, Lavrov/Lawrow), inflections, compound parts and typos are
handled without syntax.

Exit codes: 0 hits found, 1 no hits, 2 error (bad query, no index)."))]
pub struct SearchArgs {
    /// The query (omit with --batch).
    #[arg(required_unless_present = "batch", allow_hyphen_values = true)]
    pub query: Option<String>,
    /// The index directory.
    #[arg(long, env = "PRESSE_INDEX", default_value = "presse-index")]
    pub index: PathBuf,
    /// Number of hits.
    #[arg(long, short = 'n', default_value_t = 10)]
    pub limit: usize,
    /// Skip this many hits (paging).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Print one JSON document instead of text.
    #[arg(long)]
    pub json: bool,
    /// Run one query per line of FILE (`-` for stdin); prints one JSON object per line.
    #[arg(long, value_name = "FILE")]
    pub batch: Option<PathBuf>,
    /// Only articles published on or after YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only articles published on or before YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Only articles of this outlet, e.g. zeit.de (repeatable, case-insensitive).
    #[arg(long, value_name = "NAME")]
    pub source: Vec<String>,
    /// Only articles by this author.
    #[arg(long, value_name = "NAME")]
    pub author: Option<String>,
    /// Order of hits.
    #[arg(long, value_enum, default_value = "relevance")]
    pub sort: SortArg,
    /// Snippet length in characters (0: no snippets).
    #[arg(long, default_value_t = 200)]
    pub snippet: usize,
    /// At most this many passages per snippet.
    #[arg(long, default_value_t = 3)]
    pub fragments: usize,
    /// Count matches per source and per month (and year) over all hits.
    #[arg(long)]
    pub facets: bool,
    /// Show articles with the same text separately (by default they are shown once, with
    /// "also in").
    #[arg(long)]
    pub no_collapse: bool,
    /// Colour: auto (terminal and NO_COLOR unset), always, never.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorWhen,
}

/// `presse show`.
#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The article id (shown with every hit).
    pub id: String,
    /// The index directory.
    #[arg(long, env = "PRESSE_INDEX", default_value = "presse-index")]
    pub index: PathBuf,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}
