//! `schema/graph.schema.json` against real output: the graphs of the example
//! articles and of the seeds, and the hand-made sample graphs, all validate;
//! documents that drift from the format do not; and every character offset in
//! a real graph points at the text it claims to.

use crate::support;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::Path;

/// The compiled schema, or a panic naming what is wrong with it.
fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(support::root().join("schema/graph.schema.json")).expect("schema/graph.schema.json is readable");
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    jsonschema::validator_for(&schema).expect("the schema is a valid draft 2020-12 schema")
}

/// Asserts that `document` validates, listing every violation otherwise.
fn assert_valid(validator: &jsonschema::Validator, document: &Value, what: &str) {
    let errors: Vec<String> = validator.iter_errors(document).map(|error| format!("{} at {}", error, error.instance_path)).collect();
    assert!(errors.is_empty(), "{what} does not match schema/graph.schema.json:\n{}", errors.join("\n"));
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn built_graphs_match_the_schema() {
    let validator = validator();
    for (what, input) in [("examples", support::examples_dir()), ("seeds", support::seeds_dir())] {
        for extra in [None, Some("--cooccurrence")] {
            let out = support::build_with(&[&input], extra.as_slice());
            let graph = read_json(&out.path().join("graph.json"));
            assert!(!graph["nodes"].as_array().unwrap().is_empty(), "{what}: no nodes");
            assert_valid(&validator, &graph, &format!("the {what} graph ({extra:?})"));
        }
    }
}

#[test]
fn sample_graphs_match_the_schema() {
    let validator = validator();
    for (what, graph) in
        [("sample", newsgraph::graph::sample::sample_graph()), ("adversarial", newsgraph::graph::sample::adversarial_graph())]
    {
        let document: Value = serde_json::from_str(&graph.to_json()).unwrap();
        assert!(!document["edges"].as_array().unwrap().is_empty());
        assert_valid(&validator, &document, what);
    }
}

/// A way to break a valid graph.json, and what it breaks.
type Breakage = (&'static str, fn(&mut Value));

#[test]
fn drifted_documents_are_rejected() {
    let validator = validator();
    let good: Value = serde_json::from_str(&newsgraph::graph::sample::sample_graph().to_json()).unwrap();
    assert_valid(&validator, &good, "sample");
    let breakages: [Breakage; 11] = [
        ("a node without a type", |g| drop(g["nodes"][0].as_object_mut().unwrap().remove("type"))),
        ("an unknown entity type", |g| g["nodes"][0]["type"] = json!("Planet")),
        ("an unknown relation type", |g| g["edges"][0]["type"] = json!("LIKES")),
        ("a field the format does not have", |g| g["nodes"][0]["colour"] = json!("red")),
        ("a negative offset", |g| g["nodes"][0]["mentions"][0]["start"] = json!(-1)),
        ("an offset as a string", |g| g["edges"][0]["evidence"][0]["sentence_end"] = json!("12")),
        ("a confidence above 1", |g| g["edges"][0]["confidence"] = json!(1.5)),
        ("a date that is not YYYY-MM-DD", |g| g["graph"]["documents"][0]["date"] = json!("May 6, 2024")),
        ("an undirected graph", |g| g["directed"] = json!(false)),
        ("no edges list", |g| drop(g.as_object_mut().unwrap().remove("edges"))),
        ("a node id without its type prefix", |g| g["nodes"][0]["id"] = json!("ama-mensah")),
    ];
    for (what, breakage) in breakages {
        let mut broken = good.clone();
        breakage(&mut broken);
        assert!(!validator.is_valid(&broken), "the schema accepts {what}");
    }
}

/// The text of every document of `graph`, read from the paths it records
/// (a JSONL file's record is found by its id).
fn document_texts(graph: &Value) -> BTreeMap<String, String> {
    let mut texts = BTreeMap::new();
    for document in graph["graph"]["documents"].as_array().unwrap() {
        let id = document["id"].as_str().unwrap().to_string();
        let path = Path::new(document["path"].as_str().expect("built graphs record each document's path"));
        let contents = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let text = if path.extension().is_some_and(|e| e == "jsonl") {
            contents
                .lines()
                .filter_map(|line| serde_json::from_str::<Value>(line).ok())
                .find(|record| match &record["id"] {
                    Value::String(record_id) => *record_id == id,
                    Value::Number(record_id) => record_id.to_string() == id,
                    _ => false,
                })
                .and_then(|record| record["text"].as_str().map(str::to_string))
                .unwrap_or_else(|| panic!("{}: no record with id {id}", path.display()))
        } else {
            contents
        };
        texts.insert(id, text);
    }
    texts
}

/// `text[start:end]` as Python slices a str: by Unicode code points.
fn char_slice(text: &str, start: &Value, end: &Value) -> String {
    let (start, end) = (start.as_u64().unwrap() as usize, end.as_u64().unwrap() as usize);
    assert!(start <= end, "offsets {start}..{end} are reversed");
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn offsets_point_at_their_text() {
    for input in [support::examples_dir(), support::seeds_dir()] {
        let out = support::build_with(&[&input], &["--cooccurrence"]);
        let graph = read_json(&out.path().join("graph.json"));
        let texts = document_texts(&graph);
        let mut checked = 0;
        for node in graph["nodes"].as_array().unwrap() {
            for mention in node["mentions"].as_array().unwrap() {
                let text = &texts[mention["doc"].as_str().unwrap()];
                assert_eq!(char_slice(text, &mention["start"], &mention["end"]), mention["text"].as_str().unwrap(), "{}", node["id"]);
                checked += 1;
            }
            // The first five mentions (the default of --evidence), and the count of all.
            let count = node["mention_count"].as_u64().unwrap();
            assert_eq!(node["mentions"].as_array().unwrap().len() as u64, count.min(5), "{}", node["id"]);
        }
        for edge in graph["edges"].as_array().unwrap() {
            for evidence in edge["evidence"].as_array().unwrap() {
                let text = &texts[evidence["doc"].as_str().unwrap()];
                let quote = char_slice(text, &evidence["sentence_start"], &evidence["sentence_end"]);
                assert_eq!(quote, evidence["quote"].as_str().unwrap());
                let trigger = char_slice(text, &evidence["trigger_start"], &evidence["trigger_end"]);
                assert_eq!(trigger, evidence["trigger"].as_str().unwrap());
                checked += 1;
            }
            // The first pieces of evidence (five by default, three for co-occurrence), and the count of all.
            let kept = if edge["type"] == "CO_OCCURS" { 3 } else { 5 };
            let count = edge["evidence_count"].as_u64().unwrap();
            assert_eq!(edge["evidence"].as_array().unwrap().len() as u64, count.min(kept), "{}", edge["key"]);
        }
        assert!(checked > 100, "{}: only {checked} offsets checked", input.display());
    }
}
