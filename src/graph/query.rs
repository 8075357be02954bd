//! `newsgraph query` (to be written).

use crate::cli::QueryArgs;
use crate::error::Result;

pub fn run_query(_args: &QueryArgs) -> Result<()> {
    Ok(())
}
