//! MEMBER_OF: a person, country or organization is a member or part of an
//! organization.
//!
//! What it extracts:
//! - "X, a member of Y", "X is a (non-)permanent member of Y", "X’s tenure
//!   as a member on Y" (`kind` = "permanent member" or "non-permanent
//!   member" when the text says so);
//! - a list of members: "the permanent members — A, B and C" with the
//!   organization named earlier in the sentence;
//! - parts of an organization: "the UN’s aid coordination body, OCHA",
//!   "OCHA, a UN agency";
//! - a member's title in an organization ("Ama Owusu, an NDC lawmaker").
//!
//! Triggers: `data/relations/member_of.toml`; its tree patterns add "X
//! joined Y" (also "Y, which X joined"), "X from Y", "X spent ten years at
//! Y", "X works (played) for Y", "X is employed by Y", "a lawmaker from Y",
//! "X (Y Party)" and "Y's X" ([`super::dependency`]).
//! Known misses: membership implied by world knowledge (every UN agency is
//! part of the UN), adherents named by a word made from the name
//! ("Scientologist X"), and lowercase organization names.

use super::grammar::is_actor;
use super::view::{DocView, SentenceView};
use super::RelationCandidate;
use crate::kinds::{EntityKind, RelationKind};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

/// " with " right after a founded organization (and its acronym).
static WITH_AFTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:\s*\([^)]*\))?\s+with\s+").unwrap());
/// "’s tenure as a non-permanent " right before a membership trigger.
static TENURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)['’]s?\s+(?:tenure|term|membership|seat|time|years?|stint)\s+(?:as|on)\s+(?:an?\s+)?(?:(?:non-?)?permanent\s+)?$")
        .unwrap()
});
/// "’s aid coordination body, " / " peacekeeping mission in Congo, " after an owner, before its part.
static PART_AFTER_OWNER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:['’]s?)?\s+(?:[a-z][\w-]*\s+){0,4}?([a-z]\w*)(?:\s+in\s+(?:the\s+)?[\w\s’'-]{1,30}?)?,\s+").unwrap());
/// ", the principal judicial organ of the " between a part and its owner.
static PART_OF_OWNER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^,\s+(?:the|a|an)\s+(?:[a-z][\w-]*\s+){0,3}?([a-z]+)\s+of\s+(?:the\s+)?$").unwrap());
/// "Y, a [words] body of X" / "Y, the X’s body": the owner inside the apposition.
static PART_BEFORE_OWNER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^,\s+(?:a|an|the)\s+$").unwrap());

