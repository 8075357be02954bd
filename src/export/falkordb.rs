//! `newsgraph push`: load a `graph.json` into a running FalkorDB server.
//!
//! The graph goes over the Redis protocol (the `redis` crate) as
//! `GRAPH.QUERY NAME <cypher>` commands. Each command carries one batch:
//! `UNWIND [{id: …, properties: {…}}, …] AS row` followed by the very `MERGE`
//! clause the [`super::cypher`] script uses, with `row.…` in place of the
//! literals. So pushing is idempotent (pushing twice leaves the same nodes
//! and edges), agrees with loading the script, and a second corpus pushed
//! into the same graph updates the entities they share.
//!
//! Nodes go first, batched by entity kind (a label cannot come from a
//! value); edges follow, batched by relation type and attribute names.
//! To start again from nothing, delete the graph: `GRAPH.DELETE NAME`.

use super::cypher::{self, merge_edge_clause, merge_node_clause, string_literal};
use super::properties;
use crate::cli::PushArgs;
use crate::error::{Error, Result};
use crate::graph::{EntityKind, EntityNode, KnowledgeGraph, RelationEdge, RelationKind};
use std::collections::BTreeMap;
use std::time::Duration;

/// A connection to one FalkorDB server.
pub struct FalkorDb {
    /// The URL as messages show it, password masked.
    url: String,
    connection: redis::Connection,
    timeout: Duration,
}

/// How long `push` waits for the connection and for each reply, unless `--timeout` says.
pub const DEFAULT_TIMEOUT_SECS: u64 = 30;

/// `url` with the password of `user:password@` replaced by `***`.
pub fn mask_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_string() };
    let authority_end = rest.find('/').unwrap_or(rest.len());
    let Some(at) = rest.get(..authority_end).and_then(|authority| authority.rfind('@')) else { return url.to_string() };
    let (user_info, host) = rest.split_at(at);
    match user_info.split_once(':') {
        Some((user, _password)) => format!("{scheme}://{user}:***{host}"),
        // "redis://secret@host": a bare user info is a password for Redis.
        None => format!("{scheme}://***{host}"),
    }
}

/// The answer to one `GRAPH.QUERY`: column names, rows, and the server's
/// statistics lines (`Nodes created: 3`, ...).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QueryReply {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    pub statistics: Vec<String>,
}

/// One value of a reply. FalkorDB's default (verbose) replies send
/// integers as integers, and strings, floats and booleans as text.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Null,
    Integer(i64),
    Text(String),
    List(Vec<Cell>),
}

/// What a push did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PushSummary {
    pub nodes_sent: usize,
    pub edges_sent: usize,
    pub batches: usize,
    /// Counts in the server's graph after the push.
    pub nodes_in_graph: i64,
    pub edges_in_graph: i64,
}

/// An edge with its source and target nodes, as [`KnowledgeGraph::edges`] gives it.
type EdgeEnds<'a> = (&'a EntityNode, &'a EntityNode, &'a RelationEdge);

/// `newsgraph push GRAPH --falkordb URL --graph NAME [--batch-size N]`.
pub fn run_push(args: &PushArgs) -> Result<()> {
    if args.batch_size == 0 {
        return Err(Error::Usage("--batch-size must be at least 1".into()));
    }
    if args.graph_name.is_empty() {
        return Err(Error::Usage("--graph must name a graph, e.g. --graph newsgraph".into()));
    }
    let graph = KnowledgeGraph::read(&args.graph)?;
    if args.timeout <= 0.0 || !args.timeout.is_finite() {
        return Err(Error::Usage(format!("--timeout must be a positive number of seconds, got {}", args.timeout)));
    }
    let mut server = FalkorDb::connect_with_timeout(&args.falkordb, Duration::from_secs_f64(args.timeout))?;
    let summary = push(&graph, &mut server, &args.graph_name, args.batch_size)?;
    println!(
        "newsgraph: pushed {} nodes and {} edges in {} batches to graph '{}' at {}; it now holds {} nodes and {} edges",
        summary.nodes_sent,
        summary.edges_sent,
        summary.batches,
        args.graph_name,
        mask_password(&args.falkordb),
        summary.nodes_in_graph,
        summary.edges_in_graph
    );
    Ok(())
}

