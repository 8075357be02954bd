//! Integration tests of `newsgraph export` and `newsgraph render`: each file
//! format is written by the real binary and read back by the real tool its
//! users have (Graphviz, NetworkX, rdflib, Python's json), through
//! `tests/python/load_graph.py`. A missing tool fails the test with what to install.

use crate::support;
use newsgraph::graph::sample::{adversarial_graph, sample_graph, ADVERSARIAL_NAMES};
use newsgraph::KnowledgeGraph;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const ONTOLOGY: &str = "https://newsgraph.dev/ontology#";
const ENTITY: &str = "https://newsgraph.dev/entity/";
/// Edge columns of GraphML and Cytoscape that are not relation attributes.
use newsgraph::export::columns::FIXED_EDGE_COLUMNS as EDGE_COLUMNS;
const INSTALL_PYTHON: &str =
    "install Python 3 and the test requirements: apt-get install -y python3 python3-pip && pip install -r tests/requirements.txt";
const INSTALL_GRAPHVIZ: &str = "install Graphviz: apt-get install -y graphviz (macOS: brew install graphviz)";

/// An entity as a loader gives it back.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct LoadedNode {
    id: String,
    kind: String,
    label: String,
    aliases: BTreeSet<String>,
}

/// A relation as a loader gives it back, with its (only) evidence quote.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct LoadedEdge {
    source: String,
    target: String,
    kind: String,
    attributes: BTreeMap<String, String>,
    quote: String,
}

type Loaded = (Vec<LoadedNode>, Vec<LoadedEdge>);
/// An edge as Graphviz drew it: (tail id, head id, its label's lines joined by `\n`).
type DrawnEdge = (String, String, String);

/// A temporary folder holding `graph.json` of `graph`.
fn graph_folder(graph: &KnowledgeGraph) -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(folder.path().join("graph.json"), graph.to_json()).unwrap();
    folder
}

/// `newsgraph export graph.json --format FORMAT -o FILE EXTRA...` in `folder`.
fn export(folder: &Path, format: &str, file: &str, extra: &[&str]) -> PathBuf {
    let mut args = vec!["export", "graph.json", "--format", format, "-o", file];
    args.extend(extra);
    support::run_ok(folder, &args);
    folder.join(file)
}

/// What `tests/python/load_graph.py LOADER PATH` printed.
fn python_load(loader: &str, path: &Path) -> Value {
    let script = support::root().join("tests/python/load_graph.py");
    let output = match Command::new("python3").arg(&script).arg(loader).arg(path).output() {
        Ok(output) => output,
        Err(error) => panic!("cannot run python3 ({error}); {INSTALL_PYTHON}"),
    };
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "load_graph.py {loader} {} failed: {stderr}\n({INSTALL_PYTHON})", path.display());
    serde_json::from_slice(&output.stdout).unwrap_or_else(|error| panic!("load_graph.py printed no JSON ({error}): {stderr}"))
}

/// Graphviz's `dot ARGS` reading `input`; its stdout.
fn graphviz(args: &[&str], input: &[u8]) -> Vec<u8> {
    let mut child = match Command::new("dot").args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn() {
        Ok(child) => child,
        Err(error) => panic!("cannot run Graphviz's dot ({error}); {INSTALL_GRAPHVIZ}"),
    };
    child.stdin.take().unwrap().write_all(input).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "dot {args:?} failed: {}", String::from_utf8_lossy(&output.stderr));
    output.stdout
}

/// Fails, saying what to install, when `dot` is not on PATH (before a test
/// that runs `newsgraph render`, so the failure names the cause).
fn require_graphviz() {
    if let Err(error) = Command::new("dot").arg("-V").output() {
        panic!("cannot run Graphviz's dot ({error}); {INSTALL_GRAPHVIZ}");
    }
}

/// The text of every `<text>` element of an SVG, in document order.
fn svg_texts(svg: &[u8]) -> Vec<String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(svg);
    let (mut texts, mut inside_text, mut buffer) = (Vec::new(), false, Vec::new());
    loop {
        match reader.read_event_into(&mut buffer).expect("Graphviz writes well-formed SVG") {
            Event::Start(start) if start.name().as_ref() == b"text" => {
                inside_text = true;
                texts.push(String::new());
            }
            Event::End(end) if end.name().as_ref() == b"text" => inside_text = false,
            Event::Text(text) if inside_text => texts.last_mut().unwrap().push_str(&text.unescape().unwrap()),
            Event::Eof => break,
            _ => {}
        }
        buffer.clear();
    }
    texts
}

