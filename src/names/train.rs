//! Training the names model: `newsgraph train --names`.
//!
//! The corpora folder is laid out as `../shared/corpora/` is. The model learns from the named
//! mentions of the GUM documents of GUM's train split ([`super::convert`]) and from UNER's
//! annotation of EWT dev (`uner-english-ewt/en_ewt-ud-dev.iob2`); it is scored on GUM's test
//! documents and on UNER's EWT test file, which it never sees. The part-of-speech lexicon counts
//! the gold UPOS of EWT train and dev and of GUM's train documents (never EWT test, whose
//! sentences are UNER's test).
//!
//! Every pass over the data visits the documents in a seeded order, tags each document twice
//! (the second time with the document features the first pass gives) and learns from both; one
//! sentence in `caps_every` is shown in capitals. Everything is seeded and iterates in a fixed
//! order: the same corpora and options give the same model file, byte for byte.

use super::convert::{gum_document, uner_documents};
use super::features::{GazetteerHit, SentenceWords, WordLists};
use super::model::{document_atoms, tag_sentence, NamesModel, NamesScratch, SentenceInput, WordSource};
use super::score::NameScores;
use super::{decode, encode, NamedDocument, N_LABELS, OUTSIDE};
use crate::error::{Error, Result};
use crate::kinds::EntityKind;
use crate::resources::Resources;
use crate::span::Span;
use crate::syntax::conllu;
use crate::syntax::perceptron::{best_class, Trainer};
use crate::syntax::train::{manifest_files, read_commits, read_gum_splits, CorpusFile};
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

/// How to train.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct NamesOptions {
    pub iterations: usize,
    /// One training sentence in this many is shown in capitals (0: none).
    pub caps_every: u32,
    /// Averaged weights smaller than this are dropped from the model.
    pub prune: f32,
    /// A form enters the part-of-speech lexicon when the treebanks have it this often.
    pub pos_min_count: u32,
    pub seed: u64,
    /// Members of the mixture: each is trained on its own order of the documents (seeds `seed`,
    /// `seed + 1`, …) and the model is the mean of their averaged weights, which steadies the
    /// scores against the luck of one order.
    pub members: usize,
    /// The model's [`NamesModel::outside_bias`].
    pub outside_bias: f32,
}

/// The outside-class biases `newsgraph train --names --names-dev-every N` scores on `train-dev`.
pub const BIAS_SWEEP: [f32; 8] = [0.0, 1.0, 2.0, 3.0, 4.0, 6.0, 8.0, 10.0];

/// The name of the evaluation set [`NamesCorpora::carve_dev`] makes from the training documents.
pub const TRAIN_DEV: &str = "train-dev";

impl Default for NamesOptions {
    fn default() -> NamesOptions {
        NamesOptions { iterations: 12, caps_every: 10, prune: 0.1, pos_min_count: 2, seed: 17, members: 4, outside_bias: 0.0 }
    }
}

/// The training and evaluation documents read from a corpora folder.
pub struct NamesCorpora {
    pub train: Vec<NamedDocument>,
    /// Named evaluation sets ("gum-test", "uner-test").
    pub evaluation: Vec<(String, Vec<NamedDocument>)>,
    /// The treebanks the part-of-speech lexicon counts.
    pub lexicon: Vec<conllu::TreebankSentence>,
    pub files: Vec<CorpusFile>,
    pub commits: Vec<String>,
}