/// Sends every batch of [`batch_queries`] to graph `graph_name`, then counts
/// what the server holds.
pub fn push(graph: &KnowledgeGraph, server: &mut FalkorDb, graph_name: &str, batch_size: usize) -> Result<PushSummary> {
    let queries = batch_queries(graph, batch_size);
    for query in &queries {
        server.query(graph_name, query)?;
    }
    Ok(PushSummary {
        nodes_sent: graph.graph.node_count(),
        edges_sent: graph.graph.edge_count(),
        batches: queries.len(),
        nodes_in_graph: server.count(graph_name, "MATCH (n) RETURN count(n)")?,
        edges_in_graph: server.count(graph_name, "MATCH ()-[r]->() RETURN count(r)")?,
    })
}

/// The queries of a push, in order: node batches by kind, then edge batches
/// by relation type and attribute names, at most `batch_size` rows each.
pub fn batch_queries(graph: &KnowledgeGraph, batch_size: usize) -> Vec<String> {
    let batch_size = batch_size.max(1);
    let mut nodes_by_kind: BTreeMap<EntityKind, Vec<&EntityNode>> = BTreeMap::new();
    for (_, node) in graph.nodes() {
        nodes_by_kind.entry(node.kind).or_default().push(node);
    }
    let mut edges_by_shape: BTreeMap<(RelationKind, Vec<String>), Vec<EdgeEnds<'_>>> = BTreeMap::new();
    for (source, target, edge) in graph.edges() {
        let attribute_names = properties::edge_key(edge).into_iter().map(|(name, _)| name.into_owned()).collect();
        edges_by_shape.entry((edge.kind, attribute_names)).or_default().push((source, target, edge));
    }
    let mut queries = Vec::new();
    for (kind, nodes) in &nodes_by_kind {
        for batch in nodes.chunks(batch_size) {
            let rows: Vec<String> = batch
                .iter()
                .map(|node| {
                    let properties = cypher::map_literal(&properties::node_properties(node));
                    format!("{{id: {}, properties: {properties}}}", string_literal(&node.id.0))
                })
                .collect();
            queries.push(format!("UNWIND [{}] AS row {}", rows.join(", "), merge_node_clause("row.id", *kind, "row.properties")));
        }
    }
    for ((kind, attribute_names), edges) in &edges_by_shape {
        let key: Vec<(String, String)> = attribute_names.iter().map(|name| (name.clone(), format!("row.key.{name}"))).collect();
        for batch in edges.chunks(batch_size) {
            let rows: Vec<String> = batch
                .iter()
                .map(|(source, target, edge)| {
                    let key_pairs: Vec<String> = properties::edge_key(edge)
                        .iter()
                        .map(|(name, value)| format!("{name}: {}", cypher::value_literal(value)))
                        .collect();
                    format!(
                        "{{source: {}, target: {}, key: {{{}}}, properties: {}}}",
                        string_literal(&source.id.0),
                        string_literal(&target.id.0),
                        key_pairs.join(", "),
                        cypher::map_literal(&properties::edge_properties(edge))
                    )
                })
                .collect();
            let clause = merge_edge_clause("row.source", "row.target", *kind, &key, "row.properties");
            queries.push(format!("UNWIND [{}] AS row {clause}", rows.join(", ")));
        }
    }
    queries
}

impl FalkorDb {
    /// Connects to `url` (`redis://HOST:PORT`) with the default time-out.
    pub fn connect(url: &str) -> Result<FalkorDb> {
        FalkorDb::connect_with_timeout(url, Duration::from_secs(DEFAULT_TIMEOUT_SECS))
    }

