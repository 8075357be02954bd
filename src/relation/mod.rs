//! Typed relations between the entities of one document, each with the
//! sentence and trigger that state it. One extractor per relation kind, each
//! in its own file with its trigger words in `data/relations/<kind>.toml`.

use crate::entity::LocalEntity;
use crate::kinds::RelationKind;
use crate::span::Span;
use std::collections::{BTreeMap, BTreeSet};
use view::{DocView, SentenceView};

pub use context::{DocContext, DocumentAnalysis};

/// A relation found in one document, between two of its local entities.
#[derive(Clone, Debug, PartialEq)]
pub struct RelationCandidate {
    pub kind: RelationKind,
    /// Index into the document's entities.
    pub source: usize,
    pub target: usize,
    pub attributes: BTreeMap<String, String>,
    /// Index of the sentence that states it.
    pub sentence: u32,
    pub trigger: Span,
    /// The rule that produced it, `<extractor>.<rule>`.
    pub rule: &'static str,
    pub confidence: f32,
}

impl RelationCandidate {
    /// A candidate of `kind` stated in `view`, without attributes.
    pub fn new(
        kind: RelationKind,
        source: usize,
        target: usize,
        view: &SentenceView,
        trigger: Span,
        rule: &'static str,
        confidence: f32,
    ) -> Self {
        RelationCandidate { kind, source, target, attributes: BTreeMap::new(), sentence: view.index, trigger, rule, confidence }
    }

    /// The same candidate with one more attribute.
    pub fn with(mut self, key: &str, value: impl Into<String>) -> Self {
        self.attributes.insert(key.to_string(), value.into());
        self
    }
}

/// What extraction found in one document: relations, and the entities the
/// document only describes (appended after its own entities; see
/// [`crate::entity::Reference`]).
#[derive(Debug, Default)]
pub struct Extraction {
    pub relations: Vec<RelationCandidate>,
    pub described: Vec<LocalEntity>,
}

pub mod adopted;
pub mod antecedent;
pub mod authorizes;
pub mod context;
pub mod contributes_to;
pub mod coref;
pub mod counterparts;
pub mod dates;
pub mod dependency;
pub mod grammar;
pub mod holds_role;
pub mod leads;
pub mod located_in;
pub mod member_of;
pub mod opposes;
pub mod roles;
pub mod sponsors;
/// The trigger files live with the other data files; reachable here as before.
pub use crate::resources::triggers;
pub mod view;
pub mod vote;

/// One extractor: reads the document view, appends candidates.
type Extractor = fn(&DocView, &mut Vec<RelationCandidate>);

/// The extractors, in the order they run; the last two read what the others found (the roles of
/// people outside a list of counterparts, and leaders' titles).
const EXTRACTORS: [Extractor; 13] = [
    holds_role::extract,
    leads::extract,
    member_of::extract,
    contributes_to::extract,
    sponsors::extract,
    adopted::extract,
    vote::extract,
    authorizes::extract,
    located_in::extract,
    opposes::extract,
    dependency::extract,
    counterparts::extract,
    leads::from_titles,
];

/// Runs every extractor over one document. The same relation stated twice
/// in one sentence, or found there by two extractors, is kept once; relations of an entity
/// with itself are dropped.
pub fn extract(ctx: &DocContext) -> Extraction {
    let doc = DocView::new(ctx);
    let mut found = Vec::new();
    for extractor in EXTRACTORS {
        extractor(&doc, &mut found);
    }
    found.retain(|r| r.source != r.target);
    dependency::drop_denied(&doc, &mut found);
    // One sentence states one relation once, whichever extractors found it: the first (the
    // word-window extractors run before the tree patterns) is kept. A symmetric relation is one
    // either way round; HOLDS_ROLE is one per role.
    let key = |r: &RelationCandidate| {
        let (a, b) = if r.kind.is_symmetric() { (r.source.min(r.target), r.source.max(r.target)) } else { (r.source, r.target) };
        (r.sentence, r.kind, a, b, r.attributes.get("role").map(|role| role.to_lowercase()))
    };
    found.sort_by_key(key);
    found.dedup_by_key(|r| key(r));
    // Evidence in text order (as `graph::combine` orders it), so a build and a merge of shards agree.
    found.sort_by(|a, b| (a.sentence, a.trigger.start, a.trigger.end, a.rule).cmp(&(b.sentence, b.trigger.start, b.trigger.end, b.rule)));
    let described = doc
        .placeholders
        .iter()
        .map(|placeholder| LocalEntity {
            kind: placeholder.kind,
            name: placeholder.description.clone(),
            aliases: BTreeSet::new(),
            mentions: Vec::new(),
            reference: Some(placeholder.reference.clone()),
        })
        .collect();
    Extraction { relations: found, described }
}

