// Nothing lost, ever: other tabs, failed writes, unreadable data, and no network.
import "./starts";
import { expect, test } from "@playwright/test";
import { createRecord, idb, recordEvent, workedExample } from "./helpers";

test("a record created in one tab appears in another", async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await first.goto("/records");
  await second.goto("/records");
  await expect(second.getByText("There are no records on this device yet.")).toBeVisible();

  await createRecord(first, workedExample);
  await expect(first.getByText("Received Friday 19 December 2025", { exact: true })).toBeVisible();
  await expect(second.getByRole("row").filter({ hasText: workedExample.summary! })).toBeVisible();
});

test("a full browser quota says so, keeps the record, and saves it on retry", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
  // The service worker keeps the app's files on a first visit, in this site's storage too: the
  // quota is measured once it has, or its keeping would fail and free the room again.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The browser's real quota, made small, then filled by another database of this site.
  const cdp = await page.context().newCDPSession(page);
  const used = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  await cdp.send("Storage.overrideQuotaForOrigin", { origin: new URL(page.url()).origin, quotaSize: used + 2_000_000 });
  const filled = await page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const open = indexedDB.open("filler");
      open.onupgradeneeded = () => open.result.createObjectStore("blobs");
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    let chunk = 1 << 20;
    let n = 0;
    while (chunk >= 256) {
      const ok = await new Promise<boolean>((resolve) => {
        const tx = db.transaction("blobs", "readwrite");
        // Random bytes: the browser compresses what it stores, so repeated text would not fill it.
        const bytes = new Uint8Array(chunk);
        for (let i = 0; i < chunk; i += 65536) crypto.getRandomValues(bytes.subarray(i, Math.min(chunk, i + 65536)));
        tx.objectStore("blobs").put(bytes, n);
        tx.oncomplete = () => resolve(true);
        tx.onabort = () => resolve(false);
      });
      if (ok) n += 1;
      else chunk /= 2;
    }
    db.close();
    return n;
  });
  expect(filled).toBeGreaterThan(0);
  await createRecord(page, workedExample);

  const banner = page.getByRole("alert").filter({ hasText: "Not saved" });
  await expect(banner).toContainText("1 change has not been saved on this device: this browser’s storage for Redress is full.");
  await expect(page.getByText("Not saved on this device")).toBeVisible();
  // Still here, in memory, on the list too.
  await page.getByRole("link", { name: "Records", exact: true }).click();
  await expect(page.getByRole("row").filter({ hasText: workedExample.summary! })).toBeVisible();

  await page.evaluate(
    () =>
      new Promise((resolve) => {
        const gone = indexedDB.deleteDatabase("filler");
        gone.onsuccess = gone.onerror = () => resolve(null);
      }),
  );
  await banner.getByRole("button", { name: "Try saving again" }).click();
  await expect(banner).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: workedExample.summary! })).toBeVisible();
});

test("stored data that cannot be read is set aside and reported", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
  await idb(page, "put", "records", "broken", "this is not JSON");
  await page.reload();
  const banner = page.getByRole("region", { name: "Important" });
  await expect(banner).toContainText("Some stored data could not be read");
  await expect(banner).toContainText("It has been kept, unchanged, with the data set aside.");
  await expect(banner).toContainText("Nothing has been deleted.");
  expect(await idb<string[]>(page, "all", "set-aside")).toEqual(["this is not JSON"]);
  expect(await idb<string[]>(page, "all", "records")).toEqual([]);
});

test("after one visit the app opens and works with no network, deep links included", async ({ page, context }) => {
  await page.goto("/");
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
  await page.goto("/records/new");
  await expect(page.getByRole("heading", { level: 1, name: "New record" })).toBeVisible();
  await page.goto("/");
  await createRecord(page, workedExample);
  await expect(page.getByText("Received Friday 19 December 2025", { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByText("Received Friday 19 December 2025", { exact: true })).toBeVisible();
  await context.setOffline(false);
});

/** The records list's rows as kept for the next start, by id, merged as the door reads them. */
async function keptRows(page: import("@playwright/test").Page): Promise<Record<string, any>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, any>>((resolve, reject) => {
        const open = indexedDB.open("redress");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction(["rows"]).objectStore("rows");
          const keys = store.getAllKeys();
          const values = store.getAll();
          values.onsuccess = () => {
            const rows: Record<string, any> = {};
            (keys.result as string[]).forEach((key, i) => {
              const text = values.result[i] as string;
              if (key.startsWith("p:")) {
                for (const line of text.split("\n").filter(Boolean)) {
                  const tab = line.indexOf("\t");
                  rows[line.slice(0, tab)] = JSON.parse(line.slice(tab + 1));
                }
              } else if (text === "") delete rows[key.slice(2)];
              else rows[key.slice(2)] = JSON.parse(text);
            });
            open.result.close();
            resolve(rows);
          };
        };
      }),
  );
}

test("the list is drawn at start-up from rows kept for it, and they follow every change", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Explore with sample data" }).click();
  await expect(page.getByRole("table", { name: /Due in the next 7 days/ })).toBeVisible();
  await createRecord(page, workedExample);
  await expect(page.getByText("Received Friday 19 December 2025", { exact: true })).toBeVisible();
  await recordEvent(page, "Acknowledged", "22", "12", "2025");
  await page.goto("/records");
  const doomed = page
    .getByRole("row")
    .filter({ has: page.getByRole("link") })
    .filter({ hasNotText: workedExample.summary! })
    .first()
    .getByRole("link")
    .first();
  const doomedReference = (await doomed.innerText()).trim();
  await doomed.click();
  await page.getByRole("link", { name: "Delete this record" }).click();
  await page.getByRole("button", { name: "Yes, delete this record" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Records" })).toBeVisible();

  // Every record kept has its row kept, as it is now; the deleted one has none.
  const records = (await idb<string[]>(page, "all", "records")).map((text) => JSON.parse(text).data);
  await expect.poll(async () => Object.keys(await keptRows(page)).sort()).toEqual(records.map((r) => r.id).sort());
  const rows = await keptRows(page);
  for (const record of records) {
    expect(rows[record.id].r).toBe(record.reference);
    expect(rows[record.id].u, record.reference).toBe(record.updated);
  }
  expect(Object.values(rows).map((r) => r.r)).not.toContain(doomedReference);

  // The next start draws the list from them before it has read the records.
  await page.reload();
  await expect(page.getByRole("status").filter({ hasText: /of \d+ records/ })).toBeVisible();
  const marks = await page.evaluate(async () => {
    while (!performance.getEntriesByName("redress:records-taken-in").length) await new Promise((r) => setTimeout(r, 50));
    return Object.fromEntries(performance.getEntriesByType("mark").map((m) => [m.name, m.startTime]));
  });
  expect(marks["redress:rows-shown"]).toBeLessThan(marks["redress:records-read"]);
  await expect(page.getByRole("row").filter({ hasText: workedExample.summary! })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: doomedReference })).toHaveCount(0);
});
