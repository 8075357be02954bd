//! JSONL loading: raw lines, or records whose text is structure-aware, then
//! the documents that load through the pipeline.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph_fuzz::{text_from, RESOURCES};
use std::path::Path;

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
    for strict in [false, true] {
        let mut diagnostics = Vec::new();
        if let Ok(documents) = newsgraph::document::load::parse_jsonl(Path::new("fuzz.jsonl"), &jsonl, strict, &mut diagnostics) {
            let documents: Vec<_> = documents.into_iter().map(|(document, _)| document).collect();
            if !strict {
                newsgraph::pipeline::build_graph(&RESOURCES, &documents, false);
            }
        }
    }
});
