//! `newsgraph query`: questions asked of a `graph.json`, one file per
//! question, each answering with a serialisable struct that prints either as
//! an aligned table ([`table`]) or as a stable JSON document.
//!
//! | question                                 | function                 |
//! |------------------------------------------|--------------------------|
//! | `met [NAME]`                             | [`met::meetings`]        |
//! | `entity NAME`                            | [`entity::card`]         |
//! | `neighbors NAME [--type T]`              | [`neighbors::neighbors`] |
//! | `path A B`                               | [`path::shortest_path`]  |
//! | `relations [--type T --source X --target Y]` | [`relations::relations`] |
//!
//! CO_OCCURS edges are left out of every answer unless `--cooccurrence` is
//! given or `--type CO_OCCURS` asks for them: they say only that two names
//! share a sentence, and would drown the typed relations.
//! **Invariant:** answers are ordered by labels, ids and relation types,
//! never by petgraph indices or hash order, so the same graph gives the same
//! bytes.

pub mod entity;
pub mod met;
pub mod neighbors;
pub mod path;
pub mod relations;
pub mod table;

use super::lookup;
use super::{EntityId, EntityKind, EntityNode, Evidence, KnowledgeGraph, RelationKind};
use crate::cli::{QueryArgs, Question};
use crate::error::{Error, Result};
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction as EdgeDirection;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

/// Runs `newsgraph query`: reads the graph, answers the question, prints.
pub fn run_query(args: &QueryArgs) -> Result<()> {
    // A bad --type is reported before the graph is read.
    let relation_type = match &args.question {
        Question::Neighbors { relation_type, .. } | Question::Relations { relation_type, .. } => relation_type.as_deref(),
        _ => None,
    };
    let scope = Scope { kind: relation_type.map(parse_relation_kind).transpose()?, cooccurrence: args.cooccurrence };
    let graph = read_graph(&args.graph)?;
    let find = |name: &str| find_entity(&graph, &args.graph, name);
    let text = match &args.question {
        Question::Met { name } => render(&met::meetings(&graph, name.as_deref().map(find).transpose()?), args.json),
        Question::Entity { name } => render(&entity::card(&graph, find(name)?, scope), args.json),
        Question::Neighbors { name, .. } => render(&neighbors::neighbors(&graph, find(name)?, scope), args.json),
        Question::Path { from, to } => render(&path::shortest_path(&graph, find(from)?, find(to)?, scope), args.json),
        Question::Relations { source, target, .. } => {
            let filter = relations::RelationFilter {
                scope,
                source: source.as_deref().map(find).transpose()?,
                target: target.as_deref().map(find).transpose()?,
            };
            render(&relations::relations(&graph, &filter), args.json)
        }
    };
    print(&text)
}

/// An answer to one question: JSON through serde, a table for people.
pub trait Answer: Serialize {
    /// The question's name in the JSON document (`"question": "met"`).
    const QUESTION: &'static str;
    /// The human-readable form: a title line, then aligned tables.
    fn to_table(&self) -> String;
}

/// The answer as a table, or as pretty JSON (`{"question": ..., ...}`) with a trailing newline.
pub fn render<A: Answer>(answer: &A, json: bool) -> String {
    if !json {
        return answer.to_table();
    }
    #[derive(Serialize)]
    struct Document<'a, A> {
        question: &'static str,
        #[serde(flatten)]
        answer: &'a A,
    }
    let mut text = serde_json::to_string_pretty(&Document { question: A::QUESTION, answer }).expect("answers serialise");
    text.push('\n');
    text
}

/// Which relations a question looks at.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Scope {
    /// Only this type (`--type`).
    pub kind: Option<RelationKind>,
    /// Also CO_OCCURS edges when no type is given.
    pub cooccurrence: bool,
}

impl Scope {
    pub fn keeps(&self, kind: RelationKind) -> bool {
        match self.kind {
            Some(wanted) => kind == wanted,
            None => kind != RelationKind::CoOccurs || self.cooccurrence,
        }
    }

    /// Whether CO_OCCURS edges are being left out (no `--type`, no `--cooccurrence`).
    pub fn hides_cooccurrence(&self) -> bool {
        !self.keeps(RelationKind::CoOccurs) && self.kind.is_none()
    }
}

/// An entity as answers name it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct EntityRef<'g> {
    pub id: &'g EntityId,
    pub label: &'g str,
    #[serde(rename = "type")]
    pub kind: EntityKind,
}

