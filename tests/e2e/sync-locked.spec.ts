// Team sync with the lock set: the team's records are encrypted end to end. The first locked
// device chooses the team passphrase; the server's documents, read through its HTTP API, hold
// no marker typed into a record or the settings; a device without a lock is refused in words; a
// second device, once locked, opens the team's key with the passphrase (a wrong one is said so)
// and reads the record; and its own storage, sync notes included, holds no marker either.
import "./starts";
import { expect, test } from "@playwright/test";
import { couch, device, newDatabase, server, setUp, syncLine, syncNow } from "./couch";
import { createRecord, expectNoViolations, workedExample } from "./helpers";
import { everythingKept, MARKER, setLock } from "./locking";

const TEAM_PASSPHRASE = "harbour lantern meadow";

test("with the lock set, the server holds only ciphertext, and a second locked device reads the record with the team passphrase", async ({ browser }) => {
  test.setTimeout(300_000);
  const database = await newDatabase();
  const a = await device(browser);
  await a.goto("/settings");
  await a.getByLabel("Organisation name").fill(`${MARKER} Borough Council`);
  await a.getByRole("button", { name: "Save settings" }).click();
  await expect(a.getByRole("alert").filter({ hasText: "Settings saved" })).toBeVisible();
  await setLock(a);
  await createRecord(a, { ...workedExample, name: `Alex ${MARKER}`, summary: `The ${MARKER} complaint.` });
  await expect(a.getByRole("heading", { level: 1, name: new RegExp(MARKER) })).toBeVisible();

  // Every request this device sends the server, with its body.
  const sent: string[] = [];
  a.on("request", (request) => {
    if (request.url().startsWith(couch)) sent.push(`${request.method()} ${request.url()} ${request.postData() ?? ""}`);
  });
  // The team's first device chooses the team passphrase.
  await setUp(a, database);
  await expect(syncLine(a)).toContainText("choose your team’s passphrase", { timeout: 60_000 });
  await a.getByRole("button", { name: "Encrypt and sync" }).click();
  await expect(a.getByRole("link", { name: "Enter a passphrase" })).toBeVisible();
  await expectNoViolations(a, "the team passphrase, chosen, with its errors");
  await a.getByLabel("Team passphrase", { exact: true }).fill(TEAM_PASSPHRASE);
  await a.getByLabel("Team passphrase again").fill(TEAM_PASSPHRASE);
  await a.getByRole("button", { name: "Encrypt and sync" }).click();
  await expect(syncLine(a)).toContainText("Team sync: synced at", { timeout: 60_000 });
  // The team's key and the devices' tags come back with the pull: read, never set aside.
  await expect(a.getByRole("heading", { name: "Set aside, not taken in" })).toHaveCount(0);
  // Its settings go with the second pass of the same sync.
  await syncNow(a);

  // What the server keeps — every document's every revision it holds, its changes feed — and
  // every request the device sent it, the replication checkpoints among them: no marker.
  const all = await server("GET", `${database}/_all_docs?include_docs=true&conflicts=true`);
  const revisions = [];
  for (const row of all.json.rows) {
    revisions.push(await server("GET", `${database}/${encodeURIComponent(row.id)}?revs=true&open_revs=all`));
  }
  const feed = await server("GET", `${database}/_changes?include_docs=true&style=all_docs`);
  const kept = JSON.stringify([all, revisions, feed]) + sent.join("\n");
  expect(sent.some((line) => line.includes("/_local/"))).toBe(true);
  expect(kept).toContain("redress-team-sealed");
  expect(kept).toContain("record:");
  expect(kept).toContain("settings:team");
  expect(kept).not.toContain(MARKER);
  expect(kept.toLowerCase()).not.toContain(MARKER.toLowerCase());
  expect(kept).not.toContain(TEAM_PASSPHRASE);
  expect(await everythingKept(a)).not.toContain(MARKER);

  // A device without a lock is refused in words, and sends nothing.
  const b = await device(browser);
  const ids = async () => (await server("GET", `${database}/_all_docs`)).json.rows.map((row: { id: string; value: { rev: string } }) => `${row.id} ${row.value.rev}`);
  const before = await ids();
  await setUp(b, database);
  await expect(syncLine(b)).toContainText("only a locked device can sync", { timeout: 60_000 });
  expect(await ids()).toEqual(before);

  // Locked, it signs in again and opens the team's key: a wrong passphrase is said so.
  await setLock(b);
  await b.getByRole("link", { name: "Settings", exact: true }).click();
  await b.getByRole("link", { name: "Manage team sync" }).click();
  await b.getByLabel("Your password on the server").fill("a long server password");
  await b.getByRole("button", { name: "Sign in and sync" }).click();
  await expect(syncLine(b)).toContainText("enter your team’s passphrase", { timeout: 60_000 });
  await b.getByLabel("Your team’s passphrase").fill("not the team passphrase");
  await b.getByRole("button", { name: "Open the team’s key and sync" }).click();
  await expect(syncLine(b)).toContainText("does not open the team’s key", { timeout: 60_000 });
  await expect(b.getByRole("link", { name: /does not open the team’s key/ })).toBeVisible();
  await expectNoViolations(b, "the team passphrase, wrong");
  // A record planted in the clear (by the server, or a device without the lock) is not taken in.
  const planted = { format: "redress-store", schema_version: 4, data: { id: "planted", summary: "Planted" } };
  expect((await server("PUT", `${database}/record:planted`, planted)).status).toBe(201);
  await b.getByLabel("Your team’s passphrase").fill(TEAM_PASSPHRASE);
  await b.getByRole("button", { name: "Open the team’s key and sync" }).click();
  await expect(syncLine(b)).toContainText("Team sync: synced at", { timeout: 60_000 });
  await expect(b.getByRole("heading", { name: "Set aside, not taken in" })).toBeVisible();
  await expect(b.getByText(/^record:planted: It arrived unencrypted/)).toBeVisible();
  await expect(b.getByRole("listitem").filter({ hasText: /^(key|device):/ })).toHaveCount(0);
  await b.getByRole("link", { name: "Records", exact: true }).click();
  await b.getByRole("link", { name: "C-2025-0001", exact: true }).click();
  await expect(b.getByText(`The ${MARKER} complaint.`)).toBeVisible();
  await b.getByRole("link", { name: "Settings", exact: true }).click();
  await expect(b.getByLabel("Organisation name")).toHaveValue(`${MARKER} Borough Council`);
  // B's own storage, its sync notes and the team key among them, holds no marker in the clear.
  expect(await everythingKept(b)).not.toContain(MARKER);
  await b.context().close();
  await a.context().close();
});
