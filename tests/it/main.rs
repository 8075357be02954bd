//! Integration tests: one binary that runs the real `newsgraph` CLI.

mod support;

mod cli;
mod eval;
mod export;
mod gold;
mod properties;
mod query;
mod schema;
mod snapshot;
