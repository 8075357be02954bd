//! The model commands: `newsgraph parse` and `newsgraph train` (the wiring between the CLI, the
//! [`crate::syntax`] and [`crate::names`] layers and the disk).

use crate::cli::{ParseArgs, TrainArgs};
use crate::error::{Error, Result};
use crate::syntax::{self, conllu, SyntaxModel, SyntaxScratch};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// `newsgraph parse`: CoNLL-U inputs keep their words; everything else is read as articles.
pub fn run_parse(args: &ParseArgs) -> Result<()> {
    let model = SyntaxModel::builtin();
    let (treebanks, articles): (Vec<PathBuf>, Vec<PathBuf>) =
        args.inputs.iter().cloned().partition(|path| path.extension().is_some_and(|ext| ext == "conllu"));
    let mut out = String::new();
    for path in &treebanks {
        let mut sentences = conllu::read_file(path)?;
        syntax::parse::annotate_treebank(model, &mut sentences);
        for sentence in &sentences {
            conllu::write_sentence(sentence, &mut out);
        }
    }
    if !articles.is_empty() {
        let resources = crate::resources::Resources::builtin()?;
        let corpus = crate::document::load::load_paths(&articles, false)?;
        for diagnostic in &corpus.diagnostics {
            eprintln!("newsgraph: warning: {diagnostic}");
        }
        let parsed: Vec<String> = corpus
            .documents
            .into_par_iter()
            .map_init(SyntaxScratch::default, |scratch, document| {
                let (document, segmentation) = crate::pipeline::prepare(&resources, document);
                syntax::parse::parse_document(model, &document, &segmentation, scratch)
            })
            .collect();
        out.extend(parsed);
    }
    match &args.out {
        Some(path) => crate::export::write_atomically(path, out.as_bytes()),
        None => {
            use std::io::Write;
            std::io::stdout().lock().write_all(out.as_bytes()).map_err(|source| Error::Write { path: "standard output".into(), source })
        }
    }
}

/// `newsgraph train`: trains on the corpora, scores on their dev and test sets, and writes the
/// model and its manifest (the syntax model, or with `--names` the name recognizer).
pub fn run_train(args: &TrainArgs) -> Result<()> {
    if args.names {
        return run_train_names(args);
    }
    let started = std::time::Instant::now();
    let mut corpora = syntax::train::read_corpora(&args.corpora)?;
    if args.include_dev {
        corpora.move_into_training("dev");
    }
    let mut options = syntax::train::TrainingOptions { jackknife: args.jackknife, include_dev: args.include_dev, ..Default::default() };
    options.tagger.iterations = args.tagger_iterations;
    options.tagger.prune = args.prune_tagger;
    options.parser.iterations = args.parser_iterations;
    options.parser.prune = args.prune_parser;
    options.parser.members = args.parser_members;
    let mut log = |line: String| eprintln!("newsgraph: train: {line}");
    if args.title_chains {
        let copies = syntax::augment::augment(&corpora.train, &syntax::augment::ChainLists::builtin(), options.parser.seed);
        log(format!("{} copies of training sentences with title chains", copies.len()));
        options.title_chain_copies = copies.len();
        corpora.train.extend(copies);
    }
    let model = syntax::train::train(&corpora.train, &options, &mut log)?;
    let training_seconds = started.elapsed().as_secs_f64();
    let scores = syntax::train::evaluate(&model, &corpora.evaluation);
    for (name, score) in &scores {
        log(format!(
            "{name}: UPOS {:.4} XPOS {:.4} lemma {:.4} UAS {:.4} LAS {:.4} ({} words)",
            score.ratio(score.upos),
            score.ratio(score.xpos),
            score.ratio(score.lemma),
            score.ratio(score.uas),
            score.ratio(score.las),
            score.words
        ));
    }
    let bytes = model.to_bytes();
    let manifest = manifest(&model, &corpora, &options, &scores, &bytes, training_seconds);
    let out = args.out.clone().unwrap_or_else(|| PathBuf::from("models/syntax.bin"));
    write_model(&out, &bytes, &manifest, training_seconds, &mut log)
}

