//! MET: two people, countries or organizations met, held talks, spoke,
//! hosted or visited one another, or signed an agreement together.
//! Symmetric; `kind` says how (the trigger group).
//!
//! What it extracts:
//! - subject and object of a meeting verb: "X met (with) Y", "X held talks
//!   with Y and Z", "X, who had spoken with Y", "X started reaching out to Y";
//! - the subject and the agent of a hosted meeting: "X joined a meeting
//!   hosted by Y", "X took part in meetings held by Y";
//! - coordinated subjects with no object: "X and Y met", "X and Y signed a
//!   defense agreement";
//! - a fronted participle: "After meeting with X, Y flew home";
//! - "talks between X and Y", "a meeting between X, Y and Z", "the accord
//!   was signed by X and Y", "X and Y agreed to extend the truce";
//! - visits: "X visited Y" (a place stands for its country: "visited
//!   Nairobi" -> Kenya), "X sent a delegation to Y", "the X delegation that
//!   arrived in Y".
//!
//! Triggers: `data/relations/met.toml`.
//! Example: "Ghana’s president met Peru’s foreign minister in Accra" ->
//! Ghana’s president MET Peru’s foreign minister.
//! Known misses: meetings told across sentences ("They met on Friday"),
//! pronoun subjects, "met with criticism"-style idioms not in the
//! `not_objects` list, visits to places whose country is unknown.

use super::grammar::is_actor;
use super::view::{DocView, SentenceView};
use super::RelationCandidate;
use crate::kinds::{EntityKind, RelationKind};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

/// The most words between a meeting verb and whom it names ("met with the visiting X").
const OBJECT_WORDS: usize = 6;
/// For hosting and visits the guest or place follows at once ("hosted X"; not "hosted the talks with X").
const NEAR_OBJECT_WORDS: usize = 2;

/// "who headed the" right before a delegation's owner.
static HEADED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:who\s+)?(?:headed|led|heads|leads|heading|leading)\s+(?:the\s+|a\s+)?$").unwrap());

pub fn extract(doc: &DocView, out: &mut Vec<RelationCandidate>) {
    let file = doc.triggers("met");
    for view in &doc.sentences {
        for hit in file.find(view.text, view.span) {
            // "met with criticism", "met the deadline", "to meet Russian concerns": no meeting.
            let next_words: Vec<String> = view
                .after(hit.span.end)
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
                .filter(|w| !matches!(w.as_str(), "the" | "a" | "an" | "its" | "their" | "his" | "her" | "with" | "some"))
                .take(2)
                .collect();
            if next_words.iter().any(|w| file.has_word("not_objects", w)) {
                continue;
            }
            // "a goal that Spain and Belgium cannot meet"
            let before = view.before(hit.span.start).to_lowercase();
            if file.words("denials").iter().any(|denial| before.trim_end().ends_with(denial.as_str())) {
                continue;
            }
            let pairs = match hit.group {
                "hosted_by" => hosted_by(view, hit.span),
                "visited" | "delegation" => visit(doc, view, hit.span, hit.group == "delegation"),
                "hosted" => meeting(doc, view, hit.span, hit.group, NEAR_OBJECT_WORDS),
                "between" | "signed_by" => between(view, hit.span),
                _ => meeting(doc, view, hit.span, hit.group, OBJECT_WORDS),
            };
            for (a, b, rule) in pairs {
                if a != b {
                    out.push(RelationCandidate::new(RelationKind::Met, a, b, view, hit.span, rule, 0.8).with("kind", hit.group));
                }
            }
        }
    }
}

