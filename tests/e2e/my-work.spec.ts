// A restriction on contact is recorded on the record, shows its review on My work, and is lifted.
import "./starts";
import { expect, Page, test } from "@playwright/test";
import { createRecord, expectNoViolations, workedExample } from "./helpers";

async function fillDate(page: Page, group: string, day: string, month: string, year: string) {
  const date = page.getByRole("group", { name: group, exact: true });
  await date.getByLabel("Day").fill(day);
  await date.getByLabel("Month").fill(month);
  await date.getByLabel("Year").fill(year);
}

test("a restriction on contact is recorded with its review date, shows on My work and is lifted", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-01-12T10:00:00"));
  await page.goto("/");
  await createRecord(page, workedExample);

  await page.getByText("Record a restriction on contact").click();
  await page.getByRole("button", { name: "Record restriction" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toContainText("Enter the date it will be reviewed");
  await expectNoViolations(page, "restriction form with errors");
  await summary.getByRole("link").first().click();
  await expect(page.getByLabel("What is restricted")).toBeFocused();

  await page.getByLabel("What is restricted").fill("Contact by email only, to one named officer");
  await page.getByLabel("Why", { exact: true }).fill("Abusive phone calls to staff");
  await page.getByLabel("Who decided").fill("Head of Service");
  await fillDate(page, "Date decided", "9", "1", "2026");
  await fillDate(page, "Review date", "15", "1", "2026");
  await page.getByRole("button", { name: "Record restriction" }).click();
  await expect(page.getByText("Restriction on contact recorded.")).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "Contact by email only, to one named officer (review by Thu 15 Jan 2026)" })).toBeVisible();
  await expect(page.getByText("Abusive phone calls to staff. Decided by Head of Service on Fri 9 Jan 2026. Review by Thu 15 Jan 2026.")).toBeVisible();
  await expectNoViolations(page, "a record with a restriction");

  await page.reload();
  await page.getByRole("link", { name: "My work" }).click();
  await expect(page.getByRole("table", { name: /Due in the next 7 days/ }).getByRole("row", { name: /Review the restriction on contact: Contact by email only/ })).toBeVisible();

  await page.getByRole("link", { name: "C-2025-0001" }).first().click();
  await page.getByRole("button", { name: /Lift it today.*Contact by email only/ }).click();
  await expect(page.getByText("Restriction on contact lifted today.")).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "Contact by email only, to one named officer (lifted Mon 12 Jan 2026)" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Lift it today/ })).toHaveCount(0);
  await page.getByRole("link", { name: "My work" }).click();
  await expect(page.getByRole("row", { name: /Review the restriction/ })).toHaveCount(0);
});
