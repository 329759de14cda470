// Two tabs of one device, and a store that never loses what it confirmed: a form in one tab never
// overwrites what another tab saved meanwhile (both versions are shown to choose from); two tabs
// creating records at once keep all of them; a reload in the middle of saving loses nothing that
// had been saved; a file whose dates are outside what Redress allows is refused by place.
import "./starts";
import { expect, Page, test } from "@playwright/test";
import { createRecord, workedExample } from "./helpers";

async function openIntake(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole("link", { name: "What they want", exact: true }).first().click();
  await expect(page.getByLabel("What they want to happen, as agreed with them")).toBeVisible();
}

test("a form never overwrites another tab's change: both versions are shown and the person chooses", async ({ context }) => {
  test.setTimeout(120_000);
  const first = await context.newPage();
  await first.goto("/");
  await createRecord(first, workedExample);
  await expect(first.getByText("Received Friday 19 December 2025", { exact: true })).toBeVisible();
  const recordUrl = first.url();

  // Tab 1 opens the intake form; tab 2 then records what the person wants and saves it.
  await openIntake(first, recordUrl);
  const second = await context.newPage();
  await openIntake(second, recordUrl);
  await second.getByLabel("What they want to happen, as agreed with them").fill("An apology and a reply within a week");
  await second.getByRole("button", { name: "Save intake and triage" }).click();
  await expect(second.getByText("Received Friday 19 December 2025", { exact: true })).toBeVisible();

  // Tab 1, still showing the form as it opened (no outcome yet), saves it.
  await first.getByRole("button", { name: "Save intake and triage" }).click();
  const choice = first.getByRole("region", { name: "Changed in another tab" });
  await expect(choice).toBeVisible();
  await expect(choice.getByRole("row").filter({ hasText: "intake › desired outcome" })).toContainText("An apology and a reply within a week");
  // Nothing chosen yet: the other tab's outcome is what is stored and shown there.
  await second.reload();
  await expect(second.getByText("An apology and a reply within a week").first()).toBeVisible();

  await choice.getByRole("button", { name: "Keep this version" }).click();
  await expect(choice.getByText("Select which version to keep")).toBeVisible();
  await choice.getByRole("radio", { name: "Keep the other tab’s version" }).check();
  await choice.getByRole("button", { name: "Keep this version" }).click();
  await expect(choice).toHaveCount(0);
  await first.reload();
  await expect(first.getByText("An apology and a reply within a week").first()).toBeVisible();
});

test("two tabs creating 100 records each keep all 200", async ({ context }) => {
  test.setTimeout(600_000);
  const tabs = [await context.newPage(), await context.newPage()];
  for (const tab of tabs) await tab.goto("/records/new");
  for (let n = 0; n < 100; n++) {
    // Both tabs save at about the same moment.
    await Promise.all(
      tabs.map(async (tab, t) => {
        // As a person goes on to the next record: by the link, not by reloading the page while
        // the last save may still be on its way (that case is the reload test below).
        await tab.getByRole("link", { name: "New record", exact: true }).click();
        await expect(tab.getByRole("heading", { level: 1, name: "New record" })).toBeVisible();
        await tab.getByRole("radio", { name: "Concern, representation or comment" }).check();
        const date = tab.getByRole("group", { name: "Date received" });
        await date.getByLabel("Day").fill("2");
        await date.getByLabel("Month").fill("11");
        await date.getByLabel("Year").fill("2026");
        await tab.getByRole("radio", { name: "Corporate" }).check();
        await tab.getByLabel("Summary").fill(`Tab ${t + 1}, record ${n + 1}`);
        await tab.getByRole("button", { name: "Save record" }).click();
        await expect(tab.getByText(/^Received /)).toBeVisible();
      }),
    );
  }
  const fresh = await context.newPage();
  await fresh.goto("/records");
  await expect(fresh.getByText("200 of 200 records")).toBeVisible();
  for (const t of [1, 2]) {
    await fresh.getByLabel("Search").fill(`Tab ${t}, record`);
    await expect(fresh.getByText("100 of 200 records")).toBeVisible();
  }
});

