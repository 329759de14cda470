// The deadline engine as a person meets it: the calculator from a link, a record's dates and
// statuses moving as its events are recorded, the organisation's settings and procedures.
import "./starts";
import { expect, Page, test } from "@playwright/test";
import { createRecord, recordEvent, workedExample } from "./helpers";

function deadline(page: Page, label: string) {
  return page
    .getByRole("region", { name: /Deadlines|The dates/ })
    .getByRole("term")
    .filter({ hasText: new RegExp(`^${label}$`) })
    .locator("xpath=following-sibling::dd[1]");
}

test("the calculator answers from a link, explains each date, and makes a new link", async ({ page }) => {
  await page.goto("/calculator?procedure=lgsco-2024&start=2025-12-19");
  await expect(page.getByRole("heading", { level: 1, name: "Deadline calculator" })).toBeVisible();
  await expect(deadline(page, "Stage 1 acknowledgement")).toContainText("Tuesday 30 December 2025");
  await expect(deadline(page, "Stage 1 response")).toContainText("Wednesday 14 January 2026");
  await expect(deadline(page, "Stage 1 response: longest extension allowed")).toContainText("Wednesday 28 January 2026");
  await deadline(page, "Stage 1 acknowledgement").getByText("How was this worked out?").click();
  await expect(deadline(page, "Stage 1 acknowledgement")).toContainText(
    "Not counted: 4 weekend days; holidays: Christmas Day (Thu 25 Dec 2025), Boxing Day (Fri 26 Dec 2025).",
  );
  // The form shows what the link asked.
  await expect(page.getByRole("radio", { name: "LGSCO Complaint Handling Code 2024" })).toBeChecked();
  await expect(page.getByRole("group", { name: "Date received" }).getByLabel("Day")).toHaveValue("19");

  // Asking again by the form changes the link; stage 3 of the children's procedure.
  await page.getByRole("radio", { name: /Children Act 1989/ }).check();
  await page.getByRole("radio", { name: "Stage 3 (review panel)" }).check();
  const date = page.getByRole("group", { name: "Date received" });
  await date.getByLabel("Day").fill("2");
  await date.getByLabel("Month").fill("3");
  await date.getByLabel("Year").fill("2026");
  await page.getByRole("button", { name: "Work out the dates" }).click();
  await expect(page).toHaveURL(/\/calculator\?procedure=children-act-1989-2006&stage=3&start=2026-03-02$/);
  await expect(deadline(page, "Stage 3 panel meets")).toContainText("Wednesday 15 April 2026");
  await expect(deadline(page, "Stage 3 panel’s findings")).toContainText("Wednesday 22 April 2026");
  await expect(deadline(page, "Stage 3 council’s response")).toContainText("Thursday 14 May 2026");
  await page.reload();
  await expect(deadline(page, "Stage 3 council’s response")).toContainText("Thursday 14 May 2026");

  // A broken link says what is wrong.
  await page.goto("/calculator?procedure=nothing&start=2025-02-30");
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary.getByRole("link")).toHaveText(["Select a procedure", "Enter the date received as a real date"]);
});

test("a record's deadlines and statuses change as its events are recorded", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2025-12-22T10:00:00"));
  await page.goto("/");
  await createRecord(page, workedExample);
  await expect(deadline(page, "Stage 1 acknowledgement")).toContainText("On track");
  await expect(deadline(page, "Stage 1 response")).toContainText("Projected");

  await page.clock.setFixedTime(new Date("2025-12-24T10:00:00"));
  await page.reload();
  await expect(deadline(page, "Stage 1 acknowledgement")).toContainText("Due soon");

  await page.clock.setFixedTime(new Date("2026-01-21T10:00:00"));
  await page.reload();
  await expect(deadline(page, "Stage 1 acknowledgement")).toContainText("Overdue by 15 working days");

  await recordEvent(page, "Acknowledged", "29", "12", "2025");
  await expect(deadline(page, "Stage 1 acknowledgement")).toContainText("Met");
  await expect(deadline(page, "Stage 1 response")).toContainText("Tuesday 13 January 2026");
  await expect(deadline(page, "Stage 1 response")).not.toContainText("Projected");
  await expect(deadline(page, "Stage 1 response")).toContainText("Overdue by 6 working days");

  await recordEvent(page, "Response sent", "20", "1", "2026");
  await expect(deadline(page, "Stage 1 response")).toContainText("Met late by 5 working days");

  await recordEvent(page, "Next stage asked for", "21", "1", "2026");
  await expect(deadline(page, "Stage 2 acknowledgement")).toContainText("Wednesday 28 January 2026");
  await expect(deadline(page, "Stage 2 response")).toContainText("Projected");
  await expect(page.getByRole("heading", { level: 3, name: "Stage 2", exact: true })).toBeVisible();

  // Everything survives a reload.
  await page.reload();
  await expect(deadline(page, "Stage 1 response")).toContainText("Met late by 5 working days");
  await expect(deadline(page, "Stage 2 acknowledgement")).toContainText("Wednesday 28 January 2026");
});

