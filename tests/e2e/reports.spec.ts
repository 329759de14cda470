// Reports: the annual report's tables match the records typed in, each table downloads as CSV,
// and the member's update covers the dates chosen and says what is wrong with them.
import "./starts";
import { expect, Page, test } from "@playwright/test";
import { createRecord, downloadText, expectNoViolations, recordEvent, workedExample } from "./helpers";

function table(page: Page, caption: string) {
  return page.getByRole("region", { name: caption, exact: true }).getByRole("table");
}

test("the annual report counts what was recorded, with no names, and each table downloads", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-02-20T10:00:00"));
  await page.goto("/");
  // Two complaints (one answered on time at stage 1) and a concern, all Corporate, in 2025–26.
  await createRecord(page, workedExample);
  await recordEvent(page, "Acknowledged", "29", "12", "2025");
  await recordEvent(page, "Response sent", "9", "1", "2026");
  await createRecord(page, { ...workedExample, name: "Robin Fairweather", day: "5", month: "1", year: "2026" });
  await createRecord(page, { ...workedExample, kind: "Concern, representation or comment", procedure: undefined, name: "Sky Q", day: "6", month: "1", year: "2026" });

  await page.getByRole("link", { name: "Reports" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Annual complaints report 2025–26" })).toBeVisible();
  const kinds = table(page, "Records by kind");
  await expect(kinds.getByRole("row", { name: /^Complaint / })).toHaveText(/Complaint\s*2\s*67%\s*0\s*–/);
  await expect(kinds.getByRole("row", { name: /^Concern / })).toHaveText(/Concern\s*1\s*33%/);
  await expect(kinds.getByRole("row", { name: /^Total / })).toHaveText(/Total\s*3\s*100%/);
  await expect(table(page, "Responses on time, five years").getByRole("row", { name: /^Stage 1, within the standard limit/ })).toContainText("100% (1 of 1)");
  await expect(table(page, "Outcomes by stage").getByRole("row", { name: /^Partially upheld/ })).toHaveText(/Partially upheld\s*1\s*0\s*0/);
  await expect(page.getByRole("img", { name: "Chart of records by kind: the same figures as the table" })).toBeVisible();
  for (const name of ["Alex Taylor", "Robin Fairweather", "Sky Q", "blue badge"]) {
    await expect(page.getByText(name)).toHaveCount(0);
  }
  await expectNoViolations(page, "annual report");

  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV of records by kind" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("redress-annual-report-2025-26-records-by-kind.csv");
  const csv = await downloadText(download);
  expect(csv.split("\r\n").slice(0, 2)).toEqual(["\ufeffKind,2025–26,Share,2024–25,Share", "Complaint,2,67%,0,–"]);

  await page.getByLabel("Service", { exact: true }).selectOption("Adult social care");
  await expect(kinds.getByRole("row", { name: /^Total / })).toHaveText(/Total\s*0/);

  await page.getByRole("link", { name: /Member Responsible for Complaints/ }).click();
  const from = page.getByRole("group", { name: "From" });
  await from.getByLabel("Day").fill("1");
  await from.getByLabel("Month").fill("1");
  await from.getByLabel("Year").fill("2026");
  const to = page.getByRole("group", { name: "To" });
  await to.getByLabel("Day").fill("31");
  await to.getByLabel("Month").fill("1");
  await to.getByLabel("Year").fill("2026");
  await expect(page.getByText("1 Jan 2026 to 31 Jan 2026, all services.")).toBeVisible();
  await expect(table(page, "Handling performance").getByRole("row", { name: /^Stage 1/ })).toHaveText(/Stage 1\s*1\s*100% \(1 of 1\)\s*100% \(1 of 1\)/);
  await expect(table(page, "Records by kind").getByRole("row", { name: /^Complaint / })).toHaveText(/Complaint\s*1/);
  await expectNoViolations(page, "member's update");
});

test("the member's update says when its dates run backwards, and marks only the box at fault", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-02-20T10:00:00"));
  await page.goto("/reports/member");
  const from = page.getByRole("group", { name: "From" });
  const to = page.getByRole("group", { name: "To" });
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await from.getByLabel("Day").fill("1");
  await from.getByLabel("Month").fill("2");
  await from.getByLabel("Year").fill("2026");
  await to.getByLabel("Day").fill("31");
  await to.getByLabel("Month").fill("1");
  await to.getByLabel("Year").fill("2026");
  await expect(page.getByText("Enter a start date and an end date to see the update.")).toBeVisible();
  // While typing, the boxes say what is wrong; the summary waits until the dates are sent, so the
  // focus stays where the person is typing.
  await expect(to.getByText("End date must be on or after the start date")).toBeVisible();
  await expect(summary).toHaveCount(0);
  await expect(to.getByLabel("Year")).toBeFocused();

  await to.getByLabel("Year").press("Enter");
  await expect(summary).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  const backwards = summary.getByRole("link", { name: "End date must be on or after the start date" });
  await expect(backwards).toHaveAttribute("href", "#member-to-day");
  for (const box of ["Day", "Month", "Year"]) {
    await expect(to.getByLabel(box)).toHaveClass(/govuk-input--error/);
    await expect(from.getByLabel(box)).not.toHaveClass(/govuk-input--error/);
  }
  await expectNoViolations(page, "member's update with dates that run backwards");
  await backwards.click();
  await expect(to.getByLabel("Day")).toBeFocused();

  // Put right, the summary goes and the update shows; sent again, the focus moves to it.
  await to.getByLabel("Month").fill("3");
  await expect(summary).toHaveCount(0);
  const dates = page.getByText("1 Feb 2026 to 31 Mar 2026, all services.");
  await expect(dates).toBeVisible();
  await page.getByRole("button", { name: "Show the update" }).click();
  await expect(dates).toBeFocused();

  // A month alone wrong: only the month box is marked, and the summary links to it.
  await from.getByLabel("Month").fill("13");
  await page.getByRole("button", { name: "Show the update" }).click();
  await expect(summary.getByRole("link")).toHaveText(["Start date must be a real date"]);
  await expect(summary.getByRole("link", { name: "Start date must be a real date" })).toHaveAttribute("href", "#member-from-month");
  await expect(from.getByLabel("Month")).toHaveClass(/govuk-input--error/);
  await expect(from.getByLabel("Day")).not.toHaveClass(/govuk-input--error/);
  await expect(from.getByLabel("Year")).not.toHaveClass(/govuk-input--error/);
  for (const box of ["Day", "Month", "Year"]) {
    await expect(to.getByLabel(box)).not.toHaveClass(/govuk-input--error/);
  }
  // Nothing typed is thrown away.
  await expect(from.getByLabel("Month")).toHaveValue("13");
  await expect(to.getByLabel("Month")).toHaveValue("3");
});
