//! Integration tests: one binary that runs the real `newsgraph` CLI.

mod falkordb_server;
mod support;

mod cli;
mod databases;
mod distributed;
mod entities;
mod eval;
mod export;
mod gold;
mod gum;
mod heldout;
mod layers;
mod names;
mod properties;
mod query;
mod robust;
mod scale;
mod schema;
mod snapshot;
mod syntax;
mod update;
