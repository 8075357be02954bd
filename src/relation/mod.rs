//! Typed relations between the entities of one document, each with the
//! sentence and trigger that state it. One extractor per relation kind, each
//! in its own file with its trigger words in `data/relations/<kind>.toml`.

use crate::graph::RelationKind;
use crate::pipeline::DocContext;
use crate::span::Span;
use std::collections::BTreeMap;

/// A relation found in one document, between two of its local entities.
#[derive(Clone, Debug, PartialEq)]
pub struct RelationCandidate {
    pub kind: RelationKind,
    /// Index into `DocContext::entities`.
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

pub mod adopted;
pub mod authorizes;
pub mod contributes_to;
pub mod holds_role;
pub mod leads;
pub mod located_in;
pub mod member_of;
pub mod met;
pub mod opposes;
pub mod sentence;
pub mod sponsors;
pub mod triggers;
pub mod vote;

/// Runs every extractor over one document; the same relation stated twice in
/// one sentence is kept once.
pub fn extract(ctx: &DocContext) -> Vec<RelationCandidate> {
    let mut found = Vec::new();
    let extractors: [fn(&DocContext, &mut Vec<RelationCandidate>); 11] = [
        holds_role::extract,
        met::extract,
        leads::extract,
        member_of::extract,
        contributes_to::extract,
        sponsors::extract,
        adopted::extract,
        vote::extract,
        authorizes::extract,
        located_in::extract,
        opposes::extract,
    ];
    for extractor in extractors {
        extractor(ctx, &mut found);
    }
    found.retain(|r| r.source != r.target);
    found.sort_by(|a, b| {
        (a.sentence, a.kind, a.source, a.target, &a.attributes).cmp(&(b.sentence, b.kind, b.source, b.target, &b.attributes))
    });
    found.dedup_by(|b, a| {
        (a.sentence, a.kind, a.source, a.target, &a.attributes) == (b.sentence, b.kind, b.source, b.target, &b.attributes)
    });
    found
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
        let pattern = regex::Regex::new(r"^(.+?)\s+-(?:\[([A-Z_]+)\])?->\s+(.+)$").unwrap();
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
