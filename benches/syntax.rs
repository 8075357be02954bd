//! Throughput of the syntax layer on one thread: tagging and parsing the sentences of
//! `examples/articles`, segmented as `build` segments them, in words per second.
//!
//! Run with `cargo bench --bench syntax`; criterion prints elements (words) per second.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsgraph::document::load::load_paths;
use newsgraph::pipeline::prepare;
use newsgraph::resources::Resources;
use newsgraph::syntax::{SentenceParse, SyntaxModel, SyntaxScratch};
use std::path::PathBuf;
use std::time::Duration;

/// The word forms of every sentence of the example articles.
fn example_sentences() -> Vec<Vec<String>> {
    let resources = Resources::builtin().expect("the built-in data loads");
    let examples = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/articles");
    let documents = load_paths(&[examples], false).expect("examples/articles loads").documents;
    let mut sentences = Vec::new();
    for document in documents {
        let (document, segmentation) = prepare(&resources, document);
        for sentence in &segmentation.sentences {
            sentences.push(segmentation.sentence_tokens(sentence).iter().map(|token| token.span.text(&document.text).to_owned()).collect());
        }
    }
    sentences
}

fn bench_syntax(c: &mut Criterion) {
    let model = SyntaxModel::builtin();
    let sentences = example_sentences();
    let words: usize = sentences.iter().map(Vec::len).sum();
    let mut group = c.benchmark_group("syntax");
    group.sample_size(20).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(10));
    group.throughput(Throughput::Elements(words as u64));
    group.bench_function(format!("tag and parse {} sentences, {words} words, one thread", sentences.len()), |b| {
        let (mut scratch, mut parse) = (SyntaxScratch::default(), SentenceParse::default());
        b.iter(|| {
            let mut roots = 0;
            for sentence in &sentences {
                let forms: Vec<&str> = sentence.iter().map(String::as_str).collect();
                model.analyze(&forms, &mut scratch, &mut parse);
                roots += parse.heads.iter().filter(|head| head.is_none()).count();
            }
            assert_eq!(roots, sentences.len(), "one root a sentence");
        })
    });
    group.bench_function("load the built-in model", |b| {
        let bytes = model.to_bytes();
        b.iter(|| SyntaxModel::from_bytes(&bytes).expect("the model decodes").labels.len())
    });
    group.finish();
}

criterion_group!(benches, bench_syntax);
criterion_main!(benches);
