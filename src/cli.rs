//! Command-line arguments (clap derive) and the dispatch of each command.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Build a knowledge graph of people, countries, organizations, resolutions
/// and places from a folder of news articles.
#[derive(Debug, Parser)]
#[command(name = "newsgraph", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract entities and relations from articles and write the graph.
    Build(BuildArgs),
    /// Score a graph.json against a gold file (see the gold FORMAT.md).
    Eval(EvalArgs),
    /// Render a graph.json to SVG or PNG with Graphviz's `dot`.
    Render(RenderArgs),
    /// Ask the graph questions: who met whom, entity cards, neighbours, paths.
    Query(QueryArgs),
    /// Write a graph.json in another format (GraphML, Cypher, Neo4j CSV, ...).
    Export(ExportArgs),
    /// Load a graph.json into a running FalkorDB server.
    Push(PushArgs),
}

/// Output formats of `build --format` and `export --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, ValueEnum)]
pub enum Format {
    Json,
    Dot,
    Graphml,
    Cypher,
    #[value(name = "neo4j-csv")]
    Neo4jCsv,
    Cytoscape,
    Turtle,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Files or folders of .txt, .md and .jsonl articles.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output folder (created if missing).
    #[arg(short, long, default_value = "output")]
    pub out: PathBuf,
    /// Formats to write, comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "json,dot")]
    pub format: Vec<Format>,
    /// Also add CO_OCCURS edges (entities in the same sentence), with weights.
    #[arg(long)]
    pub cooccurrence: bool,
    /// Treat a malformed JSONL line as an error instead of skipping it.
    #[arg(long)]
    pub strict: bool,
    /// Read world knowledge from this folder instead of the built-in data/.
    #[arg(long)]
    pub data: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// The gold file.
    #[arg(long)]
    pub gold: PathBuf,
    /// The graph.json to score.
    pub graph: PathBuf,
    /// Print the scores as JSON.
    #[arg(long)]
    pub json: bool,
}

/// How to cut a graph down (for drawing above all); shared by `render` and `export`.
#[derive(Debug, Args, Clone, Default)]
pub struct DrawArgs {
    /// Draw only the neighbourhood of this entity.
    #[arg(long)]
    pub focus: Option<String>,
    /// With --focus: how many hops to include.
    #[arg(long, default_value_t = 1)]
    pub depth: usize,
    /// Only these relation types, comma-separated (e.g. MET,HOLDS_ROLE).
    #[arg(long, value_delimiter = ',')]
    pub types: Vec<String>,
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The graph.json to draw.
    pub graph: PathBuf,
    /// The image to write; .svg or .png.
    #[arg(short, long)]
    pub out: PathBuf,
    #[command(flatten)]
    pub draw: DrawArgs,
}

#[derive(Debug, Args)]
pub struct QueryArgs {
    /// The graph.json to query.
    #[arg(long, short, default_value = "output/graph.json", global = true)]
    pub graph: PathBuf,
    /// Print JSON instead of a table.
    #[arg(long, global = true)]
    pub json: bool,
    /// Also use CO_OCCURS edges (same sentence, no typed relation), which are
    /// otherwise left out unless --type CO_OCCURS asks for them.
    #[arg(long, global = true)]
    pub cooccurrence: bool,
    #[command(subcommand)]
    pub question: Question,
}

#[derive(Debug, Subcommand)]
pub enum Question {
    /// Who NAME met (every meeting without NAME), with kind, date and evidence.
    Met { name: Option<String> },
    /// An entity card: type, aliases, roles, relations, documents.
    Entity { name: String },
    /// The entities one relation away from NAME.
    Neighbors {
        name: String,
        /// Only relations of this type.
        #[arg(long = "type")]
        relation_type: Option<String>,
    },
    /// The shortest path between two entities, with the relation on each hop.
    Path { from: String, to: String },
    /// Relations, filtered by type, source and target.
    Relations {
        #[arg(long = "type")]
        relation_type: Option<String>,
        #[arg(long)]
        source: Option<String>,
        #[arg(long)]
        target: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The graph.json to convert.
    pub graph: PathBuf,
    #[arg(long)]
    pub format: Format,
    /// Output file (a folder for neo4j-csv).
    #[arg(short, long)]
    pub out: PathBuf,
    #[command(flatten)]
    pub draw: DrawArgs,
}

#[derive(Debug, Args)]
pub struct PushArgs {
    /// The graph.json to load.
    pub graph: PathBuf,
    /// The server, as redis://HOST:PORT.
    #[arg(long)]
    pub falkordb: String,
    /// The name of the graph in FalkorDB.
    #[arg(long = "graph", default_value = "newsgraph")]
    pub graph_name: String,
    /// Statements per round trip.
    #[arg(long, default_value_t = 200)]
    pub batch_size: usize,
    /// Seconds to wait for the connection, and then for each reply.
    #[arg(long, default_value_t = crate::export::falkordb::DEFAULT_TIMEOUT_SECS as f64)]
    pub timeout: f64,
}
