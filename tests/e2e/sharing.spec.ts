// Sharing: everything exported, the browser cleared, imported back and the same on every page; a
// redacted export with none of the names typed; bad files refused with the store unchanged; the
// record list as CSV.
import "./starts";
import * as fs from "node:fs";
import { expect, Page, test } from "@playwright/test";
import { clearStorage, createRecord, downloadText, expectNoViolations, recordEvent, storedCount, workedExample } from "./helpers";

async function exportEverything(page: Page, button: string): Promise<[string, string]> {
  await page.goto("/data");
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: button, exact: true }).click();
  const download = await downloading;
  return [download.suggestedFilename(), await downloadText(download)];
}

async function importFile(page: Page, name: string, body: string) {
  await page.goto("/data");
  await page.getByLabel("File to import").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(body) });
  await page.getByRole("button", { name: "Check the file" }).click();
}

async function setUp(page: Page) {
  await page.clock.setFixedTime(new Date("2026-01-05T10:00:00"));
  await page.goto("/settings");
  await page.getByLabel("Organisation name").fill("Northshire County Council");
  await page.getByLabel("Your name").fill("Casey Officer");
  await page.getByRole("button", { name: "Save settings" }).click();
  await createRecord(page, workedExample);
  await recordEvent(page, "Acknowledged", "29", "12", "2025");
  await createRecord(page, { ...workedExample, name: "Robin Fairweather", summary: "Respite care cancelled twice." });
}

test("everything exported, the browser cleared and imported, shows the same", async ({ page }) => {
  await setUp(page);
  const [name, body] = await exportEverything(page, "Export everything");
  expect(name).toBe("redress-everything-2026-01-05-1000.json");
  const file = JSON.parse(body);
  expect(file).toMatchObject({ format: "redress-export", schema_version: 4, organisation: "Northshire County Council", scope: "everything", redacted: false });
  expect(file.records).toHaveLength(2);
  await expect(page.getByRole("status")).toContainText("2 records and 0 self-assessments, with your settings");
  await expectNoViolations(page, "export and import");

  await page.goto("/records");
  const before = await page.getByRole("table").innerText();

  await clearStorage(page);
  await page.goto("/records");
  await expect(page.getByText("There are no records on this device yet.")).toBeVisible();

  await importFile(page, name, body);
  const preview = page.getByRole("definition");
  await expect(page.getByRole("term").filter({ hasText: /^New records$/ }).locator("xpath=following-sibling::dd[1]")).toHaveText("2");
  await expect(preview.filter({ hasText: "Taken from the file" })).toBeVisible();
  await expectNoViolations(page, "import preview");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("Imported: 2 new records and 0 updated.");

  await page.goto("/records");
  expect(await page.getByRole("table").innerText()).toBe(before);
  await page.getByRole("link", { name: "C-2025-0001" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "C-2025-0001: Complaint about Alex Taylor" })).toBeVisible();
  await page.goto("/settings");
  await expect(page.getByLabel("Organisation name")).toHaveValue("Northshire County Council");
  await expect(page.getByLabel("Your name")).toHaveValue("Casey Officer");

  // The same file again changes nothing, and says so.
  await importFile(page, name, body);
  await expect(page.getByRole("term").filter({ hasText: /^Records the same on both$/ }).locator("xpath=following-sibling::dd[1]")).toHaveText("2");
  await expect(page.getByRole("button", { name: "Import", exact: true })).toBeDisabled();
});

test("a redacted export holds none of the names typed in", async ({ page }) => {
  await setUp(page);
  await page.goto("/records");
  await page.getByRole("link", { name: "C-2025-0001" }).click();
  const one = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export it redacted" }).click();
  const record = await downloadText(await one);
  expect(JSON.parse(record)).toMatchObject({ scope: "record", redacted: true, records: [{ reference: "C-2025-0001" }] });
  expect(record).not.toContain("Alex Taylor");

  const [name, body] = await exportEverything(page, "Export everything, redacted");
  expect(name).toMatch(/-redacted-/);
  for (const typed of ["Alex Taylor", "Robin Fairweather", "Casey Officer", "Ann Handler", "blue badge", "Respite care"]) {
    expect(body, `${typed} is not in a redacted export`).not.toContain(typed);
  }
  const file = JSON.parse(body);
  expect(file.redacted).toBe(true);
  expect(file.settings).toBeUndefined();
  expect(file.records[0].received).toBeTruthy();
});

