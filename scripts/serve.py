"""Serves the built app from dist/ on 127.0.0.1, as a well-set-up static host would.

- Any path that is not a file gets index.html, so the app's own addresses (/records/new,
  /records/<id>) survive a reload. `--no-fallback` answers 404 instead, as a plain host does
  (the service worker then answers those addresses from its cached shell).
- The build writes `.br` and `.gz` copies beside every text asset (scripts/release.mjs); they
  are sent as they are, with `Content-Encoding`, to a browser that accepts them.
- The page's Content-Security-Policy (which scripts/csp.py writes into index.html) is also sent
  as a header, with `frame-ancestors 'none'`, which only a header can carry.

Loopback only: the data is personal and stays on this device.
"""

import argparse
import functools
import http.server
import os
import re


class AppHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".webmanifest": "application/manifest+json",
        ".json": "application/json",
        ".svg": "image/svg+xml",
    }
    fallback = True

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
            self.path = "/index.html"
        if not os.path.isfile(path):
            if not self.fallback:
                self.send_error(404, "Not found")
                return None
            self.path = "/index.html"
            path = self.translate_path(self.path)
        encoding, sent = self.choose_encoding(path)
        try:
            file = open(sent, "rb")
        except OSError:
            self.send_error(404, "Not found")
            return None
        size = os.fstat(file.fileno()).st_size
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(size))
        self.end_headers()
        return file

    def choose_encoding(self, path):
        """The precompressed copy the browser accepts, Brotli first; else the file itself."""
        accepted = {
            part.split(";")[0].strip()
            for part in self.headers.get("Accept-Encoding", "").split(",")
        }
        for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):
            if encoding in accepted and os.path.isfile(path + suffix):
                return encoding, path + suffix
        return None, path

    def end_headers(self):
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        if self.path.endswith("index.html") or self.path.endswith("sw.js"):
            self.send_header("Cache-Control", "no-cache")
        if self.path.endswith("index.html"):
            # Read afresh, so a rebuilt dist/ is served with its own script hash.
            policy = page_policy(self.directory)
            if policy:
                self.send_header("Content-Security-Policy", policy)
        super().end_headers()

    def log_message(self, format, *args):
        if os.environ.get("REDRESS_SERVE_QUIET") != "1":
            super().log_message(format, *args)


def page_policy(directory):
    """The policy csp.py wrote into index.html's meta element, plus what only a header carries."""
    try:
        with open(os.path.join(directory, "index.html"), encoding="utf-8") as file:
            found = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', file.read())
    except OSError:
        return None
    return found.group(1) + "; frame-ancestors 'none'" if found else None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--directory", default="dist")
    parser.add_argument(
        "--no-fallback",
        action="store_true",
        help="answer 404 for addresses that are not files, as a host with no fallback does",
    )
    args = parser.parse_args()
    AppHandler.fallback = not args.no_fallback
    handler = functools.partial(AppHandler, directory=args.directory)
    with http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler) as server:
        print(f"Redress is at http://127.0.0.1:{args.port}/ (Ctrl+C to stop)", flush=True)
        server.serve_forever()


if __name__ == "__main__":
    main()
