//! Acronym definitions: "Médecins Sans Frontières (MSF)" names one
//! organization twice; "concept of operations (CONOPS)" names none.

use super::units::{Unit, UnitKind, CONNECTORS};
use crate::resources::Resources;
use crate::span::Span;

/// What "(ACR)" after some words means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AcronymDefinition {
    /// The acronym abbreviates the name spanning `expansion`.
    Name { acronym: Span, expansion: Span },
    /// The acronym follows an organization noun ("the mission (MINUSTAH)"): it is a name itself.
    Named { acronym: Span },
    /// The acronym abbreviates ordinary words; it is not an entity.
    NotAnEntity { acronym: String },
}

/// Finds "(ACR)" definitions among the units of one sentence.
pub fn find(resources: &Resources, text: &str, units: &[Unit]) -> Vec<AcronymDefinition> {
    let mut found = Vec::new();
    for idx in 1..units.len().saturating_sub(2) {
        let (open, acronym, close) = (units[idx], units[idx + 1], units[idx + 2]);
        if open.text(text) != "(" || close.text(text) != ")" || !is_acronym(text, acronym) {
            continue;
        }
        if matches!(acronym.kind, UnitKind::Gazetteer(_)) {
            continue;
        }
        let letters: String = acronym.text(text).chars().filter(|c| c.is_alphabetic()).collect();
        let before = units[idx - 1];
        match before.kind {
            UnitKind::Lower if resources.lexicon.org_nouns.contains(before.text(text)) => {
                found.push(AcronymDefinition::Named { acronym: acronym.span });
            }
            UnitKind::Lower | UnitKind::Other => found.push(AcronymDefinition::NotAnEntity { acronym: letters }),
            _ => {
                if let Some(expansion) = expansion(text, &units[..idx], &letters) {
                    found.push(AcronymDefinition::Name { acronym: acronym.span, expansion });
                }
            }
        }
    }
    found
}

fn is_acronym(text: &str, unit: Unit) -> bool {
    let word = unit.text(text);
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (2..=10).contains(&letters) && word.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
}

/// The name that `letters` abbreviates, ending right before the parenthesis:
/// the longest span whose initials spell the acronym ("Institute for Justice
/// and Democracy in Haiti (IJDH)"; a capitalised title word such as
/// "Justice" is part of a name here), or that span without a trailing "in
/// <Place>" when the acronym leaves the place out; else the capitalised run
/// before it (stepping back over a trailing "in <Place>").
fn expansion(text: &str, before: &[Unit], letters: &str) -> Option<Span> {
    let name_word = |unit: &Unit| unit.is_name_like() || (unit.kind == UnitKind::Title && unit.text(text).starts_with(char::is_uppercase));
    let end = before.len();
    let mut start = end;
    while start > 0 {
        let unit = before[start - 1];
        let joins = name_word(&unit) || (unit.kind == UnitKind::Lower && CONNECTORS.contains(&unit.text(text)));
        if !joins || end - start >= 14 {
            break;
        }
        start -= 1;
    }
    // A trailing "in <Place>" belongs to the sentence unless the acronym spells it.
    let mut last = end;
    if last >= 2 && matches!(before[last - 1].kind, UnitKind::Gazetteer(_)) && before[last - 2].text(text) == "in" {
        last -= 2;
    }
    for name_end in [end, last] {
        for first in start..name_end {
            if name_word(&before[first]) && initials(text, &before[first..name_end]).eq_ignore_ascii_case(letters) {
                return Some(before[first].span.cover(before[name_end - 1].span));
            }
        }
    }
    // No initials match (a translated name): take the capitalised run.
    let mut first = last;
    while first > start
        && (name_word(&before[first - 1]) || (before[first - 1].kind == UnitKind::Lower && before[first - 1].text(text) != "in"))
    {
        first -= 1;
    }
    // A sentence-initial "The" is no part of the name.
    while first < last && (!name_word(&before[first]) || before[first].text(text) == "The") {
        first += 1;
    }
    (first < last).then(|| before[first].span.cover(before[last - 1].span))
}

/// First letters of each capitalised word and hyphen piece ("Bien-être" gives "BE").
fn initials(text: &str, units: &[Unit]) -> String {
    let mut letters = String::new();
    for unit in units {
        if unit.kind == UnitKind::Lower {
            continue;
        }
        for piece in unit.text(text).split([' ', '-']) {
            if let Some(first) = piece.chars().next().filter(|c| c.is_alphabetic()) {
                // Fold accents so "être" gives "E".
                letters.push_str(&crate::text::slug(&first.to_string()).to_uppercase());
            }
        }
    }
    letters
}

#[cfg(test)]
mod tests {
    use crate::graph::EntityKind::{Country, Organization};
    use crate::mention::testing::assert_entities;

    #[test]
    fn expansions_keep_connectors_titles_and_a_spelled_place() {
        for (text, expected) in [
            // "Justice" is a title word; "and" and "in <Country>" are inside the name.
            (
                "Lawyers at the Institute for Justice and Democracy in Haiti (IJDH) filed the claim.",
                vec![(Organization, "Institute for Justice and Democracy in Haiti")],
            ),
            (
                "The Centre for Peace and Justice in Liberia (CPJL) published the findings.",
                vec![(Organization, "Centre for Peace and Justice in Liberia")],
            ),
            // A translated acronym: the capitalised run, without a leading "The".
            ("The Federation of Chilean Fishermen (CONAPACH) called a strike.", vec![(Organization, "Federation of Chilean Fishermen")]),
            // An acronym that leaves the place out leaves it out of the name.
            (
                "The Alliance for Water and Sanitation in Malawi (AWS) drilled wells.",
                vec![(Country, "Malawi"), (Organization, "Alliance for Water and Sanitation")],
            ),
        ] {
            assert_entities(text, &expected);
        }
    }
}
