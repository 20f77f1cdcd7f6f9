#!/usr/bin/env bash
# Benchmarks (not timed tests): the rules engine natively and in wasm in headless Chromium, beside
# a plain-JS exact program of the same rules in the same page; the differential oracle on a million
# cases; the pages in headless Chromium (input latency; the list page with 10,000, 100,000 and 1,000,000
# organizations); the JS API beside plain JS. Ends non-zero if a page's figure over its baseline
# is more than 20% worse than the ratio kept in benches/ratios.json.
source "$(dirname "$0")/lib.sh"
ensure_build_tools
ensure_test_tools
# The pages' figures, each beside its baseline of this run (tests/e2e/bench-record.mjs), compared
# at the end with benches/ratios.json (scripts/bench-compare.mjs; --keep there after a deliberate
# change).
mkdir -p benches
export BENCH_OUT="$PWD/benches/run.jsonl"
: > "$BENCH_OUT"
step "native (cargo bench -p dingji-rules)"
cargo bench --locked -p dingji-rules 2>&1 | grep -E '^native'
step "the differential oracle on 1,000,000 organizations aimed at the boundaries; 100,000 fuzz cases (release)"
ORACLE_CASES=1000000 cargo test --locked --release -p dingji-rules --test oracle -- --nocapture 2>&1 |
  grep -E 'cases agree|lists agree|per preset|test result'
FUZZ_CASES=100000 cargo test --locked --release -p dingji-rules --test no_panic 2>&1 | grep -E 'test result'
step "the app's readers (saved states, links, saved lists, pasted text, files, typed weights, scheme files): 100,000 cases each (release)"
FUZZ_CASES=100000 cargo test --locked --release -p dingji --test readers -- --nocapture 2>&1 | grep -E 'test result|^grow'
step "the list page's grading kept between changes equals grading from nothing: 100,000 organizations, 30 random changes (release)"
LIST_ROWS=100000 cargo test --locked --release -p dingji --test list on_a_generated_list -- --nocapture 2>&1 | grep -E 'test result|seed'
step "wasm in headless Chromium, release profile"
CHROMEDRIVER="$(command -v chromedriver)" \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --locked --release --target "$TARGET" -p dingji --test bench -- --nocapture 2>&1 | grep -E '^wasm|test result'
step "input → result on screen, and the list page with 10,000 organizations (release dist/, headless Chromium)"
trunk build --release
node tests/e2e/bench-input.mjs
node tests/e2e/bench-list.mjs
BENCH_N=100000 node tests/e2e/bench-list.mjs
BENCH_N=1000000 node tests/e2e/bench-list.mjs
node tests/e2e/bench-workshop.mjs
node tests/e2e/bench-paste.mjs
step "each page ready on a county link (1.6 Mbit/s, 150 ms, CPU 4× slower), beside its transfer floor"
node tests/e2e/bench-load.mjs
step "the JS API beside plain JS in one page (release dist/, headless Chromium)"
node tests/e2e/bench-api.mjs
step "each figure beside its baseline, against benches/ratios.json (→ benches/last-run.md)"
node scripts/bench-compare.mjs "$BENCH_OUT"
