//! `query entity NAME`: everything the graph holds about one entity: its
//! names, where it is mentioned, the roles it holds (or, for an organization
//! or a country, who holds roles in it) and its other relations by type.

use super::table::{one_line, Table};
use super::{attributes_cell, count, left_out_note, link_order, links, quote_cell, Answer, EntityRef, Link, Scope};
use crate::graph::{EntityNode, Evidence, KnowledgeGraph, RelationKind};
use petgraph::stable_graph::NodeIndex;
use serde::Serialize;
use std::collections::BTreeMap;

/// The card of one entity.
#[derive(Debug, Serialize)]
pub struct EntityCard<'g> {
    #[serde(flatten)]
    pub entity: EntityRef<'g>,
    /// The surface forms other than the label, in order.
    pub aliases: Vec<&'g str>,
    pub mention_count: usize,
    /// How many documents mention it.
    pub document_count: usize,
    /// The first documents it is mentioned in, by id, with their dates and titles.
    pub documents: Vec<DocumentRow<'g>>,
    /// HOLDS_ROLE from it: the roles it holds, and where.
    pub roles: Vec<Role<'g>>,
    /// HOLDS_ROLE to it: who holds roles in it (an organization or a country).
    pub role_holders: Vec<Role<'g>>,
    /// Every other relation, by type, then direction, then the other end.
    pub relations: Vec<Link<'g>>,
    /// How many CO_OCCURS edges of the entity were left out.
    #[serde(skip)]
    pub cooccurrence_left_out: usize,
}

/// A document an entity is mentioned in.
#[derive(Debug, Serialize)]
pub struct DocumentRow<'g> {
    pub id: &'g str,
    pub date: Option<&'g str>,
    pub title: Option<&'g str>,
}

/// A HOLDS_ROLE edge seen from one end: the role and the entity at the other end.
#[derive(Debug, Serialize)]
pub struct Role<'g> {
    pub role: Option<&'g str>,
    /// Where the role is held (in `roles`) or who holds it (in `role_holders`).
    pub other: EntityRef<'g>,
    pub evidence: Vec<&'g Evidence>,
}

/// The card of the entity at `index`; `scope` decides whether CO_OCCURS edges are listed.
pub fn card(graph: &KnowledgeGraph, index: NodeIndex, scope: Scope) -> EntityCard<'_> {
    let node: &EntityNode = &graph.graph[index];
    let document_meta: BTreeMap<&str, _> = graph.meta.documents.iter().map(|document| (document.id.as_str(), document)).collect();
    let documents = node
        .documents
        .iter()
        .map(|id| {
            let meta = document_meta.get(id.as_str());
            DocumentRow { id, date: meta.and_then(|meta| meta.date.as_deref()), title: meta.and_then(|meta| meta.title.as_deref()) }
        })
        .collect();
    let (mut roles, mut role_holders, mut relations) = (Vec::new(), Vec::new(), Vec::new());
    for (_, link) in links(graph, index, scope) {
        if link.kind != RelationKind::HoldsRole {
            relations.push(link);
            continue;
        }
        let role = Role { role: link.attributes.get("role").map(String::as_str), other: link.other, evidence: link.evidence };
        match link.direction {
            super::Direction::Incoming => role_holders.push(role),
            _ => roles.push(role),
        }
    }
    for list in [&mut roles, &mut role_holders] {
        list.sort_by(|a, b| (a.role, a.other.sort_key()).cmp(&(b.role, b.other.sort_key())));
    }
    relations.sort_by(link_order);
    let cooccurrence_left_out = match scope.hides_cooccurrence() {
        true => links(graph, index, Scope { kind: Some(RelationKind::CoOccurs), cooccurrence: true }).len(),
        false => 0,
    };
    EntityCard {
        entity: EntityRef::of(node),
        aliases: node.aliases.iter().filter(|alias| **alias != node.label).map(String::as_str).collect(),
        mention_count: node.mention_count,
        document_count: node.document_count,
        documents,
        roles,
        role_holders,
        relations,
        cooccurrence_left_out,
    }
}

