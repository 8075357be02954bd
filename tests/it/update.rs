//! `newsgraph build --update DIR`: new articles merged into an existing
//! graph, unchanged ones skipped, changed ones refused; the result is a full
//! rebuild's where the new articles do not resolve names through old ones.

use crate::support;
use std::path::Path;

/// Copies the example articles whose names `pick` accepts into `dir/name`.
fn examples_into(dir: &Path, name: &str, pick: impl Fn(&str) -> bool) -> std::path::PathBuf {
    let folder = dir.join(name);
    std::fs::create_dir_all(&folder).unwrap();
    for entry in std::fs::read_dir(support::examples_dir()).unwrap() {
        let path = entry.unwrap().path();
        let file = path.file_name().unwrap().to_str().unwrap().to_string();
        if pick(&file) {
            std::fs::copy(&path, folder.join(&file)).unwrap();
        }
    }
    folder
}

/// `newsgraph ARGS` in `dir`, asserting success; returns stderr (the summary line).
fn run_stderr(dir: &Path, args: &[&str]) -> String {
    let output = support::run_in(dir, args);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "newsgraph {args:?}: {stderr}");
    stderr
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn update_with_new_articles_equals_a_full_rebuild() {
    let dir = tempfile::tempdir().unwrap();
    examples_into(dir.path(), "articles", |file| file.ends_with(".txt"));
    examples_into(dir.path(), "briefs", |file| file.ends_with(".jsonl"));
    run_stderr(dir.path(), &["build", "articles", "-o", "incremental"]);
    let summary = run_stderr(dir.path(), &["build", "--update", "incremental", "articles", "briefs"]);
    assert!(summary.contains("2 new documents, 7 unchanged skipped, 9 in the graph"), "{summary}");
    // The same relative paths, which graph.json records.
    run_stderr(dir.path(), &["build", "articles", "briefs", "-o", "full"]);
    let full = dir.path().join("full");
    for file in ["graph.json", "graph.dot"] {
        assert_eq!(read(&dir.path().join("incremental").join(file)), read(&full.join(file)), "{file}");
    }
    let graph: serde_json::Value = serde_json::from_str(&read(&full.join("graph.json"))).unwrap();
    for document in graph["graph"]["documents"].as_array().unwrap() {
        assert_eq!(document["hash"].as_str().map(str::len), Some(16), "{document}");
    }

    // Again with nothing new: every document skipped, the same bytes.
    let summary = run_stderr(dir.path(), &["build", "--update", "incremental", "briefs", "articles"]);
    assert!(summary.contains("0 new documents, 9 unchanged skipped, 9 in the graph"), "{summary}");
    assert_eq!(read(&dir.path().join("incremental/graph.json")), read(&full.join("graph.json")));
}

/// Where the new articles lean on the old ones ("the mission" named in an
/// earlier article), the update is the merge of the two builds, as README says.
#[test]
fn update_is_the_merge_of_old_and_new_where_they_lean_on_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let is_early = |file: &str| file.starts_with("2025-0") && file < "2025-07";
    examples_into(dir.path(), "early", |file| is_early(file));
    examples_into(dir.path(), "late", |file| !is_early(file));
    run_stderr(dir.path(), &["build", "early", "-o", "incremental"]);
    run_stderr(dir.path(), &["build", "early", "-o", "early-graph"]);
    run_stderr(dir.path(), &["build", "late", "-o", "late-graph"]);
    run_stderr(dir.path(), &["build", "--update", "incremental", "late"]);
    run_stderr(dir.path(), &["merge", "early-graph/graph.json", "late-graph/graph.json", "-o", "merged"]);
    assert_eq!(read(&dir.path().join("incremental/graph.json")), read(&dir.path().join("merged/graph.json")));
    run_stderr(dir.path(), &["build", "early", "late", "-o", "full"]);
    let edges = |folder: &str| {
        let graph: serde_json::Value = serde_json::from_str(&read(&dir.path().join(folder).join("graph.json"))).unwrap();
        graph["edges"].as_array().unwrap().len()
    };
    assert!(edges("incremental") < edges("full"), "the full build resolves references across the two halves");
}

#[test]
fn update_refuses_a_changed_document_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    std::fs::write(articles.join("talks.txt"), "President Joe Biden met Chancellor Olaf Scholz in Berlin.\n").unwrap();
    run_stderr(dir.path(), &["build", "articles", "-o", "out"]);
    let before = read(&dir.path().join("out/graph.json"));
    std::fs::write(articles.join("talks.txt"), "President Joe Biden met President Emmanuel Macron in Paris.\n").unwrap();
    let output = support::run_in(dir.path(), &["build", "--update", "out", "articles"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("talks.txt") && stderr.contains("document 'talks' has changed"), "{stderr}");
    assert_eq!(read(&dir.path().join("out/graph.json")), before, "the graph is left as it was");
}

#[test]
fn update_names_the_folder_without_a_graph() {
    let dir = tempfile::tempdir().unwrap();
    examples_into(dir.path(), "briefs", |file| file.ends_with(".jsonl"));
    let output = support::run_in(dir.path(), &["build", "--update", "nowhere", "briefs"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("--update nowhere: there is no graph.json"), "{stderr}");
    assert!(!dir.path().join("nowhere").exists());
}
