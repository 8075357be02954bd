//! AUTHORIZES: a resolution authorizes or mandates a mission or force.
//!
//! What it extracts: "Resolution N authorizes the X Mission", "under
//! Resolution N, ... the mandate of the X" — a resolution before the
//! trigger in the sentence, an organization right after it.
//! Triggers: `data/relations/authorizes.toml`.
//! Known misses: authorization told of the council ("the Council voted to
//! authorize a mission") rather than of a named resolution.

use super::view::DocView;
use super::RelationCandidate;
use crate::graph::{EntityKind, RelationKind};

/// The most words between the trigger and the mission.
const MAX_OBJECT_WORDS: usize = 4;

pub fn extract(doc: &DocView, out: &mut Vec<RelationCandidate>) {
    let file = doc.triggers("authorizes");
    for view in &doc.sentences {
        for hit in file.find(view.text, view.span) {
            let Some(resolution) = view.arguments.iter().rev().find(|a| a.span.end <= hit.span.start && a.kind == EntityKind::Resolution)
            else {
                continue;
            };
            let missions = view.object_within(hit.span, |kind| kind == EntityKind::Organization, MAX_OBJECT_WORDS);
            for &mission in missions.iter().take(1) {
                out.push(RelationCandidate::new(
                    RelationKind::Authorizes,
                    resolution.entity,
                    view.arguments[mission].entity,
                    view,
                    hit.span,
                    "authorizes.verb",
                    0.8,
                ));
            }
        }
    }
}