/// What every loader should give back for `graph`.
fn expected(graph: &KnowledgeGraph) -> Loaded {
    let mut nodes: Vec<LoadedNode> = graph
        .nodes()
        .map(|(_, node)| LoadedNode {
            id: node.id.0.clone(),
            kind: node.kind.to_string(),
            label: node.label.clone(),
            aliases: node.aliases.clone(),
        })
        .collect();
    let mut edges: Vec<LoadedEdge> = graph
        .edges()
        .into_iter()
        .map(|(source, target, edge)| {
            assert_eq!(edge.evidence.len(), 1, "the test graphs have one quote per relation");
            LoadedEdge {
                source: source.id.0.clone(),
                target: target.id.0.clone(),
                kind: edge.kind.to_string(),
                attributes: edge.attributes.clone(),
                quote: edge.evidence[0].quote.clone(),
            }
        })
        .collect();
    nodes.sort();
    edges.sort();
    (nodes, edges)
}

fn text(value: &Value) -> String {
    value.as_str().unwrap_or_else(|| panic!("not a string: {value}")).to_string()
}

fn strings(value: &Value) -> BTreeSet<String> {
    value.as_array().unwrap_or_else(|| panic!("not an array: {value}")).iter().map(text).collect()
}

/// Nodes and edges from NetworkX (`node_link_graph` or `read_graphml`) or
/// Cytoscape `data` objects: `flat` when attributes are columns (GraphML,
/// Cytoscape), nested as in graph.json otherwise.
fn from_records<'a>(
    node_data: impl Iterator<Item = (String, &'a Value)>,
    edge_data: impl Iterator<Item = (String, String, &'a Value)>,
    flat: bool,
) -> Loaded {
    let mut nodes: Vec<LoadedNode> = node_data
        .map(|(id, data)| LoadedNode {
            id,
            kind: text(&data["type"]),
            label: text(&data["label"]),
            aliases: match &data["aliases"] {
                Value::String(json) => strings(&serde_json::from_str(json).expect("GraphML aliases are a JSON array")),
                list => strings(list),
            },
        })
        .collect();
    let mut edges: Vec<LoadedEdge> = edge_data
        .map(|(source, target, data)| {
            let (attributes, quote) = if flat {
                let attributes = data
                    .as_object()
                    .unwrap()
                    .iter()
                    .filter(|(name, _)| !EDGE_COLUMNS.contains(&name.as_str()))
                    .map(|(name, value)| (name.clone(), text(value)))
                    .collect();
                (attributes, text(&data["evidence_quote"]))
            } else {
                let attributes = data["attributes"].as_object().unwrap().iter().map(|(name, value)| (name.clone(), text(value))).collect();
                (attributes, text(&data["evidence"][0]["quote"]))
            };
            LoadedEdge { source, target, kind: text(&data["type"]), attributes, quote }
        })
        .collect();
    nodes.sort();
    edges.sort();
    (nodes, edges)
}

fn from_networkx(summary: &Value, flat: bool) -> Loaded {
    from_records(
        summary["nodes"].as_array().unwrap().iter().map(|node| (text(&node["id"]), &node["data"])),
        summary["edges"].as_array().unwrap().iter().map(|edge| (text(&edge["source"]), text(&edge["target"]), &edge["data"])),
        flat,
    )
}

fn from_cytoscape(elements: &Value) -> Loaded {
    from_records(
        elements["elements"]["nodes"].as_array().unwrap().iter().map(|node| (text(&node["data"]["id"]), &node["data"])),
        elements["elements"]["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|edge| (text(&edge["data"]["source"]), text(&edge["data"]["target"]), &edge["data"])),
        true,
    )
}

/// An entity id from its IRI.
fn entity_id(iri: &str) -> String {
    let encoded = iri.strip_prefix(ENTITY).unwrap_or_else(|| panic!("not an entity IRI: {iri}"));
    percent_encoding::percent_decode_str(encoded).decode_utf8().unwrap().into_owned()
}

fn from_rdflib(summary: &Value) -> Loaded {
    let ontology_name = |iri: &str| iri.strip_prefix(ONTOLOGY).unwrap_or_else(|| panic!("not in the ontology: {iri}")).to_string();
    let mut nodes: Vec<LoadedNode> = summary["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entity| {
            let label = text(&entity["label"]);
            let mut aliases = strings(&entity["alt_labels"]);
            aliases.insert(label.clone());
            LoadedNode { id: entity_id(&text(&entity["iri"])), kind: ontology_name(&text(&entity["type"])), label, aliases }
        })
        .collect();
    let mut edges: Vec<LoadedEdge> = summary["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|statement| {
            let attributes = statement["literals"]
                .as_object()
                .unwrap()
                .iter()
                .map(|(property, value)| (ontology_name(property), text(value)))
                .filter(|(name, _)| !["confidence", "weight", "evidenceCount"].contains(&name.as_str()))
                .collect();
            let quotes = strings(&statement["quotes"]);
            assert_eq!(quotes.len(), 1, "{statement}");
            LoadedEdge {
                source: entity_id(&text(&statement["subject"])),
                target: entity_id(&text(&statement["object"])),
                kind: ontology_name(&text(&statement["predicate"])),
                attributes,
                quote: quotes.into_iter().next().unwrap(),
            }
        })
        .collect();
    nodes.sort();
    edges.sort();
    (nodes, edges)
}

