// The officer's day joined up: a complaint raised by a daughter for her mother, with letters
// addressed to the daughter; a date received corrected, the deadlines moving and the history
// keeping the old and the new; an event withdrawn; the record page on a 390-pixel phone.
import "./starts";
import { expect, Page, test } from "@playwright/test";
import { createRecord, expectNoViolations, recordEvent } from "./helpers";

const daughter = {
  kind: "Complaint",
  day: "5",
  month: "1",
  year: "2026",
  service: "Adult social care",
  name: "Margaret Jones",
  summary: "Carers keep arriving late for my mother's morning visit.",
  procedure: "Local Authority Social Services and NHS Complaints (England) Regulations 2009",
};

async function fillDate(page: Page, group: string, day: string, month: string, year: string) {
  const date = page.getByRole("group", { name: group });
  await date.getByLabel("Day").fill(day);
  await date.getByLabel("Month").fill(month);
  await date.getByLabel("Year").fill(year);
}

function row(page: Page, term: string) {
  return page.getByRole("term").filter({ hasText: new RegExp(`^${term}$`) }).locator("xpath=following-sibling::dd[1]");
}

test("a complaint raised by a daughter for her mother: letters go to the daughter at her address, with a copy line", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-01-06T10:00:00"));
  await page.goto("/settings");
  await page.getByLabel("Organisation name").fill("Northshire County Council");
  await page.getByLabel("Your name").fill("Sam Officer");
  await page.getByRole("button", { name: "Save settings" }).click();
  await createRecord(page, daughter);
  await expect(page.getByRole("heading", { level: 1, name: "C-2026-0001: Complaint about Margaret Jones" })).toBeVisible();
  await page.getByRole("link", { name: "Who raised it" }).click();
  await page.getByRole("radio", { name: "Relative" }).check();
  await page.getByRole("textbox", { name: "The representative’s name" }).fill("Susan Jones");
  await page.getByRole("textbox", { name: "The representative’s postal address (optional)" }).fill("12 Orchard Way\nNorthtown\nNT1 2AB");
  await page.getByRole("group", { name: "How does the representative want to be contacted?" }).getByRole("radio", { name: "Letter" }).check();
  await page.getByRole("radio", { name: "The person agreed (consent)" }).check();
  await fillDate(page, "Date the person gave their consent", "5", "1", "2026");
  await page.getByRole("checkbox", { name: "The person asked for a copy of the letters" }).check();
  await page.getByRole("textbox", { name: "What they want to happen, as agreed with them" }).fill("Visits on time, and an apology.");
  await expectNoViolations(page, "intake with a representative");
  await page.getByRole("button", { name: "Save intake and triage" }).click();
  await expect(row(page, "Authority to act")).toHaveText("Consent given 5 Jan 2026");

  await page.getByRole("link", { name: "Draft the acknowledgement letter" }).click();
  const letter = page.getByRole("textbox", { name: "Letter" });
  await expect(letter).toHaveValue(/^Susan Jones\n12 Orchard Way\nNorthtown\nNT1 2AB\n\nTuesday 6 January 2026\n\nDear Susan Jones/);
  await expect(letter).toHaveValue(/Copy to: Margaret Jones/);
  // The 2009 regulations: a discussion is offered, and an advocate.
  await expect(letter).toHaveValue(/We would like to talk with you about how we will handle it/);
  await expect(letter).toHaveValue(/You can have an advocate/);
  await expect(page.getByText("C-2026-0001 — to Susan Jones")).toBeVisible();
  await expectNoViolations(page, "letter page with its questions");
});

