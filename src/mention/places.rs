//! Names that their neighbours make places. A capitalised name that no list
//! holds and no pattern framed (a short form or an unknown) is a place when:
//! - it is coordinated with a place: "in Blantyre and Mzuzu", "Jajarkot and
//!   neighbouring Rukum West" (a country is no evidence: "Kenya and Ruto");
//! - it is the other end of a trip: "from Oslo to Nepalgunj";
//! - it follows "near", "around" or "outside": "positions around Uvira";
//! - a place of the document has the same name (so that its own neighbours
//!   count: "in Vila da Praia and Kakuma" after "Kakuma district").
//!
//! Runs after detection and again after known names were added, so a place
//! established in one sentence ("Nepalgunj") makes its neighbours places in
//! another ("in Surkhet and Nepalgunj"). A surname of a person of the
//! document, a word after a title or "Mr.", and a compass word ("West and
//! Central Africa") are never taken.

use super::classify::COMPASS_WORDS;
use super::{Detection, Mention, MentionSource, PatternRule};
use crate::entity::keys::{surname_key, surname_of};
use crate::graph::EntityKind;
use crate::span::Span;
use std::collections::BTreeSet;

/// Words that join a name to the place it is listed with.
const COORDINATORS: &[&str] = &[",", "and", "or", ", and", ", or"];
/// Adjectives allowed between a coordinator and the next place ("and neighbouring X").
const PLACE_ADJECTIVES: &[&str] = &["neighbouring", "neighboring", "nearby", "adjacent", "surrounding"];
/// Prepositions whose object is a place.
const PLACE_PREPOSITIONS: &[&str] = &["near", "around", "outside"];

/// Turns the short forms and unknown names that their context makes places into place mentions.
pub fn add_places_by_context(text: &str, detection: &mut Detection) {
    let surnames: BTreeSet<String> =
        detection.mentions.iter().filter(|m| m.kind == EntityKind::Person).filter_map(|m| surname_of(m.span.text(text))).collect();
    let mut candidates: Vec<(Span, u32)> = detection
        .short_forms
        .iter()
        .filter(|short| !short.titled && !short.honorific && !surnames.contains(&surname_key(short.span.text(text))))
        // "West and Central Africa": a compass word stands for a shared place name.
        .filter(|short| !COMPASS_WORDS.contains(&short.span.text(text)))
        .map(|short| (short.span, short.sentence))
        .chain(detection.unknown.iter().copied())
        .collect();
    candidates.sort_by_key(|(span, _)| (span.start, span.end));
    // A promoted name may make the next item of its list a place too.
    loop {
        let places: Vec<Span> = detection.mentions.iter().filter(|m| m.kind == EntityKind::Location).map(|m| m.span).collect();
        let Some(position) = candidates.iter().position(|&(span, _)| {
            after_place_preposition(text, span)
                || places
                    .iter()
                    .any(|&place| place.text(text) == span.text(text) || listed_with(text, place, span) || trip_between(text, place, span))
        }) else {
            break;
        };
        let (span, sentence) = candidates.remove(position);
        detection.mentions.push(Mention {
            span,
            sentence,
            kind: EntityKind::Location,
            source: MentionSource::Pattern(PatternRule::LocationCue),
        });
        detection.short_forms.retain(|short| short.span != span);
        detection.unknown.retain(|(unknown, _)| *unknown != span);
    }
    detection.mentions.sort_by_key(|m| (m.span.start, m.span.end));
}

/// The text between two spans in either order, if they do not overlap.
fn gap(text: &str, a: Span, b: Span) -> Option<&str> {
    let (left, right) = if a.end <= b.start { (a, b) } else { (b, a) };
    (left.end <= right.start).then(|| &text[left.end as usize..right.start as usize])
}

/// "Blantyre and Mzuzu", "Jajarkot and neighbouring Rukum West".
fn listed_with(text: &str, place: Span, name: Span) -> bool {
    let Some(between) = gap(text, place, name) else { return false };
    let mut between = between.trim();
    if place.end <= name.start {
        if let Some(rest) = PLACE_ADJECTIVES.iter().find_map(|adjective| between.strip_suffix(adjective)) {
            between = rest.trim_end();
        }
    }
    COORDINATORS.contains(&between)
}

/// "from Oslo to Nepalgunj" (or the name first).
fn trip_between(text: &str, place: Span, name: Span) -> bool {
    let (first, second) = if place.end <= name.start { (place, name) } else { (name, place) };
    gap(text, first, second).is_some_and(|between| between.trim() == "to") && text[..first.start as usize].trim_end().ends_with(" from")
}

/// "around Uvira", "near Goma".
fn after_place_preposition(text: &str, name: Span) -> bool {
    let before = text[..name.start as usize].trim_end();
    PLACE_PREPOSITIONS
        .iter()
        .any(|preposition| before.strip_suffix(preposition).is_some_and(|rest| rest.is_empty() || rest.ends_with(char::is_whitespace)))
}

#[cfg(test)]
mod tests {
    use crate::graph::EntityKind::{Country, Location, Person};
    use crate::mention::testing::assert_entities;

    #[test]
    fn neighbours_make_places() {
        for (text, expected) in [
            ("Clinics in Nairobi and Bundibugyo reopened.", vec![(Location, "Bundibugyo"), (Location, "Nairobi")]),
            ("The convoy drove from Nairobi to Marsabit overnight.", vec![(Location, "Marsabit"), (Location, "Nairobi")]),
            ("Shelling was heard around Kalehe on Friday.", vec![(Location, "Kalehe")]),
            // A place named in one sentence makes its list partner a place in another.
            (
                "Aid reached Kakuma and neighbouring Lodwar West. The road from Kitale to Kakuma reopened.",
                vec![(Location, "Kakuma"), (Location, "Kitale"), (Location, "Lodwar West")],
            ),
            // A country is no evidence, and a person's surname stays the person.
            ("Kenya and Bundibugyo were mentioned.", vec![(Country, "Kenya")]),
            ("Rains failed across West and Central Africa.", vec![(Location, "Central Africa")]),
            // The same name as a place of the document is that place, and so is its list partner.
            (
                "Families fled Kakuma and Loima. Clinics in Vila da Praia and Kakuma reopened. Schools in Loima district shut.",
                vec![(Location, "Kakuma"), (Location, "Loima"), (Location, "Vila da Praia")],
            ),
            (
                "Amina Wekesa spoke in Nairobi. Residents of Nairobi and Wekesa agreed.",
                vec![(Location, "Nairobi"), (Person, "Amina Wekesa")],
            ),
        ] {
            assert_entities(text, &expected);
        }
    }
}
