//! Integration tests of `newsgraph build` as a user meets it: bad input gets
//! a clear message naming the file (and line) and exit code 2, never a
//! panic; a failed run leaves the previous output alone; the same input
//! gives the same bytes.

use crate::support;
use std::path::Path;

/// Runs `newsgraph ARGS` in `dir`, asserts it fails with exit code 2 and a
/// message containing each of `expected`, and returns stderr.
fn fails(dir: &Path, args: &[&str], expected: &[&str]) -> String {
    let output = support::run_in(dir, args);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(2), "newsgraph {args:?}: {stderr}");
    assert!(!stderr.contains("panicked"), "newsgraph {args:?} panicked: {stderr}");
    assert!(stderr.starts_with("newsgraph: error: "), "newsgraph {args:?}: {stderr}");
    for message in expected {
        assert!(stderr.contains(message), "newsgraph {args:?}: expected {message:?} in {stderr}");
    }
    stderr
}

/// A folder with one good article, `good.txt`.
fn folder_with_good_article() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("good.txt"),
        "Envoys Meet\ndate 2025-01-02\n\nPresident Ama Mensah of Ghana met Peru's foreign minister.\n",
    )
    .unwrap();
    dir
}

#[test]
fn missing_path() {
    let dir = folder_with_good_article();
    fails(dir.path(), &["build", "good.txt", "nowhere.txt", "-o", "out"], &["nowhere.txt: no such file or directory"]);
    assert!(!dir.path().join("out").exists(), "a failed build created its output folder");
}

#[test]
fn unreadable_file() {
    // A symbolic link to itself cannot be read, even by root.
    let dir = folder_with_good_article();
    std::os::unix::fs::symlink("loop.txt", dir.path().join("loop.txt")).unwrap();
    fails(dir.path(), &["build", ".", "-o", "out"], &["loop.txt: cannot read: "]);
}

#[test]
fn binary_file() {
    let dir = folder_with_good_article();
    std::fs::write(dir.path().join("photo.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    fails(dir.path(), &["build", ".", "-o", "out"], &["photo.txt: looks like a binary file (NUL byte at byte 8)"]);
}

#[test]
fn invalid_utf8() {
    let dir = folder_with_good_article();
    std::fs::write(dir.path().join("latin1.txt"), b"Talks in Bogot\xe1\nThe minister visited Bogot\xe1.\n").unwrap();
    fails(dir.path(), &["build", ".", "-o", "out"], &["latin1.txt:1: invalid UTF-8 at byte 14; save the file as UTF-8"]);
    std::fs::write(dir.path().join("latin1.txt"), b"Talks\n{\"id\": \"a\", \"text\": \"Bogot\xe1\"}\n").unwrap();
    std::fs::rename(dir.path().join("latin1.txt"), dir.path().join("latin1.jsonl")).unwrap();
    fails(dir.path(), &["build", ".", "-o", "out"], &["latin1.jsonl:2: invalid UTF-8 at byte 32"]);
}

#[test]
fn empty_file() {
    let dir = folder_with_good_article();
    std::fs::write(dir.path().join("empty.md"), " \n\n").unwrap();
    fails(dir.path(), &["build", ".", "-o", "out"], &["empty.md: file is empty"]);
}

#[test]
fn no_articles_in_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.pdf"), "not an article").unwrap();
    fails(dir.path(), &["build", ".", "-o", "out"], &["no documents found under .; expected .txt, .md or .jsonl files"]);
}

const JSONL_WITH_A_BAD_LINE: &str = concat!(
    "{\"id\": \"a\", \"title\": \"Talks\", \"date\": \"2025-03-01\", \"text\": \"Foreign Minister Ama Mensah of Ghana visited Peru.\"}\n",
    "{\"id\": \"b\", \"text\": \"unterminated\n",
    "\n",
    "{\"id\": \"c\", \"text\": \"Chile and Peru held talks in Lima.\"}\n",
);

#[test]
fn malformed_jsonl_line_is_skipped_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("corpus.jsonl"), JSONL_WITH_A_BAD_LINE).unwrap();
    let output = support::run_in(dir.path(), &["build", "corpus.jsonl", "-o", "out"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("newsgraph: warning: corpus.jsonl:2: malformed JSONL record: EOF while parsing a string at column"),
        "{stderr}"
    );
    assert!(stderr.contains("line skipped"), "{stderr}");
    assert!(stderr.contains("newsgraph: 2 documents,") && stderr.contains("(1 line skipped)"), "{stderr}");
    let graph: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dir.path().join("out/graph.json")).unwrap()).unwrap();
    let ids: Vec<&str> = graph["graph"]["documents"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "c"]);
    assert_eq!(graph["graph"]["documents"][0]["title"], "Talks");
    assert_eq!(graph["graph"]["documents"][0]["date"], "2025-03-01");
}

#[test]
fn strict_makes_a_malformed_jsonl_line_fatal() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("corpus.jsonl"), JSONL_WITH_A_BAD_LINE).unwrap();
    fails(dir.path(), &["build", "--strict", "corpus.jsonl", "-o", "out"], &["corpus.jsonl:2: malformed JSONL record"]);
    assert!(!dir.path().join("out").exists());
}

