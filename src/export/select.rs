//! Cutting a graph down before it is written: `--focus NAME --depth K` keeps
//! the K-hop neighbourhood of one entity, `--types MET,HOLDS_ROLE` keeps only
//! those relation types. A whole corpus drawn at once is an unreadable
//! hairball; these two cuts make a diagram of one story.
//!
//! The rules, in order:
//! - `--types` first drops every edge of another type;
//! - `--focus` then walks the remaining edges in both directions from the
//!   entity, up to `--depth` hops, and keeps the entities it reaches with every
//!   remaining edge between them (the induced subgraph, as NetworkX's
//!   `ego_graph(G, n, radius=K, undirected=True)`);
//! - with `--types` alone, entities left without any edge are dropped too
//!   (they would float unconnected), while with no option at all the graph,
//!   isolated entities included, is kept whole.

use crate::cli::DrawArgs;
use crate::error::{Error, Result};
use crate::graph::{lookup, KnowledgeGraph, RelationKind};
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use std::borrow::Cow;
use std::collections::{BTreeSet, VecDeque};

/// The part of `graph` that `draw` asks for; the graph itself when it asks
/// for no cut.
pub fn select<'a>(graph: &'a KnowledgeGraph, draw: &DrawArgs) -> Result<Cow<'a, KnowledgeGraph>> {
    let relation_kinds = parse_relation_kinds(&draw.types)?;
    let focus = draw.focus.as_deref().map(|name| lookup::find(graph, name)).transpose()?;
    if relation_kinds.is_none() && focus.is_none() {
        return Ok(Cow::Borrowed(graph));
    }
    let kept_edges: BTreeSet<EdgeIndex> = graph
        .graph
        .edge_indices()
        .filter(|&edge| relation_kinds.as_ref().is_none_or(|kinds| kinds.contains(&graph.graph[edge].kind)))
        .collect();
    let kept_nodes: BTreeSet<NodeIndex> = match focus {
        Some(center) => neighbourhood(graph, center, draw.depth, &kept_edges),
        None => {
            kept_edges.iter().filter_map(|&edge| graph.graph.edge_endpoints(edge)).flat_map(|(source, target)| [source, target]).collect()
        }
    };
    Ok(Cow::Owned(subgraph(graph, &kept_nodes, &kept_edges)))
}

/// Parses `--types`: `None` when empty (every type), or the set of kinds.
/// Names are matched as [`RelationKind::parse`] does (`met`, `holds-role`).
pub fn parse_relation_kinds(names: &[String]) -> Result<Option<BTreeSet<RelationKind>>> {
    let names: Vec<&str> = names.iter().map(|name| name.trim()).filter(|name| !name.is_empty()).collect();
    if names.is_empty() {
        return Ok(None);
    }
    let mut kinds = BTreeSet::new();
    for name in names {
        match RelationKind::parse(name) {
            Some(kind) => kinds.insert(kind),
            None => {
                let valid: Vec<&str> = RelationKind::ALL.iter().map(|kind| kind.as_str()).collect();
                return Err(Error::Usage(format!(
                    "unknown relation type '{}' in --types; valid types: {}",
                    crate::text::shorten(name, crate::text::MAX_ECHO_CHARS),
                    valid.join(", ")
                )));
            }
        };
    }
    Ok(Some(kinds))
}

/// The nodes at most `depth` hops from `center` over `usable_edges`, either direction.
fn neighbourhood(graph: &KnowledgeGraph, center: NodeIndex, depth: usize, usable_edges: &BTreeSet<EdgeIndex>) -> BTreeSet<NodeIndex> {
    let mut reached = BTreeSet::from([center]);
    let mut frontier = VecDeque::from([(center, 0)]);
    while let Some((node, distance)) = frontier.pop_front() {
        if distance == depth {
            continue;
        }
        for direction in [Direction::Outgoing, Direction::Incoming] {
            for edge in graph.graph.edges_directed(node, direction) {
                if !usable_edges.contains(&edge.id()) {
                    continue;
                }
                let neighbour = if direction == Direction::Outgoing { edge.target() } else { edge.source() };
                if reached.insert(neighbour) {
                    frontier.push_back((neighbour, distance + 1));
                }
            }
        }
    }
    reached
}

