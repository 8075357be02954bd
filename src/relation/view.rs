//! What relation extractors see of one document: its sentences, each with
//! its entity mentions, title phrases, role phrases and *arguments*.
//!
//! An [`Argument`] is one entity as a relation can take it: a plain mention
//! ("Kenya"), a role phrase around a person ("Kenya’s Defense Minister Aden
//! Duale", "Todd Robinson, the assistant secretary of state for the Bureau
//! of ..."), a description that names a person of the same document
//! ("Kenya’s president"), or a reference to a resolution or mission
//! ("the resolution", "the Kenya-led mission") that [`super::coref`] ties to
//! an entity of this document or leaves for the corpus to resolve. A role
//! phrase is one argument whose entity is the person: the organization
//! inside it is not an argument of any other relation of that sentence.

use super::antecedent;
use super::coref::{self, Placeholder};
use super::roles::{self, RolePhrase};
use crate::kinds::EntityKind;
use crate::relation::DocContext;
use crate::span::Span;
use crate::syntax::tree::{DependencyTree, TreeScratch};

/// One entity mention inside a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntityMention {
    /// Index into `DocContext::mentions`.
    pub mention: usize,
    /// Index into `DocContext::entities`.
    pub entity: usize,
    pub kind: EntityKind,
    pub span: Span,
    /// A demonym standing for its country ("Kenyan").
    pub demonym: bool,
}

/// One entity as a relation argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Argument {
    /// Index into `DocContext::entities`, or, from `entities.len()` on, into
    /// [`DocView::placeholders`].
    pub entity: usize,
    pub kind: EntityKind,
    /// The words naming the entity itself (a mention or a description).
    pub head: Span,
    /// The whole phrase, with any title, organization and apposition.
    pub span: Span,
}

/// One sentence with its mentions, titles, role phrases and arguments, all in text order.
#[derive(Clone, Debug)]
pub struct SentenceView<'a> {
    /// The whole document text (spans index into it).
    pub text: &'a str,
    pub index: u32,
    pub span: Span,
    pub mentions: Vec<EntityMention>,
    /// Title phrases ("Acting Deputy Secretary of State") outside any mention.
    pub titles: Vec<Span>,
    pub roles: Vec<RolePhrase>,
    pub arguments: Vec<Argument>,
    /// The dependency tree, for sentences with two or more arguments (the only ones a relation
    /// can come from), or with a person or a personal pronoun (see [`antecedent::Topics`]).
    pub tree: Option<DependencyTree<'a>>,
}

/// One document prepared for the extractors.
pub struct DocView<'a> {
    pub ctx: &'a DocContext<'a>,
    /// Every sentence of the body that is not a headline.
    pub sentences: Vec<SentenceView<'a>>,
    /// Entities named only by a description here and resolved at merge.
    pub placeholders: Vec<Placeholder>,
    /// The mission or force the document names (the first of several).
    pub named_mission: Option<usize>,
    /// The document's mission: the one it names, else the one it describes
    /// with a leader ("the Ghana-led mission"), resolved at merge.
    pub default_mission: Option<usize>,
    /// The one resolution the document names, if exactly one.
    pub named_resolution: Option<usize>,
}

