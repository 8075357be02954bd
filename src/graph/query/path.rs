//! `query path A B`: the shortest chain of relations between two entities,
//! whichever way each relation runs, with the evidence of every hop.
//!
//! A breadth-first search over the undirected view of the graph, visiting
//! each entity's edges in (other end's id, relation type) order, so among
//! several shortest paths the same one is always chosen.

use super::table::Table;
use super::{count, left_out_note, links, quote_cell, Answer, Direction, EntityRef, Link, Scope};
use crate::graph::{Evidence, KnowledgeGraph, RelationKind};
use petgraph::stable_graph::NodeIndex;
use serde::Serialize;
use std::collections::{BTreeMap, VecDeque};

/// The shortest path between two entities, if any.
#[derive(Debug, Serialize)]
pub struct PathAnswer<'g> {
    pub from: EntityRef<'g>,
    pub to: EntityRef<'g>,
    pub found: bool,
    /// In order from `from` to `to`; empty when not found or `from` is `to`.
    pub hops: Vec<Hop<'g>>,
    /// How many CO_OCCURS edges of the graph were not used.
    #[serde(skip)]
    pub cooccurrence_left_out: usize,
}

/// One step of a path.
#[derive(Debug, Serialize)]
pub struct Hop<'g> {
    pub from: EntityRef<'g>,
    #[serde(rename = "type")]
    pub kind: RelationKind,
    /// As walked: `outgoing` when `from` is the relation's source.
    pub direction: Direction,
    pub to: EntityRef<'g>,
    pub attributes: &'g BTreeMap<String, String>,
    pub confidence: f32,
    /// Earliest first.
    pub evidence: Vec<&'g Evidence>,
}

impl<'g> Hop<'g> {
    fn new(from: EntityRef<'g>, link: Link<'g>) -> Hop<'g> {
        Hop {
            from,
            kind: link.kind,
            direction: link.direction,
            to: link.other,
            attributes: link.attributes,
            confidence: link.confidence,
            evidence: link.evidence,
        }
    }
}

/// The shortest path from `from` to `to` through the edges `scope` keeps.
pub fn shortest_path(graph: &KnowledgeGraph, from: NodeIndex, to: NodeIndex, scope: Scope) -> PathAnswer<'_> {
    // Each reached entity -> (the entity it was reached from, the link followed).
    let mut reached_from: BTreeMap<NodeIndex, Option<(NodeIndex, Link)>> = BTreeMap::from([(from, None)]);
    let mut queue = VecDeque::from([from]);
    while let Some(current) = queue.pop_front() {
        if current == to {
            break;
        }
        let mut next = links(graph, current, scope);
        next.sort_by(|a, b| {
            (a.1.other.id, a.1.kind, a.1.direction, a.1.attributes).cmp(&(b.1.other.id, b.1.kind, b.1.direction, b.1.attributes))
        });
        for (other, link) in next {
            if let std::collections::btree_map::Entry::Vacant(entry) = reached_from.entry(other) {
                entry.insert(Some((current, link)));
                queue.push_back(other);
            }
        }
    }
    let mut hops = Vec::new();
    let mut step = to;
    while let Some(Some((previous, link))) = reached_from.remove(&step) {
        hops.push(Hop::new(EntityRef::of(&graph.graph[previous]), link));
        step = previous;
    }
    hops.reverse();
    let cooccurrence_left_out = match scope.hides_cooccurrence() {
        true => graph.graph.edge_weights().filter(|edge| edge.kind == RelationKind::CoOccurs).count(),
        false => 0,
    };
    PathAnswer {
        from: EntityRef::of(&graph.graph[from]),
        to: EntityRef::of(&graph.graph[to]),
        found: from == to || !hops.is_empty(),
        hops,
        cooccurrence_left_out,
    }
}