/// What Graphviz drew: node id -> its label's lines joined by `\n`, and each
/// edge as (tail id, head id, its label's lines joined), from `dot -Tjson`.
fn graphviz_labels(dot: &[u8]) -> (BTreeMap<String, String>, Vec<DrawnEdge>) {
    let layout: Value = serde_json::from_slice(&graphviz(&["-Tjson"], dot)).unwrap();
    let drawn_text = |object: &Value| {
        object["_ldraw_"].as_array().unwrap().iter().filter(|op| op["op"] == "T").map(|op| text(&op["text"])).collect::<Vec<_>>().join("\n")
    };
    let objects = layout["objects"].as_array().unwrap();
    let name_of = |gvid: &Value| text(&objects[gvid.as_u64().unwrap() as usize]["name"]);
    let nodes =
        objects.iter().filter(|object| object.get("nodes").is_none()).map(|object| (text(&object["name"]), drawn_text(object))).collect();
    // Graphviz leaves "edges" out of a graph without any.
    let drawn_edges = layout["edges"].as_array().map_or(&[][..], Vec::as_slice);
    let mut edges: Vec<DrawnEdge> =
        drawn_edges.iter().map(|edge| (name_of(&edge["tail"]), name_of(&edge["head"]), drawn_text(edge))).collect();
    edges.sort();
    (nodes, edges)
}

#[test]
fn networkx_loads_json_and_graphml_of_the_sample_graph() {
    let graph = sample_graph();
    let folder = graph_folder(&graph);
    let from_json = python_load("networkx-json", &folder.path().join("graph.json"));
    assert_eq!((&from_json["directed"], &from_json["multigraph"]), (&Value::Bool(true), &Value::Bool(true)));
    assert_eq!(from_networkx(&from_json, false), expected(&graph));
    assert_eq!(from_json["graph"]["documents"][0]["title"], "Envoys meet in Accra");

    let graphml = export(folder.path(), "graphml", "graph.graphml", &[]);
    let from_graphml = python_load("networkx-graphml", &graphml);
    assert_eq!(from_graphml["directed"], true);
    let (nodes, edges) = from_networkx(&from_graphml, true);
    assert_eq!((nodes.len(), edges.len()), (9, 9));
    assert_eq!((nodes, edges), expected(&graph));
    // Typed keys come back typed.
    let ama = from_graphml["nodes"].as_array().unwrap().iter().find(|node| node["id"] == "person-ama-mensah").unwrap();
    assert_eq!(ama["data"]["mention_count"], 1);
    let role = from_graphml["edges"].as_array().unwrap().iter().find(|edge| edge["data"]["role"] == "President").unwrap();
    assert_eq!((&role["source"], &role["target"]), (&Value::from("person-ama-mensah"), &Value::from("country-ghana")));
    assert_eq!(role["data"]["type"], "HOLDS_ROLE");
    assert_eq!(role["data"]["confidence"], 0.9);
    assert_eq!(role["data"]["evidence_count"], 1);
    assert_eq!(role["data"]["evidence_date"], "2024-05-06");
}

