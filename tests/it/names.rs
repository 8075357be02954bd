//! The name recognizer end to end: `eval --names` on the held-out GUM and UNER files (thresholds
//! that only go up), on a small file, and on a bad one; `train --names` on a small corpora folder
//! cut from the shared one (deterministic); and learned names in `build`.

use crate::support::{root, run_in, run_ok};
use std::path::{Path, PathBuf};

fn corpora() -> PathBuf {
    let dir = root().join("../shared/corpora");
    assert!(dir.is_dir(), "{} is missing: the shared corpora must sit beside the checkout", dir.display());
    dir
}

/// The GUM documents of GUM's test split that the shared folder holds.
fn gum_test_files() -> Vec<String> {
    let gum = corpora().join("gum");
    let splits = std::fs::read_to_string(gum.join("splits.md")).unwrap();
    let test_section = splits.split("## test\n").nth(1).unwrap().split("## ").next().unwrap();
    test_section
        .lines()
        .filter_map(|line| line.trim().strip_prefix("* "))
        .map(|name| gum.join(format!("{name}.conllu")))
        .filter(|path| path.exists())
        .map(|path| path.display().to_string())
        .collect()
}

fn names_scores(files: &[String]) -> serde_json::Value {
    let mut args = vec!["eval", "--json", "--names"];
    args.extend(files.iter().map(String::as_str));
    serde_json::from_str(&run_ok(&root(), &args)).expect("eval --names --json prints JSON")
}

fn f1(scores: &serde_json::Value, which: &str) -> f64 {
    scores[which]["f1"].as_f64().unwrap()
}

#[test]
fn held_out_scores_stay_above_their_thresholds() {
    let gum = names_scores(&gum_test_files());
    let uner = names_scores(&[corpora().join("uner-english-ewt/en_ewt-ud-test.iob2").display().to_string()]);
    for (name, scores, typed, untyped) in [("GUM test", &gum, 0.60, 0.66), ("UNER EWT test", &uner, 0.61, 0.66)] {
        eprintln!("{name}: typed F1 {:.4}, untyped F1 {:.4}", f1(scores, "typed"), f1(scores, "untyped"));
        assert!(f1(scores, "typed") >= typed, "{name}: {scores}");
        assert!(f1(scores, "untyped") >= untyped, "{name}: {scores}");
        assert!(scores["per_type"]["PER"]["f1"].as_f64().unwrap() > 0.5, "{name}: {scores}");
    }
}

#[test]
fn eval_names_scores_a_small_file_and_names_a_bad_one() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("small.iob2");
    std::fs::write(
        &good,
        "# newdoc id = d\n1\tPresident\tO\n2\tEmmanuel\tB-PER\n3\tMacron\tI-PER\n4\tvisited\tO\n5\tBerlin\tB-LOC\n6\t.\tO\n",
    )
    .unwrap();
    let table = run_ok(&root(), &["eval", "--names", &good.display().to_string()]);
    assert!(table.contains("typed") && table.contains("untyped") && table.contains("LOC"), "{table}");
    let scores = names_scores(&[good.display().to_string()]);
    assert_eq!(scores["typed"]["gold"], 2);
    assert_eq!(scores["sentences"], 1);

    let bad = dir.path().join("bad.iob2");
    std::fs::write(&bad, "1\tBerlin\tB-CITY\n").unwrap();
    let output = run_in(&root(), &["eval", "--names", &bad.display().to_string()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(stderr.contains("bad.iob2:1") && stderr.contains("CITY"), "{stderr}");

    let plain = dir.path().join("plain.conllu");
    std::fs::write(&plain, "1\tBerlin\t_\tPROPN\t_\t_\t0\troot\t_\t_\n\n").unwrap();
    let output = run_in(&root(), &["eval", "--names", &plain.display().to_string()]);
    assert!(String::from_utf8_lossy(&output.stderr).contains("no Entity= annotation"));
}

/// The first `lines` lines of a shared file, cut at a sentence boundary (a blank line).
fn head(path: &Path, lines: usize) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let mut out = String::new();
    for (idx, line) in text.lines().enumerate() {
        out.push_str(line);
        out.push('\n');
        if idx >= lines && line.is_empty() {
            break;
        }
    }
    out
}

#[test]
fn train_names_on_a_small_corpus_is_deterministic() {
    let shared = corpora();
    let dir = tempfile::tempdir().unwrap();
    let small = dir.path().join("corpora");
    for sub in ["gum", "uner-english-ewt", "ud-english-ewt"] {
        std::fs::create_dir_all(small.join(sub)).unwrap();
    }
    std::fs::copy(shared.join("README.md"), small.join("README.md")).unwrap();
    std::fs::write(small.join("gum/splits.md"), "## train\n\n  * GUM_news_afghan\n\n## test\n\n  * GUM_voyage_oakland\n").unwrap();
    for name in ["GUM_news_afghan", "GUM_voyage_oakland"] {
        std::fs::copy(shared.join(format!("gum/{name}.conllu")), small.join(format!("gum/{name}.conllu"))).unwrap();
    }
    for file in ["en_ewt-ud-dev.iob2", "en_ewt-ud-test.iob2"] {
        std::fs::write(small.join("uner-english-ewt").join(file), head(&shared.join("uner-english-ewt").join(file), 1500)).unwrap();
    }
    for split in ["train", "dev"] {
        let file = format!("en_ewt-ud-{split}.conllu");
        std::fs::write(small.join("ud-english-ewt").join(&file), head(&shared.join("ud-english-ewt").join(&file), 3000)).unwrap();
    }
    let train = |out: &Path| {
        let (corpora, out) = (small.display().to_string(), out.display().to_string());
        run_ok(&root(), &["train", "--names", "--corpora", &corpora, "-o", &out, "--names-iterations", "3"]);
        std::fs::read(out).unwrap()
    };
    let (first, second) = (train(&dir.path().join("a.bin")), train(&dir.path().join("b.bin")));
    assert!(first == second, "training twice gave different bytes");
    let manifest: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dir.path().join("a.manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["licence"], "CC BY-SA 4.0");
    assert!(manifest["sizes"]["features"].as_u64().unwrap() > 1000, "{manifest}");
    assert!(manifest["scores_gold_words"]["gum-test"]["typed"]["gold"].as_u64().unwrap() > 0, "{manifest}");
    assert!(manifest["corpora_commits"].as_array().unwrap().iter().any(|commit| commit.as_str().unwrap().contains("gum")));
}

#[test]
fn build_adds_names_no_rule_finds_without_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("article.txt");
    std::fs::write(
        &article,
        "Lawmakers back harbour deal\n\n\
         Mira Osei of the Harbour Alliance told lawmakers in Tarnowice on Tuesday that the deal would pass. \
         Osei said the Harbour Alliance had the votes, and Ms. Osei thanked Kenya for its support.\n",
    )
    .unwrap();
    let graph = crate::support::build_graph(&[article]);
    let mut found: Vec<(String, String)> =
        graph.graph.node_weights().map(|node| (node.kind.as_str().to_owned(), node.label.clone())).collect();
    found.sort();
    assert!(found.contains(&("Person".into(), "Mira Osei".into())), "{found:?}");
    assert!(found.contains(&("Organization".into(), "Harbour Alliance".into())), "{found:?}");
    assert!(found.contains(&("Country".into(), "Kenya".into())), "{found:?}");
    assert_eq!(found.iter().filter(|(_, label)| label.contains("Osei")).count(), 1, "one node for Mira Osei: {found:?}");
}
