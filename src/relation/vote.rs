//! VOTED_FOR, VOTED_AGAINST, ABSTAINED: how a country voted on a resolution.
//!
//! What it extracts: "X and Y abstained", "with X and Y abstaining", "X’s
//! abstention", "X voted against / vetoed the resolution", "X voted in
//! favour"; the resolution is the one the sentence names (or describes:
//! "the resolution" is the document's, tied across the corpus when unnamed).
//! Triggers: `data/relations/vote.toml`, one group per relation kind.
//! Known misses: vote tallies without names ("13 in favour"), and votes told
//! in a sentence that names no resolution.

use super::view::DocView;
use super::RelationCandidate;
use crate::graph::{EntityKind, RelationKind};

pub fn extract(doc: &DocView, out: &mut Vec<RelationCandidate>) {
    let file = doc.triggers("vote");
    for view in &doc.sentences {
        let resolutions: Vec<usize> = (0..view.arguments.len()).filter(|&i| view.arguments[i].kind == EntityKind::Resolution).collect();
        if resolutions.is_empty() {
            continue;
        }
        for hit in file.find(view.text, view.span) {
            let Some(kind) = RelationKind::parse(hit.group) else { continue };
            let voters = view.possessor_or_subject(hit.span, |kind| kind == EntityKind::Country);
            // The resolution after the trigger, else the nearest one before it.
            let resolution = resolutions
                .iter()
                .copied()
                .find(|&r| view.arguments[r].span.start >= hit.span.end)
                .or_else(|| resolutions.iter().copied().rev().find(|&r| view.arguments[r].span.end <= hit.span.start));
            let Some(resolution) = resolution else { continue };
            for &voter in &voters {
                out.push(RelationCandidate::new(
                    kind,
                    view.arguments[voter].entity,
                    view.arguments[resolution].entity,
                    view,
                    hit.span,
                    "vote.verb",
                    0.85,
                ));
            }
        }
    }
}
