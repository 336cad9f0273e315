//! The baseline of `benches/corpus.sh`: a plain tantivy index of a JSON-lines corpus, set up as
//! in `../shared/eval/PEERS.md` ("tantivy (plain)": simple tokenizer, lower case, German
//! Snowball stemmer, title and body, stored), with the same thread count and memory budget as
//! `presse index`. Measured in the same run as presse, so the ratio is meaningful on a noisy
//! machine.
//!
//! ```text
//! baseline-index CORPUS.jsonl[.gz] INDEX_DIR
//! ```

use std::io::{BufRead, BufReader, Read};
use std::time::Instant;

use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions, STORED, STRING};
use tantivy::{doc, Index};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 3 {
        eprintln!("usage: baseline-index CORPUS.jsonl[.gz] INDEX_DIR");
        std::process::exit(2);
    }
    let started = Instant::now();
    let mut schema = Schema::builder();
    let text = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(presse_benches::BASELINE_TOKENIZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let url = schema.add_text_field("url", STRING | STORED);
    let title = schema.add_text_field("title", text.clone());
    let body = schema.add_text_field("body", text);
    std::fs::create_dir_all(&args[2]).expect("index dir");
    let index = Index::create_in_dir(&args[2], schema.build()).expect("new index");
    index
        .tokenizers()
        .register(presse_benches::BASELINE_TOKENIZER, presse_benches::baseline_analyzer());
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let mut writer = index.writer_with_num_threads(threads, 400 << 20).expect("writer");
    let file = std::fs::File::open(&args[1]).expect("corpus");
    let reader: Box<dyn Read> = if args[1].ends_with(".gz") {
        Box::new(flate2::read::MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    };
    let mut n = 0u64;
    let mut bytes = 0u64;
    for line in BufReader::with_capacity(1 << 20, reader).lines() {
        let line = line.expect("readable corpus");
        bytes += line.len() as u64;
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else { continue };
        let s = |k: &str| v[k].as_str().unwrap_or_default().to_string();
        writer
            .add_document(doc!(url => s("url"), title => s("header"), body => s("article")))
            .expect("add");
        n += 1;
    }
    writer.commit().expect("commit");
    let secs = started.elapsed().as_secs_f64();
    println!(
        "baseline: {n} articles, {:.1} MB in {secs:.1} s ({:.1} MB/s)",
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs
    );
}
