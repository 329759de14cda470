// Team sync through a CouchDB-compatible server (pouchdb-server, in memory, started by the
// Playwright config on the app's port + 1): two officers on two devices share one case load; one
// goes offline, both change the same record, and the conflict is shown and settled once for
// both; a deletion travels; a wrong password is said in words; 1,000 records reach a new device,
// through a connection that breaks half-way, with nothing lost or doubled; a device that already
// holds the team's records joins without a conflict, and what it cannot read is set aside and named;
// a server without _bulk_get is read with open_revs; and a server stopped mid-sync and started again
// (on disk) is resumed from the checkpoint.
import "./starts";
import { ChildProcess, execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect, Page, test } from "@playwright/test";
import { couch, device, newDatabase, officer, server, setUp, syncLine, syncNow } from "./couch";
import { createRecord, downloadText, expectNoViolations, workedExample } from "./helpers";

async function openRecord(page: Page, reference: string) {
  await page.getByRole("link", { name: "Records", exact: true }).click();
  await page.getByRole("link", { name: reference, exact: true }).click();
  await expect(page.getByText("Received Friday 19 December 2025", { exact: true })).toBeVisible();
}

async function recordIds(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open("redress");
        open.onsuccess = () => {
          const request = open.result.transaction("records").objectStore("records").getAllKeys();
          request.onsuccess = () => {
            open.result.close();
            resolve((request.result as string[]).sort());
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

async function setWants(page: Page, reference: string, wants: string) {
  await openRecord(page, reference);
  await page.getByRole("link", { name: "What they want", exact: true }).first().click();
  await page.getByLabel("What they want to happen, as agreed with them").fill(wants);
  await page.getByRole("button", { name: "Save intake and triage" }).click();
  await expect(page.getByText("Received Friday 19 December 2025", { exact: true })).toBeVisible();
}

test("two officers share one case load and its settings: a record travels, a change made apart on both is settled once for both, a deletion travels", async ({ browser }) => {
  test.setTimeout(240_000);
  const database = await newDatabase();
  const a = await device(browser);
  const b = await device(browser);
  // The organisation's settings are the team's; each person's name stays on their device.
  for (const [page, name, organisation] of [[a, "Sam on A", "Northshire County Council"], [b, "Jo on B", "Not the team"]] as const) {
    await page.goto("/settings");
    await page.getByLabel("Organisation name").fill(organisation);
    await page.getByLabel("Your name").fill(name);
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Settings saved")).toBeVisible();
  }

  await createRecord(a, workedExample);
  await expect(a.getByText("Received Friday 19 December 2025", { exact: true })).toBeVisible();
  const id = new URL(a.url()).pathname.split("/")[2];
  const reference = "C-2025-0001";
  await setUp(a, database);
  await expect(syncLine(a)).toContainText("Team sync: synced at", { timeout: 60_000 });
  await expectNoViolations(a, "the Team sync page, synced");
  const onServer = await server("GET", `${database}/record:${id}`);
  expect(onServer.status).toBe(200);
  expect(onServer.json.data.summary).toBe(workedExample.summary);

  // The second officer's device brings it back.
  await setUp(b, database);
  await expect(syncLine(b)).toContainText("Team sync: synced at", { timeout: 60_000 });
  await openRecord(b, reference);
  await expect(b.getByText(workedExample.summary!)).toBeVisible();
  await b.getByRole("link", { name: "Settings", exact: true }).click();
  await expect(b.getByLabel("Organisation name")).toHaveValue("Northshire County Council");
  await expect(b.getByLabel("Your name")).toHaveValue("Jo on B");
  const shared = await server("GET", `${database}/settings:team`);
  expect(shared.json.data.organisation_name).toBe("Northshire County Council");
  expect(JSON.stringify(shared.json)).not.toContain("Sam on A");

  // B goes offline; both change what the person wants.
  await b.context().setOffline(true);
  await setWants(a, reference, "An apology, agreed on A");
  await setWants(b, reference, "A refund, agreed on B");
  await syncNow(a);
  await syncNow(b);
  await expect(syncLine(b)).toHaveText(/Team sync: offline, 1 change waiting/);
  await b.context().setOffline(false);
  await syncNow(b);
  await expect(syncLine(b)).toContainText("1 record changed on two devices");
  await syncNow(a);
  await expect(syncLine(a)).toContainText("1 record changed on two devices");

  // Both devices show the same version, and both offer the choice.
  for (const page of [a, b]) {
    await openRecord(page, reference);
    await expect(page.getByRole("heading", { name: "Changed on two devices" })).toBeVisible();
    const table = page.getByRole("region", { name: "What differs between the devices" });
    await expect(table).toContainText("An apology, agreed on A");
    await expect(table).toContainText("A refund, agreed on B");
  }
  await expectNoViolations(b, "a record changed on two devices");
  // B keeps the other device's version, or its own: whichever is not shown there now.
  const differing = b.getByRole("region", { name: "What differs between the devices" }).getByRole("row").filter({ hasText: "agreed on" });
  const shownOnB = (await differing.getByRole("cell").first().innerText()).includes("agreed on A");
  await b.getByRole("radio", { name: "Keep the other device’s version" }).check();
  await b.getByRole("button", { name: "Keep this version" }).click();
  await expect(b.getByRole("heading", { name: "Changed on two devices" })).toHaveCount(0);
  const kept = shownOnB ? "A refund, agreed on B" : "An apology, agreed on A";
  await syncNow(b);
  await expect(syncLine(b)).not.toContainText("changed on two devices");
  await syncNow(a);
  await expect(syncLine(a)).not.toContainText("changed on two devices");
  for (const page of [a, b]) {
    await openRecord(page, reference);
    await expect(page.getByRole("heading", { name: "Changed on two devices" })).toHaveCount(0);
    await page.getByRole("link", { name: "What they want", exact: true }).first().click();
    await expect(page.getByLabel("What they want to happen, as agreed with them")).toHaveValue(kept);
  }
  // The server keeps one winner and no conflict.
  const settled = await server("GET", `${database}/record:${id}?conflicts=true`);
  expect(settled.json._conflicts ?? []).toEqual([]);
  // Both officers' history lines are on the record.
  await openRecord(a, reference);
  await a.getByText(/Show all \d+ changes/).click();
  await expect(a.getByText("Intake and triage updated")).toHaveCount(2);

  // A deletes the record; B's copy goes too, and its tombstone says who and why.
  await openRecord(a, reference);
  await a.getByRole("link", { name: "Delete this record" }).click();
  await a.getByLabel("Why is it being deleted? (optional)").fill("Recorded twice");
  await a.getByRole("button", { name: "Yes, delete this record" }).click();
  await expect(a.getByRole("heading", { level: 1, name: "Records" })).toBeVisible();
  await syncNow(a);
  await syncNow(b);
  expect(await recordIds(b)).not.toContain(id);
  const tombstone = await server("GET", `${database}/deletion:${id}`);
  expect(tombstone.json.data.why).toBe("Recorded twice");
  await b.context().close();
  await a.context().close();
});

test("a device that already holds the team's records joins without a conflict; what it cannot read is set aside and named", async ({ browser }) => {
  test.setTimeout(240_000);
  const database = await newDatabase();
  const a = await device(browser);
  await createRecord(a, workedExample);
  const id = new URL(a.url()).pathname.split("/")[2];
  await setUp(a, database);
  await expect(syncLine(a)).toContainText("Team sync: synced at", { timeout: 60_000 });
  // A second version on the server, so its history there is longer than one revision.
  await setWants(a, "C-2025-0001", "An apology");
  await syncNow(a);
  expect((await server("GET", `${database}/record:${id}`)).json._rev).toMatch(/^2-/);

  // The same records reach B by a file first.
  await a.goto("/data");
  const downloading = a.waitForEvent("download");
  await a.getByRole("button", { name: "Export everything", exact: true }).click();
  const file = await downloadText(await downloading);
  const b = await device(browser);
  await b.goto("/data");
  await b.getByLabel("File to import").setInputFiles({ name: "team.json", mimeType: "application/json", buffer: Buffer.from(file) });
  await b.getByRole("button", { name: "Check the file" }).click();
  await b.getByRole("button", { name: "Import", exact: true }).click();
  await expect(b.getByRole("status").or(b.getByRole("alert")).filter({ hasText: /^Imported/ }).first()).toBeVisible({ timeout: 60_000 });

  // Two documents no Redress can read: another program's, and one from a newer Redress.
  expect((await server("PUT", `${database}/shopping-list`, { milk: 2 })).status).toBe(201);
  const future = { format: "redress-store", schema_version: 99, data: { id: "from-the-future" } };
  expect((await server("PUT", `${database}/record:from-the-future`, future)).status).toBe(201);

  await setUp(b, database);
  await expect(syncLine(b)).toContainText("Team sync: synced at", { timeout: 60_000 });
  await expect(syncLine(b)).not.toContainText("changed on two devices");
  const onServer = await server("GET", `${database}/record:${id}?conflicts=true`);
  expect(onServer.json._conflicts ?? []).toEqual([]);
  expect(onServer.json._rev).toMatch(/^2-/);
  await expect(b.getByRole("heading", { name: "Set aside, not taken in" })).toBeVisible();
  await expect(b.getByText(/^record:from-the-future: /)).toBeVisible();
  await expect(b.getByText(/^shopping-list: /)).toBeVisible();
  await expectNoViolations(b, "the Team sync page with documents set aside");
  // The rest arrived whole: B's one record is the team's, as it was.
  expect(await recordIds(b)).toEqual([id]);

  // Each device of the team now counts references under a tag of its own, claimed on the
  // server, so two devices offline can never make the same one.
  const made = async (page: Page) => {
    await createRecord(page, { ...workedExample, summary: "Made after joining" });
    const notice = page.getByText(/^Record C-2025-.* created\.$/);
    await expect(notice).toBeVisible();
    return (await notice.innerText()).split(" ")[1];
  };
  const [onA, onB] = [await made(a), await made(b)];
  expect(onA).toMatch(/^C-2025-[2-9A-HJKMNP-Z]{2}-0001$/);
  expect(onB).toMatch(/^C-2025-[2-9A-HJKMNP-Z]{2}-0001$/);
  expect(onA).not.toBe(onB);
  const claims = await server("GET", `${database}/_all_docs?startkey=%22device%3A%22&endkey=%22device%3A%EF%BF%B0%22`);
  expect(claims.json.rows.map((row: { id: string }) => row.id).sort()).toEqual([`device:${onA.slice(7, 9)}`, `device:${onB.slice(7, 9)}`].sort());
  await b.context().close();
  await a.context().close();
});

test("the settings changed on two devices while apart are shown side by side and settled once for both", async ({ browser }) => {
  test.setTimeout(240_000);
  const database = await newDatabase();
  const a = await device(browser);
  const b = await device(browser);
  const saveSettings = async (page: Page, organisation: string, name?: string) => {
    await page.getByRole("link", { name: "Settings", exact: true }).click();
    await page.getByLabel("Organisation name").fill(organisation);
    if (name) await page.getByLabel("Your name").fill(name);
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Settings saved")).toBeVisible();
  };
  await saveSettings(a, "Northshire", "Sam on A");
  await setUp(a, database);
  await expect(syncLine(a)).toContainText("Team sync: synced at", { timeout: 60_000 });
  await setUp(b, database);
  await expect(syncLine(b)).toContainText("Team sync: synced at", { timeout: 60_000 });
  // Apart, both change the organisation's name.
  await saveSettings(a, "Northshire County Council");
  await saveSettings(b, "Northshire Council", "Jo on B");
  await syncNow(a);
  await syncNow(b);
  await syncNow(a);
  for (const page of [a, b]) await expect(syncLine(page)).toContainText("the settings changed on two devices");
  const banner = b.getByRole("region", { name: "Settings changed on two devices" });
  await expect(banner).toBeVisible();
  const table = b.getByRole("region", { name: "What differs between the settings" });
  await expect(table).toContainText("Northshire County Council");
  await expect(table).toContainText("Northshire Council");
  await expectNoViolations(b, "the settings changed on two devices");
  await b.getByRole("radio", { name: "Keep the other device’s settings" }).check();
  await b.getByRole("button", { name: "Keep these settings" }).click();
  await expect(banner).toHaveCount(0);
  await syncNow(b);
  await syncNow(a);
  const names: string[] = [];
  for (const page of [a, b]) {
    await expect(syncLine(page)).not.toContainText("changed on two devices");
    await page.getByRole("link", { name: "Settings", exact: true }).click();
    names.push(await page.getByLabel("Organisation name").inputValue());
  }
  expect(names[0]).toBe(names[1]);
  await expect(b.getByLabel("Your name")).toHaveValue("Jo on B");
  await expect(a.getByLabel("Your name")).toHaveValue("Sam on A");
  const settled = await server("GET", `${database}/settings:team?conflicts=true`);
  expect(settled.json._conflicts ?? []).toEqual([]);
  await b.context().close();
  await a.context().close();
});

test("a server without _bulk_get (before CouchDB 2): each document is read with open_revs, and the record arrives", async ({ browser }) => {
  test.setTimeout(180_000);
  const database = await newDatabase();
  const a = await device(browser);
  await createRecord(a, workedExample);
  await expect(a.getByText("Received Friday 19 December 2025", { exact: true })).toBeVisible();
  await setUp(a, database);
  await expect(syncLine(a)).toContainText("Team sync: synced at", { timeout: 60_000 });
  const b = await device(browser);
  let refused = 0;
  await b.context().route(`${couch}/${database}/_bulk_get*`, async (route) => {
    refused += 1;
    await route.fulfill({ status: 404, contentType: "application/json", body: JSON.stringify({ error: "not_found", reason: "missing" }) });
  });
  let opened = 0;
  await b.context().route(`${couch}/${database}/record*open_revs*`, async (route) => {
    opened += 1;
    await route.continue();
  });
  await setUp(b, database);
  await expect(syncLine(b)).toContainText("Team sync: synced at", { timeout: 60_000 });
  expect(refused).toBeGreaterThan(0);
  expect(opened).toBe(1);
  await openRecord(b, "C-2025-0001");
  await expect(b.getByText(workedExample.summary!)).toBeVisible();
  await b.context().close();
  await a.context().close();
});

test("a wrong password is said in words, and nothing is sent", async ({ browser }) => {
  const database = await newDatabase();
  const page = await device(browser);
  await createRecord(page, workedExample);
  await page.goto("/settings/sync");
  await page.getByRole("button", { name: "Set up and sync" }).click();
  await expect(page.getByRole("link", { name: "Enter the server’s address, like https://couch.example.gov.uk" })).toBeVisible();
  await page.getByLabel("Server address").fill("http://couch.example.gov.uk");
  await page.getByRole("button", { name: "Set up and sync" }).click();
  await expect(page.getByRole("link", { name: /must start with https:\/\// })).toBeVisible();
  await expectNoViolations(page, "the Team sync form with its errors");
  await setUp(page, database, "not the password");
  await expect(syncLine(page)).toContainText("The server did not accept the name or password", { timeout: 60_000 });
  const docs = await server("GET", `${database}/_all_docs`);
  expect(docs.json.total_rows).toBe(0);
  await page.context().close();
});

test("1,000 records reach a new device through a connection that breaks half-way: none lost, none doubled", async ({ browser }) => {
  test.setTimeout(600_000);
  const database = await newDatabase();
  const file = path.join(os.tmpdir(), `redress-sync-1000-${process.pid}.json`);
  fs.writeFileSync(
    file,
    execFileSync("cargo", ["run", "--quiet", "-p", "redress-core", "--example", "make_export", "--", "1000"], { maxBuffer: 1 << 28 }),
  );
  const a = await device(browser);
  await a.goto("/data");
  await a.getByLabel("File to import").setInputFiles(file);
  await a.getByRole("button", { name: "Check the file" }).click();
  await a.getByRole("button", { name: "Import", exact: true }).click();
  await expect(a.getByRole("status").or(a.getByRole("alert")).filter({ hasText: /^Imported/ }).first()).toBeVisible({ timeout: 120_000 });
  const ids = await recordIds(a);
  expect(ids.length).toBe(1000);
  await setUp(a, database);
  await expect(syncLine(a)).toContainText("Team sync: synced at", { timeout: 300_000 });

  // The new device's connection breaks after its first few requests, for a few seconds.
  const c = await device(browser);
  let requests = 0;
  let broken = false;
  await c.context().route(`${couch}/**`, async (route) => {
    requests += 1;
    if (requests === 6) {
      broken = true;
      setTimeout(() => (broken = false), 3_000);
    }
    if (broken) await route.abort("connectionreset");
    else await route.continue();
  });
  const started = Date.now();
  await setUp(c, database);
  await expect(syncLine(c)).toContainText("Team sync: synced at", { timeout: 300_000 });
  const seconds = (Date.now() - started) / 1000;
  console.log(`1,000 records reached a new device in ${seconds.toFixed(1)} s (through a connection broken for 3 s)`);
  expect(await recordIds(c)).toEqual(ids);
  const all = await server("GET", `${database}/_all_docs`);
  expect(requests).toBeGreaterThan(6);
  const onServer = all.json.rows.map((row: { id: string }) => row.id).filter((doc: string) => doc.startsWith("record:"));
  expect(onServer.map((doc: string) => doc.slice("record:".length)).sort()).toEqual(ids);
  fs.rmSync(file, { force: true });
  await c.context().close();
  await a.context().close();
});

/** pouchdb-server keeping its databases on disk in `dir`, on `port`: stopped and started again
 * by the journey below. Resolves once it answers. */
async function startOnDisk(port: number, dir: string): Promise<ChildProcess> {
  const child = spawn("node", ["tests/sync-server/start.mjs", String(port), "--on-disk", dir], { stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return child;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error("the on-disk test server did not start");
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once("exit", done));
  child.kill("SIGTERM");
  await exited;
}

test("the server stopped mid-sync and started again: the sync resumes from its checkpoint, nothing lost or doubled", async ({ browser }) => {
  test.setTimeout(600_000);
  const port = Number(process.env.REDRESS_E2E_PORT ?? 8081) + 2;
  const onDisk = `http://127.0.0.1:${port}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "redress-couch-disk-"));
  let couchdb = await startOnDisk(port, dir);
  const call = async (method: string, where: string, body?: unknown) => {
    const response = await fetch(`${onDisk}/${where}`, {
      method,
      headers: { "Content-Type": "application/json", Authorization: "Basic " + Buffer.from(`${officer.name}:${officer.password}`).toString("base64") },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return response.json();
  };
  await fetch(`${onDisk}/_users/org.couchdb.user:officer`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name: officer.name, password: officer.password, roles: [], type: "user" }),
  });
  await fetch(`${onDisk}/team`, { method: "PUT" });
  try {
    const file = path.join(os.tmpdir(), `redress-sync-restart-${process.pid}.json`);
    fs.writeFileSync(
      file,
      execFileSync("cargo", ["run", "--quiet", "-p", "redress-core", "--example", "make_export", "--", "600"], { maxBuffer: 1 << 28 }),
    );
    const a = await device(browser);
    await a.goto("/data");
    await a.getByLabel("File to import").setInputFiles(file);
    await a.getByRole("button", { name: "Check the file" }).click();
    await a.getByRole("button", { name: "Import", exact: true }).click();
    await expect(a.getByRole("status").or(a.getByRole("alert")).filter({ hasText: /^Imported/ }).first()).toBeVisible({ timeout: 120_000 });
    fs.rmSync(file, { force: true });
    const ids = await recordIds(a);
    expect(ids.length).toBe(600);

    // After the third batch of records reaches it, the server stops; it starts again 3 s later
    // with what it had written.
    let batches = 0;
    const sentBefore = new Set<string>();
    const sentAfter = new Set<string>();
    let restarted = false;
    await a.context().route(`${onDisk}/team/_bulk_docs`, async (route) => {
      batches += 1;
      const docs: string[] = (route.request().postDataJSON()?.docs ?? []).map((doc: { _id: string }) => doc._id);
      if (batches < 4) docs.forEach((id) => sentBefore.add(id));
      if (restarted) docs.forEach((id) => sentAfter.add(id));
      if (batches === 4 && !restarted) {
        await new Promise((done) => setTimeout(done, 1_000));
        await stop(couchdb);
        setTimeout(async () => {
          couchdb = await startOnDisk(port, dir);
          restarted = true;
        }, 3_000);
      }
      await route.continue().catch(() => route.abort("connectionrefused"));
    });
    await a.getByRole("link", { name: "Settings", exact: true }).click();
    await a.getByRole("link", { name: "Set up team sync with your team’s CouchDB server" }).click();
    await a.getByLabel("Server address").fill(onDisk);
    await a.getByLabel("Your team’s database").fill("team");
    await a.getByLabel("Your name on the server").fill(officer.name);
    await a.getByLabel("Your password on the server").fill(officer.password);
    await a.getByLabel(/Sync by itself/).uncheck();
    await a.getByRole("button", { name: "Set up and sync" }).click();
    await expect(syncLine(a)).toContainText(/synced at|offline/, { timeout: 300_000 });
    expect(restarted).toBe(true);
    if ((await syncLine(a).innerText()).includes("offline")) {
      // The retries gave up before it was back: the next sync goes on from the checkpoint.
      await syncNow(a);
    }
    await expect(syncLine(a)).toContainText("Team sync: synced at", { timeout: 300_000 });
    // Resumed from the checkpoint: nothing the server had taken before it stopped is sent again.
    expect(sentBefore.size).toBe(300);
    expect(sentAfter.size).toBeGreaterThan(0);
    expect([...sentAfter].filter((id) => sentBefore.has(id))).toEqual([]);
    const all = await call("GET", "team/_all_docs");
    const onServer = all.rows.map((row: { id: string }) => row.id).filter((id: string) => id.startsWith("record:"));
    expect(onServer.map((id: string) => id.slice("record:".length)).sort()).toEqual(ids);
    const info = await call("GET", "team");
    console.log(`server stopped after 3 batches (${sentBefore.size} documents); ${sentAfter.size} sent after it came back, none again; ${info.doc_count} documents there`);
    await a.context().close();
  } finally {
    await stop(couchdb).catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
