//! One document's analysis reduced to what the graph reads, as soon as it is
//! done: its entities with their first mentions, its relations and the
//! sentences that state them, in character offsets (the one place byte spans
//! become character offsets, with one `CharIndex` per document). The text,
//! tokens and other mentions are dropped.

use crate::entity::LocalEntity;
use crate::relation::{DocumentAnalysis, RelationCandidate};
use crate::span::CharIndex;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A document the graph was built from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentMeta {
    pub id: String,
    pub date: Option<String>,
    pub title: Option<String>,
    pub path: Option<String>,
    /// [`crate::document::Document::content_hash`], by which `build --update`
    /// knows the document again (absent in graphs written before it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hash: Option<String>,
}

/// One document reduced to what the merge reads: its entities with their
/// first mentions (as the graph writes them), its relations, and the
/// sentences that state them. The text, tokens and other mentions are gone,
/// so a corpus's summaries take a fraction of its analyses' memory.
pub struct DocSummary {
    pub meta: DocumentMeta,
    /// The local entities; their `mentions` are emptied (see `mentions`).
    pub entities: Vec<LocalEntity>,
    /// For each entity, how many mentions it has here.
    pub mention_counts: Vec<usize>,
    /// For each entity, its first mentions in text order, as (start, end,
    /// text) with character offsets.
    pub mentions: Vec<Vec<(u32, u32, Box<str>)>>,
    pub relations: Vec<RelationCandidate>,
    /// For each relation, where it is stated.
    pub sites: Vec<EvidenceSite>,
    /// The sentences that state a relation, verbatim, indexed by `EvidenceSite::quote`.
    pub quotes: Vec<String>,
}

/// Where one relation is stated, in character offsets.
pub struct EvidenceSite {
    pub quote: usize,
    pub sentence_start: u32,
    pub sentence_end: u32,
    pub trigger_start: u32,
    pub trigger_end: u32,
    pub trigger: String,
}

impl DocSummary {
    /// Summarises one analysis, keeping the first `keep_mentions` mentions of each entity.
    pub fn new(analysis: DocumentAnalysis, keep_mentions: usize) -> DocSummary {
        let text = analysis.document.text.as_str();
        let chars = CharIndex::new(text);
        let mut entities = analysis.entities;
        let mut mention_counts = Vec::with_capacity(entities.len());
        let mut mentions = Vec::with_capacity(entities.len());
        for entity in &mut entities {
            let mut records: Vec<(u32, u32, Box<str>)> = entity
                .mentions
                .iter()
                .map(|&idx| {
                    let span = analysis.mentions[idx].span;
                    let (start, end) = chars.char_span(span);
                    (start, end, span.text(text).into())
                })
                .collect();
            records.sort();
            records.dedup();
            mention_counts.push(records.len());
            records.truncate(keep_mentions);
            records.shrink_to_fit();
            mentions.push(records);
            entity.mentions = Vec::new();
        }
        let mut quote_of_sentence: BTreeMap<u32, usize> = BTreeMap::new();
        let mut quotes = Vec::new();
        let sites = analysis
            .relations
            .iter()
            .map(|relation| {
                let sentence = analysis.segmentation.sentences[relation.sentence as usize].span;
                let quote = *quote_of_sentence.entry(relation.sentence).or_insert_with(|| {
                    quotes.push(sentence.text(text).to_string());
                    quotes.len() - 1
                });
                let (sentence_start, sentence_end) = chars.char_span(sentence);
                let (trigger_start, trigger_end) = chars.char_span(relation.trigger);
                EvidenceSite {
                    quote,
                    sentence_start,
                    sentence_end,
                    trigger_start,
                    trigger_end,
                    trigger: relation.trigger.text(text).to_string(),
                }
            })
            .collect();
        let document = &analysis.document;
        DocSummary {
            meta: DocumentMeta {
                id: document.id.0.clone(),
                date: document.date.clone(),
                title: document.title.clone(),
                path: Some(document.path.display().to_string()),
                hash: Some(document.content_hash()),
            },
            entities,
            mention_counts,
            mentions,
            relations: analysis.relations,
            sites,
            quotes,
        }
    }
}
