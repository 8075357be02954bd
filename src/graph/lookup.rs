//! Finding an entity of the graph by a name a user typed: through its id,
//! label and aliases, case- and accent-insensitively (the gold format's
//! normalisation), with the candidates of an ambiguous name and near matches
//! for an unknown one. Shared by `query` and the DOT writer's `--focus`.

use super::{EntityId, EntityKind, EntityNode, KnowledgeGraph};
use crate::error::{Error, Result};
use crate::text::normalize_name;
use petgraph::stable_graph::NodeIndex;
use std::collections::BTreeSet;

/// How many near matches an unknown name suggests.
const MAX_SUGGESTIONS: usize = 5;
/// The least Jaro-Winkler similarity of a near match.
const MIN_SIMILARITY: f64 = 0.85;
/// The shortest word of a label that a one-word name is compared with (so
/// "Un" does not suggest every "UN ..." body).
const MIN_WORD_CHARS: usize = 4;

/// What a name found in the graph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lookup {
    Found(NodeIndex),
    /// Several entities answer to the name equally well; in id order.
    Ambiguous(Vec<NodeIndex>),
    /// Nothing answers to it; near matches, best first.
    Unknown {
        suggestions: Vec<NodeIndex>,
    },
}

/// Looks `name` up: an exact id wins, then a label, then an alias, then a
/// whole-word part of a label ("Ruto" for "William Ruto" when unambiguous).
pub fn lookup(graph: &KnowledgeGraph, name: &str) -> Lookup {
    if let Some(&index) = graph.by_id.get(&EntityId(name.to_string())) {
        return Lookup::Found(index);
    }
    let wanted = normalize_name(name);
    if wanted.is_empty() {
        return Lookup::Unknown { suggestions: Vec::new() };
    }
    let label_matches: Vec<NodeIndex> = graph.nodes().filter(|(_, node)| normalize_name(&node.label) == wanted).map(|(i, _)| i).collect();
    let alias_matches: Vec<NodeIndex> =
        graph.nodes().filter(|(_, node)| node.aliases.iter().any(|alias| normalize_name(alias) == wanted)).map(|(i, _)| i).collect();
    let word_matches: Vec<NodeIndex> = graph
        .nodes()
        .filter(|(_, node)| {
            let label = normalize_name(&node.label);
            label.split(' ').count() > 1 && contains_words(&label, &wanted)
        })
        .map(|(i, _)| i)
        .collect();
    for matches in [label_matches, alias_matches, word_matches] {
        match matches.len() {
            0 => continue,
            1 => return Lookup::Found(matches[0]),
            _ => return Lookup::Ambiguous(matches),
        }
    }
    Lookup::Unknown { suggestions: suggestions(graph, &wanted) }
}

/// Like [`lookup`], but an ambiguous or unknown name is an error whose message
/// lists the candidates or near matches.
pub fn find(graph: &KnowledgeGraph, name: &str) -> Result<NodeIndex> {
    resolve(graph, name).map_err(Error::Usage)
}

/// Like [`find`], but the error is the bare message, for callers that add
/// context (the query command names the graph file).
pub fn resolve(graph: &KnowledgeGraph, name: &str) -> Result<NodeIndex, String> {
    let shown = crate::text::shorten(name, crate::text::MAX_ECHO_CHARS);
    let describe =
        |indices: &[NodeIndex]| -> String { indices.iter().map(|&i| describe_node(&graph.graph[i])).collect::<Vec<_>>().join("\n  ") };
    match lookup(graph, name) {
        Lookup::Found(index) => Ok(index),
        Lookup::Ambiguous(candidates) => {
            Err(format!("'{shown}' names {} entities; use a fuller name or an id:\n  {}", candidates.len(), describe(&candidates)))
        }
        Lookup::Unknown { suggestions } if suggestions.is_empty() => Err(format!("no entity named '{shown}' in the graph")),
        Lookup::Unknown { suggestions } => {
            Err(format!("no entity named '{shown}' in the graph; did you mean:\n  {}", describe(&suggestions)))
        }
    }
}

/// `Label (Type, id)`, as candidates and suggestions are listed.
pub fn describe_node(node: &EntityNode) -> String {
    describe(&node.label, node.kind, &node.id)
}