test("bad files are refused with their place named, and nothing changes", async ({ page }) => {
  await setUp(page);
  const [, body] = await exportEverything(page, "Export everything");
  const count = async () => storedCount(page);
  const keys = await count();

  await importFile(page, "notes.txt", "Dear team, here are the notes");
  await expect(page.getByRole("alert")).toContainText("This is not a JSON file (line 1, column 1).");
  await expectNoViolations(page, "import refused");

  await importFile(page, "cut.json", body.slice(0, body.length / 2));
  await expect(page.getByRole("alert")).toContainText("The file ends too soon");

  await importFile(page, "other.json", JSON.stringify({ type: "excalidraw", elements: [] }));
  await expect(page.getByRole("alert")).toContainText("it has no format name");

  const newer = JSON.parse(body);
  newer.schema_version = 9;
  await importFile(page, "newer.json", JSON.stringify(newer));
  await expect(page.getByRole("alert")).toContainText("made by a newer version of Redress (schema 9)");

  const broken = JSON.parse(body);
  broken.records[1].received = "2025-02-30";
  broken.records[1].id = broken.records[0].id;
  await importFile(page, "broken.json", JSON.stringify(broken));
  await expect(page.getByRole("alert")).toContainText("records[1].received: not a real date");
  await expect(page.getByRole("alert")).toContainText("Nothing on this device has changed.");

  // 300 MB (a sparse file, so it costs no disk): refused by its size, before it is read at all.
  const huge = test.info().outputPath("huge.json");
  fs.writeFileSync(huge, "");
  fs.truncateSync(huge, 300 * 1024 * 1024);
  await page.goto("/data");
  await page.getByLabel("File to import").setInputFiles(huge);
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("alert")).toContainText("This file is 300 MB, more than the 256 MB an export from Redress can be");
  fs.rmSync(huge);

  // 50 MB of spaces is read, and named for what it is: not an export.
  const spaces = test.info().outputPath("spaces.json");
  fs.writeFileSync(spaces, Buffer.alloc(50 * 1024 * 1024, 32));
  await page.getByLabel("File to import").setInputFiles(spaces);
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("alert")).toContainText("The file ends too soon");
  fs.rmSync(spaces);

  expect(await count()).toBe(keys);
  await page.goto("/records");
  await expect(page.getByText("2 of 2 records")).toBeVisible();
});

test("the record list downloads as CSV with its columns, ready for a spreadsheet", async ({ page }) => {
  await setUp(page);
  await page.goto("/records");
  await page.getByLabel("Search").fill("Robin");
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download this record as CSV" }).click();
  const csv = await downloadText(await downloading);
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).split("\r\n");
  expect(lines[0]).toBe("Reference,Kind,Received,Service,Name,Summary,Stage,Handler,Next due,What is due next,Status,Closed");
  expect(lines[1]).toMatch(/^C-2025-0002,Complaint,2025-12-19,Corporate,Robin Fairweather,Respite care cancelled twice\.,1,,/);
  expect(lines).toHaveLength(3);
});

test("a record changed on both sides is listed, and the person chooses which to keep", async ({ page }) => {
  await setUp(page);
  const [, body] = await exportEverything(page, "Export everything");
  // Here, the second record is acknowledged; in the file, someone else changed its summary.
  await page.goto("/records");
  await page.getByRole("link", { name: "C-2025-0002" }).click();
  await recordEvent(page, "Acknowledged", "30", "12", "2025");
  const file = JSON.parse(body);
  const theirs = file.records.find((r: { reference: string }) => r.reference === "C-2025-0002");
  theirs.summary = "Respite care cancelled three times.";
  theirs.updated = "2026-01-06T09:00:00Z";
  theirs.history.push({ at: "2026-01-06T09:00:00Z", who: "Dee Colleague", what: "Summary changed" });

  await importFile(page, "theirs.json", JSON.stringify(file));
  await expect(page.getByRole("term").filter({ hasText: /^Records changed on both/ }).locator("xpath=following-sibling::dd[1]")).toHaveText("1");
  const choice = page.getByRole("group", { name: "C-2025-0002 changed on this device and in the file" });
  await expect(choice.getByRole("radio", { name: /Take the file’s/ })).toBeChecked();
  await page.screenshot({ path: test.info().outputPath("import-conflict.png"), fullPage: true });
  await expectNoViolations(page, "import with a conflict");
  await choice.getByRole("radio", { name: /Keep this device’s/ }).check();
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("Imported: 0 new records and 0 updated.");
  await page.goto("/records");
  await expect(page.getByRole("row", { name: /C-2025-0002/ })).toContainText("Respite care cancelled twice.");
});

test("a record whose reference is used here by another is renumbered, and the preview says so first", async ({ page }) => {
  await setUp(page);
  const [, body] = await exportEverything(page, "Export everything");
  // Another laptop's first complaint: C-2025-0001 there too, but a different record.
  const file = JSON.parse(body);
  const theirs = file.records.find((r: { reference: string }) => r.reference === "C-2025-0001");
  theirs.id = "0b6c1c2e-5f6a-4c8e-9d1e-2f3a4b5c6d7e";
  theirs.summary = "Raised on the outreach laptop.";
  file.records = [theirs];

  await importFile(page, "outreach.json", JSON.stringify(file));
  await expect(page.getByRole("term").filter({ hasText: /^Records given a new reference/ }).locator("xpath=following-sibling::dd[1]")).toHaveText("1");
  await expect(page.getByRole("heading", { name: "New references" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "C-2025-0001 in the file" })).toHaveText(
    "C-2025-0001 in the file (a complaint received Fri 19 Dec 2025) becomes C-2025-0003: that reference is used here by another record.",
  );
  await expectNoViolations(page, "import preview with a renumbering");
  await page.goto("/records");
  await expect(page.getByText("2 of 2 records")).toBeVisible();

  await importFile(page, "outreach.json", JSON.stringify(file));
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("Imported: 1 new records and 0 updated, 1 given a new reference.");
  await page.goto("/records");
  await expect(page.getByRole("row", { name: /C-2025-0001/ })).toContainText("Waited six weeks");
  await page.getByRole("link", { name: "C-2025-0003" }).click();
  await expect(page.getByText("Raised on the outreach laptop.")).toBeVisible();
  await page.getByText("Show all 3 changes").click();
  await expect(page.getByText("Renumbered from C-2025-0001 to C-2025-0003 on import: that reference is used here by another record")).toBeVisible();
});