/// Reads GUM, UNER and EWT from `dir` (the layout of `../shared/corpora/`).
pub fn read_corpora(dir: &Path, resources: &Resources) -> Result<NamesCorpora> {
    let mut corpora = NamesCorpora {
        train: Vec::new(),
        evaluation: vec![("gum-test".into(), Vec::new()), ("uner-test".into(), Vec::new())],
        lexicon: Vec::new(),
        files: Vec::new(),
        commits: read_commits(&dir.join("README.md")),
    };
    let gum = dir.join("gum");
    let splits = read_gum_splits(&gum.join("splits.md"))?;
    for (split, name) in &splits {
        let role = match split.as_str() {
            "train" => "train",
            "test" => "gum-test",
            _ => continue,
        };
        let path = gum.join(format!("{name}.conllu"));
        if !path.exists() {
            continue;
        }
        let sentences = conllu::read_file(&path)?;
        let document = read_gum(&path, &sentences, resources)?;
        corpora.add(&path, role, vec![document]);
        if role == "train" {
            corpora.lexicon.extend(sentences);
        }
    }
    let uner = dir.join("uner-english-ewt");
    for (file, role) in [("en_ewt-ud-dev.iob2", "train"), ("en_ewt-ud-test.iob2", "uner-test")] {
        let path = uner.join(file);
        corpora.add(&path, role, read_uner(&path)?);
    }
    for split in ["train", "dev"] {
        let path = dir.join("ud-english-ewt").join(format!("en_ewt-ud-{split}.conllu"));
        let sentences = conllu::read_file(&path)?;
        corpora.files.push(CorpusFile {
            path: path.display().to_string(),
            role: "part-of-speech lexicon".into(),
            sentences: sentences.len(),
            words: sentences.iter().map(|sentence| sentence.words.len()).sum(),
        });
        corpora.lexicon.extend(sentences);
    }
    Ok(corpora)
}

/// One GUM file's named mentions, countries typed by `resources`' gazetteer.
pub fn read_gum(path: &Path, sentences: &[conllu::TreebankSentence], resources: &Resources) -> Result<NamedDocument> {
    let is_country =
        |name: &str| resources.gazetteer.lookup(name).is_some_and(|entry| resources.gazetteer.entry(entry).kind == EntityKind::Country);
    let id = path.file_stem().and_then(|stem| stem.to_str()).unwrap_or_default();
    gum_document(id, sentences, &is_country).map_err(|(line, message)| Error::BadLine { path: path.to_owned(), line, message })
}

/// A UNER `.iob2` file's documents.
pub fn read_uner(path: &Path) -> Result<Vec<NamedDocument>> {
    let text = crate::document::load::read_text(path)?;
    uner_documents(&text).map_err(|(line, message)| Error::BadLine { path: path.to_owned(), line, message })
}

impl NamesCorpora {
    /// Moves every `every`-th training document (the last of each group of `every`, in reading
    /// order) into an evaluation set named [`TRAIN_DEV`], for tuning options and features
    /// without looking at the test files; 0 moves none.
    pub fn carve_dev(&mut self, every: usize) {
        if every == 0 {
            return;
        }
        let (mut train, mut dev) = (Vec::new(), Vec::new());
        for (idx, document) in std::mem::take(&mut self.train).into_iter().enumerate() {
            if idx % every == every - 1 { &mut dev } else { &mut train }.push(document);
        }
        self.train = train;
        self.evaluation.insert(0, (TRAIN_DEV.to_owned(), dev));
    }

    fn add(&mut self, path: &Path, role: &str, documents: Vec<NamedDocument>) {
        let sentences = documents.iter().map(|document| document.sentences.len()).sum();
        let words = documents.iter().flat_map(|document| &document.sentences).map(|sentence| sentence.forms.len()).sum();
        self.files.push(CorpusFile { path: path.display().to_string(), role: role.into(), sentences, words });
        match self.evaluation.iter_mut().find(|(name, _)| name == role) {
            Some((_, set)) => set.extend(documents),
            None => self.train.extend(documents),
        }
    }
}

/// A document laid out as text: its sentences' words joined by spaces, one sentence a line.
pub struct LaidOut {
    pub text: String,
    /// Each sentence's word spans.
    pub sentences: Vec<Vec<Span>>,
    /// Each sentence's gazetteer hits.
    pub hits: Vec<Vec<GazetteerHit>>,
}

