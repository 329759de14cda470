#!/usr/bin/env bash
# Builds the release and serves it at http://127.0.0.1:8080 (set PORT for another port),
# installing whatever is missing first.
set -euo pipefail
. "$(dirname "$0")/setup.sh"
say "Building the release"
trunk build --release
python3 scripts/serve.py --port "${PORT:-8080}" --directory dist
