//! VOTED_FOR, VOTED_AGAINST, ABSTAINED: how a country voted on a resolution.
//!
//! What it extracts: "X and Y abstained", "with X and Y abstaining", "X’s
//! abstention", "X voted against / vetoed the resolution", "X voted in
//! favour"; the resolution is the one the sentence names (or describes:
//! "the resolution" is the document's, tied across the corpus when unnamed);
//! a sentence that names none votes on the one resolution its document names.
//! Triggers: `data/relations/vote.toml`, one group per relation kind.
//! More voters follow "as did" and "and so did"; "backed the text" counts
//! only with the resolution right after it.
//! Known misses: vote tallies without names ("13 in favour"), and votes told
//! in a sentence that names no resolution.

use super::view::DocView;
use super::RelationCandidate;
use crate::kinds::{EntityKind, RelationKind};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

/// Voters named after the trigger: "two abstentions, from Russia and China",
/// "votes against came from X", "countries that abstained were X".
static NAMED_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^,?\s+(?:(?:came|come|were|was)\s+from|were|included|include|from)\s").unwrap());
/// More voters with the same vote: ", as did X", ", and so did X".
static AS_DID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[^.;]*?,\s+(?:as\s+did|and\s+so\s+did|as\s+had|and\s+so\s+had)\s").unwrap());

pub fn extract(doc: &DocView, out: &mut Vec<RelationCandidate>) {
    let file = doc.triggers("vote");
    let is_country = |kind: EntityKind| kind == EntityKind::Country;
    for view in &doc.sentences {
        let resolutions: Vec<usize> = (0..view.arguments.len()).filter(|&i| view.arguments[i].kind == EntityKind::Resolution).collect();
        for hit in file.find(view.text, view.span) {
            let (group, needs_object) = match hit.group.strip_suffix("_backing") {
                Some(group) => (group, true),
                None => (hit.group, false),
            };
            let Some(kind) = RelationKind::parse(group) else { continue };
            // "backed the text": only with the resolution right after.
            let resolution_after = resolutions.iter().copied().find(|&r| {
                let gap = view.between(hit.span, view.arguments[r].span);
                view.arguments[r].span.start >= hit.span.end && gap.split_whitespace().count() <= 2
            });
            if needs_object && resolution_after.is_none() {
                continue;
            }
            let mut voters = view.possessor_or_subject(hit.span, is_country);
            // "two abstentions, from Russia and China"; "the votes against came from X";
            // "among the countries that abstained were X and Y".
            if let Some(after) = NAMED_AFTER.find(view.after(hit.span.end)).filter(|_| voters.is_empty()) {
                let at = hit.span.end + after.end() as u32;
                voters = view.object_within(Span { start: at, end: at }, is_country, 1);
            }
            // "Russia voted against it, as did Belarus": the same vote.
            if let Some(also) = AS_DID.find(view.after(hit.span.end)) {
                let at = hit.span.end + also.end() as u32;
                voters.extend(view.object_within(Span { start: at, end: at }, is_country, 1));
            }
            // The resolution after the trigger, else the nearest one before it,
            // else the one resolution the document names.
            let resolution = resolution_after
                .or_else(|| resolutions.iter().copied().find(|&r| view.arguments[r].span.start >= hit.span.end))
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
