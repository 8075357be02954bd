//! CONTRIBUTES_TO: a country or organization pledges, sends or gives
//! personnel, money or equipment to an organization (a mission, force or
//! fund); `what` is the amount when the sentence gives one.
//!
//! What it extracts:
//! - "X pledged $60 million to the mission", "X offered to deploy 50
//!   personnel to help the Y Mission", "X has deposited $8 million into the
//!   Y Fund", "X, which announced a deployment of 150 police" (the
//!   document's one mission when the sentence names no recipient);
//! - gapped subjects: "X pledged $60 million and Y $300 million";
//! - "countries said they would join the mission, including A, B and C";
//! - counted nationals: "250 Jamaican personnel" (to the document's mission).
//!
//! Triggers: `data/relations/contributes_to.toml`.
//! Known misses: contributions told without a verb of giving ("Canada’s
//! $60 million"), subjects named by description ("the administration").

use super::grammar::is_state_or_organization;
use super::view::{DocView, SentenceView};
use super::RelationCandidate;
use crate::kinds::{EntityKind, RelationKind};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

/// Money: "$60 million", "100 million dollars", "€3m".
static MONEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:[$€£]\s?|\\\$)[\d.,]+(?:\s*(?:million|billion|m|bn))?|\b[\d.,]+\s+(?:million|billion)\s+(?:dollars|euros|pounds)")
        .unwrap()
});
/// ", which will be" before a passive trigger: the antecedent is the gift.
static GIFT_RELATIVE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r",\s+which\s+(?:will|would|is|was|are|were|has|have)?\s*(?:been|be)$").unwrap());
/// A relative clause right after its antecedent: " that ...", ", which ...".
static RELATIVE_OPENER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^,?\s+(?:that|which)\s").unwrap());
/// Equipment: "two frigates", "a patrol vessel".
static EQUIPMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|[\d,]+)\s+(?:[A-Za-z0-9-]+\s+){0,4}(?:frigates?|vessels?|aircraft|helicopters?|ships?|vehicles?|boats?|drones?|equipment|planes?|trucks?|jets?|tanks?|batter(?:y|ies)|missiles?|launchers?)\b")
        .unwrap()
});
/// People without a count, right after the trigger: "sending troops", "to deploy forces".
static BARE_PEOPLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s+(?:to\s+(?:deploy|send|contribute|provide)\s+)?(?:(?:more|additional|extra|its|their|own|combat|military|police)\s+){0,2}(?:troops|forces|soldiers|police\s+officers|personnel|peacekeepers)\b").unwrap()
});
/// Counted people: "1,000 police officers", "up to 50 uniformed personnel".
static PEOPLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:up\s+to\s+|at\s+least\s+|more\s+than\s+|about\s+|some\s+|approximately\s+)?[\d,]+\s+(?:[a-z-]+\s+){0,2}(?:personnel|troops|soldiers|police\s+officers|officers|police|individuals|peacekeepers|staff|experts|doctors|engineers|instructors|trainers|advisers|advisors|medics|nurses|sailors|marines|guards)\b")
        .unwrap()
});

