// The benchmark's browser half, run by scripts/bench.sh (read its header for how to use it).
//
// For each size it opens a fresh Chromium profile (its own user-data-dir, so each size starts
// from an empty device with the normal disk quota), fills it through the app's own import — the
// Settings → "Export and import" page, as a person would use it — and then times, by role and by
// label so the steps survive a rewrite of the pages:
//   start-up to the Records table, one saved edit, one search keystroke (against a native JS
//   filter over the same lower-cased strings), the annual report, the JS heap and wasm memory.
// It prints one table and the ratios the budgets of issue #11 name. It asserts nothing: a size that
// cannot be filled (today's localStorage door is full at a few thousand records) is skipped with
// the app's own words, and the run still ends with exit code 0.
//
//   node scripts/bench/bench.mjs --base http://127.0.0.1:8093 --files DIR --sizes 0,10,5000 [--runs 3] [--json out.json]
// DIR holds N.json for every size N (made by `cargo run --release -p redress-core --example make_export -- N`).

import { chromium } from "@playwright/test";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
  // Unrounded performance.memory figures.
  "--enable-precise-memory-info",
  // Timers of a page in the background are not slowed down mid-measurement.
  "--disable-background-timer-throttling",
  "--disable-renderer-backgrounding",
];

function options() {
  const args = process.argv.slice(2);
  const get = (name, fallback) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
  };
  const sizes = get("sizes", "0,10,5000,10000,50000")
    .split(/[ ,]+/)
    .filter(Boolean)
    .map((s) => Number(s.replace(/_/g, "")));
  if (sizes.some((n) => !Number.isInteger(n) || n < 0)) throw new Error(`--sizes must be whole numbers: ${get("sizes")}`);
  return {
    base: get("base", "http://127.0.0.1:8093"),
    files: get("files", "."),
    sizes,
    runs: Math.max(1, Number(get("runs", "3"))),
    json: get("json", ""),
    lockAll: args.includes("--lock-all"),
  };
}

/** A generous limit for a step on a busy two-core machine: two minutes, plus more for big sizes. */
const limit = (n) => 120_000 + n * 12;

