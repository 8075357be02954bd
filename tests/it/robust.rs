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

/// `newsgraph build` in `dir`; returns (exit code, stderr).
fn build_in(dir: &Path, inputs: &[&str]) -> (Option<i32>, String) {
    let mut args = vec!["build"];
    args.extend(inputs);
    args.extend(["-o", "out"]);
    let output = support::run_in(dir, &args);
    (output.status.code(), String::from_utf8_lossy(&output.stderr).into_owned())
}

const ARTICLE: &str = "President Ama Mensah of Ghana met Peru's foreign minister in Accra.\n";

#[test]
fn symlink_loop_in_input_folder() {
    // `ln -s . L/a; ln -s . L/b` made the walk recurse until the disk filled.
    let dir = folder_with(&[]);
    let folder = dir.path().join("L");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("a.txt"), ARTICLE).unwrap();
    std::os::unix::fs::symlink(".", folder.join("a")).unwrap();
    std::os::unix::fs::symlink(".", folder.join("b")).unwrap();
    let (code, stderr) = build_in(dir.path(), &["L"]);
    assert_eq!(code, Some(0), "{stderr}");
    let warnings: Vec<&str> = stderr.lines().filter(|line| line.starts_with("newsgraph: warning:")).collect();
    assert_eq!(warnings, ["newsgraph: warning: skipped L/a and 1 more: a link to a folder already read (each folder is read once)"]);
    assert!(stderr.contains("1 documents"), "{stderr}");
}

#[test]
fn self_link_is_no_duplicate_document() {
    // A single `ln -s . L/self` stopped with "duplicate document id 'a'".
    let dir = folder_with(&[("a.txt", ARTICLE)]);
    std::os::unix::fs::symlink(".", dir.path().join("self")).unwrap();
    let (code, stderr) = build_in(dir.path(), &["."]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("warning: skipped ./self: a link to a folder already read"), "{stderr}");
}

#[test]
fn bom_at_start_of_jsonl_keeps_first_record() {
    // The first record was skipped with "expected value at column 1", exit 0.
    let jsonl = "\u{feff}{\"id\":\"a\",\"text\":\"Kenya spoke.\"}\n{\"id\":\"b\",\"text\":\"Peru spoke.\"}\n";
    let dir = folder_with(&[("corpus.jsonl", jsonl)]);
    let (code, stderr) = build_in(dir.path(), &["corpus.jsonl", "--strict"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!stderr.contains("warning"), "{stderr}");
    assert!(stderr.contains("2 documents"), "{stderr}");
}

#[test]
fn bom_at_start_of_text_graph_and_gold() {
    // A .txt keeps the BOM in its text (offsets count it, as in the file) but not in its body.
    let dir = folder_with(&[("a.txt", &format!("\u{feff}{ARTICLE}"))]);
    let graph = build_graph_json(dir.path());
    assert_eq!(graph["edges"][0]["evidence"][0]["sentence_start"], 1, "{graph}");
    // graph.json and a gold file with a BOM read like the same files without one.
    let graph_text = std::fs::read_to_string(dir.path().join("out/graph.json")).unwrap();
    std::fs::write(dir.path().join("bom-graph.json"), format!("\u{feff}{graph_text}")).unwrap();
    let table = support::run_ok(dir.path(), &["query", "--graph", "bom-graph.json", "entity", "Ama Mensah"]);
    assert!(table.contains("Ama Mensah"), "{table}");
    let gold = std::fs::read_to_string(support::root().join("tests/fixtures/heldout/gold.json")).unwrap();
    std::fs::write(dir.path().join("gold.json"), format!("\u{feff}{gold}")).unwrap();
    let scores = support::run_ok(dir.path(), &["eval", "--gold", "gold.json", "bom-graph.json"]);
    assert!(scores.contains("entities typed"), "{scores}");
}

/// Runs `newsgraph ARGS` in `dir`, expecting exit code 2; returns stderr.
fn fails(dir: &Path, args: &[&str]) -> String {
    let output = support::run_in(dir, args);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(2), "newsgraph {args:?}: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

/// The names in `dir`, sorted.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn failed_second_write_keeps_the_old_set() {
    // graph.json was renamed into place before writing graph.dot failed.
    let dir = folder_with(&[("a.txt", ARTICLE), ("b.txt", "Kenya met Peru in Lima.\n")]);
    support::run_ok(dir.path(), &["build", "a.txt", "-o", "out", "--format", "json"]);
    let old = std::fs::read(dir.path().join("out/graph.json")).unwrap();
    std::fs::create_dir(dir.path().join("out/graph.dot")).unwrap();
    let stderr = fails(dir.path(), &["build", "b.txt", "-o", "out"]);
    assert!(stderr.contains("out/graph.dot: is a folder; cannot replace it with the new graph.dot"), "{stderr}");
    assert_eq!(std::fs::read(dir.path().join("out/graph.json")).unwrap(), old, "graph.json was replaced");
    assert_eq!(names_in(&dir.path().join("out")), [".newsgraph.lock", "graph.dot", "graph.json"]);
}

#[test]
fn killed_runs_leave_no_temporary_files() {
    // SIGKILL left `.graph.json.tmp-<pid>` files that later builds never removed.
    let dir = folder_with(&[("a.txt", ARTICLE)]);
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join(".graph.json.tmp-4242"), "left by a killed run").unwrap();
    std::fs::create_dir(out.join(".newsgraph-tmp-4243")).unwrap();
    std::fs::write(out.join(".newsgraph-tmp-4243/graph.json"), "half written").unwrap();
    support::run_ok(dir.path(), &["build", "a.txt", "-o", "out"]);
    assert_eq!(names_in(&out), [".newsgraph.lock", "graph.dot", "graph.json"]);
}

