//! The RDF writer: Turtle through oxrdf terms and oxttl's serializer, which
//! does all of the escaping.
//!
//! Namespaces: `ng:` = `https://newsgraph.dev/ontology#` (classes and
//! properties), `ent:` = `https://newsgraph.dev/entity/` (one IRI per entity:
//! `ent:` + its id, percent-encoded outside `[A-Za-z0-9-._~]`), and the
//! standard `rdf:`, `rdfs:`, `skos:`, `xsd:`.
//!
//! ```text
//! ent:person-ama-mensah a ng:Person ;              # ng:Country, ng:Organization, ...
//!     rdfs:label "Ama Mensah" ;
//!     skos:altLabel "Mensah" , "Ms. Mensah" ;      # aliases other than the label
//!     ng:mentionCount 1 ;
//!     ng:document "sample" ;                       # document ids, as strings
//!     ng:HOLDS_ROLE ent:country-ghana .            # one triple per relation
//! _:r0 a rdf:Statement ;                           # the relation, reified
//!     rdf:subject ent:person-ama-mensah ; rdf:predicate ng:HOLDS_ROLE ; rdf:object ent:country-ghana ;
//!     ng:role "President" ;                        # each attribute: ng:NAME
//!     ng:confidence 0.9 ; ng:weight 1 ; ng:evidenceCount 1 ;
//!     ng:evidence _:r0e0 .
//! _:r0e0 a ng:Evidence ; ng:quote "…" ; ng:document "sample" ;
//!     ng:date "2024-05-06"^^xsd:date ; ng:sentenceStart 0 ; ng:sentenceEnd 77 ;
//!     ng:triggerStart 6 ; ng:triggerEnd 15 ; ng:trigger "President" ;
//!     ng:rule "holds_role.title_before_name" ; ng:confidence 0.9 .
//! ```
//!
//! Relation predicates are the relation type names used everywhere else
//! (`ng:MET`, `ng:HOLDS_ROLE`). Evidence hangs off a classic `rdf:Statement`
//! rather than an RDF-star quoted triple: every RDF 1.1 tool, rdflib
//! included, reads reification, while RDF-star Turtle is not yet a standard
//! that most parsers accept. Relations of one type between the same two
//! entities (two roles, say) share their plain triple but have a statement each.

use super::columns::{attribute_column_name, format_real};
use crate::graph::{EntityId, EntityNode, Evidence, KnowledgeGraph, RelationEdge, RelationKind};
use oxrdf::vocab::{rdf, rdfs, xsd};
use oxrdf::{BlankNode, Literal, NamedNode, NamedNodeRef, SubjectRef, TermRef, TripleRef};
use oxttl::turtle::WriterTurtleSerializer;
use oxttl::TurtleSerializer;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use std::collections::{BTreeMap, BTreeSet};

/// Classes and properties.
pub const ONTOLOGY_NAMESPACE: &str = "https://newsgraph.dev/ontology#";
/// Entities: this + the percent-encoded entity id.
pub const ENTITY_NAMESPACE: &str = "https://newsgraph.dev/entity/";
const SKOS_NAMESPACE: &str = "http://www.w3.org/2004/02/skos/core#";

/// What stays as is in an IRI segment: RFC 3986 unreserved characters.
const IRI_SEGMENT_KEEP: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// The graph as Turtle; byte-identical for the same graph.
pub fn to_turtle(graph: &KnowledgeGraph) -> String {
    let mut output = TurtleOutput::new();
    let edges = graph.edges();
    // The plain relation triples of each entity, written with its other
    // triples so that Turtle groups them under one subject.
    let mut relations_by_source: BTreeMap<&EntityId, BTreeSet<(RelationKind, &EntityId)>> = BTreeMap::new();
    for (source, target, edge) in &edges {
        relations_by_source.entry(&source.id).or_default().insert((edge.kind, &target.id));
    }
    for (_, node) in graph.nodes() {
        describe_entity(&mut output, node);
        for (kind, target) in relations_by_source.get(&node.id).into_iter().flatten() {
            output.triple(&entity_iri(&node.id), ontology_term(kind.as_str()).as_ref(), &entity_iri(target));
        }
    }
    for (number, (source, target, edge)) in edges.iter().enumerate() {
        describe_statement(&mut output, number, source, target, edge);
    }
    output.finish()
}

/// The IRI of an entity.
pub fn entity_iri(id: &EntityId) -> NamedNode {
    NamedNode::new_unchecked(format!("{ENTITY_NAMESPACE}{}", utf8_percent_encode(&id.0, IRI_SEGMENT_KEEP)))
}

