//! VOTED_FOR, VOTED_AGAINST, ABSTAINED: how a country voted on a resolution.
//!
//! What it extracts: "X and Y abstained", "with X and Y abstaining", "X’s
//! abstention", "X voted against / vetoed the resolution", "X voted in
//! favour"; the resolution is the one the sentence names (or describes:
//! "the resolution" is the document's, tied across the corpus when unnamed);
//! a sentence that names none votes on the one resolution its document names.
//! Triggers: `data/relations/vote.toml`, one group per relation kind.
//! Known misses: vote tallies without names ("13 in favour"), and votes told
//! in a sentence that names no resolution.

use super::view::DocView;
use super::RelationCandidate;
use crate::graph::{EntityKind, RelationKind};
use regex::Regex;
use std::sync::LazyLock;

/// Voters named after the trigger: "two abstentions, from Russia and China".
static FROM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^,?\s+from\s").unwrap());

pub fn extract(doc: &DocView, out: &mut Vec<RelationCandidate>) {
    let file = doc.triggers("vote");
    for view in &doc.sentences {
        let resolutions: Vec<usize> = (0..view.arguments.len()).filter(|&i| view.arguments[i].kind == EntityKind::Resolution).collect();
        for hit in file.find(view.text, view.span) {
            let Some(kind) = RelationKind::parse(hit.group) else { continue };
            let is_country = |kind: EntityKind| kind == EntityKind::Country;
            let mut voters = view.possessor_or_subject(hit.span, is_country);
            // "two abstentions, from Russia and China"
            if let Some(from) = FROM.find(view.after(hit.span.end)).filter(|_| voters.is_empty()) {
                let at = hit.span.end + from.end() as u32;
                voters = view.object_within(crate::span::Span { start: at, end: at }, is_country, 1);
            }
            // The resolution after the trigger, else the nearest one before it,
            // else the one resolution the document names.
            let resolution = resolutions
                .iter()
                .copied()
                .find(|&r| view.arguments[r].span.start >= hit.span.end)
                .or_else(|| resolutions.iter().copied().rev().find(|&r| view.arguments[r].span.end <= hit.span.start))
                .map(|r| view.arguments[r].entity)
                .or(doc.named_resolution);
            let Some(resolution) = resolution else { continue };
            for &voter in &voters {
                out.push(RelationCandidate::new(kind, view.arguments[voter].entity, resolution, view, hit.span, "vote.verb", 0.85));
            }
        }
    }
}