const median = (values) => {
  const sorted = values.filter((v) => typeof v === "number" && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const say = (...words) => console.error(`bench: ${words.join(" ")}`);

/** What the records list searches, exactly as the core builds it: reference, name and summary, lower-cased. */
function haystacks(file) {
  return (file.records ?? [])
    .filter((r) => !r.outgoing)
    .map((r) => `${r.reference ?? ""} ${r.person_name ?? ""} ${r.summary ?? ""}`.toLowerCase());
}

/** The letter a person might type first that narrows the list the most usefully: nearest to a third. */
function keystroke(strings) {
  if (strings.length === 0) return "a";
  let best = "a";
  let bestScore = Infinity;
  for (const letter of "abcdefghijklmnopqrstuvwxyz") {
    const share = strings.filter((s) => s.includes(letter)).length / strings.length;
    if (share === 0 || share === 1) continue;
    const score = Math.abs(share - 1 / 3);
    if (score < bestScore) [best, bestScore] = [letter, score];
  }
  return best;
}

/** Fills the device through Settings → Export and import: choose the file, check it, import it. */
async function fill(page, file, n) {
  await page.goto("/data", { timeout: limit(n) });
  await page.getByLabel("File to import").setInputFiles(file, { timeout: limit(n) });
  const started = Date.now();
  await page.getByRole("button", { name: "Check the file" }).click();
  const importButton = page.getByRole("button", { name: "Import", exact: true });
  const refused = page.getByRole("alert").filter({ hasText: /cannot be imported/i });
  await importButton.or(refused).first().waitFor({ state: "visible", timeout: limit(n) });
  if (await refused.count()) {
    return { ok: false, why: `the file was refused: ${clean(await refused.first().innerText())}` };
  }
  if (await importButton.isDisabled()) {
    // An empty file changes nothing (0 records): the device stays empty, which is what 0 means.
    return { ok: n === 0, why: n === 0 ? "" : "the import page found nothing to import", seconds: 0, checkSeconds: (Date.now() - started) / 1000 };
  }
  const checked = Date.now();
  await importButton.click();
  // Today's words are “Imported: N new records…” or “Nothing was imported, because…”; a progress
  // message on the way (“Importing…”) is waited through.
  const done = page
    .getByRole("status")
    .or(page.getByRole("alert"))
    .filter({ hasText: /\bImported\b|Nothing was imported|not imported|could not|cannot/i })
    .first();
  await done.waitFor({ state: "visible", timeout: limit(n) });
  const words = clean(await done.innerText());
  if (!/^Imported\b/i.test(words)) return { ok: false, why: `the import failed: “${words}”` };
  const seconds = (Date.now() - checked) / 1000;
  // What a person who stays on the page a moment would let finish: the list's rows folded into
  // packs for the next start (src/store/rows.rs), which only many rows need.
  if (n > 200) {
    await page
      .waitForFunction(() => performance.getEntriesByName("redress:rows-packed").length > 0, undefined, { polling: 100, timeout: limit(n) })
      .catch(() => say(`${n}: the rows were not packed after the import`));
  }
  return { ok: true, words, checkSeconds: (checked - started) / 1000, seconds };
}

const clean = (text) => text.replace(/\s+/g, " ").trim().slice(0, 300);

/**
 * Start-up to My work: a fresh load of My work until its heading shows (drawn from the rows kept
 * at the last start, when there is one for every record), and the app's marks until every
 * record has been read and taken in.
 */
async function startUpAll(page, n) {
  await page.goto("/", { waitUntil: "commit", timeout: limit(n) });
  const handle = await page.waitForFunction(
    () => {
      const h1 = (document.querySelector("main") ?? document.body).querySelector("h1");
      return h1 && h1.getClientRects().length > 0 && /my work/i.test(h1.textContent ?? "") ? performance.now() : false;
    },
    undefined,
    { polling: "raf", timeout: limit(n) },
  );
  const shown = await handle.jsonValue();
  // The app's own marks of its start-up steps (src/timing.rs), once every record is taken in.
  const marks = await page
    .waitForFunction(
      () => {
        const all = performance.getEntriesByType("mark").filter((m) => m.name.startsWith("redress:"));
        return all.some((m) => m.name === "redress:records-taken-in") ? Object.fromEntries(all.map((m) => [m.name.slice(8), m.startTime])) : false;
      },
      undefined,
      { polling: 50, timeout: limit(n) },
    )
    .then((h) => h.jsonValue())
    .catch(() => ({}));
  return { shown, marks };
}

/**
 * Start-up: a fresh load of /records, from the start of navigation (performance.now() counts from
 * there) until the table is visible with its rows — or, with no records, until the page says so.
 */
async function startUp(page, n) {
  await page.goto("/records", { waitUntil: "commit", timeout: limit(n) });
  const handle = await page.waitForFunction(
    (expectRows) => {
      const visible = (el) => el && el.getClientRects().length > 0;
      const main = document.querySelector("main") ?? document.body;
      if (expectRows) {
        const row = main.querySelector("table tbody tr");
        return visible(row) ? performance.now() : false;
      }
      const heading = main.querySelector("h1");
      const empty = /no records/i.test(main.textContent ?? "");
      return visible(heading) && empty && !main.querySelector("table") ? performance.now() : false;
    },
    n > 0,
    { polling: "raf", timeout: limit(n) },
  );
  return handle.jsonValue();
}

/** The JS heap after a garbage collection, and the size of every wasm memory the page holds. */
async function memory(page, cdp) {
  // A DevTools call that never answers (seen with HeapProfiler.enable since the app fetches its
  // pieces and its worker keeps them) is given up after 20 s: the heap is then the page's own
  // figure, without a collection first, and the run goes on.
  const within = (promise) =>
    Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error("no answer in 20 s")), 20_000))]);
  try {
    await within(cdp.send("HeapProfiler.enable"));
    await within(cdp.send("HeapProfiler.collectGarbage"));
  } catch (error) {
    say(`garbage collection not reachable: ${error.message}`);
  }
  const heap = await within(cdp.send("Runtime.getHeapUsage")).catch(() => undefined);
  const perf = await page.evaluate(() => performance.memory?.usedJSHeapSize);
  let wasm;
  try {
    const proto = await within(cdp.send("Runtime.evaluate", { expression: "WebAssembly.Memory.prototype" }));
    const found = await within(cdp.send("Runtime.queryObjects", { prototypeObjectId: proto.result.objectId }));
    const total = await within(cdp.send("Runtime.callFunctionOn", {
      objectId: found.objects.objectId,
      functionDeclaration: "function () { return this.reduce((sum, m) => sum + m.buffer.byteLength, 0); }",
      returnByValue: true,
    }));
    wasm = total.result.value;
  } catch (error) {
    say(`wasm memory not reachable: ${error.message}`);
  }
  return { jsHeap: heap?.usedSize ?? perf, perfHeap: perf, wasm };
}

