//! One long document must build in time linear in its length: a 5 MB
//! document of the example articles run together, and a 100,000-sentence
//! document of one sentence repeated ("President Joe Biden met Chancellor
//! Olaf Scholz.", 4.8 MB). Any step that compares all mentions, arguments
//! or evidence of a document pairwise shows here as minutes, not seconds.
//!
//! Run with `cargo bench --bench long_document`; criterion prints MB/s.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsgraph::document::{load::load_paths, DocId, Document};
use newsgraph::pipeline::build_graph;
use newsgraph::resources::Resources;
use std::path::PathBuf;
use std::time::Duration;

/// The size of the document of example articles.
const ARTICLES_BYTES: usize = 5 * 1000 * 1000;
/// The number of sentences of the repeated-sentence document.
const SENTENCES: usize = 100_000;

fn one_document(text: String) -> Vec<Document> {
    vec![Document::new(DocId("long".into()), "long.txt".into(), text, None)]
}

/// The example articles run together until `ARTICLES_BYTES`, without the
/// lines that would end the body ("Comments").
fn articles_document() -> Vec<Document> {
    let examples = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/articles");
    let documents = load_paths(&[examples], false).expect("examples/articles loads").documents;
    let mut text = String::new();
    while text.len() < ARTICLES_BYTES {
        for document in &documents {
            for line in
                document.text.lines().take_while(|line| !matches!(line.trim(), "Comments" | "Leave a Comment" | "Share this article"))
            {
                text.push_str(line);
                text.push('\n');
            }
            text.push('\n');
        }
    }
    one_document(text)
}

fn bench_long_document(c: &mut Criterion) {
    let resources = Resources::builtin().expect("the built-in data loads");
    let mut group = c.benchmark_group("long_document");
    group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(30));

    let articles = articles_document();
    group.throughput(Throughput::Bytes(articles[0].text.len() as u64));
    group.bench_function("examples run together (5 MB)", |b| {
        b.iter(|| {
            let graph = build_graph(&resources, &articles, false);
            assert!(graph.graph.node_count() > 50, "only {} nodes", graph.graph.node_count());
            assert!(graph.graph.edge_count() > 40, "only {} relations", graph.graph.edge_count());
            graph
        })
    });

    let repeated = one_document("President Joe Biden met Chancellor Olaf Scholz. ".repeat(SENTENCES));
    group.throughput(Throughput::Bytes(repeated[0].text.len() as u64));
    group.bench_function("one sentence x 100k (4.8 MB)", |b| {
        b.iter(|| {
            let graph = build_graph(&resources, &repeated, false);
            assert_eq!(graph.graph.node_count(), 2);
            assert_eq!(graph.graph.edge_count(), 1);
            graph
        })
    });
    group.finish();
}

criterion_group!(benches, bench_long_document);
criterion_main!(benches);