/// CO_OCCURS candidates: every pair of distinct entities named in one sentence.
pub fn cooccurrence(ctx: &DocContext) -> Vec<RelationCandidate> {
    let mut by_sentence: BTreeMap<u32, Vec<(usize, Span)>> = BTreeMap::new();
    for (idx, mention) in ctx.mentions.iter().enumerate() {
        by_sentence.entry(mention.sentence).or_default().push((ctx.mention_entity[idx], mention.span));
    }
    let mut found = Vec::new();
    for (sentence, entities) in by_sentence {
        let mut seen: Vec<(usize, Span)> = Vec::new();
        for (entity, span) in entities {
            if !seen.iter().any(|(e, _)| *e == entity) {
                seen.push((entity, span));
            }
        }
        for (i, &(a, span_a)) in seen.iter().enumerate() {
            for &(b, _) in &seen[i + 1..] {
                found.push(RelationCandidate {
                    kind: RelationKind::CoOccurs,
                    source: a,
                    target: b,
                    attributes: BTreeMap::new(),
                    sentence,
                    trigger: span_a,
                    rule: "co_occurs.sentence",
                    confidence: 0.1,
                });
            }
        }
    }
    found
}

/// Runs `f` on the view of one document made of `text` (for the table
/// tests of the relation modules).
#[cfg(test)]
pub(crate) fn with_view<R>(text: &str, f: impl FnOnce(&DocView) -> R) -> R {
    let resources = crate::resources::Resources::builtin().expect("the built-in data loads");
    let document = crate::document::Document::new(crate::document::DocId("test".into()), "test.txt".into(), text.to_string(), None);
    let analyses = crate::pipeline::analyze(&resources, &[document], false);
    let ctx = analyses[0].context(&resources);
    let view = DocView::new(&ctx);
    f(&view)
}

#[cfg(test)]
mod tests {
    use crate::document::{DocId, Document};
    use crate::resources::Resources;
    use crate::text::normalize_name;

    /// Runs every example sentence of every trigger file through the whole
    /// pipeline and checks that exactly the listed relations of the file's
    /// kinds come out.
    #[test]
    fn trigger_file_examples() {
        let resources = Resources::builtin().unwrap();
        let pattern = regex::Regex::new(r"^(.+?)\s+-(?:\[([A-Z_]+)\]-)?>\s+(.+)$").unwrap();
        let mut failures = Vec::new();
        for (stem, file) in &resources.relations.files {
            let kinds = file.relation_kinds();
            for example in &file.examples {
                let document = Document::new(DocId("example".into()), "example.txt".into(), example.text.clone(), None);
                let graph = crate::pipeline::build_graph(&resources, &[document], false);
                let mut found: Vec<String> = graph
                    .edges()
                    .into_iter()
                    .filter(|(_, _, e)| kinds.contains(&e.kind))
                    .map(|(s, t, e)| format!("{} -[{}]-> {}", s.label, e.kind, t.label))
                    .collect();
                found.sort();
                let names_match = |node: &crate::graph::EntityNode, name: &str| {
                    let wanted = normalize_name(name);
                    node.aliases.iter().chain([&node.label]).any(|a| normalize_name(a) == wanted)
                };
                let mut unmatched = found.len();
                for expected in &example.relations {
                    let Some(c) = pattern.captures(expected) else {
                        failures
                            .push(format!("{stem}: bad expectation '{expected}': write 'Source -> Target' or 'Source -[KIND]-> Target'"));
                        continue;
                    };
                    let kind = c.get(2).and_then(|k| crate::graph::RelationKind::parse(k.as_str()));
                    let hit = graph.edges().into_iter().any(|(s, t, e)| {
                        kinds.contains(&e.kind)
                            && kind.is_none_or(|k| k == e.kind)
                            && ((names_match(s, &c[1]) && names_match(t, &c[3]))
                                || (e.kind.is_symmetric() && names_match(t, &c[1]) && names_match(s, &c[3])))
                    });
                    if hit {
                        unmatched = unmatched.saturating_sub(1);
                    } else {
                        failures.push(format!("{stem}: missed '{expected}' in: {}\n    found: {found:?}", example.text));
                    }
                }
                if unmatched > 0 {
                    failures.push(format!(
                        "{stem}: extra relations in: {}\n    found: {found:?}\n    expected: {:?}",
                        example.text, example.relations
                    ));
                }
            }
        }
        assert!(failures.is_empty(), "{} example failures:\n{}", failures.len(), failures.join("\n"));
    }
}