/**
 * Watches the page from the next `event` (keydown, click) anywhere in it: `last` is the time of the
 * latest change to the page since, and with `confirmation`, `done` is the time a saved
 * confirmation (an alert or status saying “logged” or “saved”, not “not saved”) first appeared.
 * The check is written out here rather than passed in, as the app's Content-Security-Policy
 * rightly forbids building functions from text.
 */
async function arm(page, event, confirmation = false) {
  await page.evaluate(
    ({ event, confirmation }) => {
      const bench = (window.__bench = { t0: null, last: null, done: null, count: 0 });
      const selector = '[role="alert"], [role="status"]';
      const confirms = (el) => {
        const text = el?.textContent ?? "";
        return Boolean(el) && /logged|saved/i.test(text) && !/not saved/i.test(text);
      };
      const confirmed = (record) => {
        if (record.type === "characterData") return confirms(record.target.parentElement?.closest(selector));
        for (const node of record.addedNodes) {
          const el = node.nodeType === 1 ? node : node.parentElement;
          const found = el?.closest(selector) ?? (node.nodeType === 1 ? node.querySelector(selector) : null);
          if (confirms(found)) return true;
        }
        return false;
      };
      bench.event = event;
      bench.listener = () => {
        if (bench.t0 === null) bench.t0 = performance.now();
      };
      document.addEventListener(event, bench.listener, { capture: true });
      bench.observer = new MutationObserver((records) => {
        if (bench.t0 === null) return;
        const now = performance.now();
        bench.last = now;
        bench.count += records.length;
        if (confirmation && bench.done === null && records.some(confirmed)) bench.done = now;
      });
      bench.observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    },
    { event, confirmation },
  );
}

async function disarm(page) {
  return page.evaluate(() => {
    const bench = window.__bench;
    if (!bench) return null;
    bench.observer.disconnect();
    document.removeEventListener(bench.event, bench.listener, { capture: true });
    window.__bench = undefined;
    return { t0: bench.t0, last: bench.last, done: bench.done, count: bench.count };
  });
}

/** Waits until nothing has changed in the page for `quiet` ms after the first change (or `limit`). */
async function settled(page, quiet, timeout) {
  await page.waitForFunction(
    (quiet) => {
      const bench = window.__bench;
      return bench && bench.last !== null && performance.now() - bench.last > quiet;
    },
    quiet,
    { polling: 100, timeout },
  );
}

/** One search keystroke into the empty Records search box: until the table stops changing. */
async function searchKeystroke(page, n, letter) {
  const box = page.getByRole("searchbox", { name: "Search" }).or(page.getByLabel("Search", { exact: true })).first();
  await box.waitFor({ state: "visible", timeout: limit(n) });
  await box.fill("");
  await page.waitForTimeout(300);
  await arm(page, "keydown");
  await box.press(letter);
  try {
    await settled(page, 500, limit(n));
  } catch {
    await disarm(page);
    return undefined;
  }
  const seen = await disarm(page);
  // The app's own measure of the search in that keystroke (src/timing.rs): the filter alone.
  const search = await page.evaluate(() => performance.getEntriesByName("redress:search").at(-1)?.duration);
  await box.fill("");
  await page.waitForTimeout(500);
  return { screen: seen.last - seen.t0, search };
}

/** The same search as a plain JS filter in the page: the same lower-cased strings, the same letter. */
async function nativeFilter(page, strings, letter) {
  return page.evaluate(
    ({ strings, letter }) => {
      // Repeated so the timer's resolution does not swamp a small list; the median of many runs.
      const repeat = Math.max(1, Math.ceil(200_000 / Math.max(strings.length, 1)));
      const times = [];
      let found = 0;
      for (let run = 0; run < 15; run++) {
        const start = performance.now();
        for (let i = 0; i < repeat; i++) found = strings.filter((s) => s.includes(letter)).length;
        times.push((performance.now() - start) / repeat);
      }
      times.sort((a, b) => a - b);
      return { ms: times[Math.floor(times.length / 2)], found };
    },
    { strings, letter },
  );
}