/// A new graph of `nodes` and those of `edges` whose both ends are in `nodes`,
/// with the metadata of `graph`.
fn subgraph(graph: &KnowledgeGraph, nodes: &BTreeSet<NodeIndex>, edges: &BTreeSet<EdgeIndex>) -> KnowledgeGraph {
    let mut selected = KnowledgeGraph { meta: graph.meta.clone(), ..KnowledgeGraph::default() };
    for (index, node) in graph.nodes() {
        if nodes.contains(&index) {
            selected.add_node(node.clone());
        }
    }
    for &edge in edges {
        let Some((source, target)) = graph.graph.edge_endpoints(edge) else { continue };
        if nodes.contains(&source) && nodes.contains(&target) {
            let new_source = selected.by_id[&graph.graph[source].id];
            let new_target = selected.by_id[&graph.graph[target].id];
            selected.graph.add_edge(new_source, new_target, graph.graph[edge].clone());
        }
    }
    selected
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::sample::sample_graph;

    fn draw(focus: Option<&str>, depth: usize, types: &[&str]) -> DrawArgs {
        DrawArgs { focus: focus.map(str::to_string), depth, types: types.iter().map(|t| t.to_string()).collect() }
    }

    /// The labels and `source TYPE target` lines of a selection.
    fn describe(graph: &KnowledgeGraph) -> (Vec<String>, Vec<String>) {
        let nodes = graph.nodes().map(|(_, node)| node.label.clone()).collect();
        let edges = graph.edges().iter().map(|(source, target, edge)| format!("{} {} {}", source.label, edge.kind, target.label)).collect();
        (nodes, edges)
    }

    #[test]
    fn no_cut_borrows_the_graph() {
        let graph = sample_graph();
        assert!(matches!(select(&graph, &DrawArgs::default()).unwrap(), Cow::Borrowed(_)));
        assert!(matches!(select(&graph, &draw(None, 3, &[" "])).unwrap(), Cow::Borrowed(_)));
    }

    #[test]
    fn selection_table() {
        let graph = sample_graph();
        let cases: [(DrawArgs, &[&str], &[&str]); 6] = [
            (
                draw(Some("Ama Mensah"), 1, &[]),
                &["Ama Mensah", "Ghana", "Luis Quispe"],
                &["Ama Mensah HOLDS_ROLE Ghana", "Ama Mensah MET Luis Quispe"],
            ),
            // Depth 0 is the entity alone.
            (draw(Some("Mensah"), 0, &[]), &["Ama Mensah"], &[]),
            // Incoming edges count: Accra points at Ghana.
            (
                draw(Some("Accra"), 2, &[]),
                &["Accra", "African Union", "Ama Mensah", "Coastal Support Mission", "Ghana"],
                &[
                    "Accra LOCATED_IN Ghana",
                    "Ama Mensah HOLDS_ROLE Ghana",
                    "Ghana LEADS Coastal Support Mission",
                    "Ghana MEMBER_OF African Union",
                ],
            ),
            (
                draw(None, 1, &["MET", "holds-role"]),
                &["Ama Mensah", "Ghana", "Luis Quispe", "Peru"],
                &["Ama Mensah HOLDS_ROLE Ghana", "Ama Mensah MET Luis Quispe", "Luis Quispe HOLDS_ROLE Peru"],
            ),
            // Types restrict the walk as well as the edges drawn.
            (draw(Some("Ghana"), 5, &["HOLDS_ROLE"]), &["Ama Mensah", "Ghana"], &["Ama Mensah HOLDS_ROLE Ghana"]),
            // The focus stays even when no edge of the type touches it.
            (draw(Some("Accra"), 2, &["ADOPTED"]), &["Accra"], &[]),
        ];
        for (args, nodes, edges) in cases {
            let selected = select(&graph, &args).unwrap();
            let (mut got_nodes, mut got_edges) = describe(&selected);
            got_nodes.sort();
            got_edges.sort();
            assert_eq!(got_nodes, nodes, "{args:?}");
            assert_eq!(got_edges, edges, "{args:?}");
        }
    }

    #[test]
    fn unknown_type_lists_the_valid_ones() {
        let message = parse_relation_kinds(&["MET".into(), "MARRIED".into()]).unwrap_err().to_string();
        assert!(message.contains("unknown relation type 'MARRIED' in --types"), "{message}");
        assert!(message.contains("HOLDS_ROLE, MET, LEADS"), "{message}");
    }

    #[test]
    fn unknown_focus_is_an_error() {
        let message = select(&sample_graph(), &draw(Some("Zanzibar"), 1, &[])).unwrap_err().to_string();
        assert_eq!(message, "no entity named 'Zanzibar' in the graph");
    }
}
