//! Counterparts named in a list: "X and her Ghanaian, Peruvian and Chilean counterparts, A, B
//! and C" gives each person of the list the office of X in the country of the demonym in the
//! same place of the list (A in Ghana, B in Peru, C in Chile), as "respectively" would say.
//!
//! What it extracts: HOLDS_ROLE person -> country, paired in order, when the demonyms right
//! before a counterpart noun (`counterpart_nouns` of `data/relations/holds_role.toml`) and the
//! people listed right after it, past a comma, are as many, two or more (a single "her Peruvian
//! counterpart, A" is a title phrase of [`super::roles`]). The role is the title the sentence
//! gives before the list to someone outside it ("Ghana's Foreign Minister X and her ...
//! counterparts"), else "counterpart". The MET edges among X and the counterparts come from the
//! tree patterns: the list is a subject or an object like any other.
//!
//! Runs after the other extractors, whose HOLDS_ROLE candidates give the role.
//! Known misses: a list the mention finder breaks (a name it does not find), counterparts named
//! in another sentence, lists of unequal length ("her Ghanaian and Peruvian counterparts, A").

use super::view::{DocView, SentenceView};
use super::RelationCandidate;
use crate::kinds::{EntityKind, RelationKind};
use crate::span::Span;

/// Confidence of a pairing read off list order.
const CONFIDENCE: f32 = 0.8;

pub fn extract(doc: &DocView, out: &mut Vec<RelationCandidate>) {
    let nouns = doc.triggers("holds_role").words("counterpart_nouns");
    // The roles found so far, by sentence and position, sorted once for the look-ups below.
    let mut roles: Vec<&RelationCandidate> = out.iter().filter(|r| r.kind == RelationKind::HoldsRole).collect();
    roles.sort_by_key(|r| (r.sentence, r.trigger.start));
    let mut found = Vec::new();
    for view in &doc.sentences {
        let Some(tree) = &view.tree else { continue };
        for word in 0..tree.len() as u32 {
            if !tree.lemma_in(word, nouns) {
                continue;
            }
            let noun = tree.spans[word as usize];
            let countries = demonyms_before(view, noun);
            let people = people_after(view, noun);
            if countries.len() < 2 || countries.len() != people.len() {
                continue;
            }
            let role = role_before(&roles, view, noun, &people).unwrap_or_else(|| "counterpart".to_string());
            for (&person, &country) in people.iter().zip(&countries) {
                let candidate =
                    RelationCandidate::new(RelationKind::HoldsRole, person, country, view, noun, "holds_role.counterparts", CONFIDENCE);
                found.push(candidate.with("role", role.clone()));
            }
        }
    }
    out.extend(found);
}

/// Whether the text between two items of a list is only commas and "and".
fn is_list_gap(gap: &str) -> bool {
    gap.split(|c: char| c.is_whitespace() || c == ',').all(|word| word.is_empty() || word == "and")
}

/// The countries of the demonyms listed right before `noun`, in text order ("Ghanaian,
/// Peruvian and Chilean counterparts").
fn demonyms_before(view: &SentenceView, noun: Span) -> Vec<usize> {
    let mut countries = Vec::new();
    let mut right = noun;
    for mention in view.mentions.iter().rev().filter(|m| m.span.end <= noun.start) {
        let gap = view.between(mention.span, right);
        let adjacent = if right == noun { gap.trim().is_empty() } else { is_list_gap(gap) };
        if !adjacent || !mention.demonym || mention.kind != EntityKind::Country {
            break;
        }
        countries.push(mention.entity);
        right = mention.span;
    }
    countries.reverse();
    countries
}

/// The people listed right after `noun` and a comma, in text order ("counterparts, A, B and C").
fn people_after(view: &SentenceView, noun: Span) -> Vec<usize> {
    let mut people = Vec::new();
    let mut left = noun;
    for argument in view.arguments.iter().filter(|a| a.span.start >= noun.end) {
        let gap = view.between(left, argument.span);
        let adjacent = if left == noun { gap.trim() == "," } else { is_list_gap(gap) };
        if !adjacent || argument.kind != EntityKind::Person {
            break;
        }
        people.push(argument.entity);
        left = argument.span;
    }
    people
}

/// The role the sentence gives, before `noun` and nearest to it, to someone not among `people`:
/// the office the counterparts hold too. `roles` are the HOLDS_ROLE candidates sorted by sentence
/// and position.
fn role_before(roles: &[&RelationCandidate], view: &SentenceView, noun: Span, people: &[usize]) -> Option<String> {
    let first = roles.partition_point(|r| r.sentence < view.index);
    let end = roles.partition_point(|r| r.sentence <= view.index);
    roles[first..end]
        .iter()
        .rev()
        .find(|r| r.trigger.end <= noun.start && !people.contains(&r.source))
        .and_then(|r| r.attributes.get("role").cloned())
}

#[cfg(test)]
mod tests {
    use crate::kinds::RelationKind;

    /// The HOLDS_ROLE relations this module adds to `text`, as "person -> country (role)".
    fn found(text: &str) -> Vec<String> {
        super::super::with_view(text, |doc| {
            let mut out = Vec::new();
            super::super::holds_role::extract(doc, &mut out);
            let before = out.len();
            super::extract(doc, &mut out);
            let name = |entity: usize| doc.ctx.entities.get(entity).map_or("?", |e| e.name.as_str()).to_string();
            out[before..]
                .iter()
                .filter(|r| r.kind == RelationKind::HoldsRole)
                .map(|r| format!("{} -> {} ({})", name(r.source), name(r.target), r.attributes["role"]))
                .collect()
        })
    }

    #[test]
    fn counterparts_pair_in_order() {
        let table: &[(&str, &[&str])] = &[
            (
                "Kenyan Foreign Minister Ama Wanjiru met her Ghanaian, Peruvian and Chilean counterparts, Kofi Boateng, Luis Quispe and Rosa Fuentes, in Nairobi.",
                &["Kofi Boateng -> Ghana (Foreign Minister)", "Luis Quispe -> Peru (Foreign Minister)", "Rosa Fuentes -> Chile (Foreign Minister)"],
            ),
            // No title before the list: the role is "counterpart".
            (
                "Ama Wanjiru and her Ghanaian and Peruvian counterparts, Kofi Boateng and Luis Quispe, met in Nairobi.",
                &["Kofi Boateng -> Ghana (counterpart)", "Luis Quispe -> Peru (counterpart)"],
            ),
            // Lists of unequal length are not paired.
            ("Ama Wanjiru met her Ghanaian and Peruvian counterparts, Kofi Boateng, in Nairobi.", &[]),
            // A single counterpart is a title phrase, found elsewhere.
            ("Ama Wanjiru met her Peruvian counterpart, Luis Quispe, in Lima.", &[]),
        ];
        for (text, expected) in table {
            assert_eq!(found(text), *expected, "{text}");
        }
    }
}
