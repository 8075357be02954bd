//! Training the syntax model from CoNLL-U: inventories, tagger, lemmatizer, parser, scores.
//!
//! The corpora folder is laid out as `../shared/corpora/` is: `ud-english-ewt/en_ewt-ud-*.conllu`
//! and `gum/GUM_*.conllu` with GUM's own `splits.md`. The model learns from EWT train and the GUM
//! documents of GUM's train split; it is scored on EWT dev and test and GUM dev and test, which
//! it never sees. The parser learns on tags the tagger predicted (k-fold jackknifing), so it is
//! trained on the kind of tags it will get. Everything is seeded and iterates in a fixed order:
//! the same corpora and options give the same model file, byte for byte.

use super::conllu::{self, TreebankSentence};
use super::features::WordKeys;
use super::lemma::Lemmatizer;
use super::model::{SyntaxModel, TagClass};
use super::parser::{self, GoldSentence, ParserOptions};
use super::score::{score_on_gold_tokens, TreebankScores};
use super::tagger::{self, TaggedSentence, TaggerOptions, TaggerScratch};
use super::transition::{projectivize, GoldTree};
use crate::error::{Error, Result};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// What to train on and how.
#[derive(Clone, Debug, Serialize)]
pub struct TrainingOptions {
    pub tagger: TaggerOptions,
    pub parser: ParserOptions,
    /// Folds for the parser's training tags (1: gold tags).
    pub jackknife: usize,
    /// The dev sets were learnt from too (only the test sets are held out).
    pub include_dev: bool,
    /// Copies of training sentences with title chains before names ([`super::augment`]).
    pub title_chain_copies: usize,
}

impl Default for TrainingOptions {
    fn default() -> TrainingOptions {
        TrainingOptions {
            tagger: TaggerOptions::default(),
            parser: ParserOptions::default(),
            jackknife: 4,
            include_dev: false,
            title_chain_copies: 0,
        }
    }
}

/// A treebank file the training read, with its role.
#[derive(Clone, Debug, Serialize)]
pub struct CorpusFile {
    pub path: String,
    /// `train`, or the evaluation set it belongs to.
    pub role: String,
    pub sentences: usize,
    pub words: usize,
}

/// The files as a model manifest names them: each path below the corpora folder.
pub fn manifest_files(files: &[CorpusFile]) -> Vec<CorpusFile> {
    files
        .iter()
        .map(|file| CorpusFile {
            path: file.path.rsplit_once("corpora/").map_or_else(|| file.path.clone(), |(_, rest)| rest.to_owned()),
            ..file.clone()
        })
        .collect()
}

/// The training and evaluation sets read from a corpora folder.
pub struct Corpora {
    pub train: Vec<TreebankSentence>,
    /// Named evaluation sets ("ewt-dev", "gum-test", …).
    pub evaluation: Vec<(String, Vec<TreebankSentence>)>,
    pub files: Vec<CorpusFile>,
    /// Commits named in the corpora's README ("UD_English-EWT at commit 15d613d8").
    pub commits: Vec<String>,
}

/// Reads EWT and GUM from `dir` (the layout of `../shared/corpora/`).
pub fn read_corpora(dir: &Path) -> Result<Corpora> {
    let mut corpora =
        Corpora { train: Vec::new(), evaluation: Vec::new(), files: Vec::new(), commits: read_commits(&dir.join("README.md")) };
    let ewt = dir.join("ud-english-ewt");
    for split in ["train", "dev", "test"] {
        let path = ewt.join(format!("en_ewt-ud-{split}.conllu"));
        let sentences = conllu::read_file(&path)?;
        corpora.add(&path, if split == "train" { "train".into() } else { format!("ewt-{split}") }, sentences);
    }
    let gum = dir.join("gum");
    let splits = read_gum_splits(&gum.join("splits.md"))?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(&gum)
        .map_err(|source| Error::Read { path: gum.clone(), source })?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "conllu"))
        .collect();
    files.sort();
    for path in files {
        let stem = path.file_stem().and_then(|stem| stem.to_str()).unwrap_or_default().to_owned();
        let Some(split) = splits.iter().find(|(_, name)| *name == stem).map(|(split, _)| split.as_str()) else { continue };
        let role = match split {
            "train" => "train".to_owned(),
            "dev" | "test" => format!("gum-{split}"),
            _ => continue,
        };
        corpora.add(&path, role, conllu::read_file(&path)?);
    }
    Ok(corpora)
}

impl Corpora {
    /// Moves the evaluation sets whose name ends with `-{split}` into the training data.
    pub fn move_into_training(&mut self, split: &str) {
        let suffix = format!("-{split}");
        let (moved, kept): (Vec<_>, Vec<_>) =
            std::mem::take(&mut self.evaluation).into_iter().partition(|(name, _)| name.ends_with(&suffix));
        self.evaluation = kept;
        for (_, sentences) in moved {
            self.train.extend(sentences);
        }
        for file in &mut self.files {
            if file.role.ends_with(&suffix) {
                file.role = format!("train (was {})", file.role);
            }
        }
    }