/// Pairs of entities that met, with the rule that found them.
type Pairs = Vec<(usize, usize, &'static str)>;

/// "X met Y", "X and Y met", "after meeting with Y, X ...".
fn meeting(doc: &DocView, view: &SentenceView, trigger: Span, group: &str, max_words: usize) -> Pairs {
    let subjects = view.subject(trigger, is_actor);
    // "X and Y signed an agreement under which ...": the agreement is the object.
    let signed_together = group == "signed" && !view.slice(trigger).to_lowercase().ends_with("with");
    let objects = if signed_together { Vec::new() } else { view.object_within(trigger, is_actor, max_words) };
    if !objects.is_empty() {
        let subjects = if subjects.is_empty() { fronted_subject(view, trigger, &objects) } else { subjects };
        return cross(view, &subjects, &objects, "met.subject_object");
    }
    // "X and Y met (on Monday)", "... held talks", "... signed an agreement";
    // not "X and Y spoke to reporters" nor "X and Y met the press".
    let file = doc.triggers("met");
    let next_word = view.after(trigger.end).split_whitespace().next().unwrap_or("").to_lowercase();
    let next_word = next_word.trim_matches(|c: char| !c.is_alphanumeric());
    let intransitive = next_word.is_empty() || file.has_word("after_intransitive", next_word);
    if !file.has_word("symmetric_groups", group) || group == "met" && !intransitive {
        return Vec::new();
    }
    let mut pairs = Vec::new();
    for (i, &a) in subjects.iter().enumerate() {
        for &b in &subjects[i + 1..] {
            pairs.push((view.arguments[a].entity, view.arguments[b].entity, "met.coordinated_subjects"));
        }
    }
    pairs
}

/// The subject after a fronted participle clause: "After meeting with Y, X
/// flew home" -> X (the first actor after the comma that closes the clause).
fn fronted_subject(view: &SentenceView, trigger: Span, objects: &[usize]) -> Vec<usize> {
    let Some(&last) = objects.last() else { return Vec::new() };
    let after = view.after(view.arguments[last].span.end);
    let Some(comma) = after.find(',') else { return Vec::new() };
    let from = view.arguments[last].span.end + comma as u32 + 1;
    // The trigger opens the participle: "After meeting with ...", not "After the ceremony X hosted ...".
    let opener = view.before(trigger.start).to_lowercase();
    let last_word = opener.split_whitespace().last().unwrap_or("");
    if !matches!(last_word, "after" | "before" | "while" | "since" | "upon" | "following") {
        return Vec::new();
    }
    let subject = (0..view.arguments.len()).find(|&idx| view.arguments[idx].span.start >= from && is_actor(view.arguments[idx].kind));
    subject.filter(|&idx| !view.is_prepositional(idx)).into_iter().collect()
}

/// "talks between X and Y", "was signed by X and Y": every two of the
/// coordinated names after the trigger.
fn between(view: &SentenceView, trigger: Span) -> Pairs {
    let parties = view.object_within(trigger, is_actor, 1);
    let mut pairs = Vec::new();
    for (i, &a) in parties.iter().enumerate() {
        for &b in &parties[i + 1..] {
            pairs.push((view.arguments[a].entity, view.arguments[b].entity, "met.between"));
        }
    }
    pairs
}

/// "X attended a meeting hosted by Y": X and Y met.
fn hosted_by(view: &SentenceView, trigger: Span) -> Pairs {
    let hosts = view.object(trigger, is_actor);
    let guests = view.subject(trigger, is_actor);
    cross(view, &guests, &hosts, "met.hosted_by")
}

/// "X visited Y", "X sent a delegation to Y", "the X delegation that arrived in Y".
/// A place stands for its country; the visitor of a delegation is the
/// country or organization right before "delegation", else the subject.
fn visit(doc: &DocView, view: &SentenceView, trigger: Span, delegation: bool) -> Pairs {
    let accept_host = |kind: EntityKind| is_actor(kind) || kind == EntityKind::Location;
    let hosts: Vec<usize> = view.object_within(trigger, accept_host, NEAR_OBJECT_WORDS);
    let owner = delegation
        .then(|| {
            (0..view.arguments.len()).rev().find(|&idx| {
                let argument = view.arguments[idx];
                argument.span.end <= trigger.start
                    && view.between(argument.span, trigger).trim().is_empty()
                    && matches!(argument.kind, EntityKind::Country | EntityKind::Organization)
            })
        })
        .flatten();
    let mut visitors: Vec<usize> = match owner {
        Some(owner) => vec![owner],
        None => view.subject(trigger, is_actor),
    };
    // "Robinson, who headed the U.S. delegation that visited X": its head visited too.
    if let Some(owner) = owner {
        let before = view.before(view.arguments[owner].span.start);
        if let Some(verb) = HEADED.find(before) {
            let at = view.span.start + verb.start() as u32;
            visitors.extend(view.subject(Span { start: at, end: at }, |kind| kind == EntityKind::Person));
        }
    }
    let rule = if delegation { "met.delegation" } else { "met.visit" };
    let mut pairs = Vec::new();
    for &host in &hosts {
        let argument = view.arguments[host];
        let host = match argument.kind {
            EntityKind::Location => match super::located_in::country_of_place(doc, argument.entity) {
                Some(country) => country,
                None => continue,
            },
            _ => argument.entity,
        };
        for &visitor in &visitors {
            pairs.push((view.arguments[visitor].entity, host, rule));
        }
    }
    pairs
}

/// Every subject with every object, as entities, with the rule.
fn cross(view: &SentenceView, left: &[usize], right: &[usize], rule: &'static str) -> Pairs {
    view.entity_pairs(left, right).into_iter().map(|(a, b)| (a, b, rule)).collect()
}
