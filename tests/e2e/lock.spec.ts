// Encrypted at rest: with the lock set, no byte of IndexedDB, localStorage or the caches holds a
// marker typed into records, an assessment and settings, and the marker is on screen again after
// unlocking; a wrong passphrase, a new passphrase, the recovery key, auto-lock after a period
// without use, "Lock now" clearing the page, removing the lock, an encrypted export imported
// into a fresh browser, and a tampered value refused in words.
import { Browser, expect, Page, test } from "@playwright/test";
import { createRecord, downloadText, expectNoViolations, idb, workedExample } from "./helpers";
import { everythingKept, go, MARKER, PASSPHRASE, setLock, unlock } from "./locking";


// Whatever a test leaves, the app still starts: on the unlock page when it left a lock.
test.afterEach(async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: /^(My work|Redress is locked)$/ })).toBeVisible();
});

async function fillMarkedData(page: Page) {
  await page.goto("/settings");
  await page.getByLabel("Organisation name").fill(`${MARKER} Borough Council`);
  await page.getByLabel("Your name").fill(`Casey ${MARKER}`);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Settings saved" })).toBeVisible();
  await createRecord(page, { ...workedExample, name: `Alex ${MARKER}`, summary: `The ${MARKER} complaint.` });
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(MARKER) })).toBeVisible();
  await page.goto("/assessments");
  await page.getByRole("button", { name: "Start a self-assessment" }).click();
  await page.getByRole("radio", { name: "NCMG good practice principles (2016)", exact: true }).check();
  await page.getByLabel("Organisation").fill(`${MARKER} Council`);
  await page.getByLabel("Period the assessment covers").fill("2025 to 2026");
  await page.getByRole("button", { name: "Start", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "2025 to 2026" })).toBeVisible();
}

test("with the lock set, no byte kept holds what was typed, and unlocking shows it again", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-01-05T10:00:00"));
  await page.goto("/");
  await fillMarkedData(page);
  expect(await everythingKept(page)).toContain(MARKER);
  await setLock(page);
  await expectNoViolations(page, "the lock, set");
  const kept = await everythingKept(page);
  expect(kept.length).toBeGreaterThan(1000);
  expect(kept).not.toContain(MARKER);
  expect(kept.toLowerCase()).not.toContain(MARKER.toLowerCase());

  await page.reload();
  await expectNoViolations(page, "the unlock page");
  await expect(page.locator("body")).not.toContainText(MARKER);
  // A wrong passphrase says so and changes nothing.
  await unlock(page, "kettle orange viola");
  await expect(page.getByRole("alert")).toContainText("The passphrase is not right");
  await expect(page.getByRole("heading", { level: 1, name: "Redress is locked" })).toBeVisible();
  expect(await everythingKept(page)).toBe(kept);
  await unlock(page);
  // Back where it was locked.
  await expect(page.getByRole("heading", { level: 1, name: "Lock this device’s records" })).toBeVisible();
  await go(page, "Records");
  await expect(page.getByRole("table")).toContainText(`Alex ${MARKER}`);
  await go(page, "Assessments");
  await expect(page.locator("main")).toContainText(`${MARKER} Council`);
  await go(page, "Settings");
  await expect(page.getByLabel("Organisation name")).toHaveValue(`${MARKER} Borough Council`);
  // What was saved while locked is sealed too.
  await page.getByLabel("Your name").fill(`Sam ${MARKER}`);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Settings saved" })).toBeVisible();
  expect(await everythingKept(page)).not.toContain(MARKER);
});

