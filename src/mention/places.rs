//! Names that their neighbours make places. A capitalised name that no list
//! holds and no pattern framed (a short form or an unknown) is a place when:
//! - it is coordinated with a place: "in Blantyre and Mzuzu", "Jajarkot and
//!   neighbouring Rukum West" (a country is no evidence: "Kenya and Ruto");
//! - it is the other end of a trip: "from Oslo to Nepalgunj";
//! - it follows "near", "around" or "outside": "positions around Uvira";
//! - a place of the document has the same name (so that its own neighbours
//!   count: "in Vila da Praia and Kakuma" after "Kakuma district");
//! - "out of" or "based in" precedes it and "in" and a place or country
//!   follow: "flies out of Kaunas in Lithuania" (not "works at Absa in
//!   South Africa", not "a stake in Absa in South Africa");
//! - it follows a site noun and a preposition: "an army base at Kidal", "the
//!   gas project near Palma";
//! - it is reached on a journey: "walked for days to reach Mueda";
//! - it is what a governor or mayor governs: "the governor of East Java".
//!
//! Runs after detection and again after known names were added, so a place
//! established in one sentence ("Nepalgunj") makes its neighbours places in
//! another ("in Surkhet and Nepalgunj"). A surname of a person of the
//! document, a word after a title or "Mr.", and a compass word ("West and
//! Central Africa") are never taken.
//!
//! Promotion is a closure (a promoted name is a place its neighbours can be
//! listed with), computed in passes over the candidates, each rule looking
//! only at the nearest place on each side or at a set of place names, so a
//! long document costs a few linear passes rather than a pass per promotion.

use super::classify::COMPASS_WORDS;
use super::{Detection, Mention, MentionSource, PatternRule};
use crate::kinds::EntityKind;
use crate::resources::Resources;
use crate::span::Span;
use crate::text::{surname_key, surname_of};
use std::collections::{BTreeSet, HashSet};

/// How far before a name [`reached_on_journey`] looks for a journey verb.
const JOURNEY_LOOK_BACK_BYTES: usize = 200;

/// Words that join a name to the place it is listed with.
const COORDINATORS: &[&str] = &[",", "and", "or", ", and", ", or"];
/// Adjectives allowed between a coordinator and the next place ("and neighbouring X").
const PLACE_ADJECTIVES: &[&str] = &["neighbouring", "neighboring", "nearby", "adjacent", "surrounding"];
/// Prepositions whose object is a place.
const PLACE_PREPOSITIONS: &[&str] = &["near", "around", "outside"];
/// Words before a name that make it a place when "in <place>" follows it:
/// "out of", and "in" after a verb of being somewhere ("based in"); not a
/// bare "in" ("a stake in Absa in South Africa").
const LOCATIVE_PREPOSITIONS: &[&str] = &[
    "out of",
    "based in",
    "located in",
    "headquartered in",
    "stationed in",
    "situated in",
    "held in",
    "born in",
    "lives in",
    "lived in",
    "arrived in",
    "landed in",
    "docked in",
];
/// How many words before "reach" may hold the journey verb.
const JOURNEY_WINDOW: usize = 6;
/// Titles whose "of" names the place the holder governs: "the governor of East Java", "Mayor of
/// Surabaya" (a premier, a mayor or a governor holds a territory; a chairman or a director does
/// not, so those are no evidence).
const JURISDICTION_TITLES: &[&str] =
    &["governor of", "Governor of", "governors of", "mayor of", "Mayor of", "mayors of", "premier of", "Premier of"];
/// Prepositions between a site noun and its place.
const SITE_PREPOSITIONS: &[&str] = &["at", "in", "near", "outside"];

