//! Back-references to a country or organization named earlier in the
//! document: "its foreign minister", "the ministry", "the court’s
//! registrar", "the bloc’s envoy".
//!
//! - "its" is the first country or organization of its own sentence before
//!   it ("Chile, whose economy ..., and its foreign minister"), else the first
//!   one of the sentence before ("Chile ... . Its foreign minister ...").
//! - A noun of `named_nouns` ("court", "ministry", "commission") is the last
//!   organization before it whose name has that word ("the International
//!   Criminal Court" ... "the court").
//! - A noun of `generic_nouns` ("bloc", "organisation", "group") is the last
//!   organization named before it.
//!
//! The words are in `data/relations/references.toml`. Known misses: "their",
//! "the country" (which country is rarely the last one named), and nouns
//! for an organization never named.

use crate::graph::EntityKind;
use crate::pipeline::DocContext;
use crate::span::Span;

/// The entity `word` (lowercase) at byte `at` of sentence `sentence` refers
/// back to, with the span of the mention it resolves to.
pub fn resolve(ctx: &DocContext, word: &str, at: u32, sentence: u32) -> Option<(usize, Span)> {
    let file = ctx.resources.relations.file("references");
    let before = ctx.mentions.partition_point(|m| m.span.start < at);
    let mentions = ctx.mentions[..before].iter().enumerate();
    let is_owner = |kind: EntityKind| matches!(kind, EntityKind::Country | EntityKind::Organization);
    let entity_of = |idx: usize| (ctx.mention_entity[idx], ctx.mentions[idx].span);
    if word == "its" {
        let in_sentence = mentions.clone().find(|(_, m)| m.sentence == sentence && is_owner(m.kind));
        let previous = || mentions.clone().find(|(_, m)| sentence.checked_sub(1) == Some(m.sentence) && is_owner(m.kind));
        return in_sentence.or_else(previous).map(|(idx, _)| entity_of(idx));
    }
    let singular = word.strip_suffix('s').filter(|_| !file.has_word("named_nouns", word)).unwrap_or(word);
    if file.has_word("named_nouns", singular) {
        let has_word = |idx: usize| ctx.entities[ctx.mention_entity[idx]].name.split([' ', '-']).any(|w| w.eq_ignore_ascii_case(singular));
        return mentions.rev().find(|(idx, m)| m.kind == EntityKind::Organization && has_word(*idx)).map(|(idx, _)| entity_of(idx));
    }
    if file.has_word("generic_nouns", singular) {
        return mentions.rev().find(|(_, m)| m.kind == EntityKind::Organization).map(|(idx, _)| entity_of(idx));
    }
    None
}
