//! `query relations [--type T] [--source X] [--target Y]`: the relations of
//! the graph, filtered, with how much evidence each has and its first quote.
//!
//! A symmetric relation (MET) matches a source and target filter either way
//! round, and is then shown with the asked-for source first.

use super::table::Table;
use super::{attributes_cell, count, evidence_in_order, left_out_note, quote_cell, Answer, EntityRef, Scope};
use crate::graph::{Evidence, KnowledgeGraph, RelationKind};
use petgraph::stable_graph::NodeIndex;
use serde::Serialize;
use std::collections::BTreeMap;

/// What `relations` keeps.
#[derive(Clone, Copy, Debug, Default)]
pub struct RelationFilter {
    pub scope: Scope,
    pub source: Option<NodeIndex>,
    pub target: Option<NodeIndex>,
}

/// The relations that pass a filter.
#[derive(Debug, Serialize)]
pub struct Relations<'g> {
    pub filter: FilterEcho<'g>,
    /// By type, source, target, attributes.
    pub relations: Vec<RelationRow<'g>>,
    /// How many CO_OCCURS edges would have passed the source and target filters.
    #[serde(skip)]
    pub cooccurrence_left_out: usize,
}

/// The filter as asked, for the JSON document.
#[derive(Debug, Serialize)]
pub struct FilterEcho<'g> {
    #[serde(rename = "type")]
    pub kind: Option<RelationKind>,
    pub source: Option<EntityRef<'g>>,
    pub target: Option<EntityRef<'g>>,
}

/// One relation.
#[derive(Debug, Serialize)]
pub struct RelationRow<'g> {
    pub source: EntityRef<'g>,
    #[serde(rename = "type")]
    pub kind: RelationKind,
    pub target: EntityRef<'g>,
    pub attributes: &'g BTreeMap<String, String>,
    pub confidence: f32,
    pub evidence_count: usize,
    /// Earliest first.
    pub evidence: Vec<&'g Evidence>,
}

/// The relations of `graph` that pass `filter`.
pub fn relations<'g>(graph: &'g KnowledgeGraph, filter: &RelationFilter) -> Relations<'g> {
    let matches = |wanted: Option<NodeIndex>, index: NodeIndex| wanted.is_none_or(|wanted| wanted == index);
    let mut rows = Vec::new();
    let mut cooccurrence_left_out = 0;
    for edge_index in graph.graph.edge_indices() {
        let edge = &graph.graph[edge_index];
        let Some((source, target)) = graph.graph.edge_endpoints(edge_index) else { continue };
        let (source, target) = if matches(filter.source, source) && matches(filter.target, target) {
            (source, target)
        } else if edge.kind.is_symmetric() && matches(filter.source, target) && matches(filter.target, source) {
            (target, source)
        } else {
            continue;
        };
        if !filter.scope.keeps(edge.kind) {
            if edge.kind == RelationKind::CoOccurs && filter.scope.hides_cooccurrence() {
                cooccurrence_left_out += 1;
            }
            continue;
        }
        rows.push(RelationRow {
            source: EntityRef::of(&graph.graph[source]),
            kind: edge.kind,
            target: EntityRef::of(&graph.graph[target]),
            attributes: &edge.attributes,
            confidence: edge.confidence,
            evidence_count: edge.evidence_count,
            evidence: evidence_in_order(&edge.evidence),
        });
    }
    rows.sort_by(|a, b| {
        (a.kind, a.source.sort_key(), a.target.sort_key(), a.attributes).cmp(&(
            b.kind,
            b.source.sort_key(),
            b.target.sort_key(),
            b.attributes,
        ))
    });
    let echo = |index: Option<NodeIndex>| index.map(|index| EntityRef::of(&graph.graph[index]));
    Relations {
        filter: FilterEcho { kind: filter.scope.kind, source: echo(filter.source), target: echo(filter.target) },
        relations: rows,
        cooccurrence_left_out,
    }
}

