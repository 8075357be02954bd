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
    std::fs::write(input.path().join("more-talks.txt"), "President Joe Biden met Chancellor Olaf Scholz. ".repeat(2)).unwrap();
    let out = support::build_with(&[input.path()], &["--evidence", "3"]);
    let graph = read_json(&out.path().join("graph.json"));
    let edge = &graph["edges"][0];
    assert_eq!(edge["type"], "MET");
    assert_eq!(edge["evidence_count"], 14);
    assert_eq!(edge["weight"], 14);
    let starts: Vec<u64> = edge["evidence"].as_array().unwrap().iter().map(|e| e["sentence_start"].as_u64().unwrap()).collect();
    assert_eq!(starts, [0, 48, 0], "the first three sentences, in document order");
    for node in graph["nodes"].as_array().unwrap() {
        assert_eq!(node["mention_count"], 14, "{node}");
        assert_eq!(node["mentions"].as_array().unwrap().len(), 3, "{node}");
        assert_eq!(node["document_count"], 2, "{node}");
    }
    let one = support::build_with(&[input.path()], &["--evidence", "1"]);
    for node in read_json(&one.path().join("graph.json"))["nodes"].as_array().unwrap() {
        assert_eq!(node["documents"], serde_json::json!(["more-talks"]), "the first document by id: {node}");
        assert_eq!(node["document_count"], 2, "{node}");
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

/// Three shards of the seeds and the examples, each built on its own; returns the folder and the graphs' paths.
fn built_shards() -> (tempfile::TempDir, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let mut seeds: Vec<std::path::PathBuf> = std::fs::read_dir(support::seeds_dir()).unwrap().map(|e| e.unwrap().path()).collect();
    seeds.sort();
    let mut examples: Vec<std::path::PathBuf> = std::fs::read_dir(support::examples_dir()).unwrap().map(|e| e.unwrap().path()).collect();
    examples.sort();
    let (first, second) = seeds.split_at(seeds.len() / 2);
    let mut graphs = Vec::new();
    for (name, files) in [("a", first), ("b", second), ("c", examples.as_slice())] {
        let shard = dir.path().join(name);
        std::fs::create_dir(&shard).unwrap();
        for file in files {
            std::fs::copy(file, shard.join(file.file_name().unwrap())).unwrap();
        }
        let out = dir.path().join(format!("out-{name}"));
        support::run_ok(dir.path(), &["build", &shard.display().to_string(), "-o", &out.display().to_string()]);
        graphs.push(out.join("graph.json").display().to_string());
    }
    (dir, graphs)
}

/// `newsgraph merge GRAPHS -o OUT` in `dir`; returns OUT/graph.json's path and bytes.
fn merged(dir: &std::path::Path, graphs: &[&str], out: &str) -> (String, String) {
    let mut args = vec!["merge"];
    args.extend(graphs);
    let out = dir.join(out);
    let out_arg = out.display().to_string();
    args.extend(["-o", &out_arg]);
    support::run_ok(dir, &args);
    let path = out.join("graph.json");
    (path.display().to_string(), std::fs::read_to_string(&path).unwrap())
}

#[test]
fn merge_gives_the_same_bytes_in_any_order_and_grouping() {
    let (dir, graphs) = built_shards();
    let [a, b, c] = [graphs[0].as_str(), graphs[1].as_str(), graphs[2].as_str()];
    let (_, expected) = merged(dir.path(), &[a, b, c], "abc");
    for (idx, order) in [[a, c, b], [b, a, c], [b, c, a], [c, a, b], [c, b, a]].iter().enumerate() {
        assert_eq!(merged(dir.path(), order, &format!("order-{idx}")).1, expected, "order {idx}");
    }
    // ((a b) c), (a (b c)), ((a c) b), ((c a) b).
    for (idx, (pair, rest)) in [([a, b], c), ([b, c], a), ([a, c], b), ([c, a], b)].iter().enumerate() {
        let (partial, _) = merged(dir.path(), pair, &format!("pair-{idx}"));
        assert_eq!(merged(dir.path(), &[&partial, rest], &format!("grouped-{idx}")).1, expected, "grouping {idx}");
        assert_eq!(merged(dir.path(), &[rest, &partial], &format!("grouped-rev-{idx}")).1, expected, "grouping {idx} reversed");
    }
    // One graph merged alone is itself.
    for graph in [a, b, c] {
        assert_eq!(merged(dir.path(), &[graph], "alone").1, std::fs::read_to_string(graph).unwrap());
    }
    // The merge has every document, entity and typed relation type of its shards.
    let all: Value = serde_json::from_str(&expected).unwrap();
    let mut documents = 0;
    for graph in [a, b, c] {
        let shard = read_json(std::path::Path::new(graph));
        documents += shard["graph"]["documents"].as_array().unwrap().len();
        for node in shard["nodes"].as_array().unwrap() {
            let label = node["label"].as_str().unwrap();
            assert!(
                all["nodes"].as_array().unwrap().iter().any(|n| n["aliases"].as_array().unwrap().iter().any(|a| a == label)),
                "{label}"
            );
        }
    }
    assert_eq!(all["graph"]["documents"].as_array().unwrap().len(), documents);
}

#[test]
fn merge_unites_entities_named_in_two_shards() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        std::fs::create_dir_all(dir.path().join(name)).unwrap();
        std::fs::write(dir.path().join(name).join(format!("{name}.txt")), text).unwrap();
    };
    write("one", "The Norwegian Refugee Council (NRC) opened an office in Goma. Foreign Minister Adaeze Okonkwo met Kenya's president.\n");
    write("two", "The NRC said 40,000 people had fled. Foreign Minister Adaeze Okonkwo met Peru's foreign minister.\n");
    let mut graphs = Vec::new();
    for name in ["one", "two"] {
        let out = dir.path().join(format!("out-{name}"));
        support::run_ok(dir.path(), &["build", name, "-o", &out.display().to_string()]);
        graphs.push(out.join("graph.json").display().to_string());
    }
    let (_, json) = merged(dir.path(), &[&graphs[0], &graphs[1]], "merged");
    let graph: Value = serde_json::from_str(&json).unwrap();
    let node =
        |id: &str| graph["nodes"].as_array().unwrap().iter().find(|n| n["id"] == id).cloned().unwrap_or_else(|| panic!("{id}: {json}"));
    let nrc = node("organization-norwegian-refugee-council");
    assert_eq!(nrc["documents"], serde_json::json!(["one", "two"]));
    assert!(nrc["aliases"].as_array().unwrap().iter().any(|a| a == "NRC"));
    let okonkwo = node("person-adaeze-okonkwo");
    assert_eq!(okonkwo["documents"], serde_json::json!(["one", "two"]));
    assert_eq!(okonkwo["names"]["Adaeze Okonkwo"]["entities"], 2);
}

#[test]
fn merge_refuses_shards_that_share_a_document() {
    let input = repeated_meeting(2);
    let out = support::build_with(&[input.path()], &[]);
    let graph = out.path().join("graph.json").display().to_string();
    let output = support::run_in(out.path(), &["merge", &graph, &graph, "-o", "merged"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("document 'talks' is in both"), "{stderr}");
    assert!(!out.path().join("merged").exists());
}
