//! Property tests of the invariants, through the public API, on random text
//! made of words, names, titles, punctuation, furniture lines and
//! multi-byte characters:
//!
//! - every token, sentence and mention span is in bounds and on char
//!   boundaries, and every offset in the graph slices out its text;
//! - [`CharIndex`] counts characters as Python does;
//! - building is deterministic (same graph whatever the thread count) and
//!   merging the same analyses twice gives the same nodes and edges;
//! - `graph.json` round-trips byte for byte.

use newsgraph::document::{DocId, Document};
use newsgraph::resources::Resources;
use newsgraph::span::{CharIndex, Span};
use newsgraph::{mention, pipeline, KnowledgeGraph};
use proptest::prelude::*;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::LazyLock;

static RESOURCES: LazyLock<Resources> = LazyLock::new(|| Resources::builtin().expect("the built-in data loads"));

/// The pieces random articles are made of: enough names, titles and cues to
/// wake every detector, and characters of 1 to 4 bytes.
const FRAGMENTS: &[&str] = &[
    "the",
    "met",
    "said",
    "held talks with",
    "in",
    "of",
    "and",
    "visited",
    "pledged",
    "$45 million",
    "personnel",
    "led",
    "-led",
    "President",
    "Foreign Minister",
    "Mr.",
    "Ms.",
    "Dr.",
    "Gen.",
    "the ambassador of",
    "Ama Mensah",
    "Luis Quispe",
    "Mensah",
    "William",
    "Todd Robinson",
    "Kenya",
    "Kenyan",
    "Kenya’s",
    "Haiti",
    "U.S.",
    "US",
    "United States",
    "U.N.",
    "Côte d’Ivoire",
    "Ghana",
    "Ghanaian",
    "Peru's",
    "African Union (AU)",
    "AU",
    "United Nations Security Council",
    "Security Council",
    "Haitian National Police (PNH)",
    "PNH",
    "Médecins Sans Frontières (MSF)",
    "the town of Liancourt",
    "Port-au-Prince",
    "Resolution 2819",
    "resolution 2699 (2023)",
    "in favour",
    "abstaining",
    "against",
    "Aug.",
    "Oct. 2, 2023",
    "Monday",
    "January",
    "Alfred N. Mutua",
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "(",
    ")",
    "“",
    "”",
    "\"",
    "'",
    "’",
    "—",
    "-",
    "\n",
    "\n\n",
    "Click to resize\n",
    "READ MORE: another story\n",
    "Recommended Stories\n",
    "By staff writer\n",
    "date 2025-01-02\n",
    "é",
    "ß",
    "e\u{301}",
    "日本",
    "محمد",
    "🕊️",
    "Ελλάδα",
    "\u{a0}",
    "\t",
    "Straße",
    "Zoë",
    "Đà Nẵng",
];

fn fragment_text(max_fragments: usize) -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(FRAGMENTS), prop::sample::select(&[" ", " ", " ", "", "\n"][..])), 1..max_fragments)
        .prop_map(|pieces| pieces.into_iter().map(|(fragment, separator)| format!("{fragment}{separator}")).collect())
}

/// One to four documents with distinct ids, sorted by id as `load_paths` returns them.
fn corpus() -> impl Strategy<Value = Vec<Document>> {
    prop::collection::vec(fragment_text(80), 1..5).prop_map(|texts| {
        texts
            .into_iter()
            .enumerate()
            .map(|(idx, text)| Document::new(DocId(format!("doc-{idx}")), PathBuf::from(format!("doc-{idx}.txt")), text, None))
            .collect()
    })
}

fn assert_span(text: &str, span: Span, what: &str) {
    assert!(span.start <= span.end && span.end as usize <= text.len(), "{what} {span:?} is out of bounds of {} bytes", text.len());
    assert!(text.is_char_boundary(span.start as usize) && text.is_char_boundary(span.end as usize), "{what} {span:?} splits a char");
}

/// `text[start:end]` as Python slices a str.
fn char_slice(text: &str, start: u32, end: u32) -> String {
    text.chars().skip(start as usize).take(end.saturating_sub(start) as usize).collect()
}

/// What must not change when the same analyses are merged twice: nodes
/// (id, type, label, aliases) and edges (ends, type, attributes).
type Shape = (BTreeSet<(String, String, String, Vec<String>)>, BTreeSet<(String, String, String, Vec<(String, String)>)>);

