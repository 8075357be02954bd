//! The pipeline: per-document analysis in parallel, then a merge in document
//! order into one knowledge graph.

use crate::cli::{BuildArgs, DrawArgs, Provenance};
use crate::document::{clean, Document};
use crate::entity::{self, CorpusPeople, LocalEntity};
use crate::error::{Error, Result};
use crate::graph::merge::{merge, DocSummary, Limits};
use crate::graph::EntityKind;
use crate::graph::KnowledgeGraph;
use crate::mention::Mention;
use crate::mention::{self, known::KnownNames, Detection};
use crate::relation;
use crate::relation::antecedent::Antecedents;
use crate::relation::RelationCandidate;
use crate::resources::Resources;
use crate::segment::{self, Segmentation};
use rayon::prelude::*;
use std::sync::OnceLock;

/// What the relation extractors see of one document.
pub struct DocContext<'a> {
    pub resources: &'a Resources,
    pub document: &'a Document,
    pub segmentation: &'a Segmentation,
    pub mentions: &'a [Mention],
    pub entities: &'a [LocalEntity],
    /// For each mention, the index of its entity in `entities`.
    pub mention_entity: &'a [usize],
    /// The document's organizations indexed for back-references, built on first use.
    pub antecedents: OnceLock<Antecedents>,
}

/// The product of analysing one document.
pub struct DocumentAnalysis {
    pub document: Document,
    pub segmentation: Segmentation,
    pub mentions: Vec<Mention>,
    pub entities: Vec<LocalEntity>,
    pub mention_entity: Vec<usize>,
    pub relations: Vec<RelationCandidate>,
}

/// Marks furniture and segments one document.
pub fn prepare(resources: &Resources, mut document: Document) -> (Document, Segmentation) {
    document.body = clean::body_spans(&resources.lexicon.furniture, &document.text);
    let segmentation = segment::segment(&resources.lexicon, &document);
    (document, segmentation)
}

/// What `build` keeps of each document, and how much provenance.
#[derive(Clone, Copy, Debug, Default)]
pub struct BuildOptions {
    /// Add CO_OCCURS edges.
    pub cooccurrence: bool,
    pub limits: Limits,
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
/// as it is done, so only the summaries of the whole corpus are held at once.
pub fn build(resources: &Resources, documents: Vec<Document>, options: &BuildOptions, all_provenance: bool) -> KnowledgeGraph {
    let limits = if all_provenance { Limits::ALL } else { options.limits };
    let summaries = analyze_each(resources, documents, options.cooccurrence, |analysis| DocSummary::new(analysis, limits, all_provenance));
    merge(resources, &summaries, limits)
}

/// Analyses every document, in parallel; the result is in the documents' order.
pub fn analyze(resources: &Resources, documents: &[Document], cooccurrence: bool) -> Vec<DocumentAnalysis> {
    analyze_each(resources, documents.to_vec(), cooccurrence, |analysis| analysis)
}

/// Analyses every document, in parallel, and hands each analysis to
/// `finish`; the results are in the documents' order.
///
/// Two passes: the first finds each document's mentions on its own; then the
/// names established anywhere (people named in full, organizations and
/// places found by a rule) are shared, and the second pass finds their other
/// mentions, resolves entities and extracts relations.
pub fn analyze_each<T: Send>(
    resources: &Resources,
    documents: Vec<Document>,
    cooccurrence: bool,
    finish: impl Fn(DocumentAnalysis) -> T + Sync,
) -> Vec<T> {
    let first_pass: Vec<(Document, Segmentation, Detection)> = documents
        .into_par_iter()
        .map(|document| {
            let (document, segmentation) = prepare(resources, document);
            let detection = mention::detect(resources, &document, &segmentation);
            (document, segmentation, detection)
        })
        .collect();
    let known = KnownNames::collect(first_pass.iter().map(|(d, _, det)| (d.text.as_str(), det.mentions.as_slice())));
    let mut people = CorpusPeople::default();
    for (document, _, detection) in &first_pass {
        for mention in detection.mentions.iter().filter(|m| m.kind == EntityKind::Person) {
            people.add(mention.span.text(&document.text));
        }
    }
    first_pass
        .into_par_iter()
        .map(|(document, segmentation, mut detection)| {
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
            finish(analysis)
        })
        .collect()
}

impl DocumentAnalysis {
    /// The view of this analysis that relation extractors take.
    pub fn context<'a>(&'a self, resources: &'a Resources) -> DocContext<'a> {
        DocContext {
            resources,
            document: &self.document,
            segmentation: &self.segmentation,
            mentions: &self.mentions,
            entities: &self.entities,
            mention_entity: &self.mention_entity,
            antecedents: OnceLock::new(),
        }
    }
}

/// `newsgraph build`.
pub fn run_build(args: &BuildArgs) -> Result<()> {
    let resources = match &args.data {
        Some(dir) => Resources::from_dir(dir)?,
        None => Resources::builtin()?,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads)
        .build()
        .map_err(|error| Error::Usage(format!("--threads {}: cannot start the worker threads: {error}", args.threads)))?;
    let corpus = crate::document::load::load_paths(&args.inputs, args.strict)?;
    if args.out.exists() && !args.out.is_dir() {
        return Err(crate::Error::Usage(format!("-o {}: not a directory", args.out.display())));
    }
    for diagnostic in &corpus.diagnostics {
        eprintln!("newsgraph: warning: {diagnostic}");
    }
    if let Some(warning) = corpus.skipped_links_warning() {
        eprintln!("newsgraph: warning: {warning}");
    }
    let n_documents = corpus.documents.len();
    let options = BuildOptions { cooccurrence: args.cooccurrence, limits: Limits { evidence: args.evidence } };
    let full = args.provenance == Provenance::Full;
    let out = args.update.as_ref().unwrap_or(&args.out);
    let (mut graph, skipped) = match &args.update {
        None => (pool.install(|| build(&resources, corpus.documents, &options, full)), None),
        Some(dir) => {
            let (graph, skipped) = update(&resources, &pool, dir, corpus.documents, &options, full)?;
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
