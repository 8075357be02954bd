//! Integration tests of `newsgraph query`: the real binary on the sample
//! graph written to a temporary folder (exact rows of every question, the
//! JSON documents, ambiguous and unknown names, bad files), on the
//! adversarial graph, and on the graph built from the seeds corpus.

use crate::support;
use newsgraph::graph::sample::{adversarial_graph, sample_graph, ADVERSARIAL_NAMES};
use newsgraph::graph::{EntityId, KnowledgeGraph};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

/// A temporary folder holding `graph` as `graph.json`.
fn graph_dir(graph: &KnowledgeGraph) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("graph.json"), graph.to_json()).unwrap();
    dir
}

/// `newsgraph query -g graph.json ARGS` in `dir`; asserts success, returns stdout.
fn query(dir: &Path, args: &[&str]) -> String {
    let mut all = vec!["query", "-g", "graph.json"];
    all.extend(args);
    support::run_ok(dir, &all)
}

/// `newsgraph query ARGS` in `dir`; asserts exit code 2, nothing on stdout and
/// no panic; returns stderr.
fn query_fails(dir: &Path, args: &[&str]) -> String {
    let mut all = vec!["query"];
    all.extend(args);
    let output = support::run_in(dir, &all);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(2), "newsgraph {all:?}: {stderr}");
    assert!(output.stdout.is_empty(), "newsgraph {all:?} printed {}", String::from_utf8_lossy(&output.stdout));
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

/// `query ARGS --json`, parsed, after checking a second run prints the same bytes.
fn query_json(dir: &Path, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.push("--json");
    let stdout = query(dir, &all);
    assert_eq!(stdout, query(dir, &all), "same graph, same JSON bytes");
    assert!(stdout.ends_with("}\n"));
    serde_json::from_str(&stdout).unwrap_or_else(|error| panic!("--json prints JSON ({error}):\n{stdout}"))
}

fn keys(value: &Value) -> Vec<&str> {
    value.as_object().unwrap_or_else(|| panic!("not an object: {value}")).keys().map(String::as_str).collect()
}

const MET_QUOTE: &str = "Ghana President Ama Mensah met Peru's Foreign Minister Luis Quispe in…";

#[test]
fn met() {
    let dir = graph_dir(&sample_graph());
    assert_eq!(
        query(dir.path(), &["met"]),
        format!(
            "1 meeting in the graph\n\
             ENTITY      WITH         KIND  DATE        DOCUMENT  QUOTE\n\
             Ama Mensah  Luis Quispe  met   2024-05-06  sample    {MET_QUOTE}\n"
        )
    );
    let expected = format!(
        "Ama Mensah (Person, person-ama-mensah): 1 meeting\n\
         WITH         KIND  DATE        DOCUMENT  QUOTE\n\
         Luis Quispe  met   2024-05-06  sample    {MET_QUOTE}\n"
    );
    // By label, alias, surname, accents aside, and id.
    for name in ["Ama Mensah", "Ms. Mensah", "MENSAH", "Ámá Mensah", "person-ama-mensah"] {
        assert_eq!(query(dir.path(), &["met", name]), expected, "{name}");
    }
    // MET is symmetric: the edge runs Ama -> Luis, and Luis met Ama.
    assert!(query(dir.path(), &["met", "Quispe"]).contains(&format!("\nAma Mensah  met   2024-05-06  sample    {MET_QUOTE}\n")));
    assert_eq!(query(dir.path(), &["met", "Peru"]), "Peru (Country, country-peru): no meetings in the graph\n");
}

#[test]
fn entity() {
    let dir = graph_dir(&sample_graph());
    assert_eq!(
        query(dir.path(), &["entity", "Quispe"]),
        format!(
            "Luis Quispe
  type      Person
  id        person-luis-quispe
  aliases   Quispe
  mentions  1 in 1 document

documents (1):
  DOCUMENT  DATE        TITLE
  sample    2024-05-06  Envoys meet in Accra

roles (1):
  ROLE              IN    TYPE     QUOTE
  Foreign Minister  Peru  Country  {MET_QUOTE}

relations (1):
  RELATION  OTHER       TYPE    DETAIL    QUOTE
  -[MET]-   Ama Mensah  Person  kind=met  {MET_QUOTE}
"
        )
    );
    let ghana = query(dir.path(), &["entity", "ghanaian"]);
    assert!(ghana.starts_with("Ghana\n  type      Country\n  id        country-ghana\n  aliases   Ghanaian\n"), "{ghana}");
    for expected in [
        "\nrole holders (1):\n  ROLE       HOLDER      TYPE    QUOTE\n",
        &format!("\n  President  Ama Mensah  Person  {MET_QUOTE}\n"),
        "\nrelations (3):\n",
        "\n  -[LEADS]->       Coastal Support Mission  Organization  -       The Ghana-led Coastal Support Mission (CSM) starts in June.\n",
        "\n  <-[LOCATED_IN]-  Accra                    Location      -       Accra, Ghana's capital, hosted the talks.\n",
    ] {
        assert!(ghana.contains(expected), "missing {expected:?} in\n{ghana}");
    }
}