impl LaidOut {
    /// Lays out `document` (in capitals when `caps`) and finds the gazetteer hits in it.
    pub fn new(document: &NamedDocument, resources: &Resources, caps: bool) -> LaidOut {
        let mut laid = LaidOut { text: String::new(), sentences: Vec::new(), hits: Vec::new() };
        for sentence in &document.sentences {
            let start = laid.text.len();
            let mut spans = Vec::with_capacity(sentence.forms.len());
            for form in &sentence.forms {
                if laid.text.len() > start {
                    laid.text.push(' ');
                }
                let at = laid.text.len();
                if caps {
                    laid.text.extend(form.chars().flat_map(char::to_uppercase));
                } else {
                    laid.text.push_str(form);
                }
                spans.push(Span::new(at, laid.text.len()));
            }
            laid.hits.push(gazetteer_hits(resources, &laid.text, Span::new(start, laid.text.len())));
            laid.text.push('\n');
            laid.sentences.push(spans);
        }
        laid
    }

    /// The sentences as the tagger takes them.
    pub fn inputs(&self) -> Vec<SentenceInput<'_>> {
        self.sentences.iter().zip(&self.hits).map(|(tokens, hits)| SentenceInput { tokens, hits }).collect()
    }
}

/// The gazetteer hits in `text[within]`, as recognizer atoms.
pub fn gazetteer_hits(resources: &Resources, text: &str, within: Span) -> Vec<GazetteerHit> {
    resources
        .gazetteer
        .find(text, within)
        .into_iter()
        .map(|hit| GazetteerHit { span: hit.span, kind: resources.gazetteer.entry(hit.surface.entry).kind, demonym: hit.surface.demonym })
        .collect()
}

/// The part-of-speech lexicon: the UPOS names, and form and lowercase tables (hash → index).
pub type PosLexicon = (Vec<String>, Vec<(u64, u8)>, Vec<(u64, u8)>);

/// Counts the gold UPOS of every form in `sentences`; a form seen `min_count` times or more maps
/// to its most frequent UPOS (ties: the first in alphabetical order).
pub fn pos_lexicon(sentences: &[conllu::TreebankSentence], min_count: u32) -> PosLexicon {
    use crate::syntax::features::hash_str;
    let names: Vec<String> = sentences
        .iter()
        .flat_map(|sentence| sentence.words.iter().map(|word| word.upos.clone()))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut forms: FxHashMap<u64, BTreeMap<u8, u32>> = FxHashMap::default();
    let mut lower: FxHashMap<u64, BTreeMap<u8, u32>> = FxHashMap::default();
    for word in sentences.iter().flat_map(|sentence| &sentence.words) {
        let pos = names.binary_search(&word.upos).unwrap_or(0) as u8;
        *forms.entry(hash_str(&word.form, false)).or_default().entry(pos).or_default() += 1;
        *lower.entry(hash_str(&word.form, true)).or_default().entry(pos).or_default() += 1;
    }
    let table = |counts: FxHashMap<u64, BTreeMap<u8, u32>>| {
        let mut table: Vec<(u64, u8)> = counts
            .into_iter()
            .filter(|(_, by_pos)| by_pos.values().sum::<u32>() >= min_count)
            .map(|(key, by_pos)| {
                let (&pos, _) = by_pos.iter().max_by_key(|&(&pos, &count)| (count, std::cmp::Reverse(pos))).expect("counted");
                (key, pos)
            })
            .collect();
        table.sort_unstable();
        table
    };
    (names.clone(), table(forms), table(lower))
}

/// A training document, prepared once: its words in both cases and the gold classes.
struct Prepared {
    plain: Vec<SentenceWords>,
    caps: Vec<SentenceWords>,
    gold: Vec<Vec<u16>>,
}

fn prepare(document: &NamedDocument, resources: &Resources, pos: &NamesModel) -> Prepared {
    let lists = WordLists::builtin();
    let words = |caps: bool| -> Vec<SentenceWords> {
        let laid = LaidOut::new(document, resources, caps);
        laid.sentences
            .iter()
            .zip(&laid.hits)
            .map(|(tokens, hits)| {
                let mut words = SentenceWords::default();
                words.prepare(&laid.text, tokens, hits, pos, lists);
                let source = WordSource { text: &laid.text, tokens, pos, lists };
                for idx in 0..tokens.len() {
                    words.fill(idx, source.text, source.tokens, source.pos, source.lists);
                }
                words
            })
            .collect()
    };
    let gold = document
        .sentences
        .iter()
        .map(|sentence| {
            let mut classes = Vec::new();
            encode(&sentence.names, sentence.forms.len(), &mut classes);
            classes
        })
        .collect();
    Prepared { plain: words(false), caps: words(true), gold }
}