#[test]
fn sigterm_while_building_leaves_a_whole_set() {
    // SIGTERM (and so Ctrl-C) during a build: the old set or the new one, and no temporary files.
    let text: String = ARTICLE.repeat(20_000);
    let dir = folder_with(&[("a.txt", ARTICLE), ("big.txt", &text)]);
    support::run_ok(dir.path(), &["build", "a.txt", "-o", "out"]);
    let old = std::fs::read(dir.path().join("out/graph.json")).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(["build", "big.txt", "-o", "out"])
        .current_dir(dir.path())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    std::process::Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    let status = child.wait().unwrap();
    let json = std::fs::read(dir.path().join("out/graph.json")).unwrap();
    let graph: Value = serde_json::from_slice(&json).expect("graph.json is whole");
    if json != old {
        assert!(status.success(), "a new graph.json but exit {status}");
        assert!(graph["nodes"].as_array().is_some_and(|nodes| !nodes.is_empty()));
    }
    assert_eq!(names_in(&dir.path().join("out")), [".newsgraph.lock", "graph.dot", "graph.json"]);
}

#[test]
fn output_path_that_is_a_file_is_not_a_directory() {
    // "-o FILE" said "File exists".
    let dir = folder_with(&[("a.txt", ARTICLE), ("taken", "keep me")]);
    let stderr = fails(dir.path(), &["build", "a.txt", "-o", "taken"]);
    assert!(stderr.contains("-o taken: not a directory"), "{stderr}");
}

#[test]
fn push_to_a_silent_server_times_out() {
    // A server that accepts the connection and never answers made push hang forever.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("redis://127.0.0.1:{}", listener.local_addr().unwrap().port());
    std::thread::spawn(move || {
        // Hold every connection open without a word.
        let held: Vec<std::net::TcpStream> = listener.incoming().take(4).filter_map(Result::ok).collect();
        std::thread::sleep(std::time::Duration::from_secs(30));
        drop(held);
    });
    let dir = folder_with(&[("a.txt", ARTICLE)]);
    support::run_ok(dir.path(), &["build", "a.txt", "-o", "out"]);
    let stderr = fails(dir.path(), &["push", "out/graph.json", "--falkordb", &url, "--timeout", "1"]);
    assert!(stderr.contains(&format!("FalkorDB at {url}")) && stderr.contains(" within 1 s (--timeout)"), "{stderr}");
}

#[test]
fn push_errors_mask_the_password() {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let dir = folder_with(&[("a.txt", ARTICLE)]);
    support::run_ok(dir.path(), &["build", "a.txt", "-o", "out"]);
    let url = format!("redis://admin:hunter2@127.0.0.1:{port}");
    let stderr = fails(dir.path(), &["push", "out/graph.json", "--falkordb", &url]);
    assert!(!stderr.contains("hunter2"), "{stderr}");
    assert!(stderr.contains(&format!("redis://admin:***@127.0.0.1:{port}")), "{stderr}");
}

#[test]
fn query_options_after_the_subcommand() {
    // `newsgraph query met "Ama Mensah" --graph FILE` was rejected.
    let dir = folder_with(&[("a.txt", ARTICLE)]);
    support::run_ok(dir.path(), &["build", "a.txt", "-o", "built"]);
    let table = support::run_ok(dir.path(), &["query", "entity", "Ama Mensah", "--graph", "built/graph.json"]);
    assert!(table.contains("Ama Mensah"), "{table}");
}

#[test]
fn long_echoed_values_are_shortened() {
    // A 120 KB name came back whole in the error message.
    let dir = folder_with(&[("a.txt", ARTICLE)]);
    support::run_ok(dir.path(), &["build", "a.txt", "-o", "out"]);
    let name = "x".repeat(120_000);
    let stderr = fails(dir.path(), &["query", "--graph", "out/graph.json", "entity", &name]);
    assert!(stderr.len() < 1000, "{} bytes of error", stderr.len());
    assert!(stderr.contains("… (120000 characters in all)"), "{stderr}");
}

#[test]
fn export_checks_its_input_like_query() {
    let dir = folder_with(&[("wrong.json", "{\"nodes\": 3}")]);
    let stderr = fails(dir.path(), &["export", "missing.json", "--format", "graphml", "-o", "g.graphml"]);
    assert!(stderr.contains("missing.json: no such file; write one with `newsgraph build"), "{stderr}");
    let stderr = fails(dir.path(), &["export", "wrong.json", "--format", "graphml", "-o", "g.graphml"]);
    assert!(stderr.contains("wrong.json: not a newsgraph graph.json"), "{stderr}");
    assert!(!dir.path().join("g.graphml").exists());
}