/// Turns the short forms and unknown names that their context makes places into place mentions.
///
/// A fixpoint over a worklist of places: a name that its own context makes a
/// place is promoted first; then each place (found or promoted) promotes the
/// names spelled like it and the names listed with it or at the other end of
/// its trip. Only names a few words from a place are looked at, so
/// the pass stays linear in the number of names and places.
pub fn add_places_by_context(resources: &Resources, text: &str, detection: &mut Detection) {
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
    // Countries and places of the document, for "out of X in <place>".
    let located: BTreeSet<u32> =
        detection.mentions.iter().filter(|m| matches!(m.kind, EntityKind::Country | EntityKind::Location)).map(|m| m.span.start).collect();
    // What needs no other candidate: the words around the name.
    let framed: Vec<bool> = candidates
        .iter()
        .map(|&(span, _)| {
            after_place_preposition(text, span)
                || (after_any(text, span, LOCATIVE_PREPOSITIONS) && before_place_in(text, span, &located))
                || after_site_noun(resources, text, span)
                || reached_on_journey(resources, text, span)
                || after_any(text, span, JURISDICTION_TITLES)
        })
        .collect();
    let mut places: BTreeSet<(u32, u32)> =
        detection.mentions.iter().filter(|m| m.kind == EntityKind::Location).map(|m| (m.span.start, m.span.end)).collect();
    let mut place_names: HashSet<&str> = places.iter().map(|&(start, end)| Span { start, end }.text(text)).collect();
    // A promoted name may make the items of its list places too: passes, in
    // both directions, until nothing changes (promotion only ever adds places).
    let mut promoted = vec![false; candidates.len()];
    let mut forward = true;
    loop {
        let mut changed = false;
        let order: Vec<usize> = if forward { (0..candidates.len()).collect() } else { (0..candidates.len()).rev().collect() };
        for idx in order {
            let span = candidates[idx].0;
            if promoted[idx] || !(framed[idx] || place_names.contains(span.text(text)) || next_to_place(text, &places, span)) {
                continue;
            }
            promoted[idx] = true;
            changed = true;
            let place = with_number(text, span);
            places.insert((place.start, place.end));
            place_names.insert(place.text(text));
        }
        if !changed {
            break;
        }
        forward = !forward;
    }
    let names: BTreeSet<Span> = candidates.iter().zip(&promoted).filter(|(_, &p)| p).map(|(&(span, _), _)| span).collect();
    detection.short_forms.retain(|short| !names.contains(&short.span));
    detection.unknown.retain(|(unknown, _)| !names.contains(unknown));
    for (&(name, sentence), _) in candidates.iter().zip(&promoted).filter(|(_, &p)| p) {
        detection.mentions.push(Mention {
            span: with_number(text, name),
            sentence,
            kind: EntityKind::Location,
            source: MentionSource::Pattern(PatternRule::LocationCue),
        });
    }
    detection.mentions.sort_by_key(|m| (m.span.start, m.span.end));
}

/// Whether the nearest place before or after `name` is listed with it or is
/// the other end of its trip.
fn next_to_place(text: &str, places: &BTreeSet<(u32, u32)>, name: Span) -> bool {
    let before = places.range(..(name.start, 0)).rev().find(|&&(_, end)| end <= name.start);
    let after = places.range((name.end, 0)..).next();
    before.into_iter().chain(after).any(|&(start, end)| {
        let place = Span { start, end };
        listed_with(text, place, name) || trip_between(text, place, name)
    })
}

/// "Block 58", "Camp 4": a number right after the name belongs to it.
fn with_number(text: &str, name: Span) -> Span {
    let Some(rest) = crate::span::suffix(text, name.end as usize).strip_prefix(' ') else { return name };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || crate::span::suffix(rest, digits).chars().next().is_some_and(char::is_alphanumeric) {
        return name;
    }
    Span::new(name.start as usize, name.end as usize + 1 + digits)
}

/// The text between two spans in either order, if they do not overlap.
fn gap(text: &str, a: Span, b: Span) -> Option<&str> {
    let (left, right) = if a.end <= b.start { (a, b) } else { (b, a) };
    (left.end <= right.start).then(|| crate::span::slice(text, left.end as usize, right.start as usize))
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
    gap(text, first, second).is_some_and(|between| between.trim() == "to")
        && crate::span::prefix(text, first.start as usize).trim_end().ends_with(" from")
}

/// "around Uvira", "near Goma".
fn after_place_preposition(text: &str, name: Span) -> bool {
    after_any(text, name, PLACE_PREPOSITIONS)
}

/// The text before `name` ends with one of `words` as whole words; returns what precedes them.
fn before_words<'a>(text: &'a str, name: Span, words: &[&str]) -> Option<&'a str> {
    let before = crate::span::prefix(text, name.start as usize).trim_end();
    words.iter().find_map(|word| before.strip_suffix(word).filter(|rest| rest.is_empty() || rest.ends_with(char::is_whitespace)))
}

