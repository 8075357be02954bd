//! OPPOSES (to be written).
//!
//! What it extracts: …
//! Triggers: `data/relations/opposes.toml`.
//! Example: …
//! Known misses: …

use super::view::DocView;
use super::RelationCandidate;

pub fn extract(_doc: &DocView, _out: &mut Vec<RelationCandidate>) {}
