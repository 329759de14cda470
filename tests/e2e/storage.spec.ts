// Nothing lost, ever: other tabs, failed writes, unreadable data, and no network.
import { expect, test } from "@playwright/test";
import { createRecord, workedExample } from "./helpers";

test("a record created in one tab appears in another", async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await first.goto("/records");
  await second.goto("/records");
  await expect(second.getByText("There are no records on this device yet.")).toBeVisible();

  await createRecord(first, workedExample);
  await expect(first.getByRole("heading", { level: 1, name: "Received Friday 19 December 2025" })).toBeVisible();
  await expect(second.getByRole("row").filter({ hasText: workedExample.summary! })).toBeVisible();
});

test("a write that fails says so, keeps the record, and saves it on retry", async ({ page }) => {
  await page.addInitScript(() => {
    const real = Storage.prototype.setItem;
    (window as any).__storageFull = true;
    Storage.prototype.setItem = function (key: string, value: string) {
      if ((window as any).__storageFull) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return real.call(this, key, value);
    };
  });
  await page.goto("/");
  await createRecord(page, workedExample);

  const banner = page.getByRole("alert").filter({ hasText: "Not saved" });
  await expect(banner).toContainText("1 change has not been saved on this device: this browser’s storage for Redress is full.");
  await expect(page.getByText("Not saved on this device")).toBeVisible();
  // Still here, in memory, on the list too.
  await page.getByRole("link", { name: "Records", exact: true }).click();
  await expect(page.getByRole("row").filter({ hasText: workedExample.summary! })).toBeVisible();

  await page.evaluate(() => ((window as any).__storageFull = false));
  await banner.getByRole("button", { name: "Try saving again" }).click();
  await expect(banner).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: workedExample.summary! })).toBeVisible();
});

test("stored data that cannot be read is set aside and reported", async ({ page }) => {
  await page.goto("/");
  await page.evaluate(() => localStorage.setItem("redress:record:broken", "this is not JSON"));
  await page.reload();
  const banner = page.getByRole("region", { name: "Important" });
  await expect(banner).toContainText("Some stored data could not be read");
  await expect(banner).toContainText("It has been kept, unchanged, under the storage key");
  await expect(banner).toContainText("Nothing has been deleted.");
  const kept = await page.evaluate(() =>
    Object.keys(localStorage).filter((key) => key.startsWith("redress:set-aside:")).map((key) => localStorage.getItem(key)),
  );
  expect(kept).toEqual(["this is not JSON"]);
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
  await expect(page.getByRole("heading", { level: 1, name: "Received Friday 19 December 2025" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Received Friday 19 December 2025" })).toBeVisible();
  await context.setOffline(false);
});