#[test]
fn cytoscape_elements_reference_their_nodes() {
    let graph = sample_graph();
    let folder = graph_folder(&graph);
    let path = export(folder.path(), "cytoscape", "graph.cytoscape.json", &[]);
    let elements = python_load("cytoscape", &path);
    assert_eq!(elements.as_object().unwrap().keys().collect::<Vec<_>>(), ["elements"]);
    let nodes = elements["elements"]["nodes"].as_array().unwrap();
    let edges = elements["elements"]["edges"].as_array().unwrap();
    assert_eq!((nodes.len(), edges.len()), (9, 9));
    let node_ids: BTreeSet<String> = nodes.iter().map(|node| text(&node["data"]["id"])).collect();
    let edge_ids: BTreeSet<String> = edges.iter().map(|edge| text(&edge["data"]["id"])).collect();
    assert_eq!((node_ids.len(), edge_ids.len()), (9, 9), "ids are unique");
    assert!(node_ids.is_disjoint(&edge_ids), "Cytoscape.js wants node and edge ids distinct");
    for edge in edges {
        for end in ["source", "target"] {
            assert!(node_ids.contains(&text(&edge["data"][end])), "{end} of {edge} is not a node");
        }
    }
    assert_eq!(from_cytoscape(&elements), expected(&graph));
    let role = edges.iter().find(|edge| edge["data"]["role"] == "Foreign Minister").unwrap();
    assert_eq!(role["data"]["label"], "HOLDS_ROLE\nForeign Minister");
}

