"""Load a newsgraph export with the real tool a user would use, and print
what the tool saw as JSON on stdout, for tests/it/export.rs to compare.

    python3 load_graph.py networkx-json  graph.json
    python3 load_graph.py networkx-graphml graph.graphml
    python3 load_graph.py cytoscape      graph.cytoscape.json
    python3 load_graph.py rdflib         graph.ttl

A missing Python package exits with status 3 and says what to install.
Output is ASCII JSON (non-ASCII escaped), so the console encoding never matters.
"""

import argparse
import importlib
import json
import sys

ONTOLOGY = "https://newsgraph.dev/ontology#"
ENTITY = "https://newsgraph.dev/entity/"


def require(module_name):
    """Imports a module, or exits with status 3 saying what to install."""
    try:
        return importlib.import_module(module_name)
    except ImportError as error:
        print(
            f"missing Python package '{module_name}' ({error}); "
            "install the test requirements: pip install -r tests/requirements.txt",
            file=sys.stderr,
        )
        sys.exit(3)


def networkx_summary(graph):
    """Nodes and edges of a NetworkX graph with all their attributes."""
    edges = []
    if graph.is_multigraph():
        for source, target, key, data in graph.edges(keys=True, data=True):
            edges.append({"source": source, "target": target, "key": key, "data": data})
    else:
        for source, target, data in graph.edges(data=True):
            edges.append({"source": source, "target": target, "key": None, "data": data})
    return {
        "directed": graph.is_directed(),
        "multigraph": graph.is_multigraph(),
        "graph": dict(graph.graph),
        "nodes": [{"id": node, "data": data} for node, data in graph.nodes(data=True)],
        "edges": edges,
    }


def load_networkx_json(path):
    networkx = require("networkx")
    with open(path, encoding="utf-8") as file:
        data = json.load(file)
    return networkx_summary(networkx.node_link_graph(data, edges="edges"))


def load_networkx_graphml(path):
    networkx = require("networkx")
    return networkx_summary(networkx.read_graphml(path))


def load_cytoscape(path):
    with open(path, encoding="utf-8") as file:
        return json.load(file)


def load_rdflib(path):
    rdflib = require("rdflib")
    graph = rdflib.Graph()
    graph.parse(path, format="turtle")
    bindings = {
        "ng": rdflib.Namespace(ONTOLOGY),
        "rdf": rdflib.RDF,
        "rdfs": rdflib.RDFS,
        "skos": rdflib.SKOS,
    }
    entities = {}
    for row in graph.query(
        "SELECT ?entity ?type ?label WHERE { ?entity a ?type ; rdfs:label ?label . "
        f"FILTER(STRSTARTS(STR(?type), \"{ONTOLOGY}\")) }}",
        initNs=bindings,
    ):
        entities[str(row.entity)] = {"iri": str(row.entity), "type": str(row.type), "label": str(row.label), "alt_labels": []}
    for row in graph.query("SELECT ?entity ?alias WHERE { ?entity skos:altLabel ?alias }", initNs=bindings):
        entities[str(row.entity)]["alt_labels"].append(str(row.alias))
    statements = {}
    for row in graph.query(
        "SELECT ?statement ?subject ?predicate ?object WHERE { ?statement a rdf:Statement ; "
        "rdf:subject ?subject ; rdf:predicate ?predicate ; rdf:object ?object }",
        initNs=bindings,
    ):
        statements[row.statement] = {
            "subject": str(row.subject),
            "predicate": str(row.predicate),
            "object": str(row.object),
            "literals": {},
            "quotes": [],
        }
    for statement, record in statements.items():
        for predicate, value in graph.predicate_objects(statement):
            if isinstance(value, rdflib.Literal):
                record["literals"][str(predicate)] = str(value)
        for row in graph.query(
            "SELECT ?quote WHERE { ?statement ng:evidence ?evidence . ?evidence a ng:Evidence ; ng:quote ?quote }",
            initNs=bindings,
            initBindings={"statement": statement},
        ):
            record["quotes"].append(str(row.quote))
    relations = [
        [str(subject), str(predicate), str(obj)]
        for subject, predicate, obj in graph
        if str(predicate).startswith(ONTOLOGY) and isinstance(obj, rdflib.URIRef) and str(obj).startswith(ENTITY)
    ]
    return {
        "triple_count": len(graph),
        "entities": sorted(entities.values(), key=lambda entity: entity["iri"]),
        "statements": sorted(statements.values(), key=lambda s: (s["subject"], s["predicate"], s["object"], sorted(s["literals"].items()))),
        "relations": sorted(relations),
    }


LOADERS = {
    "networkx-json": load_networkx_json,
    "networkx-graphml": load_networkx_graphml,
    "cytoscape": load_cytoscape,
    "rdflib": load_rdflib,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("loader", choices=sorted(LOADERS))
    parser.add_argument("path")
    arguments = parser.parse_args()
    json.dump(LOADERS[arguments.loader](arguments.path), sys.stdout, sort_keys=True, default=str)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
