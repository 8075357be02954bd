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
/// the longest span whose initials spell the acronym, else the capitalised
/// run before it (stepping back over a trailing "in <Place>").
fn expansion(text: &str, before: &[Unit], letters: &str) -> Option<Span> {
    let end = before.len();
    let mut start = end;
    while start > 0 {
        let unit = before[start - 1];
        let joins = unit.is_name_like() || (unit.kind == UnitKind::Lower && CONNECTORS.contains(&unit.text(text)));
        if !joins || end - start >= 14 {
            break;
        }
        start -= 1;
    }
    let mut best = None;
    for first in start..end {
        if !before[first].is_name_like() {
            continue;
        }
        if initials(text, &before[first..end]).eq_ignore_ascii_case(letters) {
            best = Some(before[first].span.cover(before[end - 1].span));
            break;
        }
    }
    if best.is_some() {
        return best;
    }
    // No initials match (a translated name): take the capitalised run, but a
    // trailing "in <Place>" belongs to the sentence, not the name.
    let mut last = end;
    if last >= 2 && matches!(before[last - 1].kind, UnitKind::Gazetteer(_)) && before[last - 2].text(text) == "in" {
        last -= 2;
    }
    let mut first = last;
    while first > start
        && (before[first - 1].is_name_like() || (before[first - 1].kind == UnitKind::Lower && before[first - 1].text(text) != "in"))
    {
        first -= 1;
    }
    while first < last && !before[first].is_name_like() {
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
