//! Corpus linking: what crosses documents before the graph is built.
//!
//! The per-document layers below see one document at a time; this layer
//! holds what needs the others: the names established anywhere, shared
//! between the two passes ([`names`]); each finished analysis reduced to
//! what the graph reads ([`summary`]); the union-find over the documents'
//! entities ([`union`]); and the ties of described entities ("the
//! resolution", "the Kenya-led mission") to entities named elsewhere
//! ([`references`]). `graph::merge` folds the summaries with them.

pub mod names;
pub mod references;
pub mod summary;
pub mod union;
