//! Tying described entities to named ones across the corpus, during the
//! merge ([`crate::entity::Reference`]):
//! - an unnamed resolution ("the resolution" in an article about a vote)
//!   is the named resolution whose adoption (an ADOPTED relation with a
//!   `date`, stated in any document) falls on the date the document gives
//!   for its vote, or else between [`DAYS_BEFORE_ADOPTION`] days after and
//!   [`DAYS_AFTER_ADOPTION`] days before the document's date — and, when the
//!   document names the adopting body, adopted by that body;
//! - an unnamed mission ("the Kenya-led mission") is the mission or force
//!   its leader leads (a LEADS relation stated in any document).
//!
//! Exactly one candidate must fit; otherwise the description stays unresolved
//! and its relations are dropped.

use super::merge::DocSummary;
use crate::entity::Reference;
use crate::graph::{EntityKind, RelationKind};
use crate::relation::coref::names_a_mission;
use crate::relation::dates::days_between;
use crate::resources::Resources;
use petgraph::unionfind::UnionFind;
use std::collections::{BTreeMap, BTreeSet};

/// A draft may be written this many days before its resolution is adopted.
pub const DAYS_BEFORE_ADOPTION: i32 = 30;
/// An article may report an adoption this many days after it.
pub const DAYS_AFTER_ADOPTION: i32 = 3;

/// Unions every described local entity with the group it describes.
pub fn resolve(resources: &Resources, analyses: &[DocSummary], locals: &[(usize, usize)], union: &mut UnionFind<usize>) {
    let local_index = |d: usize, e: usize| locals.partition_point(|&l| l < (d, e));
    let entity = |idx: usize| &analyses[locals[idx].0].entities[locals[idx].1];
    // Named adoptions: (resolution group, adopting body group, date).
    let mut adoptions: Vec<(usize, usize, String)> = Vec::new();
    // Leadership: (leader group, led group).
    let mut leads: BTreeSet<(usize, usize)> = BTreeSet::new();
    for (d, analysis) in analyses.iter().enumerate() {
        for relation in &analysis.relations {
            let (source, target) = (local_index(d, relation.source), local_index(d, relation.target));
            if entity(source).reference.is_some() || entity(target).reference.is_some() {
                continue;
            }
            match relation.kind {
                RelationKind::Adopted => {
                    if let Some(date) = relation.attributes.get("date") {
                        adoptions.push((union.find(target), union.find(source), date.clone()));
                    }
                }
                RelationKind::Leads => {
                    leads.insert((union.find(source), union.find(target)));
                }
                _ => {}
            }
        }
    }
    let file = resources.relations.file("references");
    let is_mission = |idx: usize| {
        let local = entity(idx);
        local.kind == EntityKind::Organization && local.aliases.iter().chain([&local.name]).any(|name| names_a_mission(file, name))
    };
    let mission_groups: BTreeSet<usize> = (0..locals.len()).filter(|&idx| is_mission(idx)).map(|idx| union.find(idx)).collect();
    // Adoptions by their date as written and by day number, so that each
    // description looks only at the adoptions of its dates.
    let mut adoptions_on: BTreeMap<&str, Vec<(usize, usize)>> = BTreeMap::new();
    let mut adoptions_by_day: BTreeMap<i32, Vec<(usize, usize)>> = BTreeMap::new();
    for (resolution, adopter, date) in &adoptions {
        adoptions_on.entry(date.as_str()).or_default().push((*resolution, *adopter));
        if let Some(day) = day_number(date) {
            adoptions_by_day.entry(day).or_default().push((*resolution, *adopter));
        }
    }

    for (idx, &(d, e)) in locals.iter().enumerate() {
        let target = match &analyses[d].entities[e].reference {
            None => continue,
            Some(Reference::Resolution { body, date }) => {
                let body = body.map(|b| union.find(local_index(d, b)));
                let explicit = date.clone().or_else(|| adoption_date_in(analyses, d, e));
                let document_date = analyses[d].meta.date.as_deref();
                let fitting: Vec<&(usize, usize)> = match (&explicit, document_date.and_then(day_number)) {
                    (Some(explicit), _) => adoptions_on.get(explicit.as_str()).into_iter().flatten().collect(),
                    (None, Some(day)) => adoptions_by_day
                        .range(day - DAYS_AFTER_ADOPTION..=day + DAYS_BEFORE_ADOPTION)
                        .flat_map(|(_, adoptions)| adoptions)
                        .collect(),
                    (None, None) => Vec::new(),
                };
                let candidates: BTreeSet<usize> = fitting
                    .into_iter()
                    .filter(|(_, adopter)| body.is_none_or(|b| b == *adopter))
                    .map(|(resolution, _)| *resolution)
                    .collect();
                single(candidates)
            }
            Some(Reference::Mission { leader }) => {
                let leader = union.find(local_index(d, *leader));
                let led_by_leader = leads.range((leader, 0)..=(leader, usize::MAX));
                let candidates: BTreeSet<usize> =
                    led_by_leader.filter(|(_, led)| mission_groups.contains(led)).map(|(_, led)| *led).collect();
                single(candidates)
            }
        };
        if let Some(target) = target {
            union.union(target, idx);
        }
    }
}

/// The date an ADOPTED relation of document `d` gives the described resolution `entity`.
fn adoption_date_in(analyses: &[DocSummary], d: usize, entity: usize) -> Option<String> {
    analyses[d]
        .relations
        .iter()
        .find(|r| r.kind == RelationKind::Adopted && r.target == entity)
        .and_then(|r| r.attributes.get("date").cloned())
}

/// Days since 1970-01-01, for a date `days_between` reads.
fn day_number(date: &str) -> Option<i32> {
    days_between("1970-01-01", date)
}

fn single(candidates: BTreeSet<usize>) -> Option<usize> {
    let mut iter = candidates.into_iter();
    let first = iter.next()?;
    iter.next().is_none().then_some(first)
}
