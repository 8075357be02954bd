//! `newsgraph eval`: score a `graph.json` against a gold file.
//!
//! [`load_gold`] reads the gold file ([`gold`]), [`evaluate`] compares it
//! with a [`KnowledgeGraph`] ([`score`], where the counting rules are
//! written down), and [`report`] prints the [`Scores`] as a table or JSON.
//!
//! ```
//! use newsgraph::eval::{evaluate, gold::parse_gold};
//! let gold = parse_gold(r#"{"format": 1, "entities": [
//!     {"id": "ghana", "type": "Country", "name": "Ghana"},
//!     {"id": "chile", "type": "Country", "name": "Chile"}]}"#).unwrap();
//! let scores = evaluate(&gold, &newsgraph::graph::sample::sample_graph());
//! assert_eq!((scores.entities_typed.found, scores.entities_typed.r#fn), (1, 1));
//! ```

pub mod gold;
pub mod report;
pub mod score;

pub use gold::{load_gold, Gold};
pub use score::{evaluate, Prf, Scores};

use crate::cli::EvalArgs;
use crate::error::Result;
use crate::graph::KnowledgeGraph;

/// Runs `newsgraph eval`: prints the scores to stdout. Scoring is not a
/// pass/fail check, so any graph that loads gives `Ok`.
pub fn run_eval(args: &EvalArgs) -> Result<()> {
    let gold = load_gold(&args.gold)?;
    let graph = KnowledgeGraph::read(&args.graph)?;
    let scores = evaluate(&gold, &graph);
    if args.json {
        print!("{}", report::to_json(&scores));
    } else {
        print!("{}", report::to_table(&scores));
    }
    Ok(())
}