impl Answer for EntityCard<'_> {
    const QUESTION: &'static str = "entity";

    fn to_table(&self) -> String {
        let mut facts = Table::headless(2);
        facts.push(vec!["type".into(), self.entity.kind.to_string()]);
        facts.push(vec!["id".into(), self.entity.id.to_string()]);
        facts.push(vec!["aliases".into(), self.aliases.iter().map(|alias| one_line(alias)).collect::<Vec<_>>().join(", ")]);
        facts.push(vec!["mentions".into(), format!("{} in {}", self.mention_count, count(self.document_count, "document", "documents"))]);
        let mut out = format!("{}\n{}", one_line(self.entity.label), facts.render("  "));

        let mut documents = Table::new(&["DOCUMENT", "DATE", "TITLE"]);
        for document in &self.documents {
            documents.push(vec![
                document.id.to_string(),
                document.date.unwrap_or_default().to_string(),
                document.title.unwrap_or_default().to_string(),
            ]);
        }
        let more = self.document_count.saturating_sub(self.documents.len());
        let note = (more > 0).then(|| format!(", the first of {} (`build --evidence N` keeps N)", self.document_count));
        section(&mut out, "documents", &documents, note.as_deref());

        for (title, other_column, rows) in [("roles", "IN", &self.roles), ("role holders", "HOLDER", &self.role_holders)] {
            let mut table = Table::new(&["ROLE", other_column, "TYPE", "QUOTE"]);
            for role in rows {
                table.push(vec![
                    role.role.unwrap_or_default().to_string(),
                    role.other.label.to_string(),
                    role.other.kind.to_string(),
                    quote_cell(&role.evidence),
                ]);
            }
            section(&mut out, title, &table, None);
        }

        let mut relations = Table::new(&["RELATION", "OTHER", "TYPE", "DETAIL", "QUOTE"]);
        for link in &self.relations {
            relations.push(vec![
                link.arrow(),
                link.other.label.to_string(),
                link.other.kind.to_string(),
                attributes_cell(link.attributes),
                quote_cell(&link.evidence),
            ]);
        }
        section(&mut out, "relations", &relations, Some(&left_out_note(self.cooccurrence_left_out)));
        out
    }
}

/// Appends `title (N) note:` and the indented table. An empty table is left
/// out, unless there is a note (even an empty one): then `title: none note`.
fn section(out: &mut String, title: &str, table: &Table, note: Option<&str>) {
    match (table.is_empty(), note) {
        (true, None) => {}
        (true, Some(note)) => out.push_str(&format!("\n{title}: none{note}\n")),
        (false, note) => out.push_str(&format!("\n{title} ({}){}:\n{}", table.len(), note.unwrap_or_default(), table.render("  "))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::sample::sample_graph;
    use crate::graph::EntityId;

    fn card_of(id: &str) -> String {
        let graph = sample_graph();
        card(&graph, graph.by_id[&EntityId(id.into())], Scope::default()).to_table()
    }

    #[test]
    fn person_card() {
        assert_eq!(
            card_of("person-ama-mensah"),
            "Ama Mensah
  type      Person
  id        person-ama-mensah
  aliases   Mensah, Ms. Mensah
  mentions  1 in 1 document

documents (1):
  DOCUMENT  DATE        TITLE
  sample    2024-05-06  Envoys meet in Accra

roles (1):
  ROLE       IN     TYPE     QUOTE
  President  Ghana  Country  Ghana President Ama Mensah met Peru's Foreign Minister Luis Quispe in…

relations (1):
  RELATION  OTHER        TYPE    DETAIL    QUOTE
  -[MET]-   Luis Quispe  Person  kind=met  Ghana President Ama Mensah met Peru's Foreign Minister Luis Quispe in…
"
        );
    }

    #[test]
    fn country_card_lists_role_holders_and_both_directions() {
        let table = card_of("country-ghana");
        assert!(
            table.contains(
                "\nrole holders (1):
  ROLE       HOLDER      TYPE    QUOTE
  President  Ama Mensah  Person  Ghana President Ama Mensah met Peru's Foreign Minister Luis Quispe in…
"
            ),
            "{table}"
        );
        assert!(!table.contains("\nroles ("), "{table}");
        assert!(
            table.ends_with(
                "\nrelations (3):
  RELATION         OTHER                    TYPE          DETAIL  QUOTE
  -[LEADS]->       Coastal Support Mission  Organization  -       The Ghana-led Coastal Support Mission (CSM) starts in June.
  -[MEMBER_OF]->   African Union            Organization  -       Ghana, a member of the African Union, backed the plan.
  <-[LOCATED_IN]-  Accra                    Location      -       Accra, Ghana's capital, hosted the talks.
"
            ),
            "{table}"
        );
    }

    #[test]
    fn an_entity_without_relations_says_so() {
        let mut graph = sample_graph();
        let mut lonely = graph.graph[graph.by_id[&EntityId("country-peru".into())]].clone();
        lonely.id = EntityId("country-chile".into());
        lonely.label = "Chile".into();
        lonely.aliases = ["Chile".to_string()].into();
        lonely.documents = ["unlisted".to_string()].into();
        let index = graph.add_node(lonely);
        let table = card(&graph, index, Scope::default()).to_table();
        assert!(table.contains("  aliases   -\n"), "{table}");
        assert!(table.contains("  unlisted  -     -\n"), "{table}");
        assert!(table.ends_with("\nrelations: none\n"), "{table}");
    }
}
