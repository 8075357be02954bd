//! Gold files for `eval`: parse and check, then score the examples' graph.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph_fuzz::EXAMPLES;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(gold) = newsgraph::eval::gold::parse_gold(text) else { return };
    let scores = newsgraph::eval::score::evaluate(&gold, &EXAMPLES);
    newsgraph::eval::report::to_table(&scores);
    newsgraph::eval::report::to_json(&scores);
});
