//! The pipeline: per-document analysis in parallel, each analysis folded
//! into one knowledge graph in document order as it finishes; and the
//! `build` command around it.

use crate::cli::{BuildArgs, DrawArgs, Provenance};
use crate::corpus::{self, names::CorpusNames, summary::DocSummary};
use crate::document::load::CorpusIndex;
use crate::document::{clean, Document};
use crate::entity;
use crate::error::{Error, Result};
use crate::graph::merge::{Limits, Merger};
use crate::graph::KnowledgeGraph;
use crate::mention::{self, Detection, Mention};
use crate::relation::{self, DocumentAnalysis};
use crate::resources::Resources;
use crate::segment::{self, Segmentation};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::sync::Mutex;

/// Marks furniture and segments one document.
pub fn prepare(resources: &Resources, mut document: Document) -> (Document, Segmentation) {
    document.body = clean::body_spans(&resources.lexicon.furniture, &document.text);
    let segmentation = segment::segment(&resources.lexicon, &document);
    (document, segmentation)
}

/// What `build` keeps of each document, and how much provenance.
#[derive(Clone, Copy, Debug)]
pub struct BuildOptions {
    /// Add CO_OCCURS edges.
    pub cooccurrence: bool,
    pub limits: Limits,
    /// Up to this many bytes of input in all, the documents, with the first pass's segmentation
    /// and mentions, are held for the second pass; above it, articles from files are not held
    /// (the second pass reads each one again and segments and detects again, at about a quarter
    /// more time), and articles given in memory keep only the mentions the corpus-level pass
    /// reads. The graph is the same either way (see [`analyze_each`]).
    pub first_pass_budget: usize,
}

/// The default [`BuildOptions::first_pass_budget`] (`build --first-pass-mb`).
pub const DEFAULT_FIRST_PASS_BUDGET: usize = crate::cli::DEFAULT_FIRST_PASS_MB << 20;

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions { cooccurrence: false, limits: Limits::default(), first_pass_budget: DEFAULT_FIRST_PASS_BUDGET }
    }
}

/// Analyses every document (in parallel) and merges them into one graph,
/// with the default limits.
pub fn build_graph(resources: &Resources, documents: &[Document], cooccurrence: bool) -> KnowledgeGraph {
    build(resources, documents.to_vec(), &BuildOptions { cooccurrence, ..BuildOptions::default() }, false)
}

/// Analyses `documents` (sorted by id) and merges them into one graph; with
/// `all_provenance`, every mention and piece of evidence is kept, whatever
/// the limits (for `--provenance full`, which cuts the graph down after
/// writing them out). Each analysis is reduced to a [`DocSummary`] as soon
/// as it is done and folded into the graph in document order, so what is
/// held at once is the graph and the summaries waiting for an earlier
/// document, not a summary per document.
pub fn build(resources: &Resources, documents: Vec<Document>, options: &BuildOptions, all_provenance: bool) -> KnowledgeGraph {
    build_articles(resources, Articles::Held(documents), options, all_provenance).expect("documents in memory are not read again")
}

/// [`build`] of articles in memory or in files; files are read again when needed, and an error
/// names a file that changed in between.
pub fn build_articles(resources: &Resources, articles: Articles, options: &BuildOptions, all_provenance: bool) -> Result<KnowledgeGraph> {
    let limits = if all_provenance { Limits::ALL } else { options.limits };
    let mut merger = Merger::new(resources, limits);
    analyze_each(
        resources,
        articles,
        options.cooccurrence,
        options.first_pass_budget,
        |analysis| DocSummary::new(analysis, limits.evidence),
        |summary| merger.add(summary),
    )?;
    Ok(merger.finish())
}

/// The articles of a build: in memory, or in files that are read as each pass needs them.
pub enum Articles<'a> {
    Held(Vec<Document>),
    Files(&'a CorpusIndex),
}

/// Analyses every document (in parallel); the result is in the documents' order.
pub fn analyze(resources: &Resources, documents: &[Document], cooccurrence: bool) -> Vec<DocumentAnalysis> {
    let mut analyses = Vec::with_capacity(documents.len());
    analyze_each(
        resources,
        Articles::Held(documents.to_vec()),
        cooccurrence,
        DEFAULT_FIRST_PASS_BUDGET,
        |analysis| analysis,
        |analysis| analyses.push(analysis),
    )
    .expect("documents in memory are not read again");
    analyses
}

