//! LOCATED_IN: a place or organization is in a place or country.
//!
//! What it extracts:
//! - "PLACE, COUNTRY" ("reported from Accra, Ghana");
//! - capitals and other parts: "the Ghanaian capital, Accra", "Accra, Ghana’s
//!   capital", "Accra, the capital of Ghana", "Tamale, the main city of the
//!   Northern Region", "Wa and Bole, two districts of the Upper West", "the
//!   Ghanaian port of Tema";
//! - "ORGANIZATION in PLACE" and "PLACE in PLACE" right after each other,
//!   also with "based in", "headquartered in", after a comma or an
//!   apposition ("the Legal Aid Bureau (LAB) in Kumasi", "the mission,
//!   headquartered in Tamale", "the court, a tribunal based in Accra"); a
//!   place in a country too ("the village of Sefwi in Ghana"), but not an
//!   organization in a country ("UNICEF in Ghana" is where it works, not
//!   where it is);
//! - "the Accra-based X", "X, the Accra-based operator".
//!
//! Triggers: `data/relations/located_in.toml`; its tree patterns add "City,
//! State" whatever its neighbours, "X, a school in Y" and "the schools A and B
//! in Y" ([`super::dependency`]).
//! Known misses: places far from their container in the sentence, "where"
//! clauses ("in Arusha, where the bloc is based"), and containment that
//! only world knowledge gives (never guessed).

use super::view::{Argument, DocView, SentenceView};
use super::RelationCandidate;
use crate::kinds::{EntityKind, RelationKind};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

/// ", the main city of ", ", two of the poorest districts of ": a part of the place after it.
static PART_OF_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^,\s+(?:the|a|an|one|two|three|four|(?:one|two|three|four)\s+of\s+the)\s+(?:[a-z-]+\s+){0,3}(?:capital|city|cities|town|towns|port|district|districts|province|provinces|region|regions|state|county|village|villages|neighbourhood|neighborhood|suburb|island)\s+of\s+(?:the\s+)?$").unwrap()
});
/// " port of ", " capital of " between a demonym and a place: "the Ghanaian port of Tema".
static NATIONAL_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s+(?:[a-z-]+\s+)?(?:port|city|town|capital|village|province|region|island|district|state)\s+of\s+$").unwrap()
});
/// What may stand between an organization or place and "based in": nothing,
/// a comma, or a short apposition (", a tribunal ").
static BEFORE_BASED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:\)?\s*|,\s+(?:(?:a|an|the)\s+(?:[a-z-]+\s+){1,3})?)$").unwrap());

pub fn extract(doc: &DocView, out: &mut Vec<RelationCandidate>) {
    let file = doc.triggers("located_in");
    for view in &doc.sentences {
        for (idx, pair) in view.arguments.windows(2).enumerate() {
            let (inner, outer) = (pair[0], pair[1]);
            let gap = view.between(inner.span, outer.span);
            // "Accra, Ghana" (and not "Accra, Ghana and Togo": a list).
            if inner.kind == EntityKind::Location && outer.kind == EntityKind::Country && gap == ", " && !continues_list(view, idx + 1) {
                out.push(candidate(view, inner, outer, outer.span, "located_in.place_comma_country"));
            }
            // "Tamale, the main city of the Northern Region"; "Wa and Bole, two districts of ..."
            if is_place(outer.kind) && PART_OF_PLACE.is_match(gap) {
                let trigger = Span { start: inner.span.end, end: outer.span.start };
                for part in view.coordinated(idx).into_iter().filter(|&p| view.arguments[p].kind == EntityKind::Location) {
                    out.push(candidate(view, view.arguments[part], outer, trigger, "located_in.part_of_place"));
                }
            }
            // "the Ghanaian port of Tema"
            if inner.kind == EntityKind::Country
                && outer.kind == EntityKind::Location
                && view.is_demonym(idx)
                && NATIONAL_PLACE.is_match(gap)
            {
                out.push(candidate(view, outer, inner, Span { start: inner.span.end, end: outer.span.start }, "located_in.national_place"));
            }
        }
        for trigger in file.find(view.text, view.span) {
            match trigger.group {
                "in" => contained_in(view, trigger.span, out),
                "capital" => capital(view, trigger.span, out),
                "based" => based(view, trigger.span, out),
                _ => {}
            }
        }
    }
}

fn is_place(kind: EntityKind) -> bool {
    matches!(kind, EntityKind::Location | EntityKind::Country)
}

