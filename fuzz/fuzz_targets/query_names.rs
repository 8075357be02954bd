//! Entity names typed into `query`: one or two names (split at a newline),
//! raw or structure-aware, looked up in the examples' graph and asked about.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph::graph::query::{entity, met, neighbors, path, relations, render, Scope};
use newsgraph_fuzz::{text_from, EXAMPLES};

fuzz_target!(|data: &[u8]| {
    let text = text_from(data);
    let (first, second) = text.split_once('\n').unwrap_or((&text, ""));
    let graph = &*EXAMPLES;
    let _ = newsgraph::graph::lookup::lookup(graph, first);
    let scope = Scope::default();
    let (Ok(from), to) = (newsgraph::graph::lookup::resolve(graph, first), newsgraph::graph::lookup::resolve(graph, second)) else {
        return;
    };
    render(&entity::card(graph, from, scope), false);
    render(&neighbors::neighbors(graph, from, scope), false);
    render(&met::meetings(graph, Some(from)), true);
    if let Ok(to) = to {
        render(&path::shortest_path(graph, from, to, scope), false);
        render(&relations::relations(graph, &relations::RelationFilter { scope, source: Some(from), target: Some(to) }), false);
    }
});
