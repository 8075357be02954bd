#!/usr/bin/env bash
# Runs every fuzz target in turn, one process at a time (libFuzzer's -fork=1
# keeps going after a crash or time-out and saves it under artifacts/).
# Usage: fuzz/run-all.sh SECONDS_FOR_PIPELINE SECONDS_FOR_EACH_OTHER
# Needs `cargo +nightly fuzz build -s none` first and `fuzz/seed.py` for the corpora.
set -u
cd "$(dirname "$0")"
bin=target/x86_64-unknown-linux-gnu/release
mkdir -p logs
run() {
    local target=$1 seconds=$2 max_len=$3 timeout=$4
    mkdir -p "artifacts/$target" "corpus/$target"
    "$bin/$target" "corpus/$target" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        -timeout="$timeout" -rss_limit_mb=2048 -max_len="$max_len" -max_total_time="$seconds" \
        -artifact_prefix="artifacts/$target/" -print_final_stats=1 > "logs/$target.log" 2>&1
    echo "$target: $(grep -E "^#[0-9]+" "logs/$target.log" | tail -1)"
}
run pipeline "${1:-1200}" 16384 10
run jsonl "${2:-480}" 16384 10
run graph_json "${2:-480}" 262144 10
run gold "${2:-480}" 262144 10
run query_names "${2:-480}" 4096 10
run conllu "${2:-480}" 65536 10
