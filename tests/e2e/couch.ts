// Team sync in a journey: the CouchDB-compatible test server (pouchdb-server, in memory, started
// by the Playwright config on the app's port + 1), a fresh database and the officer's account on
// it, a device (a browser context), setting up team sync and syncing as a person does.
import { Browser, expect, Page } from "@playwright/test";

export const couch = `http://127.0.0.1:${Number(process.env.REDRESS_E2E_PORT ?? 8081) + 1}`;
export const officer = { name: "officer", password: "a long server password" };

export async function server(method: string, where: string, body?: unknown, auth = true) {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (auth) headers.Authorization = "Basic " + Buffer.from(`${officer.name}:${officer.password}`).toString("base64");
  const response = await fetch(`${couch}/${where}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, json: await response.json() };
}

/** A new database for one test, and the officer's account on the server. */
export async function newDatabase(): Promise<string> {
  await server("PUT", "_users/org.couchdb.user:officer", { name: officer.name, password: officer.password, roles: [], type: "user" }, false);
  const name = `team-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const made = await server("PUT", name, undefined, false);
  expect(made.status).toBe(201);
  return name;
}

export async function device(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
  return page;
}

export const syncLine = (page: Page) => page.getByRole("status").filter({ hasText: /^Team sync/ });

export async function setUp(page: Page, database: string, password = officer.password) {
  // By the menu, not by address: with the lock set a page load would start Redress again, locked.
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  await page.getByRole("link", { name: "Set up team sync with your team’s CouchDB server" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Team sync" })).toBeVisible();
  await page.getByLabel("Server address").fill(couch);
  await page.getByLabel("Your team’s database").fill(database);
  await page.getByLabel("Your name on the server").fill(officer.name);
  await page.getByLabel("Your password on the server").fill(password);
  // Live sync off: each sync in these journeys is one a person asks for.
  await page.getByLabel(/Sync by itself/).uncheck();
  await page.getByRole("button", { name: "Set up and sync" }).click();
}

/** Settings → Manage team sync → Sync now, by the links a person follows: a reload would ask
 * for the password again (it is kept only while the page is open). */
export async function syncNow(page: Page) {
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  await page.getByRole("link", { name: "Manage team sync" }).click();
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(syncLine(page)).toContainText(/synced at|offline|stopped/, { timeout: 60_000 });
}

