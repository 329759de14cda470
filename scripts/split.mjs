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
// 2. runs wasm-bindgen over the start, as trunk did (the version Trunk.toml pins), keeping the
//    linker's exports the pieces link against;
// 3. shrinks every wasm file with binaryen's wasm-opt -Oz (a release build only, with the
//    version Trunk.toml pins; index.html tells trunk not to, since its copy is replaced here);
// 4. names every file after a hash of what is shipped (redress-<hash>.js, redress-<hash>_bg.wasm,
//    redress-records-<hash>.wasm, the loader redress-split-<hash>.js), so no host or browser
//    cache can mix files of two releases — a new tool or flag changes the names too — and
//    hosts cache them as they do trunk's hashed files (docs/hosting.md); trunk's own JS and
//    wasm are replaced;
// 5. gives index.html the integrity hashes of the start and the loader, and the loader each
//    piece's (a piece is fetched with its `integrity`), and lists the pieces in the service
//    worker (`const PIECES = []`), which keeps them all after the first visit so every page
//    opens offline.
//
// Afterwards `pieces.json` in the staging folder says which pieces each split point needs, for
// the size budget (scripts/size_budget.py) to count what opening My work downloads.
import { execFile, execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** A problem that stops the build, in words. */
class Stop extends Error {}
const fail = (message) => {
  throw new Stop(message);
};
const root = dirname(dirname(fileURLToPath(import.meta.url)));
const run = (tool, args) => execFileSync(tool, args, { stdio: ["ignore", "ignore", "inherit"] });
const runAsync = (tool, args) =>
  new Promise((resolve, reject) =>
    execFile(tool, args, (error, _out, err) => (error ? reject(new Stop(`${tool}: ${err || error.message}`)) : resolve())),
  );
const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
// The name every file carries until the release's hash is known.
const PLACEHOLDER = "SPLITRELEASEHASH";

/** The tools Trunk.toml pins, checked, so a build never ships what another version made. */
function tools() {
  const trunk = readFileSync(join(root, "Trunk.toml"), "utf8");
  const bindgen = trunk.match(/^wasm_bindgen = "([0-9.]+)"/m)?.[1];
  const opt = trunk.match(/^wasm_opt = "version_([0-9]+)"/m)?.[1];
  if (!bindgen || !opt) fail("Trunk.toml does not pin wasm_bindgen and wasm_opt");
  const found = execFileSync("wasm-bindgen", ["--version"], { encoding: "utf8" }).trim();
  if (found !== `wasm-bindgen ${bindgen}`) fail(`${found} is on the PATH, but Trunk.toml pins ${bindgen} (run scripts/setup.sh)`);
  const wasmOpt = join(root, "node_modules", ".bin", "wasm-opt");
  const optFound = execFileSync(wasmOpt, ["--version"], { encoding: "utf8" }).trim();
  if (!optFound.includes(`version ${opt}`)) fail(`${wasmOpt} is ${optFound}, but Trunk.toml pins ${opt} (run npm ci)`);
  return { wasmOpt };
}

async function main() {
  const staging = process.env.TRUNK_STAGING_DIR;
  if (!staging) fail("runs as a trunk post_build hook (TRUNK_STAGING_DIR is not set)");
  const release = process.env.TRUNK_PROFILE === "release";
  const { wasmOpt } = tools();

  const indexPath = join(staging, "index.html");
  let index = readFileSync(indexPath, "utf8");
  const trunkStem = index.match(/\/(redress-[0-9a-f]+)\.js/)?.[1];
  if (!trunkStem) fail("index.html does not load /redress-<hash>.js");

  const cargo = JSON.parse(execFileSync("cargo", ["metadata", "--format-version", "1", "--no-deps", "--offline"]));
  const built = join(cargo.target_directory, "wasm32-unknown-unknown", release ? "release" : "debug", "redress.wasm");
  // Beside cargo's output, so the files move into the staging folder on the same disk.
  const work = mkdtempSync(join(cargo.target_directory, "redress-split-"));
  try {
    const stem = `redress-${PLACEHOLDER}`;
    run("wasm-split-cli", [built, work, "--out-name", stem]);
    run("wasm-bindgen", [
      "--target", "web", "--keep-lld-exports", "--no-demangle", "--no-typescript",
      "--out-dir", join(work, "bound"), "--out-name", stem, join(work, `${stem}.wasm`),
    ]);

    // Each file by the name it ships under, the hash still a placeholder.
    const wasm = new Map([[`${stem}_bg.wasm`, join(work, "bound", `${stem}_bg.wasm`)]]);
    let loader = readFileSync(join(work, "__wasm_split.js"), "utf8");
    for (const name of readdirSync(work).filter((n) => n.endsWith(".wasm") && n !== `${stem}.wasm`)) {
      const piece = `redress-${name.replace(/^split_/, "").replace(/\.wasm$/, "")}-${PLACEHOLDER}.wasm`;
      if (!loader.includes(`"./${name}"`)) fail(`the loader does not name ${name}`);
      loader = loader.replaceAll(`"./${name}"`, `"./${piece}"`);
      wasm.set(piece, join(work, name));
    }
    const loaderName = `redress-split-${PLACEHOLDER}.js`;
    // The start imports the loader as "./__wasm_split.js"; only the import is renamed (the
    // wasm's own import names, the object keys, stay as they are).
    let js = readFileSync(join(work, "bound", `${stem}.js`), "utf8");
    const renamed = js.replaceAll(/from ["']\.\/__wasm_split\.js["']/g, `from "./${loaderName}"`);
    if (renamed === js) fail("the start's JS does not import the loader");
    js = renamed;

    if (release) {
      // Largest first, as many at once as there are cores.
      const queue = [...wasm.values()].sort((a, b) => statSync(b).size - statSync(a).size);
      const shrink = async () => {
        for (let path = queue.shift(); path; path = queue.shift()) {
          await runAsync(wasmOpt, ["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", path, "-o", path]);
        }
      };
      await Promise.all(Array.from({ length: availableParallelism() }, shrink));
    }

    // The release's hash: of every byte shipped, names aside.
    const hashing = createHash("sha256");
    for (const [name, path] of [...wasm].sort()) hashing.update(name).update(readFileSync(path));
    hashing.update(loader).update(js);
    const hash = hashing.digest("hex").slice(0, 16);
    const named = (name) => name.replaceAll(PLACEHOLDER, hash);

    // Each piece is fetched with its integrity.
    const bytes = new Map([...wasm].map(([name, path]) => [named(name), readFileSync(path)]));
    loader = named(loader);
    for (const [name, content] of bytes) {
      if (name === named(`${stem}_bg.wasm`)) continue;
      const fetchOf = `fetch(new URL("./${name}", import.meta.url))`;
      if (!loader.includes(fetchOf)) fail(`the loader does not fetch ${name} as expected`);
      loader = loader.replaceAll(fetchOf, `fetch(new URL("./${name}", import.meta.url), { integrity: "${sri(content)}" })`);
    }
    // In the start's JS only the loader's name and the wasm's default address change: the
    // import object's key "./redress-<placeholder>_bg.js" is the name the wasm itself imports.
    js = js.replaceAll(loaderName, named(loaderName)).replaceAll(`${stem}_bg.wasm`, named(`${stem}_bg.wasm`));
    for (const [name, content] of bytes) writeFileSync(join(staging, name), content);
    writeFileSync(join(staging, named(loaderName)), loader);
    writeFileSync(join(staging, named(`${stem}.js`)), js);
    for (const old of [`${trunkStem}.js`, `${trunkStem}_bg.wasm`]) rmSync(join(staging, old));

    // index.html: the start under its new names, with their integrity, and the loader preloaded
    // with its own (the start imports it).
    index = index.replaceAll(`/${trunkStem}.js`, `/${named(stem)}.js`).replaceAll(`/${trunkStem}_bg.wasm`, `/${named(stem)}_bg.wasm`);
    const integrity = { [`${named(stem)}.js`]: sri(js), [`${named(stem)}_bg.wasm`]: sri(bytes.get(named(`${stem}_bg.wasm`))) };
    for (const [name, value] of Object.entries(integrity)) {
      const pattern = new RegExp(`(href="/${name}"[^>]*integrity=")[^"]*(")`);
      if (!pattern.test(index)) fail(`index.html has no integrity for ${name}`);
      index = index.replace(pattern, `$1${value}$2`);
    }
    const preload = `<link rel="modulepreload" href="/${named(loaderName)}" crossorigin="anonymous" integrity="${sri(loader)}">`;
    if (!index.includes("</head>")) fail("index.html has no </head>");
    index = index.replace("</head>", `${preload}</head>`);
    writeFileSync(indexPath, index);

    // Which pieces each split point needs, read from the loader: `__wasm_split_load_<point> =
    // ... fetch(new URL("./<piece>" ...)) ..., [<the shared pieces it waits for>]`.
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
    const pieces = [...bytes.keys()].filter((name) => name !== named(`${stem}_bg.wasm`));
    if (pieces.some((p) => !covered.has(p))) fail("a piece is needed by no split point (the loader's shape changed?)");
    const start = [named(`${stem}_bg.wasm`), named(`${stem}.js`), named(loaderName)];
    writeFileSync(join(staging, "pieces.json"), JSON.stringify({ start, needs }, null, 1));

    const swPath = join(staging, "sw.js");
    const sw = readFileSync(swPath, "utf8");
    if (!sw.includes("const PIECES = [];")) fail("sw.js must hold the line `const PIECES = [];`");
    const all = [named(loaderName), ...pieces].map((name) => `/${name}`);
    writeFileSync(swPath, sw.replace("const PIECES = [];", `const PIECES = ${JSON.stringify(all)};`));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (error) {
  console.error(`split.mjs: ${error instanceof Stop ? error.message : error.stack}`);
  process.exit(1);
}
