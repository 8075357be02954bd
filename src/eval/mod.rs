//! `newsgraph eval`: score a `graph.json` against a gold file.
//!
//! [`load_gold`] reads the gold file ([`gold`]), [`evaluate`] compares it
//! with a [`KnowledgeGraph`] ([`score`], where the counting rules are
//! written down), and [`report`] prints the [`Scores`] as a table or JSON.
//!
//! ```
//! use newsgraph::eval::{evaluate, gold::parse_gold};
//! let gold = parse_gold(r#"{"format": 1, "entities": [
//!     {"id": "ghana", "type": "Country", "name": "Ghana"},
//!     {"id": "chile", "type": "Country", "name": "Chile"}]}"#).unwrap();
//! let scores = evaluate(&gold, &newsgraph::graph::sample::sample_graph());
//! assert_eq!((scores.entities_typed.found, scores.entities_typed.r#fn), (1, 1));
//! ```

pub mod gold;
pub mod report;
pub mod score;

pub use gold::{load_gold, Gold};
pub use score::{evaluate, Prf, Scores};

use crate::cli::EvalArgs;
use crate::error::{Error, Result};
use crate::graph::KnowledgeGraph;

/// Runs `newsgraph eval`: prints the scores to stdout. Scoring is not a
/// pass/fail check, so any graph that loads gives `Ok`.
pub fn run_eval(args: &EvalArgs) -> Result<()> {
    if let Some(treebank) = &args.treebank {
        return run_treebank_eval(treebank, args.raw, args.json);
    }
    if !args.names.is_empty() {
        return run_names_eval(&args.names, args.json);
    }
    let (Some(gold), Some(graph)) = (&args.gold, &args.graph) else {
        return Err(Error::Usage("eval needs --gold GOLD GRAPH, --treebank TREEBANK.conllu or --names FILE.conllu|FILE.iob2".into()));
    };
    let gold = load_gold(gold)?;
    let graph = KnowledgeGraph::read(graph)?;
    let scores = evaluate(&gold, &graph);
    if args.json {
        print!("{}", report::to_json(&scores));
    } else {
        print!("{}", report::to_table(&scores));
    }
    Ok(())
}

/// `eval --treebank`: the built-in syntax model on a treebank's gold words (and, with `raw`, its
/// segmentation of the rebuilt text).
fn run_treebank_eval(path: &std::path::Path, raw: bool, json: bool) -> Result<()> {
    let sentences = crate::syntax::conllu::read_file(path)?;
    let model = crate::syntax::SyntaxModel::builtin();
    let scores = crate::syntax::score::score_on_gold_tokens(model, &sentences);
    let segmentation =
        if raw { Some(crate::syntax::score::score_raw(&crate::resources::Resources::builtin()?.lexicon, &sentences)) } else { None };
    if json {
        let value = serde_json::json!({ "gold_tokens": scores, "raw": segmentation });
        println!("{}", serde_json::to_string_pretty(&value).expect("scores serialize"));
        return Ok(());
    }
    println!("{}: {} sentences, {} words (gold tokens)", path.display(), scores.sentences, scores.words);
    for (name, count) in [("UPOS", scores.upos), ("XPOS", scores.xpos), ("lemma", scores.lemma), ("UAS", scores.uas), ("LAS", scores.las)] {
        println!("{name:<10} {:.4}", scores.ratio(count));
    }
    if let Some(raw) = segmentation {
        println!(
            "raw text: words P {:.4} R {:.4} F1 {:.4}; sentences P {:.4} R {:.4} F1 {:.4}",
            raw.matched_words as f64 / raw.predicted_words.max(1) as f64,
            raw.matched_words as f64 / raw.gold_words.max(1) as f64,
            raw.word_f1(),
            raw.matched_sentences as f64 / raw.predicted_sentences.max(1) as f64,
            raw.matched_sentences as f64 / raw.gold_sentences.max(1) as f64,
            raw.sentence_f1()
        );
    }
    Ok(())
}

/// `eval --names`: the built-in name recognizer on the gold words of GUM CoNLL-U files (entity
/// annotation, countries typed from the gazetteer) or UNER `.iob2` files, all files together.
fn run_names_eval(paths: &[std::path::PathBuf], json: bool) -> Result<()> {
    use crate::names::train::{evaluate, read_gum, read_uner};
    let resources = crate::resources::Resources::builtin()?;
    let mut documents = Vec::new();
    for path in paths {
        if path.extension().is_some_and(|ext| ext == "iob2") {
            documents.extend(read_uner(path)?);
        } else {
            let sentences = crate::syntax::conllu::read_file(path)?;
            if !sentences.iter().any(|sentence| sentence.words.iter().any(|word| word.misc.contains("Entity="))) {
                return Err(Error::BadFile {
                    path: path.clone(),
                    message: "no Entity= annotation in the MISC column; --names reads GUM CoNLL-U or UNER .iob2".into(),
                });
            }
            documents.push(read_gum(path, &sentences, &resources)?);
        }
    }
    let scores = evaluate(crate::names::NamesModel::builtin(), &resources, &documents);
    if json {
        println!("{}", serde_json::to_string_pretty(&scores.to_json()).expect("scores serialize"));
    } else {
        println!("{} file(s), {} documents, {} sentences (gold words)", paths.len(), documents.len(), scores.sentences);
        print!("{}", scores.to_table());
    }
    Ok(())
}