pub fn extract(doc: &DocView, out: &mut Vec<RelationCandidate>) {
    let file = doc.triggers("contributes_to");
    for view in &doc.sentences {
        for hit in file.find(view.text, view.span) {
            // "4,000 soldiers have been deployed": a passive names what was given, not who gave it;
            // but "X released $2m, which will be channelled through Y" still tells X's gift.
            let before = view.before(hit.span.start).trim_end().to_lowercase();
            let passive = ["been", "was", "were", "is", "are", "be"].iter().any(|aux| before.ends_with(&format!(" {aux}")));
            if passive && !GIFT_RELATIVE.is_match(&before) {
                continue;
            }
            let clause_end = view.clause_end(hit.span.end);
            let mut givers = view.subject(hit.span, is_state_or_organization);
            // The amount after the trigger, else between the giver and the trigger
            // ("released 1.5 million euros, which will be channelled through X").
            let giver_end =
                givers.iter().map(|&g| view.arguments[g].span.end).filter(|&end| end <= hit.span.start).max().unwrap_or(hit.span.start);
            // "the largest contributor, with about 4,500 soldiers"
            let with_tail = view.after(clause_end).starts_with(", with ").then_some(Span { start: clause_end, end: view.span.end });
            let what = amount(view, Span { start: hit.span.end, end: clause_end })
                .or_else(|| amount(view, Span { start: giver_end, end: hit.span.start }))
                .or_else(|| with_tail.and_then(|tail| amount(view, tail)));
            // "Burundi, which had contributed soldiers, has pulled out": no contribution now.
            if file.words("withdrawal_cues").iter().any(|cue| view.sentence_text().to_lowercase().contains(cue.as_str())) {
                continue;
            }
            if givers.is_empty() {
                // "countries said they would join the mission, including A, B and C"
                if let Some(first) = view.inclusion_list(hit.span.end, clause_end) {
                    givers = view
                        .coordinated(first)
                        .into_iter()
                        .filter(|&i| i >= first && view.arguments[i].kind == EntityKind::Country)
                        .collect();
                }
            }
            givers.extend(gapped_subjects(view, hit.span, clause_end));
            // Without an amount, only a mission or a fund receives ("sent a letter to the AU" gives nothing).
            let recipients: Vec<usize> = recipient(doc, view, hit.span, clause_end, what.is_some())
                .into_iter()
                .filter(|&r| what.is_some() || is_mission_or_fund(doc, r))
                .collect();
            for (giver, recipient) in givers.iter().flat_map(|&g| recipients.iter().map(move |&r| (g, r))) {
                // "X pledged $60 million and Y $300 million": Y gave its own amount.
                let own = view.arguments[giver].span.start > hit.span.end;
                let what = if own { amount(view, Span { start: view.arguments[giver].span.end, end: clause_end }) } else { what.clone() };
                let candidate = RelationCandidate::new(
                    RelationKind::ContributesTo,
                    view.arguments[giver].entity,
                    recipient,
                    view,
                    hit.span,
                    "contributes_to.verb",
                    0.75,
                );
                out.push(match &what {
                    Some(what) => candidate.with("what", what.clone()),
                    None => candidate,
                });
            }
        }
        counted_nationals(doc, view, out);
    }
}

/// The amount given after the trigger: money, counted people, equipment,
/// or people right after it ("sending troops").
fn amount(view: &SentenceView, within: Span) -> Option<String> {
    let text = view.slice(within);
    let found = PEOPLE.find(text).or_else(|| MONEY.find(text)).or_else(|| EQUIPMENT.find(text)).or_else(|| BARE_PEOPLE.find(text))?;
    Some(found.as_str().replace("\\$", "$"))
}