/**
 * Opens the newest record from the list, as a person would: from the Records page, or back to it
 * from a record. A record page opened afresh shows no confirmation yet, so the next one is new.
 */
const PASSPHRASE = "bench kettle orange violin";

/** With the lock set, a page load asks for the passphrase first: given here, as a person would. */
async function unlockIfAsked(page, n) {
  const h1 = await page.waitForFunction(
    () => {
      const text = (document.querySelector("main") ?? document.body).querySelector("h1")?.textContent ?? "";
      return text && !/^Opening/.test(text) ? text : false;
    },
    undefined,
    { polling: 50, timeout: limit(n) },
  );
  if ((await h1.jsonValue()) !== "Redress is locked") return;
  await page.getByLabel("Passphrase", { exact: true }).fill(PASSPHRASE);
  await page.getByRole("button", { name: "Unlock", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Redress is locked" }).waitFor({ state: "detached", timeout: limit(n) });
}

/**
 * Unlocking: a fresh load of My work, the passphrase typed, and the time from the click on
 * "Unlock" until every record has been read, decrypted and taken in (the app's own mark).
 */
async function unlockTime(page, n) {
  await page.goto("/", { timeout: limit(n) });
  await page.getByRole("heading", { level: 1, name: "Redress is locked" }).waitFor({ timeout: limit(n) });
  await page.getByLabel("Passphrase", { exact: true }).fill(PASSPHRASE);
  const t0 = await page.evaluate(() => performance.now());
  await page.getByRole("button", { name: "Unlock", exact: true }).click();
  const done = await page.waitForFunction(
    () => performance.getEntriesByName("redress:records-taken-in").at(-1)?.startTime ?? false,
    undefined,
    { polling: 50, timeout: limit(n) },
  );
  return (await done.jsonValue()) - t0;
}

/** Sets the lock from Settings, as a person would; how long sealing every record took. */
async function setLock(page, n) {
  await page.goto("/settings/lock", { timeout: limit(n) });
  await page.getByLabel("Passphrase", { exact: true }).fill(PASSPHRASE);
  await page.getByLabel("Passphrase again").fill(PASSPHRASE);
  const t0 = Date.now();
  await page.getByRole("button", { name: "Set the lock" }).click();
  await page.getByRole("heading", { level: 1, name: "The lock is set" }).waitFor({ timeout: limit(n) });
  const ms = Date.now() - t0;
  await page.getByLabel("I have kept the recovery key somewhere safe").check();
  await page.getByRole("button", { name: "Continue" }).click();
  return ms;
}

async function openARecord(page, n) {
  const back = page.getByRole("link", { name: "Back to records" });
  if (await back.count()) await back.click();
  else {
    await page.goto("/records", { timeout: limit(n) });
    await unlockIfAsked(page, n);
  }
  const first = page.getByRole("table").first().getByRole("link").first();
  await first.waitFor({ state: "visible", timeout: limit(n) });
  await first.click();
  await page.getByText("Log a letter, email, call or meeting").waitFor({ state: "visible", timeout: limit(n) });
}

/** One saved edit: a phone call logged on the record, until the saved confirmation shows. */
async function savedEdit(page, n, run) {
  await openARecord(page, n);
  const log = page.locator("details").filter({ hasText: "Log a letter, email, call or meeting" });
  // Opened as a person would, unless it is still open from the last edit.
  if (!(await log.evaluate((details) => details.open))) await log.getByText("Log a letter, email, call or meeting").click();
  await log.getByRole("radio", { name: "Phone call", exact: true }).check();
  const today = new Date();
  const date = log.getByRole("group", { name: "Date of the contact" });
  await date.getByLabel("Day").fill(String(today.getDate()));
  await date.getByLabel("Month").fill(String(today.getMonth() + 1));
  await date.getByLabel("Year").fill(String(today.getFullYear()));
  await log.getByRole("textbox", { name: "Note" }).fill(`Benchmark call ${run + 1}: talked through the next steps.`);
  await arm(page, "click", true);
  await log.getByRole("button", { name: "Log it" }).click();
  await page.waitForFunction(() => window.__bench?.done !== null, null, { polling: 50, timeout: limit(n) });
  const seen = await disarm(page);
  const unsaved = await page.getByText("Not saved on this device").count();
  return { ms: seen.done - seen.t0, unsaved: unsaved > 0 };
}

/** The annual report: from the Reports link in the menu until its tables (or "None in this period") show. */
async function annualReport(page, n) {
  const menu = page.getByRole("navigation", { name: "Menu" });
  await menu.getByRole("link", { name: "Records", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Records" }).waitFor({ timeout: limit(n) });
  await page.waitForTimeout(300);
  await arm(page, "click");
  await menu.getByRole("link", { name: "Reports", exact: true }).click();
  const end = await page.waitForFunction(
    () => {
      const main = document.querySelector("main") ?? document.body;
      const heading = main.querySelector("h1");
      const shown =
        heading &&
        /annual complaints report/i.test(heading.textContent ?? "") &&
        (main.querySelector("table tbody tr") || /none in this period/i.test(main.textContent ?? ""));
      return shown ? performance.now() : false;
    },
    null,
    { polling: "raf", timeout: limit(n) },
  );
  const seen = await disarm(page);
  return (await end.jsonValue()) - seen.t0;
}

/** Runs every measure for one size in its own fresh profile. */
async function measure(size, opts) {
  const file = path.join(opts.files, `${size}.json`);
  const result = { size, skipped: undefined, notes: [] };
  if (!fs.existsSync(file)) return { ...result, skipped: `no file ${file}` };
  result.fileBytes = fs.statSync(file).size;
  const strings = haystacks(JSON.parse(fs.readFileSync(file, "utf8")));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), `redress-bench-${size}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
    baseURL: opts.base,
    // The measuring code runs in the page; the app's CSP is for what the app itself loads.
    bypassCSP: true,
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(limit(size));
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    const filled = await fill(page, file, size);
    if (!filled.ok) return { ...result, skipped: filled.why };
    result.importSeconds = filled.seconds;
    result.checkSeconds = filled.checkSeconds;
    say(`${size}: imported in ${filled.seconds?.toFixed(1)} s (${filled.words ?? "nothing to import"})`);

    // Each measure on its own: one that fails is named in the notes and the others still run.
    const step = async (name, body) => {
      try {
        await body();
      } catch (error) {
        result.notes.push(`${name} not measured: ${String(error.message ?? error).split("\n")[0]}`);
      }
    };
    await step("start-up", async () => {
      const starts = [];
      for (let run = 0; run < opts.runs; run++) starts.push(await startUp(page, size));
      result.startUp = median(starts);
      say(`${size}: start-up ${starts.map((t) => t.toFixed(0)).join(", ")} ms`);
      if (size > 0) {
        // Not an assertion: a note if the page does not seem to hold every record imported.
        const main = (await page.locator("main").first().textContent()) ?? "";
        const said = [String(size), size.toLocaleString("en-GB")].some((t) => main.includes(t));
        if (!said) result.notes.push(`the Records page does not mention ${size.toLocaleString("en-GB")} records`);
      }
      const all = [];
      for (let run = 0; run < opts.runs; run++) all.push(await startUpAll(page, size));
      result.startUpAll = median(all.map((a) => a.shown));
      for (const step of ["rows-read", "rows-shown", "records-read", "records-taken-in"]) {
        result[`mark:${step}`] = median(all.map((a) => a.marks[step]));
      }
      say(`${size}: start-up to My work ${all.map((a) => a.shown.toFixed(0)).join(", ")} ms; marks ${JSON.stringify(all[0].marks)}`);
    });

    if (size > 0) {
      const letter = keystroke(strings);
      result.letter = letter;
      await step("search keystroke", async () => {
        await page.goto("/records", { timeout: limit(size) });
        const keys = [];
        for (let run = 0; run < opts.runs; run++) keys.push(await searchKeystroke(page, size, letter));
        result.keystroke = median(keys.map((k) => k?.screen));
        result.search = median(keys.map((k) => k?.search));
        if (result.keystroke === undefined) result.notes.push("the search keystroke changed nothing on the page");
        say(`${size}: keystroke “${letter}” ${keys.map((k) => k?.screen?.toFixed(1)).join(", ")} ms; the search in it ${keys.map((k) => k?.search?.toFixed(2)).join(", ")} ms`);
      });
      await step("native filter", async () => {
        const native = await nativeFilter(page, strings, letter);
        result.native = native.ms;
        result.nativeFound = native.found;
        say(`${size}: native filter ${native.ms.toFixed(4)} ms (${native.found} of ${strings.length} found)`);
      });
      await step("saved edit", async () => {
        const saves = [];
        for (let run = 0; run < opts.runs; run++) {
          const saved = await savedEdit(page, size, run);
          saves.push(saved.ms);
          if (saved.unsaved) result.notes.push("the edit showed “Not saved on this device”");
        }
        result.save = median(saves);
        say(`${size}: saved edit ${saves.map((t) => t.toFixed(1)).join(", ")} ms`);
      });
      // Encryption at rest (issue #15), at 10,000 records (or every size with --lock-all): setting
      // the lock, unlocking, and the saved edit again with every value sealed.
      if (size === 10000 || opts.lockAll) {
        await step("lock", async () => {
          result.lockSet = await setLock(page, size);
          say(`${size}: lock set in ${result.lockSet} ms`);
          const unlocks = [];
          for (let run = 0; run < opts.runs; run++) unlocks.push(await unlockTime(page, size));
          result.unlock = median(unlocks);
          say(`${size}: unlock ${unlocks.map((t) => t.toFixed(0)).join(", ")} ms`);
          const saves = [];
          for (let run = 0; run < opts.runs; run++) saves.push((await savedEdit(page, size, run + 10)).ms);
          result.saveLocked = median(saves);
          say(`${size}: saved edit with the lock ${saves.map((t) => t.toFixed(1)).join(", ")} ms`);
        });
      }
    } else {
      result.notes.push("no records: nothing to search or edit");
    }

    await step("annual report", async () => {
      const reports = [];
      for (let run = 0; run < opts.runs; run++) reports.push(await annualReport(page, size));
      result.report = median(reports);
      say(`${size}: annual report ${reports.map((t) => t.toFixed(0)).join(", ")} ms`);
    });
    // Last: since the wasm is split, DevTools' heap inspection can crash the page's renderer, and
    // a crash here must not cost the other measures.
    await step("memory", async () => Object.assign(result, await memory(page, cdp)));
    return result;
  } catch (error) {
    const first = String(error.message ?? error).split("\n")[0];
    return { ...result, skipped: `could not fill the device: ${first}` };
  } finally {
    await context.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

const ms = (v) => (v === undefined ? "–" : v < 1 ? `${v.toFixed(3)} ms` : v < 10 ? `${v.toFixed(2)} ms` : `${v.toFixed(0)} ms`);
const mb = (v) => (v === undefined ? "–" : `${(v / 1_048_576).toFixed(1)} MB`);
const s = (v) => (v === undefined ? "–" : `${v.toFixed(1)} s`);

function table(results) {
  const rows = [
    ["Records", (r) => r.size.toLocaleString("en-GB")],
    ["Export file", (r) => (r.fileBytes < 1_048_576 ? `${Math.ceil(r.fileBytes / 1024)} KB` : mb(r.fileBytes))],
    ["Import: checking the file", (r) => s(r.checkSeconds)],
    ["Import: writing the records", (r) => s(r.importSeconds)],
    ["Start-up to the Records table", (r) => ms(r.startUp)],
    ["Start-up to My work", (r) => ms(r.startUpAll)],
    ["  the list's kept rows read", (r) => ms(r["mark:rows-read"])],
    ["  the list drawn from them", (r) => ms(r["mark:rows-shown"])],
    ["  every record read", (r) => ms(r["mark:records-read"])],
    ["  every record taken in", (r) => ms(r["mark:records-taken-in"])],
    ["One saved edit", (r) => ms(r.save)],
    ["One search keystroke, to screen", (r) => ms(r.keystroke)],
    ["  the search in it (app's mark)", (r) => ms(r.search)],
    ["Native JS filter, same strings", (r) => (r.native === undefined ? "–" : r.native < 0.01 ? `${(r.native * 1000).toFixed(1)} µs` : `${r.native.toFixed(3)} ms`)],
    ["Annual report", (r) => ms(r.report)],
    ["JS heap (after GC)", (r) => mb(r.jsHeap)],
    ["Wasm memory", (r) => mb(r.wasm)],
  ];
  const columns = results.map((r) => (r.skipped ? rows.map(([, f], i) => (i <= 1 ? f(r) : "skipped")) : rows.map(([, f]) => f(r))));
  const widths = [Math.max(...rows.map(([name]) => name.length)), ...columns.map((c) => Math.max(...c.map((v) => v.length)))];
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  const out = [];
  out.push(line([rows[0][0], ...columns.map((c) => c[0])]));
  out.push(widths.map((w) => "-".repeat(w)).join("  "));
  rows.slice(1).forEach(([name], i) => out.push(line([name, ...columns.map((c) => c[i + 1])])));
  return out.join("\n");
}

function budgets(results) {
  const at = (n) => results.find((r) => r.size === n && !r.skipped);
  const why = (n) => {
    const r = results.find((x) => x.size === n);
    return r ? `${n.toLocaleString("en-GB")} skipped` : `${n.toLocaleString("en-GB")} not run`;
  };
  const ratio = (a, b, budget, label, aName, bName) => {
    if (a === undefined || b === undefined || b === 0) return `${label}: not measured (${[aName, bName].filter(Boolean).join(", ")})`;
    const value = a / b;
    return `${label}: ${value.toFixed(2)} (budget ≤ ${budget}) ${value <= budget ? "within" : "OVER"}`;
  };
  const lines = [];
  lines.push(ratio(at(5000)?.startUp, at(0)?.startUp, 1.5, "Start-up 5,000 ÷ 0", !at(5000) && why(5000), !at(0) && why(0)));
  lines.push(ratio(at(10000)?.save, at(10)?.save, 1.2, "Saved edit 10,000 ÷ 10", !at(10000) && why(10000), !at(10) && why(10)));
  lines.push(ratio(at(10000)?.saveLocked, at(10000)?.save, 1.5, "Saved edit at 10,000 with the lock ÷ without", !at(10000) && why(10000)));
  if (at(10000)?.unlock !== undefined) {
    lines.push(`Unlock with 10,000 records (passphrase to every record decrypted and taken in): ${(at(10000).unlock / 1000).toFixed(2)} s; setting the lock over them: ${(at(10000).lockSet / 1000).toFixed(1)} s`);
  }
  lines.push(
    ratio(at(10000)?.search, at(10000)?.native, 3, "Search in a keystroke over 10,000 ÷ native filter", !at(10000) && why(10000)),
  );
  lines.push(
    ratio(at(10000)?.keystroke, at(10000)?.native, 3, "Keystroke to screen over 10,000 ÷ native filter", !at(10000) && why(10000)),
  );
  const big = at(50000)?.startUp;
  lines.push(
    big === undefined
      ? `Records page at 50,000: not measured (${why(50000)})`
      : `Records page at 50,000: ${(big / 1000).toFixed(2)} s (budget < 3 s) ${big < 3000 ? "within" : "OVER"}`,
  );
  return lines.join("\n");
}

async function main() {
  const opts = options();
  const results = [];
  for (const size of opts.sizes) {
    say(`${size}: filling a fresh profile`);
    const result = await measure(size, opts);
    if (result.skipped) say(`${size}: skipped — ${result.skipped}`);
    results.push(result);
  }
  console.log("");
  console.log(`Redress benchmark, ${new Date().toISOString()}, ${os.cpus().length} cores, median of ${opts.runs} runs`);
  console.log("");
  console.log(table(results));
  console.log("");
  console.log(budgets(results));
  const skipped = results.filter((r) => r.skipped);
  const notes = results.filter((r) => r.notes.length && !r.skipped);
  if (skipped.length || notes.length) console.log("");
  for (const r of skipped) console.log(`${r.size.toLocaleString("en-GB")} skipped: ${r.skipped}`);
  for (const r of notes) console.log(`${r.size.toLocaleString("en-GB")}: ${[...new Set(r.notes)].join("; ")}`);
  const letters = results.filter((r) => r.letter);
  if (letters.length) {
    console.log("");
    console.log(
      `The keystroke is the first letter typed into an empty search box (“${letters[0].letter}”, chosen to match about a third);`,
    );
    console.log("it ends when the page has stopped changing for 500 ms, timed from the keydown.");
  }
  if (opts.json) fs.writeFileSync(opts.json, JSON.stringify(results, null, 2));
}

main().catch((error) => {
  console.error(`bench: ${error.stack ?? error}`);
  process.exit(1);
});
