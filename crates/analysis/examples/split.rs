//! Prints the compound split of each word read from stdin (one per line): `word<TAB>parts`.
use std::io::{BufRead, Write};
fn main() {
    let splitter = presse_analysis::compound::CompoundSplitter::default();
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout());
    for line in stdin.lock().lines() {
        let word = line.expect("stdin");
        let folded = presse_analysis::fold::fold(&word);
        let parts: Vec<&str> = splitter.split(&folded).into_iter().map(|r| &folded[r]).collect();
        writeln!(out, "{word}\t{}", parts.join("+")).expect("stdout");
    }
}
