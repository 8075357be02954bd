//! Command-line arguments (clap derive) and the dispatch of each command.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// The default of `build --first-pass-mb`.
pub const DEFAULT_FIRST_PASS_MB: usize = 128;

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
    /// Tag and parse articles or CoNLL-U with the built-in syntax model; CoNLL-U out.
    Parse(ParseArgs),
    /// Train the syntax model (tagger, lemmatizer, parser) from UD treebanks, or with --names the
    /// name recognizer from GUM and UNER.
    Train(TrainArgs),
    /// Merge graph.json files built from separate shards of a corpus into one.
    Merge(MergeArgs),
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
    /// Worker threads for the analysis (0: one per core). The output is the same for any number.
    #[arg(long, default_value_t = 0)]
    pub threads: usize,
    /// Pieces of evidence kept per edge, and mentions per node, in graph.json (the counts count all).
    #[arg(long, default_value_t = crate::graph::merge::DEFAULT_EVIDENCE)]
    pub evidence: usize,
    /// `full`: also write every piece of evidence and every mention to evidence.jsonl.
    #[arg(long, value_enum, default_value_t = Provenance::Capped)]
    pub provenance: Provenance,
    /// Up to this many MB of input, the articles and their first-pass analyses are held for the
    /// second pass; above it, the second pass reads each article again from its file and redoes
    /// the analysis (memory bounded by the graph, not the text; a little more time; same graph).
    #[arg(long, value_name = "MB", default_value_t = DEFAULT_FIRST_PASS_MB)]
    pub first_pass_mb: usize,
    /// Add the articles to the graph already in DIR (written there): unchanged documents are
    /// skipped, new ones are built and merged in; changed ones are refused.
    #[arg(long, value_name = "DIR", conflicts_with = "out")]
    pub update: Option<PathBuf>,
}

/// How much provenance `build` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Provenance {
    /// graph.json only, with the first `--evidence` pieces of each edge and mentions of each node.
    Capped,
    /// graph.json as with `capped`, and all of it in evidence.jsonl.
    Full,
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The graph.json files (of shards with no document in common).
    #[arg(required = true)]
    pub graphs: Vec<PathBuf>,
    /// Output folder (created if missing).
    #[arg(short, long, default_value = "output")]
    pub out: PathBuf,
    /// Formats to write, comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "json,dot")]
    pub format: Vec<Format>,
    /// Pieces of evidence kept per edge, and mentions per node (the counts count all).
    #[arg(long, default_value_t = crate::graph::merge::DEFAULT_EVIDENCE)]
    pub evidence: usize,
    /// Read world knowledge from this folder instead of the built-in data/ (as the build did).
    #[arg(long)]
    pub data: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// The gold file (with a graph.json to score).
    #[arg(long, requires = "graph", conflicts_with = "treebank")]
    pub gold: Option<PathBuf>,
    /// The graph.json to score against --gold.
    pub graph: Option<PathBuf>,
    /// Score the syntax model on a CoNLL-U treebank (gold tokens): UPOS, XPOS, lemma, UAS, LAS.
    #[arg(long, required_unless_present_any = ["gold", "names"], conflicts_with = "names")]
    pub treebank: Option<PathBuf>,
    /// Score the name recognizer on these files (gold words): GUM CoNLL-U with entity annotation,
    /// or UNER IOB2 (`.iob2`); typed and untyped span P/R/F1, and per type.
    #[arg(long, num_args = 1.., conflicts_with = "gold")]
    pub names: Vec<PathBuf>,
    /// With --treebank: also segment each document's raw text and score words and sentences.
    #[arg(long, requires = "treebank")]
    pub raw: bool,
    /// Print the scores as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ParseArgs {
    /// Files or folders of .txt, .md and .jsonl articles, or .conllu files (their words are kept).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Write the CoNLL-U here instead of standard output.
    #[arg(short, long)]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct TrainArgs {
    /// The corpora folder (UD English EWT and GUM, laid out as ../shared/corpora).
    #[arg(long, default_value = "../shared/corpora")]
    pub corpora: PathBuf,
    /// Where to write the model (default `models/syntax.bin`, or `models/names.bin` with
    /// --names); its manifest goes beside it (`<name>.manifest.json`).
    #[arg(short, long)]
    pub out: Option<PathBuf>,
    /// Train the name recognizer (GUM train split and UNER EWT dev) instead of the syntax model.
    #[arg(long)]
    pub names: bool,
    /// With --names: passes over the training data.
    #[arg(long, default_value_t = crate::names::train::NamesOptions::default().iterations)]
    pub names_iterations: usize,
    /// With --names: show one training sentence in this many in capitals (0: none).
    #[arg(long, default_value_t = crate::names::train::NamesOptions::default().caps_every)]
    pub names_caps_every: u32,
    /// With --names: drop weights smaller than this (averaged perceptron units).
    #[arg(long, default_value_t = crate::names::train::NamesOptions::default().prune)]
    pub prune_names: f32,
    /// With --names: hold out every N-th training document as a `train-dev` set, scored beside
    /// the test sets, for tuning without the test files (0: none; a model to ship uses 0).
    #[arg(long, default_value_t = 0)]
    pub names_dev_every: usize,
    /// With --names: the outside-class bias the model ships with (see `train-dev` in the log of
    /// a run with --names-dev-every for the sweep to choose it from).
    #[arg(long, default_value_t = crate::names::train::NamesOptions::default().outside_bias)]
    pub names_outside_bias: f32,
    /// With --names: the seed of the order the documents are visited in (and of the sentences
    /// shown in capitals).
    #[arg(long, default_value_t = crate::names::train::NamesOptions::default().seed)]
    pub names_seed: u64,
    /// With --names: members of the mixture (each trained on its own order; the model is the
    /// mean of their weights).
    #[arg(long, default_value_t = crate::names::train::NamesOptions::default().members)]
    pub names_members: usize,
    /// Passes over the training data for the tagger.
    #[arg(long, default_value_t = 8)]
    pub tagger_iterations: usize,
    /// Passes over the training data for the parser.
    #[arg(long, default_value_t = 25)]
    pub parser_iterations: usize,
    /// Folds for the tags the parser trains on (1: gold tags).
    #[arg(long, default_value_t = 4)]
    pub jackknife: usize,
    /// Drop tagger weights smaller than this (averaged perceptron units).
    #[arg(long, default_value_t = 0.5)]
    pub prune_tagger: f32,
    /// Drop parser weights smaller than this (averaged perceptron units).
    #[arg(long, default_value_t = 1.0)]
    pub prune_parser: f32,
    /// Parsers trained side by side on their own orders of the data; the model is the mean of
    /// their weights.
    #[arg(long, default_value_t = 1)]
    pub parser_members: usize,
    /// Also learn from copies of the training sentences with a demonym and a title before
    /// people's names ("Kenyan President …"), chains news is full of and the treebanks are not.
    #[arg(long)]
    pub title_chains: bool,
    /// Also learn from EWT dev and GUM dev (then only the test sets are scored).
    #[arg(long)]
    pub include_dev: bool,
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