/// "X in Y": X a place or organization right before the trigger (or before
/// a comma or short apposition for "based in"), Y a place (or, for a place,
/// a country) right after it.
fn contained_in(view: &SentenceView, trigger: Span, out: &mut Vec<RelationCandidate>) {
    // A mention inside a role phrase ("attorney of the BAI in Port-au-Prince") counts too.
    let mention = view.mention_before(trigger.start).map(|m| Argument { entity: m.entity, kind: m.kind, head: m.span, span: m.span });
    let argument = view.arguments.iter().rev().find(|a| a.span.end <= trigger.start).copied();
    let Some(inner) = [mention, argument].into_iter().flatten().max_by_key(|a| (a.span.end, std::cmp::Reverse(a.span.start))) else {
        return;
    };
    let mention = view.mention_after(trigger.end).map(|m| Argument { entity: m.entity, kind: m.kind, head: m.span, span: m.span });
    let argument = view.arguments.iter().find(|a| a.span.start >= trigger.end).copied();
    let Some(outer) = [mention, argument].into_iter().flatten().min_by_key(|a| (a.span.start, std::cmp::Reverse(a.span.end))) else {
        return;
    };
    let gap_before = view.between(inner.span, trigger);
    let gap_after = view.between(trigger, outer.span).trim();
    let participle = view.slice(trigger).contains(' ');
    let adjacent = if participle { BEFORE_BASED.is_match(gap_before) } else { gap_before.trim_start_matches(')').trim().is_empty() };
    let fits = matches!(
        (inner.kind, outer.kind),
        (EntityKind::Location, EntityKind::Location | EntityKind::Country) | (EntityKind::Organization, EntityKind::Location)
    );
    if adjacent && matches!(gap_after, "" | "the") && fits {
        out.push(candidate(view, inner, outer, trigger, "located_in.x_in_y"));
    }
}

/// "the Accra-based X" and "X, the Accra-based operator".
fn based(view: &SentenceView, trigger: Span, out: &mut Vec<RelationCandidate>) {
    let Some(place) = view.arguments.iter().rev().find(|a| a.span.end == trigger.start && a.kind == EntityKind::Location) else { return };
    let after = view.arguments.iter().find(|a| a.span.start > trigger.end && a.kind == EntityKind::Organization);
    let after = after.filter(|a| view.between(trigger, a.span).split_whitespace().count() <= 2);
    let before = view.arguments.iter().rev().find(|a| a.span.end < place.span.start && a.kind == EntityKind::Organization);
    let before = before.filter(|a| matches!(view.between(a.span, place.span), ", the " | ", a " | ", an "));
    if let Some(organization) = after.or(before) {
        out.push(candidate(view, *organization, *place, trigger, "located_in.x_based"));
    }
}

/// "the Ghanaian capital, Accra", "Accra, Ghana’s capital", "Accra, the capital of Ghana".
fn capital(view: &SentenceView, trigger: Span, out: &mut Vec<RelationCandidate>) {
    let before = view.arguments.iter().rev().find(|a| a.span.end <= trigger.start).copied();
    let after = view.arguments.iter().find(|a| a.span.start >= trigger.end).copied();
    // "the Ghanaian capital, Accra"
    if let (Some(country), Some(city)) = (before, after) {
        let gap_before = view.between(country.span, trigger);
        let gap_after = view.between(trigger, city.span);
        if is_place(country.kind) && city.kind == EntityKind::Location && matches!(gap_before, " " | "’s " | "'s ") && gap_after == ", " {
            out.push(candidate(view, city, country, trigger, "located_in.capital"));
            return;
        }
    }
    // "Accra, Ghana’s capital", "Accra, the Ghanaian capital"
    if let Some(country) = before.filter(|a| is_place(a.kind)) {
        let city = view.arguments.iter().rev().find(|a| a.span.end <= country.span.start);
        if let Some(city) = city.filter(|a| a.kind == EntityKind::Location && matches!(view.between(a.span, country.span), ", " | ", the "))
        {
            if matches!(view.between(country.span, trigger), "’s " | "'s " | " ") {
                out.push(candidate(view, *city, country, trigger, "located_in.capital"));
            }
        }
    }
}

/// Whether argument `idx` is followed by more list items ("Ghana and Togo", "Ghana, Togo").
fn continues_list(view: &SentenceView, idx: usize) -> bool {
    let after = view.after(view.arguments[idx].span.end);
    after.starts_with(" and ")
        || after.starts_with(", ") && view.arguments.get(idx + 1).is_some_and(|next| next.kind == EntityKind::Country)
}

fn candidate(view: &SentenceView, inner: Argument, outer: Argument, trigger: Span, rule: &'static str) -> RelationCandidate {
    RelationCandidate::new(RelationKind::LocatedIn, inner.entity, outer.entity, view, trigger, rule, 0.8)
}

/// The country of a place entity of the document, from the gazetteer, when
/// the document names that country.
pub fn country_of_place(doc: &DocView, place: usize) -> Option<usize> {
    let gazetteer = &doc.ctx.resources.gazetteer;
    let entities = doc.ctx.entities;
    let place = entities.get(place)?;
    let entry = gazetteer.entry(gazetteer.lookup(&place.name)?);
    let country = entry.country.as_deref()?;
    entities.iter().position(|entity| entity.kind == EntityKind::Country && entity.name == country)
}