/// `newsgraph train --names`: the name recognizer from GUM's train split and UNER's EWT dev,
/// scored on GUM's test documents and UNER's EWT test.
fn run_train_names(args: &TrainArgs) -> Result<()> {
    use crate::names::train as names;
    let started = std::time::Instant::now();
    let resources = crate::resources::Resources::builtin()?;
    let mut corpora = names::read_corpora(&args.corpora, &resources)?;
    corpora.carve_dev(args.names_dev_every);
    let options = names::NamesOptions {
        iterations: args.names_iterations,
        caps_every: args.names_caps_every,
        prune: args.prune_names,
        outside_bias: args.names_outside_bias,
        seed: args.names_seed,
        members: args.names_members,
        ..Default::default()
    };
    let mut log = |line: String| eprintln!("newsgraph: train: {line}");
    let sentences: usize = corpora.train.iter().map(|document| document.sentences.len()).sum();
    log(format!("training names on {} documents, {sentences} sentences", corpora.train.len()));
    let lexicon = names::pos_lexicon(&corpora.lexicon, options.pos_min_count);
    let model = names::train(&corpora.train, lexicon, &resources, &options, &mut log)?;
    let training_seconds = started.elapsed().as_secs_f64();
    let scores: Vec<(String, crate::names::score::NameScores)> =
        corpora.evaluation.iter().map(|(name, documents)| (name.clone(), names::evaluate(&model, &resources, documents))).collect();
    for (name, score) in &scores {
        log(format!(
            "{name}: typed P {:.4} R {:.4} F1 {:.4}; untyped F1 {:.4} ({} gold names)",
            score.typed.precision(),
            score.typed.recall(),
            score.typed.f1(),
            score.untyped.f1(),
            score.typed.gold
        ));
    }
    if let Some((_, dev)) = corpora.evaluation.iter().find(|(name, _)| name == names::TRAIN_DEV) {
        for bias in names::BIAS_SWEEP {
            let mut biased = model.clone();
            biased.outside_bias = bias;
            let score = names::evaluate(&biased, &resources, dev);
            let (typed, org) = (&score.typed, score.per_type[crate::names::NameType::Organization as usize].recall());
            log(format!(
                "{}: with outside bias {bias:.1}: typed P {:.4} R {:.4} F1 {:.4}; ORG R {org:.4}",
                names::TRAIN_DEV,
                typed.precision(),
                typed.recall(),
                typed.f1()
            ));
        }
    }
    let bytes = model.to_bytes();
    let manifest = names::manifest(&model, &corpora, &options, &scores, &bytes, training_seconds);
    let out = args.out.clone().unwrap_or_else(|| PathBuf::from("models/names.bin"));
    write_model(&out, &bytes, &manifest, training_seconds, &mut log)
}

/// Writes a model file and its manifest beside it.
fn write_model(out: &Path, bytes: &[u8], manifest: &serde_json::Value, seconds: f64, log: &mut dyn FnMut(String)) -> Result<()> {
    crate::export::write_atomically(out, bytes)?;
    let manifest_path = manifest_path(out);
    let text = serde_json::to_string_pretty(manifest).expect("a manifest serializes") + "\n";
    crate::export::write_atomically(&manifest_path, text.as_bytes())?;
    log(format!("wrote {} ({} bytes) and {} in {seconds:.0} s", out.display(), bytes.len(), manifest_path.display()));
    Ok(())
}

/// `models/syntax.bin` → `models/syntax.manifest.json`.
fn manifest_path(model: &Path) -> PathBuf {
    let stem = model.file_stem().and_then(|stem| stem.to_str()).unwrap_or("model");
    model.with_file_name(format!("{stem}.manifest.json"))
}

fn manifest(
    model: &SyntaxModel,
    corpora: &syntax::train::Corpora,
    options: &syntax::train::TrainingOptions,
    scores: &[(String, syntax::score::TreebankScores)],
    bytes: &[u8],
    training_seconds: f64,
) -> serde_json::Value {
    let scores: serde_json::Map<String, serde_json::Value> = scores
        .iter()
        .map(|(name, score)| {
            let ratio = |count| (score.ratio(count) * 10_000.0).round() / 10_000.0;
            (
                name.clone(),
                serde_json::json!({
                    "words": score.words, "upos": ratio(score.upos), "xpos": ratio(score.xpos),
                    "lemma": ratio(score.lemma), "uas": ratio(score.uas), "las": ratio(score.las),
                }),
            )
        })
        .collect();
    let files = syntax::train::manifest_files(&corpora.files);
    serde_json::json!({
        "model": "newsgraph syntax model (English): averaged-perceptron tagger, lemmatizer, arc-hybrid dependency parser",
        "format_version": syntax::model::FORMAT_VERSION,
        "newsgraph_version": env!("CARGO_PKG_VERSION"),
        "bytes": bytes.len(),
        "checksum_fnv1a64": format!("{:016x}", crate::text::fnv1a(bytes)),
        "licence": "CC BY-SA 4.0",
        "attribution": [
            "Universal Dependencies English Web Treebank (UD_English-EWT), CC BY-SA 4.0: Silveira et al. 2014; Universal Dependencies contributors",
            format!("GUM corpus (Zeldes 2017, amir-zeldes/gum), annotations CC BY 4.0, texts CC BY / CC BY-SA per genre ({} only)",
                if options.include_dev { "train and dev splits" } else { "train split" })
        ],
        "corpora_commits": corpora.commits,
        "corpora_files": files,
        "options": options,
        "sizes": syntax::train::sizes(model),
        "scores_gold_tokens": scores,
        "training_seconds_wall_clock": training_seconds.round(),
        "trained_by": "newsgraph train (deterministic: the same corpora and options give the same model bytes)",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_sits_beside_the_model() {
        assert_eq!(manifest_path(Path::new("models/syntax.bin")), PathBuf::from("models/syntax.manifest.json"));
    }
}