test("a reload in the middle of saving loses nothing that was saved", async ({ page }) => {
  await page.goto("/");
  await createRecord(page, workedExample);
  await expect(page.getByText("Received Friday 19 December 2025", { exact: true })).toBeVisible();
  await expect(page.getByText("Not saved on this device")).toHaveCount(0);
  // A second record, and a reload before its save can have finished.
  await createRecord(page, { ...workedExample, summary: "Saved just before a reload" });
  await page.reload();
  await page.goto("/records");
  await expect(page.getByRole("row").filter({ hasText: workedExample.summary! })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Records" })).toBeVisible();
});

test("an import with a date in the year 3000 is refused with the place named, and the app still starts", async ({ page }) => {
  await page.goto("/data");
  const file = {
    format: "redress-export",
    schema_version: 1,
    app_version: "0.1.0",
    exported_at: "2026-11-20T10:00:00Z",
    organisation: "Elsewhere",
    scope: "everything",
    redacted: false,
    records: [
      {
        id: "00000000-0000-4000-8000-0000000000aa",
        kind: "concern",
        received: "3000-01-01",
        service: "Corporate",
        person_name: null,
        summary: "From the far future",
        created: "2026-11-20T10:00:00Z",
        updated: "2026-11-20T10:00:00Z",
      },
    ],
  };
  await page.getByLabel("File to import").setInputFiles({ name: "far.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("alert")).toContainText("records[0].received");
  await expect(page.getByRole("alert")).toContainText("3000");
});

test("text typed in one form is kept when another form saves and when another tab's change arrives", async ({ context }) => {
  test.setTimeout(120_000);
  const page = await context.newPage();
  await page.goto("/");
  await createRecord(page, workedExample);
  await expect(page.getByText("Received Friday 19 December 2025", { exact: true })).toBeVisible();
  const url = page.url();

  // Half a note typed in the correspondence log, with its date, not saved.
  await page.getByText("Log a letter, email, call or meeting").click();
  await page.getByLabel("Note", { exact: true }).fill("Rang the daughter; she will call back about");
  const contact = page.getByRole("group", { name: "Date of the contact" });
  await contact.getByLabel("Day").fill("22");
  await contact.getByLabel("Month").fill("12");
  // Another form on the page saves.
  await page.getByText("Add an action").click();
  await page.getByLabel("What will be done").fill("Check the fix has held");
  await page.getByLabel("Who is responsible").fill("Ann Handler");
  const due = page.getByRole("group", { name: "Due by" });
  await due.getByLabel("Day").fill("30");
  await due.getByLabel("Month").fill("1");
  await due.getByLabel("Year").fill("2026");
  await page.getByRole("button", { name: "Add action" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Action added" })).toBeVisible();
  await expect(page.getByLabel("Note", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Note", { exact: true })).toHaveValue("Rang the daughter; she will call back about");
  await expect(contact.getByLabel("Month")).toHaveValue("12");
  // The form that saved is empty for the next action; the other keeps what was typed.
  await expect(page.getByLabel("What will be done")).toHaveValue("");

  // Another tab records something on the same record; this tab redraws with it.
  const other = await context.newPage();
  await other.goto(url);
  await other.getByText("Add an action").click();
  await other.getByLabel("What will be done").fill("Send the apology letter");
  await other.getByLabel("Who is responsible").fill("Bo Reviewer");
  const otherDue = other.getByRole("group", { name: "Due by" });
  await otherDue.getByLabel("Day").fill("31");
  await otherDue.getByLabel("Month").fill("1");
  await otherDue.getByLabel("Year").fill("2026");
  await other.getByRole("button", { name: "Add action" }).click();
  await expect(other.getByRole("alert").filter({ hasText: "Action added" })).toBeVisible();
  await expect(page.getByText("Send the apology letter", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Note", { exact: true })).toHaveValue("Rang the daughter; she will call back about");
});

test("an assessment changed in another tab is never overwritten by this tab's working copy", async ({ context }) => {
  test.setTimeout(120_000);
  const first = await context.newPage();
  await first.goto("/assessments");
  await first.getByRole("button", { name: "Start a self-assessment" }).click();
  await first.getByRole("radio", { name: "NCMG good practice principles (2016)", exact: true }).check();
  await first.getByLabel("Organisation").fill("Exampleshire Council");
  await first.getByLabel("Period the assessment covers").fill("2025 to 2026");
  await first.getByRole("button", { name: "Start", exact: true }).click();
  await expect(first.getByRole("heading", { level: 1, name: "2025 to 2026" })).toBeVisible();
  await first.getByRole("link", { name: /^Principle one/ }).click();
  const part = first.url();
  const second = await context.newPage();
  await second.goto(part);

  // The other tab scores area 1.1 (saved as it is chosen).
  await second.getByRole("group", { name: "Score for area 1.1", exact: true }).getByRole("radio", { name: /^3 – Strong evidence/ }).check();
  await expect(second.getByText(/Saved at/)).toBeVisible();
  // This tab, opened before, scores area 1.2: its copy still has 1.1 unscored.
  await first.getByRole("group", { name: "Score for area 1.2", exact: true }).getByRole("radio", { name: /^2 – Some evidence/ }).check();
  const choice = first.getByRole("region", { name: "Changed in another tab" });
  await expect(choice).toBeVisible();
  await expect(choice.getByRole("row").filter({ hasText: "1.1" }).first()).toBeVisible();

  await choice.getByRole("radio", { name: "Keep the other tab’s version" }).check();
  await choice.getByRole("button", { name: "Keep this version" }).click();
  await expect(first.getByRole("group", { name: "Score for area 1.1", exact: true }).getByRole("radio", { name: /^3 – Strong evidence/ })).toBeChecked();
  await second.reload();
  await expect(second.getByRole("group", { name: "Score for area 1.1", exact: true }).getByRole("radio", { name: /^3 – Strong evidence/ })).toBeChecked();
});
