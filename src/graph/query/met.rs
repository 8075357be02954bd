//! `query met [NAME]`: who met whom, with the kind of meeting (the MET
//! edge's `kind` attribute: met, talks, call, visit, hosted, signed, ...),
//! when, where it is written and the sentence that says so.
//!
//! MET is symmetric, so an entity's meetings are its MET edges in either
//! direction; edges of one pair and kind stated both ways are one meeting
//! with their evidence pooled.

use super::table::Table;
use super::{count, evidence_in_order, quote_cell, Answer, EntityRef};
use crate::graph::{Evidence, KnowledgeGraph, RelationKind};
use petgraph::stable_graph::NodeIndex;
use serde::Serialize;
use std::collections::BTreeMap;

/// The meetings of one entity, or of the whole graph.
#[derive(Debug, Serialize)]
pub struct Meetings<'g> {
    /// The entity asked about; `null` for every meeting in the graph.
    pub entity: Option<EntityRef<'g>>,
    /// Earliest first.
    pub meetings: Vec<Meeting<'g>>,
}

/// One meeting of a pair, of one kind.
#[derive(Debug, Serialize)]
pub struct Meeting<'g> {
    /// The entity asked about, or the pair's end with the smaller id.
    pub entity: EntityRef<'g>,
    pub with: EntityRef<'g>,
    /// The `kind` attribute of the MET edge, when the extractor set one.
    pub kind: Option<&'g str>,
    /// The date and document of the first evidence (the document's date when
    /// the evidence has none).
    pub date: Option<&'g str>,
    pub document: Option<&'g str>,
    /// Earliest first.
    pub evidence: Vec<&'g Evidence>,
}

/// The meetings of `entity`, or every meeting of the graph (each pair once).
pub fn meetings(graph: &KnowledgeGraph, entity: Option<NodeIndex>) -> Meetings<'_> {
    let document_dates: BTreeMap<&str, Option<&str>> =
        graph.meta.documents.iter().map(|document| (document.id.as_str(), document.date.as_deref())).collect();
    // (entity, with, kind) -> evidence of every edge of that meeting.
    let mut pooled: BTreeMap<(NodeIndex, NodeIndex, Option<&str>), Vec<&Evidence>> = BTreeMap::new();
    for edge_index in graph.graph.edge_indices() {
        let edge = &graph.graph[edge_index];
        if edge.kind != RelationKind::Met {
            continue;
        }
        let Some((source, target)) = graph.graph.edge_endpoints(edge_index) else { continue };
        let pair = match entity {
            Some(asked) if source == asked => (source, target),
            Some(asked) if target == asked => (target, source),
            Some(_) => continue,
            None if graph.graph[source].id <= graph.graph[target].id => (source, target),
            None => (target, source),
        };
        pooled.entry((pair.0, pair.1, edge.attributes.get("kind").map(String::as_str))).or_default().extend(&edge.evidence);
    }
    let mut meetings: Vec<Meeting> = pooled
        .into_iter()
        .map(|((one, other, kind), evidence)| {
            let evidence = evidence_in_order(evidence);
            let document = evidence.first().map(|first| first.doc.as_str());
            let date = evidence
                .first()
                .and_then(|first| first.date.as_deref().or_else(|| document_dates.get(first.doc.as_str()).copied().flatten()));
            Meeting { entity: EntityRef::of(&graph.graph[one]), with: EntityRef::of(&graph.graph[other]), kind, date, document, evidence }
        })
        .collect();
    meetings.sort_by(|a, b| {
        (a.date.is_none(), a.date, a.entity.sort_key(), a.with.sort_key(), a.kind).cmp(&(
            b.date.is_none(),
            b.date,
            b.entity.sort_key(),
            b.with.sort_key(),
            b.kind,
        ))
    });
    Meetings { entity: entity.map(|index| EntityRef::of(&graph.graph[index])), meetings }
}

