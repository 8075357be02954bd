//! The pipeline: per-document analysis in parallel, then a merge in document
//! order into one knowledge graph.

use crate::cli::{BuildArgs, DrawArgs};
use crate::document::{clean, Document};
use crate::entity::LocalEntity;
use crate::error::Result;
use crate::graph::KnowledgeGraph;
use crate::mention::Mention;
use crate::relation::RelationCandidate;
use crate::resources::Resources;
use crate::segment::{self, Segmentation};
use rayon::prelude::*;

/// What the relation extractors see of one document.
pub struct DocContext<'a> {
    pub resources: &'a Resources,
    pub document: &'a Document,
    pub segmentation: &'a Segmentation,
    pub mentions: &'a [Mention],
    pub entities: &'a [LocalEntity],
    /// For each mention, the index of its entity in `entities`.
    pub mention_entity: &'a [usize],
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

/// Analyses every document (in parallel) and merges them into one graph.
pub fn build_graph(resources: &Resources, documents: &[Document], cooccurrence: bool) -> KnowledgeGraph {
    let prepared: Vec<(Document, Segmentation)> =
        documents.par_iter().map(|document| prepare(resources, document.clone())).collect();
    let analyses: Vec<DocumentAnalysis> = prepared
        .into_par_iter()
        .map(|(document, segmentation)| DocumentAnalysis {
            document,
            segmentation,
            mentions: Vec::new(),
            entities: Vec::new(),
            mention_entity: Vec::new(),
            relations: Vec::new(),
        })
        .collect();
    crate::graph::merge::merge(&analyses, cooccurrence)
}

/// `newsgraph build`.
pub fn run_build(args: &BuildArgs) -> Result<()> {
    let resources = match &args.data {
        Some(dir) => Resources::from_dir(dir)?,
        None => Resources::builtin()?,
    };
    let corpus = crate::document::load::load_paths(&args.inputs, args.strict)?;
    for diagnostic in &corpus.diagnostics {
        eprintln!("newsgraph: warning: {diagnostic}");
    }
    let graph = build_graph(&resources, &corpus.documents, args.cooccurrence);
    let mut formats = args.format.clone();
    formats.sort();
    formats.dedup();
    let mut rendered = Vec::new();
    for format in formats {
        rendered.push(crate::export::render_format(&graph, format, &DrawArgs::default())?);
    }
    for (name, contents) in rendered.into_iter().flatten() {
        crate::export::write_atomically(&args.out.join(name), contents.as_bytes())?;
    }
    eprintln!(
        "newsgraph: {} documents, {} entities, {} relations -> {}{}",
        corpus.documents.len(),
        graph.graph.node_count(),
        graph.graph.edge_count(),
        args.out.display(),
        if corpus.diagnostics.is_empty() { String::new() } else { format!(" ({} lines skipped)", corpus.diagnostics.len()) }
    );
    Ok(())
}
