//! Integration tests of `newsgraph eval`: the real binary on the sample
//! graph and a small hand-written gold file, bad inputs, and the seeds gold
//! scoring a graph built from itself perfectly.

use crate::support;
use newsgraph::eval::{evaluate, load_gold};
use newsgraph::graph::{EntityId, EntityNode, KnowledgeGraph, RelationEdge};
use std::path::Path;

/// Gold for `sample_graph()`: Chile and two relations are missed, the
/// mission is typed as a Location (so the node is a type error), Accra and
/// one HOLDS_ROLE are optional, "Security Council" is furniture.
const SAMPLE_GOLD: &str = r#"{
  "format": 1,
  "documents": [{"id": "sample", "path": "sample.txt", "date": "2024-05-06"}],
  "entities": [
    {"id": "ama", "type": "Person", "name": "Ama Mensah", "aliases": ["Mensah"]},
    {"id": "luis", "type": "Person", "name": "Luis Quispe", "aliases": ["Quispe"]},
    {"id": "ghana", "type": "Country", "name": "Ghana", "aliases": ["Ghanaian", "Ghana’s"]},
    {"id": "peru", "type": "Country", "name": "Peru", "aliases": ["Peru's"]},
    {"id": "chile", "type": "Country", "name": "Chile"},
    {"id": "au", "type": "Organization", "name": "The African Union", "aliases": ["A.U."]},
    {"id": "csm", "type": "Location", "name": "Coastal Support Mission"},
    {"id": "res", "type": "Resolution", "name": "Resolution 9001"},
    {"id": "accra", "type": "Location", "name": "Accra", "required": false}
  ],
  "relations": [
    {"source": "ama", "type": "HOLDS_ROLE", "target": "ghana", "attributes": {"role": "President"}},
    {"source": "luis", "type": "MET", "target": "ama", "evidence": ["Mensah met Quispe"]},
    {"source": "luis", "type": "HOLDS_ROLE", "target": "peru", "required": false},
    {"source": "ghana", "type": "MEMBER_OF", "target": "au"},
    {"source": "res", "type": "AUTHORIZES", "target": "csm"},
    {"source": "peru", "type": "ABSTAINED", "target": "res"},
    {"source": "chile", "type": "VOTED_FOR", "target": "res"},
    {"source": "ghana", "type": "OPPOSES", "target": "peru", "evidence": ["Ghana criticized Peru"]}
  ],
  "not_entities": ["Security Council"]
}
"#;

/// A temporary folder with `gold.json` and the sample `graph.json`.
fn sample_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("gold.json"), SAMPLE_GOLD).unwrap();
    std::fs::write(dir.path().join("graph.json"), newsgraph::graph::sample::sample_graph().to_json()).unwrap();
    dir
}

/// The whitespace-separated fields of the table row that starts with `label`.
fn row(table: &str, label: &str) -> Vec<String> {
    let line = table.lines().find(|line| line.starts_with(label)).unwrap_or_else(|| panic!("no row '{label}' in\n{table}"));
    line[label.len()..].split_whitespace().map(str::to_string).collect()
}

