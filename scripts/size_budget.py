"""Fails when the first load grows past its budget: the wasm, JS and CSS a first visit downloads
before My work shows, measured as the gzip copies the release build writes (scripts/release.mjs).

The build cuts the wasm into the start and pieces fetched when a page of their area first opens
(scripts/split.mjs, which writes pieces.json). The first load is the start's wasm, its JS, the
pieces' loader and the CSS; My work is in the start, drawn from the rows kept at the last start, so it
needs no piece (reading everything stored is the piece `open`, fetched after it). The pieces are listed
after it (the service worker fetches them in the background after the first visit, for offline
use), but they are not the first load.

Size is deterministic, so this is a check, not a timing. The budget is what the app weighed
when it was set, plus 5%. To raise it, change BUDGET_BYTES below in a commit of its own whose
message says what the extra bytes buy; never raise it to make an unrelated change pass.
"""

import json
import glob
import os
import sys

# History: set on 2026-12-04 at 787,375 bytes + 5% (one wasm for the whole app), then raised for
# the officer's day (+70,781), encryption at rest (+69,420) and team sync (+95,096) to 1,083,525.
# Split on 2026-12-04 (issue 14): every page but My work, and team sync, fetched when first
# needed; the first load fell from 1,080,080 to 573,616 bytes, and the budget is that + 5%.
# The loader then gained each piece's integrity hash (+4,443 bytes: 80 hashes do not compress),
# so the first load is 578,059 under the same budget.
# Lowered on 2026-12-04 (issue 14): My work drawn from the rows kept at the last start, and
# reading everything stored a piece fetched after it; the first load fell to 374,914 bytes, and
# the budget is that + 5% (under the floor of 400,000).
BUDGET_BYTES = 393_660


def gzip_size(dist, name):
    path = os.path.join(dist, name + ".gz")
    if not os.path.exists(path):
        sys.exit(f"size budget: {path} is missing (build the release first: trunk build --release)")
    return os.path.getsize(path)


def main():
    dist = sys.argv[1] if len(sys.argv) > 1 else "dist"
    pieces_path = os.path.join(dist, "pieces.json")
    if not os.path.exists(pieces_path):
        sys.exit(f"size budget: {pieces_path} is missing (build the release first: trunk build --release)")
    with open(pieces_path, encoding="utf-8") as file:
        pieces = json.load(file)
    wasm, js, loader = pieces["start"]
    css = glob.glob(os.path.join(dist, "main-*.css"))
    if len(css) != 1:
        sys.exit(f"size budget: expected one CSS file in {dist}/, found {len(css)}")
    first = {
        "wasm": gzip_size(dist, wasm),
        "JS": gzip_size(dist, js) + gzip_size(dist, loader),
        "CSS": gzip_size(dist, os.path.basename(css[0])),
    }
    total = sum(first.values())
    print("  First load (to My work):")
    for name, size in first.items():
        print(f"    {name:5} {size:>9,} bytes gzip")
    print(f"    total {total:>9,} bytes gzip (budget {BUDGET_BYTES:,})")
    every = sorted(set(sum(pieces["needs"].values(), [])))
    print(f"  Pieces fetched when first needed: {len(every)} files, {sum(gzip_size(dist, p) for p in every):,} bytes gzip in all")
    for point, needs in sorted(pieces["needs"].items()):
        print(f"    opening {point:12} fetches {sum(gzip_size(dist, p) for p in needs):>9,} bytes gzip ({len(needs)} files)")
    if total > BUDGET_BYTES:
        sys.exit(
            f"size budget: the first load is {total - BUDGET_BYTES:,} bytes over its budget of {BUDGET_BYTES:,} (see scripts/size_budget.py)"
        )


if __name__ == "__main__":
    main()
