//! Back-references to a country or organization named earlier in the
//! document: "its foreign minister", "the ministry", "the court’s
//! registrar", "the bloc’s envoy".
//!
//! - "its" is the country or organization that opens its own sentence
//!   ("Chile, whose economy ..., and its foreign minister"), else the one that
//!   opens the sentence before ("Chile ... . Its foreign minister ..."); a
//!   sentence opened by anything else ("The mission, authorized by the
//!   Council, ...") leaves "its" unresolved.
//! - "whose" is the country or organization named right before it.
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
    if word == "whose" {
        // "the Lake Chad Basin Commission, whose executive secretary": the name right before.
        return mentions.clone().rev().find(|(_, m)| m.sentence == sentence && is_owner(m.kind)).map(|(idx, _)| entity_of(idx));
    }
    if word == "its" || word == "it" {
        // Only a subject: the first country or organization, opening its sentence
        // ("The Dakar-based Central Bank ..." opens with it too).
        let opens = |m: &crate::mention::Mention| {
            let start = ctx.segmentation.sentences[m.sentence as usize].span.start;
            let lead = crate::span::slice(&ctx.document.text, start as usize, m.span.start as usize);
            m.span.start >= start
                && lead
                    .split_whitespace()
                    .all(|w| w.eq_ignore_ascii_case("the") || w.contains('-') && w.chars().all(|c| c.is_alphabetic() || c == '-'))
        };
        let first_of = |wanted: u32| mentions.clone().find(|(_, m)| m.sentence == wanted && is_owner(m.kind)).filter(|(_, m)| opens(m));
        return first_of(sentence).or_else(|| first_of(sentence.checked_sub(1)?)).map(|(idx, _)| entity_of(idx));
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