#[test]
fn neighbors() {
    let dir = graph_dir(&sample_graph());
    assert_eq!(
        query(dir.path(), &["neighbors", "Ghana"]),
        "Ghana (Country, country-ghana): 4 neighbours, 4 relations
RELATION         NEIGHBOUR                TYPE          ID                                    DETAIL          EVIDENCE
<-[LOCATED_IN]-  Accra                    Location      location-accra                        -               1
-[MEMBER_OF]->   African Union            Organization  organization-african-union            -               1
<-[HOLDS_ROLE]-  Ama Mensah               Person        person-ama-mensah                     role=President  1
-[LEADS]->       Coastal Support Mission  Organization  organization-coastal-support-mission  -               1
"
    );
    assert_eq!(
        query(dir.path(), &["neighbors", "Ghana", "--type", "holds-role"]),
        "Ghana (Country, country-ghana): 1 neighbour through HOLDS_ROLE, 1 relation
RELATION         NEIGHBOUR   TYPE    ID                 DETAIL          EVIDENCE
<-[HOLDS_ROLE]-  Ama Mensah  Person  person-ama-mensah  role=President  1
"
    );
    assert_eq!(
        query(dir.path(), &["neighbors", "Accra", "--type", "MET"]),
        "Accra (Location, location-accra): no neighbours through MET\n"
    );
    let stderr = query_fails(dir.path(), &["-g", "graph.json", "neighbors", "Ghana", "--type", "FRIEND_OF"]);
    assert!(
        stderr.contains(
            "unknown relation type 'FRIEND_OF'; valid types: HOLDS_ROLE, MET, LEADS, MEMBER_OF, CONTRIBUTES_TO, SPONSORS, ADOPTED, \
             VOTED_FOR, VOTED_AGAINST, ABSTAINED, AUTHORIZES, LOCATED_IN, OPPOSES, CO_OCCURS"
        ),
        "{stderr}"
    );
}

#[test]
fn path() {
    let dir = graph_dir(&sample_graph());
    assert_eq!(
        query(dir.path(), &["path", "Accra", "Luis Quispe"]),
        format!(
            "Accra (Location, location-accra) to Luis Quispe (Person, person-luis-quispe): 3 hops
HOP  FROM        RELATION         TO           QUOTE
1    Accra       -[LOCATED_IN]->  Ghana        Accra, Ghana's capital, hosted the talks.
2    Ghana       <-[HOLDS_ROLE]-  Ama Mensah   {MET_QUOTE}
3    Ama Mensah  -[MET]-          Luis Quispe  {MET_QUOTE}
"
        )
    );
    assert_eq!(
        query(dir.path(), &["path", "CSM", "AU"]),
        "Coastal Support Mission (Organization, organization-coastal-support-mission) to African Union (Organization, organization-african-union): 2 hops
HOP  FROM                     RELATION        TO             QUOTE
1    Coastal Support Mission  <-[LEADS]-      Ghana          The Ghana-led Coastal Support Mission (CSM) starts in June.
2    Ghana                    -[MEMBER_OF]->  African Union  Ghana, a member of the African Union, backed the plan.
"
    );
    assert_eq!(
        query(dir.path(), &["path", "Peru", "Peru"]),
        "Peru (Country, country-peru) and Peru (Country, country-peru) are the same entity\n"
    );
}