/// `Label (Type, id)` on one line (a label may hold a newline).
pub fn describe(label: &str, kind: EntityKind, id: &EntityId) -> String {
    format!("{} ({kind}, {id})", super::query::table::one_line(label))
}

/// Whether the words of `part` occur consecutively, as whole words, in `whole`.
fn contains_words(whole: &str, part: &str) -> bool {
    let whole: Vec<&str> = whole.split(' ').collect();
    let part: Vec<&str> = part.split(' ').collect();
    whole.windows(part.len()).any(|window| window == part.as_slice())
}

/// Nodes whose label, an alias, or (for a one-word name) a word of the label
/// is close to `wanted`, best first: "Mensha" suggests "Ama Mensah".
fn suggestions(graph: &KnowledgeGraph, wanted: &str) -> Vec<NodeIndex> {
    let one_word = !wanted.contains(' ');
    let mut scored: Vec<(f64, &EntityId, NodeIndex)> = graph
        .nodes()
        .filter_map(|(index, node)| {
            let label = normalize_name(&node.label);
            let label_words = label.split(' ').filter(|word| one_word && word.chars().count() >= MIN_WORD_CHARS).map(str::to_string);
            let best = node
                .aliases
                .iter()
                .map(|alias| normalize_name(alias))
                .chain([label.clone()])
                .chain(label_words)
                .map(|form| strsim::jaro_winkler(&form, wanted))
                .fold(0.0, f64::max);
            (best >= MIN_SIMILARITY).then_some((best, &node.id, index))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    let mut seen = BTreeSet::new();
    scored.into_iter().filter(|(_, id, _)| seen.insert(*id)).take(MAX_SUGGESTIONS).map(|(_, _, index)| index).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::sample::sample_graph;

    fn label(graph: &KnowledgeGraph, found: Lookup) -> String {
        match found {
            Lookup::Found(index) => graph.graph[index].label.clone(),
            Lookup::Ambiguous(candidates) => {
                format!("ambiguous: {}", candidates.iter().map(|&i| graph.graph[i].label.as_str()).collect::<Vec<_>>().join(", "))
            }
            Lookup::Unknown { suggestions } => {
                format!("unknown: {}", suggestions.iter().map(|&i| graph.graph[i].label.as_str()).collect::<Vec<_>>().join(", "))
            }
        }
    }

    #[test]
    fn lookup_table() {
        let graph = sample_graph();
        for (name, expected) in [
            ("person-ama-mensah", "Ama Mensah"),
            ("ama mensah", "Ama Mensah"),
            ("AMA MENSAH", "Ama Mensah"),
            ("Ms. Mensah", "Ama Mensah"),
            ("Mensah", "Ama Mensah"),
            ("Ghanaian", "Ghana"),
            ("the African Union", "African Union"),
            ("A.U.", "African Union"),
            ("Security Council", "UN Security Council"),
            ("Council", "UN Security Council"),
            ("Quíspe", "Luis Quispe"),
            ("Ama Mensha", "unknown: Ama Mensah"),
            ("Mensha", "unknown: Ama Mensah"),
            ("Quipse", "unknown: Luis Quispe"),
            ("Securty", "unknown: UN Security Council"),
            ("Mission", "Coastal Support Mission"),
            ("Zanzibar", "unknown: "),
        ] {
            assert_eq!(label(&graph, lookup(&graph, name)), expected, "{name}");
        }
    }

    #[test]
    fn ambiguous_names_list_candidates() {
        let mut graph = sample_graph();
        let mut other = graph.graph[graph.by_id[&crate::graph::EntityId("person-ama-mensah".into())]].clone();
        other.id = crate::graph::EntityId("person-kofi-mensah".into());
        other.label = "Kofi Mensah".into();
        other.aliases = ["Kofi Mensah".to_string(), "Mensah".to_string()].into();
        graph.add_node(other);
        assert_eq!(label(&graph, lookup(&graph, "Mensah")), "ambiguous: Ama Mensah, Kofi Mensah");
        let message = find(&graph, "Mensah").unwrap_err().to_string();
        assert!(message.contains("'Mensah' names 2 entities") && message.contains("Kofi Mensah (Person, person-kofi-mensah)"), "{message}");
        let message = find(&graph, "Kofi Mensha").unwrap_err().to_string();
        assert!(message.contains("did you mean:\n  Kofi Mensah"), "{message}");
    }
}