#[test]
fn table() {
    let dir = sample_dir();
    let table = support::run_ok(dir.path(), &["eval", "--gold", "gold.json", "graph.json"]);
    //                                    P        R        F1       TP   FP   found FN
    assert_eq!(row(&table, "entities typed"), ["0.750", "0.750", "0.750", "6", "2", "6", "2"], "{table}");
    assert_eq!(row(&table, "entities untyped"), ["0.875", "0.875", "0.875", "7", "1", "7", "1"], "{table}");
    assert_eq!(row(&table, "duplicate nodes"), ["0"]);
    assert_eq!(row(&table, "furniture nodes"), ["1"]);
    assert_eq!(row(&table, "relations"), ["0.714", "0.714", "0.714", "5", "2", "5", "2"], "{table}");
    assert_eq!(row(&table, "  Location"), ["0.000", "0.000", "0.000", "0", "0", "0", "1"], "{table}");
    assert_eq!(row(&table, "  Organization"), ["0.333", "1.000", "0.500", "1", "2", "1", "0"], "{table}");
    assert_eq!(row(&table, "  MET"), ["1.000", "1.000", "1.000", "1", "0", "1", "0"], "{table}");
    assert_eq!(row(&table, "  LEADS"), ["0.000", "0.000", "0.000", "0", "1", "0", "0"], "{table}");
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[1].starts_with("entities typed") && lines[2].starts_with("entities untyped"), "{table}");
    for expected in [
        "false-positive nodes (2):",
        "organization-coastal-support-mission  \"Coastal Support Mission\" (Organization): wrong type (gold: csm (Location))",
        "organization-un-security-council  \"UN Security Council\" (Organization): page furniture",
        "missed entities (2):",
        "chile  \"Chile\" (Country)",
        "csm  \"Coastal Support Mission\" (Location) (found with another type as organization-coastal-support-mission)",
        "false-positive relations (2):",
        "country-ghana LEADS organization-coastal-support-mission: not in gold [leads.x_led]",
        "organization-un-security-council ADOPTED resolution-resolution-9001: an end matches no gold entity [adopted.verb]",
        "missed relations (2):",
        "chile VOTED_FOR res (source not found)",
        "ghana OPPOSES peru \"Ghana criticized Peru\"",
    ] {
        assert!(table.contains(expected), "missing {expected:?} in\n{table}");
    }
}

#[test]
fn json() {
    let dir = sample_dir();
    let stdout = support::run_ok(dir.path(), &["eval", "--gold", "gold.json", "graph.json", "--json"]);
    let scores: serde_json::Value = serde_json::from_str(&stdout).expect("--json prints JSON");
    let keys: Vec<&str> = scores.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "entities_typed",
            "entities_untyped",
            "per_entity_type",
            "duplicate_nodes",
            "furniture_nodes",
            "relations",
            "per_relation_type",
            "counts",
            "duplicates",
            "furniture",
            "false_positive_nodes",
            "missed_entities",
            "false_positive_relations",
            "missed_relations"
        ]
    );
    let typed = &scores["entities_typed"];
    assert_eq!(
        (typed["tp"].as_u64(), typed["fp"].as_u64(), typed["fn"].as_u64(), typed["found"].as_u64()),
        (Some(6), Some(2), Some(2), Some(6))
    );
    assert_eq!(typed["precision"].as_f64(), Some(0.75));
    assert_eq!(scores["entities_untyped"]["recall"].as_f64(), Some(0.875));
    assert_eq!(scores["relations"]["tp"].as_u64(), Some(5));
    assert_eq!(scores["per_relation_type"]["ABSTAINED"]["f1"].as_f64(), Some(1.0));
    assert_eq!(scores["counts"]["optional_nodes"].as_u64(), Some(1));
    assert_eq!(scores["counts"]["optional_relations"].as_u64(), Some(2));
    assert_eq!(scores["furniture"][0]["id"], "organization-un-security-council");
    assert_eq!(scores["false_positive_nodes"][0]["reason"], "wrong_type");
    assert_eq!(scores["false_positive_relations"][1]["reason"], "unmatched_end");
    assert_eq!(scores["missed_relations"][0]["source_found"], false);
    // The same input gives the same bytes.
    assert_eq!(stdout, support::run_ok(dir.path(), &["eval", "--gold", "gold.json", "graph.json", "--json"]));
}