/// An `ng:` class or property; `name` is percent-encoded as an entity id is.
fn ontology_term(name: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{ONTOLOGY_NAMESPACE}{}", utf8_percent_encode(name, IRI_SEGMENT_KEEP)))
}

/// A Turtle serializer with the namespaces declared, and shorthand for a triple.
struct TurtleOutput {
    serializer: WriterTurtleSerializer<Vec<u8>>,
}

impl TurtleOutput {
    fn new() -> TurtleOutput {
        let mut serializer = TurtleSerializer::new();
        for (prefix, namespace) in [
            ("ng", ONTOLOGY_NAMESPACE),
            ("ent", ENTITY_NAMESPACE),
            ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
            ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
            ("skos", SKOS_NAMESPACE),
            ("xsd", "http://www.w3.org/2001/XMLSchema#"),
        ] {
            serializer = serializer.with_prefix(prefix, namespace).expect("the namespaces are valid IRIs");
        }
        TurtleOutput { serializer: serializer.for_writer(Vec::new()) }
    }

    fn triple<'a>(&mut self, subject: impl Into<SubjectRef<'a>>, predicate: NamedNodeRef<'a>, object: impl Into<TermRef<'a>>) {
        self.serializer.serialize_triple(TripleRef::new(subject, predicate, object)).expect("writing to memory cannot fail");
    }

    fn finish(self) -> String {
        String::from_utf8(self.serializer.finish().expect("writing to memory cannot fail")).expect("Turtle is UTF-8")
    }
}

fn describe_entity(output: &mut TurtleOutput, node: &EntityNode) {
    let subject = entity_iri(&node.id);
    output.triple(&subject, rdf::TYPE, &ontology_term(node.kind.as_str()));
    output.triple(&subject, rdfs::LABEL, &Literal::new_simple_literal(&node.label));
    let alternative_label = NamedNode::new_unchecked(format!("{SKOS_NAMESPACE}altLabel"));
    for alias in node.aliases.iter().filter(|alias| **alias != node.label) {
        output.triple(&subject, alternative_label.as_ref(), &Literal::new_simple_literal(alias));
    }
    output.triple(&subject, ontology_term("mentionCount").as_ref(), &Literal::from(node.mention_count as u64));
    for document in &node.documents {
        output.triple(&subject, ontology_term("document").as_ref(), &Literal::new_simple_literal(document));
    }
}

/// The reified statement of edge `number`, then its evidence nodes.
fn describe_statement(output: &mut TurtleOutput, number: usize, source: &EntityNode, target: &EntityNode, edge: &RelationEdge) {
    let statement = BlankNode::new_unchecked(format!("r{number}"));
    output.triple(&statement, rdf::TYPE, rdf::STATEMENT);
    output.triple(&statement, rdf::SUBJECT, &entity_iri(&source.id));
    output.triple(&statement, rdf::PREDICATE, &ontology_term(edge.kind.as_str()));
    output.triple(&statement, rdf::OBJECT, &entity_iri(&target.id));
    for (name, value) in &edge.attributes {
        output.triple(&statement, ontology_term(&attribute_column_name(name)).as_ref(), &Literal::new_simple_literal(value));
    }
    output.triple(&statement, ontology_term("confidence").as_ref(), &decimal(edge.confidence));
    output.triple(&statement, ontology_term("weight").as_ref(), &Literal::from(edge.weight));
    output.triple(&statement, ontology_term("evidenceCount").as_ref(), &Literal::from(edge.evidence_count as u64));
    let evidence_nodes: Vec<BlankNode> =
        (0..edge.evidence.len()).map(|evidence_number| BlankNode::new_unchecked(format!("r{number}e{evidence_number}"))).collect();
    for evidence_node in &evidence_nodes {
        output.triple(&statement, ontology_term("evidence").as_ref(), evidence_node);
    }
    for (evidence_node, evidence) in evidence_nodes.iter().zip(&edge.evidence) {
        describe_evidence(output, evidence_node, evidence);
    }
}

