//! Names the corpus has established: once a name is classified somewhere
//! (with a title, a head word, an acronym definition), its other occurrences
//! — in a headline, without a cue, in another document — are mentions too.

use super::{Mention, MentionSource, PatternRule};
use crate::kinds::EntityKind;
use crate::resources::gazetteer::is_word_boundary;
use crate::span::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::BTreeMap;

/// How often each pattern-found name was given each kind, document after document.
#[derive(Default)]
pub struct NameVotes(BTreeMap<String, BTreeMap<EntityKind, usize>>);

impl NameVotes {
    /// Counts the names of two or more words (or acronyms) among one document's `mentions`.
    pub fn add(&mut self, text: &str, mentions: &[Mention]) {
        for mention in mentions {
            if !KnownNames::reads(mention) {
                continue;
            }
            let name = mention.span.text(text);
            let is_acronym = name.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !name.chars().any(char::is_lowercase);
            if name.contains(' ') || name.contains('-') || is_acronym || mention.kind != EntityKind::Person {
                *self.0.entry(name.to_string()).or_default().entry(mention.kind).or_default() += 1;
            }
        }
    }
}

/// Names found by patterns anywhere in the corpus, compiled into one automaton.
pub struct KnownNames {
    names: Vec<(String, EntityKind)>,
    automaton: Option<AhoCorasick>,
}

impl KnownNames {
    /// Whether [`NameVotes::add`] reads `mention`: names found by a pattern rule (not
    /// resolutions, not a person's short form).
    pub fn reads(mention: &Mention) -> bool {
        matches!(mention.source, MentionSource::Pattern(rule) if rule != PatternRule::Resolution && rule != PatternRule::PersonShortForm)
    }

    /// The names of `votes`, each with the kind most often given it (a name seen with two kinds
    /// keeps the more frequent one).
    pub fn from_votes(votes: NameVotes) -> KnownNames {
        let names: Vec<(String, EntityKind)> = votes
            .0
            .into_iter()
            .map(|(name, kinds)| {
                let kind = kinds.iter().max_by_key(|(kind, count)| (**count, std::cmp::Reverse(**kind))).map(|(k, _)| *k).expect("votes");
                (name, kind)
            })
            .collect();
        let automaton = (!names.is_empty()).then(|| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .build(names.iter().map(|(name, _)| name))
                .expect("known-name automaton builds")
        });
        KnownNames { names, automaton }
    }

    /// Whole-word occurrences in `text[within]`, as (span, kind).
    pub fn find(&self, text: &str, within: Span) -> Vec<(Span, EntityKind)> {
        let Some(automaton) = &self.automaton else { return Vec::new() };
        let haystack = within.text(text);
        let base = within.start as usize;
        automaton
            .find_iter(haystack)
            .filter(|hit| is_word_boundary(haystack, hit.start(), hit.end()))
            .map(|hit| (Span::new(base + hit.start(), base + hit.end()), self.names[hit.pattern().as_usize()].1))
            .collect()
    }

    pub fn kind_of(&self, name: &str) -> Option<EntityKind> {
        self.names.binary_search_by(|(known, _)| known.as_str().cmp(name)).ok().map(|idx| self.names[idx].1)
    }
}
