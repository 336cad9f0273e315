//! Printing: terminal text ([`human`]), JSON ([`json`]) and the index summary ([`summary`]).

pub mod human;
pub mod json;
pub mod summary;

use std::io::IsTerminal;

use crate::args::ColorWhen;

/// Whether to colour stdout: `always`, or `auto` with a terminal and `NO_COLOR` unset or empty.
pub fn use_color(when: ColorWhen) -> bool {
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}
