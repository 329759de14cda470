// The benchmark's first-visit half, run by scripts/bench.sh: a cold first visit (a fresh browser
// profile: nothing cached, no service worker) from navigation until the My work heading shows,
// and the bytes that came over the network for it, on loopback and on a slow connection
// (Chrome's own network emulation: 1.6 Mb/s down, 750 kb/s up, 150 ms round trip — a poor
// council Wi-Fi or a phone's signal on a home visit). Each figure is the median of --runs runs.
// It asserts nothing.
//
//   node scripts/bench/first-visit.mjs --base http://127.0.0.1:8093 [--runs 3] [--json out.json]

import { chromium } from "@playwright/test";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const args = process.argv.slice(2);
const get = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
};
const base = get("base", "http://127.0.0.1:8093");
const runs = Math.max(1, Number(get("runs", "3")));
const json = get("json", "");

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

const NETWORKS = {
  loopback: null,
  slow: { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 },
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function once(network) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "redress-first-visit-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    if (network) await cdp.send("Network.emulateNetworkConditions", network);
    let bytes = 0;
    cdp.on("Network.loadingFinished", (event) => {
      bytes += event.encodedDataLength;
    });
    await page.goto(`${base}/`, { waitUntil: "commit", timeout: 300_000 });
    await page.getByRole("heading", { level: 1, name: "My work" }).waitFor({ timeout: 300_000 });
    const ms = await page.evaluate(() => performance.now());
    return { ms, bytes };
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

const results = {};
for (const [name, network] of Object.entries(NETWORKS)) {
  const measured = [];
  for (let run = 0; run < runs; run++) measured.push(await once(network));
  results[name] = { ms: median(measured.map((m) => m.ms)), bytes: median(measured.map((m) => m.bytes)) };
  console.error(`bench: first visit, ${name}: ${Math.round(results[name].ms)} ms, ${Math.round(results[name].bytes / 1024)} KB`);
}

console.log("");
console.log("First visit (cold: nothing cached)     to My work    over the network");
console.log("--------------------------------------  ----------  ----------------");
for (const [name, { ms, bytes }] of Object.entries(results)) {
  const label = name === "slow" ? "slow connection (1.6 Mb/s, 150 ms)" : "loopback";
  console.log(`${label.padEnd(38)}  ${`${(ms / 1000).toFixed(2)} s`.padStart(10)}  ${`${Math.round(bytes / 1024)} KB`.padStart(16)}`);
}
if (json) fs.writeFileSync(json, JSON.stringify({ first_visit: results }, null, 2));
