//! LEADS: a person, country or organization leads, heads or commands an
//! organization (a mission, force, delegation, gang or agency).
//!
//! What it extracts:
//! - "the X-led Y" ("the Ghana-led Coastal Mission", "the Kenyan-led force");
//! - "X leads / is leading / heads / commands Y";
//! - "Y, led by X" and "Y (is) commanded by X" when Y is right before the
//!   trigger, or when the sentence names one mission ("officers, who will be
//!   commanded by Gen. X" in a sentence about "the force").
//!
//! - a leader's title ([`from_titles`]): "the head of NATO, X", "Y's chairman, X".
//!
//! Triggers: `data/relations/leads.toml`.
//! Known misses: "led by" after an unnamed group ("a gang federation led by X").

use super::grammar::is_actor;
use super::view::{DocView, SentenceView};
use super::RelationCandidate;
use crate::kinds::{EntityKind, RelationKind};
use crate::span::Span;
use std::collections::BTreeMap;

/// The most words between the led organization and a passive trigger.
const MAX_PASSIVE_GAP: usize = 4;

pub fn extract(doc: &DocView, out: &mut Vec<RelationCandidate>) {
    let file = doc.triggers("leads");
    for view in &doc.sentences {
        // "the X-led Y"
        for (idx, argument) in view.arguments.iter().enumerate() {
            if !is_actor(argument.kind) || !view.after(argument.span.end).starts_with("-led") {
                continue;
            }
            let led = view.arguments.get(idx + 1).filter(|next| {
                next.kind == EntityKind::Organization && view.between(argument.span, next.span).split_whitespace().count() <= 4
            });
            if let Some(led) = led {
                let trigger = Span { start: argument.span.end, end: argument.span.end + "-led".len() as u32 };
                out.push(RelationCandidate::new(RelationKind::Leads, argument.entity, led.entity, view, trigger, "leads.x_led", 0.9));
            }
        }
        for hit in file.find(view.text, view.span) {
            // "led to floods": a cause, not leadership; "Kenya-led" is the rule above.
            let followed_by_to = view.after(hit.span.end).trim_start().starts_with("to ");
            if view.before(hit.span.start).ends_with('-') {
                continue;
            }
            let pairs = match hit.group {
                "active" if !followed_by_to => {
                    let leaders = view.subject(hit.span, is_actor);
                    let led = view.object(hit.span, |kind| kind == EntityKind::Organization);
                    with_rule(view.entity_pairs(&leaders, &led), "leads.verb")
                }
                "passive" => {
                    let leaders = view.object(hit.span, is_actor);
                    let led = led_before(doc, view, hit.span);
                    with_rule(view.entity_pairs(&leaders, &led), "leads.led_by")
                }
                _ => Vec::new(),
            };
            for (leader, led, rule) in pairs {
                out.push(RelationCandidate::new(RelationKind::Leads, leader, led, view, hit.span, rule, 0.75));
            }
        }
    }
}

/// LEADS told by a title: every HOLDS_ROLE in an organization found so far whose role, past a
/// word like "former" (`other_holders` of `guards.toml`), is a leader's title (`leader_titles` of
/// `leads.toml`: "the head of NATO, X", "Y's chairman, X", "X, the former chairman of Y").
/// Other posts ("Secretary-General", "executive director", "president", "founder") are left a
/// HOLDS_ROLE: the gold does not read leadership into them. Runs after the extractors whose HOLDS_ROLE
/// candidates it reads.
pub fn from_titles(doc: &DocView, out: &mut Vec<RelationCandidate>) {
    let leads = doc.triggers("leads");
    let guards = doc.triggers("guards");
    let is_leader_title = |role: &str| {
        let role = role.to_lowercase();
        let title: Vec<&str> = role.split_whitespace().skip_while(|word| guards.has_word("other_holders", word)).collect();
        leads.has_word("leader_titles", &title.join(" "))
    };
    let derived: Vec<RelationCandidate> = out
        .iter()
        .filter(|r| r.kind == RelationKind::HoldsRole && doc.kind_of(r.target) == EntityKind::Organization)
        .filter(|r| r.attributes.get("role").is_some_and(|role| is_leader_title(role)))
        .filter(|r| !heads_a_branch(doc, r))
        .map(|r| RelationCandidate { kind: RelationKind::Leads, attributes: BTreeMap::new(), rule: "leads.title", ..r.clone() })
        .collect();
    out.extend(derived);
}

/// Whether the sentence of a HOLDS_ROLE names its organization with a place right after it ("head
/// of the ICRC in Haiti"): the head of a branch, not of the organization.
fn heads_a_branch(doc: &DocView, role: &RelationCandidate) -> bool {
    let Ok(at) = doc.sentences.binary_search_by_key(&role.sentence, |view| view.index) else { return false };
    let view = &doc.sentences[at];
    view.mentions.iter().filter(|m| m.entity == role.target).any(|m| {
        let rest = view.after(m.span.end);
        rest.starts_with(" in ")
            && view.mention_after(m.span.end).is_some_and(|place| {
                matches!(place.kind, EntityKind::Location | EntityKind::Country) && view.between(m.span, place.span).trim() == "in"
            })
    })
}

/// What "led by" / "commanded by" applies to: the organization right before
/// the trigger, else the one mission the sentence names.
fn led_before(doc: &DocView, view: &SentenceView, trigger: Span) -> Vec<usize> {
    // "the mission, led by X", "the X mission led by Y"; not "an IMF team led by Y"
    // (the team is led, not the IMF).
    let references = doc.triggers("references");
    let only_mission_words = |gap: &str| {
        gap.split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .all(|w| references.has_word("mission_nouns", w) || w == "which" || w == "is" || w == "was")
    };
    let adjacent = (0..view.arguments.len()).rev().find(|&idx| {
        let argument = view.arguments[idx];
        let gap = view.between(argument.span, trigger);
        argument.span.end <= trigger.start
            && argument.kind == EntityKind::Organization
            && gap.split_whitespace().count() <= MAX_PASSIVE_GAP
            && !gap.contains(['.', ';'])
            && only_mission_words(gap)
    });
    if let Some(idx) = adjacent {
        return vec![idx];
    }
    let missions: Vec<usize> = (0..view.arguments.len())
        .filter(|&idx| view.arguments[idx].span.end <= trigger.start && is_mission(doc, view.arguments[idx].entity))
        .collect();
    match missions.as_slice() {
        [one] => vec![*one],
        _ => Vec::new(),
    }
}

/// Whether an entity of the document is its mission (named or described).
fn is_mission(doc: &DocView, entity: usize) -> bool {
    doc.named_mission == Some(entity) || entity >= doc.ctx.entities.len() && doc.kind_of(entity) == EntityKind::Organization
}

fn with_rule(pairs: Vec<(usize, usize)>, rule: &'static str) -> Vec<(usize, usize, &'static str)> {
    pairs.into_iter().map(|(a, b)| (a, b, rule)).collect()
}
