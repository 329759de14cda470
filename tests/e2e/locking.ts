// The lock in a journey: a marker typed into records that must never be kept (or sent) in the
// clear, the passphrase, setting the lock from Settings, unlocking, moving about without a page
// load (which would start Redress again, locked), and every byte the site keeps.
import { expect, Page } from "@playwright/test";

export const MARKER = "Zebraquartz";
export const PASSPHRASE = "kettle orange violin";

/** Sets the lock from Settings; returns the recovery key shown once. */
export async function setLock(page: Page, passphrase = PASSPHRASE): Promise<string> {
  await page.goto("/settings");
  await page.getByRole("link", { name: "Lock this device’s records with a passphrase" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lock this device’s records" })).toBeVisible();
  await page.getByLabel("Passphrase", { exact: true }).fill(passphrase);
  await expect(page.getByText("Strength: Strong Hard to guess.")).toBeVisible();
  await page.getByLabel("Passphrase again").fill(passphrase);
  await page.getByRole("button", { name: "Set the lock" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "The lock is set" })).toBeVisible({ timeout: 30_000 });
  const key = (await page.locator("#recovery-key-text").innerText()).trim();
  expect(key).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){15}$/);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("Confirm that you have kept the recovery key somewhere safe").first()).toBeVisible();
  await page.getByLabel("I have kept the recovery key somewhere safe").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The lock is set." })).toBeVisible();
  return key;
}

/**
 * Goes to a page through the service navigation. With the lock set, typing an address (a new
 * page load) starts Redress again, locked, as closing the tab would.
 */
export async function go(page: Page, link: string) {
  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: link, exact: true }).click();
}

export async function unlock(page: Page, passphrase = PASSPHRASE) {
  await expect(page.getByRole("heading", { level: 1, name: "Redress is locked" })).toBeVisible();
  await page.getByLabel("Passphrase", { exact: true }).fill(passphrase);
  await page.getByRole("button", { name: "Unlock" }).click();
}

/** Every byte the site keeps: each IndexedDB store's keys and values, localStorage, every cache. */
export async function everythingKept(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const parts: string[] = [];
    const db = await new Promise<IDBDatabase>((done, failed) => {
      const open = indexedDB.open("redress");
      open.onsuccess = () => done(open.result);
      open.onerror = () => failed(open.error);
    });
    for (const name of Array.from(db.objectStoreNames)) {
      const read = (request: IDBRequest) => new Promise<any>((done) => (request.onsuccess = () => done(request.result)));
      const tx = db.transaction(name);
      parts.push(JSON.stringify(await read(tx.objectStore(name).getAllKeys())));
      parts.push(JSON.stringify(await read(tx.objectStore(name).getAll())));
    }
    db.close();
    for (let i = 0; i < localStorage.length; i++) parts.push(localStorage.key(i)!, localStorage.getItem(localStorage.key(i)!)!);
    for (let i = 0; i < sessionStorage.length; i++) parts.push(sessionStorage.getItem(sessionStorage.key(i)!)!);
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        parts.push(request.url, await (await cache.match(request))!.text());
      }
    }
    return parts.join("\n");
  });
}

