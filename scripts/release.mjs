// trunk post_build hook (after csp.py): finishes the release in trunk's staging folder.
//
// 1. Names the release in the service worker (sw.js), so every release's worker differs by at
//    least that line: the browser then notices a new release, the new worker fetches it in the
//    background, and the page offers to reload (see public/sw.js and src/offline.rs).
// 2. Writes precompressed copies beside every text asset (the wasm, JS, CSS, HTML, JSON, SVG):
//    `.br` (Brotli, quality 11) and `.gz` (gzip, level 9), with Node's own zlib, so a host can
//    send them as they are (scripts/serve.py does; docs/hosting.md says how for nginx, Apache
//    and IIS). Both are deterministic: the same build gives the same bytes.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("release.mjs runs as a trunk post_build hook (TRUNK_STAGING_DIR is not set)");
  process.exit(1);
}

// The release is named by the hash trunk puts in the app's file names (redress-<hash>.js), which
// changes with any change to the app; the page reads the same name to know which release it is.
const index = readFileSync(join(staging, "index.html"), "utf8");
const named = index.match(/\/redress-([0-9a-f]+)\.js/);
if (!named) {
  console.error("index.html does not load /redress-<hash>.js, so the release cannot be named");
  process.exit(1);
}
const release = named[1];
// csp.py runs first (Trunk.toml): compressing before it would send a page without its policy.
if (!index.includes('http-equiv="Content-Security-Policy"')) {
  console.error("index.html has no Content-Security-Policy yet: run scripts/csp.py before release.mjs");
  process.exit(1);
}
const swPath = join(staging, "sw.js");
const sw = readFileSync(swPath, "utf8");
if (!sw.includes('const RELEASE = "dev";')) {
  console.error('sw.js must hold the line `const RELEASE = "dev";` for the release to be named');
  process.exit(1);
}
writeFileSync(swPath, sw.replace('const RELEASE = "dev";', `const RELEASE = "${release}";`));

const compressible = /\.(wasm|js|mjs|css|html|json|svg|webmanifest)$/;

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      walk(path);
    } else if (compressible.test(name)) {
      const bytes = readFileSync(path);
      writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
      writeFileSync(
        `${path}.br`,
        brotliCompressSync(bytes, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 11,
            [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
          },
        }),
      );
    }
  }
}
walk(staging);
