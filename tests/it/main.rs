//! Integration tests: one binary that runs the real `newsgraph` CLI.

mod support;

mod cli;
mod entities;
mod eval;
mod export;
mod query;