/// Who receives: an organization after the trigger in its clause, after a
/// word that marks a recipient ("to", "into", "to help" ...); else the
/// mission the sentence names; else, when an amount is given, the
/// document's one named mission.
fn recipient(doc: &DocView, view: &SentenceView, trigger: Span, clause_end: u32, has_amount: bool) -> Vec<usize> {
    let file = doc.triggers("contributes_to");
    // A marker among the last words before it, and no comma in between
    // ("deposited $8 million into the separate X Fund").
    // Not in another clause: "X pledged guns for Y, and Z said it would send jets to W".
    let same_clause = |start: u32| {
        let before = view.slice(Span { start: trigger.end, end: start.max(trigger.end) }).to_lowercase();
        !before.contains(", and ") && !before.split_whitespace().any(|w| matches!(w, "said" | "says" | "told"))
    };
    // Not what the giver owns ("sent teams of its National Response Force").
    let marked = |start: u32| {
        let before = view.slice(Span { start: trigger.end, end: start }).to_lowercase();
        let words: Vec<&str> = before.split_whitespace().collect();
        let owned = words.last().is_some_and(|w| matches!(*w, "its" | "their" | "his" | "her" | "own"));
        let near_marker = words.iter().rev().take(3).any(|w| file.has_word("recipient_markers", w));
        !owned && same_clause(start) && (before.trim().is_empty() || near_marker && !before.contains(','))
    };
    let after = (0..view.arguments.len()).find(|&idx| {
        let a = view.arguments[idx];
        a.span.start >= trigger.end && a.span.end <= clause_end && a.kind == EntityKind::Organization && marked(a.span.start)
    });
    // "released $10 million, most of it to be spent through X": a channel named later in the sentence.
    let channel = || {
        (0..view.arguments.len()).find(|&idx| {
            let a = view.arguments[idx];
            a.span.start >= trigger.end && a.kind == EntityKind::Organization && {
                let before = view.before(a.span.start).trim_end();
                let before = before.strip_suffix(" the").unwrap_or(before);
                before.ends_with(" through")
            }
        })
    };
    if let Some(after) = after.or_else(channel) {
        // "to UNICEF, the WFP and the World Health Organization"
        let listed = view.coordinated(after).into_iter().filter(|&i| i >= after && view.arguments[i].kind == EntityKind::Organization);
        return listed.map(|i| view.arguments[i].entity).collect();
    }
    // The sentence's mission after the trigger, or one the trigger's clause
    // describes ("an operation that Togo has promised to staff"); not one
    // in a fronted phrase ("During the mission, UNICEF sent an envoy").
    let mut missions: Vec<usize> = view
        .arguments
        .iter()
        .filter(|a| is_mission(doc, a.entity))
        .filter(|a| a.span.start >= trigger.end && same_clause(a.span.start) || RELATIVE_OPENER.is_match(view.between(a.span, trigger)))
        .map(|a| a.entity)
        .collect();
    missions.dedup();
    if let [mission] = missions.as_slice() {
        return vec![*mission];
    }
    has_amount.then_some(doc.default_mission).flatten().into_iter().collect()
}

/// A mission or force of the document, or an organization named as a fund.
fn is_mission_or_fund(doc: &DocView, entity: usize) -> bool {
    let file = doc.triggers("contributes_to");
    is_mission(doc, entity)
        || doc.ctx.entities.get(entity).is_some_and(|e| file.has_word("fund_nouns", e.name.rsplit(' ').next().unwrap_or("")))
}

fn is_mission(doc: &DocView, entity: usize) -> bool {
    doc.default_mission == Some(entity) || entity >= doc.ctx.entities.len() && doc.kind_of(entity) == EntityKind::Organization
}

/// "X pledged $60 million and Y $300 million": Y, followed by its own amount.
fn gapped_subjects(view: &SentenceView, trigger: Span, clause_end: u32) -> Vec<usize> {
    (0..view.arguments.len())
        .filter(|&idx| {
            let argument = view.arguments[idx];
            argument.span.start > trigger.end
                && argument.span.end <= clause_end
                && is_state_or_organization(argument.kind)
                && MONEY
                    .find(view.after(argument.span.end))
                    .is_some_and(|m| crate::span::prefix(view.after(argument.span.end), m.start()).trim().is_empty())
        })
        .collect()
}

/// "250 Jamaican personnel": a number, a nationality and a personnel noun,
/// for the document's mission.
fn counted_nationals(doc: &DocView, view: &SentenceView, out: &mut Vec<RelationCandidate>) {
    let Some(mission) = doc.default_mission else { return };
    for argument in &view.mentions {
        if argument.kind != EntityKind::Country {
            continue;
        }
        let before = view.before(argument.span.start);
        let number = before.trim_end().rsplit(char::is_whitespace).next().unwrap_or("");
        if number.is_empty() || !number.chars().all(|c| c.is_ascii_digit() || c == ',') {
            continue;
        }
        let word = argument.span;
        let after = view.after(word.end).split_whitespace().next().unwrap_or("").to_lowercase();
        // "250 Jamaican personnel"; not "9,000 Haitians were killed".
        let personnel = doc.triggers("contributes_to").has_word("personnel_nouns", after.trim_matches(|c: char| !c.is_alphabetic()));
        if personnel {
            let start = word.start - (before.len() - before.trim_end().len() + number.len()) as u32;
            let trigger = Span { start, end: word.end };
            out.push(
                RelationCandidate::new(
                    RelationKind::ContributesTo,
                    argument.entity,
                    mission,
                    view,
                    trigger,
                    "contributes_to.counted_nationals",
                    0.6,
                )
                .with("what", "personnel"),
            );
        }
    }
}
