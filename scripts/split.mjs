// trunk post_build hook, first of three: splits the app's wasm into the start and its pieces.
//
// A first visit should download what the first page needs, not every page of the app. The app
// marks its split points (src/lazy.rs: each area's pages, team sync); this step cuts the wasm
// there with `wasm-split-cli` (crate wasm_split_cli_support, the tool cargo-leptos's `--split`
// runs, installed by scripts/setup.sh), which trunk 0.21 cannot do itself (trunk#1022):
//
// 1. reads the wasm cargo built for trunk (linked with --emit-relocs, .cargo/config.toml), and
//    splits it: the start (everything reachable without passing a split point), a piece per
//    split point, and pieces holding code that several split points share;
// 2. runs wasm-bindgen over the start, as trunk did, keeping the linker's exports the pieces
//    link against, under trunk's own file names, replacing trunk's JS and wasm;
// 3. shrinks every wasm file with binaryen's wasm-opt -Oz (a release build only; index.html
//    tells trunk not to, since its copy is replaced here);
// 4. names each piece after the release (redress-records-<hash>.wasm, with trunk's hash of the
//    release), so no host or browser cache can mix pieces of two releases and hosts cache them
//    as they do trunk's hashed files (docs/hosting.md); the loader likewise (redress-split-<hash>.js);
// 5. puts the new files' integrity hashes in index.html, and lists the pieces in the service
//    worker (`const PIECES = []`), which keeps them all after the first visit so every page
//    opens offline.
//
// Afterwards `pieces.json` in the staging folder says which pieces each split point needs, for
// the size budget (scripts/size_budget.py) to count what opening My work downloads.
import { execFile, execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";

function fail(message) {
  console.error(`split.mjs: ${message}`);
  process.exit(1);
}

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) fail("runs as a trunk post_build hook (TRUNK_STAGING_DIR is not set)");
const release = process.env.TRUNK_PROFILE === "release";

const indexPath = join(staging, "index.html");
let index = readFileSync(indexPath, "utf8");
const named = index.match(/\/(redress-[0-9a-f]+)\.js/);
if (!named) fail("index.html does not load /redress-<hash>.js");
const stem = named[1];
const hash = stem.slice("redress-".length);

const cargo = JSON.parse(execFileSync("cargo", ["metadata", "--format-version", "1", "--no-deps", "--offline"]));
const built = join(cargo.target_directory, "wasm32-unknown-unknown", release ? "release" : "debug", "redress.wasm");

const work = mkdtempSync(join(tmpdir(), "redress-split-"));
const run = (tool, args) => execFileSync(tool, args, { stdio: ["ignore", "ignore", "inherit"] });
const runAsync = (tool, args) =>
  new Promise((resolve, reject) =>
    execFile(tool, args, (error, _out, err) => (error ? reject(new Error(`${tool}: ${err || error.message}`)) : resolve())),
  );
try {
  run("wasm-split-cli", [built, work, "--out-name", stem]);
  run("wasm-bindgen", [
    "--target", "web", "--keep-lld-exports", "--no-demangle", "--no-typescript",
    "--out-dir", join(work, "bound"), "--out-name", stem, join(work, `${stem}.wasm`),
  ]);

  // The start's files, and each piece under the release's name.
  const files = new Map([
    [`${stem}.js`, join(work, "bound", `${stem}.js`)],
    [`${stem}_bg.wasm`, join(work, "bound", `${stem}_bg.wasm`)],
  ]);
  let loader = readFileSync(join(work, "__wasm_split.js"), "utf8");
  const pieces = [];
  for (const name of readdirSync(work).filter((n) => n.endsWith(".wasm") && n !== `${stem}.wasm`)) {
    const piece = `redress-${name.replace(/^split_/, "").replace(/\.wasm$/, "")}-${hash}.wasm`;
    if (!loader.includes(`"./${name}"`)) fail(`the loader does not name ${name}`);
    loader = loader.replaceAll(`"./${name}"`, `"./${piece}"`);
    files.set(piece, join(work, name));
    pieces.push(piece);
  }
  const loaderName = `redress-split-${hash}.js`;
  writeFileSync(join(work, loaderName), loader);
  files.set(loaderName, join(work, loaderName));

  // The start imports the loader as "./__wasm_split.js"; only the import is renamed (the wasm's
  // own import names, the object keys, stay as they are).
  const startJs = files.get(`${stem}.js`);
  const js = readFileSync(startJs, "utf8");
  const renamed = js.replaceAll(/from ["']\.\/__wasm_split\.js["']/g, `from "./${loaderName}"`);
  if (renamed === js) fail("the start's JS does not import the loader");
  writeFileSync(startJs, renamed);

  if (release) {
    // Largest first, as many at once as there are cores.
    const wasm = [...files.values()].filter((path) => path.endsWith(".wasm"));
    wasm.sort((a, b) => statSync(b).size - statSync(a).size);
    const shrink = async () => {
      for (let path = wasm.shift(); path; path = wasm.shift()) {
        await runAsync("wasm-opt", ["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", path, "-o", path]);
      }
    };
    await Promise.all(Array.from({ length: availableParallelism() }, shrink));
  }

  for (const [name, path] of files) renameSync(path, join(staging, name));

  // Which pieces each split point needs, read from the loader: `__wasm_split_load_<point> = ...
  // fetch("./<piece>") ..., [<chunks it waits for>]`.
  const chunkFile = new Map(
    [...loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)].map(
      (m) => [m[1], m[2]],
    ),
  );
  const needs = {};
  for (const m of loader.matchAll(
    /export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"[\s\S]*?, \[([^\]]*)\]\)\);/g,
  )) {
    const deps = m[3].split(",").map((d) => d.trim()).filter(Boolean).map((d) => chunkFile.get(d));
    if (deps.some((d) => !d)) fail(`the loader's pieces for ${m[1]} could not be read`);
    needs[m[1]] = [m[2], ...deps];
  }
  const covered = new Set(Object.values(needs).flat());
  if (pieces.some((p) => !covered.has(p))) fail("a piece is needed by no split point (the loader's shape changed?)");
  writeFileSync(join(staging, "pieces.json"), JSON.stringify({ start: [`${stem}_bg.wasm`, `${stem}.js`, loaderName], needs }, null, 1));
} finally {
  rmSync(work, { recursive: true, force: true });
}

// trunk's integrity hashes were for the files replaced above.
const sri = (name) => `sha384-${createHash("sha384").update(readFileSync(join(staging, name))).digest("base64")}`;
for (const name of [`${stem}.js`, `${stem}_bg.wasm`]) {
  const pattern = new RegExp(`(href="/${name}"[^>]*integrity=")[^"]*(")`);
  if (!pattern.test(index)) fail(`index.html has no integrity for ${name}`);
  index = index.replace(pattern, `$1${sri(name)}$2`);
}
writeFileSync(indexPath, index);

const swPath = join(staging, "sw.js");
const sw = readFileSync(swPath, "utf8");
if (!sw.includes("const PIECES = [];")) fail("sw.js must hold the line `const PIECES = [];`");
const list = JSON.parse(readFileSync(join(staging, "pieces.json"), "utf8"));
const all = [...new Set([list.start[2], ...Object.values(list.needs).flat()])].map((name) => `/${name}`);
writeFileSync(swPath, sw.replace("const PIECES = [];", `const PIECES = ${JSON.stringify(all)};`));
