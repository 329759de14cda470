// The form kit, in every kind of form: a date sent back marks only the box at fault, the GOV.UK
// error summary links to that box, and nothing typed is lost.
import "./starts";
import { expect, Page, test } from "@playwright/test";
import { createRecord, expectNoViolations, workedExample } from "./helpers";

/** Only the month box of `group` is marked, the summary links to it, and the link focuses it. */
async function onlyMonthMarked(page: Page, group: string, id: string) {
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeVisible();
  const date = page.getByRole("group", { name: group, exact: true });
  await expect(date.getByLabel("Month")).toHaveClass(/govuk-input--error/);
  await expect(date.getByLabel("Day")).not.toHaveClass(/govuk-input--error/);
  await expect(date.getByLabel("Year")).not.toHaveClass(/govuk-input--error/);
  const link = summary.locator(`a[href="#${id}-month"]`);
  await expect(link).toHaveCount(1);
  await link.click();
  await expect(date.getByLabel("Month")).toBeFocused();
  return date;
}

test("a new record's date with only its month wrong marks only the month, and keeps the rest", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-03-10T10:00:00Z"));
  await page.goto("/");
  await createRecord(page, { ...workedExample, month: "13" });
  await expect(page.getByRole("heading", { level: 1, name: "New record" })).toBeVisible();
  const date = await onlyMonthMarked(page, "Date received", "received");
  await expect(page.getByLabel("Summary")).toHaveValue(workedExample.summary!);
  await expect(page.getByLabel("Name of the person it is about (optional)")).toHaveValue(workedExample.name!);
  await date.getByLabel("Month").fill("12");
  await page.getByRole("button", { name: "Save record" }).click();
  await expect(page.getByText("Received Friday 19 December 2025", { exact: true })).toBeVisible();
});

