//! Exit codes, as listed in `presse --help`.

use std::process::ExitCode;

/// How a presse command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Done (`search`: at least one hit; `index`: indexed, perhaps with warnings).
    Success = 0,
    /// `search` found nothing (as grep does).
    NoHits = 1,
    /// An error: nothing could be done, or `index` indexed nothing from non-empty input.
    Error = 2,
    /// Interrupted by Ctrl-C (`index` committed what it had read).
    Interrupted = 130,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> ExitCode {
        ExitCode::from(e as u8)
    }
}