impl Answer for Meetings<'_> {
    const QUESTION: &'static str = "met";

    fn to_table(&self) -> String {
        let n_meetings = count(self.meetings.len(), "meeting", "meetings");
        let title = match &self.entity {
            Some(entity) if self.meetings.is_empty() => return format!("{}: no meetings in the graph\n", entity.describe()),
            Some(entity) => format!("{}: {n_meetings}", entity.describe()),
            None if self.meetings.is_empty() => return "no meetings in the graph\n".to_string(),
            None => format!("{n_meetings} in the graph"),
        };
        let mut table = if self.entity.is_some() {
            Table::new(&["WITH", "KIND", "DATE", "DOCUMENT", "QUOTE"])
        } else {
            Table::new(&["ENTITY", "WITH", "KIND", "DATE", "DOCUMENT", "QUOTE"])
        };
        for meeting in &self.meetings {
            let mut cells = Vec::new();
            if self.entity.is_none() {
                cells.push(meeting.entity.label.to_string());
            }
            cells.extend([
                meeting.with.label.to_string(),
                meeting.kind.unwrap_or_default().to_string(),
                meeting.date.unwrap_or_default().to_string(),
                meeting.document.unwrap_or_default().to_string(),
                quote_cell(&meeting.evidence),
            ]);
            table.push(cells);
        }
        format!("{title}\n{}", table.render(""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::sample::sample_graph;
    use crate::graph::{EntityId, RelationEdge};

    fn index(graph: &KnowledgeGraph, id: &str) -> NodeIndex {
        graph.by_id[&EntityId(id.into())]
    }

    /// The sample graph plus a call between the two envoys stated the other
    /// way round, and a second meeting of Ama Mensah on another day.
    fn busier_graph() -> KnowledgeGraph {
        let mut graph = sample_graph();
        let (ama, luis, ghana) = (index(&graph, "person-ama-mensah"), index(&graph, "person-luis-quispe"), index(&graph, "country-ghana"));
        let mut met = graph.graph[graph.graph.find_edge(ama, luis).unwrap()].clone();
        met.attributes.insert("kind".into(), "call".into());
        met.evidence[0].quote = "Quispe called Mensah on Tuesday.".into();
        met.evidence[0].date = Some("2024-05-08".into());
        let mut twice = met.clone();
        twice.evidence[0].quote = "Quispe and Mensah spoke by phone again.".into();
        twice.evidence[0].date = Some("2024-05-09".into());
        graph.graph.add_edge(luis, ama, met);
        graph.graph.add_edge(luis, ama, twice);
        let visit = RelationEdge {
            kind: RelationKind::Met,
            attributes: [("kind".to_string(), "visit".to_string())].into(),
            evidence: vec![],
            confidence: 0.5,
            weight: 0,
            evidence_count: 0,
        };
        graph.graph.add_edge(ghana, ama, visit);
        graph
    }

    #[test]
    fn meetings_of_one_entity_look_both_ways() {
        let graph = busier_graph();
        let answer = meetings(&graph, Some(index(&graph, "person-ama-mensah")));
        let rows: Vec<(&str, &str, Option<&str>, usize)> =
            answer.meetings.iter().map(|m| (m.entity.label, m.with.label, m.kind, m.evidence.len())).collect();
        assert_eq!(
            rows,
            [
                ("Ama Mensah", "Luis Quispe", Some("met"), 1),
                ("Ama Mensah", "Luis Quispe", Some("call"), 2),
                ("Ama Mensah", "Ghana", Some("visit"), 0)
            ]
        );
        assert_eq!(
            answer.to_table(),
            "Ama Mensah (Person, person-ama-mensah): 3 meetings\n\
             WITH         KIND   DATE        DOCUMENT  QUOTE\n\
             Luis Quispe  met    2024-05-06  sample    Ghana President Ama Mensah met Peru's Foreign Minister Luis Quispe in…\n\
             Luis Quispe  call   2024-05-08  sample    Quispe called Mensah on Tuesday. (+1 more)\n\
             Ghana        visit  -           -         -\n"
        );
    }

    #[test]
    fn every_meeting_once_per_pair() {
        let graph = busier_graph();
        let answer = meetings(&graph, None);
        let rows: Vec<(&str, &str, Option<&str>)> = answer.meetings.iter().map(|m| (m.entity.label, m.with.label, m.kind)).collect();
        // The pair's end with the smaller id comes first, whichever way the edge runs.
        assert_eq!(
            rows,
            [
                ("Ama Mensah", "Luis Quispe", Some("met")),
                ("Ama Mensah", "Luis Quispe", Some("call")),
                ("Ghana", "Ama Mensah", Some("visit"))
            ]
        );
        assert!(answer.to_table().starts_with("3 meetings in the graph\nENTITY      WITH         KIND   DATE"), "{}", answer.to_table());
    }

    #[test]
    fn no_meetings_is_said() {
        let graph = sample_graph();
        let answer = meetings(&graph, Some(index(&graph, "country-peru")));
        assert_eq!(answer.to_table(), "Peru (Country, country-peru): no meetings in the graph\n");
    }
}
