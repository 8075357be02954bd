//! AUTHORIZES: a resolution authorizes or mandates a mission or force.
//!
//! What it extracts: "Resolution N authorizes the X Mission", "under
//! Resolution N, ... the mandate of the X" — a resolution before the
//! trigger in the sentence, an organization right after it.
//! Triggers: `data/relations/authorizes.toml`.
//! "It authorizes ..." right after a sentence that names a resolution is that
//! resolution.
//! Known misses: authorization told of the council ("the Council voted to
//! authorize a mission") rather than of a named resolution.

use super::view::DocView;
use super::RelationCandidate;
use crate::kinds::{EntityKind, RelationKind};

/// The most words between the trigger and the mission.
const MAX_OBJECT_WORDS: usize = 4;

pub fn extract(doc: &DocView, out: &mut Vec<RelationCandidate>) {
    let file = doc.triggers("authorizes");
    for (idx, view) in doc.sentences.iter().enumerate() {
        for hit in file.find(view.text, view.span) {
            let named =
                view.arguments.iter().rev().find(|a| a.span.end <= hit.span.start && a.kind == EntityKind::Resolution).map(|a| a.entity);
            // "It authorizes ...", right after a sentence about the resolution.
            let it = view.before(hit.span.start).trim() == "It";
            let previous = || {
                let previous = idx.checked_sub(1).map(|p| &doc.sentences[p]).filter(|p| p.index + 1 == view.index)?;
                previous.arguments.iter().find(|a| a.kind == EntityKind::Resolution).map(|a| a.entity)
            };
            let Some(resolution) = named.or_else(|| it.then(previous).flatten()) else {
                continue;
            };
            let missions = view.object_within(hit.span, |kind| kind == EntityKind::Organization, MAX_OBJECT_WORDS);
            for &mission in missions.iter().take(1) {
                out.push(RelationCandidate::new(
                    RelationKind::Authorizes,
                    resolution,
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
