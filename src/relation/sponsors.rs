//! SPONSORS (to be written).
//!
//! What it extracts: …
//! Triggers: `data/relations/sponsors.toml`.
//! Example: …
//! Known misses: …

use super::RelationCandidate;
use crate::pipeline::DocContext;

pub fn extract(_ctx: &DocContext, _out: &mut Vec<RelationCandidate>) {}
