// How the release reaches a browser: its precompressed copies, a host with no fallback to
// index.html, and the notice that a new release has been fetched in the background.
import { expect, Page, test } from "@playwright/test";
import { ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRecord, expectNoViolations, fillDate, workedExample } from "./helpers";

/** A copy of dist/ served by scripts/serve.py on its own port, stopped after the test. */
async function host(port: number, options: { noFallback?: boolean } = {}) {
  const folder = mkdtempSync(join(tmpdir(), "redress-host-"));
  cpSync("dist", folder, { recursive: true });
  const args = ["scripts/serve.py", "--port", String(port), "--directory", folder];
  if (options.noFallback) args.push("--no-fallback");
  const server: ChildProcess = spawn("python3", args, { env: { ...process.env, REDRESS_SERVE_QUIET: "1" } });
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(`${url}/sw.js`)).ok) break;
    } catch {
      if (tries > 100) throw new Error(`the server on ${port} did not start`);
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  return {
    url,
    folder,
    stop() {
      server.kill();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

async function underWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test("the wasm, JS and CSS are sent as the build's Brotli or gzip copies", async ({ request }) => {
  const index = await (await request.get("/")).text();
  const wasm = index.match(/\/redress-[0-9a-f]+_bg\.wasm/)![0];
  const css = index.match(/\/main-[0-9a-f]+\.css/)![0];
  for (const [encoding, expected] of [
    ["br", "br"],
    ["gzip", "gzip"],
    ["identity", undefined],
  ] as const) {
    for (const path of [wasm, css]) {
      const response = await request.get(path, { headers: { "Accept-Encoding": encoding } });
      expect(response.ok()).toBe(true);
      expect(response.headers()["content-encoding"], `${path} asked for ${encoding}`).toBe(expected);
    }
  }
  const raw = readFileSync(join("dist", wasm));
  const sent = await request.get(wasm, { headers: { "Accept-Encoding": "br" } });
  // Playwright undoes the encoding: what arrives is the wasm itself, byte for byte.
  expect(Buffer.compare(await sent.body(), raw)).toBe(0);
  expect(sent.headers()["content-type"]).toBe("application/wasm");
  const page = await request.get("/", { headers: { "Accept-Encoding": "br" } });
  expect(page.headers()["content-encoding"]).toBe("br");
  expect(page.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  // The compressed page is the finished one: it carries its policy too.
  expect(await page.text()).toContain('http-equiv="Content-Security-Policy"');
});

test("on a host with no fallback, a deep link opens the app after one visit, online and offline", async ({
  page,
  context,
}) => {
  const plain = await host(Number(process.env.REDRESS_E2E_PORT ?? 8081) + 10, { noFallback: true });
  try {
    const first = await page.goto(`${plain.url}/records/new`);
    expect(first?.status()).toBe(404);
    await page.goto(`${plain.url}/`);
    await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
    await underWorker(page);
    await page.goto(`${plain.url}/records/new`);
    await expect(page.getByRole("heading", { level: 1, name: "New record" })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "New record" })).toBeVisible();
    await context.setOffline(true);
    await page.goto(`${plain.url}/reports/member`);
    await expect(page.getByRole("heading", { level: 1, name: "Update for the Member Responsible for Complaints" })).toBeVisible();
    await context.setOffline(false);
  } finally {
    await context.setOffline(false);
    plain.stop();
  }
});

test("a new release is fetched in the background and the page offers to reload", async ({ page }) => {
  const site = await host(8092);
  try {
    await page.goto(`${site.url}/`);
    await underWorker(page);
    await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
    const banner = page.getByRole("region", { name: "Update" });
    await expect(banner).toHaveCount(0);

    // A new release: its worker names another release, and its index.html loads that one.
    // Its worker keeps none of this release's pieces, as a release whose pieces all changed.
    const release = readFileSync(join(site.folder, "sw.js"), "utf8").match(/const RELEASE = "([0-9a-f]+)";/)![1];
    const next = "0123456789abcdef";
    writeFileSync(
      join(site.folder, "sw.js"),
      readFileSync(join(site.folder, "sw.js"), "utf8")
        .replace(`const RELEASE = "${release}";`, `const RELEASE = "${next}";`)
        .replace(/const PIECES = \[[^\]]*\];/, "const PIECES = [];"),
    );
    cpSync(join(site.folder, `redress-${release}.js`), join(site.folder, `redress-${next}.js`));
    const index = readFileSync(join(site.folder, "index.html"), "utf8");
    writeFileSync(
      join(site.folder, "index.html"),
      index.replace(`rel="modulepreload" href="/redress-${release}.js"`, `rel="modulepreload" href="/redress-${next}.js"`),
    );
    for (const name of readdirSync(site.folder).filter((n) => /^(sw\.js|index\.html)\.(br|gz)$/.test(n))) {
      rmSync(join(site.folder, name));
    }

    // The page asks the browser to look (it does so itself every half hour and when online).
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())!.update();
    });
    await expect(banner).toBeVisible({ timeout: 30_000 });
    await expect(banner).toContainText("A new version of Redress is ready.");
    await expectNoViolations(page, "the update notice");
    // Nothing reloads until the person chooses. Meanwhile the host drops this release's pieces,
    // and the page, still this release, opens an area it had not opened: its piece comes from
    // the release before's cache, which the new worker keeps.
    await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
    const pieces = JSON.parse(readFileSync(join(site.folder, "pieces.json"), "utf8"));
    for (const piece of new Set(Object.values(pieces.needs as Record<string, string[]>).flat())) {
      for (const copy of [piece, `${piece}.br`, `${piece}.gz`]) rmSync(join(site.folder, copy));
    }
    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Assessments" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Self-assessments" })).toBeVisible();
    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "My work" }).click();
    // Then the new release runs and the notice goes.
    await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
    await banner.getByRole("button", { name: "Reload" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
    await expect.poll(() => page.evaluate(() => document.querySelector("link[rel=modulepreload]")?.getAttribute("href"))).toBe(
      `/redress-${next}.js`,
    );
    await expect(banner).toHaveCount(0);
  } finally {
    site.stop();
  }
});