#[test]
fn jsonl_records_that_break_the_format() {
    let dir = tempfile::tempdir().unwrap();
    for (line, message) in [
        ("[1, 2]", "malformed JSONL record: found an array, expected an object with \"id\" and \"text\""),
        ("{\"id\": \"x\", \"text\": 5}", "malformed JSONL record: invalid type: integer `5`, expected a string"),
        ("{\"text\": \"No id.\"}", "malformed JSONL record: missing field `id`"),
        ("{\"id\": \"\", \"text\": \"Blank id.\"}", "\"id\" must be a non-empty string or a number"),
        ("{\"id\": \"x\", \"text\": \"  \"}", "record 'x' has an empty \"text\""),
        ("{\"id\": \"x\", \"text\": \"Dated.\", \"date\": \"03/01/2025\"}", "record 'x' has date \"03/01/2025\"; expected YYYY-MM-DD"),
    ] {
        std::fs::write(dir.path().join("one.jsonl"), format!("{line}\n")).unwrap();
        fails(dir.path(), &["build", "--strict", "one.jsonl", "-o", "out"], &[&format!("one.jsonl:1: {message}")]);
        // Without --strict the line is skipped, and no documents are left.
        fails(
            dir.path(),
            &["build", "one.jsonl", "-o", "out"],
            &["no documents found under one.jsonl", "1 malformed JSONL line was skipped: one.jsonl:1:"],
        );
    }
}

#[test]
fn duplicate_ids() {
    let dir = folder_with_good_article();
    std::fs::create_dir(dir.path().join("more")).unwrap();
    std::fs::copy(dir.path().join("good.txt"), dir.path().join("more/good.md")).unwrap();
    fails(dir.path(), &["build", ".", "-o", "out"], &["duplicate document id 'good' in ./good.txt and ./more/good.md"]);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("corpus.jsonl"),
        "{\"id\": 7, \"text\": \"Peru voted.\"}\n{\"id\": \"8\", \"text\": \"Chile voted.\"}\n{\"id\": \"7\", \"text\": \"Again.\"}\n",
    )
    .unwrap();
    fails(dir.path(), &["build", "corpus.jsonl", "-o", "out"], &["duplicate document id '7' in corpus.jsonl:1 and corpus.jsonl:3"]);
}

#[test]
fn a_failed_run_leaves_the_previous_output_intact() {
    let dir = folder_with_good_article();
    support::run_ok(dir.path(), &["build", "good.txt", "-o", "out"]);
    let before: Vec<(String, Vec<u8>)> = ["graph.json", "graph.dot"]
        .iter()
        .map(|name| (name.to_string(), std::fs::read(dir.path().join("out").join(name)).unwrap()))
        .collect();
    assert!(before[0].1.len() > 100);
    std::fs::write(dir.path().join("broken.txt"), b"caf\xe9").unwrap();
    fails(dir.path(), &["build", "good.txt", "broken.txt", "-o", "out"], &["broken.txt:1: invalid UTF-8"]);
    fails(dir.path(), &["build", "good.txt", "gone.txt", "-o", "out"], &["gone.txt: no such file or directory"]);
    for (name, contents) in &before {
        assert_eq!(&std::fs::read(dir.path().join("out").join(name)).unwrap(), contents, "{name} changed");
    }
    let mut left: Vec<String> =
        std::fs::read_dir(dir.path().join("out")).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    left.sort();
    assert_eq!(left, [".newsgraph.lock", "graph.dot", "graph.json"], "temporary files left behind");
    // An output path that is a file is a clear error, and the file is untouched.
    std::fs::write(dir.path().join("taken"), "keep me").unwrap();
    fails(dir.path(), &["build", "good.txt", "-o", "taken"], &["-o taken: not a directory"]);
    assert_eq!(std::fs::read_to_string(dir.path().join("taken")).unwrap(), "keep me");
}

#[test]
fn same_input_gives_byte_identical_output() {
    let examples = support::examples_dir();
    let files: Vec<_> = std::fs::read_dir(&examples).unwrap().map(|e| e.unwrap().path()).collect();
    assert!(files.len() >= 7, "examples/articles has {} files", files.len());
    let out = tempfile::tempdir().unwrap();
    let run = |name: &str, inputs: &[&Path], threads: &str| {
        let mut args: Vec<String> = vec!["build".into()];
        args.extend(inputs.iter().map(|p| p.display().to_string()));
        args.extend(["-o".into(), out.path().join(name).display().to_string(), "--threads".into(), threads.into()]);
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_newsgraph")).args(&args).current_dir(support::root()).output().unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        ["graph.json", "graph.dot"].map(|file| std::fs::read(out.path().join(name).join(file)).unwrap())
    };
    let mut forward: Vec<&Path> = files.iter().map(|p| p.as_path()).collect();
    forward.sort();
    let mut backward = forward.clone();
    backward.reverse();
    let first = run("first", &forward, "2");
    assert_eq!(first, run("second", &forward, "2"), "two runs differ");
    assert_eq!(first, run("one-thread", &forward, "1"), "one thread and two threads differ");
    assert_eq!(first, run("reversed", &backward, "2"), "the order of the inputs changes the output");
}

/// Redoing the first pass (a corpus above `--first-pass-mb`) gives the graph holding it gives.
#[test]
fn a_redone_first_pass_gives_the_same_graph() {
    let examples = support::examples_dir();
    let held = support::build_with(&[examples.as_path()], &[]);
    let redone = support::build_with(&[examples.as_path()], &["--first-pass-mb", "0"]);
    for file in ["graph.json", "graph.dot"] {
        assert!(
            std::fs::read(held.path().join(file)).unwrap() == std::fs::read(redone.path().join(file)).unwrap(),
            "{file} differs when the first pass is redone"
        );
    }
}