#[test]
fn bad_gold_files_are_errors_naming_the_file() {
    let dir = sample_dir();
    std::fs::write(dir.path().join("broken.json"), "{\"format\": 1, \"entities\": [").unwrap();
    std::fs::write(dir.path().join("planet.json"), r#"{"format": 1, "entities": [{"id": "x", "type": "Planet", "name": "X"}]}"#).unwrap();
    for (gold, message) in [
        ("missing.json", "missing.json: no such file or directory"),
        ("broken.json", "broken.json: not a gold file: EOF"),
        ("planet.json", "planet.json: not a gold file: unknown variant `Planet`"),
        ("graph.json", "graph.json: not a gold file: unknown field"),
    ] {
        let output = support::run_in(dir.path(), &["eval", "--gold", gold, "graph.json"]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{gold}: {stderr}");
        assert!(stderr.contains(message), "{gold}: expected {message:?} in {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(output.stdout.is_empty());
    }
    let output = support::run_in(dir.path(), &["eval", "--gold", "gold.json", "gold.json"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr.contains("gold.json: not a newsgraph graph.json"), "{stderr}");
}

/// A graph with one node per gold entity (named by its name and aliases)
/// and one edge per gold relation.
fn graph_of_gold(gold: &newsgraph::eval::Gold) -> KnowledgeGraph {
    let mut graph = KnowledgeGraph::default();
    let mut index = std::collections::BTreeMap::new();
    for entity in &gold.entities {
        let node = EntityNode {
            id: EntityId(entity.id.clone()),
            kind: entity.kind,
            label: entity.name.clone(),
            aliases: entity.aliases.iter().cloned().collect(),
            names: Default::default(),
            mention_count: 1,
            documents: entity.documents.iter().cloned().collect(),
            document_count: entity.documents.len(),
            mentions: Vec::new(),
        };
        index.insert(entity.id.clone(), graph.add_node(node));
    }
    for relation in &gold.relations {
        let edge = RelationEdge {
            kind: relation.kind,
            attributes: relation.attributes.clone(),
            evidence: Vec::new(),
            confidence: 1.0,
            weight: 1,
            evidence_count: 0,
        };
        graph.graph.add_edge(index[&relation.source], index[&relation.target], edge);
    }
    graph
}

#[test]
fn seeds_gold_scores_its_own_graph_perfectly() {
    let gold = load_gold(&support::seeds_gold()).expect("the seeds gold file loads");
    let scores = evaluate(&gold, &graph_of_gold(&gold));
    for (name, prf) in [("typed", scores.entities_typed), ("untyped", scores.entities_untyped), ("relations", scores.relations)] {
        assert_eq!((prf.precision, prf.recall, prf.fp, prf.r#fn), (1.0, 1.0, 0, 0), "{name}");
    }
    assert_eq!(scores.duplicate_nodes, 0);
    let optional_entities = gold.entities.iter().filter(|entity| !entity.required).count();
    assert_eq!(scores.counts.optional_nodes, optional_entities);
    assert_eq!(scores.entities_typed.tp + optional_entities, gold.entities.len());
}

#[test]
fn seeds_gold_through_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let gold = load_gold(&support::seeds_gold()).unwrap();
    let graph_path = dir.path().join("graph.json");
    std::fs::write(&graph_path, graph_of_gold(&gold).to_json()).unwrap();
    let gold_path = support::seeds_gold();
    let table = support::run_ok(Path::new("."), &["eval", "--gold", &gold_path.display().to_string(), &graph_path.display().to_string()]);
    assert_eq!(row(&table, "entities typed")[..3], ["1.000", "1.000", "1.000"], "{table}");
    assert_eq!(row(&table, "relations")[..3], ["1.000", "1.000", "1.000"], "{table}");
}

#[test]
fn build_then_eval_the_seeds() {
    // Whatever the extractor finds today, every node and edge is counted
    // exactly once, and the gold side matches the gold file.
    let out = support::build_seeds(&[]);
    let gold_path = support::seeds_gold().display().to_string();
    let graph_path = out.path().join("graph.json").display().to_string();
    let stdout = support::run_ok(out.path(), &["eval", "--gold", &gold_path, &graph_path, "--json"]);
    let scores: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let number = |value: &serde_json::Value| value.as_u64().unwrap_or_else(|| panic!("not a count: {value}"));
    let gold = load_gold(&support::seeds_gold()).unwrap();
    let counts = &scores["counts"];
    assert_eq!(number(&counts["gold_entities_required"]), gold.entities.iter().filter(|entity| entity.required).count() as u64);
    let untyped = &scores["entities_untyped"];
    assert_eq!(number(&untyped["found"]) + number(&untyped["fn"]), number(&counts["gold_entities_required"]));
    assert_eq!(number(&untyped["tp"]) + number(&untyped["fp"]) + number(&counts["optional_nodes"]), number(&counts["nodes"]));
    let relations = &scores["relations"];
    assert_eq!(number(&relations["found"]) + number(&relations["fn"]), number(&counts["gold_relations_required"]));
    assert_eq!(number(&relations["tp"]) + number(&relations["fp"]) + number(&counts["optional_relations"]), number(&counts["relations"]));
}
