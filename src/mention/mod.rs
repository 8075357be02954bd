//! Entity mentions: where a document names a person, country, organization,
//! resolution or place, and why we think so.

use crate::kinds::EntityKind;
use crate::resources::EntryId;
use crate::span::Span;

/// Why a span was taken as a mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionSource {
    /// A gazetteer entry (a name, alias or — when `demonym` — a demonym of it).
    Gazetteer { entry: EntryId, demonym: bool },
    /// A pattern rule; the name is the mention text itself.
    Pattern(PatternRule),
}

/// The pattern rules of [`detect`], named for provenance and tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PatternRule {
    /// "Resolution 2699", "resolution 2699 (2023)", "A/RES/80/214", "GOV/2025/61".
    Resolution,
    /// A name after a title: "Prime Minister Ariel Henry".
    PersonAfterTitle,
    /// A name starting with a known given name: "Todd Robinson".
    PersonGivenName,
    /// A name before or after a speech verb, or with a role apposition.
    PersonContext,
    /// A surname or title+surname standing for a person named in full elsewhere.
    PersonShortForm,
    /// A capitalised run ending in an organization head word: "Haitian National Police".
    OrgHeadWord,
    /// A name defined with an acronym: "Médecins Sans Frontières (MSF)", or the acronym.
    OrgAcronym,
    /// A name followed by an organization noun: "the Canaan gang".
    OrgNoun,
    /// A capitalised run ending in a place head word: "Lower Artibonite Valley".
    LocationHeadWord,
    /// A name after a place cue: "the town of Liancourt".
    LocationCue,
    /// A name that another document (or another sentence) established.
    KnownName,
    /// A name the trained recognizer found where no rule did (see [`learned`]).
    LearnedName,
}

/// One mention in one document.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mention {
    pub span: Span,
    pub sentence: u32,
    pub kind: EntityKind,
    pub source: MentionSource,
}

pub mod acronym;
pub mod classify;
pub mod known;
pub mod learned;
pub mod places;
pub mod units;

use crate::document::Document;
use crate::resources::Resources;
use crate::segment::Segmentation;
use crate::span::SpanMap;
use std::collections::BTreeSet;

/// A single capitalised word that may stand for a named entity: a surname
/// ("Robinson said"), a head word ("the Council"), or a known name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShortForm {
    pub span: Span,
    pub sentence: u32,
    /// Right after a title ("President Ruto").
    pub titled: bool,
    /// Right after "Mr.", "Ms.", "Dr." ...
    pub honorific: bool,
    /// The name recognizer took it for a person: when resolution finds no fuller name it stands
    /// for, it is a person of its own ("Sampras beat Agassi" with neither named in full).
    pub learned: bool,
}

/// What detection found in one document.
#[derive(Clone, Debug, Default)]
pub struct Detection {
    pub mentions: Vec<Mention>,
    /// Pairs of mention spans that name the same entity (acronym and expansion, "X/Y").
    pub links: Vec<(Span, Span)>,
    pub short_forms: Vec<ShortForm>,
    /// Capitalised names that no rule classified.
    pub unknown: Vec<(Span, u32)>,
    /// Acronyms defined by ordinary words ("CONOPS"): never entities in this document.
    pub non_entities: BTreeSet<String>,
}

/// Finds the mentions of one document (first pass: no corpus knowledge): the rules, then the
/// learned names where the rules found nothing ([`learned`]).
pub fn detect(resources: &Resources, document: &Document, segmentation: &Segmentation) -> Detection {
    let text = document.text.as_str();
    let mut detection = Detection::default();
    let mut hits = Vec::with_capacity(segmentation.sentences.len());
    let mut titles = Vec::new();
    for (sentence_idx, sentence) in segmentation.sentences.iter().enumerate() {
        let first_token = sentence.tokens.start as usize;
        let tokens = segmentation.sentence_tokens(sentence);
        let units = units::units(resources, text, tokens, first_token, sentence.span);
        hits.push(gazetteer_hits(resources, &units));
        titles.extend(units.iter().filter(|unit| unit.kind == units::UnitKind::Title).map(|unit| unit.span));
        let sentence_units =
            classify::SentenceUnits { resources, text, units: &units, sentence: sentence_idx as u32, headline: sentence.headline };
        for unit in units.iter().filter(|u| u.kind == units::UnitKind::Resolution) {
            detection.mentions.push(Mention {
                span: unit.span,
                sentence: sentence_idx as u32,
                kind: EntityKind::Resolution,
                source: MentionSource::Pattern(PatternRule::Resolution),
            });
        }
        if !sentence.headline {
            for definition in acronym::find(resources, text, &units) {
                add_acronym_definition(resources, text, sentence_idx as u32, definition, &mut detection);
            }
        }
        for run in units::runs(resources, text, &units) {
            classify::classify_run(&sentence_units, run, &mut detection);
        }
    }
    link_slash_alternatives(text, &mut detection);
    drop_overlaps(&mut detection);
    places::add_places_by_context(resources, text, &mut detection);
    learned::add_learned_names(resources, document, segmentation, &hits, &titles, &mut detection);
    detection
}

/// The gazetteer hits among a sentence's units, as the name recognizer reads them.
fn gazetteer_hits(resources: &Resources, units: &[units::Unit]) -> Vec<crate::names::features::GazetteerHit> {
    units
        .iter()
        .filter_map(|unit| match unit.kind {
            units::UnitKind::Gazetteer(surface) => Some(crate::names::features::GazetteerHit {
                span: unit.span,
                kind: resources.gazetteer.entry(surface.entry).kind,
                demonym: surface.demonym,
            }),
            _ => None,
        })
        .collect()
}

