//! LOCATED_IN: a place or organization is in a place or country.
//!
//! What it extracts:
//! - "PLACE, COUNTRY" ("reported from Accra, Ghana");
//! - capitals: "the Ghanaian capital, Accra", "Accra, Ghana’s capital",
//!   "Accra, the capital of Ghana";
//! - "ORGANIZATION in PLACE" and "PLACE in PLACE" right after each other,
//!   also with "based in", "headquartered in" ("the Legal Aid Bureau (LAB)
//!   in Kumasi", "the town of Tema in the Greater Accra Region"); a place in
//!   a country too ("the village of Sefwi in Ghana"), but not an
//!   organization in a country ("UNICEF in Ghana" is where it works, not
//!   where it is).
//!
//! Triggers: `data/relations/located_in.toml`.
//! Known misses: places far from their container in the sentence, and
//! containment that only world knowledge gives (never guessed).

use super::view::{DocView, EntityMention, SentenceView};
use super::RelationCandidate;
use crate::graph::{EntityKind, RelationKind};
use crate::span::Span;

pub fn extract(doc: &DocView, out: &mut Vec<RelationCandidate>) {
    let file = doc.triggers("located_in");
    for view in &doc.sentences {
        for pair in view.mentions.windows(2) {
            let (inner, outer) = (pair[0], pair[1]);
            let gap = view.between(inner.span, outer.span);
            // "Accra, Ghana" (and not "Accra, Ghana and Togo": a list).
            if inner.kind == EntityKind::Location
                && outer.kind == EntityKind::Country
                && matches!(gap, ", ")
                && !continues_list(view, outer)
            {
                out.push(candidate(view, inner, outer, outer.span, "located_in.place_comma_country"));
            }
        }
        for trigger in file.find(view.text, view.span) {
            match trigger.group {
                "in" => contained_in(view, trigger.span, out),
                "capital" => capital(view, trigger.span, out),
                _ => {}
            }
        }
    }
}

/// "X in Y": X a place or organization right before the trigger, Y a place
/// (or, for a place, a country) right after it.
fn contained_in(view: &SentenceView, trigger: Span, out: &mut Vec<RelationCandidate>) {
    let Some(inner) = view.mention_before(trigger.start) else { return };
    let Some(outer) = view.mention_after(trigger.end) else { return };
    let gap_before = view.between(inner.span, trigger);
    let gap_after = view.between(trigger, outer.span).trim();
    let adjacent = gap_before.trim_start_matches(')').trim().is_empty() && matches!(gap_after, "" | "the");
    let fits = matches!(
        (inner.kind, outer.kind),
        (EntityKind::Location, EntityKind::Location | EntityKind::Country) | (EntityKind::Organization, EntityKind::Location)
    );
    if adjacent && fits {
        out.push(candidate(view, *inner, *outer, trigger, "located_in.x_in_y"));
    }
}

/// "the Ghanaian capital, Accra", "Accra, Ghana’s capital", "Accra, the capital of Ghana".
fn capital(view: &SentenceView, trigger: Span, out: &mut Vec<RelationCandidate>) {
    let before = view.mention_before(trigger.start);
    let after = view.mention_after(trigger.end);
    // "the Ghanaian capital, Accra"
    if let (Some(country), Some(city)) = (before, after) {
        let gap_before = view.between(country.span, trigger);
        let gap_after = view.between(trigger, city.span);
        if country.kind == EntityKind::Country
            && city.kind == EntityKind::Location
            && matches!(gap_before, " " | "’s " | "'s ")
            && gap_after == ", "
        {
            out.push(candidate(view, *city, *country, trigger, "located_in.capital"));
            return;
        }
    }
    // "Accra, Ghana’s capital"
    if let Some(country) = before.filter(|m| m.kind == EntityKind::Country) {
        let city = view.mentions.iter().rev().find(|m| m.span.end <= country.span.start);
        if let Some(city) = city.filter(|m| m.kind == EntityKind::Location && view.between(m.span, country.span) == ", ") {
            if matches!(view.between(country.span, trigger), "’s " | "'s ") {
                out.push(candidate(view, *city, *country, trigger, "located_in.capital"));
                return;
            }
        }
    }
    // "Accra, the capital of Ghana"
    if let (Some(city), Some(country)) = (before, after) {
        let gap_before = view.between(city.span, trigger);
        let gap_after = view.between(trigger, country.span);
        if city.kind == EntityKind::Location && country.kind == EntityKind::Country && gap_before == ", the " && gap_after == " of " {
            out.push(candidate(view, *city, *country, trigger, "located_in.capital"));
        }
    }
}

/// Whether a mention is followed by more list items ("Ghana and Togo", "Ghana, Togo").
fn continues_list(view: &SentenceView, mention: EntityMention) -> bool {
    let after = view.after(mention.span.end);
    after.starts_with(" and ")
        || after.starts_with(", ") && view.mention_after(mention.span.end).is_some_and(|next| next.kind == EntityKind::Country)
}

fn candidate(view: &SentenceView, inner: EntityMention, outer: EntityMention, trigger: Span, rule: &'static str) -> RelationCandidate {
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
