//! `newsgraph push` into FalkorDB (to be written).

use crate::cli::PushArgs;
use crate::error::Result;

pub fn run_push(_args: &PushArgs) -> Result<()> {
    Ok(())
}
