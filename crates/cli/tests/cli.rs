//! Integration tests of the `presse` binary over `fixtures/`. One module per concern.

mod util;

/// Kills, interrupts and concurrent writers.
mod crash;
/// Errors and exit codes.
mod errors;
/// Indexing: counts, replacement, summary, bad input.
mod index;
/// `--json` and `--batch`, parsed field by field.
mod json;
/// Disk full, links, the index inside its input, huge lines, pathological queries.
mod robustness;
/// Searching: the German analysis end to end, on the terminal.
mod search;