/// The sample graph plus Chile, linked to Peru only by a CO_OCCURS edge.
fn graph_with_cooccurrence() -> KnowledgeGraph {
    let mut graph = sample_graph();
    let peru = graph.by_id[&EntityId("country-peru".into())];
    let mut chile = graph.graph[peru].clone();
    chile.id = EntityId("country-chile".into());
    chile.label = "Chile".into();
    chile.aliases = ["Chile".to_string(), "Chilean".to_string()].into();
    let chile = graph.add_node(chile);
    let mut cooccurs =
        graph.graph[graph.graph.find_edge(peru, graph.by_id[&EntityId("resolution-resolution-9001".into())]).unwrap()].clone();
    cooccurs.kind = newsgraph::RelationKind::CoOccurs;
    cooccurs.evidence[0].quote = "Chile and Peru sent observers.".into();
    graph.graph.add_edge(chile, peru, cooccurs);
    graph
}

#[test]
fn no_path_and_cooccurrence_on_request() {
    let dir = graph_dir(&graph_with_cooccurrence());
    assert_eq!(
        query(dir.path(), &["path", "Chile", "Ama Mensah"]),
        "no path between Chile (Country, country-chile) and Ama Mensah (Person, person-ama-mensah) \
         (1 CO_OCCURS edge left out; --cooccurrence shows them)\n"
    );
    let json = query_json(dir.path(), &["path", "Chile", "Ama Mensah"]);
    assert_eq!((&json["found"], json["hops"].as_array().map(Vec::len)), (&Value::Bool(false), Some(0)));
    let path = query(dir.path(), &["path", "Chile", "Ama Mensah", "--cooccurrence"]);
    let rows: Vec<&str> =
        path.lines().skip(2).map(|line| line.split("  ").map(str::trim).find(|cell| cell.starts_with(['-', '<'])).unwrap()).collect();
    assert_eq!(rows, ["-[CO_OCCURS]-", "<-[HOLDS_ROLE]-", "-[MET]-"], "{path}");
    // Relations and neighbours leave CO_OCCURS out unless asked, and say so.
    assert!(query(dir.path(), &["relations"]).starts_with("9 relations (1 CO_OCCURS edge left out; --cooccurrence shows them)\n"));
    assert!(query(dir.path(), &["relations", "--cooccurrence"]).starts_with("10 relations\n"));
    assert_eq!(
        query(dir.path(), &["relations", "--type", "co_occurs", "--source", "Peru"]),
        "1 relation of type CO_OCCURS from Peru (Country, country-peru)
SOURCE  RELATION   TARGET  DETAIL  EVIDENCE  QUOTE
Peru    CO_OCCURS  Chile   -       1         Chile and Peru sent observers.
"
    );
    assert_eq!(
        query(dir.path(), &["neighbors", "Chilean"]),
        "Chile (Country, country-chile): no neighbours (1 CO_OCCURS edge left out; --cooccurrence shows them)\n"
    );
}

#[test]
fn relations() {
    let dir = graph_dir(&sample_graph());
    assert_eq!(
        query(dir.path(), &["relations"]),
        format!(
            "9 relations
SOURCE               RELATION    TARGET                   DETAIL                 EVIDENCE  QUOTE
Ama Mensah           HOLDS_ROLE  Ghana                    role=President         1         {MET_QUOTE}
Luis Quispe          HOLDS_ROLE  Peru                     role=Foreign Minister  1         {MET_QUOTE}
Ama Mensah           MET         Luis Quispe              kind=met               1         {MET_QUOTE}
Ghana                LEADS       Coastal Support Mission  -                      1         The Ghana-led Coastal Support Mission (CSM) starts in June.
Ghana                MEMBER_OF   African Union            -                      1         Ghana, a member of the African Union, backed the plan.
UN Security Council  ADOPTED     Resolution 9001          -                      1         The Security Council adopted Resolution 9001.
Peru                 ABSTAINED   Resolution 9001          -                      1         Peru abstained on Resolution 9001.
Resolution 9001      AUTHORIZES  Coastal Support Mission  -                      1         Resolution 9001 authorizes the Coastal Support Mission.
Accra                LOCATED_IN  Ghana                    -                      1         Accra, Ghana's capital, hosted the talks.
"
        )
    );
    assert_eq!(
        query(dir.path(), &["relations", "--target", "Resolution 9001"]),
        "2 relations to Resolution 9001 (Resolution, resolution-resolution-9001)
SOURCE               RELATION   TARGET           DETAIL  EVIDENCE  QUOTE
UN Security Council  ADOPTED    Resolution 9001  -       1         The Security Council adopted Resolution 9001.
Peru                 ABSTAINED  Resolution 9001  -       1         Peru abstained on Resolution 9001.
"
    );
    // The symmetric MET matches its target as --source, shown from that side.
    assert_eq!(
        query(dir.path(), &["relations", "--type", "met", "--source", "Quispe", "--target", "Mensah"]),
        format!(
            "1 relation of type MET from Luis Quispe (Person, person-luis-quispe) to Ama Mensah (Person, person-ama-mensah)
SOURCE       RELATION  TARGET      DETAIL    EVIDENCE  QUOTE
Luis Quispe  MET       Ama Mensah  kind=met  1         {MET_QUOTE}
"
        )
    );
    assert_eq!(
        query(dir.path(), &["relations", "--type", "LEADS", "--source", "Peru"]),
        "0 relations of type LEADS from Peru (Country, country-peru)\n"
    );
}

