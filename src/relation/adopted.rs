//! ADOPTED: an organization (a council, assembly, parliament) voted a
//! resolution through; `date` when the sentence gives one ("on 2 October
//! 2023", "on Monday" counted back from the document's date).
//!
//! What it extracts:
//! - "X adopted / approved / passed Resolution N", "X voted 13 in favour of
//!   the resolution";
//! - "Resolution N, adopted on DATE by X" and "X Resolution N, approved on
//!   DATE" (the body named right before the resolution).
//!
//! The date of an adoption ties unnamed resolutions of other documents to
//! this one (see [`crate::corpus::references`]).
//! Triggers: `data/relations/adopted.toml`.
//! Known misses: adoptions told of a mission rather than the resolution
//! ("the Council approved a mission"), and passives without a named body.

use super::dates::event_date;
use super::view::{Argument, DocView, SentenceView};
use super::RelationCandidate;
use crate::kinds::{EntityKind, RelationKind};
use crate::span::Span;

/// The most words between a resolution and a passive trigger after it.
const MAX_PASSIVE_GAP: usize = 3;

pub fn extract(doc: &DocView, out: &mut Vec<RelationCandidate>) {
    let file = doc.triggers("adopted");
    let document_date = doc.ctx.document.date.as_deref();
    for view in &doc.sentences {
        for hit in file.find(view.text, view.span) {
            let date = event_date(view.sentence_text(), document_date);
            let bodies = view.subject(hit.span, |kind| kind == EntityKind::Organization);
            let resolutions = view.object(hit.span, |kind| kind == EntityKind::Resolution);
            let (pairs, rule): (Vec<(usize, usize)>, &str) = if !bodies.is_empty() && !resolutions.is_empty() {
                (
                    bodies
                        .iter()
                        .flat_map(|&b| resolutions.iter().map(move |&r| (view.arguments[b].entity, view.arguments[r].entity)))
                        .collect(),
                    "adopted.verb",
                )
            } else if hit.group == "verb" {
                (passive(doc, view, hit.span).into_iter().collect(), "adopted.passive")
            } else {
                continue;
            };
            for (body, resolution) in pairs {
                let candidate = RelationCandidate::new(RelationKind::Adopted, body, resolution, view, hit.span, rule, 0.8);
                out.push(match &date {
                    Some(date) => candidate.with("date", date.clone()),
                    None => candidate,
                });
            }
        }
    }
}

/// "X Resolution N, approved on ...", "Resolution N was adopted by X": the
/// resolution right before the trigger and its body, named right before
/// the resolution or after "by", else the one council or assembly the
/// document names (words `body_nouns`).
fn passive(doc: &DocView, view: &SentenceView, trigger: Span) -> Option<(usize, usize)> {
    let idx = view.arguments.iter().rposition(|a| a.span.end <= trigger.start && a.kind == EntityKind::Resolution)?;
    let resolution: Argument = view.arguments[idx];
    let gap = view.between(resolution.span, trigger);
    if gap.split_whitespace().count() > MAX_PASSIVE_GAP || gap.contains(['.', ';']) {
        return None;
    }
    let named_before = idx
        .checked_sub(1)
        .map(|i| view.arguments[i])
        .filter(|a| a.kind == EntityKind::Organization && view.between(a.span, resolution.span).trim().is_empty());
    let after = view.after(trigger.end);
    let by = after.find(" by ").filter(|&at| crate::span::prefix(after, at).split_whitespace().count() <= 4);
    let named_after = by.and_then(|at| {
        let from = trigger.end + at as u32 + 4;
        view.arguments.iter().find(|a| {
            a.span.start >= from
                && a.kind == EntityKind::Organization
                && view.slice(Span { start: from, end: a.span.start }).split_whitespace().count() <= 1
        })
    });
    let body = named_after.or(named_before.as_ref()).map(|a| a.entity).or_else(|| single_body(doc))?;
    Some((body, resolution.entity))
}

/// The one organization of the document named as a voting body ("... Council",
/// "Board of Governors"); none when it names two.
fn single_body(doc: &DocView) -> Option<usize> {
    let file = doc.triggers("adopted");
    let bodies: Vec<usize> = (0..doc.ctx.entities.len())
        .filter(|&e| {
            let entity = &doc.ctx.entities[e];
            entity.kind == EntityKind::Organization && entity.name.split(' ').any(|word| file.has_word("body_nouns", word))
        })
        .collect();
    match bodies.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}
