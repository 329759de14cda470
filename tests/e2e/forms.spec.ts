// The form kit, in every kind of form: a date sent back marks only the box at fault, the GOV.UK
// error summary links to that box, and nothing typed is lost.
import "./starts";
import { expect, Page, test } from "@playwright/test";
import { createRecord, workedExample } from "./helpers";

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
  await expect(page.getByLabel("The person’s name (optional)")).toHaveValue(workedExample.name!);
  await date.getByLabel("Month").fill("12");
  await page.getByRole("button", { name: "Save record" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Received Friday 19 December 2025" })).toBeVisible();
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
  await page.getByRole("textbox", { name: "Who will handle this stage?" }).fill("Ann Handler");
  await page.getByRole("button", { name: "Record it" }).click();
  const group = event;
  await expect(group.getByLabel("Month")).toHaveClass(/govuk-input--error/);
  await expect(group.getByLabel("Day")).not.toHaveClass(/govuk-input--error/);
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" }).locator('a[href="#event-date-month"]')).toHaveCount(1);
  await expect(page.getByRole("textbox", { name: "Who will handle this stage?" })).toHaveValue("Ann Handler");
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
  const consent = page.getByRole("group", { name: /Date of the person’s consent/ });
  await consent.getByLabel("Day").fill("3");
  await consent.getByLabel("Month").fill("0");
  await consent.getByLabel("Year").fill("2026");
  await page.getByRole("textbox", { name: "What they want to happen, as agreed with them" }).fill("An apology.");
  await page.getByRole("button", { name: "Save intake and triage" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary.locator('a[href="#authority-month"]')).toHaveCount(1);
  await expect(consent.getByLabel("Month")).toHaveClass(/govuk-input--error/);
  await expect(consent.getByLabel("Year")).not.toHaveClass(/govuk-input--error/);
  await expect(page.getByRole("textbox", { name: "What they want to happen, as agreed with them" })).toHaveValue("An apology.");
  await expect(page.getByRole("radio", { name: "Relative" })).toBeChecked();
  await consent.getByLabel("Month").fill("1");
  await page.getByRole("button", { name: "Save intake and triage" }).click();
  await expect(page.getByRole("definition").filter({ hasText: "An apology." })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "Given Sat 3 Jan 2026" })).toBeVisible();
});