#[test]
fn json_documents() {
    let dir = graph_dir(&sample_graph());
    let entity_ref = |value: &Value| (value["id"].as_str().map(str::to_string), keys(value).join(","));
    let met = query_json(dir.path(), &["met", "Mensah"]);
    assert_eq!(keys(&met), ["question", "entity", "meetings"]);
    assert_eq!(met["question"], "met");
    assert_eq!(entity_ref(&met["entity"]), (Some("person-ama-mensah".into()), "id,label,type".into()));
    let meeting = &met["meetings"][0];
    assert_eq!(keys(meeting), ["entity", "with", "kind", "date", "document", "evidence"]);
    assert_eq!(
        (meeting["with"]["id"].as_str(), meeting["kind"].as_str(), meeting["date"].as_str()),
        (Some("person-luis-quispe"), Some("met"), Some("2024-05-06"))
    );
    assert_eq!(
        keys(&meeting["evidence"][0]),
        ["doc", "date", "quote", "sentence_start", "sentence_end", "trigger_start", "trigger_end", "trigger", "rule", "confidence"]
    );
    assert_eq!(meeting["evidence"][0]["quote"], "Ghana President Ama Mensah met Peru's Foreign Minister Luis Quispe in Accra.");
    assert_eq!(query_json(dir.path(), &["met"])["entity"], Value::Null);

    let card = query_json(dir.path(), &["entity", "Ghana"]);
    assert_eq!(
        keys(&card),
        [
            "question",
            "id",
            "label",
            "type",
            "aliases",
            "mention_count",
            "document_count",
            "documents",
            "roles",
            "role_holders",
            "relations"
        ]
    );
    assert_eq!(card["documents"][0], serde_json::json!({"id": "sample", "date": "2024-05-06", "title": "Envoys meet in Accra"}));
    assert_eq!(keys(&card["role_holders"][0]), ["role", "other", "evidence"]);
    assert_eq!(card["role_holders"][0]["role"], "President");
    let relation = &card["relations"][0];
    assert_eq!(keys(relation), ["type", "direction", "other", "attributes", "confidence", "evidence"]);
    assert_eq!((relation["type"].as_str(), relation["direction"].as_str()), (Some("LEADS"), Some("outgoing")));

    let neighbors = query_json(dir.path(), &["neighbors", "Accra"]);
    assert_eq!(keys(&neighbors), ["question", "entity", "relation_type", "neighbors"]);
    assert_eq!(neighbors["neighbors"][0]["direction"], "outgoing");
    assert_eq!(query_json(dir.path(), &["neighbors", "Accra", "--type", "located-in"])["relation_type"], "LOCATED_IN");

    let path = query_json(dir.path(), &["path", "Accra", "Quispe"]);
    assert_eq!(keys(&path), ["question", "from", "to", "found", "hops"]);
    let hops: Vec<(String, String, String, String)> = path["hops"]
        .as_array()
        .unwrap()
        .iter()
        .map(|hop| {
            assert_eq!(keys(hop), ["from", "type", "direction", "to", "attributes", "confidence", "evidence"]);
            let text = |value: &Value| value.as_str().unwrap().to_string();
            (text(&hop["from"]["id"]), text(&hop["type"]), text(&hop["direction"]), text(&hop["to"]["id"]))
        })
        .collect();
    let hop = |a: &str, b: &str, c: &str, d: &str| (a.to_string(), b.to_string(), c.to_string(), d.to_string());
    assert_eq!(
        hops,
        [
            hop("location-accra", "LOCATED_IN", "outgoing", "country-ghana"),
            hop("country-ghana", "HOLDS_ROLE", "incoming", "person-ama-mensah"),
            hop("person-ama-mensah", "MET", "symmetric", "person-luis-quispe"),
        ]
    );

    let relations = query_json(dir.path(), &["relations", "--type", "HOLDS_ROLE"]);
    assert_eq!(keys(&relations), ["question", "filter", "relations"]);
    assert_eq!(relations["filter"], serde_json::json!({"type": "HOLDS_ROLE", "source": null, "target": null}));
    let first = &relations["relations"][0];
    assert_eq!(keys(first), ["source", "type", "target", "attributes", "confidence", "evidence_count", "evidence"]);
    assert_eq!(first["attributes"], serde_json::json!({"role": "President"}));
    // --json is global: it may come before the question too.
    assert_eq!(support::run_ok(dir.path(), &["query", "--json", "-g", "graph.json", "met"]), query(dir.path(), &["met", "--json"]));
}

