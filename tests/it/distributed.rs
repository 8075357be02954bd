//! The Dask distributed recipe, `scripts/distributed/newsgraph_dask.py`, on
//! real local clusters of two worker processes: a LocalCluster it starts
//! itself, and a `dask scheduler` with two `dask worker` processes started
//! apart (as on a real cluster) that it reaches by address and pushes from to
//! FalkorDB. Both map `build` over shards of a generated corpus and reduce
//! with `merge`; the result must be the single-process build's, byte for
//! byte. Each test prints the recipe's log (`--show-output`).

use crate::falkordb_server::{python, FalkorDbServer};
use crate::support;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const INSTALL_DASK: &str = "install Python 3 and the test requirements (dask distributed): pip install -r tests/requirements.txt";

/// `dir/corpus`: four copies of the example articles, a folder each (ids
/// suffixed `-cN`), and `feed.jsonl`, the example briefs thirty times over
/// (ids suffixed `-jN`), which the shards cut between lines.
fn generated_corpus(dir: &Path) -> PathBuf {
    let corpus = dir.join("corpus");
    let mut briefs = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(support::examples_dir()).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        let text = std::fs::read_to_string(&path).unwrap();
        match path.extension().and_then(|e| e.to_str()) {
            Some("txt") => {
                let stem = path.file_stem().unwrap().to_str().unwrap();
                for copy in 1..=4 {
                    let folder = corpus.join(format!("copy-{copy}"));
                    std::fs::create_dir_all(&folder).unwrap();
                    std::fs::write(folder.join(format!("{stem}-c{copy}.txt")), &text).unwrap();
                }
            }
            Some("jsonl") => briefs.extend(
                text.lines()
                    .filter(|line| !line.trim().is_empty())
                    .map(|line| serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(line).unwrap()),
            ),
            _ => {}
        }
    }
    assert!(!briefs.is_empty(), "examples/articles has no JSONL briefs");
    let mut feed = String::new();
    for copy in 1..=30 {
        for brief in &briefs {
            let mut record = brief.clone();
            let id = format!("{}-j{copy}", record["id"].as_str().unwrap());
            record.insert("id".into(), id.into());
            feed.push_str(&serde_json::to_string(&record).unwrap());
            feed.push('\n');
        }
    }
    std::fs::write(corpus.join("feed.jsonl"), feed).unwrap();
    corpus
}

/// Runs the recipe in `dir` with `args` (and the test binary on the workers);
/// asserts success and returns its log.
fn recipe(dir: &Path, args: &[&str]) -> String {
    let script = support::root().join("scripts/distributed/newsgraph_dask.py");
    let output = Command::new(python())
        .arg(&script)
        .args(args)
        .args(["--binary", env!("CARGO_BIN_EXE_newsgraph")])
        .current_dir(dir)
        .output()
        .unwrap_or_else(|error| panic!("cannot run {}: {error}; {INSTALL_DASK}", python()));
    let log = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{} {args:?} failed ({}); {INSTALL_DASK}\n{log}\n{stderr}", script.display(), output.status);
    println!("$ scripts/distributed/newsgraph_dask.py {}\n{log}", args.join(" "));
    log
}

/// The worker addresses that built shards, as the log names them.
fn build_workers(log: &str) -> BTreeSet<&str> {
    log.lines()
        .filter(|line| line.contains("] built shard "))
        .map(|line| line.split(" on ").nth(1).and_then(|rest| rest.split(' ').next()).unwrap_or_else(|| panic!("{line}")))
        .collect()
}

/// Asserts that `dir/a` and `dir/b` hold the same graph.json and graph.dot.
fn assert_same_output(dir: &Path, a: &str, b: &str) {
    for file in ["graph.json", "graph.dot"] {
        let read = |folder: &str| std::fs::read(dir.join(folder).join(file)).unwrap_or_else(|e| panic!("{folder}/{file}: {e}"));
        assert!(read(a) == read(b), "{a}/{file} and {b}/{file} differ");
    }
}

#[test]
fn dask_local_cluster_builds_the_single_process_graph() {
    let dir = tempfile::tempdir().unwrap();
    generated_corpus(dir.path());
    support::run_ok(dir.path(), &["build", "corpus", "-o", "single"]);
    let log = recipe(dir.path(), &["corpus", "-o", "distributed", "--workers", "2", "--shards", "5", "--whole-folders"]);
    assert!(log.contains(", 2 workers: "), "{log}");
    assert!(log.contains(" in 5 shards (read by the workers)"), "{log}");
    assert_eq!(build_workers(&log).len(), 2, "both worker processes build shards:\n{log}");
    assert!(log.contains("merged level 1 (root)"), "a two-level merge tree:\n{log}");
    assert_same_output(dir.path(), "single", "distributed");
}

/// A process killed (by its pid) when dropped.
struct Process(Child);

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `python -m distributed.cli.MODULE ARGS`, its output in `log`.
fn dask_process(module: &str, args: &[&str], log: &Path) -> Process {
    let log = std::fs::File::create(log).unwrap();
    let child = Command::new(python())
        .args(["-m", &format!("distributed.cli.{module}")])
        .args(args)
        .stdin(Stdio::null())
        .stdout(log.try_clone().unwrap())
        .stderr(log)
        .spawn()
        .unwrap_or_else(|error| panic!("cannot run {}: {error}; {INSTALL_DASK}", python()));
    Process(child)
}

