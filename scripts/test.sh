#!/usr/bin/env bash
# Runs every test layer, installing whatever is missing first:
# formatting and lints, core unit tests, browser units, end to end and accessibility.
set -euo pipefail
. "$(dirname "$0")/setup.sh" --browser

log=$(mktemp)
trap 'rm -f "$log"' EXIT

say "Formatting (cargo fmt --check)"
cargo fmt --all --check

say "Lints (clippy, native and wasm32)"
cargo clippy --workspace --all-targets --quiet -- -D warnings
cargo clippy --target wasm32-unknown-unknown -p redress --all-targets --quiet -- -D warnings
# The app as trunk builds it, with its split points (src/lazy.rs).
cargo clippy --target wasm32-unknown-unknown -p redress --all-targets --features split --quiet -- -D warnings

say "Documentation (cargo doc, warnings are errors)"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --workspace --document-private-items --quiet

say "1. Core: cargo test -p redress-core"
cargo test -p redress-core 2>&1 | tee -a "$log"

say "2. Browser units: wasm-bindgen-test in headless Chromium"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test --target wasm32-unknown-unknown -p redress --tests 2>&1 | tee -a "$log"

say "Building the release for the browser tests"
trunk build --release

say "First load within its size budget (wasm + JS + CSS, gzip)"
python3 scripts/size_budget.py dist

say "3 and 4. End to end and accessibility: Playwright and axe-core over the release build"
playwright test 2>&1 | tee -a "$log"

# One closing line for every layer together.
passed=$(grep -oE '(test result: ok\. [0-9]+ passed|^ +[0-9]+ passed)' "$log" | grep -oE '[0-9]+ passed' | awk '{s+=$1} END {print s+0}')
echo "redress: $passed passed, 0 failed"