/// Analyses every document, in parallel, reduces each analysis with
/// `finish` as soon as it is done, and hands the results to `fold` one at a
/// time in the documents' order.
///
/// Two passes: the first finds each document's mentions on its own; then the
/// names established anywhere (people named in full, organizations and
/// places found by a rule) are shared, and the second pass finds their other
/// mentions, resolves entities and extracts relations. The second pass takes
/// documents in order as workers free up, and a [`Reorder`] buffer holds a
/// result only until the results before it are folded.
///
/// Up to `first_pass_budget` bytes of input, every document is held between the passes with
/// its segmentation and mentions. Above it, the second pass segments and detects again: a
/// document in memory keeps only the mentions the corpus-level pass reads, and documents from
/// [`Articles::Files`] go through the first pass a chunk at a time, their names counted and the
/// documents dropped, and are read again from their files: memory is then bounded by the
/// corpus-level names and the graph, not by the text.
pub fn analyze_each<T: Send>(
    resources: &Resources,
    articles: Articles,
    cooccurrence: bool,
    first_pass_budget: usize,
    finish: impl Fn(DocumentAnalysis) -> T + Sync,
    fold: impl FnMut(T) + Send,
) -> Result<()> {
    let articles = match articles {
        Articles::Files(index) if index.input_bytes() <= first_pass_budget => Articles::Held(index.read_all()?),
        articles => articles,
    };
    let files = match &articles {
        Articles::Held(_) => None,
        Articles::Files(index) => Some(*index),
    };
    let (first_pass, (known, people)) = match articles {
        Articles::Held(documents) => {
            let keep = documents.iter().map(|d| d.text.len()).sum::<usize>() <= first_pass_budget;
            let first_pass: Vec<FirstPass> = documents
                .into_par_iter()
                .map(|document| {
                    let (document, mut segmentation, mut detection) = segment_and_detect(resources, document);
                    if !keep {
                        let mut names = detection.mentions;
                        names.retain(corpus::names::is_read);
                        names.shrink_to_fit();
                        return FirstPass::Redo { document, names };
                    }
                    // Every document's are held until the second pass: no spare capacity.
                    segmentation.tokens.shrink_to_fit();
                    segmentation.sentences.shrink_to_fit();
                    detection.mentions.shrink_to_fit();
                    FirstPass::Held(document, segmentation, detection)
                })
                .collect();
            let names = corpus::names::collect(first_pass.iter().map(FirstPass::names));
            (first_pass, names)
        }
        Articles::Files(index) => {
            // A chunk of documents at a time, counted in document order, so that only one
            // chunk's documents are held.
            let mut names = CorpusNames::default();
            for start in (0..index.len()).step_by(NAMES_CHUNK) {
                let chunk: Vec<(Document, Vec<Mention>)> = (start..index.len().min(start + NAMES_CHUNK))
                    .into_par_iter()
                    .map(|idx| {
                        let (document, _, detection) = segment_and_detect(resources, index.read(idx)?);
                        Ok((document, detection.mentions))
                    })
                    .collect::<Result<_>>()?;
                for (document, mentions) in &chunk {
                    names.add(&document.text, mentions);
                }
            }
            ((0..index.len()).map(|_| FirstPass::Reread).collect(), names.finish())
        }
    };
    let reorder = Mutex::new(Reorder::new(fold));
    first_pass.into_iter().enumerate().par_bridge().try_for_each(|(index, pass)| {
        // Segmenting and detecting are deterministic: done again, they give what the first pass gave.
        let (document, segmentation, mut detection) = match pass {
            FirstPass::Held(document, segmentation, detection) => (document, segmentation, detection),
            FirstPass::Redo { document, .. } => segment_and_detect(resources, document),
            FirstPass::Reread => segment_and_detect(resources, files.expect("a document not held is in a file").read(index)?),
        };
        mention::add_known(resources, &known, &document, &segmentation, &mut detection);
        let resolved = entity::resolve(resources, &document, detection, &people);
        let mut analysis = DocumentAnalysis {
            document,
            segmentation,
            mentions: resolved.mentions,
            entities: resolved.entities,
            mention_entity: resolved.mention_entity,
            relations: Vec::new(),
        };
        let extraction = relation::extract(&analysis.context(resources));
        analysis.relations = extraction.relations;
        analysis.entities.extend(extraction.described);
        if cooccurrence {
            analysis.relations.extend(relation::cooccurrence(&analysis.context(resources)));
        }
        let result = finish(analysis);
        reorder.lock().expect("no fold panicked").push(index, result);
        Ok(())
    })
}