impl<'g> EntityRef<'g> {
    pub fn of(node: &'g EntityNode) -> EntityRef<'g> {
        EntityRef { id: &node.id, label: &node.label, kind: node.kind }
    }

    /// `Label (Type, id)`, as title lines name an entity.
    pub fn describe(&self) -> String {
        lookup::describe(self.label, self.kind, self.id)
    }

    /// The order of rows: by label, then id (labels may repeat across types).
    fn sort_key(&self) -> (&'g str, &'g EntityId) {
        (self.label, self.id)
    }
}

/// Which way an edge runs, seen from the entity a question is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// From the entity to the other end.
    Outgoing,
    /// From the other end to the entity.
    Incoming,
    /// A symmetric relation (MET, CO_OCCURS): no direction.
    Symmetric,
}

impl Direction {
    /// The relation drawn Cypher-style: `-[LEADS]->`, `<-[LEADS]-`, `-[MET]-`.
    pub fn arrow(self, kind: RelationKind) -> String {
        match self {
            Direction::Outgoing => format!("-[{kind}]->"),
            Direction::Incoming => format!("<-[{kind}]-"),
            Direction::Symmetric => format!("-[{kind}]-"),
        }
    }
}

/// One edge seen from one of its ends.
#[derive(Clone, Debug, Serialize)]
pub struct Link<'g> {
    #[serde(rename = "type")]
    pub kind: RelationKind,
    pub direction: Direction,
    pub other: EntityRef<'g>,
    pub attributes: &'g BTreeMap<String, String>,
    pub confidence: f32,
    /// Earliest first (see [`evidence_in_order`]).
    pub evidence: Vec<&'g Evidence>,
}

impl Link<'_> {
    fn arrow(&self) -> String {
        self.direction.arrow(self.kind)
    }
}

/// The edges of `index` that `scope` keeps, both ways, as seen from it, with
/// the other end's index; in no particular order (callers sort).
pub fn links(graph: &KnowledgeGraph, index: NodeIndex, scope: Scope) -> Vec<(NodeIndex, Link<'_>)> {
    let outgoing = graph.graph.edges_directed(index, EdgeDirection::Outgoing).map(|edge| (edge.target(), edge.weight(), true));
    // A self-loop is listed once, as outgoing.
    let incoming = graph
        .graph
        .edges_directed(index, EdgeDirection::Incoming)
        .filter(|edge| edge.source() != edge.target())
        .map(|edge| (edge.source(), edge.weight(), false));
    outgoing
        .chain(incoming)
        .filter(|(_, edge, _)| scope.keeps(edge.kind))
        .map(|(other, edge, is_outgoing)| {
            let direction = match (edge.kind.is_symmetric(), is_outgoing) {
                (true, _) => Direction::Symmetric,
                (false, true) => Direction::Outgoing,
                (false, false) => Direction::Incoming,
            };
            let link = Link {
                kind: edge.kind,
                direction,
                other: EntityRef::of(&graph.graph[other]),
                attributes: &edge.attributes,
                confidence: edge.confidence,
                evidence: evidence_in_order(&edge.evidence),
            };
            (other, link)
        })
        .collect()
}

/// Evidence earliest first: by date (undated last), document, then position,
/// so "the first evidence" means the same thing in every answer.
pub fn evidence_in_order<'g>(evidence: impl IntoIterator<Item = &'g Evidence>) -> Vec<&'g Evidence> {
    let mut ordered: Vec<&Evidence> = evidence.into_iter().collect();
    ordered.sort_by(|a, b| {
        (a.date.is_none(), &a.date, &a.doc, a.sentence_start, a.trigger_start, &a.rule).cmp(&(
            b.date.is_none(),
            &b.date,
            &b.doc,
            b.sentence_start,
            b.trigger_start,
            &b.rule,
        ))
    });
    ordered
}

/// The table cell of a piece of evidence: the first quote cut to
/// [`table::QUOTE_WIDTH`], then `(+N more)` when there are several.
pub fn quote_cell(evidence: &[&Evidence]) -> String {
    match evidence {
        [] => "-".to_string(),
        [only] => table::truncate(&only.quote, table::QUOTE_WIDTH),
        [first, rest @ ..] => format!("{} (+{} more)", table::truncate(&first.quote, table::QUOTE_WIDTH), rest.len()),
    }
}

/// `role=President, kind=talks`, or `-`.
pub fn attributes_cell(attributes: &BTreeMap<String, String>) -> String {
    if attributes.is_empty() {
        return "-".to_string();
    }
    attributes.iter().map(|(name, value)| format!("{name}={value}")).collect::<Vec<_>>().join(", ")
}

