//! What relation extractors share: a view of one sentence's entity mentions
//! and helpers for triggers, coordination and the words between mentions.

use crate::graph::EntityKind;
use crate::pipeline::DocContext;
use crate::span::Span;

/// One entity mention inside a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntityMention {
    /// Index into `DocContext::mentions`.
    pub mention: usize,
    /// Index into `DocContext::entities`.
    pub entity: usize,
    pub kind: EntityKind,
    pub span: Span,
}

/// One sentence with its entity mentions in text order.
pub struct SentenceView<'a> {
    pub ctx: &'a DocContext<'a>,
    pub index: u32,
    pub span: Span,
    pub mentions: Vec<EntityMention>,
    /// The sentence text, ASCII-lowercased (same byte offsets as the original).
    pub lower: String,
}

impl<'a> SentenceView<'a> {
    /// Every non-headline sentence of the document that mentions at least one entity.
    pub fn all(ctx: &'a DocContext<'a>) -> Vec<SentenceView<'a>> {
        let mut views: Vec<SentenceView<'a>> = Vec::new();
        for (mention_idx, mention) in ctx.mentions.iter().enumerate() {
            if views.last().is_none_or(|v| v.index != mention.sentence) {
                let sentence = &ctx.segmentation.sentences[mention.sentence as usize];
                if sentence.headline {
                    continue;
                }
                views.push(SentenceView {
                    ctx,
                    index: mention.sentence,
                    span: sentence.span,
                    mentions: Vec::new(),
                    lower: sentence.span.text(&ctx.document.text).to_ascii_lowercase(),
                });
            }
            let view = views.last_mut().expect("pushed above");
            view.mentions.push(EntityMention {
                mention: mention_idx,
                entity: ctx.mention_entity[mention_idx],
                kind: mention.kind,
                span: mention.span,
            });
        }
        views
    }

    pub fn text(&self) -> &'a str {
        self.span.text(&self.ctx.document.text)
    }

    /// The original text of any span of the document.
    pub fn slice(&self, span: Span) -> &'a str {
        span.text(&self.ctx.document.text)
    }

    /// The text strictly between two spans of this sentence (empty if they touch or cross).
    pub fn between(&self, left: Span, right: Span) -> &'a str {
        if left.end >= right.start {
            return "";
        }
        self.slice(Span { start: left.end, end: right.start })
    }

    /// Whole-word, case-insensitive occurrences of `phrase` in the sentence, as document spans.
    pub fn find_phrase(&self, phrase: &str) -> Vec<Span> {
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(pos) = self.lower[from..].find(phrase) {
            let start = from + pos;
            let end = start + phrase.len();
            if crate::resources::gazetteer::is_word_boundary(&self.lower, start, end) {
                found.push(Span::new(self.span.start as usize + start, self.span.start as usize + end));
            }
            from = start + phrase.len().max(1);
        }
        found
    }

    /// Occurrences of any phrase of `phrases`, with the phrase, in text order.
    pub fn find_any<'p>(&self, phrases: &'p [String]) -> Vec<(Span, &'p str)> {
        let mut found: Vec<(Span, &str)> =
            phrases.iter().flat_map(|p| self.find_phrase(p).into_iter().map(move |s| (s, p.as_str()))).collect();
        found.sort_by_key(|(span, _)| (span.start, std::cmp::Reverse(span.end)));
        found.dedup_by(|b, a| a.0.overlaps(b.0));
        found
    }

    /// The mentions coordinated with mention `idx` (an index into `self.mentions`),
    /// "A, B and C" or "A and B", including itself, in text order.
    pub fn coordinated(&self, idx: usize) -> Vec<EntityMention> {
        let joins = |between: &str| matches!(between.trim(), "," | "and" | ", and" | "or" | ", or" | "&");
        let mut first = idx;
        while first > 0 && joins(self.between(self.mentions[first - 1].span, self.mentions[first].span)) {
            first -= 1;
        }
        let mut last = idx;
        while last + 1 < self.mentions.len() && joins(self.between(self.mentions[last].span, self.mentions[last + 1].span)) {
            last += 1;
        }
        self.mentions[first..=last].to_vec()
    }

    /// The mention that starts right at or after byte `offset`, if any.
    pub fn mention_after(&self, offset: u32) -> Option<usize> {
        self.mentions.iter().position(|m| m.span.start >= offset)
    }

    /// The last mention that ends at or before byte `offset`, if any.
    pub fn mention_before(&self, offset: u32) -> Option<usize> {
        self.mentions.iter().rposition(|m| m.span.end <= offset)
    }
}
