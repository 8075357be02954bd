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

use crate::kinds::EntityKind;
use crate::relation::DocContext;
use crate::span::Span;
use std::collections::HashMap;

/// The organizations of one document in mention order, built once so that
/// each back-reference finds its antecedent by binary search instead of a
/// scan over everything named before it.
pub struct Antecedents {
    /// Mention indices of organizations.
    organizations: Vec<usize>,
    /// Lowercase word of an organization's entity name -> its mention indices.
    by_word: HashMap<String, Vec<usize>>,
}

impl Antecedents {
    pub fn new(ctx: &DocContext) -> Antecedents {
        let mut organizations = Vec::new();
        let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
        for (idx, _) in ctx.mentions.iter().enumerate().filter(|(_, m)| m.kind == EntityKind::Organization) {
            organizations.push(idx);
            let name = &ctx.entities[ctx.mention_entity[idx]].name;
            let mut words: Vec<String> = name.split([' ', '-']).map(str::to_ascii_lowercase).collect();
            words.sort();
            words.dedup();
            for word in words {
                by_word.entry(word).or_default().push(idx);
            }
        }
        Antecedents { organizations, by_word }
    }
}

/// The last of `mentions` (sorted indices) before mention index `before`.
fn last_before(mentions: &[usize], before: usize) -> Option<usize> {
    mentions[..mentions.partition_point(|&idx| idx < before)].last().copied()
}

/// The entity `word` (lowercase) at byte `at` of sentence `sentence` refers
/// back to, with the span of the mention it resolves to.
pub fn resolve(ctx: &DocContext, word: &str, at: u32, sentence: u32) -> Option<(usize, Span)> {
    let antecedents = ctx.antecedents.get_or_init(|| Antecedents::new(ctx));
    let file = ctx.resources.relations.file("references");
    let before = ctx.mentions.partition_point(|m| m.span.start < at);
    let entity_of = |idx: usize| (ctx.mention_entity[idx], ctx.mentions[idx].span);
    if word == "whose" {
        // "the Lake Chad Basin Commission, whose executive secretary": the name right before.
        let in_sentence = ctx.mentions[..before].iter().enumerate().rev().take_while(|(_, m)| m.sentence >= sentence);
        return in_sentence.filter(|(_, m)| m.sentence == sentence && is_owner(m.kind)).map(|(idx, _)| entity_of(idx)).next();
    }
    if word == "its" || word == "it" {
        return opening_owner(ctx, at, sentence);
    }
    let singular = word.strip_suffix('s').filter(|_| !file.has_word("named_nouns", word)).unwrap_or(word);
    if file.has_word("named_nouns", singular) {
        let named = antecedents.by_word.get(&singular.to_ascii_lowercase())?;
        return last_before(named, before).map(entity_of);
    }
    if file.has_word("generic_nouns", singular) {
        return last_before(&antecedents.organizations, before).map(entity_of);
    }
    None
}

/// "its" or "it" at byte `at` of sentence `sentence`: only a subject, the
/// first country or organization, opening its sentence ("The Dakar-based
/// Central Bank ..." opens with it too), else the one opening the sentence before.
pub fn opening_owner(ctx: &DocContext, at: u32, sentence: u32) -> Option<(usize, Span)> {
    let before = ctx.mentions.partition_point(|m| m.span.start < at);
    let opens = |m: &crate::mention::Mention| {
        let start = ctx.segmentation.sentences[m.sentence as usize].span.start;
        let lead = crate::span::slice(&ctx.document.text, start as usize, m.span.start as usize);
        m.span.start >= start
            && lead
                .split_whitespace()
                .all(|w| w.eq_ignore_ascii_case("the") || w.contains('-') && w.chars().all(|c| c.is_alphabetic() || c == '-'))
    };
    let first_of = |wanted: u32| {
        let from = ctx.mentions[..before].partition_point(|m| m.sentence < wanted);
        let in_sentence = ctx.mentions[from..before].iter().enumerate().take_while(|(_, m)| m.sentence == wanted);
        in_sentence.map(|(offset, m)| (from + offset, m)).find(|(_, m)| is_owner(m.kind)).filter(|(_, m)| opens(m))
    };
    first_of(sentence).or_else(|| first_of(sentence.checked_sub(1)?)).map(|(idx, _)| (ctx.mention_entity[idx], ctx.mentions[idx].span))
}

fn is_owner(kind: EntityKind) -> bool {
    matches!(kind, EntityKind::Country | EntityKind::Organization)
}