test("on a first visit the page fetches the start's wasm only, a page's piece when first opened, and every page opens offline after it", async ({
  page,
  context,
}) => {
  const pieces = JSON.parse(readFileSync(join("dist", "pieces.json"), "utf8"));
  // What arrived, not what was asked for: the piece that reads storage is held back until My
  // work has been drawn, so the first load is the start alone.
  const wasm: string[] = [];
  page.on("response", (response) => {
    if (response.url().endsWith(".wasm")) wasm.push(new URL(response.url()).pathname);
  });
  const reading = new Set((pieces.needs.open as string[]).map((file) => `/${file}`));
  let letGo = () => {};
  const held = new Promise<void>((done) => (letGo = done));
  await page.route(
    (url) => reading.has(url.pathname),
    async (route) => {
      await held;
      await route.continue();
    },
  );
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
  await expect(page.getByText("There are no records on this device yet.")).toBeVisible();
  expect(wasm).toEqual([`/${pieces.start[0]}`]);
  letGo();

  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Records" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Records" })).toBeVisible();
  expect(wasm).toContain(`/${pieces.needs.open[0]}`);
  expect(wasm).toContain(`/${pieces.needs.records[0]}`);
  // Nothing of another area came with it.
  expect(wasm).not.toContain(`/${pieces.needs.assessments[0]}`);

  // After the first visit the worker holds every piece, so every page opens offline.
  await underWorker(page);
  const every = [...new Set([pieces.start[2], ...Object.values(pieces.needs as Record<string, string[]>).flat()])];
  const kept = await page.evaluate(async () => {
    const names: string[] = [];
    for (const cache of await caches.keys()) {
      for (const request of await (await caches.open(cache)).keys()) names.push(new URL(request.url).pathname.slice(1));
    }
    return names;
  });
  for (const piece of every) expect(kept, `the worker keeps ${piece}`).toContain(piece);

  // Offline, a page of every area opens, none of them opened before but Records.
  await context.setOffline(true);
  try {
    for (const [link, heading] of [
      ["Assessments", "Self-assessments"],
      ["Advocacy", "Advocacy"],
      ["Calculator", "Deadline calculator"],
      ["Reports", /^Annual complaints report/],
      ["Settings", "Settings"],
    ] as const) {
      await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: link }).click();
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    }
    await page.getByRole("link", { name: "Set up team sync with your team’s CouchDB server" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Team sync" })).toBeVisible();
    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Settings" }).click();
    await page.getByRole("link", { name: "export and import" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Export and import" })).toBeVisible();
  } finally {
    await context.setOffline(false);
  }
});

/** Holds back the piece of the app that reads storage until the returned function is called. */
async function holdBackReading(page: Page): Promise<() => void> {
  const pieces = JSON.parse(readFileSync(join("dist", "pieces.json"), "utf8"));
  let letGo = () => {};
  const held = new Promise<void>((done) => (letGo = done));
  await page.route(`**/${pieces.needs.open[0]}`, async (route) => {
    await held;
    await route.continue();
  });
  return letGo;
}

test.describe("My work before the records are read", () => {
  // No worker: every request reaches the network, where this test holds back the piece that
  // reads storage.
  test.use({ serviceWorkers: "block" });

  test("is drawn from the rows kept at the last start; a record's page waits for the records, and opens once they are read", async ({ page }) => {
    await page.clock.setFixedTime(new Date("2026-01-12T10:00:00"));
    await page.goto("/");
    await createRecord(page, { ...workedExample, day: "5", month: "1", year: "2026" });
    await page.getByText("Add an action").click();
    await page.getByRole("textbox", { name: "What will be done" }).fill("Brief the blue badge team");
    await page.getByRole("combobox", { name: "Who is responsible" }).fill("Cal Officer");
    await fillDate(page, "Due by", "9", "1", "2026");
    await page.getByRole("button", { name: "Add action" }).click();
    await expect(page.getByRole("term").filter({ hasText: "Brief the blue badge team" })).toBeVisible();
    const record = new URL(page.url()).pathname;

    const letGo = await holdBackReading(page);
    await page.goto("/");
    // The action, three days overdue, from the row kept for the record.
    const overdue = page.getByRole("table", { name: /Overdue/ });
    await expect(overdue.getByRole("row", { name: /Action: Brief the blue badge team/ })).toContainText("Cal Officer");
    await expect(page.getByRole("table", { name: /Later/ }).getByRole("row", { name: /Stage 1 response/ })).toBeVisible();
    const stillReading = page.getByRole("status").filter({ hasText: "Still reading the records kept in this browser: this list may change." });
    await expect(stillReading).toBeVisible();
    await expectNoViolations(page, "my work from kept rows");
    // A record's page needs the record itself: it waits, and says so.
    await overdue.getByRole("link", { name: /^C-2026-/ }).click();
    await expect(page).toHaveURL(new RegExp(`${record}$`));
    await expect(page.getByRole("heading", { level: 1, name: "Opening your records…" })).toBeVisible();
    letGo();
    await expect(page.getByRole("heading", { level: 1, name: /Alex Taylor/ })).toBeVisible();
    // Everything read: My work no longer says it may change.
    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "My work" }).click();
    await expect(overdue.getByRole("row", { name: /Action: Brief the blue badge team/ })).toBeVisible();
    await expect(stillReading).toHaveCount(0);
  });

  test("waits for the records when its kept rows are from a release before (their format changed)", async ({ page }) => {
    await page.goto("/");
    await createRecord(page, workedExample);
    // Rows kept by the release before: their format says so, and they are not used.
    await page.evaluate(async () => {
      const db: IDBDatabase = await new Promise((done, fail) => {
        const open = indexedDB.open("redress");
        open.onsuccess = () => done(open.result);
        open.onerror = () => fail(open.error);
      });
      const tx = db.transaction("rows", "readwrite");
      const rows = tx.objectStore("rows");
      const all: IDBRequest = rows.getAll();
      const keys: IDBRequest = rows.getAllKeys();
      await new Promise((done) => (tx.oncomplete = done));
      const write = db.transaction("rows", "readwrite");
      (keys.result as string[]).forEach((key, i) => {
        write.objectStore("rows").put((all.result[i] as string).replace(/"f":"4\//g, '"f":"3/'), key);
      });
      await new Promise((done) => (write.oncomplete = done));
      db.close();
    });
    const letGo = await holdBackReading(page);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Opening your records…" })).toBeVisible();
    // Not "There are no records on this device yet", which would be untrue.
    await expect(page.getByText("There are no records on this device yet.")).toHaveCount(0);
    letGo();
    await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
    await expect(page.getByRole("table", { name: /Due today|Due in the next 7 days|Later|Overdue/ }).first()).toBeVisible();
  });
});

test.describe("a piece that cannot be fetched", () => {
  // No worker: each request reaches the network, where this test refuses the assessments' piece.
  test.use({ serviceWorkers: "block" });

  test("is said so on the page, nothing else stops, and opening the page again fetches it", async ({ page }) => {
    const pieces = JSON.parse(readFileSync(join("dist", "pieces.json"), "utf8"));
    const piece = `/${pieces.needs.assessments[0]}`;
    await page.route(`**${piece}`, (route) => route.abort("internetdisconnected"));
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
    const menu = page.getByRole("navigation", { name: "Menu" });
    await menu.getByRole("link", { name: "Assessments" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "This page could not be opened" })).toBeVisible();
    await expect(page.getByText("Redress could not fetch this part of the app. Check the connection, then reload the page.")).toBeVisible();
    await expect(page).toHaveTitle("This page could not be opened – Redress");
    await expectNoViolations(page, "a page that could not be opened");

    // The rest of the app goes on.
    await menu.getByRole("link", { name: "My work" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();

    // Back online: the same page opens, its piece fetched this time.
    await page.unroute(`**${piece}`);
    await menu.getByRole("link", { name: "Assessments" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Self-assessments" })).toBeVisible();
  });
});
