//! newsgraph turns a folder of news articles into a knowledge graph.
//!
//! The pipeline, one module per stage, in the order the data flows:
//!
//! 1. [`document`]: load `.txt`/`.md`/`.jsonl`, find the date, mark page
//!    furniture (the text itself is never rewritten);
//! 2. [`segment`]: sentences and tokens as byte spans (UD English tokenization);
//!    [`syntax`]: part-of-speech tags, lemmas and dependency trees from trained models;
//! 3. [`mention`]: entity mentions from gazetteers (one Aho-Corasick
//!    automaton over `data/`) and patterns, then the names the trained
//!    recognizer of [`names`] finds where the rules found nothing;
//! 4. [`entity`]: mentions resolved into entities within a document;
//! 5. [`relation`]: typed relations with evidence, one extractor per kind;
//! 6. [`pipeline`]: runs 1–5 per document in parallel, then [`graph::merge`]
//!    folds the analyses, in document-id order, into one [`graph::KnowledgeGraph`];
//! 7. [`export`], [`graph::query`], [`eval`]: write, ask, score.
//!
//! ```no_run
//! use newsgraph::{pipeline, resources::Resources};
//! let resources = Resources::builtin().unwrap();
//! let corpus = newsgraph::document::load::load_paths(&["examples/articles".into()], false).unwrap();
//! let graph = pipeline::build_graph(&resources, &corpus.documents, false);
//! println!("{} entities", graph.by_id.len());
//! ```

#![deny(clippy::string_slice)]

pub mod cli;
pub mod commands;
pub mod corpus;
pub mod document;
pub mod entity;
pub mod error;
pub mod eval;
pub mod export;
pub mod graph;
pub mod kinds;
pub mod mention;
pub mod names;
pub mod pipeline;
pub mod relation;
pub mod resources;
pub mod segment;
pub mod span;
pub mod syntax;
pub mod text;

pub use error::{Error, Result};
pub use graph::{EntityKind, KnowledgeGraph, RelationKind};

/// Runs one command of the CLI.
pub fn run(command: cli::Command) -> Result<()> {
    use cli::Command;
    match command {
        Command::Build(args) => pipeline::run_build(&args),
        Command::Eval(args) => eval::run_eval(&args),
        Command::Render(args) => export::render::run_render(&args),
        Command::Query(args) => graph::query::run_query(&args),
        Command::Export(args) => export::run_export(&args),
        Command::Push(args) => export::falkordb::run_push(&args),
        Command::Parse(args) => commands::run_parse(&args),
        Command::Train(args) => commands::run_train(&args),
        Command::Merge(args) => graph::combine::run_merge(&args),
    }
}
