//! A small hand-made graph (invented facts) for tests and docs of the
//! writers, the query engine and the evaluator.

use super::*;

fn node(kind: EntityKind, label: &str, aliases: &[&str], doc: &str) -> EntityNode {
    let mut all: BTreeSet<String> = aliases.iter().map(|a| a.to_string()).collect();
    all.insert(label.to_string());
    EntityNode {
        id: EntityId::new(kind, label),
        kind,
        label: label.to_string(),
        aliases: all,
        names: [(label.to_string(), NameVotes { entities: 1, mentions: 1 })].into(),
        mention_count: 1,
        documents: [doc.to_string()].into(),
        document_count: 1,
        mentions: vec![MentionRecord { doc: doc.to_string(), start: 0, end: label.chars().count() as u32, text: label.to_string() }],
    }
}

fn evidence(quote: &str, trigger: &str, rule: &str) -> Evidence {
    let trigger_start = quote.find(trigger).map(|b| crate::span::prefix(quote, b).chars().count()).unwrap_or(0) as u32;
    Evidence {
        doc: "sample".into(),
        date: Some("2024-05-06".into()),
        quote: quote.into(),
        sentence_start: 0,
        sentence_end: quote.chars().count() as u32,
        trigger_start,
        trigger_end: trigger_start + trigger.chars().count() as u32,
        trigger: trigger.into(),
        rule: rule.into(),
        confidence: 0.9,
    }
}

/// Ghana's president met Peru's foreign minister; both hold roles; Ghana is
/// a member of the African Union; Accra is in Ghana; a resolution was
/// adopted by the Security Council and authorizes a mission that Ghana leads.
pub fn sample_graph() -> KnowledgeGraph {
    let mut graph = KnowledgeGraph::default();
    graph.meta.documents.push(DocumentMeta {
        id: "sample".into(),
        date: Some("2024-05-06".into()),
        title: Some("Envoys meet in Accra".into()),
        path: Some("sample.txt".into()),
        hash: None,
    });
    let ama = graph.add_node(node(EntityKind::Person, "Ama Mensah", &["Mensah", "Ms. Mensah"], "sample"));
    let luis = graph.add_node(node(EntityKind::Person, "Luis Quispe", &["Quispe"], "sample"));
    let ghana = graph.add_node(node(EntityKind::Country, "Ghana", &["Ghanaian"], "sample"));
    let peru = graph.add_node(node(EntityKind::Country, "Peru", &["Peruvian"], "sample"));
    let union = graph.add_node(node(EntityKind::Organization, "African Union", &["AU"], "sample"));
    let council = graph.add_node(node(EntityKind::Organization, "UN Security Council", &["Security Council"], "sample"));
    let mission = graph.add_node(node(EntityKind::Organization, "Coastal Support Mission", &["CSM"], "sample"));
    let resolution = graph.add_node(node(EntityKind::Resolution, "Resolution 9001", &[], "sample"));
    let accra = graph.add_node(node(EntityKind::Location, "Accra", &[], "sample"));
    let mut edge = |source, target, kind, attributes: &[(&str, &str)], quote: &str, trigger: &str, rule: &str| {
        graph.graph.add_edge(
            source,
            target,
            RelationEdge {
                kind,
                attributes: attributes.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
                evidence: vec![evidence(quote, trigger, rule)],
                confidence: 0.9,
                weight: 1,
                evidence_count: 1,
            },
        );
    };
    edge(
        ama,
        ghana,
        RelationKind::HoldsRole,
        &[("role", "President")],
        "Ghana President Ama Mensah met Peru's Foreign Minister Luis Quispe in Accra.",
        "President",
        "holds_role.title_before_name",
    );
    edge(
        luis,
        peru,
        RelationKind::HoldsRole,
        &[("role", "Foreign Minister")],
        "Ghana President Ama Mensah met Peru's Foreign Minister Luis Quispe in Accra.",
        "Foreign Minister",
        "holds_role.title_before_name",
    );
    edge(
        ama,
        luis,
        RelationKind::Met,
        &[("kind", "met")],
        "Ghana President Ama Mensah met Peru's Foreign Minister Luis Quispe in Accra.",
        "met",
        "met.verb",
    );
    edge(
        ghana,
        union,
        RelationKind::MemberOf,
        &[],
        "Ghana, a member of the African Union, backed the plan.",
        "a member of",
        "member_of.apposition",
    );
    edge(accra, ghana, RelationKind::LocatedIn, &[], "Accra, Ghana's capital, hosted the talks.", "capital", "located_in.capital_of");
    edge(council, resolution, RelationKind::Adopted, &[], "The Security Council adopted Resolution 9001.", "adopted", "adopted.verb");
    edge(
        resolution,
        mission,
        RelationKind::Authorizes,
        &[],
        "Resolution 9001 authorizes the Coastal Support Mission.",
        "authorizes",
        "authorizes.verb",
    );
    edge(ghana, mission, RelationKind::Leads, &[], "The Ghana-led Coastal Support Mission (CSM) starts in June.", "led", "leads.x_led");
    edge(peru, resolution, RelationKind::Abstained, &[], "Peru abstained on Resolution 9001.", "abstained", "vote.abstained");
    graph
}