impl Answer for PathAnswer<'_> {
    const QUESTION: &'static str = "path";

    fn to_table(&self) -> String {
        let (from, to) = (self.from.describe(), self.to.describe());
        if !self.found {
            return format!("no path between {from} and {to}{}\n", left_out_note(self.cooccurrence_left_out));
        }
        if self.hops.is_empty() {
            return format!("{from} and {to} are the same entity\n");
        }
        let mut table = Table::new(&["HOP", "FROM", "RELATION", "TO", "QUOTE"]);
        for (hop_idx, hop) in self.hops.iter().enumerate() {
            table.push(vec![
                (hop_idx + 1).to_string(),
                hop.from.label.to_string(),
                hop.direction.arrow(hop.kind),
                hop.to.label.to_string(),
                quote_cell(&hop.evidence),
            ]);
        }
        format!("{from} to {to}: {}\n{}", count(self.hops.len(), "hop", "hops"), table.render(""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{EntityId, RelationEdge};

    fn path_between<'g>(graph: &'g KnowledgeGraph, from: &str, to: &str, scope: Scope) -> PathAnswer<'g> {
        shortest_path(graph, graph.by_id[&EntityId(from.into())], graph.by_id[&EntityId(to.into())], scope)
    }

    fn arrows(answer: &PathAnswer) -> Vec<String> {
        answer.hops.iter().map(|hop| format!("{} {} {}", hop.from.label, hop.direction.arrow(hop.kind), hop.to.label)).collect()
    }

    #[test]
    fn shortest_path_ignores_direction() {
        let graph = crate::graph::sample::sample_graph();
        let answer = path_between(&graph, "location-accra", "person-luis-quispe", Scope::default());
        assert_eq!(arrows(&answer), ["Accra -[LOCATED_IN]-> Ghana", "Ghana <-[HOLDS_ROLE]- Ama Mensah", "Ama Mensah -[MET]- Luis Quispe"]);
        assert_eq!(
            answer.to_table(),
            "Accra (Location, location-accra) to Luis Quispe (Person, person-luis-quispe): 3 hops
HOP  FROM        RELATION         TO           QUOTE
1    Accra       -[LOCATED_IN]->  Ghana        Accra, Ghana's capital, hosted the talks.
2    Ghana       <-[HOLDS_ROLE]-  Ama Mensah   Ghana President Ama Mensah met Peru's Foreign Minister Luis Quispe in…
3    Ama Mensah  -[MET]-          Luis Quispe  Ghana President Ama Mensah met Peru's Foreign Minister Luis Quispe in…
"
        );
    }

    #[test]
    fn ties_break_by_id_and_same_entity_is_zero_hops() {
        let graph = crate::graph::sample::sample_graph();
        // Peru reaches the mission through the resolution (2 hops) only.
        let answer = path_between(&graph, "country-peru", "organization-coastal-support-mission", Scope::default());
        assert_eq!(arrows(&answer), ["Peru -[ABSTAINED]-> Resolution 9001", "Resolution 9001 -[AUTHORIZES]-> Coastal Support Mission"]);
        let same = path_between(&graph, "country-peru", "country-peru", Scope::default());
        assert!(same.found && same.hops.is_empty());
        assert_eq!(same.to_table(), "Peru (Country, country-peru) and Peru (Country, country-peru) are the same entity\n");
    }

    #[test]
    fn cooccurrence_only_when_asked() {
        let mut graph = crate::graph::sample::sample_graph();
        let mut lonely = graph.graph[graph.by_id[&EntityId("country-peru".into())]].clone();
        lonely.id = EntityId("country-chile".into());
        lonely.label = "Chile".into();
        let chile = graph.add_node(lonely);
        let peru = graph.by_id[&EntityId("country-peru".into())];
        let cooccurs = RelationEdge {
            kind: RelationKind::CoOccurs,
            attributes: BTreeMap::new(),
            evidence: vec![],
            confidence: 0.1,
            weight: 2,
            evidence_count: 0,
        };
        graph.graph.add_edge(chile, peru, cooccurs);
        let answer = path_between(&graph, "country-chile", "country-peru", Scope::default());
        assert!(!answer.found);
        assert_eq!(
            answer.to_table(),
            "no path between Chile (Country, country-chile) and Peru (Country, country-peru) \
             (1 CO_OCCURS edge left out; --cooccurrence shows them)\n"
        );
        let answer = path_between(&graph, "country-chile", "country-peru", Scope { kind: None, cooccurrence: true });
        assert_eq!(arrows(&answer), ["Chile -[CO_OCCURS]- Peru"]);
    }
}
