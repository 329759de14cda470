// Journeys shared by the end-to-end specs, written the way a person uses the pages:
// by role and by label.
import AxeBuilder from "@axe-core/playwright";
import { Download, expect, Page } from "@playwright/test";

export interface NewRecord {
  kind?: string;
  day?: string;
  month?: string;
  year?: string;
  service?: string;
  name?: string;
  summary?: string;
  procedure?: string;
}

/** Fills in and saves the New record form; fields left undefined are left empty. */
export async function createRecord(page: Page, record: NewRecord) {
  await page.getByRole("link", { name: "New record" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New record" })).toBeVisible();
  if (record.kind) await page.getByRole("radio", { name: record.kind }).check();
  const date = page.getByRole("group", { name: "Date received" });
  if (record.day) await date.getByLabel("Day").fill(record.day);
  if (record.month) await date.getByLabel("Month").fill(record.month);
  if (record.year) await date.getByLabel("Year").fill(record.year);
  if (record.service) await page.getByRole("radio", { name: record.service }).check();
  if (record.name) await page.getByLabel("Name of the person it is about (optional)").fill(record.name);
  if (record.summary) await page.getByLabel("Summary").fill(record.summary);
  if (record.procedure) await page.getByRole("radio", { name: record.procedure }).check();
  await page.getByRole("button", { name: "Save record" }).click();
}

export const workedExample: NewRecord = {
  kind: "Complaint",
  day: "19",
  month: "12",
  year: "2025",
  service: "Corporate",
  name: "Alex Taylor",
  summary: "Waited six weeks for a reply about a blue badge.",
  procedure: "LGSCO Complaint Handling Code 2024",
};

/** Fills the GOV.UK date input in the group named `group` (its legend, exactly). */
export async function fillDate(page: Page, group: string, day: string, month: string, year: string) {
  const date = page.getByRole("group", { name: group, exact: true });
  await date.getByLabel("Day").fill(day);
  await date.getByLabel("Month").fill(month);
  await date.getByLabel("Year").fill(year);
}

/** Records an event on the record page ("Acknowledged", "Responded"…) with its date. */
export async function recordEvent(page: Page, what: string, day: string, month: string, year: string, reason?: string) {
  await page.getByRole("radio", { name: what, exact: true }).check();
  const date = page.getByRole("group", { name: /Date|date/ }).first();
  await date.getByLabel("Day").fill(day);
  await date.getByLabel("Month").fill(month);
  await date.getByLabel("Year").fill(year);
  if (reason) await page.getByRole("textbox", { name: /Why/ }).fill(reason);
  // A combobox: it offers the team's names (a datalist), and anyone may still be typed.
  const handler = page.getByRole("combobox", { name: "Who will handle this stage?" });
  if (await handler.count()) await handler.fill(what === "Acknowledged" ? "Ann Handler" : "Bo Reviewer");
  const outcome = page.getByRole("radio", { name: "Partially upheld" });
  if (await outcome.count()) await outcome.check();
  await page.getByRole("button", { name: "Record it" }).click();
  await expect(page.getByRole("alert").filter({ hasText: `Recorded: ${what}` })).toBeVisible();
}

/**
 * Runs axe-core on the page as it is: no violations, named by `state` if any are found. A page
 * still opening (its records being read, or its piece of the app fetched) is waited for first,
 * so what is checked is the page itself.
 */
export async function expectNoViolations(page: Page, state: string) {
  await expect(page.getByRole("heading", { level: 1, name: /^Opening (your records|the page)…$/ })).toHaveCount(0);
  const results = await new AxeBuilder({ page }).analyze();
  const found = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(", ")})`);
  expect(found, `axe violations on ${state}`).toEqual([]);
}

/** The text of a file the page offered for download. */
export async function downloadText(download: Download): Promise<string> {
  const chunks = await (await download.createReadStream()).toArray();
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Redress's IndexedDB, read and written as a developer would in the browser's tools: to plant a
 * value the app cannot read, or to see what it stored. The stores are records, assessments,
 * settings, deletions, set-aside and meta.
 */
export async function idb<T>(page: Page, action: "put" | "all" | "clear", store?: string, key?: string, value?: string): Promise<T> {
  return page.evaluate(
    ([action, store, key, value]) =>
      new Promise<any>((resolve, reject) => {
        const open = indexedDB.open("redress");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = action === "clear" ? Array.from(db.objectStoreNames) : [store!];
          const tx = db.transaction(names, action === "all" ? "readonly" : "readwrite");
          let result: any = null;
          if (action === "put") tx.objectStore(store!).put(value, key);
          if (action === "clear") for (const name of names) tx.objectStore(name).clear();
          if (action === "all") {
            const request = tx.objectStore(store!).getAll();
            request.onsuccess = () => (result = request.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(result);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [action, store, key, value] as const,
  );
}

/** Empties every store, as a fresh device would be; reload afterwards. */
export async function clearStorage(page: Page) {
  await idb(page, "clear");
}

/** How many values the app keeps, across its stores. */
export async function storedCount(page: Page): Promise<number> {
  let total = 0;
  for (const store of ["records", "assessments", "settings", "deletions"]) {
    total += (await idb<string[]>(page, "all", store)).length;
  }
  return total;
}