#[test]
fn ambiguous_and_unknown_names() {
    let mut graph = sample_graph();
    let mut kofi = graph.graph[graph.by_id[&EntityId("person-ama-mensah".into())]].clone();
    kofi.id = EntityId("person-kofi-mensah".into());
    kofi.label = "Kofi Mensah".into();
    kofi.aliases = ["Kofi Mensah".to_string(), "Mensah".to_string()].into();
    graph.add_node(kofi);
    let dir = graph_dir(&graph);
    assert_eq!(
        query_fails(dir.path(), &["-g", "graph.json", "met", "Mensah"]),
        "newsgraph: error: graph.json: 'Mensah' names 2 entities; use a fuller name or an id:
  Ama Mensah (Person, person-ama-mensah)
  Kofi Mensah (Person, person-kofi-mensah)
"
    );
    // A fuller name or the id settles it.
    assert!(query(dir.path(), &["met", "Kofi Mensah"]).starts_with("Kofi Mensah (Person, person-kofi-mensah): no meetings"));
    assert!(query(dir.path(), &["entity", "person-ama-mensah"]).starts_with("Ama Mensah\n"));
    assert_eq!(
        query_fails(dir.path(), &["-g", "graph.json", "entity", "Mensha"]),
        "newsgraph: error: graph.json: no entity named 'Mensha' in the graph; did you mean:
  Ama Mensah (Person, person-ama-mensah)
  Kofi Mensah (Person, person-kofi-mensah)
"
    );
    assert_eq!(
        query_fails(dir.path(), &["-g", "graph.json", "path", "Accra", "Atlantis"]),
        "newsgraph: error: graph.json: no entity named 'Atlantis' in the graph\n"
    );
    for args in [["neighbors", "Quipse", "", ""], ["relations", "--source", "Quipse", ""], ["relations", "--target", "Quipse", ""]] {
        let mut all = vec!["-g", "graph.json"];
        all.extend(args.iter().filter(|arg| !arg.is_empty()));
        let stderr = query_fails(dir.path(), &all);
        assert!(
            stderr.contains("graph.json: no entity named 'Quipse' in the graph; did you mean:\n  Luis Quispe (Person, person-luis-quispe)"),
            "{stderr}"
        );
    }
}

#[test]
fn bad_graph_files_are_errors_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("broken.json"), "{\"directed\": true, \"nodes\": [").unwrap();
    std::fs::write(dir.path().join("other.json"), "{\"format\": 1, \"entities\": []}").unwrap();
    std::fs::write(dir.path().join("empty.json"), "").unwrap();
    for (args, message) in [
        (vec!["met"], "output/graph.json: no such file; write one with `newsgraph build ARTICLES -o DIR` or pass --graph FILE"),
        (vec!["-g", "missing.json", "entity", "Ghana"], "missing.json: no such file"),
        (vec!["-g", "broken.json", "met"], "broken.json: not a newsgraph graph.json: EOF while parsing"),
        (vec!["-g", "other.json", "relations"], "other.json: not a newsgraph graph.json: missing field"),
        (vec!["-g", "empty.json", "path", "A", "B"], "empty.json: file is empty"),
    ] {
        let stderr = query_fails(dir.path(), &args);
        assert!(stderr.starts_with("newsgraph: error: ") && stderr.contains(message), "{args:?}: expected {message:?} in {stderr}");
    }
}