test("the date received corrected moves the deadlines, and the history keeps the old and the new; an event is withdrawn", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-01-20T10:00:00"));
  await page.goto("/settings");
  await page.getByLabel("Your name").fill("Sam Officer");
  await page.getByRole("button", { name: "Save settings" }).click();
  await createRecord(page, { ...daughter, procedure: "LGSCO Complaint Handling Code 2024", service: "Corporate" });
  const acknowledgement = page.getByRole("region", { name: "Deadlines" }).getByRole("term").filter({ hasText: /^Stage 1 acknowledgement$/ }).locator("xpath=following-sibling::dd[1]");
  // Received Monday 5 January: acknowledged within 5 working days, by Monday 12 January.
  await expect(acknowledgement).toContainText("Monday 12 January 2026");

  await page.getByRole("link", { name: "Change date received" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Correct the date received" })).toBeVisible();
  await expectNoViolations(page, "correct a date");
  await fillDate(page, "Date received", "7", "1", "2026");
  await page.getByLabel("Why is it being corrected? (optional)").fill("Mistyped when the letter arrived");
  await page.getByRole("button", { name: "Save the correction" }).click();
  await expect(page.getByText("Date received corrected.")).toBeVisible();
  await expect(acknowledgement).toContainText("Wednesday 14 January 2026");
  await acknowledgement.getByText("How was this worked out?").click();
  await expect(page.getByText(/Date received corrected on .* by Sam Officer/).first()).toBeVisible();
  const history = page.getByRole("table", { name: "Every change to this record, newest first" });
  await page.getByText(/Show (all \d+ changes|the 1 change)/).click();
  await expect(history.getByRole("row").nth(1)).toContainText("Corrected date received: Monday 5 January 2026 → Wednesday 7 January 2026. Why: Mistyped when the letter arrived");
  await expect(history.getByRole("row").nth(1)).toContainText("Sam Officer");

  // An event recorded by mistake is withdrawn; the history keeps it, struck through.
  await recordEvent(page, "Acknowledged", "8", "1", "2026");
  await expect(acknowledgement).toContainText("Met");
  await page.getByRole("link", { name: "Withdraw acknowledged" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Withdraw what was recorded by mistake?" })).toBeVisible();
  await expectNoViolations(page, "withdraw an event");
  await page.getByLabel("Why is it being withdrawn? (optional)").fill("Recorded on the wrong record");
  await page.getByRole("button", { name: "Withdraw it" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Success" })).toBeVisible();
  await expect(acknowledgement).not.toContainText("Met");
  await page.getByText(/Show (all \d+ changes|the 1 change)/).click();
  await expect(history.locator("s").filter({ hasText: "Acknowledged: Thu 8 Jan 2026" })).toBeVisible();
});

test("the record page fits a 390-pixel phone: the risk matrix scrolls in its own box", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.clock.setFixedTime(new Date("2026-01-07T10:00:00"));
  await page.goto("/");
  await page.getByRole("button", { name: "Menu" }).click();
  await createRecord(page, daughter);
  await page.getByRole("link", { name: "Who raised it" }).click();
  await page.getByRole("radio", { name: /^4 – Significant/ }).check();
  await page.getByRole("radio", { name: /^3 – Possible/ }).check();
  await page.getByRole("button", { name: "Save intake and triage" }).click();
  await expect(page.getByRole("region", { name: "Risk matrix" })).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "test-results/record-390.png", fullPage: true });
  await expectNoViolations(page, "record at 390 pixels");
});

test("the first use asks who is using Redress, and every change then carries the name", async ({ page }) => {
  await page.goto("/");
  const banner = page.getByRole("region", { name: "Before you start" });
  await expect(banner).toBeVisible();
  await expectNoViolations(page, "first use");
  await banner.getByRole("button", { name: "Save your details" }).click();
  await expect(banner.getByText("Error: Enter your name")).toBeVisible();
  await expect(banner.getByText("Error: Enter the name of your organisation")).toBeVisible();
  await banner.getByLabel("Your name").fill("Sam Officer");
  await banner.getByLabel("Organisation name").fill("Northshire County Council");
  await banner.getByRole("button", { name: "Save your details" }).click();
  await expect(banner).toBeHidden();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Before you start" })).toBeHidden();
  await createRecord(page, daughter);
  await page.getByText(/Show (all \d+ changes|the 1 change)/).click();
  await expect(page.getByRole("table", { name: "Every change to this record, newest first" })).toContainText("Sam Officer");
});

test("My work lists an action due next week, with the person and what the record is about", async ({ page }) => {
  // Monday 12 January 2026; the action is due on Wednesday of next week.
  await page.clock.setFixedTime(new Date("2026-01-12T10:00:00"));
  await page.goto("/");
  await createRecord(page, daughter);
  await page.getByText("Add an action").click();
  await page.getByRole("textbox", { name: "What will be done" }).fill("Send the new care plan");
  await page.getByRole("combobox", { name: "Who is responsible" }).fill("Ann Handler");
  await fillDate(page, "Due by", "21", "1", "2026");
  await page.getByRole("button", { name: "Add action" }).click();
  await expect(page.getByRole("term").filter({ hasText: "Send the new care plan" })).toBeVisible();
  await page.getByRole("link", { name: "My work" }).click();
  const action = page.getByRole("table", { name: /Later/ }).getByRole("row", { name: /Action: Send the new care plan/ });
  await expect(action).toContainText("Wed 21 Jan 2026");
  await expect(action).toContainText("Margaret Jones");
  await expect(action).toContainText("Ann Handler");
});