/// The scheduler's address, from the file it writes once it listens (at most 30 s).
fn scheduler_address(file: &Path, log: &Path) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if let Ok(text) = std::fs::read_to_string(file) {
            if let Ok(info) = serde_json::from_str::<serde_json::Value>(&text) {
                return info["address"].as_str().unwrap().to_string();
            }
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("the dask scheduler did not start; {INSTALL_DASK}; its log:\n{}", std::fs::read_to_string(log).unwrap_or_default());
}

#[test]
fn dask_scheduler_and_workers_started_apart_build_ship_and_push() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).display().to_string();
    generated_corpus(dir.path());
    support::run_ok(dir.path(), &["build", "corpus", "-o", "single"]);

    let scheduler_file = dir.path().join("scheduler.json");
    let scheduler_args = ["--host", "127.0.0.1", "--port", "0", "--no-dashboard", "--scheduler-file", &path("scheduler.json")];
    let _scheduler = dask_process("dask_scheduler", &scheduler_args, &dir.path().join("scheduler.log"));
    let address = scheduler_address(&scheduler_file, &dir.path().join("scheduler.log"));
    let _workers: Vec<Process> = (0..2)
        .map(|n| {
            let args =
                ["--scheduler-file", &path("scheduler.json"), "--nthreads", "1", "--no-nanny", "--no-dashboard", "--host", "127.0.0.1"];
            dask_process("dask_worker", &args, &dir.path().join(format!("worker-{n}.log")))
        })
        .collect();
    let database = FalkorDbServer::start();

    // --wait-workers: the recipe waits until both workers have joined the scheduler.
    let args = ["--scheduler", &address, "--wait-workers", "2", "--shards", "3", "--fan-in", "2", "--ship"];
    let push = ["--falkordb", &database.url(), "--graph", "dask"];
    let log = recipe(dir.path(), &[&["corpus", "-o", "distributed", "--whole-folders"][..], &args, &push].concat());
    assert!(log.contains(&format!("scheduler {address}, 2 workers: ")), "{log}");
    assert!(log.contains(" in 3 shards (shipped with the tasks)"), "{log}");
    assert!(log.contains("merged level 1 (root)"), "a two-level merge tree of fan-in 2:\n{log}");
    assert_same_output(dir.path(), "single", "distributed");

    let graph: serde_json::Value = serde_json::from_slice(&std::fs::read(dir.path().join("single/graph.json")).unwrap()).unwrap();
    let mut falkordb = database.connect();
    let nodes = falkordb.count("dask", "MATCH (n:Entity) RETURN count(n)").unwrap();
    let edges = falkordb.count("dask", "MATCH ()-[r]->() RETURN count(r)").unwrap();
    let len = |key: &str| graph[key].as_array().unwrap().len() as i64;
    assert_eq!((nodes, edges), (len("nodes"), len("edges")), "FalkorDB holds the graph:\n{log}");
    assert!(log.contains(&format!("pushed to {} graph dask", database.url())), "{log}");
}

#[test]
fn dask_shards_cover_the_corpus_once_and_cut_jsonl_between_lines() {
    let dir = tempfile::tempdir().unwrap();
    generated_corpus(dir.path());
    let script = support::root().join("tests/python/dask_plan.py");
    let output = Command::new(python())
        .arg(&script)
        .arg("corpus")
        .current_dir(dir.path())
        .output()
        .unwrap_or_else(|error| panic!("cannot run {}: {error}; {INSTALL_DASK}", python()));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{}: {}\n{stdout}", script.display(), String::from_utf8_lossy(&output.stderr));
    // Every shard count from 1 to 12 checked, with and without --whole-folders.
    assert_eq!(stdout.lines().filter(|line| line.starts_with("--shards ")).count(), 24, "{stdout}");
    assert!(stdout.contains("--shards 12: 12 shards of "), "{stdout}");
}

/// A malformed JSONL line in a later shard, under --strict: the recipe fails
/// with exit 2 and newsgraph's error, naming the corpus file and its line.
#[test]
fn dask_recipe_reports_a_bad_line_with_its_corpus_line_number() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = generated_corpus(dir.path());
    let feed = corpus.join("feed.jsonl");
    let mut lines: Vec<String> = std::fs::read_to_string(&feed).unwrap().lines().map(String::from).collect();
    lines[49] = r#"{"id": "broken", "text": "#.to_string();
    std::fs::write(&feed, lines.join("\n") + "\n").unwrap();
    let single = support::run_in(dir.path(), &["build", "corpus", "-o", "single", "--strict"]);
    let expected = String::from_utf8_lossy(&single.stderr).trim().to_string();
    assert!(expected.starts_with("newsgraph: error: corpus/feed.jsonl:50: "), "{expected}");

    let output = Command::new(python())
        .arg(support::root().join("scripts/distributed/newsgraph_dask.py"))
        .args(["corpus", "-o", "distributed", "--workers", "2", "--shards", "3", "--strict"])
        .args(["--binary", env!("CARGO_BIN_EXE_newsgraph")])
        .current_dir(dir.path())
        .output()
        .unwrap_or_else(|error| panic!("cannot run {}: {error}; {INSTALL_DASK}", python()));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("newsgraph_dask: error: shard "), "{stderr}");
    assert!(stderr.contains(&expected), "the single build's error, {expected:?}, in:\n{stderr}");
    assert!(!dir.path().join("distributed/graph.json").exists(), "no output after a failed shard");
}