fn shape(graph: &KnowledgeGraph) -> Shape {
    let nodes =
        graph.nodes().map(|(_, n)| (n.id.0.clone(), n.kind.to_string(), n.label.clone(), n.aliases.iter().cloned().collect())).collect();
    let edges = graph
        .edges()
        .into_iter()
        .map(|(s, t, e)| (s.id.0.clone(), t.id.0.clone(), e.kind.to_string(), e.attributes.clone().into_iter().collect()))
        .collect();
    (nodes, edges)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn spans_are_in_bounds_and_on_char_boundaries(text in fragment_text(120)) {
        let document = Document::new(DocId("random".into()), PathBuf::from("random.txt"), text, None);
        let (document, segmentation) = pipeline::prepare(&RESOURCES, document);
        let text = document.text.as_str();
        for body in &document.body {
            assert_span(text, *body, "body");
        }
        for token in &segmentation.tokens {
            assert_span(text, token.span, "token");
            prop_assert!(!token.span.is_empty(), "empty token at {:?}", token.span);
            prop_assert!(document.in_body(token.span), "token {:?} outside the body", token.span);
        }
        for sentence in &segmentation.sentences {
            assert_span(text, sentence.span, "sentence");
            prop_assert!(sentence.tokens.start <= sentence.tokens.end && sentence.tokens.end as usize <= segmentation.tokens.len());
            for token in segmentation.sentence_tokens(sentence) {
                prop_assert!(sentence.span.contains(token.span), "token {:?} outside its sentence {:?}", token.span, sentence.span);
            }
        }
        let detection = mention::detect(&RESOURCES, &document, &segmentation);
        for found in &detection.mentions {
            assert_span(text, found.span, "mention");
            prop_assert!(!found.span.is_empty());
            prop_assert!((found.sentence as usize) < segmentation.sentences.len());
            prop_assert!(segmentation.sentences[found.sentence as usize].span.contains(found.span), "mention {:?} outside its sentence", found.span);
        }
    }

    #[test]
    fn char_index_counts_like_python(text in any::<String>()) {
        let index = CharIndex::new(&text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            prop_assert_eq!(index.char_offset(byte as u32), text[..byte].chars().count() as u32);
        }
    }

    #[test]
    fn graph_offsets_slice_out_their_text(documents in corpus()) {
        let graph = pipeline::build_graph(&RESOURCES, &documents, true);
        let text_of = |doc: &str| &documents.iter().find(|d| d.id.0 == doc).expect("known document").text;
        for (_, node) in graph.nodes() {
            for found in &node.mentions {
                prop_assert_eq!(char_slice(text_of(&found.doc), found.start, found.end), found.text.clone());
            }
        }
        for (_, _, edge) in graph.edges() {
            for evidence in &edge.evidence {
                let text = text_of(&evidence.doc);
                prop_assert_eq!(char_slice(text, evidence.sentence_start, evidence.sentence_end), evidence.quote.clone());
                prop_assert_eq!(char_slice(text, evidence.trigger_start, evidence.trigger_end), evidence.trigger.clone());
            }
        }
    }

    #[test]
    fn building_is_deterministic_and_round_trips(documents in corpus()) {
        let on_threads = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            pool.install(|| pipeline::build_graph(&RESOURCES, &documents, true)).to_json()
        };
        let json = on_threads(2);
        prop_assert_eq!(&json, &on_threads(1));
        prop_assert_eq!(&json, &on_threads(2));
        let back = KnowledgeGraph::from_json(&json).expect("graph.json reads back");
        prop_assert_eq!(back.to_json(), json);
    }

    #[test]
    fn merging_the_same_documents_twice_changes_nothing(documents in corpus()) {
        let once = pipeline::build_graph(&RESOURCES, &documents, false);
        let mut twice: Vec<Document> = documents.clone();
        for document in &documents {
            let mut copy = document.clone();
            copy.id = DocId(format!("{}-copy", document.id));
            twice.push(copy);
        }
        twice.sort_by(|a, b| a.id.cmp(&b.id));
        let doubled = pipeline::build_graph(&RESOURCES, &twice, false);
        prop_assert_eq!(shape(&once), shape(&doubled));
        for (_, node) in once.nodes() {
            let copy = doubled.node(&node.id).expect("same ids");
            prop_assert_eq!(copy.mention_count, 2 * node.mention_count, "{}", node.id);
        }
    }
}
