//! Throughput of `pipeline::build_graph`: the example articles repeated
//! (with distinct document ids) into a corpus of at least 20 MB, one article
//! on its own, and 100 KB and 1 MB of article text without end punctuation
//! or line breaks in one document (a transcript-like input that was once
//! cubic). Sized for a 2-core machine: ten samples each.
//!
//! Run with `cargo bench --bench pipeline`; criterion prints MB/s.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use newsgraph::document::{load::load_paths, DocId, Document};
use newsgraph::pipeline::build_graph;
use newsgraph::resources::Resources;
use std::path::PathBuf;
use std::time::Duration;

/// The generated corpus is at least this many bytes of article text.
const CORPUS_BYTES: usize = 20 * 1024 * 1024;

fn example_documents() -> Vec<Document> {
    let examples = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/articles");
    load_paths(&[examples], false).expect("examples/articles loads").documents
}

/// The examples repeated until the text reaches `CORPUS_BYTES`, each copy
/// with its own id (`<id>~0042`), sorted by id as `load_paths` returns them.
fn repeated_corpus(examples: &[Document]) -> Vec<Document> {
    let mut corpus = Vec::new();
    let mut total = 0;
    let mut copy = 0;
    while total < CORPUS_BYTES {
        for example in examples {
            let mut document = example.clone();
            document.id = DocId(format!("{}~{copy:05}", example.id));
            total += document.text.len();
            corpus.push(document);
        }
        copy += 1;
    }
    corpus.sort_by(|a, b| a.id.cmp(&b.id));
    corpus
}

fn bytes(documents: &[Document]) -> u64 {
    documents.iter().map(|d| d.text.len() as u64).sum()
}

fn bench_build(c: &mut Criterion) {
    let resources = Resources::builtin().expect("the built-in data loads");
    let examples = example_documents();
    let corpus = repeated_corpus(&examples);

    let mut group = c.benchmark_group("build_graph");
    group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(60));
    group.throughput(Throughput::Bytes(bytes(&corpus)));
    group.bench_function(format!("examples x{} ({} documents)", corpus.len() / examples.len(), corpus.len()), |b| {
        b.iter_batched(
            || (),
            |()| {
                let graph = build_graph(&resources, &corpus, false);
                assert!(graph.graph.node_count() > 50, "only {} nodes", graph.graph.node_count());
                assert!(graph.by_id.len() == graph.graph.node_count());
                assert!(graph.graph.edge_count() > 40, "only {} relations", graph.graph.edge_count());
                graph
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();

    let mut group = c.benchmark_group("build_graph_one_article");
    let article: Vec<Document> = examples.iter().max_by_key(|d| d.text.len()).into_iter().cloned().collect();
    group.sample_size(10).measurement_time(Duration::from_secs(5));
    group.throughput(Throughput::Bytes(bytes(&article)));
    group.bench_function(article[0].id.to_string(), |b| {
        b.iter(|| {
            let graph = build_graph(&resources, &article, false);
            assert!(graph.graph.node_count() > 5, "only {} nodes", graph.graph.node_count());
            graph
        })
    });
    group.finish();

    let mut group = c.benchmark_group("build_graph_unpunctuated");
    group.sample_size(10).measurement_time(Duration::from_secs(20));
    let words: String = examples.iter().map(|d| d.text.replace(['.', '!', '?'], "")).collect::<Vec<_>>().join(" ");
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    for size in [100_000, 1_000_000] {
        let text: String = words.chars().cycle().take(size).collect();
        let document = vec![Document::new(DocId("unpunctuated".into()), "unpunctuated.txt".into(), text, None)];
        group.throughput(Throughput::Bytes(bytes(&document)));
        group.bench_function(format!("{} KB", size / 1000), |b| {
            b.iter(|| {
                let graph = build_graph(&resources, &document, false);
                assert!(graph.graph.node_count() > 20, "only {} nodes", graph.graph.node_count());
                graph
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_build);
criterion_main!(benches);
