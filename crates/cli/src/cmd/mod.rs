//! One module per subcommand: turn arguments into library calls, hand results to `output`.

pub mod index;
pub mod search;
pub mod show;
pub mod stats;
