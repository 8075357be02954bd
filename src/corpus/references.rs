//! Tying described entities to named ones across the corpus, during the
//! merge ([`crate::entity::Reference`]), once every document is folded in:
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

use super::summary::DocSummary;
use super::union::UnionFind;
use crate::entity::Reference;
use crate::kinds::{EntityKind, RelationKind};
use crate::relation::coref::names_a_mission;
use crate::relation::dates::days_between;
use crate::resources::Resources;
use std::collections::{BTreeMap, BTreeSet};

/// A draft may be written this many days before its resolution is adopted.
pub const DAYS_BEFORE_ADOPTION: i32 = 30;
/// An article may report an adoption this many days after it.
pub const DAYS_AFTER_ADOPTION: i32 = 3;

/// What the references need from the documents, gathered from each
/// summary as it is folded in (the summaries themselves are not kept).
/// Entities are numbered as the merge numbers them: the documents' local
/// entities, in document order.
#[derive(Debug, Default)]
pub struct Links {
    /// Named adoptions with a date: (resolution, adopting body, date).
    adoptions: Vec<(usize, usize, String)>,
    /// Leadership between named entities: (leader, led).
    leads: Vec<(usize, usize)>,
    /// The entities that name a mission or force.
    missions: Vec<usize>,
    /// The described entities, in order, with what they stand for.
    described: Vec<(usize, Described)>,
}

/// A described entity's reference, its entity indices numbered corpus-wide.
#[derive(Debug)]
enum Described {
    /// A resolution adopted by `body` (when known), on `date` (when the
    /// document gives it) or near the document's date.
    Resolution { body: Option<usize>, date: Option<String>, document_date: Option<String> },
    /// The mission `leader` leads.
    Mission { leader: usize },
}

impl Links {
    /// Gathers what one document tells the references; its local entity `e`
    /// is entity `first + e` of the corpus.
    pub fn add(&mut self, resources: &Resources, summary: &DocSummary, first: usize) {
        let described = |e: usize| summary.entities[e].reference.is_some();
        for relation in &summary.relations {
            if described(relation.source) || described(relation.target) {
                continue;
            }
            let (source, target) = (first + relation.source, first + relation.target);
            match relation.kind {
                RelationKind::Adopted => {
                    if let Some(date) = relation.attributes.get("date") {
                        self.adoptions.push((target, source, date.clone()));
                    }
                }
                RelationKind::Leads => self.leads.push((source, target)),
                _ => {}
            }
        }
        let file = resources.relations.file("references");
        for (e, entity) in summary.entities.iter().enumerate() {
            if entity.kind == EntityKind::Organization
                && entity.aliases.iter().chain([&entity.name]).any(|name| names_a_mission(file, name))
            {
                self.missions.push(first + e);
            }
            let target = match &entity.reference {
                None => continue,
                Some(Reference::Resolution { body, date }) => Described::Resolution {
                    body: body.map(|b| first + b),
                    date: date.clone().or_else(|| adoption_date_in(summary, e)),
                    document_date: summary.meta.date.clone(),
                },
                Some(Reference::Mission { leader }) => Described::Mission { leader: first + leader },
            };
            self.described.push((first + e, target));
        }
    }

    /// Unions every described entity with the group it describes; `union`
    /// holds every other union of the corpus already.
    pub fn resolve(&self, union: &mut UnionFind) {
        let adoptions: Vec<(usize, usize, &str)> = self
            .adoptions
            .iter()
            .map(|(resolution, adopter, date)| (union.find(*resolution), union.find(*adopter), date.as_str()))
            .collect();
        let leads: BTreeSet<(usize, usize)> = self.leads.iter().map(|&(leader, led)| (union.find(leader), union.find(led))).collect();
        let mission_groups: BTreeSet<usize> = self.missions.iter().map(|&mission| union.find(mission)).collect();
        // Adoptions by their date as written and by day number, so that each
        // description looks only at the adoptions of its dates.
        let mut adoptions_on: BTreeMap<&str, Vec<(usize, usize)>> = BTreeMap::new();
        let mut adoptions_by_day: BTreeMap<i32, Vec<(usize, usize)>> = BTreeMap::new();
        for &(resolution, adopter, date) in &adoptions {
            adoptions_on.entry(date).or_default().push((resolution, adopter));
            if let Some(day) = day_number(date) {
                adoptions_by_day.entry(day).or_default().push((resolution, adopter));
            }
        }

        for (idx, described) in &self.described {
            let target = match described {
                Described::Resolution { body, date, document_date } => {
                    let body = body.map(|b| union.find(b));
                    let fitting: Vec<&(usize, usize)> = match (date, document_date.as_deref().and_then(day_number)) {
                        (Some(date), _) => adoptions_on.get(date.as_str()).into_iter().flatten().collect(),
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
                Described::Mission { leader } => {
                    let leader = union.find(*leader);
                    let led_by_leader = leads.range((leader, 0)..=(leader, usize::MAX));
                    let candidates: BTreeSet<usize> =
                        led_by_leader.filter(|(_, led)| mission_groups.contains(led)).map(|(_, led)| *led).collect();
                    single(candidates)
                }
            };
            if let Some(target) = target {
                union.union(target, *idx);
            }
        }
    }
}

/// The date the first ADOPTED relation of the document gives the described resolution `entity`.
fn adoption_date_in(summary: &DocSummary, entity: usize) -> Option<String> {
    summary.relations.iter().find(|r| r.kind == RelationKind::Adopted && r.target == entity).and_then(|r| r.attributes.get("date").cloned())
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