/// The first pass: furniture, segmentation and the document's own mentions.
fn segment_and_detect(resources: &Resources, document: Document) -> (Document, Segmentation, Detection) {
    let (document, segmentation) = prepare(resources, document);
    let detection = mention::detect(resources, &document, &segmentation);
    (document, segmentation, detection)
}

/// What the first pass leaves a document for the second: the document with its segmentation
/// and mentions when the input is within the budget; else, for a document in memory, the
/// document and the mentions the corpus-level pass reads ([`corpus::names::is_read`]); for one
/// in a file, nothing (it is read again, and its names were counted as the first pass went).
enum FirstPass {
    Held(Document, Segmentation, Detection),
    Redo { document: Document, names: Vec<Mention> },
    Reread,
}

impl FirstPass {
    /// What [`corpus::names::collect`] reads: a text and mentions in it.
    fn names(&self) -> (&str, &[Mention]) {
        match self {
            FirstPass::Held(document, _, detection) => (&document.text, &detection.mentions),
            FirstPass::Redo { document, names } => (&document.text, names),
            FirstPass::Reread => ("", &[]),
        }
    }
}

/// How many documents read from files go through the first pass (and are held) between two
/// updates of the corpus-level names.
const NAMES_CHUNK: usize = 4096;

/// Hands results that arrive in any order to `fold` in index order: each
/// waits only until every result before it has arrived.
pub struct Reorder<T, F> {
    next: usize,
    waiting: BTreeMap<usize, T>,
    fold: F,
}

impl<T, F: FnMut(T)> Reorder<T, F> {
    pub fn new(fold: F) -> Reorder<T, F> {
        Reorder { next: 0, waiting: BTreeMap::new(), fold }
    }

    /// Takes the result of `index` and folds every result now in order.
    pub fn push(&mut self, index: usize, result: T) {
        self.waiting.insert(index, result);
        while let Some(result) = self.waiting.remove(&self.next) {
            (self.fold)(result);
            self.next += 1;
        }
    }

    /// How many results wait for an earlier one.
    pub fn waiting(&self) -> usize {
        self.waiting.len()
    }
}

/// `newsgraph build`.
pub fn run_build(args: &BuildArgs) -> Result<()> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads)
        .build()
        .map_err(|error| Error::Usage(format!("--threads {}: cannot start the worker threads: {error}", args.threads)))?;
    // The models decode on a worker while this thread loads the data files and reads the articles.
    pool.spawn(|| {
        crate::names::model::NamesModel::builtin();
        crate::syntax::SyntaxModel::builtin();
    });
    let resources = match &args.data {
        Some(dir) => Resources::from_dir(dir)?,
        None => Resources::builtin()?,
    };
    let corpus = crate::document::load::CorpusIndex::new(&args.inputs, args.strict)?;
    if args.out.exists() && !args.out.is_dir() {
        return Err(Error::Usage(format!("-o {}: not a directory", args.out.display())));
    }
    for diagnostic in &corpus.diagnostics {
        eprintln!("newsgraph: warning: {diagnostic}");
    }
    if let Some(warning) = corpus.skipped_links_warning() {
        eprintln!("newsgraph: warning: {warning}");
    }
    let n_documents = corpus.len();
    let options = BuildOptions {
        cooccurrence: args.cooccurrence,
        limits: Limits { evidence: args.evidence },
        first_pass_budget: args.first_pass_mb.saturating_mul(1 << 20),
    };
    let full = args.provenance == Provenance::Full;
    let out = args.update.as_ref().unwrap_or(&args.out);
    let (mut graph, skipped) = match &args.update {
        None => (pool.install(|| build_articles(&resources, Articles::Files(&corpus), &options, full))?, None),
        Some(dir) => {
            let (graph, skipped) = update(&resources, &pool, dir, corpus.read_all()?, &options, full)?;
            (graph, Some(skipped))
        }
    };
    let mut rendered = Vec::new();
    let side = out.join(crate::graph::provenance::FILE_NAME);
    if full {
        rendered.push(vec![(crate::graph::provenance::FILE_NAME.to_string(), crate::graph::provenance::to_jsonl(&graph))]);
        crate::graph::provenance::truncate(&mut graph, options.limits);
    } else if side.is_file() {
        // A side file of an earlier build would not fit this graph.
        std::fs::remove_file(&side).map_err(|source| Error::Write { path: side.clone(), source })?;
    }
    let mut formats = args.format.clone();
    formats.sort();
    formats.dedup();
    for format in formats {
        rendered.push(crate::export::render_format(&graph, format, &DrawArgs::default())?);
    }
    let files: Vec<(String, String)> = rendered.into_iter().flatten().collect();
    crate::export::output::cleanup_on_signal();
    crate::export::output::OutputDir::open(out)?.write_set(&files)?;
    let documents = match skipped {
        None => format!("{n_documents} documents"),
        Some(skipped) => {
            format!("{} new documents, {skipped} unchanged skipped, {} in the graph", n_documents - skipped, graph.meta.documents.len())
        }
    };
    eprintln!(
        "newsgraph: {}, {} entities, {} relations -> {}{}",
        documents,
        graph.graph.node_count(),
        graph.graph.edge_count(),
        out.display(),
        match corpus.diagnostics.len() {
            0 => String::new(),
            1 => " (1 line skipped)".to_string(),
            n => format!(" ({n} lines skipped)"),
        }
    );
    Ok(())
}