test("Lock now clears the page; a new passphrase, the recovery key, and removing the lock", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-01-05T10:00:00"));
  await page.goto("/");
  await createRecord(page, { ...workedExample, name: `Alex ${MARKER}` });
  const recovery = await setLock(page);
  await go(page, "Records");
  await expect(page.getByRole("table")).toContainText(MARKER);
  await page.getByRole("button", { name: "Lock now" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Redress is locked" })).toBeVisible();
  expect(await page.content()).not.toContain(MARKER);
  await expect(page.getByRole("link", { name: "Records" })).toHaveCount(0);

  // Typed and not saved: Lock now asks first.
  await unlock(page);
  await go(page, "New record");
  await page.getByLabel("Summary").fill("Half typed");
  await page.getByRole("button", { name: "Lock now" }).click();
  await expect(page.getByRole("alert")).toContainText("Something you typed is not saved");
  await page.getByRole("button", { name: "Go back to what I was doing" }).click();
  await expect(page.getByLabel("Summary")).toHaveValue("Half typed");
  await page.getByRole("button", { name: "Lock now" }).click();
  await page.getByRole("button", { name: "Lock anyway" }).click();

  // A new passphrase: instant, and the old one no longer opens it.
  await unlock(page);
  await go(page, "Settings");
  await page.getByRole("link", { name: "Manage the lock" }).click();
  await page.getByRole("link", { name: "Change the passphrase" }).click();
  await page.getByLabel("Current passphrase").fill("not my passphrase");
  await page.getByLabel("New passphrase", { exact: true }).fill("violin kettle orange");
  await page.getByLabel("New passphrase again").fill("violin kettle orange");
  await page.getByRole("button", { name: "Change the passphrase" }).click();
  await expect(page.getByRole("alert")).toContainText("The passphrase is not right");
  await page.getByLabel("Current passphrase").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Change the passphrase" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Passphrase changed" })).toBeVisible();
  await expectNoViolations(page, "managing the lock");
  await page.reload();
  await unlock(page);
  await expect(page.getByRole("alert")).toContainText("The passphrase is not right");

  // Forgotten: the recovery key and a new passphrase.
  await page.getByText("I have forgotten my passphrase").click();
  await page.getByLabel("Recovery key").fill(recovery.toLowerCase().replaceAll("-", " "));
  await page.getByLabel("New passphrase", { exact: true }).fill("plum tree harbour");
  await page.getByLabel("New passphrase again").fill("plum tree harbour");
  await page.getByRole("button", { name: "Unlock with the recovery key" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lock this device’s records" })).toBeVisible();

  // Removing the lock: the passphrase again, then plain text and no unlock page.
  await page.getByRole("link", { name: "Remove the lock" }).click();
  await page.getByLabel("Your passphrase").fill("plum tree harbour");
  await page.getByRole("button", { name: "Remove the lock" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The lock is removed." })).toBeVisible();
  expect(await everythingKept(page)).toContain(MARKER);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Lock now" })).toHaveCount(0);
});

test("Redress locks itself after the period without use", async ({ page }) => {
  await page.clock.install({ time: new Date("2026-01-05T10:00:00") });
  await page.goto("/");
  await setLock(page);
  await page.getByLabel("Lock Redress when it has not been used for").selectOption("5");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("after 5 minutes without use");
  await page.clock.fastForward("04:00");
  await expect(page.getByRole("heading", { level: 1, name: "Lock this device’s records" })).toBeVisible();
  await page.clock.fastForward("01:30");
  await expect(page.getByRole("heading", { level: 1, name: "Redress is locked" })).toBeVisible();
  await unlock(page);
  await expect(page.getByRole("heading", { level: 1, name: "Lock this device’s records" })).toBeVisible();
});

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test("an export protected with a passphrase imports into a fresh browser with it, and not without", async ({ page, browser }) => {
  await page.clock.setFixedTime(new Date("2026-01-05T10:00:00"));
  await page.goto("/");
  await createRecord(page, { ...workedExample, name: `Alex ${MARKER}` });
  await page.goto("/data");
  await page.getByLabel("Protect the file with a passphrase").check();
  await page.getByRole("button", { name: "Export everything", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("Enter a passphrase");
  await page.getByLabel("Passphrase for the file", { exact: true }).fill("file pass phrase");
  await page.getByLabel("Passphrase for the file, again").fill("file pass phrase");
  await expectNoViolations(page, "a protected export");
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export everything", exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.encrypted\.json$/);
  const body = await downloadText(download);
  expect(body).not.toContain(MARKER);
  expect(JSON.parse(body)).toMatchObject({ format: "redress-encrypted-export", version: 1, kdf: { name: "PBKDF2", iterations: 600000 } });

  const other = await freshPage(browser);
  await other.goto("/data");
  const choose = async (text: string) => {
    await other.getByLabel("File to import").setInputFiles({ name: "backup.encrypted.json", mimeType: "application/json", buffer: Buffer.from(text) });
    await other.getByRole("button", { name: "Check the file" }).click();
  };
  await choose(body);
  await expect(other.getByText("This file is encrypted.")).toBeVisible();
  await other.getByLabel("The file’s passphrase").fill("wrong pass phrase");
  await other.getByRole("button", { name: "Open the file" }).click();
  await expect(other.getByText(/That passphrase does not open this file/).first()).toBeVisible();
  // A file changed after it was encrypted is refused the same way, whatever the passphrase.
  const file = JSON.parse(body);
  const data = Buffer.from(file.encrypted.data, "base64");
  data[10] ^= 1;
  file.encrypted.data = data.toString("base64");
  await choose(JSON.stringify(file));
  await other.getByLabel("The file’s passphrase").fill("file pass phrase");
  await other.getByRole("button", { name: "Open the file" }).click();
  await expect(other.getByText(/or the file was changed after it was encrypted/).first()).toBeVisible();
  await choose(body);
  await other.getByLabel("The file’s passphrase").fill("file pass phrase");
  await other.getByRole("button", { name: "Open the file" }).click();
  await expect(other.getByRole("term").filter({ hasText: /^New records$/ }).locator("xpath=following-sibling::dd[1]")).toHaveText("1");
  await other.getByRole("button", { name: "Import", exact: true }).click();
  await expect(other.getByRole("status")).toContainText("Imported: 1 new records");
  await other.goto("/records");
  await expect(other.getByRole("table")).toContainText(`Alex ${MARKER}`);
  await other.context().close();
});

test("a stored value changed behind Redress's back is refused in words, and the rest opens", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-01-05T10:00:00"));
  await page.goto("/");
  await createRecord(page, { ...workedExample, name: "Alex Taylor" });
  await createRecord(page, { ...workedExample, name: "Robin Fairweather" });
  await setLock(page);
  const keys = await page.evaluate(
    () =>
      new Promise<string[]>((done) => {
        const open = indexedDB.open("redress");
        open.onsuccess = () => {
          const request = open.result.transaction("records").objectStore("records").getAllKeys();
          request.onsuccess = () => {
            open.result.close();
            done(request.result as string[]);
          };
        };
      }),
  );
  const values = await idb<string[]>(page, "all", "records");
  const sealed = JSON.parse(values[0]);
  const data = Buffer.from(sealed.data, "base64");
  data[5] ^= 1;
  sealed.data = data.toString("base64");
  await idb(page, "put", "records", keys[0], JSON.stringify(sealed));
  await page.reload();
  await unlock(page);
  await expect(page.getByRole("heading", { level: 1, name: "Lock this device’s records" })).toBeVisible();
  await expect(page.getByText(/was changed after it was encrypted, or was moved here from elsewhere/)).toBeVisible();
  await go(page, "Records");
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(2);
});

test("the outreach worker's case: unlocked, it works offline; locked, it unlocks offline", async ({ page, context }) => {
  await page.goto("/");
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await setLock(page);
  await context.setOffline(true);
  await createRecord(page, { ...workedExample, name: "Offline Visit" });
  await expect(page.getByRole("heading", { level: 1, name: /Offline Visit/ })).toBeVisible();
  await page.getByRole("button", { name: "Lock now" }).click();
  await unlock(page);
  await go(page, "Records");
  await expect(page.getByRole("table")).toContainText("Offline Visit");
  await page.reload();
  await unlock(page);
  await expect(page.getByRole("table")).toContainText("Offline Visit");
  await context.setOffline(false);
});

test("setting the lock or locking in one tab locks the others", async ({ page, context }) => {
  await page.goto("/");
  await createRecord(page, { ...workedExample, name: `Alex ${MARKER}` });
  const other = await context.newPage();
  await other.goto("/records");
  await expect(other.getByRole("table")).toContainText(MARKER);
  await setLock(page);
  // The other tab held no key: it starts again, locked, showing nothing of the records.
  await expect(other.getByRole("heading", { level: 1, name: "Redress is locked" })).toBeVisible();
  await expect(other.locator("body")).not.toContainText(MARKER);
  await unlock(other);
  await go(other, "Records");
  await expect(other.getByRole("table")).toContainText(MARKER);
  await page.getByRole("banner").getByRole("button", { name: "Lock now" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Redress is locked" })).toBeVisible();
  await expect(other.getByRole("heading", { level: 1, name: "Redress is locked" })).toBeVisible();
  await other.close();
});
