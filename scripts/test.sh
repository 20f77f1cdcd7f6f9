#!/usr/bin/env bash
# Runs every test layer, installing whatever the tests need first. Ends non-zero on any failure.
#   1. format and lints (host and wasm32), the rules crate's purity (no web dependency) and the
#      architecture invariants of docs/architecture.md
#   2. native: rules unit, golden and property tests; component render tests (yew ssr)
#   3. browser: wasm-bindgen-test in headless Chromium
#   4. end-to-end: the release dist/ served on 127.0.0.1 (at the root and under a sub-path) and
#      driven in headless Chromium; it also measures the first load's gzip size against the budget
source "$(dirname "$0")/lib.sh"
started=$SECONDS
ensure_build_tools
ensure_test_tools

step "cargo fmt --check"
cargo fmt --all -- --check

step "clippy (host)"
cargo clippy --workspace --all-targets --locked -- -D warnings
step "clippy (wasm32)"
cargo clippy --workspace --all-targets --locked --target "$TARGET" -- -D warnings

step "the rules crate has no web dependency"
forbidden='^(yew|web-sys|js-sys|wasm-bindgen|gloo|serde-wasm-bindgen)'
if cargo tree -p dingji-rules -e normal --prefix none --locked | grep -E "$forbidden"; then
  echo "dingji-rules must not depend on the packages above" >&2
  exit 1
fi
echo "ok: $(cargo tree -p dingji-rules -e normal --prefix none --locked | sort -u | wc -l) crates, none of yew, web-sys, js-sys, wasm-bindgen, gloo"

step "architecture invariants (docs/architecture.md)"
node scripts/check-architecture.mjs

step "native tests (rules; component render tests)"
cargo test --workspace --locked

step "browser tests (wasm-bindgen-test, headless Chromium)"
CHROMEDRIVER="$(command -v chromedriver)" \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --locked --target "$TARGET" -p dingji --test browser --test browser_crash

step "release build"
trunk build --release

step "end-to-end tests (dist/ in headless Chromium)"
node --test --test-reporter=spec tests/e2e/

step "all tests passed in $((SECONDS - started)) s"