/// `build --update DIR`: the graph in `DIR/graph.json` with `documents` added.
/// Documents already there with the same content hash are skipped (their
/// count is returned); the new ones are built as a shard and merged in with
/// [`crate::graph::combine::combine`], which is what a full rebuild gives
/// unless the new and the old articles resolve names across each other (see
/// the README). A changed document is refused: its old contributions cannot
/// be taken out exactly (evidence and mentions are capped, labels elected by
/// votes, names resolved across documents).
fn update(
    resources: &Resources,
    pool: &rayon::ThreadPool,
    dir: &std::path::Path,
    documents: Vec<Document>,
    options: &BuildOptions,
    full: bool,
) -> Result<(KnowledgeGraph, usize)> {
    let path = dir.join("graph.json");
    let side = dir.join(crate::graph::provenance::FILE_NAME);
    if full || side.is_file() {
        return Err(Error::Usage(format!(
            "{}: --update cannot extend the full provenance (--provenance full, evidence.jsonl); rebuild from all the articles",
            if full { dir.display() } else { side.display() }
        )));
    }
    if !path.is_file() {
        return Err(Error::Usage(format!("--update {}: there is no graph.json to update; build it first", dir.display())));
    }
    let existing = KnowledgeGraph::read(&path)?;
    let hashes: std::collections::BTreeMap<&str, Option<&str>> =
        existing.meta.documents.iter().map(|document| (document.id.as_str(), document.hash.as_deref())).collect();
    let mut new = Vec::new();
    let mut skipped = 0;
    for document in documents {
        match hashes.get(document.id.0.as_str()) {
            None => new.push(document),
            Some(Some(hash)) if *hash == document.content_hash() => skipped += 1,
            Some(Some(_)) => {
                return Err(Error::Usage(format!(
                    "{}: document '{}' has changed since {} was built; --update cannot take a document's old contributions out of a graph exactly, so rebuild from all the articles",
                    document.path.display(),
                    document.id.0,
                    path.display()
                )))
            }
            Some(None) => {
                return Err(Error::Usage(format!(
                    "{}: document '{}' has no content hash (the graph was written before build --update); rebuild from all the articles",
                    path.display(),
                    document.id.0
                )))
            }
        }
    }
    if new.is_empty() {
        return Ok((existing, skipped));
    }
    let shard = pool.install(|| build(resources, new, options, false));
    let graph = crate::graph::combine::combine(resources, &[(path, existing), (dir.join("(new articles)"), shard)], options.limits)?;
    Ok((graph, skipped))
}

#[cfg(test)]
mod tests {
    use super::Reorder;

    /// Results arriving in any order are folded in index order, each held
    /// only until the ones before it are in.
    #[test]
    fn reorder_folds_in_index_order() {
        for arrival in [vec![0, 1, 2, 3, 4], vec![4, 3, 2, 1, 0], vec![1, 0, 3, 2, 4], vec![2, 4, 0, 3, 1]] {
            let mut folded = Vec::new();
            let mut most_waiting = 0;
            {
                let mut reorder = Reorder::new(|result: char| folded.push(result));
                for &index in &arrival {
                    reorder.push(index, char::from(b'a' + index as u8));
                    most_waiting = most_waiting.max(reorder.waiting());
                }
                assert_eq!(reorder.waiting(), 0, "{arrival:?}");
            }
            assert_eq!(folded, vec!['a', 'b', 'c', 'd', 'e'], "{arrival:?}");
            let expected_waiting = arrival.iter().enumerate().map(|(at, _)| {
                let arrived = &arrival[..=at];
                let folded_so_far = (0..).take_while(|i| arrived.contains(i)).count();
                arrived.len() - folded_so_far
            });
            assert_eq!(most_waiting, expected_waiting.max().unwrap(), "{arrival:?}");
        }
    }
}
