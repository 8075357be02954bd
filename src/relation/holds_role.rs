//! HOLDS_ROLE: a person has a title or post in a country or organization.
//!
//! What it extracts: every role phrase of [`super::roles`] that names its
//! country or organization ("Kenya’s Defense Minister Aden Duale", "Mario
//! Joseph, managing attorney of the Bureau des Avocats Internationaux"),
//! with `role` = the title as written, in title case; a title that by
//! itself names one country's office ("Secretary of State Antony Blinken")
//! when that country is named in the document (table `title_countries`); a
//! bare state office whose sentence has one country as its subject ("The
//! United States backed it, said Deputy Ambassador X");
//! and "X, who leads Y" (role "Head"). A demonym with an occupation ("a
//! Haitian professor", list `occupations`) is a nationality, not a post.
//! Triggers: `data/relations/holds_role.toml`.
//! Example: "Ghana’s Foreign Minister Kofi Mensah met ..." -> Kofi Mensah
//! HOLDS_ROLE Ghana (role "Foreign Minister").
//! Roles given by a verb ("X resigned as head of Y", "X became president of
//! Y") and titles the parse ties to their organization are the tree patterns of
//! the same file ([`super::dependency`]).
//! Known misses: a verb's role with no organization named ("was appointed
//! prime minister"), a bare title whose country only the context gives
//! ("President X" in an article about one country), titles missing from
//! `data/titles.txt` and from the patterns.

use super::grammar::is_state_or_organization;
use super::view::{DocView, SentenceView};
use super::RelationCandidate;
use crate::kinds::{EntityKind, RelationKind};

pub fn extract(doc: &DocView, out: &mut Vec<RelationCandidate>) {
    let file = doc.triggers("holds_role");
    for view in &doc.sentences {
        for role in &view.roles {
            let (organization, rule, confidence) = match role.organization {
                // "a Haitian professor": a nationality with an occupation, not a post.
                Some((_, span)) if is_demonym(view, span) && file.has_word("occupations", &role.base_title) => continue,
                Some((entity, _)) => (entity, role.rule, 0.9),
                None => match implied_country(doc, file, &role.base_title) {
                    Some(country) => (country, "holds_role.title_of_one_country", 0.6),
                    None => match sentence_country(view, file, role) {
                        Some(country) => (country, "holds_role.title_in_country_sentence", 0.5),
                        None => continue,
                    },
                },
            };
            if !is_state_or_organization(doc.kind_of(organization)) {
                continue;
            }
            // "an ABOP lawmaker": membership of a party or body (see member_of).
            if doc.kind_of(organization) == EntityKind::Organization
                && doc.triggers("member_of").has_word("membership_titles", &role.base_title)
            {
                continue;
            }
            out.push(
                RelationCandidate::new(RelationKind::HoldsRole, role.person.entity, organization, view, role.title, rule, confidence)
                    .with("role", role.role.clone()),
            );
        }
        for trigger in file.find_group(view.text, view.span, "leads_organization") {
            let people = view.subject(trigger, |kind| kind == EntityKind::Person);
            let organizations = view.object(trigger, |kind| kind == EntityKind::Organization);
            for (person, organization) in view.entity_pairs(&people, &organizations[..organizations.len().min(1)]) {
                out.push(
                    RelationCandidate::new(RelationKind::HoldsRole, person, organization, view, trigger, "holds_role.who_leads", 0.7)
                        .with("role", "Head"),
                );
            }
        }
    }
}

/// Whether the mention at `span` is a demonym ("Haitian").
fn is_demonym(view: &SentenceView, span: crate::span::Span) -> bool {
    view.mentions.iter().any(|m| m.span == span && m.demonym)
}

/// For a bare state office ("President X", list `state_offices`), the one
/// country the sentence has as a subject ("The United States backed it, said
/// Deputy Ambassador X"); not a country after a preposition ("flew to Peru")
/// nor one that owns another title in the sentence.
fn sentence_country(view: &SentenceView, file: &super::triggers::TriggerFile, role: &super::roles::RolePhrase) -> Option<usize> {
    if !file.has_word("state_offices", &role.base_title) {
        return None;
    }
    let owners: Vec<usize> = view.roles.iter().filter_map(|r| r.organization.map(|(entity, _)| entity)).collect();
    let mut countries: Vec<usize> = (0..view.arguments.len())
        .filter(|&idx| view.arguments[idx].kind == EntityKind::Country && !view.arguments[idx].span.overlaps(role.span))
        .filter(|&idx| !view.is_prepositional(idx) && !view.is_possessive_modifier(idx) && !view.is_demonym(idx))
        .map(|idx| view.arguments[idx].entity)
        .filter(|entity| !owners.contains(entity))
        .collect();
    countries.dedup();
    match countries.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// The country a title names by itself ("secretary of state" -> United
/// States), when the document names that country.
fn implied_country(doc: &DocView, file: &super::triggers::TriggerFile, base_title: &str) -> Option<usize> {
    let country = file.table("title_countries", base_title)?;
    doc.ctx.entities.iter().position(|entity| entity.kind == EntityKind::Country && entity.name == country)
}
