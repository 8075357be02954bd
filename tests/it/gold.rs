//! The gold evaluation: the seeds graph, built through the library, scored
//! against `../shared/gold/seeds.gold.json`. The thresholds below are the
//! floor the extractor must stay above.

use crate::support;
use newsgraph::eval::{evaluate, load_gold, report};

// Thresholds only go up: raise one when the extractor beats it for good,
// never lower one to make a change pass.
/// Typed entity F1 (type and name must both match).
const MIN_TYPED_ENTITY_F1: f64 = 0.90;
/// Typed entity precision.
const MIN_TYPED_ENTITY_PRECISION: f64 = 0.90;
/// Nodes that duplicate a gold entity already found.
const MAX_DUPLICATE_NODES: usize = 3;
/// Nodes for page furniture (teasers, bylines, captions).
const MAX_FURNITURE_NODES: usize = 0;

#[test]
fn seeds_meet_the_thresholds() {
    let gold = load_gold(&support::seeds_gold()).expect("the seeds gold file loads");
    let graph = support::build_graph(&[support::seeds_dir()]);
    let scores = evaluate(&gold, &graph);
    let typed = &scores.entities_typed;
    let failures: Vec<String> = [
        (typed.f1 < MIN_TYPED_ENTITY_F1).then(|| format!("typed entity F1 {:.3} < {MIN_TYPED_ENTITY_F1}", typed.f1)),
        (typed.precision < MIN_TYPED_ENTITY_PRECISION)
            .then(|| format!("typed entity precision {:.3} < {MIN_TYPED_ENTITY_PRECISION}", typed.precision)),
        (scores.duplicate_nodes > MAX_DUPLICATE_NODES)
            .then(|| format!("{} duplicate nodes > {MAX_DUPLICATE_NODES}", scores.duplicate_nodes)),
        (scores.furniture_nodes > MAX_FURNITURE_NODES)
            .then(|| format!("{} furniture nodes > {MAX_FURNITURE_NODES}", scores.furniture_nodes)),
    ]
    .into_iter()
    .flatten()
    .collect();
    assert!(failures.is_empty(), "the seeds graph is below the thresholds:\n{}\n\n{}", failures.join("\n"), report::to_table(&scores));
}
