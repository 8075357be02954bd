//! Helpers shared by the integration tests: the binary, a temporary folder,
//! and paths to the shared seeds corpus and gold file.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The crate root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared/corpus/seeds` beside the checkout.
pub fn seeds_dir() -> PathBuf {
    root().join("../shared/corpus/seeds")
}

/// `../shared/gold/seeds.gold.json` beside the checkout.
pub fn seeds_gold() -> PathBuf {
    root().join("../shared/gold/seeds.gold.json")
}

/// `examples/articles`: the project's own example articles.
pub fn examples_dir() -> PathBuf {
    root().join("examples/articles")
}

/// Runs `newsgraph ARGS` in `dir` and returns its output.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsgraph")).args(args).current_dir(dir).output().expect("newsgraph runs")
}

/// Runs `newsgraph ARGS`, asserts success, and returns stdout.
pub fn run_ok(dir: &Path, args: &[&str]) -> String {
    let output = run_in(dir, args);
    assert!(output.status.success(), "newsgraph {args:?} failed: {}\n{}", output.status, String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("stdout is UTF-8")
}

/// Builds the graph of `inputs`, with extra arguments for `newsgraph build`,
/// into a fresh temporary folder; returns the folder.
pub fn build_with(inputs: &[&Path], extra_args: &[&str]) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let mut args: Vec<String> = vec!["build".into()];
    args.extend(inputs.iter().map(|p| p.display().to_string()));
    args.extend(["-o".into(), out.path().display().to_string()]);
    args.extend(extra_args.iter().map(|a| a.to_string()));
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    run_ok(&root(), &refs);
    out
}

/// Builds the shared seeds corpus with extra arguments for `newsgraph build`;
/// fails, saying why, when the corpus is not beside the checkout.
pub fn build_seeds(extra_args: &[&str]) -> tempfile::TempDir {
    let seeds = seeds_dir();
    assert!(seeds.is_dir(), "{} is missing: the shared seeds corpus must sit beside the checkout", seeds.display());
    build_with(&[&seeds], extra_args)
}

/// Loads `inputs` and builds their graph through the library, as `build` does.
pub fn build_graph(inputs: &[PathBuf]) -> newsgraph::KnowledgeGraph {
    let resources = newsgraph::resources::Resources::builtin().expect("the built-in data loads");
    let corpus = newsgraph::document::load::load_paths(inputs, false).expect("the inputs load");
    newsgraph::pipeline::build_graph(&resources, &corpus.documents, false)
}