/// Names that break naive writers: quotes, backslashes, a newline, markup,
/// a Cypher injection, emoji and Arabic script. Every export must carry them
/// through its real loader unchanged.
pub const ADVERSARIAL_NAMES: [&str; 8] = [
    "Quote \"Q\" O'Brien",
    "Back\\slash Institute",
    "Line\nBreak Council",
    "</key><key id=\"x\">",
    "\"]; DROP GRAPH newsgraph; //",
    "Peace 🕊️ Mission",
    "محمد بن سلمان",
    "Tom & Jerry <b>Union</b>",
];

/// A graph whose labels, aliases, attributes and evidence are the
/// [`ADVERSARIAL_NAMES`], linked in a ring of MET, HOLDS_ROLE and LEADS edges.
pub fn adversarial_graph() -> KnowledgeGraph {
    let mut graph = KnowledgeGraph::default();
    graph.meta.documents.push(DocumentMeta {
        id: "adversarial \"doc\"".into(),
        date: Some("2024-01-02".into()),
        title: Some("Title with <tags> & \"quotes\"\nand a newline".into()),
        path: None,
        hash: None,
    });
    let kinds = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Organization,
        EntityKind::Location,
        EntityKind::Organization,
        EntityKind::Organization,
        EntityKind::Person,
        EntityKind::Organization,
    ];
    let indices: Vec<_> = ADVERSARIAL_NAMES
        .iter()
        .zip(kinds)
        .map(|(name, kind)| {
            graph.add_node(node(kind, name, &[&format!("{name} (alias)"), "'single' \\ \"double\""], "adversarial \"doc\""))
        })
        .collect();
    for (i, &source) in indices.iter().enumerate() {
        let target = indices[(i + 1) % indices.len()];
        let (kind, attributes) = match i % 3 {
            0 => (RelationKind::Met, vec![("kind".to_string(), "met".to_string())]),
            1 => (RelationKind::HoldsRole, vec![("role".to_string(), format!("Chair \"{i}\" <&>"))]),
            _ => (RelationKind::Leads, Vec::new()),
        };
        let quote = format!(
            "{} met {} — “quoted”, 'single', \\back\\, <tag> & ; DROP",
            ADVERSARIAL_NAMES[i],
            ADVERSARIAL_NAMES[(i + 1) % ADVERSARIAL_NAMES.len()]
        );
        let mut evidence = evidence(&quote, "met", "sample.adversarial");
        evidence.doc = "adversarial \"doc\"".into();
        graph.graph.add_edge(
            source,
            target,
            RelationEdge {
                kind,
                attributes: attributes.into_iter().collect(),
                evidence: vec![evidence],
                confidence: 0.5,
                weight: 1,
                evidence_count: 1,
            },
        );
    }
    graph
}

#[cfg(test)]
mod tests {
    #[test]
    fn adversarial_graph_round_trips_through_json() {
        let graph = super::adversarial_graph();
        let json = graph.to_json();
        let back = crate::graph::KnowledgeGraph::from_json(&json).unwrap();
        assert_eq!(back.to_json(), json);
        assert_eq!(back.graph.node_count(), super::ADVERSARIAL_NAMES.len());
        assert_eq!(back.graph.edge_count(), super::ADVERSARIAL_NAMES.len());
    }
}
