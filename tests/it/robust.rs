//! Regressions of issue 12 ("never panic, never hang, never half-write"):
//! each test is named after the fault that probing or fuzzing found, and
//! runs the real CLI on the input that showed it.

use crate::support;
use serde_json::Value;
use std::path::Path;

/// Writes `files` (name, contents) into a fresh folder.
fn folder_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, contents) in files {
        std::fs::write(dir.path().join(name), contents).unwrap();
    }
    dir
}

/// Builds `dir` into `dir/out` and returns the graph it wrote.
fn build_graph_json(dir: &Path) -> Value {
    support::run_ok(dir, &["build", ".", "-o", "out"]);
    serde_json::from_str(&std::fs::read_to_string(dir.join("out/graph.json")).unwrap()).unwrap()
}

/// The (source, type, target) of every edge of a graph.json.
fn edges(graph: &Value) -> Vec<(String, String, String)> {
    let field = |edge: &Value, key: &str| edge[key].as_str().unwrap().to_string();
    graph["edges"].as_array().unwrap().iter().map(|e| (field(e, "source"), field(e, "type"), field(e, "target"))).collect()
}

#[test]
fn membership_kind_window_inside_multibyte_char() {
    // The 24-byte window before "non-permanent member of" started inside an "é".
    let sentence = format!("Norway is a {} non-permanent member of the European Free Trade Association.\n", "é".repeat(12));
    let dir = folder_with(&[("a.txt", &sentence)]);
    let graph = build_graph_json(dir.path());
    let edge = &graph["edges"][0];
    assert_eq!(edge["type"], "MEMBER_OF");
    assert_eq!(edge["attributes"]["kind"], "non-permanent member");
    assert_eq!(edges(&graph), [("country-norway".into(), "MEMBER_OF".into(), "organization-european-free-trade-association".into())]);
}

#[test]
fn unpunctuated_text_is_cut_into_bounded_sentences() {
    // 100 KB of article text without end punctuation or line breaks was one
    // sentence, and the subject search over it took about cubic time.
    let article = std::fs::read_to_string(support::examples_dir().join("2025-02-14-accra-maritime-summit.txt")).unwrap();
    let words = article.replace(['.', '!', '?'], "").split_whitespace().collect::<Vec<_>>().join(" ");
    let text: String = words.chars().cycle().take(100_000).collect();
    let resources = newsgraph::resources::Resources::builtin().unwrap();
    let document = newsgraph::document::Document::new(newsgraph::document::DocId("long".into()), "long.txt".into(), text, None);
    let (document, segmentation) = newsgraph::pipeline::prepare(&resources, document);
    let longest = segmentation.sentences.iter().map(|s| s.tokens.len()).max().unwrap();
    assert!(longest <= newsgraph::segment::MAX_SENTENCE_TOKENS, "a sentence of {longest} tokens");
    assert!(segmentation.sentences.len() > 50, "{} sentences", segmentation.sentences.len());
    // The pieces tile the text's tokens in order, so every offset still points into it.
    assert!(segmentation.sentences.windows(2).all(|pair| pair[0].tokens.end == pair[1].tokens.start));
    let graph = newsgraph::pipeline::build_graph(&resources, &[document], false);
    assert!(graph.graph.node_count() > 5, "{} nodes", graph.graph.node_count());
}
