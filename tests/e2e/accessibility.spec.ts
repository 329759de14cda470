// axe-core on every page and its main states: no violations.
import "./starts";
import { expect, test } from "@playwright/test";
import { createRecord, expectNoViolations, idb, workedExample } from "./helpers";

test("every page and state has no axe violations", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
  await expectNoViolations(page, "my work, first run");
  await page.goto("/records");
  await expect(page.getByRole("heading", { level: 1, name: "Records" })).toBeVisible();
  await expectNoViolations(page, "records, empty");

  await page.goto("/records/new");
  await expectNoViolations(page, "new record");
  await page.getByRole("radio", { name: "Complaint" }).check();
  await page.getByRole("button", { name: "Save record" }).click();
  await expect(page.getByText("There is a problem")).toBeVisible();
  await expectNoViolations(page, "new record with errors");

  await page.goto("/");
  await createRecord(page, workedExample);
  await expect(page.getByText("Received Friday 19 December 2025", { exact: true })).toBeVisible();
  await page.getByText("How was this worked out?").first().click();
  await expectNoViolations(page, "record with an explanation open");

  await page.getByRole("link", { name: "Records", exact: true }).click();
  await expect(page.getByRole("table")).toBeVisible();
  await expectNoViolations(page, "records, listed");

  await page.goto("/settings");
  await page.getByLabel("Organisation name").fill("Northshire County Council");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();
  await expectNoViolations(page, "settings, saved");

  await page.goto("/nowhere");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expectNoViolations(page, "page not found");

  await idb(page, "put", "records", "broken", "not JSON");
  await page.reload();
  await expect(page.getByText("Some stored data could not be read")).toBeVisible();
  await expectNoViolations(page, "stored data set aside");
});

test("the not-saved warning has no axe violations", async ({ page }) => {
  await page.addInitScript(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException("blocked", "SecurityError");
    };
  });
  await page.goto("/");
  await createRecord(page, workedExample);
  await expect(page.getByText("Not saved", { exact: true })).toBeVisible();
  await expectNoViolations(page, "not saved");
});

test("the deadline pages have no axe violations", async ({ page }) => {
  await page.goto("/calculator");
  await expectNoViolations(page, "calculator, empty");
  await page.goto("/calculator?procedure=children-act-1989-2006&stage=2&start=2026-02-02");
  await expect(page.getByRole("heading", { name: "The dates" })).toBeVisible();
  await page.getByText("How was this worked out?").first().click();
  await expectNoViolations(page, "calculator, answered");
  await page.goto("/calculator?procedure=nothing&start=nonsense");
  await expect(page.getByText("There is a problem")).toBeVisible();
  await expectNoViolations(page, "calculator, bad link");

  await page.goto("/settings/procedures/new");
  await page.getByRole("button", { name: "Add another stage" }).click();
  await page.getByRole("button", { name: "Save procedure" }).click();
  await expect(page.getByText("There is a problem")).toBeVisible();
  await expectNoViolations(page, "new procedure with errors");

  await page.goto("/settings");
  const closure = page.getByRole("group", { name: "Closure date" });
  await closure.getByLabel("Day").fill("29");
  await closure.getByLabel("Month").fill("12");
  await closure.getByLabel("Year").fill("2026");
  await page.getByRole("button", { name: "Add closure day" }).click();
  await expect(page.getByRole("table", { name: "Your closure days" })).toBeVisible();
  await expectNoViolations(page, "settings with closure days");

  await page.clock.setFixedTime(new Date("2026-01-05T10:00:00"));
  await page.goto("/");
  await createRecord(page, workedExample);
  await page.getByRole("radio", { name: "Response extended" }).check();
  await page.getByRole("button", { name: "Record it" }).click();
  await expect(page.getByText("There is a problem")).toBeVisible();
  await expectNoViolations(page, "record, event form with errors");
});

test("case handling pages have no axe violations", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Explore with sample data" }).click();
  await expect(page.getByRole("table", { name: /Due in the next 7 days/ })).toBeVisible();
  await expectNoViolations(page, "my work with sample data");
  await page.goto("/records");
  await page.getByRole("searchbox", { name: "Search" }).fill("care");
  await expectNoViolations(page, "records searched");
  await page.goto("/records/sample-0011");
  for (const summary of ["Log a letter, email, call or meeting", "Add a remedy", "Add an action", "Add a learning statement"]) {
    await page.getByText(summary, { exact: true }).click();
  }
  await page.getByText(/Show all \d+ changes/).click();
  await expectNoViolations(page, "record with every section open");
  // Each form sent back empty: its error summary, and every field's message.
  for (const button of ["Log it", "Add remedy", "Add action", "Add learning"]) {
    await page.getByRole("button", { name: button, exact: true }).click();
  }
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toHaveCount(4);
  await expectNoViolations(page, "record with every form sent back");
  await page.goto("/records/sample-0013");
  await expectNoViolations(page, "concern");
  await page.getByRole("button", { name: "Escalate to a complaint" }).click();
  await expectNoViolations(page, "escalate");
  await page.goto("/records/sample-0013/delete");
  await expect(page.getByRole("button", { name: "Yes, delete this record" })).toBeVisible();
  await expectNoViolations(page, "delete");
});

test("intake and triage has no axe violations", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Explore with sample data" }).click();
  // The banner shows once the sample records are stored.
  await expect(page.getByText("You are exploring with made-up sample records.")).toBeVisible();
  await page.goto("/records/sample-0010/intake");
  await page.getByText("Equality monitoring and time spent (optional)").click();
  await page.getByRole("button", { name: "Save intake and triage" }).click();
  await expectNoViolations(page, "intake");
  await page.goto("/records/sample-0010");
  await expectNoViolations(page, "record with intake task list");
});

test("a letter page has no axe violations", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Explore with sample data" }).click();
  // The banner shows once the sample records are stored.
  await expect(page.getByText("You are exploring with made-up sample records.")).toBeVisible();
  await page.goto("/records/sample-0004/letters/response");
  await expect(page.getByRole("textbox", { name: "Letter" })).toBeVisible();
  await expectNoViolations(page, "letter");
});