    /// Connects to `url`, waiting at most `timeout` for the connection and
    /// then for each reply. Messages show the URL with its password masked.
    pub fn connect_with_timeout(url: &str, timeout: Duration) -> Result<FalkorDb> {
        let shown = mask_password(url);
        let client = redis::Client::open(url).map_err(|error| Error::External {
            what: format!("invalid FalkorDB URL '{}'", crate::text::shorten(&shown, crate::text::MAX_ECHO_CHARS)),
            message: format!("{error}; expected redis://HOST:PORT, e.g. redis://127.0.0.1:6379"),
        })?;
        let seconds = timeout.as_secs_f64();
        let no_connection = || Error::External {
            what: format!("cannot connect to FalkorDB at {shown}"),
            message: format!("no connection and handshake within {seconds} s (--timeout); is the server running and reachable?"),
        };
        // The client's handshake (CLIENT SETINFO) reads its reply without a
        // time-out, so a server that accepts and never answers is waited
        // for on a thread of its own.
        let (sender, receiver) = std::sync::mpsc::channel();
        let connecting = client.clone();
        std::thread::spawn(move || sender.send(connecting.get_connection_with_timeout(timeout)));
        let connection = match receiver.recv_timeout(timeout) {
            Err(_) => return Err(no_connection()),
            Ok(Err(error)) if error.is_timeout() => return Err(no_connection()),
            Ok(Err(error)) => {
                return Err(Error::External {
                    what: format!("cannot connect to FalkorDB at {shown}"),
                    message: format!("{error}; is the server running?"),
                })
            }
            Ok(Ok(connection)) => connection,
        };
        let set_timeouts = connection.set_read_timeout(Some(timeout)).and_then(|()| connection.set_write_timeout(Some(timeout)));
        set_timeouts.map_err(|error| Error::External { what: format!("FalkorDB at {shown}"), message: error.to_string() })?;
        Ok(FalkorDb { url: shown, connection, timeout })
    }

    /// Runs one Cypher query on graph `graph_name` (created if missing).
    pub fn query(&mut self, graph_name: &str, cypher: &str) -> Result<QueryReply> {
        let reply: redis::Value =
            redis::cmd("GRAPH.QUERY").arg(graph_name).arg(cypher).query(&mut self.connection).map_err(|error| self.error(error, cypher))?;
        parse_reply(reply).map_err(|message| Error::External { what: format!("FalkorDB at {}", self.url), message })
    }

    /// Runs a query whose one answer is a count.
    pub fn count(&mut self, graph_name: &str, cypher: &str) -> Result<i64> {
        let reply = self.query(graph_name, cypher)?;
        match reply.rows.first().and_then(|row| row.first()) {
            Some(Cell::Integer(count)) => Ok(*count),
            other => Err(Error::External {
                what: format!("FalkorDB at {}", self.url),
                message: format!("expected a count from `{cypher}`, got {other:?}"),
            }),
        }
    }

    fn error(&self, error: redis::RedisError, cypher: &str) -> Error {
        let url = &self.url;
        if error.is_timeout() {
            let seconds = self.timeout.as_secs_f64();
            return Error::External {
                what: format!("FalkorDB at {url} did not answer within {seconds} s (--timeout)"),
                message: "no reply to GRAPH.QUERY; is it a FalkorDB server, and is it overloaded?".into(),
            };
        }
        if error.is_io_error() || error.is_connection_dropped() {
            return Error::External { what: format!("lost the connection to FalkorDB at {url}"), message: error.to_string() };
        }
        let message = match (error.kind(), error.code(), error.detail()) {
            (redis::ErrorKind::ResponseError, _, Some(detail)) => detail.to_string(),
            (_, Some(code), Some(detail)) => format!("{code} {detail}"),
            _ => error.to_string(),
        };
        if message.to_ascii_lowercase().contains("unknown command") {
            // Redis echoes the arguments (a whole batch) after the command name; leave them out.
            return Error::External {
                what: format!("the server at {url} answered 'unknown command GRAPH.QUERY'"),
                message: "the FalkorDB module is not loaded; start the server with redis-server --loadmodule /path/to/falkordb.so".into(),
            };
        }
        let start: String = cypher.chars().take(200).collect();
        Error::External { what: format!("FalkorDB at {url} rejected a query"), message: format!("{message}; the query began: {start}") }
    }
}

impl Cell {
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Cell::Text(text) => Some(text),
            _ => None,
        }
    }

    pub fn as_integer(&self) -> Option<i64> {
        match self {
            Cell::Integer(integer) => Some(*integer),
            _ => None,
        }
    }
}