pub fn extract(doc: &DocView, out: &mut Vec<RelationCandidate>) {
    let file = doc.triggers("member_of");
    for view in &doc.sentences {
        for hit in file.find(view.text, view.span) {
            match hit.group {
                "member" => {
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
                "founded" => {
                    // "X formed the Y with A and B": its founders are members.
                    let founders = view.subject(hit.span, is_actor);
                    let groups = view.object_within(hit.span, |kind| kind == EntityKind::Organization, 1);
                    let Some(&group) = groups.first() else { continue };
                    let group_end = view.arguments[group].span.end;
                    let partners = WITH_AFTER.find(view.after(group_end)).map(|with| {
                        let at = group_end + with.end() as u32;
                        view.object_within(Span { start: at, end: at }, is_actor, 0)
                    });
                    for member in founders.into_iter().chain(partners.unwrap_or_default()) {
                        push(out, view, member, group, hit.span, "member_of.founded", None);
                    }
                }
                _ => {}
            }
        }
        parts(doc, view, out);
        // "Ama Owusu, an NDC lawmaker": a member's title in an organization.
        for role in &view.roles {
            let Some((organization, _)) = role.organization else { continue };
            if doc.kind_of(organization) == EntityKind::Organization && file.has_word("membership_titles", &role.base_title) {
                out.push(RelationCandidate::new(
                    RelationKind::MemberOf,
                    role.person.entity,
                    organization,
                    view,
                    role.title,
                    "member_of.member_title",
                    0.75,
                ));
            }
        }
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
    let near = crate::span::tail(&before, trigger.len() + 24);
    if near.contains("non-permanent") || near.contains("nonpermanent") {
        Some("non-permanent member")
    } else if near.contains("permanent") {
        Some("permanent member")
    } else {
        None
    }
}

/// Parts of an organization: "the UN’s aid coordination body, OCHA", "the
/// UN peacekeeping mission in Congo, MONUSCO", "OCHA, a UN agency",
/// "MINUSCA, the UN peacekeeping mission", "the UN's Emergency Fund".
fn parts(doc: &DocView, view: &SentenceView, out: &mut Vec<RelationCandidate>) {
    let file = doc.triggers("member_of");
    let is_part_noun = |word: &str| file.has_word("part_nouns", &word.to_lowercase());
    let organizations: Vec<usize> = (0..view.arguments.len()).filter(|&i| view.arguments[i].kind == EntityKind::Organization).collect();
    let part_of = |part: usize, owner: usize, trigger: Span| {
        RelationCandidate::new(RelationKind::MemberOf, part, owner, view, trigger, "member_of.part_of", 0.7)
    };
    for &owner_idx in &organizations {
        let owner = view.arguments[owner_idx];
        let after = view.after(owner.span.end);
        // Owner first: "the UN’s aid body, OCHA", "the UN peacekeeping mission in Congo, MONUSCO".
        if let Some(found) = PART_AFTER_OWNER.captures(after).filter(|c| is_part_noun(&c[1])) {
            let at = owner.span.end + found.get(0).expect("match").end() as u32;
            if let Some(part) = view.arguments.iter().find(|a| a.span.start == at && a.kind == EntityKind::Organization) {
                let trigger = Span { start: owner.span.end, end: at };
                out.push(part_of(part.entity, owner.entity, trigger));
            }
        }
        // "the UN's Central Emergency Response Fund": a part named after its owner's possessive.
        if let Some(part) = view.arguments.get(owner_idx + 1).filter(|a| a.kind == EntityKind::Organization) {
            let named_part = doc.ctx.entities.get(part.entity).is_some_and(|e| e.name.rsplit(' ').next().is_some_and(is_part_noun));
            if matches!(view.between(owner.span, part.span), "’s " | "'s ") && named_part {
                let trigger = Span { start: owner.span.end, end: part.span.start };
                out.push(part_of(part.entity, owner.entity, trigger));
            }
        }
        // Part first, owner after "of": "The court, the principal judicial organ of the United Nations".
        if let Some(part) = owner_idx.checked_sub(1).map(|i| view.arguments[i]).filter(|a| a.kind == EntityKind::Organization) {
            if let Some(found) = PART_OF_OWNER.captures(view.between(part.span, owner.span)).filter(|c| is_part_noun(&c[1])) {
                let start = part.span.end + found.get(1).expect("noun").start() as u32;
                let trigger = Span { start, end: start + found[1].len() as u32 };
                out.push(part_of(part.entity, owner.entity, trigger));
            }
        }
        // Part first: "OCHA, a UN agency", "MINUSCA, the UN peacekeeping mission".
        let Some(part) = owner_idx.checked_sub(1).map(|i| view.arguments[i]).filter(|a| a.kind == EntityKind::Organization) else {
            continue;
        };
        if !PART_BEFORE_OWNER.is_match(view.between(part.span, owner.span)) {
            continue;
        }
        let words: Vec<&str> = after.split_whitespace().take(3).collect();
        if let Some(noun) = words.iter().map(|w| w.trim_matches(|c: char| !c.is_alphabetic())).find(|w| is_part_noun(w)) {
            let start = owner.span.end + after.find(noun).unwrap_or(0) as u32;
            let trigger = Span { start, end: start + noun.len() as u32 };
            out.push(part_of(part.entity, owner.entity, trigger));
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