test("an extension past its limit is warned about, and a mistake keeps what was typed", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-01-05T10:00:00"));
  await page.goto("/");
  await createRecord(page, workedExample);
  await page.getByRole("radio", { name: "Response extended" }).check();
  const date = page.getByRole("group", { name: "New response date" });
  await date.getByLabel("Day").fill("30");
  await date.getByLabel("Month").fill("1");
  await date.getByLabel("Year").fill("2026");
  await page.getByRole("button", { name: "Record it" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText(
    "Enter why the response is extended",
  );
  await expect(date.getByLabel("Day")).toHaveValue("30");
  await page.getByRole("textbox", { name: "Why is the response being extended?" }).fill("Waiting for the contractor’s records");
  await page.getByRole("button", { name: "Record it" }).click();
  await expect(deadline(page, "Stage 1 response, extended")).toContainText("Friday 30 January 2026");
  await expect(deadline(page, "Stage 1 response, extended")).toContainText(
    "This extension goes past the longest the procedure allows (Wed 28 Jan 2026) and no good reason is recorded.",
  );
});

test("the nation, closure days and the organisation's own procedures change the dates", async ({ page }) => {
  await page.goto("/calculator?procedure=lgsco-2024&start=2025-12-31");
  await expect(deadline(page, "Stage 1 acknowledgement")).toContainText("Thursday 8 January 2026");

  await page.goto("/settings");
  await page.getByRole("radio", { name: "Scotland" }).check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();
  await page.goto("/calculator?procedure=lgsco-2024&start=2025-12-31");
  await expect(deadline(page, "Stage 1 acknowledgement")).toContainText("Friday 9 January 2026");
  await deadline(page, "Stage 1 acknowledgement").getByText("How was this worked out?").click();
  await expect(deadline(page, "Stage 1 acknowledgement")).toContainText("2nd January (Fri 2 Jan 2026)");

  // A closure day, counted against the organisation's own targets.
  await page.goto("/settings");
  const closure = page.getByRole("group", { name: "Closure date" });
  await closure.getByLabel("Day").fill("6");
  await closure.getByLabel("Month").fill("1");
  await closure.getByLabel("Year").fill("2026");
  await page.getByLabel("Name (optional)").fill("Staff training");
  await page.getByRole("button", { name: "Add closure day" }).click();
  await expect(page.getByRole("table", { name: "Your closure days" })).toContainText("Staff training");

  // The organisation's own procedure, defined stage by stage.
  await page.getByRole("button", { name: "Add a procedure" }).click();
  await page.getByRole("button", { name: "Save procedure" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" }).getByRole("link")).toHaveText([
    "Enter a name for the procedure",
    "Enter the stage 1 acknowledgement limit",
    "Enter the stage 1 response limit",
    "Select what the stage 1 response is counted from",
  ]);
  await page.getByLabel("Procedure name").fill("Home care complaints");
  await page.getByLabel("Stage 1: working days to acknowledge").fill("2");
  await page.getByLabel("Stage 1: working days to respond").fill("15");
  await page.getByRole("radio", { name: "The date received" }).check();
  await page.getByRole("button", { name: "Save procedure" }).click();
  await expect(page).toHaveURL(/\/settings/);
  await expect(page.getByRole("term").filter({ hasText: "Home care complaints" })).toBeVisible();

  await createRecord(page, { ...workedExample, day: "5", month: "1", year: "2026", procedure: "Home care complaints" });
  // Scotland; not counting closure days for its own targets yet: 2 working days after Mon 5 Jan.
  await expect(deadline(page, "Stage 1 acknowledgement")).toContainText("Wednesday 7 January 2026");
  await expect(deadline(page, "Stage 1 response")).toContainText("Monday 26 January 2026");
});