/// ` (3 CO_OCCURS edges left out; --cooccurrence shows them)`, or nothing for 0.
pub fn left_out_note(n_cooccurrence: usize) -> String {
    if n_cooccurrence == 0 {
        return String::new();
    }
    format!(" ({} left out; --cooccurrence shows them)", count(n_cooccurrence, "CO_OCCURS edge", "CO_OCCURS edges"))
}

/// `1 meeting`, `2 meetings`.
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    format!("{n} {}", if n == 1 { singular } else { plural })
}

/// Reads the graph, with a hint when the file is missing.
/// Reads the graph.json of `query`, `export` and `render`: a missing file
/// says how to make one, a file of another shape says what it is not.
pub fn read_graph(path: &Path) -> Result<KnowledgeGraph> {
    if !path.exists() {
        return Err(Error::Query {
            path: path.to_path_buf(),
            message: "no such file; write one with `newsgraph build ARTICLES -o DIR` or pass --graph FILE".into(),
        });
    }
    KnowledgeGraph::read(path)
}

/// Resolves a name typed by the user; the error names the graph file.
fn find_entity(graph: &KnowledgeGraph, path: &Path, name: &str) -> Result<NodeIndex> {
    lookup::resolve(graph, name).map_err(|message| Error::Query { path: path.to_path_buf(), message })
}

/// Parses `--type`, listing the valid types when it is none of them.
pub fn parse_relation_kind(name: &str) -> Result<RelationKind> {
    RelationKind::parse(name).ok_or_else(|| {
        let valid = RelationKind::ALL.iter().map(|kind| kind.as_str()).collect::<Vec<_>>().join(", ");
        Error::Usage(format!("unknown relation type '{}'; valid types: {valid}", crate::text::shorten(name, crate::text::MAX_ECHO_CHARS)))
    })
}

/// Prints to stdout; a closed pipe (`| head`) is not an error.
fn print(text: &str) -> Result<()> {
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Error::Write { path: std::path::PathBuf::from("<stdout>"), source: error })
        }
        _ => Ok(()),
    }
}

/// The order of links in an entity's answers: by type, direction, other end, attributes.
fn link_order(a: &Link, b: &Link) -> std::cmp::Ordering {
    (a.kind, a.direction, a.other.sort_key(), a.attributes).cmp(&(b.kind, b.direction, b.other.sort_key(), b.attributes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::sample::sample_graph;

    #[test]
    fn parse_relation_kind_lists_valid_types() {
        assert_eq!(parse_relation_kind("holds-role").unwrap(), RelationKind::HoldsRole);
        assert_eq!(parse_relation_kind("met").unwrap(), RelationKind::Met);
        let message = parse_relation_kind("FRIEND_OF").unwrap_err().to_string();
        assert!(message.starts_with("unknown relation type 'FRIEND_OF'; valid types: HOLDS_ROLE, MET, LEADS,"), "{message}");
        assert!(message.ends_with("OPPOSES, CO_OCCURS"), "{message}");
    }

    #[test]
    fn scope_hides_cooccurrence_unless_asked() {
        let all = Scope::default();
        assert!(all.keeps(RelationKind::Met) && !all.keeps(RelationKind::CoOccurs));
        assert!(Scope { cooccurrence: true, ..Scope::default() }.keeps(RelationKind::CoOccurs));
        let only = Scope { kind: Some(RelationKind::CoOccurs), cooccurrence: false };
        assert!(only.keeps(RelationKind::CoOccurs) && !only.keeps(RelationKind::Met));
    }

    #[test]
    fn links_see_both_directions() {
        let graph = sample_graph();
        let ghana = graph.by_id[&EntityId("country-ghana".into())];
        let mut links = links(&graph, ghana, Scope::default());
        links.sort_by(|a, b| link_order(&a.1, &b.1));
        let arrows: Vec<String> = links.iter().map(|(_, link)| format!("{} {}", link.arrow(), link.other.label)).collect();
        assert_eq!(
            arrows,
            ["<-[HOLDS_ROLE]- Ama Mensah", "-[LEADS]-> Coastal Support Mission", "-[MEMBER_OF]-> African Union", "<-[LOCATED_IN]- Accra"]
        );
    }

    #[test]
    fn quote_cell_counts_the_rest() {
        let graph = sample_graph();
        let edge = graph.edges().into_iter().find(|(_, _, edge)| edge.kind == RelationKind::Met).unwrap().2;
        let one = evidence_in_order(&edge.evidence);
        assert_eq!(quote_cell(&one), "Ghana President Ama Mensah met Peru's Foreign Minister Luis Quispe in…");
        let two = vec![one[0], one[0]];
        assert!(quote_cell(&two).ends_with("Quispe in… (+1 more)"));
        assert_eq!(quote_cell(&[]), "-");
    }
}