fn after_any(text: &str, name: Span, words: &[&str]) -> bool {
    before_words(text, name, words).is_some()
}

/// "X in Lithuania": "in" and a country or place mention right after the name.
fn before_place_in(text: &str, name: Span, located: &BTreeSet<u32>) -> bool {
    let after = crate::span::suffix(text, name.end as usize);
    let Some(rest) = after.strip_prefix(" in ") else { return false };
    located.contains(&((text.len() - rest.len()) as u32))
}

/// "an army base at Kidal", "the gas project near Palma".
fn after_site_noun(resources: &Resources, text: &str, name: Span) -> bool {
    before_words(text, name, SITE_PREPOSITIONS).is_some_and(|rest| {
        let noun = rest.trim_end().rsplit(char::is_whitespace).next().unwrap_or("");
        resources.lexicon.site_nouns.contains(noun)
    })
}

/// "walked for days to reach Mueda": "reach" with a journey verb shortly before, in the same sentence.
fn reached_on_journey(resources: &Resources, text: &str, name: Span) -> bool {
    let Some(rest) = before_words(text, name, &["reach", "reached", "reaching"]) else { return false };
    let clause = crate::span::tail(rest, JOURNEY_LOOK_BACK_BYTES).rsplit(['.', ';', '\n']).next().unwrap_or(rest);
    clause
        .split_whitespace()
        .rev()
        .take(JOURNEY_WINDOW)
        .any(|word| resources.lexicon.journey_verbs.contains(word.trim_matches(|c: char| !c.is_alphabetic())))
}

#[cfg(test)]
mod tests {
    use crate::graph::EntityKind::{Country, Location, Person};
    use crate::mention::testing::assert_entities;

    #[test]
    fn a_long_list_of_places_is_found_whole() {
        // Each name is a place only through its neighbour: the worklist carries it down the list.
        let names: Vec<String> = (0..40).map(|i| format!("Kalo{}", char::from(b'a' + i % 26)).repeat(1 + usize::from(i / 26))).collect();
        let text = format!("Aid reached Nairobi and {}.", names.join(" and "));
        let mut expected: Vec<(crate::graph::EntityKind, &str)> = names.iter().map(|name| (Location, name.as_str())).collect();
        expected.push((Location, "Nairobi"));
        assert_entities(&text, &expected);
    }

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
            // A country is no evidence for this rule, and a person's surname stays the person;
            // the place itself is found by the name recognizer (`learned`), not by its neighbour.
            ("Kenya and Bundibugyo were mentioned.", vec![(Country, "Kenya"), (Location, "Bundibugyo")]),
            ("Rains failed across West and Central Africa.", vec![(Location, "Central Africa")]),
            // The same name as a place of the document is that place, and so is its list partner.
            (
                "Families fled Kakuma and Loima. Clinics in Vila da Praia and Kakuma reopened. Schools in Loima district shut.",
                vec![(Location, "Kakuma"), (Location, "Loima"), (Location, "Vila da Praia")],
            ),
            // A locative preposition and "in <country>"; a site noun; a journey's end.
            ("Jets flew out of Karmelava in Lithuania.", vec![(Country, "Lithuania"), (Location, "Karmelava")]),
            ("Rebels attacked an army base at Tessit overnight.", vec![(Location, "Tessit")]),
            ("The firm drills an offshore field in Block 61 near the coast.", vec![(Location, "Block 61")]),
            ("Many walked for days to reach Ancuabe. Others tried to reach Ancuabe Holdings.", vec![(Location, "Ancuabe")]),
            // What a governor or mayor governs; a chairman's "of" is no evidence.
            ("She met the governor of Lower Wandoro on Friday.", vec![(Location, "Lower Wandoro")]),
            ("Crowds cheered the Mayor of Tarnowa.", vec![(Location, "Tarnowa")]),
            (
                "Amina Wekesa spoke in Nairobi. Residents of Nairobi and Wekesa agreed.",
                vec![(Location, "Nairobi"), (Person, "Amina Wekesa")],
            ),
        ] {
            assert_entities(text, &expected);
        }
    }
}
