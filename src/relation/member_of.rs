//! MEMBER_OF: a person, country or organization is a member or part of an
//! organization.
//!
//! What it extracts:
//! - "X, a member of Y", "X is a (non-)permanent member of Y", "X’s tenure
//!   as a member on Y", "X joined Y" (`kind` = "permanent member" or
//!   "non-permanent member" when the text says so);
//! - a list of members: "the permanent members — A, B and C" with the
//!   organization named earlier in the sentence;
//! - parts of an organization: "the UN’s aid coordination body, OCHA",
//!   "OCHA, a UN agency";
//! - "PERSON from ORGANIZATION" ("Ana Ruiz from Oxfam").
//!
//! Triggers: `data/relations/member_of.toml`.
//! Known misses: membership implied by world knowledge (every UN agency is
//! part of the UN), and lowercase organization names.

use super::grammar::is_actor;
use super::view::{DocView, SentenceView};
use super::RelationCandidate;
use crate::graph::{EntityKind, RelationKind};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

/// "’s tenure as a non-permanent " right before a membership trigger.
static TENURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)['’]s?\s+(?:tenure|term|membership|seat|time|years?|stint)\s+(?:as|on)\s+(?:an?\s+)?(?:(?:non-?)?permanent\s+)?$")
        .unwrap()
});
/// "X’s [words] body, Y": the part named after its owner.
static PART_AFTER_OWNER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^['’]s?\s+(?:[\w-]+\s+){0,4}?(\w+),\s+$").unwrap());
/// "Y, a [words] body of X" / "Y, the X’s body": the owner inside the apposition.
static PART_BEFORE_OWNER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^,\s+(?:a|an|the)\s+$").unwrap());

pub fn extract(doc: &DocView, out: &mut Vec<RelationCandidate>) {
    let file = doc.triggers("member_of");
    for view in &doc.sentences {
        for hit in file.find(view.text, view.span) {
            match hit.group {
                "member" | "joined" => {
                    let members = tenure_holder(view, hit.span).map_or_else(|| view.subject(hit.span, is_actor), |idx| vec![idx]);
                    let groups = view.object(hit.span, |kind| kind == EntityKind::Organization);
                    let kind = membership_kind(view, hit.span);
                    for &member in &members {
                        for &group in groups.iter().take(1) {
                            push(out, view, member, group, hit.span, "member_of.member", kind);
                        }
                    }
                }
                "members_list" => {
                    let groups: Vec<usize> = (0..view.arguments.len())
                        .filter(|&i| view.arguments[i].kind == EntityKind::Organization && view.arguments[i].span.end <= hit.span.start)
                        .collect();
                    let Some(&group) = groups.last() else { continue };
                    let listed = view.object_within(hit.span, |kind| kind == EntityKind::Country, 1);
                    let kind = membership_kind(view, hit.span);
                    for &member in &listed {
                        push(out, view, member, group, hit.span, "member_of.members_list", kind);
                    }
                }
                "person_from" => person_from(view, hit.span, out),
                _ => {}
            }
        }
        parts(doc, view, out);
    }
}

/// "Kenya" in "Kenya’s tenure as a non-permanent member on the Council".
fn tenure_holder(view: &SentenceView, trigger: Span) -> Option<usize> {
    let before = view.before(trigger.start);
    let found = TENURE.find(before)?;
    let at = view.span.start + found.start() as u32;
    view.arguments.iter().position(|a| a.span.end == at && is_actor(a.kind))
}

/// "permanent member" / "non-permanent member" when the trigger's words say so.
fn membership_kind(view: &SentenceView, trigger: Span) -> Option<&'static str> {
    let before = view.before(trigger.end).to_lowercase();
    let near = &before[before.len().saturating_sub(trigger.len() + 24)..];
    if near.contains("non-permanent") || near.contains("nonpermanent") {
        Some("non-permanent member")
    } else if near.contains("permanent") {
        Some("permanent member")
    } else {
        None
    }
}

/// "Ana Ruiz from Oxfam": a person right before "from", an organization right after.
fn person_from(view: &SentenceView, trigger: Span, out: &mut Vec<RelationCandidate>) {
    let person = view
        .arguments
        .iter()
        .position(|a| a.kind == EntityKind::Person && view.between(a.span, trigger).trim().is_empty() && a.span.end <= trigger.start);
    let group = view
        .arguments
        .iter()
        .position(|a| a.kind == EntityKind::Organization && a.span.start >= trigger.end && view.between(trigger, a.span).trim().is_empty());
    if let (Some(person), Some(group)) = (person, group) {
        push(out, view, person, group, trigger, "member_of.person_from", None);
    }
}

/// "the UN’s aid coordination body, OCHA" and "OCHA, a UN agency".
fn parts(doc: &DocView, view: &SentenceView, out: &mut Vec<RelationCandidate>) {
    let file = doc.triggers("member_of");
    for pair in view.arguments.windows(2) {
        let (first, second) = (pair[0], pair[1]);
        if first.kind != EntityKind::Organization || second.kind != EntityKind::Organization {
            continue;
        }
        let gap = view.between(first.span, second.span);
        if let Some(noun) = PART_AFTER_OWNER.captures(gap).map(|c| c[1].to_lowercase()) {
            if file.has_word("part_nouns", &noun) {
                let trigger = Span { start: first.span.end, end: second.span.start };
                out.push(RelationCandidate::new(
                    RelationKind::MemberOf,
                    second.entity,
                    first.entity,
                    view,
                    trigger,
                    "member_of.part_of",
                    0.7,
                ));
            }
        }
        // "OCHA, a UN agency": the noun right after the owner.
        if PART_BEFORE_OWNER.is_match(gap) {
            let after = view.after(second.span.end);
            let word = after.split_whitespace().next().unwrap_or("");
            let noun = word.trim_matches(|c: char| !c.is_alphabetic());
            if file.has_word("part_nouns", &noun.to_lowercase()) {
                let start = second.span.end + after.find(noun).unwrap_or(0) as u32;
                let trigger = Span { start, end: start + noun.len() as u32 };
                out.push(RelationCandidate::new(
                    RelationKind::MemberOf,
                    first.entity,
                    second.entity,
                    view,
                    trigger,
                    "member_of.part_of",
                    0.7,
                ));
            }
        }
    }
}

fn push(
    out: &mut Vec<RelationCandidate>,
    view: &SentenceView,
    member: usize,
    group: usize,
    trigger: Span,
    rule: &'static str,
    kind: Option<&str>,
) {
    let candidate = RelationCandidate::new(
        RelationKind::MemberOf,
        view.arguments[member].entity,
        view.arguments[group].entity,
        view,
        trigger,
        rule,
        0.8,
    );
    out.push(match kind {
        Some(kind) => candidate.with("kind", kind),
        None => candidate,
    });
}