impl<'a> DocView<'a> {
    pub fn new(ctx: &'a DocContext<'a>) -> DocView<'a> {
        let text = ctx.document.text.as_str();
        let mut sentences: Vec<SentenceView<'a>> = ctx
            .segmentation
            .sentences
            .iter()
            .enumerate()
            .filter(|(_, sentence)| !sentence.headline)
            .map(|(index, sentence)| SentenceView {
                text,
                index: index as u32,
                span: sentence.span,
                mentions: Vec::new(),
                titles: Vec::new(),
                roles: Vec::new(),
                arguments: Vec::new(),
                tree: None,
            })
            .collect();
        let position = |sentence: u32| sentences.binary_search_by_key(&sentence, |view| view.index).ok();
        let mut placed = Vec::new();
        for (mention_idx, mention) in ctx.mentions.iter().enumerate() {
            if let Some(view_idx) = position(mention.sentence) {
                let demonym = matches!(mention.source, crate::mention::MentionSource::Gazetteer { demonym: true, .. });
                let entity = ctx.mention_entity[mention_idx];
                placed.push((view_idx, EntityMention { mention: mention_idx, entity, kind: mention.kind, span: mention.span, demonym }));
            }
        }
        for (view_idx, mention) in placed {
            sentences[view_idx].mentions.push(mention);
        }
        for view in &mut sentences {
            view.titles = roles::find_titles(ctx.resources, view);
        }
        for view in &mut sentences {
            view.roles = roles::find(ctx, view);
        }
        let references = coref::DocReferences::new(ctx, &sentences);
        let mut placeholders = Vec::new();
        let guards = ctx.resources.relations.file("guards");
        let mut topics = antecedent::Topics::default();
        let mut scratch = TreeScratch::default();
        for view in &mut sentences {
            let mut arguments = coref::arguments(ctx, &references, view, &mut placeholders);
            coref::add_it_subjects(ctx, view, &mut arguments);
            let sentence = &ctx.segmentation.sentences[view.index as usize];
            let tokens = &ctx.segmentation.tokens[sentence.tokens.start as usize..sentence.tokens.end as usize];
            // Parsed: sentences that may state a relation, and those whose subjects or pronouns
            // a personal pronoun may need.
            let has_person = arguments.iter().any(|a| a.kind == EntityKind::Person);
            let pronoun = || topics.is_live(view.index) && antecedent::Topics::has_pronoun(guards, view, tokens);
            if arguments.len() >= 2 || has_person || pronoun() {
                let tree = DependencyTree::parse(text, tokens, &mut scratch);
                topics.resolve(guards, view, &tree, &mut arguments);
                view.tree = Some(tree);
            }
            view.arguments = arguments;
        }
        let described_mission = placeholders
            .iter()
            .position(|p| matches!(p.reference, crate::entity::Reference::Mission { .. }))
            .map(|idx| ctx.entities.len() + idx);
        DocView {
            ctx,
            sentences,
            placeholders,
            named_mission: references.named_mission,
            default_mission: references.named_mission.or(described_mission),
            named_resolution: references.named_resolution,
        }
    }

    /// The kind of an argument's entity (a local entity or a placeholder).
    pub fn kind_of(&self, entity: usize) -> EntityKind {
        match entity.checked_sub(self.ctx.entities.len()) {
            Some(placeholder) => self.placeholders[placeholder].kind,
            None => self.ctx.entities[entity].kind,
        }
    }

    /// The trigger file of one extractor.
    pub fn triggers(&self, stem: &str) -> &'a super::triggers::TriggerFile {
        self.ctx.resources.relations.file(stem)
    }
}

impl<'a> SentenceView<'a> {
    /// The sentence's own text.
    pub fn sentence_text(&self) -> &'a str {
        self.span.text(self.text)
    }

    /// The original text of any span of the document.
    pub fn slice(&self, span: Span) -> &'a str {
        span.text(self.text)
    }

    /// The text strictly between two spans (empty if they touch or cross).
    pub fn between(&self, left: Span, right: Span) -> &'a str {
        if left.end >= right.start {
            return "";
        }
        self.slice(Span { start: left.end, end: right.start })
    }

    /// The sentence text before byte `offset` (from the sentence start).
    pub fn before(&self, offset: u32) -> &'a str {
        self.slice(Span { start: self.span.start, end: offset.clamp(self.span.start, self.span.end) })
    }

    /// At most the last `max_bytes` of the sentence text before `offset`,
    /// starting on a char boundary: a look-back window, so that work per
    /// position does not grow with the sentence.
    pub fn before_within(&self, offset: u32, max_bytes: usize) -> &'a str {
        crate::span::tail(self.before(offset), max_bytes)
    }

    /// The sentence text after byte `offset` (to the sentence end).
    pub fn after(&self, offset: u32) -> &'a str {
        self.slice(Span { start: offset.clamp(self.span.start, self.span.end), end: self.span.end })
    }

    /// Every source argument with every target argument, as entity pairs.
    pub fn entity_pairs(&self, sources: &[usize], targets: &[usize]) -> Vec<(usize, usize)> {
        sources.iter().flat_map(|&s| targets.iter().map(move |&t| (self.arguments[s].entity, self.arguments[t].entity))).collect()
    }

    /// Whether argument `idx` is a bare demonym ("Italian").
    pub fn is_demonym(&self, idx: usize) -> bool {
        let argument = self.arguments[idx];
        argument.head == argument.span && self.mentions.iter().any(|m| m.span == argument.span && m.demonym)
    }

    /// Whether `span` stands inside a quotation of the sentence.
    pub fn in_quotes(&self, span: Span) -> bool {
        let before = self.before(span.start);
        let opens = before.matches(['“']).count() + before.matches('"').count() % 2;
        let closes = before.matches(['”']).count();
        opens > closes
    }

    /// The argument whose phrase contains `span`, if any.
    pub fn argument_covering(&self, span: Span) -> Option<usize> {
        self.arguments.iter().position(|argument| argument.span.contains(span))
    }

    /// The mention that ends closest before `offset`, if any.
    pub fn mention_before(&self, offset: u32) -> Option<&EntityMention> {
        self.mentions.iter().rev().find(|m| m.span.end <= offset)
    }

    /// The first mention that starts at or after `offset`, if any.
    pub fn mention_after(&self, offset: u32) -> Option<&EntityMention> {
        self.mentions.iter().find(|m| m.span.start >= offset)
    }
}
