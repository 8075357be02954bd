"""Bulk-load newsgraph's `neo4j-csv` export into a fresh kuzu database and
print what kuzu holds, as JSON, for the Rust test in tests/it/databases.rs.

Usage: python3 tests/python/db_kuzu_load.py CSV_DIR [--database PATH]

With --database the kuzu database is created at PATH (which must not exist)
and kept, so the script also serves kuzu users; without it the database
lives in a temporary folder.

kuzu reads the very files written for neo4j-admin: `LOAD WITH HEADERS`
names and types the columns itself (kuzu would otherwise read the
`name:type` headers as its own types), `string_split` on U+001F turns the
neo4j arrays into kuzu lists, and `COPY ... FROM (LOAD ...)` bulk-loads them:
one node table `Entity`, one relationship table per `:TYPE`.

Prints {"kuzu_version", "nodes": [...], "relationship_counts": {...},
"met": [...], "evidence_quotes": [...], "roles": [...]}.
"""

import argparse
import csv
import json
import sys
import tempfile
from pathlib import Path

try:
    import kuzu
except ImportError as error:
    sys.exit(f"kuzu is needed for this test: pip install -r tests/requirements.txt (kuzu); {error}")

ARRAY_DELIMITER = "\x1f"

# neo4j-admin header types -> kuzu column types.
KUZU_TYPES = {
    "": "STRING",
    "string": "STRING",
    "long": "INT64",
    "int": "INT64",
    "double": "DOUBLE",
    "float": "DOUBLE",
    "string[]": "STRING[]",
    "long[]": "INT64[]",
    "int[]": "INT64[]",
    "double[]": "DOUBLE[]",
    "float[]": "DOUBLE[]",
}


def read_header(path):
    with open(path, newline="", encoding="utf-8") as file:
        return next(csv.reader(file))


def split_column(header_field):
    """`aliases:string[]` -> ("aliases", "STRING[]"); `:LABEL` -> ("labels", "STRING[]")."""
    name, _, neo4j_type = header_field.partition(":")
    if name == "":
        # kuzu names are case-insensitive, so `:LABEL` cannot become `LABEL` beside `label`.
        special = {"LABEL": ("labels", "STRING[]"), "START_ID": ("start_id", "STRING"), "END_ID": ("end_id", "STRING"), "TYPE": ("relation_type", "STRING")}
        if neo4j_type not in special:
            sys.exit(f"{header_field}: unknown neo4j-admin column")
        return special[neo4j_type]
    if neo4j_type == "ID":
        return name, "STRING"
    if neo4j_type not in KUZU_TYPES:
        sys.exit(f"{header_field}: unknown neo4j-admin type '{neo4j_type}'")
    return name, KUZU_TYPES[neo4j_type]


def scan_source(path, columns):
    """`LOAD WITH HEADERS (...) FROM 'path'`: every column read as text, converted in RETURN."""
    declared = ", ".join(f"`{name}` STRING" for name, _ in columns)
    quoted_path = path.replace("\\", "\\\\").replace("'", "\\'")
    # parallel=false: kuzu's parallel CSV reader rejects quoted fields that span lines.
    return f"LOAD WITH HEADERS ({declared}) FROM '{quoted_path}' (header=true, parallel=false)"


def converted(name, kuzu_type):
    """The RETURN expression that turns the text column `name` into `kuzu_type`."""
    text = f"coalesce(`{name}`, '')"
    if kuzu_type == "STRING":
        return text
    if kuzu_type == "STRING[]":
        return f"string_split({text}, '{ARRAY_DELIMITER}')"
    if kuzu_type.endswith("[]"):
        return f"CASE WHEN {text} = '' THEN CAST([] AS {kuzu_type}) ELSE CAST(string_split({text}, '{ARRAY_DELIMITER}') AS {kuzu_type}) END"
    return f"CAST(`{name}` AS {kuzu_type})"


def rows(connection, query):
    result = connection.execute(query)
    out = []
    while result.has_next():
        out.append(result.get_next())
    return out