fn add_acronym_definition(
    resources: &Resources,
    text: &str,
    sentence: u32,
    definition: acronym::AcronymDefinition,
    detection: &mut Detection,
) {
    let org = |span| Mention { span, sentence, kind: EntityKind::Organization, source: MentionSource::Pattern(PatternRule::OrgAcronym) };
    match definition {
        acronym::AcronymDefinition::Name { acronym, expansion } => {
            let kind = resources.gazetteer.lookup(expansion.text(text)).map(|entry| resources.gazetteer.entry(entry).kind);
            let mut expansion_mention = org(expansion);
            expansion_mention.kind = kind.unwrap_or(EntityKind::Organization);
            let mut acronym_mention = org(acronym);
            acronym_mention.kind = expansion_mention.kind;
            detection.mentions.push(expansion_mention);
            detection.mentions.push(acronym_mention);
            detection.links.push((expansion, acronym));
        }
        acronym::AcronymDefinition::Named { acronym } => detection.mentions.push(org(acronym)),
        acronym::AcronymDefinition::NotAnEntity { acronym } => {
            detection.non_entities.insert(acronym);
        }
    }
}

/// "Eyes Wide Open Foundation/Fondasyon Je Klere": the name after the slash is the same organization.
fn link_slash_alternatives(text: &str, detection: &mut Detection) {
    let mut promoted = Vec::new();
    for mention in detection.mentions.iter().filter(|m| m.kind == EntityKind::Organization) {
        let after = crate::span::suffix(text, mention.span.end as usize);
        if let Some(rest) = after.strip_prefix('/') {
            let start = mention.span.end + 1;
            if let Some(&(span, sentence)) = detection.unknown.iter().find(|(span, _)| span.start == start) {
                let _ = rest;
                promoted.push((Mention { span, sentence, kind: EntityKind::Organization, source: mention.source }, mention.span));
            }
        }
    }
    for (mention, other) in promoted {
        detection.unknown.retain(|(span, _)| *span != mention.span);
        detection.links.push((other, mention.span));
        detection.mentions.push(mention);
    }
}

/// Keeps the longest of overlapping mentions (acronym expansions included),
/// and drops short forms and unknowns inside a kept mention.
pub fn drop_overlaps(detection: &mut Detection) {
    let mut mentions = std::mem::take(&mut detection.mentions);
    mentions.sort_by_key(|m| (std::cmp::Reverse(m.span.len()), m.span.start));
    let mut kept: SpanMap<Mention> = SpanMap::default();
    for mention in mentions {
        if !kept.overlaps_any(mention.span) {
            kept.insert(mention.span, mention);
        }
    }
    detection.short_forms.retain(|s| !kept.overlaps_any(s.span));
    detection.unknown.retain(|(span, _)| !kept.overlaps_any(*span));
    detection.mentions = kept.into_values().collect();
}

/// Second pass: adds mentions of names the corpus established elsewhere.
pub fn add_known(
    resources: &Resources,
    known: &known::KnownNames,
    document: &Document,
    segmentation: &Segmentation,
    detection: &mut Detection,
) {
    let text = document.text.as_str();
    let mut mentions: SpanMap<Mention> = SpanMap::default();
    for mention in std::mem::take(&mut detection.mentions) {
        mentions.insert(mention.span, mention);
    }
    for (sentence_idx, sentence) in segmentation.sentences.iter().enumerate() {
        for (span, kind) in known.find(text, sentence.span) {
            let name = span.text(text);
            if detection.non_entities.contains(name) {
                continue;
            }
            // A longer known name replaces the shorter mentions inside it.
            if mentions.overlapping(span).all(|(inside, _)| span.contains(inside) && inside != span) {
                mentions.remove_within(span);
                mentions.insert(
                    span,
                    Mention { span, sentence: sentence_idx as u32, kind, source: MentionSource::Pattern(PatternRule::KnownName) },
                );
            }
        }
    }
    detection.short_forms.retain(|s| !mentions.overlaps_any(s.span));
    detection.unknown.retain(|(span, _)| !mentions.overlaps_any(*span));
    detection.mentions = mentions.into_values().collect();
    places::add_places_by_context(resources, text, detection);
}

/// Helpers for the table tests of the detection rules.
#[cfg(test)]
pub(crate) mod testing {
    use crate::document::{DocId, Document};
    use crate::graph::EntityKind;
    use crate::resources::Resources;
    use std::sync::LazyLock;

    static RESOURCES: LazyLock<Resources> = LazyLock::new(|| Resources::builtin().expect("built-in data loads"));

    /// The entities the whole pipeline finds in `text`, as (kind, label), sorted.
    pub fn entities(text: &str) -> Vec<(EntityKind, String)> {
        let document = Document::new(DocId("test".into()), "test.txt".into(), text.to_string(), None);
        let graph = crate::pipeline::build_graph(&RESOURCES, &[document], false);
        let mut found: Vec<(EntityKind, String)> = graph.nodes().map(|(_, node)| (node.kind, node.label.clone())).collect();
        found.sort();
        found
    }

    /// Asserts that `text` yields exactly `expected` ((kind, label) pairs, any order).
    pub fn assert_entities(text: &str, expected: &[(EntityKind, &str)]) {
        let mut expected: Vec<(EntityKind, String)> = expected.iter().map(|(kind, label)| (*kind, label.to_string())).collect();
        expected.sort();
        assert_eq!(entities(text), expected, "entities of: {text}");
    }
}
