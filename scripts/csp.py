"""trunk post_build hook: adds a Content-Security-Policy to the built index.html.

Redress holds special-category data, so the page may run only its own code: scripts from this
site plus trunk's inline start-up script (allowed by its hash, worked out here because it changes
with every build), WebAssembly compilation, and nothing fetched from anywhere else but the team's sync server.
"""

import base64
import hashlib
import os
import re
import sys


def main():
    staging = os.environ.get("TRUNK_STAGING_DIR")
    if not staging:
        sys.exit("csp.py runs as a trunk post_build hook (TRUNK_STAGING_DIR is not set)")
    path = os.path.join(staging, "index.html")
    with open(path, encoding="utf-8") as file:
        html = file.read()
    inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
        for body in inline
    )
    policy = (
        "default-src 'self'; "
        f"script-src 'self' 'wasm-unsafe-eval' {hashes}; "
        "style-src 'self'; img-src 'self' data:; "
        # Team sync talks to the team's own CouchDB, whose address a person types in Settings,
        # so it cannot be named here: any https server, or plain http on this computer (a test
        # server). The app fetches nothing but that server; a host that knows its server's
        # address narrows this in its own header (docs/hosting.md).
        "connect-src 'self' https: http://localhost:* http://127.0.0.1:*; manifest-src 'self'; "
        "worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"
    )
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    html = html.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n    ' + meta, 1)
    with open(path, "w", encoding="utf-8") as file:
        file.write(html)


if __name__ == "__main__":
    main()
