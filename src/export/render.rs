//! `newsgraph render` (to be written).

use crate::cli::RenderArgs;
use crate::error::Result;

pub fn run_render(_args: &RenderArgs) -> Result<()> {
    Ok(())
}
