//! The word groups a sentence is parsed with ([`WordGroup`]): a person's name with the title, and
//! the demonym, country or owner ("Kenya's") right before it ("Kenyan President William Ruto",
//! "Kenya's Defense Minister Aden Duale"). The parser reads each group as one word, so "Haitian
//! Prime Minister Ariel Henry thanked Kenyan President William Ruto" parses as "Henry thanked
//! Ruto"; inside a group the words take fixed arcs (UD's conventions): the other words of a
//! name are `flat` under its first word, the title is a `compound` of the name, the title's other
//! words `compound`s of its last, and the demonym an `amod` (an owner an `nmod:poss`) of the title.

use super::view::SentenceView;
use crate::kinds::EntityKind;
use crate::segment::{Token, TokenShape};
use crate::span::Span;
use crate::syntax::model::WordGroup;
use std::ops::Range;

/// Words that end a title as a group: a title with one of these ("Secretary of State") is left
/// to the parser.
const FUNCTION_WORDS: &[&str] = &["of", "for", "the", "and", "to", "on", "in", "at", "de", "la", "du"];

/// The groups of the sentence `view` whose words are `tokens`, in word order.
pub fn word_groups(view: &SentenceView, tokens: &[Token]) -> Vec<WordGroup> {
    let mut groups: Vec<WordGroup> = Vec::new();
    let mut free_from = 0u32;
    for (idx, mention) in view.mentions.iter().enumerate() {
        let Some(name) = words_of(tokens, mention.span) else { continue };
        if name.start < free_from || !name.clone().all(|word| is_name_word(tokens[word as usize])) {
            continue;
        }
        let group = if mention.kind == EntityKind::Person && !mention.demonym {
            person_group(view, tokens, idx, name.clone(), free_from)
        } else {
            None
        };
        if let Some(group) = group.filter(|group| group.is_valid(tokens.len() as u32)) {
            free_from = group.end;
            groups.push(group);
        }
    }
    groups
}

/// A person's name (`name`, the words of mention `idx`) with a title right before it, and a
/// demonym, country or owner right before the title; none without a title.
fn person_group(view: &SentenceView, tokens: &[Token], idx: usize, name: Range<u32>, free_from: u32) -> Option<WordGroup> {
    let mut inner: Vec<(u32, u32, &'static str)> = (name.start + 1..name.end).map(|word| (word, name.start, "flat")).collect();
    let mut first = name.start;
    let title = view.titles.iter().filter_map(|&span| words_of(tokens, span)).find(|title| {
        title.end == name.start && title.start >= free_from && title.clone().all(|word| is_title_word(view, tokens[word as usize]))
    });
    if let Some(title) = title {
        let last = title.end - 1;
        inner.push((last, name.start, "compound"));
        inner.extend((title.start..last).map(|word| (word, last, "compound")));
        first = title.start;
        // "Kenyan", "U.S." or "Kenya's" before the title.
        let possessive = title.start > 0 && tokens[title.start as usize - 1].shape == TokenShape::Possessive;
        let owner_end = title.start - u32::from(possessive);
        let before = view.mentions[..idx].iter().rev().find_map(|mention| {
            let words = words_of(tokens, mention.span)?;
            let kinds = matches!(mention.kind, EntityKind::Country | EntityKind::Location | EntityKind::Organization);
            (words.end == owner_end && words.start >= free_from && kinds && words.clone().all(|word| is_name_word(tokens[word as usize])))
                .then_some((words, mention.demonym))
        });
        if let Some((words, demonym)) = before {
            let end = words.end - 1;
            let label = match (possessive, demonym) {
                (true, _) => "nmod:poss",
                (false, true) => "amod",
                (false, false) => "compound",
            };
            inner.push((end, last, label));
            inner.extend((words.start..end).map(|word| (word, end, "compound")));
            if possessive {
                inner.push((owner_end, end, "case"));
            }
            first = words.start;
        }
    }
    // A name alone is left to the parser: without a title, its words parse well enough, and a
    // noun before it ("Tunisia's goalkeeper Mouez Hassen") may need them as an apposition.
    (first < name.start).then(|| WordGroup { first, end: name.end, head: name.start, form: name.end - 1, inner })
}

/// The words that make up `span` exactly, as a range of word indices.
fn words_of(tokens: &[Token], span: Span) -> Option<Range<u32>> {
    let first = tokens.partition_point(|token| token.span.end <= span.start);
    let end = tokens.partition_point(|token| token.span.start < span.end);
    (first < end && tokens[first].span.start == span.start && tokens[end - 1].span.end == span.end).then_some(first as u32..end as u32)
}

/// A word of a name: capitalised, all capitals or an initial.
fn is_name_word(token: Token) -> bool {
    matches!(token.shape, TokenShape::Capitalized | TokenShape::Upper | TokenShape::Initial)
}

/// A word of a title: a word, not a function word.
fn is_title_word(view: &SentenceView, token: Token) -> bool {
    matches!(token.shape, TokenShape::Capitalized | TokenShape::Upper | TokenShape::Lower)
        && !FUNCTION_WORDS.iter().any(|word| word.eq_ignore_ascii_case(view.slice(token.span)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::relation::view::EntityMention;

    #[test]
    fn a_titled_name_is_one_group_and_a_bare_name_none() {
        let text = "Kenya's Defense Minister Aden Duale met Tunisia's goalkeeper Mouez Hassen.";
        let mut tokens = Vec::new();
        crate::segment::tokenize(text, Span::new(0, text.len()), &mut tokens);
        let at = |words: &str| text.find(words).map(|start| Span::new(start, start + words.len())).unwrap();
        let mention = |words: &str, kind| EntityMention { mention: 0, entity: 0, kind, span: at(words), demonym: false };
        let view = SentenceView {
            text,
            index: 0,
            span: Span::new(0, text.len()),
            mentions: vec![
                mention("Kenya", EntityKind::Country),
                mention("Aden Duale", EntityKind::Person),
                mention("Tunisia", EntityKind::Country),
                mention("Mouez Hassen", EntityKind::Person),
            ],
            titles: vec![at("Defense Minister")],
            roles: Vec::new(),
            arguments: Vec::new(),
            tree: None,
        };
        // Words: Kenya 's Defense Minister Aden Duale met Tunisia 's goalkeeper Mouez Hassen .
        let groups = word_groups(&view, &tokens);
        assert_eq!(
            groups,
            [WordGroup {
                first: 0,
                end: 6,
                head: 4,
                form: 5,
                inner: vec![(5, 4, "flat"), (3, 4, "compound"), (2, 3, "compound"), (0, 3, "nmod:poss"), (1, 0, "case")],
            }]
        );
    }
}
