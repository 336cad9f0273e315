//! Prints the analysis of each word of the arguments: `cargo run --example analyse -- Wörter`.
fn main() {
    let text = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    for w in presse_analysis::analyse_text(&text) {
        let a = &w.analysis;
        let parts: Vec<&str> = a.parts.iter().map(|p| p.term.as_str()).collect();
        println!(
            "{}\tfolded={}\tterm={}\tstop={}\tparts={:?}",
            &text[w.start..w.end],
            a.folded,
            a.term,
            a.stop,
            parts
        );
    }
}
