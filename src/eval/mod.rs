//! Scoring a graph against a gold file (to be written).

use crate::cli::EvalArgs;
use crate::error::Result;

pub fn run_eval(_args: &EvalArgs) -> Result<()> {
    Ok(())
}
