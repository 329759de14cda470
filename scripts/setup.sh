# Installs what Redress needs to build (and, with --browser, to test) and skips what is there.
# Sourced by serve.sh and test.sh, so the PATH it sets carries on:  . scripts/setup.sh [--browser]
#
# Versions are the ones ENGINEERING.md records as working on these machines: trunk 0.21.14
# (0.22 needs a newer rustc), wasm-bindgen-cli equal to the crate's pinned version, binaryen's
# wasm-opt 132 from npm (Debian's 108 breaks the wasm), wasm_split_cli_support's wasm-split-cli
# 0.2.4 (it must read the split points Leptos 0.8's wasm_split_helpers 0.2 writes), Debian's
# Chromium and ChromeDriver.

set -euo pipefail
cd "$(git rev-parse --show-toplevel 2>/dev/null || dirname "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")")"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
# Debug info is not needed to run tests, and leaving it out saves ~40% of disk and link time.
export CARGO_PROFILE_DEV_DEBUG=0
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "Adding $component"
    rustup component add "$component"
  fi
done

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "Installing trunk $TRUNK_VERSION (a few minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  # Not --locked: its lockfile names a crate version the registry no longer has.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# The tool that cuts the wasm at the app's split points after each build (scripts/split.mjs):
# the one cargo-leptos's --split runs, from its crate's own binary.
WASM_SPLIT_VERSION=0.2.4
if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "Installing wasm-split-cli $WASM_SPLIT_VERSION (a minute, once)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
fi

lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.redress-lock-hash 2>/dev/null)" != "$lock_hash" ]; then
  say "Installing npm packages (Sass, GOV.UK Frontend, binaryen, Playwright, axe-core)"
  npm ci --no-audit --no-fund
  echo "$lock_hash" > node_modules/.redress-lock-hash
fi

# The team sync tests' server (pouchdb-server, in memory), for the test command only.
sync_hash=$(sha256sum tests/sync-server/package-lock.json | cut -d' ' -f1)
if [ "${1:-}" = "--browser" ] && [ "$(cat tests/sync-server/node_modules/.redress-lock-hash 2>/dev/null)" != "$sync_hash" ]; then
  say "Installing the team sync tests' server (pouchdb-server)"
  npm ci --prefix tests/sync-server --no-audit --no-fund
  echo "$sync_hash" > tests/sync-server/node_modules/.redress-lock-hash
fi

if [ "${1:-}" = "--browser" ] && ! { command -v chromium && command -v chromedriver; } >/dev/null; then
  say "Installing Debian's Chromium and ChromeDriver"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -q
  # The first try can fail on a .deb that vanished between apt's runs; the same command again works.
  as_root apt-get install -y -q chromium chromium-driver || as_root apt-get install -y -q chromium chromium-driver
fi

# trunk builds offline, so every crate must already be here.
cargo fetch --quiet
