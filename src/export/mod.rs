//! Writers: one module per output format, and atomic file writes.
//!
//! Every writer takes the finished [`KnowledgeGraph`] and returns text; only
//! [`write_atomically`] (one file) and [`output`] (the set of files of one
//! `build`, switched at once) touch the disk, so a failed run never leaves a
//! half-written file or a half-replaced set behind. `--focus`/`--types` cut the graph down
//! ([`select`]) before any writer sees it, whatever the format.

pub mod columns;
pub mod cypher;
pub mod cytoscape;
pub mod dot;
pub mod falkordb;
pub mod graphml;
pub mod neo4j_csv;
pub mod output;
pub mod properties;
pub mod render;
pub mod select;
pub mod turtle;

use crate::cli::{DrawArgs, ExportArgs, Format};
use crate::error::{Error, Result};
use crate::graph::KnowledgeGraph;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `contents` to `path` through a temporary file in the same folder and
/// a rename, so readers see either the old file or the whole new one.
pub fn write_atomically(path: &Path, contents: &[u8]) -> Result<()> {
    let write_error = |source| Error::Write { path: path.to_path_buf(), source };
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).map_err(write_error)?;
    let file_name = path.file_name().and_then(|n| n.to_str()).unwrap_or("output");
    let temp_path = dir.join(format!(".{file_name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temp_path)?;
        file.write_all(contents)?;
        file.sync_all()?;
        std::fs::rename(&temp_path, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp_path);
    }
    result.map_err(write_error)
}

/// The files one format produces: (file name, contents). Most formats write
/// one file; `neo4j-csv` writes a node file and a relationship file.
/// `draw` selects the part of the graph to write.
pub fn render_format(graph: &KnowledgeGraph, format: Format, draw: &DrawArgs) -> Result<Vec<(String, String)>> {
    let selected = select::select(graph, draw)?;
    let graph: &KnowledgeGraph = &selected;
    Ok(match format {
        Format::Json => vec![("graph.json".into(), graph.to_json())],
        Format::Dot => vec![("graph.dot".into(), dot::to_dot(graph))],
        Format::Graphml => vec![("graph.graphml".into(), graphml::to_graphml(graph))],
        Format::Cypher => vec![("graph.cypher".into(), cypher::to_cypher(graph))],
        Format::Neo4jCsv => neo4j_csv::to_csv_files(graph),
        Format::Cytoscape => vec![("graph.cytoscape.json".into(), cytoscape::to_cytoscape(graph))],
        Format::Turtle => vec![("graph.ttl".into(), turtle::to_turtle(graph))],
    })
}

/// Writes `format` into the folder `out_dir` under its default file names.
pub fn write_format(graph: &KnowledgeGraph, format: Format, draw: &DrawArgs, out_dir: &Path) -> Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    for (name, contents) in render_format(graph, format, draw)? {
        let path = out_dir.join(name);
        write_atomically(&path, contents.as_bytes())?;
        written.push(path);
    }
    Ok(written)
}

/// `newsgraph export`: one format to one file (a folder for `neo4j-csv`).
pub fn run_export(args: &ExportArgs) -> Result<()> {
    let graph = crate::graph::query::read_graph(&args.graph)?;
    let files = render_format(&graph, args.format, &args.draw)?;
    if args.format == Format::Neo4jCsv {
        for (name, contents) in files {
            write_atomically(&args.out.join(name), contents.as_bytes())?;
        }
    } else {
        let (_, contents) = files.into_iter().next().expect("single-file format");
        write_atomically(&args.out, contents.as_bytes())?;
    }
    eprintln!("newsgraph: wrote {}", args.out.display());
    Ok(())
}
