// Team sync through a CouchDB-compatible server (pouchdb-server, in memory, started by the
// Playwright config on the app's port + 1): two officers on two devices share one case load; one
// goes offline, both change the same record, and the conflict is shown and settled once for
// both; a deletion travels; a wrong password is said in words; 1,000 records reach a new device,
// through a connection that breaks half-way, with nothing lost or doubled; a device that already
// holds the team's records joins without a conflict, and what it cannot read is set aside and named.
import "./starts";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect, Page, test } from "@playwright/test";
import { couch, device, newDatabase, server, setUp, syncLine, syncNow } from "./couch";
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
