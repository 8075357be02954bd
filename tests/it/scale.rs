//! Provenance that stays proportional to the graph: `graph.json` keeps the
//! first pieces of evidence and mentions with the counts of all, and
//! `--provenance full` writes all of them to `evidence.jsonl`, which the
//! readers of `graph.json` pick up.

use crate::support;
use serde_json::Value;

/// A folder with one article stating one meeting `times` times.
fn repeated_meeting(times: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("talks.txt"), "President Joe Biden met Chancellor Olaf Scholz. ".repeat(times)).unwrap();
    dir
}

fn read_json(path: &std::path::Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn graph_json_keeps_the_first_evidence_and_counts_all() {
    let input = repeated_meeting(12);
    let out = support::build_with(&[input.path()], &["--evidence", "3"]);
    let graph = read_json(&out.path().join("graph.json"));
    let edge = &graph["edges"][0];
    assert_eq!(edge["type"], "MET");
    assert_eq!(edge["evidence_count"], 12);
    assert_eq!(edge["weight"], 12);
    let starts: Vec<u64> = edge["evidence"].as_array().unwrap().iter().map(|e| e["sentence_start"].as_u64().unwrap()).collect();
    assert_eq!(starts, [0, 48, 96], "the first three sentences, in document order");
    for node in graph["nodes"].as_array().unwrap() {
        assert_eq!(node["mention_count"], 12, "{node}");
        assert_eq!(node["mentions"].as_array().unwrap().len(), 3, "{node}");
    }
    assert!(!out.path().join("evidence.jsonl").exists());
}

#[test]
fn full_provenance_goes_to_evidence_jsonl_and_readers_use_it() {
    let input = repeated_meeting(12);
    let out = support::build_with(&[input.path()], &["--evidence", "2", "--provenance", "full"]);
    let graph = read_json(&out.path().join("graph.json"));
    assert_eq!(graph["edges"][0]["evidence"].as_array().unwrap().len(), 2);
    let side = std::fs::read_to_string(out.path().join("evidence.jsonl")).unwrap();
    let lines: Vec<Value> = side.lines().map(|line| serde_json::from_str(line).unwrap()).collect();
    let evidence: Vec<&Value> = lines.iter().filter(|line| line["record"] == "evidence").collect();
    let mentions: Vec<&Value> = lines.iter().filter(|line| line["record"] == "mention").collect();
    assert_eq!(evidence.len(), 12);
    assert_eq!(mentions.len(), 24);
    assert!(evidence.iter().all(|e| e["source"] == "person-joe-biden" && e["target"] == "person-olaf-scholz" && e["key"] == "MET"));

    // `query` reads the side file: all twelve quotes, not the two of graph.json.
    let graph_path = out.path().join("graph.json").display().to_string();
    let answer: Value =
        serde_json::from_str(&support::run_ok(out.path(), &["query", "-g", &graph_path, "--json", "met", "Biden"])).unwrap();
    let text = answer.to_string();
    assert_eq!(text.matches("\"sentence_start\"").count(), 12, "{text}");

    // A side file that does not fit the graph is an error naming it.
    std::fs::write(out.path().join("evidence.jsonl"), side.lines().skip(1).collect::<Vec<_>>().join("\n")).unwrap();
    let output = support::run_in(out.path(), &["query", "-g", &graph_path, "met", "Biden"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("evidence.jsonl") && stderr.contains("evidence_count is 12"), "{stderr}");

    // A later build without full provenance removes the stale side file.
    support::run_ok(out.path(), &["build", &input.path().display().to_string(), "-o", &out.path().display().to_string()]);
    assert!(!out.path().join("evidence.jsonl").exists());
}
