//! Merge keys: two mentions (or two documents' entities) with the same key
//! are the same entity.

use crate::kinds::EntityKind;
use crate::resources::Resources;
use crate::span::Span;
use crate::text::{normalize_name, person_name, surname_key};

/// The words of a person's name that identify them: given name and surname,
/// without initials; a hyphenated surname's parts in sorted order, so
/// "Linda Thomas-Greenfield" = "Linda Greenfield-Thomas".
pub fn person_key(name: &str) -> String {
    let words: Vec<String> =
        person_name(name).split_whitespace().filter(|w| w.trim_end_matches('.').chars().count() > 1).map(normalize_name).collect();
    match words.as_slice() {
        [] => String::new(),
        [only] => surname_key(only),
        [first, .., last] => format!("{} {}", first, surname_key(last)),
    }
}

/// Words that end many mission and force names and can be left out ("the
/// Multinational Security Support" = "the Multinational Security Support Mission").
const GENERIC_TAILS: &[&str] = &["mission", "force", "operation"];

/// The key of an organization or place name: a country named by its name or
/// demonym at the start, or by "of `<Country>`" at the end, is replaced by the
/// country, so "Haitian National Police" = "Haiti National Police" =
/// "National Police of Haiti"; a country or UN prefix written as an acronym
/// ("U.S. State Department") and a generic tail ("Mission") are dropped.
pub fn org_key(resources: &Resources, kind: EntityKind, name: &str) -> String {
    let name = name.strip_prefix("the ").or_else(|| name.strip_prefix("The ")).unwrap_or(name);
    if kind != EntityKind::Organization {
        return normalize_name(name);
    }
    let gazetteer = &resources.gazetteer;
    let hits = gazetteer.find(name, Span::new(0, name.len()));
    let mut country = None;
    let mut rest = name;
    if let Some(hit) = hits.first().filter(|h| h.span.start == 0 && (h.span.end as usize) < name.len()) {
        let entry = gazetteer.entry(hit.surface.entry);
        let surface = hit.span.text(name);
        let is_acronym = !surface.chars().any(char::is_lowercase);
        if entry.kind == EntityKind::Country && !is_acronym {
            country = Some(entry.name.clone());
        }
        if entry.kind == EntityKind::Country || is_acronym {
            rest = crate::span::suffix(name, hit.span.end as usize).trim_start_matches(['-', ' ']);
        }
    }
    if let Some(hit) = hits.last().filter(|h| h.span.end as usize == name.len() && h.span.start > 0) {
        let entry = gazetteer.entry(hit.surface.entry);
        let before = crate::span::prefix(name, hit.span.start as usize);
        if entry.kind == EntityKind::Country && country.is_none() {
            if let Some(head) = before.strip_suffix(" of ").or_else(|| before.strip_suffix(" in ")) {
                country = Some(entry.name.clone());
                rest = head;
            }
        }
    }
    let mut key = normalize_name(rest);
    for tail in GENERIC_TAILS {
        if let Some(stripped) = key.strip_suffix(tail).map(str::trim_end) {
            if stripped.contains(' ') {
                key = stripped.to_string();
            }
        }
    }
    match country {
        Some(country) => format!("{}|{}", normalize_name(&country), key),
        None => key,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::surname_of;

    #[test]
    fn person_keys() {
        for (a, b) in [
            ("Linda Thomas-Greenfield", "Linda Greenfield-Thomas"),
            ("Alfred N. Mutua", "Alfred Mutua"),
            ("Jimmy “Barbecue” Chérizier", "Jimmy Cherizier"),
            ("Brian A. Nichols", "Brian Nichols"),
        ] {
            assert_eq!(person_key(a), person_key(b), "{a} = {b}");
        }
        assert_ne!(person_key("Paul Kagame"), person_key("Paul Rusesabagina"));
        assert_eq!(surname_of("William O’Neill").as_deref(), Some("o'neill"));
    }
}
