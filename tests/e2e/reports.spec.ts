// Reports: the annual report's tables match the records typed in, each table downloads as CSV,
// and the member's update covers the dates chosen.
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