#[test]
fn adversarial_names_stay_on_one_line() {
    let graph = adversarial_graph();
    let dir = graph_dir(&graph);
    let table = query(dir.path(), &["relations"]);
    // A title, a header and one row per edge: no label or quote broke a line.
    assert_eq!(table.lines().count(), 2 + ADVERSARIAL_NAMES.len(), "{table}");
    assert!(table.contains("\nLine Break Council  "), "{table}");
    assert!(table.lines().all(|line| line == line.trim_end()), "no trailing spaces:\n{table}");
    // JSON carries every label unchanged, newline included.
    let relations = query_json(dir.path(), &["relations"]);
    let labels: BTreeSet<&str> =
        relations["relations"].as_array().unwrap().iter().map(|row| row["source"]["label"].as_str().unwrap()).collect();
    assert_eq!(labels, ADVERSARIAL_NAMES.iter().copied().collect());
    for name in ADVERSARIAL_NAMES {
        let card = query_json(dir.path(), &["entity", name]);
        assert_eq!(card["label"], name);
    }
}

#[test]
fn seeds_graph_entity_and_relations() {
    let out = support::build_seeds(&[]);
    let graph_json: Value = serde_json::from_str(&std::fs::read_to_string(out.path().join("graph.json")).unwrap()).unwrap();
    let run = |args: &[&str]| {
        let mut all = vec!["query", "-g", "graph.json"];
        all.extend(args);
        support::run_ok(out.path(), &all)
    };
    let run_json = |args: &[&str]| -> Value {
        let mut all = args.to_vec();
        all.push("--json");
        serde_json::from_str(&run(&all)).unwrap_or_else(|error| panic!("query {args:?} --json: {error}"))
    };
    let nodes = graph_json["nodes"].as_array().unwrap();
    let edges = graph_json["edges"].as_array().unwrap();
    assert!(!nodes.is_empty(), "the seeds give entities");
    let text = |value: &Value| value.as_str().unwrap().to_string();

    // The most mentioned entity (ties by id): its card matches graph.json.
    let top = nodes.iter().max_by_key(|node| (node["mention_count"].as_u64(), std::cmp::Reverse(text(&node["id"])))).unwrap();
    let id = text(&top["id"]);
    let card = run_json(&["entity", &id]);
    assert_eq!(
        (&card["id"], &card["label"], &card["type"], &card["mention_count"]),
        (&top["id"], &top["label"], &top["type"], &top["mention_count"])
    );
    let documents: Vec<String> = card["documents"].as_array().unwrap().iter().map(|document| text(&document["id"])).collect();
    let expected: Vec<String> = top["documents"].as_array().unwrap().iter().map(text).collect();
    assert_eq!(documents, expected);
    for document in card["documents"].as_array().unwrap() {
        let meta = graph_json["graph"]["documents"].as_array().unwrap().iter().find(|meta| meta["id"] == document["id"]).unwrap();
        assert_eq!(document["date"], meta["date"], "{document}");
    }
    let touching =
        edges.iter().filter(|edge| (edge["source"] == top["id"] || edge["target"] == top["id"]) && edge["type"] != "CO_OCCURS").count();
    let listed = card["roles"].as_array().unwrap().len()
        + card["role_holders"].as_array().unwrap().len()
        + card["relations"].as_array().unwrap().len();
    assert_eq!(listed, touching);
    let label = text(&top["label"]);
    assert!(run(&["entity", &id]).starts_with(&format!("{label}\n  type ")));

    // Every typed relation once, each naming nodes of the graph.
    let relations = run_json(&["relations"]);
    let rows = relations["relations"].as_array().unwrap();
    assert_eq!(rows.len(), edges.iter().filter(|edge| edge["type"] != "CO_OCCURS").count());
    let ids: BTreeSet<String> = nodes.iter().map(|node| text(&node["id"])).collect();
    for row in rows {
        assert!(ids.contains(&text(&row["source"]["id"])) && ids.contains(&text(&row["target"]["id"])), "{row}");
        // The first five pieces of evidence (the default of --evidence), and the count of all.
        let count = row["evidence_count"].as_u64().unwrap();
        assert_eq!(row["evidence"].as_array().map(|evidence| evidence.len() as u64), Some(count.min(5)), "{row}");
    }
    let table = run(&["relations"]);
    assert!(table.starts_with(&format!("{} relation", rows.len())), "{table}");

    // MET edges may not exist yet for the seeds: only the shape is asserted.
    let met = run_json(&["met"]);
    assert_eq!(keys(&met), ["question", "entity", "meetings"]);
    let n_met_edges = edges.iter().filter(|edge| edge["type"] == "MET").count();
    assert!(met["meetings"].as_array().unwrap().len() <= n_met_edges);
}