#[test]
fn rdflib_reads_labels_relations_and_evidence() {
    let graph = sample_graph();
    let folder = graph_folder(&graph);
    let path = export(folder.path(), "turtle", "graph.ttl", &[]);
    let summary = python_load("rdflib", &path);
    assert_eq!(from_rdflib(&summary), expected(&graph));
    // One plain triple per relation, with the relation type as predicate.
    let relations: Vec<(String, String, String)> = summary["relations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|triple| (entity_id(&text(&triple[0])), text(&triple[1]), entity_id(&text(&triple[2]))))
        .collect();
    assert_eq!(relations.len(), 9);
    assert!(relations.contains(&("person-ama-mensah".into(), format!("{ONTOLOGY}MET"), "person-luis-quispe".into())), "{relations:?}");
    let statement =
        summary["statements"].as_array().unwrap().iter().find(|s| s["literals"][format!("{ONTOLOGY}role")] == "President").unwrap();
    assert_eq!(statement["literals"][format!("{ONTOLOGY}confidence")], "0.9");
}

#[test]
fn graphviz_draws_the_sample_graph_with_its_labels() {
    require_graphviz();
    let graph = sample_graph();
    let folder = graph_folder(&graph);
    support::run_ok(folder.path(), &["render", "graph.json", "-o", "graph.svg"]);
    let texts = svg_texts(&std::fs::read(folder.path().join("graph.svg")).unwrap());
    for (_, node) in graph.nodes() {
        assert!(texts.contains(&node.label), "{} not drawn: {texts:?}", node.label);
    }
    for label in ["HOLDS_ROLE", "President", "Foreign Minister", "MET", "LOCATED_IN", "ABSTAINED", "Entity types", "Resolution"] {
        assert!(texts.iter().any(|text| text == label), "{label} not drawn: {texts:?}");
    }
    support::run_ok(folder.path(), &["render", "graph.json", "-o", "graph.png"]);
    assert!(std::fs::read(folder.path().join("graph.png")).unwrap().starts_with(b"\x89PNG\r\n\x1a\n"));

    // The DOT file of `export` draws the same.
    let dot = export(folder.path(), "dot", "graph.dot", &[]);
    let (nodes, mut edges) = graphviz_labels(&std::fs::read(dot).unwrap());
    assert_eq!(nodes["person-ama-mensah"], "Ama Mensah");
    edges.retain(|(tail, _, _)| tail == "person-ama-mensah");
    assert_eq!(
        edges,
        [
            ("person-ama-mensah".into(), "country-ghana".into(), "HOLDS_ROLE\nPresident".into()),
            ("person-ama-mensah".into(), "person-luis-quispe".into(), "MET".into())
        ]
    );
}

#[test]
fn focus_and_types_cut_the_drawing_down() {
    require_graphviz();
    let folder = graph_folder(&sample_graph());
    support::run_ok(folder.path(), &["render", "graph.json", "-o", "focus.svg", "--focus", "ama mensah", "--depth", "1"]);
    let texts = svg_texts(&std::fs::read(folder.path().join("focus.svg")).unwrap());
    for drawn in ["Ama Mensah", "Ghana", "Luis Quispe", "HOLDS_ROLE", "President", "MET"] {
        assert!(texts.iter().any(|text| text == drawn), "{drawn} not drawn: {texts:?}");
    }
    for left_out in ["Accra", "Peru", "Resolution 9001", "Foreign Minister", "LEADS"] {
        assert!(!texts.iter().any(|text| text == left_out), "{left_out} drawn: {texts:?}");
    }

    let dot = export(folder.path(), "dot", "types.dot", &["--types", "MET,holds_role"]);
    let texts = svg_texts(&graphviz(&["-Tsvg"], &std::fs::read(dot).unwrap()));
    for drawn in ["Ama Mensah", "Luis Quispe", "Ghana", "Peru", "Foreign Minister", "MET"] {
        assert!(texts.iter().any(|text| text == drawn), "{drawn} not drawn: {texts:?}");
    }
    for left_out in ["Accra", "African Union", "LEADS", "ABSTAINED", "LOCATED_IN"] {
        assert!(!texts.iter().any(|text| text == left_out), "{left_out} drawn: {texts:?}");
    }

    // The cut applies to every format: a focused GraphML has three entities.
    let graphml = export(folder.path(), "graphml", "focus.graphml", &["--focus", "Luis Quispe", "--types", "MET,HOLDS_ROLE"]);
    let (nodes, edges) = from_networkx(&python_load("networkx-graphml", &graphml), true);
    let labels: Vec<&str> = nodes.iter().map(|node| node.label.as_str()).collect();
    assert_eq!(labels, ["Peru", "Ama Mensah", "Luis Quispe"]);
    assert_eq!(edges.len(), 2);
}

#[test]
fn render_and_export_explain_bad_requests() {
    let folder = graph_folder(&sample_graph());
    let failure = |args: &[&str], path: Option<&Path>| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_newsgraph"));
        command.args(args).current_dir(folder.path());
        if let Some(path) = path {
            command.env("PATH", path);
        }
        let output = command.output().unwrap();
        assert!(!output.status.success(), "newsgraph {args:?} succeeded");
        String::from_utf8(output.stderr).unwrap()
    };
    let message = failure(&["render", "graph.json", "-o", "graph.jpg"], None);
    assert!(
        message.contains("graph.jpg: cannot tell the image format from the extension 'jpg'; use one of: .svg, .png, .pdf"),
        "{message}"
    );
    let message = failure(&["render", "graph.json", "-o", "graph.svg", "--types", "MET,MARRIED"], None);
    assert!(message.contains("unknown relation type 'MARRIED' in --types; valid types: HOLDS_ROLE, MET, LEADS,"), "{message}");
    let message = failure(&["export", "graph.json", "--format", "graphml", "-o", "x.graphml", "--focus", "Ama Mensha"], None);
    assert!(
        message.contains("no entity named 'Ama Mensha' in the graph; did you mean:\n  Ama Mensah (Person, person-ama-mensah)"),
        "{message}"
    );

    // No Graphviz on PATH.
    let empty = tempfile::tempdir().unwrap();
    let message = failure(&["render", "graph.json", "-o", "graph.svg"], Some(empty.path()));
    assert!(
        message.contains(
            "Graphviz's `dot` was not found on PATH; install it (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz)"
        ),
        "{message}"
    );
    // A `dot` that fails: its stderr is reported, and no image is left behind.
    let broken = tempfile::tempdir().unwrap();
    let fake_dot = broken.path().join("dot");
    std::fs::write(&fake_dot, "#!/bin/sh\necho 'Error: <stdin>: syntax error in line 7' >&2\nexit 1\n").unwrap();
    let mut permissions = std::fs::metadata(&fake_dot).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o755);
    std::fs::set_permissions(&fake_dot, permissions).unwrap();
    let message = failure(&["render", "graph.json", "-o", "graph.svg"], Some(broken.path()));
    assert!(message.contains("Graphviz `dot`: failed (exit status: 1): Error: <stdin>: syntax error in line 7"), "{message}");
    assert!(!folder.path().join("graph.svg").exists());
}