fn describe_evidence(output: &mut TurtleOutput, subject: &BlankNode, evidence: &Evidence) {
    output.triple(subject, rdf::TYPE, &ontology_term("Evidence"));
    output.triple(subject, ontology_term("quote").as_ref(), &Literal::new_simple_literal(&evidence.quote));
    output.triple(subject, ontology_term("document").as_ref(), &Literal::new_simple_literal(&evidence.doc));
    if let Some(date) = &evidence.date {
        output.triple(subject, ontology_term("date").as_ref(), &date_literal(date));
    }
    for (property, offset) in [
        ("sentenceStart", evidence.sentence_start),
        ("sentenceEnd", evidence.sentence_end),
        ("triggerStart", evidence.trigger_start),
        ("triggerEnd", evidence.trigger_end),
    ] {
        output.triple(subject, ontology_term(property).as_ref(), &Literal::from(offset));
    }
    output.triple(subject, ontology_term("trigger").as_ref(), &Literal::new_simple_literal(&evidence.trigger));
    output.triple(subject, ontology_term("rule").as_ref(), &Literal::new_simple_literal(&evidence.rule));
    output.triple(subject, ontology_term("confidence").as_ref(), &decimal(evidence.confidence));
}

/// An `xsd:decimal` (`0.9`); a non-finite number, which has no decimal form, as a plain string.
fn decimal(value: f32) -> Literal {
    if value.is_finite() {
        Literal::new_typed_literal(format_real(value), xsd::DECIMAL)
    } else {
        Literal::new_simple_literal(value.to_string())
    }
}

/// An `xsd:date` for a `YYYY-MM-DD` date, a plain string for anything else.
fn date_literal(date: &str) -> Literal {
    let parts: Vec<&str> = date.split('-').collect();
    let is_iso_date = matches!(parts.as_slice(), [year, month, day]
        if year.len() == 4 && month.len() == 2 && day.len() == 2
            && [year, month, day].iter().all(|part| part.bytes().all(|byte| byte.is_ascii_digit()))
            && (1..=12).contains(&month.parse::<u32>().unwrap_or(0))
            && (1..=31).contains(&day.parse::<u32>().unwrap_or(0)));
    if is_iso_date {
        Literal::new_typed_literal(date, xsd::DATE)
    } else {
        Literal::new_simple_literal(date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::sample::{adversarial_graph, sample_graph};
    use oxttl::TurtleParser;

    #[test]
    fn iri_segments_are_percent_encoded() {
        for (id, iri) in [
            ("person-ama-mensah", "https://newsgraph.dev/entity/person-ama-mensah"),
            ("a b/c#d\"e", "https://newsgraph.dev/entity/a%20b%2Fc%23d%22e"),
            ("é.x_~", "https://newsgraph.dev/entity/%C3%A9.x_~"),
        ] {
            assert_eq!(entity_iri(&EntityId(id.into())).as_str(), iri);
        }
    }

    #[test]
    fn dates_and_decimals() {
        assert_eq!(date_literal("2024-05-06").to_string(), "\"2024-05-06\"^^<http://www.w3.org/2001/XMLSchema#date>");
        for not_a_date in ["2024-13-01", "2024-05", "May 6, 2024", "2024-05-6"] {
            assert!(date_literal(not_a_date).is_plain(), "{not_a_date}");
        }
        assert_eq!(decimal(0.9).value(), "0.9");
        assert!(decimal(f32::NAN).is_plain());
    }

    #[test]
    fn sample_graph_triples() {
        let turtle = to_turtle(&sample_graph());
        for expected in [
            "@prefix ng: <https://newsgraph.dev/ontology#> .",
            "ent:person-ama-mensah a ng:Person ;",
            "\trdfs:label \"Ama Mensah\" ;",
            "\tskos:altLabel \"Mensah\" , \"Ms. Mensah\" ;",
            "\tng:HOLDS_ROLE ent:country-ghana ;",
            "\tng:role \"President\" ;",
            "\tng:date \"2024-05-06\"^^xsd:date ;",
            "\tng:confidence 0.9 .",
        ] {
            assert!(turtle.contains(expected), "{expected:?} missing:\n{turtle}");
        }
        assert_eq!(turtle, to_turtle(&sample_graph()), "deterministic");
    }

    #[test]
    fn adversarial_names_parse_back_through_oxttl() {
        let turtle = to_turtle(&adversarial_graph());
        let labels: BTreeSet<String> = TurtleParser::new()
            .for_slice(turtle.as_bytes())
            .map(|triple| triple.unwrap())
            .filter(|triple| triple.predicate.as_ref() == rdfs::LABEL)
            .map(|triple| match triple.object {
                oxrdf::Term::Literal(literal) => literal.value().to_string(),
                other => panic!("label is not a literal: {other}"),
            })
            .collect();
        let expected: BTreeSet<String> = crate::graph::sample::ADVERSARIAL_NAMES.iter().map(|name| name.to_string()).collect();
        assert_eq!(labels, expected);
    }
}
