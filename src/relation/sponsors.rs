//! SPONSORS: a country or organization authored, drafted or co-sponsored a
//! resolution.
//!
//! What it extracts: "X (along with Y) has authored a draft resolution",
//! "X and Y drafted the resolution", "the proposal, which was co-sponsored
//! by X and Y" (the resolution right before a passive trigger). "The
//! resolution" and "the proposal" are the document's resolution
//! ([`super::coref`]), tied across the corpus when unnamed.
//! Triggers: `data/relations/sponsors.toml`.
//! Known misses: sponsorship stated without a verb ("the U.S. text").

use super::grammar::is_state_or_organization;
use super::view::DocView;
use super::RelationCandidate;
use crate::kinds::{EntityKind, RelationKind};

pub fn extract(doc: &DocView, out: &mut Vec<RelationCandidate>) {
    let file = doc.triggers("sponsors");
    let is_resolution = |kind: EntityKind| kind == EntityKind::Resolution;
    for view in &doc.sentences {
        for hit in file.find(view.text, view.span) {
            // The resolution before a passive trigger ("Resolution N, drafted by"),
            // after an active one, else the one the document names ("It was put forward by X").
            let (sponsors, resolutions) = match hit.group {
                "passive" => {
                    let resolution = view.arguments.iter().rposition(|a| a.span.end <= hit.span.start && is_resolution(a.kind));
                    let resolution = resolution.map(|r| view.arguments[r].entity).or(doc.named_resolution);
                    (view.object(hit.span, is_state_or_organization), resolution.into_iter().collect::<Vec<_>>())
                }
                _ => {
                    let named = view.object(hit.span, is_resolution).into_iter().map(|r| view.arguments[r].entity).next();
                    let joined = hit.group == "joined";
                    (
                        view.subject(hit.span, is_state_or_organization),
                        named.or(doc.named_resolution.filter(|_| joined)).into_iter().collect(),
                    )
                }
            };
            let rule = if hit.group == "passive" { "sponsors.by" } else { "sponsors.verb" };
            for &sponsor in &sponsors {
                for &resolution in resolutions.iter().take(1) {
                    out.push(RelationCandidate::new(
                        RelationKind::Sponsors,
                        view.arguments[sponsor].entity,
                        resolution,
                        view,
                        hit.span,
                        rule,
                        0.8,
                    ));
                }
            }
        }
    }
}