test("the event form, the intake and the Ombudsman stage each mark only the box at fault", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-03-10T10:00:00Z"));
  await page.goto("/");
  await createRecord(page, workedExample);

  // Record what happened: an acknowledgement dated in month 13.
  await page.getByRole("radio", { name: "Acknowledged", exact: true }).check();
  const event = page.getByRole("group", { name: /Date/ }).first();
  await event.getByLabel("Day").fill("22");
  await event.getByLabel("Month").fill("13");
  await event.getByLabel("Year").fill("2025");
  await page.getByRole("combobox", { name: "Who will handle this stage?" }).fill("Ann Handler");
  await page.getByRole("button", { name: "Record it" }).click();
  const group = event;
  await expect(group.getByLabel("Month")).toHaveClass(/govuk-input--error/);
  await expect(group.getByLabel("Day")).not.toHaveClass(/govuk-input--error/);
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" }).locator('a[href="#event-date-month"]')).toHaveCount(1);
  await expect(page.getByRole("combobox", { name: "Who will handle this stage?" })).toHaveValue("Ann Handler");
  await group.getByLabel("Month").fill("12");
  await page.getByRole("button", { name: "Record it" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Recorded: Acknowledged" })).toBeVisible();
  // Once stored, the form is clear for the next event.
  await expect(page.getByRole("radio", { name: "Acknowledged", exact: true })).toHaveCount(0);

  // The Ombudsman stage on the same page.
  await page.getByText("Record the Ombudsman stage").click();
  const referred = page.getByRole("group", { name: "Date referred to the Ombudsman" });
  await referred.getByLabel("Day").fill("2");
  await referred.getByLabel("Month").fill("14");
  await referred.getByLabel("Year").fill("2026");
  await page.getByRole("button", { name: "Save Ombudsman stage" }).click();
  await onlyMonthMarked(page, "Date referred to the Ombudsman", "ombudsman-referred");
  await referred.getByLabel("Month").fill("3");
  await page.getByRole("button", { name: "Save Ombudsman stage" }).click();
  await expect(page.getByText("Ombudsman stage saved.")).toBeVisible();

  // Intake: the date of consent.
  await page.getByRole("link", { name: "Who raised it" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Intake and triage" })).toBeVisible();
  await page.getByRole("radio", { name: "Relative" }).check();
  const consent = page.getByRole("group", { name: /Date the person gave their consent/ });
  await consent.getByLabel("Day").fill("3");
  await consent.getByLabel("Month").fill("0");
  await consent.getByLabel("Year").fill("2026");
  await page.getByRole("textbox", { name: "What they want to happen, as agreed with them" }).fill("An apology.");
  await page.getByRole("button", { name: "Save intake and triage" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary.locator('a[href="#authority-date-month"]')).toHaveCount(1);
  await expect(consent.getByLabel("Month")).toHaveClass(/govuk-input--error/);
  await expect(consent.getByLabel("Year")).not.toHaveClass(/govuk-input--error/);
  await expect(page.getByRole("textbox", { name: "What they want to happen, as agreed with them" })).toHaveValue("An apology.");
  await expect(page.getByRole("radio", { name: "Relative" })).toBeChecked();
  await consent.getByLabel("Month").fill("1");
  await page.getByRole("button", { name: "Save intake and triage" }).click();
  await expect(page.getByRole("definition").filter({ hasText: "An apology." })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "Consent given 3 Jan 2026" })).toBeVisible();
});

test("a remedy, closing a record, a closure day and escalating a concern each mark only the box at fault", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-03-10T10:00:00Z"));
  await page.goto("/");
  await createRecord(page, workedExample);

  // A remedy due in month 13: only the month box of its date, and the summary links to it.
  await page.getByText("Add a remedy").click();
  await page.getByRole("radio", { name: "Apology" }).check();
  await page.getByRole("textbox", { name: "What will happen" }).fill("A written apology from the head of service");
  const due = page.getByRole("group", { name: "Due by (optional)" });
  await due.getByLabel("Day").fill("1");
  await due.getByLabel("Month").fill("13");
  await due.getByLabel("Year").fill("2026");
  await page.getByRole("button", { name: "Add remedy" }).click();
  await onlyMonthMarked(page, "Due by (optional)", "remedy-due");
  await expect(page.getByRole("textbox", { name: "What will happen" })).toHaveValue("A written apology from the head of service");
  await expect(page.getByRole("radio", { name: "Apology" })).toBeChecked();
  await due.getByLabel("Month").fill("4");
  await page.getByRole("button", { name: "Add remedy" }).click();
  await expect(page.getByText("Remedy added.")).toBeVisible();
  await expect(page.getByRole("term").filter({ hasText: "Apology" })).toBeVisible();
  // Once stored, the form is empty for the next remedy.
  await expect(page.getByRole("textbox", { name: "What will happen" })).toHaveValue("");

  // Closing, once the response is recorded: a date in month 13.
  await page.getByRole("radio", { name: "Response sent", exact: true }).check();
  const responded = page.getByRole("group", { name: "Date", exact: true });
  await responded.getByLabel("Day").fill("2");
  await responded.getByLabel("Month").fill("3");
  await responded.getByLabel("Year").fill("2026");
  await page.getByRole("radio", { name: "Upheld", exact: true }).check();
  await page.getByRole("button", { name: "Record it" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Recorded: Response sent" })).toBeVisible();
  const closed = page.getByRole("group", { name: "Date closed" });
  await closed.getByLabel("Day").fill("9");
  await closed.getByLabel("Month").fill("13");
  await closed.getByLabel("Year").fill("2026");
  await page.getByRole("button", { name: "Close record" }).click();
  await onlyMonthMarked(page, "Date closed", "closed");
  await expectNoViolations(page, "record, the close form sent back");
  await closed.getByLabel("Month").fill("3");
  await page.getByRole("button", { name: "Close record" }).click();
  await expect(page.getByText("Closed Mon 9 Mar 2026")).toBeVisible();

  // Closure days in Settings.
  await page.goto("/settings");
  const closure = page.getByRole("group", { name: "Closure date" });
  await closure.getByLabel("Day").fill("29");
  await closure.getByLabel("Month").fill("13");
  await closure.getByLabel("Year").fill("2026");
  await page.getByLabel("Name (optional)").fill("Christmas closure");
  await page.getByRole("button", { name: "Add closure day" }).click();
  await onlyMonthMarked(page, "Closure date", "closure-date");
  await expect(page.getByLabel("Name (optional)")).toHaveValue("Christmas closure");

  // Escalating a concern: the day it became a complaint.
  await createRecord(page, { kind: "Concern, representation or comment", day: "5", month: "1", year: "2026", service: "Adult social care", summary: "Carer arrived late." });
  await page.getByRole("button", { name: "Escalate to a complaint" }).click();
  await page.getByRole("radio", { name: /Local Authority Social Services and NHS Complaints/ }).check();
  const became = page.getByRole("group", { name: "Date it became a complaint" });
  await became.getByLabel("Month").fill("13");
  await page.getByRole("button", { name: "Make the complaint" }).click();
  await onlyMonthMarked(page, "Date it became a complaint", "received");
  await expect(page.getByRole("radio", { name: /Local Authority Social Services and NHS Complaints/ })).toBeChecked();
});

test("a case letter's date sent, typed wrong, marks only the box at fault and nothing is sent", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-01-05T10:00:00Z"));
  await page.goto("/cases/new");
  await page.getByLabel("Who is the complaint for?").fill("Jamie Reed");
  await page.getByLabel("Which organisation is the complaint to?").fill("Northshire County Council");
  await page.getByRole("radio", { name: "Children’s social care" }).check();
  await page.getByRole("radio", { name: "Not sure" }).check();
  await page.getByRole("button", { name: "Start the case" }).click();
  await page.getByRole("link", { name: "The complaint letter", exact: true }).click();
  const sent = page.getByRole("group", { name: "Date sent" });
  await sent.getByLabel("Month").fill("13");
  await page.getByRole("button", { name: "Mark as sent" }).click();
  await onlyMonthMarked(page, "Date sent", "sent");
  await expectNoViolations(page, "case letter, its date sent back");
  await page.getByRole("link", { name: "Back to the case" }).click();
  await expect(page.getByText("Sent", { exact: true }).locator("xpath=following-sibling::dd[1]")).toHaveText("Not yet");
});

test("a summary still showing does not take the focus when another section of the page saves", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-03-10T10:00:00Z"));
  await page.goto("/");
  await createRecord(page, workedExample);
  await page.getByText("Add a remedy").click();
  await page.getByRole("button", { name: "Add remedy" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  // Sent back: the summary takes the focus (GOV.UK's box around the alert).
  await expect(summary.locator("xpath=..")).toBeFocused();

  // The learning section saves; the page is drawn again with the remedy's problems still showing.
  await page.getByText("Add a learning statement").click();
  const learning = page.getByRole("textbox", { name: "What changed because of this" });
  await learning.fill("Calls are returned within a day.");
  await page.getByRole("button", { name: "Add learning" }).click();
  await expect(page.getByText("Learning added.")).toBeVisible();
  await expect(summary).toContainText("Select the kind of remedy");
  await expect(summary.locator("xpath=..")).not.toBeFocused();
  // Sent again, the summary takes the focus again.
  await page.getByRole("button", { name: "Add remedy" }).click();
  await expect(summary.locator("xpath=..")).toBeFocused();
});