#[test]
fn adversarial_names_survive_every_loader() {
    require_graphviz();
    let graph = adversarial_graph();
    let folder = graph_folder(&graph);
    let wanted = expected(&graph);
    let names: BTreeSet<String> = ADVERSARIAL_NAMES.iter().map(|name| name.to_string()).collect();
    let labels = |loaded: &Loaded| loaded.0.iter().map(|node| node.label.clone()).collect::<BTreeSet<String>>();
    assert_eq!(labels(&wanted), names);

    let from_json = from_networkx(&python_load("networkx-json", &folder.path().join("graph.json")), false);
    assert_eq!(from_json, wanted, "NetworkX node_link_graph");
    let graphml = export(folder.path(), "graphml", "graph.graphml", &[]);
    assert_eq!(from_networkx(&python_load("networkx-graphml", &graphml), true), wanted, "NetworkX read_graphml");
    let cytoscape = export(folder.path(), "cytoscape", "graph.cytoscape.json", &[]);
    assert_eq!(from_cytoscape(&python_load("cytoscape", &cytoscape)), wanted, "json.load of Cytoscape.js JSON");
    let turtle = export(folder.path(), "turtle", "graph.ttl", &[]);
    assert_eq!(from_rdflib(&python_load("rdflib", &turtle)), wanted, "rdflib");

    // Graphviz: what it draws, line by line, is each name and edge caption.
    let dot = export(folder.path(), "dot", "graph.dot", &[]);
    let (drawn_nodes, drawn_edges) = graphviz_labels(&std::fs::read(dot).unwrap());
    for (_, node) in graph.nodes() {
        assert_eq!(drawn_nodes.get(&node.id.0), Some(&node.label), "Graphviz label of {}", node.id);
    }
    let mut wanted_edges: Vec<DrawnEdge> = graph
        .edges()
        .into_iter()
        .map(|(source, target, edge)| (source.id.0.clone(), target.id.0.clone(), newsgraph::export::columns::edge_caption(edge)))
        .collect();
    wanted_edges.sort();
    assert_eq!(drawn_edges, wanted_edges);
    assert!(drawn_edges.iter().any(|(_, _, caption)| caption == "HOLDS_ROLE\nChair \"1\" <&>"), "{drawn_edges:?}");
    // And the SVG holds every name (split at its line break).
    let texts = svg_texts(&graphviz(&["-Tsvg"], &std::fs::read(folder.path().join("graph.dot")).unwrap()));
    for name in ADVERSARIAL_NAMES {
        for line in name.lines() {
            assert!(texts.iter().any(|text| text == line), "{line:?} not in the SVG: {texts:?}");
        }
    }
}

#[test]
fn build_writes_every_file_format_that_loads() {
    require_graphviz();
    let articles = tempfile::tempdir().unwrap();
    std::fs::write(
        articles.path().join("talks.txt"),
        "Leaders discuss the coastal plan\n\nMarch 3, 2025\n\nKenyan President William Ruto met French President Emmanuel Macron in Nairobi on Monday.\n\
         Kenya is a member of the African Union.\n",
    )
    .unwrap();
    let out = articles.path().join("out");
    support::run_ok(articles.path(), &["build", "talks.txt", "-o", out.to_str().unwrap(), "--format", "json,dot,graphml,cytoscape,turtle"]);
    let graph = KnowledgeGraph::read(&out.join("graph.json")).unwrap();
    let (node_count, edge_count) = (graph.graph.node_count(), graph.graph.edge_count());
    assert!(node_count > 0, "the article names entities");
    let (nodes, edges) = from_networkx(&python_load("networkx-graphml", &out.join("graph.graphml")), true);
    assert_eq!((nodes.len(), edges.len()), (node_count, edge_count), "GraphML");
    let elements = python_load("cytoscape", &out.join("graph.cytoscape.json"));
    assert_eq!(elements["elements"]["nodes"].as_array().unwrap().len(), node_count, "Cytoscape");
    let summary = python_load("rdflib", &out.join("graph.ttl"));
    assert_eq!(summary["entities"].as_array().unwrap().len(), node_count, "Turtle");
    let (drawn_nodes, drawn_edges) = graphviz_labels(&std::fs::read(out.join("graph.dot")).unwrap());
    assert_eq!(drawn_nodes.keys().filter(|name| !name.starts_with("__legend_")).count(), node_count, "DOT");
    assert_eq!(drawn_edges.len(), edge_count, "DOT");
}
