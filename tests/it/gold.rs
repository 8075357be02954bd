//! The gold evaluation: the seeds graph, built through the library, scored
//! against `../shared/gold/seeds.gold.json`. The thresholds below are the
//! floor the extractor must stay above.

use crate::support;
use newsgraph::eval::{evaluate, load_gold, report};

// Thresholds only go up: raise one when the extractor beats it for good,
// never lower one to make a change pass.
/// Typed entity F1 (type and name must both match).
const MIN_TYPED_ENTITY_F1: f64 = 0.98;
/// Typed entity precision.
const MIN_TYPED_ENTITY_PRECISION: f64 = 0.98;
/// Nodes that duplicate a gold entity already found.
const MAX_DUPLICATE_NODES: usize = 1;
/// Typed relations (CO_OCCURS never counts): F1 and precision.
const MIN_RELATION_F1: f64 = 0.95;
const MIN_RELATION_PRECISION: f64 = 0.97;
/// Who met whom: precision and recall.
const MIN_MET_PRECISION: f64 = 0.95;
const MIN_MET_RECALL: f64 = 0.95;
/// Who holds which role: F1.
const MIN_HOLDS_ROLE_F1: f64 = 0.92;
/// Nodes for page furniture (teasers, bylines, captions).
const MAX_FURNITURE_NODES: usize = 0;

#[test]
fn seeds_meet_the_thresholds() {
    let gold = load_gold(&support::seeds_gold()).expect("the seeds gold file loads");
    let graph = support::build_graph(&[support::seeds_dir()]);
    let scores = evaluate(&gold, &graph);
    let typed = &scores.entities_typed;
    let relations = &scores.relations;
    let per_type = |kind: &str| scores.per_relation_type.get(kind).copied().unwrap_or_default();
    let (met, holds_role) = (per_type("MET"), per_type("HOLDS_ROLE"));
    let failures: Vec<String> = [
        (typed.f1 < MIN_TYPED_ENTITY_F1).then(|| format!("typed entity F1 {:.3} < {MIN_TYPED_ENTITY_F1}", typed.f1)),
        (typed.precision < MIN_TYPED_ENTITY_PRECISION)
            .then(|| format!("typed entity precision {:.3} < {MIN_TYPED_ENTITY_PRECISION}", typed.precision)),
        (scores.duplicate_nodes > MAX_DUPLICATE_NODES)
            .then(|| format!("{} duplicate nodes > {MAX_DUPLICATE_NODES}", scores.duplicate_nodes)),
        (scores.furniture_nodes > MAX_FURNITURE_NODES)
            .then(|| format!("{} furniture nodes > {MAX_FURNITURE_NODES}", scores.furniture_nodes)),
        (relations.f1 < MIN_RELATION_F1).then(|| format!("relation F1 {:.3} < {MIN_RELATION_F1}", relations.f1)),
        (relations.precision < MIN_RELATION_PRECISION)
            .then(|| format!("relation precision {:.3} < {MIN_RELATION_PRECISION}", relations.precision)),
        (met.precision < MIN_MET_PRECISION).then(|| format!("MET precision {:.3} < {MIN_MET_PRECISION}", met.precision)),
        (met.recall < MIN_MET_RECALL).then(|| format!("MET recall {:.3} < {MIN_MET_RECALL}", met.recall)),
        (holds_role.f1 < MIN_HOLDS_ROLE_F1).then(|| format!("HOLDS_ROLE F1 {:.3} < {MIN_HOLDS_ROLE_F1}", holds_role.f1)),
    ]
    .into_iter()
    .flatten()
    .collect();
    assert!(failures.is_empty(), "the seeds graph is below the thresholds:\n{}\n\n{}", failures.join("\n"), report::to_table(&scores));
}