/// Reads a verbose `GRAPH.QUERY` reply: `[columns, rows, statistics]`, or
/// just `[statistics]` for a query that returns nothing.
fn parse_reply(reply: redis::Value) -> std::result::Result<QueryReply, String> {
    let parts = match reply {
        redis::Value::Array(parts) => parts,
        other => return Err(format!("unexpected reply {other:?}")),
    };
    let texts = |value: redis::Value| -> Vec<String> {
        match cell(value) {
            Cell::List(cells) => cells.into_iter().map(|cell| cell.as_text().unwrap_or_default().to_string()).collect(),
            _ => Vec::new(),
        }
    };
    let mut parts = parts.into_iter();
    match (parts.next(), parts.next(), parts.next()) {
        (Some(statistics), None, None) => Ok(QueryReply { statistics: texts(statistics), ..QueryReply::default() }),
        (Some(columns), Some(rows), Some(statistics)) => {
            let rows = match cell(rows) {
                Cell::List(rows) => rows.into_iter().map(|row| if let Cell::List(cells) = row { cells } else { vec![row] }).collect(),
                _ => Vec::new(),
            };
            Ok(QueryReply { columns: texts(columns), rows, statistics: texts(statistics) })
        }
        _ => Err("a GRAPH.QUERY reply has one or three parts".into()),
    }
}

fn cell(value: redis::Value) -> Cell {
    match value {
        redis::Value::Nil => Cell::Null,
        redis::Value::Int(integer) => Cell::Integer(integer),
        redis::Value::BulkString(bytes) => Cell::Text(String::from_utf8_lossy(&bytes).into_owned()),
        redis::Value::SimpleString(text) => Cell::Text(text),
        redis::Value::Okay => Cell::Text("OK".into()),
        redis::Value::Double(value) => Cell::Text(value.to_string()),
        redis::Value::Boolean(value) => Cell::Text(value.to_string()),
        redis::Value::Array(values) | redis::Value::Set(values) => Cell::List(values.into_iter().map(cell).collect()),
        other => Cell::Text(format!("{other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_group_nodes_by_kind_and_edges_by_type() {
        let graph = crate::graph::sample::sample_graph();
        let queries = batch_queries(&graph, 200);
        // Kinds: Person, Country, Organization, Resolution, Location; edge
        // shapes: HOLDS_ROLE(role), MET(kind), LEADS, MEMBER_OF, ADOPTED,
        // ABSTAINED, AUTHORIZES, LOCATED_IN.
        assert_eq!(queries.len(), 5 + 8);
        assert!(queries[0].starts_with("UNWIND [{id: 'person-ama-mensah', properties: {type: 'Person', label: 'Ama Mensah', "));
        assert!(queries[0].ends_with("] AS row MERGE (n:Entity {id: row.id}) SET n:Person, n += row.properties"));
        let role_query = queries.iter().find(|query| query.contains(":HOLDS_ROLE")).unwrap();
        assert!(role_query.contains("{source: 'person-ama-mensah', target: 'country-ghana', key: {role: 'President'}, properties: {"));
        assert!(role_query.ends_with(
            "] AS row MATCH (a:Entity {id: row.source}) MATCH (b:Entity {id: row.target}) \
             MERGE (a)-[r:HOLDS_ROLE {role: row.key.role}]->(b) SET r += row.properties"
        ));
    }

    #[test]
    fn batch_size_splits_rows() {
        let graph = crate::graph::sample::sample_graph();
        let one_per_query = batch_queries(&graph, 1);
        assert_eq!(one_per_query.len(), graph.graph.node_count() + graph.graph.edge_count());
        assert_eq!(batch_queries(&graph, 0), one_per_query);
    }

    #[test]
    fn replies_parse_into_columns_rows_and_statistics() {
        use redis::Value::{Array, BulkString, Int, Nil};
        let text = |s: &str| BulkString(s.as_bytes().to_vec());
        let reply = Array(vec![
            Array(vec![text("a.label"), text("n")]),
            Array(vec![Array(vec![text("Ama"), Int(2)]), Array(vec![Nil, Int(0)])]),
            Array(vec![text("Cached execution: 0")]),
        ]);
        let parsed = parse_reply(reply).unwrap();
        assert_eq!(parsed.columns, ["a.label", "n"]);
        assert_eq!(parsed.rows, vec![vec![Cell::Text("Ama".into()), Cell::Integer(2)], vec![Cell::Null, Cell::Integer(0)]]);
        assert_eq!(parsed.statistics, ["Cached execution: 0"]);
        let write_only = parse_reply(Array(vec![Array(vec![text("Nodes created: 1")])])).unwrap();
        assert_eq!(write_only.statistics, ["Nodes created: 1"]);
        assert!(write_only.rows.is_empty());
    }
}