/// Trains the recognizer on `documents`; `log` hears about each iteration.
pub fn train(
    documents: &[NamedDocument],
    lexicon: PosLexicon,
    resources: &Resources,
    options: &NamesOptions,
    log: &mut dyn FnMut(String),
) -> Result<NamesModel> {
    if documents.iter().all(|document| document.sentences.is_empty()) {
        return Err(Error::Usage("no training sentences for the names model".into()));
    }
    let (pos_names, pos_forms, pos_lower) = lexicon;
    let mut model = NamesModel::new(Trainer::new(N_LABELS).average(0.0), pos_names, pos_forms, pos_lower);
    let prepared: Vec<Prepared> = documents.iter().map(|document| prepare(document, resources, &model)).collect();
    let members: Vec<Trainer> = (0..options.members.max(1))
        .map(|member| {
            log(format!("names member {} of {}", member + 1, options.members.max(1)));
            train_member(&prepared, options, options.seed.wrapping_add(member as u64), log)
        })
        .collect();
    model.weights = Trainer::mix(&members, options.prune);
    model.outside_bias = options.outside_bias;
    // Round trip through the file format, so what is scored is exactly what ships.
    NamesModel::from_bytes(&model.to_bytes()).map_err(Error::Usage)
}

/// Trains one member of the mixture: `options.iterations` passes over `prepared` in an order
/// seeded by `seed`.
fn train_member(prepared: &[Prepared], options: &NamesOptions, seed: u64, log: &mut dyn FnMut(String)) -> Trainer {
    let mut trainer = Trainer::new(N_LABELS);
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let (mut scores, mut buffer, mut counts) = (vec![0.0f32; N_LABELS], Vec::new(), FxHashMap::default());
    for iteration in 0..options.iterations {
        rng.shuffle(&mut order);
        let mut seen = NameScores::default();
        for &doc in &order {
            let document = &prepared[doc];
            let mut sentences: Vec<SentenceWords> = (0..document.plain.len())
                .map(|idx| {
                    let caps = options.caps_every > 0 && rng.u32(..options.caps_every) == 0 && document.caps[idx].caps;
                    if caps { &document.caps[idx] } else { &document.plain[idx] }.clone()
                })
                .collect();
            let mut labels: Vec<Vec<u16>> = vec![Vec::new(); sentences.len()];
            let mut learn = |sentence: &mut SentenceWords, gold: &[u16], out: &mut Vec<u16>, buffer: &mut Vec<u64>| {
                let mut choose = |features: &[u64], allowed: &dyn Fn(usize) -> bool, idx: usize| {
                    trainer.score(features, &mut scores);
                    let guess = best_class(&scores, allowed).unwrap_or(OUTSIDE as usize);
                    if allowed(gold[idx] as usize) {
                        trainer.update(gold[idx] as usize, guess, features);
                    }
                    trainer.tick();
                    guess
                };
                tag_sentence(sentence, None, out, buffer, &mut choose);
            };
            for (idx, sentence) in sentences.iter_mut().enumerate() {
                learn(sentence, &document.gold[idx], &mut labels[idx], &mut buffer);
            }
            let retag = document_atoms(&mut sentences, &labels, &mut counts);
            for (idx, sentence) in sentences.iter_mut().enumerate() {
                if retag[idx] {
                    learn(sentence, &document.gold[idx], &mut labels[idx], &mut buffer);
                }
            }
            let (mut gold_names, mut found) = (Vec::new(), Vec::new());
            for (classes, gold) in labels.iter().zip(&document.gold) {
                decode(gold, &mut gold_names);
                decode(classes, &mut found);
                seen.add(&gold_names, &found);
            }
        }
        log(format!("names iteration {}: training names typed F1 {:.4}", iteration + 1, seen.typed.f1()));
    }
    trainer
}

