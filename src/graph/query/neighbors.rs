//! `query neighbors NAME [--type T]`: the entities one relation away, in
//! either direction, with the relation and which way it runs.

use super::table::Table;
use super::{attributes_cell, count, left_out_note, links, Answer, EntityRef, Link, Scope};
use crate::graph::{KnowledgeGraph, RelationKind};
use petgraph::stable_graph::NodeIndex;
use serde::Serialize;
use std::collections::BTreeSet;

/// The neighbours of one entity.
#[derive(Debug, Serialize)]
pub struct Neighbors<'g> {
    pub entity: EntityRef<'g>,
    /// The `--type` asked for, if any.
    pub relation_type: Option<RelationKind>,
    /// One per edge (a neighbour linked twice appears twice), by neighbour,
    /// then relation type and direction.
    pub neighbors: Vec<Link<'g>>,
    /// How many CO_OCCURS edges of the entity were left out.
    #[serde(skip)]
    pub cooccurrence_left_out: usize,
}

/// The neighbours of the entity at `index` through the edges `scope` keeps.
pub fn neighbors(graph: &KnowledgeGraph, index: NodeIndex, scope: Scope) -> Neighbors<'_> {
    let mut neighbors: Vec<Link> = links(graph, index, scope).into_iter().map(|(_, link)| link).collect();
    neighbors.sort_by(|a, b| {
        (a.other.sort_key(), a.kind, a.direction, a.attributes).cmp(&(b.other.sort_key(), b.kind, b.direction, b.attributes))
    });
    let cooccurrence_left_out = match scope.hides_cooccurrence() {
        true => links(graph, index, Scope { kind: Some(RelationKind::CoOccurs), cooccurrence: true }).len(),
        false => 0,
    };
    Neighbors { entity: EntityRef::of(&graph.graph[index]), relation_type: scope.kind, neighbors, cooccurrence_left_out }
}

impl Answer for Neighbors<'_> {
    const QUESTION: &'static str = "neighbors";

    fn to_table(&self) -> String {
        let through = self.relation_type.map(|kind| format!(" through {kind}")).unwrap_or_default();
        let note = left_out_note(self.cooccurrence_left_out);
        if self.neighbors.is_empty() {
            return format!("{}: no neighbours{through}{note}\n", self.entity.describe());
        }
        let n_entities = self.neighbors.iter().map(|link| link.other.id).collect::<BTreeSet<_>>().len();
        let title = format!(
            "{}: {}{through}, {}{note}",
            self.entity.describe(),
            count(n_entities, "neighbour", "neighbours"),
            count(self.neighbors.len(), "relation", "relations")
        );
        let mut table = Table::new(&["RELATION", "NEIGHBOUR", "TYPE", "ID", "DETAIL", "EVIDENCE"]);
        for link in &self.neighbors {
            table.push(vec![
                link.arrow(),
                link.other.label.to_string(),
                link.other.kind.to_string(),
                link.other.id.to_string(),
                attributes_cell(link.attributes),
                link.evidence.len().to_string(),
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

    fn neighbors_of(id: &str, kind: Option<RelationKind>) -> String {
        let graph = sample_graph();
        neighbors(&graph, graph.by_id[&EntityId(id.into())], Scope { kind, cooccurrence: false }).to_table()
    }

    #[test]
    fn both_directions_with_arrows() {
        assert_eq!(
            neighbors_of("resolution-resolution-9001", None),
            "Resolution 9001 (Resolution, resolution-resolution-9001): 3 neighbours, 3 relations
RELATION         NEIGHBOUR                TYPE          ID                                    DETAIL  EVIDENCE
-[AUTHORIZES]->  Coastal Support Mission  Organization  organization-coastal-support-mission  -       1
<-[ABSTAINED]-   Peru                     Country       country-peru                          -       1
<-[ADOPTED]-     UN Security Council      Organization  organization-un-security-council      -       1
"
        );
    }

    #[test]
    fn type_filter_and_empty_answers() {
        assert_eq!(
            neighbors_of("person-ama-mensah", Some(RelationKind::Met)),
            "Ama Mensah (Person, person-ama-mensah): 1 neighbour through MET, 1 relation
RELATION  NEIGHBOUR    TYPE    ID                  DETAIL    EVIDENCE
-[MET]-   Luis Quispe  Person  person-luis-quispe  kind=met  1
"
        );
        assert_eq!(
            neighbors_of("location-accra", Some(RelationKind::Leads)),
            "Accra (Location, location-accra): no neighbours through LEADS\n"
        );
    }
}