def load(connection, csv_dir):
    nodes_path = (csv_dir / "nodes.csv").as_posix()
    relationships_path = (csv_dir / "relationships.csv").as_posix()

    node_columns = [split_column(field) for field in read_header(nodes_path)]
    definitions = ", ".join(f"`{name}` {kuzu_type}" for name, kuzu_type in node_columns)
    connection.execute(f"CREATE NODE TABLE Entity({definitions}, PRIMARY KEY(`{node_columns[0][0]}`))")
    returned = ", ".join(converted(name, kuzu_type) for name, kuzu_type in node_columns)
    connection.execute(f"COPY Entity FROM ({scan_source(nodes_path, node_columns)} RETURN {returned})")

    relationship_columns = [split_column(field) for field in read_header(relationships_path)]
    property_columns = [(name, kuzu_type) for name, kuzu_type in relationship_columns if name not in ("start_id", "end_id", "relation_type")]
    with open(relationships_path, newline="", encoding="utf-8") as file:
        types = sorted({row[":TYPE"] for row in csv.DictReader(file)})
    for relation_type in types:
        definitions = "".join(f", `{name}` {kuzu_type}" for name, kuzu_type in property_columns)
        connection.execute(f"CREATE REL TABLE {relation_type}(FROM Entity TO Entity{definitions})")
        returned = ", ".join(["start_id", "end_id"] + [converted(name, kuzu_type) for name, kuzu_type in property_columns])
        source = scan_source(relationships_path, relationship_columns)
        connection.execute(f"COPY {relation_type} FROM ({source} WHERE relation_type = '{relation_type}' RETURN {returned})")
    return types


def main():
    parser = argparse.ArgumentParser(description="Bulk-load newsgraph's neo4j-csv export into kuzu.")
    parser.add_argument("csv_dir", type=Path, help="the folder holding nodes.csv and relationships.csv")
    parser.add_argument("--database", type=Path, help="create and keep the kuzu database here")
    args = parser.parse_args()
    if args.database is not None and args.database.exists():
        sys.exit(f"{args.database}: already exists; kuzu loads into a new database")
    with tempfile.TemporaryDirectory() as work:
        database = kuzu.Database(str(args.database or Path(work) / "graph.kuzu"))
        connection = kuzu.Connection(database)
        types = load(connection, args.csv_dir.resolve())
        nodes = rows(connection, "MATCH (n:Entity) RETURN n.id, n.labels, n.type, n.label, n.aliases, n.mention_count, n.documents ORDER BY n.id")
        counts = {t: rows(connection, f"MATCH ()-[r:{t}]->() RETURN count(r)")[0][0] for t in types}
        met = []
        if "MET" in types:
            met = rows(connection, "MATCH (a:Entity)-[m:MET]->(b:Entity) RETURN a.id, b.id, a.label, b.label, m.kind ORDER BY a.id, b.id")
        evidence_quotes = sorted(
            quote for t in types for (quote,) in rows(connection, f"MATCH ()-[r:{t}]->() UNWIND r.evidence_quotes AS quote RETURN quote")
        )
        roles = []
        if "HOLDS_ROLE" in types:
            roles = rows(connection, "MATCH (p:Entity)-[h:HOLDS_ROLE]->(o:Entity) RETURN p.id, h.role, o.id ORDER BY p.id, o.id")
        connection.close()
        database.close()
    print(
        json.dumps(
            {
                "kuzu_version": kuzu.__version__,
                "nodes": [
                    {"id": i, "labels": l, "type": t, "label": n, "aliases": a, "mention_count": c, "documents": d}
                    for i, l, t, n, a, c, d in nodes
                ],
                "relationship_counts": counts,
                "met": [{"source": s, "target": t, "source_label": sl, "target_label": tl, "kind": k} for s, t, sl, tl, k in met],
                "evidence_quotes": evidence_quotes,
                "roles": [{"person": p, "role": r, "of": o} for p, r, o in roles],
            },
            ensure_ascii=False,
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