/// Scores `model` on `documents` (their gold words; gazetteer hits from `resources`).
pub fn evaluate(model: &NamesModel, resources: &Resources, documents: &[NamedDocument]) -> NameScores {
    let mut scores = NameScores::default();
    let (mut scratch, mut found, mut names) = (NamesScratch::default(), Vec::new(), Vec::new());
    for document in documents {
        let laid = LaidOut::new(document, resources, false);
        model.tag_document(&laid.text, &laid.inputs(), &mut scratch, &mut found);
        for (sentence, predicted) in document.sentences.iter().zip(&found) {
            names.clear();
            names.extend(predicted.iter().map(|(name, _)| *name));
            scores.add(&sentence.names, &names);
        }
    }
    scores
}

/// The manifest written beside the model.
pub fn manifest(
    model: &NamesModel,
    corpora: &NamesCorpora,
    options: &NamesOptions,
    scores: &[(String, NameScores)],
    bytes: &[u8],
    training_seconds: f64,
) -> serde_json::Value {
    let files = manifest_files(&corpora.files);
    let scores: serde_json::Map<String, serde_json::Value> = scores.iter().map(|(name, score)| (name.clone(), score.to_json())).collect();
    serde_json::json!({
        "model": "newsgraph names model (English): greedy averaged-perceptron BILOU labeller for PER, ORG, LOC with document features",
        "format_version": super::model::FORMAT_VERSION,
        "newsgraph_version": env!("CARGO_PKG_VERSION"),
        "bytes": bytes.len(),
        "checksum_fnv1a64": format!("{:016x}", crate::text::fnv1a(bytes)),
        "licence": "CC BY-SA 4.0",
        "attribution": [
            "GUM corpus (Zeldes 2017, amir-zeldes/gum), annotations CC BY 4.0, texts CC BY / CC BY-SA per genre (train split only)",
            "Universal NER, English EWT (UNER_English-EWT; Mayhew et al. 2024), CC BY-SA 4.0 (the dev file only)",
            "Universal Dependencies English Web Treebank (UD_English-EWT), CC BY-SA 4.0: Silveira et al. 2014 (train and dev, for the part-of-speech lexicon)"
        ],
        "corpora_commits": corpora.commits,
        "corpora_files": files,
        "options": options,
        "sizes": {
            "features": model.weights.n_features(),
            "weights": model.weights.n_weights(),
            "pos_forms": model.pos_forms.len(),
            "pos_lowercase": model.pos_lower.len(),
        },
        "scores_gold_words": scores,
        "training_seconds_wall_clock": training_seconds.round(),
        "trained_by": "newsgraph train --names (deterministic: the same corpora and options give the same model bytes)",
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::{NameSpan, NameType, NamedSentence};

    fn sentence(text: &str, names: &[(u32, u32, NameType)]) -> NamedSentence {
        NamedSentence {
            forms: text.split(' ').map(str::to_owned).collect(),
            names: names.iter().map(|&(start, end, kind)| NameSpan { start, end, kind }).collect(),
        }
    }

    /// A tiny corpus where names follow from their context words: the model learns it, and
    /// training twice gives the same bytes.
    #[test]
    fn learns_a_tiny_corpus_deterministically() {
        use NameType::*;
        let document = NamedDocument {
            id: "tiny".into(),
            sentences: vec![
                sentence("Mira Osei said the plan works .", &[(0, 2, Person)]),
                sentence("The Harbour Alliance voted in Tarnow .", &[(1, 3, Organization), (5, 6, Location)]),
                sentence("Jon Bale said the talks failed .", &[(0, 2, Person)]),
                sentence("The Civic Front voted in Velen .", &[(1, 3, Organization), (5, 6, Location)]),
                sentence("Ada Rusk said the vote counts .", &[(0, 2, Person)]),
                sentence("The Green Union voted in Lodra .", &[(1, 3, Organization), (5, 6, Location)]),
            ],
        };
        let resources = Resources::builtin().unwrap();
        let lexicon = || (vec!["NOUN".to_owned()], Vec::new(), Vec::new());
        let options = NamesOptions { iterations: 8, caps_every: 0, prune: 0.0, members: 2, outside_bias: 0.0, ..NamesOptions::default() };
        let model = train(std::slice::from_ref(&document), lexicon(), &resources, &options, &mut |_| {}).unwrap();
        let again = train(std::slice::from_ref(&document), lexicon(), &resources, &options, &mut |_| {}).unwrap();
        assert_eq!(model.to_bytes(), again.to_bytes());
        let test = NamedDocument {
            id: "test".into(),
            sentences: vec![
                sentence("Kofi Mensah said the plan failed .", &[(0, 2, Person)]),
                sentence("The Blue Party voted in Kessa .", &[(1, 3, Organization), (5, 6, Location)]),
            ],
        };
        let scores = evaluate(&model, &resources, std::slice::from_ref(&test));
        assert_eq!(scores.typed.correct, 3, "{}", scores.to_table());
        assert_eq!(scores.typed.predicted, 3, "{}", scores.to_table());
        let mut eager = model.clone();
        eager.outside_bias = 1e6;
        let eager_scores = evaluate(&eager, &resources, &[test]);
        // With a huge bias no capitalised word stays outside: the sentence-initial "The" joins
        // the party's name.
        assert_eq!(eager_scores.typed.correct, 2, "{}", eager_scores.to_table());
    }

    #[test]
    fn carving_moves_every_nth_training_document_to_train_dev() {
        let document = |id: &str| NamedDocument { id: id.into(), sentences: Vec::new() };
        let mut corpora = NamesCorpora {
            train: ["a", "b", "c", "d", "e"].map(document).to_vec(),
            evaluation: vec![("gum-test".into(), Vec::new())],
            lexicon: Vec::new(),
            files: Vec::new(),
            commits: Vec::new(),
        };
        corpora.carve_dev(0);
        assert_eq!(corpora.train.len(), 5, "0 carves nothing");
        corpora.carve_dev(2);
        let ids = |documents: &[NamedDocument]| documents.iter().map(|document| document.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&corpora.train), ["a", "c", "e"]);
        assert_eq!(corpora.evaluation[0].0, TRAIN_DEV);
        assert_eq!(ids(&corpora.evaluation[0].1), ["b", "d"]);
    }

    #[test]
    fn the_lexicon_keeps_the_most_frequent_tag() {
        let text =
            "1\tPark\t_\tPROPN\t_\t_\t0\troot\t_\t_\n\n1\tpark\t_\tNOUN\t_\t_\t0\troot\t_\t_\n\n1\tpark\t_\tVERB\t_\t_\t0\troot\t_\t_\n\n";
        let sentences = conllu::parse(text).unwrap();
        let (names, forms, lower) = pos_lexicon(&sentences, 2);
        assert_eq!(names, ["NOUN", "PROPN", "VERB"]);
        assert_eq!(forms.len(), 1, "only 'park' as written is seen twice");
        assert_eq!(forms[0].1, 0, "NOUN and VERB tie: the first name wins");
        assert_eq!(lower.len(), 1);
    }

    #[test]
    fn laying_out_keeps_word_spans_and_finds_gazetteer_hits() {
        let resources = Resources::builtin().unwrap();
        let document = NamedDocument { id: "d".into(), sentences: vec![sentence("troops reached Kenya", &[]), sentence("ok", &[])] };
        let laid = LaidOut::new(&document, &resources, false);
        assert_eq!(laid.text, "troops reached Kenya\nok\n");
        assert_eq!(laid.sentences[0][2].text(&laid.text), "Kenya");
        assert_eq!(laid.hits[0].len(), 1);
        assert_eq!(laid.hits[0][0].kind, EntityKind::Country);
        let caps = LaidOut::new(&document, &resources, true);
        assert_eq!(caps.sentences[1][0].text(&caps.text), "OK");
    }
}