    fn add(&mut self, path: &Path, role: String, sentences: Vec<TreebankSentence>) {
        let words = sentences.iter().map(|sentence| sentence.words.len()).sum();
        self.files.push(CorpusFile { path: path.display().to_string(), role: role.clone(), sentences: sentences.len(), words });
        if role == "train" {
            self.train.extend(sentences);
        } else if let Some((_, set)) = self.evaluation.iter_mut().find(|(name, _)| *name == role) {
            set.extend(sentences);
        } else {
            self.evaluation.push((role, sentences));
        }
    }
}

/// GUM's `splits.md`: `## train` headings followed by `* GUM_name` lines; (split, name) pairs.
pub(crate) fn read_gum_splits(path: &Path) -> Result<Vec<(String, String)>> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Read { path: path.to_owned(), source })?;
    let mut split = String::new();
    let mut pairs = Vec::new();
    for line in text.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            split = heading.trim().to_owned();
        } else if let Some(name) = line.trim().strip_prefix("* ") {
            pairs.push((split.clone(), name.trim().to_owned()));
        }
    }
    if pairs.is_empty() {
        return Err(Error::BadFile { path: path.to_owned(), message: "no '## split' headings with '* GUM_…' lines".into() });
    }
    Ok(pairs)
}

pub(crate) fn read_commits(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .filter_map(|line| {
            let at = line.find("at commit ")?;
            let name = crate::span::prefix(line, at).rsplit(['(', '|']).next()?.trim();
            let commit: String = crate::span::suffix(line, at + 10).chars().take_while(char::is_ascii_alphanumeric).collect();
            Some(format!("{name} {commit}"))
        })
        .collect()
}

/// Per-component sizes, for the manifest.
#[derive(Clone, Debug, Serialize)]
pub struct ModelSizes {
    pub tag_classes: usize,
    pub labels: usize,
    pub tagger_features: usize,
    pub tagger_weights: usize,
    pub tag_dictionary: usize,
    pub parser_features: usize,
    pub parser_weights: usize,
}

/// Trains a model on `train`; `log` hears progress lines.
pub fn train(train: &[TreebankSentence], options: &TrainingOptions, log: &mut dyn FnMut(String)) -> Result<SyntaxModel> {
    let train: Vec<&TreebankSentence> = train.iter().filter(|sentence| sentence.words.iter().all(|word| word.head.is_some())).collect();
    if train.is_empty() {
        return Err(Error::Usage("no training sentence has heads".into()));
    }
    let tags: Vec<TagClass> = train
        .iter()
        .flat_map(|sentence| sentence.words.iter().map(|word| TagClass { upos: word.upos.clone(), xpos: word.xpos.clone() }))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let upos_names: Vec<String> = tags.iter().map(|tag| tag.upos.clone()).collect::<BTreeSet<_>>().into_iter().collect();
    let upos_of_tag: Vec<u8> = tags.iter().map(|tag| upos_names.binary_search(&tag.upos).unwrap_or(0) as u8).collect();
    let mut labels: BTreeSet<String> = train.iter().flat_map(|sentence| sentence.words.iter().map(|word| word.deprel.clone())).collect();
    labels.insert("root".into());
    let labels: Vec<String> = labels.into_iter().collect();
    let root = labels.iter().position(|label| label == "root").unwrap_or(0) as u16;
    let tag_of =
        |word: &conllu::Word| tags.binary_search(&TagClass { upos: word.upos.clone(), xpos: word.xpos.clone() }).unwrap_or(0) as u16;
    let tagged: Vec<TaggedSentence> = train
        .iter()
        .map(|sentence| TaggedSentence {
            forms: sentence.words.iter().map(|word| word.form.as_str()).collect(),
            classes: sentence.words.iter().map(tag_of).collect(),
        })
        .collect();
    log(format!("training on {} sentences, {} tag classes, {} labels", train.len(), tags.len(), labels.len()));

    let started = std::time::Instant::now();
    let tagger = tagger::train(&tagged, tags.len(), &options.tagger, |iteration, accuracy| {
        log(format!("tagger iteration {iteration}: train accuracy {accuracy:.4}"))
    });
    log(format!("tagger trained in {:.0} s", started.elapsed().as_secs_f64()));

    let parser_tags = jackknife_tags(&tagged, tags.len(), options);
    let gold: Vec<GoldSentence> = train
        .iter()
        .zip(parser_tags)
        .map(|(sentence, tags)| {
            let n = sentence.words.len() as u32;
            let mut heads: Vec<u32> =
                sentence.words.iter().map(|word| word.head.map_or(n, |head| if head == 0 { n } else { head - 1 })).collect();
            projectivize(&mut heads);
            let labels = sentence.words.iter().map(|word| labels.binary_search(&word.deprel).unwrap_or(root as usize) as u16).collect();
            GoldSentence {
                words: sentence.words.iter().map(|word| WordKeys::of(&word.form)).collect(),
                tags,
                tree: GoldTree::new(heads, labels),
                upos_of_tag: &upos_of_tag,
            }
        })
        .collect();
    let started = std::time::Instant::now();
    let progress = std::sync::Mutex::new(Vec::new());
    let parser = parser::train(&gold, labels.len(), root, &options.parser, |member, iteration, share| {
        progress.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push((member, iteration, share))
    });
    let mut progress = progress.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
    progress.sort_by_key(|&(member, iteration, _)| (member, iteration));
    for (member, iteration, share) in progress {
        log(format!("parser member {} iteration {iteration}: cheapest moves {share:.4}", member + 1));
    }
    log(format!("parser trained in {:.0} s", started.elapsed().as_secs_f64()));

    let lemmatizer = Lemmatizer::train(
        train
            .iter()
            .flat_map(|sentence| sentence.words.iter().map(|word| (word.form.as_str(), tag_of(word), word.lemma.as_str())))
            .collect::<Vec<_>>()
            .into_iter(),
    );
    let model = SyntaxModel { tags, upos_names, upos_of_tag, labels, tagger, parser, lemmatizer };
    // Round trip through the file format, so what is scored is exactly what ships.
    SyntaxModel::from_bytes(&model.to_bytes()).map_err(Error::Usage)
}