impl Answer for Relations<'_> {
    const QUESTION: &'static str = "relations";

    fn to_table(&self) -> String {
        let mut title = count(self.relations.len(), "relation", "relations");
        if let Some(kind) = self.filter.kind {
            title.push_str(&format!(" of type {kind}"));
        }
        if let Some(source) = &self.filter.source {
            title.push_str(&format!(" from {}", source.describe()));
        }
        if let Some(target) = &self.filter.target {
            title.push_str(&format!(" to {}", target.describe()));
        }
        title.push_str(&left_out_note(self.cooccurrence_left_out));
        if self.relations.is_empty() {
            return format!("{title}\n");
        }
        let mut table = Table::new(&["SOURCE", "RELATION", "TARGET", "DETAIL", "EVIDENCE", "QUOTE"]);
        for row in &self.relations {
            table.push(vec![
                row.source.label.to_string(),
                row.kind.to_string(),
                row.target.label.to_string(),
                attributes_cell(row.attributes),
                row.evidence_count.to_string(),
                quote_cell(&row.evidence),
            ]);
        }
        format!("{title}\n{}", table.render(""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::sample::sample_graph;
    use crate::graph::EntityId;

    fn table(filter: impl Fn(&KnowledgeGraph) -> RelationFilter) -> String {
        let graph = sample_graph();
        relations(&graph, &filter(&graph)).to_table()
    }

    fn index(graph: &KnowledgeGraph, id: &str) -> Option<NodeIndex> {
        Some(graph.by_id[&EntityId(id.into())])
    }

    #[test]
    fn all_relations_by_type() {
        let all = table(|_| RelationFilter::default());
        let rows: Vec<Vec<&str>> =
            all.lines().skip(2).map(|line| line.split("  ").map(str::trim).filter(|cell| !cell.is_empty()).take(3).collect()).collect();
        assert_eq!(all.lines().next(), Some("9 relations"));
        assert_eq!(
            rows,
            [
                ["Ama Mensah", "HOLDS_ROLE", "Ghana"],
                ["Luis Quispe", "HOLDS_ROLE", "Peru"],
                ["Ama Mensah", "MET", "Luis Quispe"],
                ["Ghana", "LEADS", "Coastal Support Mission"],
                ["Ghana", "MEMBER_OF", "African Union"],
                ["UN Security Council", "ADOPTED", "Resolution 9001"],
                ["Peru", "ABSTAINED", "Resolution 9001"],
                ["Resolution 9001", "AUTHORIZES", "Coastal Support Mission"],
                ["Accra", "LOCATED_IN", "Ghana"],
            ]
        );
    }

    #[test]
    fn filters_and_symmetric_relations() {
        assert_eq!(
            table(|graph| RelationFilter {
                scope: Scope { kind: Some(RelationKind::HoldsRole), cooccurrence: false },
                target: index(graph, "country-peru"),
                ..RelationFilter::default()
            }),
            "1 relation of type HOLDS_ROLE to Peru (Country, country-peru)
SOURCE       RELATION    TARGET  DETAIL                 EVIDENCE  QUOTE
Luis Quispe  HOLDS_ROLE  Peru    role=Foreign Minister  1         Ghana President Ama Mensah met Peru's Foreign Minister Luis Quispe in…
"
        );
        // MET stated Ama -> Luis is found from Luis too, and shown from him.
        let met = table(|graph| RelationFilter { source: index(graph, "person-luis-quispe"), ..RelationFilter::default() });
        assert!(met.contains("\nLuis Quispe  MET         Ama Mensah  kind=met"), "{met}");
        assert!(met.starts_with("2 relations from Luis Quispe"), "{met}");
        let none = table(|graph| RelationFilter {
            source: index(graph, "location-accra"),
            target: index(graph, "country-peru"),
            ..RelationFilter::default()
        });
        assert_eq!(none, "0 relations from Accra (Location, location-accra) to Peru (Country, country-peru)\n");
    }
}
