//! One document's analysis, the product of the per-document layers, and the
//! view of it that the relation extractors read.

use super::antecedent::Antecedents;
use super::RelationCandidate;
use crate::document::Document;
use crate::entity::LocalEntity;
use crate::mention::Mention;
use crate::resources::Resources;
use crate::segment::Segmentation;
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
