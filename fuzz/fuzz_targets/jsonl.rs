//! JSONL loading from a file: raw lines, or records whose text is structure-aware, then
//! the documents that load through the pipeline.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph_fuzz::{text_from, RESOURCES};

fuzz_target!(|data: &[u8]| {
    let jsonl = match data.split_first() {
        // Records of structure-aware text: one per '\x00'-separated piece.
        Some((&mode, rest)) if mode % 4 == 3 => rest
            .split(|&b| b == 0)
            .enumerate()
            .map(|(idx, piece)| {
                let text = text_from(&[&[1u8][..], piece].concat());
                serde_json::json!({"id": format!("d{idx}"), "text": text, "date": "2025-01-02"}).to_string() + "\n"
            })
            .collect(),
        _ => String::from_utf8_lossy(data).into_owned(),
    };
    // The loader reads files (a line at a time, then each record again by its byte range).
    let path = std::env::temp_dir().join(format!("newsgraph-fuzz-{}.jsonl", std::process::id()));
    std::fs::write(&path, jsonl.as_bytes()).expect("the temporary folder is writable");
    for strict in [false, true] {
        if let Ok(corpus) = newsgraph::document::load::load_paths(std::slice::from_ref(&path), strict) {
            if !strict {
                newsgraph::pipeline::build_graph(&RESOURCES, &corpus.documents, false);
            }
        }
    }
});