/// The tags the parser trains on: with k folds, each fold tagged by a tagger trained on the others.
fn jackknife_tags(tagged: &[TaggedSentence], n_classes: usize, options: &TrainingOptions) -> Vec<Vec<u16>> {
    let folds = options.jackknife;
    if folds <= 1 {
        return tagged.iter().map(|sentence| sentence.classes.clone()).collect();
    }
    let per_fold: Vec<Vec<(usize, Vec<u16>)>> = (0..folds)
        .into_par_iter()
        .map(|fold| {
            let rest: Vec<TaggedSentence> = tagged
                .iter()
                .enumerate()
                .filter(|(idx, _)| idx % folds != fold)
                .map(|(_, sentence)| TaggedSentence { forms: sentence.forms.clone(), classes: sentence.classes.clone() })
                .collect();
            let tagger = tagger::train(&rest, n_classes, &options.tagger, |_, _| {});
            let mut scratch = TaggerScratch::default();
            tagged
                .iter()
                .enumerate()
                .filter(|(idx, _)| idx % folds == fold)
                .map(|(idx, sentence)| {
                    let words: Vec<WordKeys> = sentence.forms.iter().map(|form| WordKeys::of(form)).collect();
                    let mut out = Vec::new();
                    tagger.tag(&words, &mut scratch, &mut out);
                    (idx, out)
                })
                .collect()
        })
        .collect();
    let mut tags = vec![Vec::new(); tagged.len()];
    for (idx, predicted) in per_fold.into_iter().flatten() {
        tags[idx] = predicted;
    }
    tags
}

/// The scores of `model` on each evaluation set.
pub fn evaluate(model: &SyntaxModel, evaluation: &[(String, Vec<TreebankSentence>)]) -> Vec<(String, TreebankScores)> {
    evaluation.iter().map(|(name, sentences)| (name.clone(), score_on_gold_tokens(model, sentences))).collect()
}

/// Sizes of the trained components.
pub fn sizes(model: &SyntaxModel) -> ModelSizes {
    ModelSizes {
        tag_classes: model.tags.len(),
        labels: model.labels.len(),
        tagger_features: model.tagger.model().n_features(),
        tagger_weights: model.tagger.model().n_weights(),
        tag_dictionary: model.tagger.dictionary.len(),
        parser_features: model.parser.model().n_features(),
        parser_weights: model.parser.model().n_weights(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_files_name_paths_below_the_corpora_folder() {
        let file = |path: &str| CorpusFile { path: path.into(), role: "train".into(), sentences: 2, words: 9 };
        let named = manifest_files(&[file("../shared/corpora/gum/GUM_bio_x.conllu"), file("elsewhere/x.conllu")]);
        let paths: Vec<&str> = named.iter().map(|file| file.path.as_str()).collect();
        assert_eq!(paths, ["gum/GUM_bio_x.conllu", "elsewhere/x.conllu"]);
        assert_eq!((named[0].role.as_str(), named[0].sentences, named[0].words), ("train", 2, 9));
    }

    #[test]
    fn gum_splits_and_commits_are_read() {
        let dir = std::env::temp_dir().join(format!("newsgraph-splits-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("splits.md"), "# Splits\n\n## dev\n\n  * GUM_news_a\n\n## train\n\n  * GUM_bio_b\n").unwrap();
        let pairs = read_gum_splits(&dir.join("splits.md")).unwrap();
        assert_eq!(pairs, vec![("dev".into(), "GUM_news_a".into()), ("train".into(), "GUM_bio_b".into())]);
        std::fs::write(dir.join("README.md"), "| `gum/` | GUM corpus (amir-zeldes/gum at commit 72ce5ac), 101 |\n").unwrap();
        assert_eq!(read_commits(&dir.join("README.md")), vec!["amir-zeldes/gum 72ce5ac".to_owned()]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
