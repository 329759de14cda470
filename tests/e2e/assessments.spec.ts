// Self-assessments: an NCMG assessment filled in by keyboard and compared with last year's, a Code
// assessment's non-compliance summary, a file out and back in, the review reminder, and a date wrong in
// one box marked in that box alone.
import "./starts";
import { expect, Page, test } from "@playwright/test";
import { downloadText, expectNoViolations } from "./helpers";

const PRINCIPLE_SIZES = [12, 10, 7, 6, 6];
const PRINCIPLE_NAMES = ["one", "two", "three", "four", "five"];
/** The score typed for the n-th area (from 0), across the whole framework. */
const scoreFor = (n: number) => n % 4;

async function start(page: Page, framework: string, period: string, startFrom?: string | RegExp) {
  await page.goto("/assessments");
  await page.getByRole("button", { name: "Start a self-assessment" }).click();
  await page.getByRole("radio", { name: framework, exact: true }).check();
  await page.getByLabel("Organisation").fill("Exampleshire Council");
  await page.getByLabel("Period the assessment covers").fill(period);
  if (startFrom) await page.getByRole("radio", { name: startFrom }).check();
  await page.getByRole("button", { name: "Start", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: period })).toBeVisible();
}

async function setDateCompleted(page: Page, day: string, month: string, year: string) {
  await page.getByRole("link", { name: "Details, conclusions and dates" }).click();
  const completed = page.getByRole("group", { name: "Date completed" });
  await completed.getByLabel("Day").fill(day);
  await completed.getByLabel("Month").fill(month);
  await completed.getByLabel("Year").fill(year);
}

test("an NCMG assessment filled in by keyboard adds up, survives a reload, prints and compares", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-03-27T10:00:00"));

  // Last year's: principle one only, every area scored 1.
  await start(page, "NCMG good practice principles (2016)", "2024 to 2025");
  await page.getByRole("link", { name: /^Principle one/ }).click();
  for (let i = 1; i <= 12; i++) {
    await page
      .getByRole("group", { name: `Score for area 1.${i}`, exact: true })
      .getByRole("radio", { name: /^1 – Conforms/ })
      .check();
  }
  await expect(page.getByText("Total 12 of 36. 12 of 12 areas scored.")).toBeVisible();
  await page.getByRole("button", { name: "Save and return to the assessment" }).click();
  await setDateCompleted(page, "28", "3", "2025");
  await page.getByRole("button", { name: "Save and return to the assessment" }).click();
  await expect(page.getByText("Completed Fri 28 Mar 2025")).toBeVisible();

  // This year's starts as a copy, then every area is answered from the keyboard alone.
  await start(page, "NCMG good practice principles (2016)", "2025 to 2026", /As a copy of the last one/);
  await expect(page.getByText(/started as a copy of NCMG good practice principles \(2016\), 2024 to 2025/)).toBeVisible();
  await expectNoViolations(page, "assessment overview");

  const expected: number[] = [];
  let n = 0;
  for (const [p, size] of PRINCIPLE_SIZES.entries()) {
    const principle = p + 1;
    await page.getByRole("link", { name: new RegExp(`^Principle ${PRINCIPLE_NAMES[p]}:`) }).click();
    await expect(page.getByRole("heading", { level: 1, name: new RegExp(`^Principle ${PRINCIPLE_NAMES[p]}`) })).toBeVisible();
    // Into the first area's score by keyboard: the checked radio takes focus.
    await page.getByRole("group", { name: `Score for area ${principle}.1`, exact: true }).getByRole("radio", { checked: true }).focus();
    let total = 0;
    for (let a = 1; a <= size; a++, n++) {
      const score = scoreFor(n);
      total += score;
      // Radios run: not scored yet, 0, 1, 2, 3; arrows move round them and choose as they go.
      const from = principle === 1 ? 2 : 0;
      const presses = (score + 1 - from + 5) % 5;
      for (let k = 0; k < presses; k++) await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Tab");
      await page.keyboard.type(`Evidence ${principle}.${a}`);
      await page.keyboard.press("Tab");
      await page.keyboard.type(`Gap ${principle}.${a}`);
      await page.keyboard.press("Tab");
    }
    expected.push(total);
    // Focus has reached the action plan.
    await expect(page.getByRole("button", { name: "Add an action" })).toBeFocused();
    await page.keyboard.press("Enter");
    await page.getByLabel("What will be done (action 1)", { exact: true }).fill(`Improve principle ${principle}`);
    await page.getByLabel("Owner of action 1", { exact: true }).fill("Complaints manager");
    await expect(page.getByText(`Total ${total} of ${size * 3}. ${size} of ${size} areas scored.`)).toBeVisible();
    if (principle === 1) await expectNoViolations(page, "principle one, scored");
    await page.getByRole("button", { name: "Save and return to the assessment" }).click();
  }

  const check = async () => {
    await expect(page.getByRole("heading", { name: "Every area scored" })).toBeVisible();
    for (const [p, size] of PRINCIPLE_SIZES.entries()) {
      await expect(page.getByRole("link", { name: new RegExp(`^Principle ${PRINCIPLE_NAMES[p]}:`) })).toHaveAccessibleDescription(
        `${expected[p]} of ${size * 3}, ${size} of ${size} areas scored Completed`,
      );
    }
    const sum = expected.reduce((a, b) => a + b, 0);
    await expect(page.getByText(`${sum} of 123, 41 of 41 areas scored`)).toBeVisible();
  };
  await check();
  await page.reload();
  await check();

  await setDateCompleted(page, "27", "3", "2026");
  await page.getByLabel("Conclusions").fill("Strong on access; learning needs work.");
  await expect(page.getByText("the review falls on Saturday 27 March 2027")).toBeVisible();
  await page.getByRole("button", { name: "Save and return to the assessment" }).click();
  await expect(page.getByText("Sat 27 Mar 2027 (a year after the date completed)")).toBeVisible();

  // The printed document: no navigation, every principle, the scores table.
  await page.getByRole("button", { name: "Print view" }).click();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Menu" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(page.getByRole("heading", { name: "Exampleshire Council: self-assessment, 2025 to 2026" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Principle five: ensure that quality assurance/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /^All principles 41 of 41/ })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Improve principle 3" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("assessment-print.png"), fullPage: true });
  await page.emulateMedia({ media: "screen" });
  await expectNoViolations(page, "print view");

  // Compared with last year's.
  await page.getByRole("link", { name: "Assessments", exact: true }).click();
  await expect(page.getByLabel("Earlier assessment")).toHaveValue(/.+/);
  await page.getByLabel("Earlier assessment").selectOption({ label: "2024 to 2025" });
  await page.getByLabel("Later assessment").selectOption({ label: "2025 to 2026" });
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "2024 to 2025 compared with 2025 to 2026" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Chart: 2024 to 2025 and 2025 to 2026/ })).toBeVisible();
  const one = page.getByRole("row", { name: /^Principle one / });
  await expect(one).toContainText(`12 of 36 (12 scored)`);
  await expect(one).toContainText(`${expected[0]} of 36 (12 scored)`);
  await expect(one).toContainText(expected[0] - 12 >= 0 ? `+${expected[0] - 12}` : `${expected[0] - 12}`);
  await expect(page.getByRole("row", { name: /^Principle two / })).toContainText("(different areas scored)");
  await expect(page.getByRole("row", { name: /^1\.1 1 0 Down 1$/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /^1\.2 1 1 No change$/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /^1\.3 1 2 Up 1$/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /^2\.2 Not scored 1 Newly scored$/ })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("assessment-comparison.png"), fullPage: true });
  await expectNoViolations(page, "comparison");
});

test("a Code self-assessment lists every no and partly, and goes to a file and back", async ({ page, browser }) => {
  await start(page, "Complaint Handling Code self-assessment (2024)", "2025 to 2026");
  await page.getByRole("link", { name: /^Appendix A/ }).click();
  const answer = async (row: string, choice: string, commentary: string) => {
    await page.getByRole("group", { name: `Do we follow the Code? for row ${row}`, exact: true }).getByRole("radio", { name: choice, exact: true }).check();
    await page.getByLabel(`Explanation and commentary for row ${row}`, { exact: true }).fill(commentary);
  };
  await answer("1: Definition of a service request and complaint", "Yes", "Defined in the policy.");
  await answer("2: Exclusions", "No", "The policy has no list of exclusions.");
  await answer("6: Complaints stages (Stage 2)", "No", "Stage 2 takes 30 working days.");
  await answer("9: Scrutiny & Oversight", "Partly", "No Member Responsible for Complaints yet.");
  await expect(page.getByText("Yes 1, partly 1, no 2. 4 of 10 rows answered.")).toBeVisible();
  await expectNoViolations(page, "Code rows");
  await page.getByRole("button", { name: "Save and return to the assessment" }).click();

  const summary = page.getByRole("table", { name: "3 places where we do not fully follow the Code" });
  await expect(summary.getByRole("row")).toHaveCount(4);
  await expect(summary.getByRole("row", { name: /^2: Exclusions No The policy has no list of exclusions\./ })).toBeVisible();
  await expect(summary.getByRole("row", { name: /^6: Complaints stages \(Stage 2\) No Stage 2 takes 30 working days\./ })).toBeVisible();
  await expect(summary.getByRole("row", { name: /^9: Scrutiny & Oversight Partly/ })).toBeVisible();

  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export this assessment" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^redress-lgsco-code-2024-\d{4}-\d\d-\d\d-\d{4}\.json$/);
  const text = await downloadText(download);
  expect(JSON.parse(text)).toMatchObject({ format: "redress-export", scope: "assessment", schema_version: 4 });

  // On another device (a fresh browser context): a broken file changes nothing; the real one comes in whole.
  const device = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const other = await device.newPage();
  await other.goto("/assessments");
  const broken = JSON.parse(text);
  broken.assessments[0].entries["11"] = { follows: "yes" };
  await other.getByLabel("Assessment file").setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(broken)) });
  await other.getByRole("button", { name: "Import" }).click();
  await expect(other.getByText(/This file was not imported: assessments\[0\]\.entries\.11: “11” is not a row of the Complaint Handling Code/)).toBeVisible();
  await expect(other.getByText("There are no self-assessments on this device yet.")).toBeVisible();
  await expectNoViolations(other, "import refused");
  await other.getByLabel("Assessment file").setInputFiles({ name: "code.json", mimeType: "application/json", buffer: Buffer.from(text) });
  await other.getByRole("button", { name: "Import" }).click();
  await other.getByRole("status").getByRole("link", { name: /Complaint Handling Code self-assessment \(2024\), 2025 to 2026/ }).click();
  await expect(other.getByRole("table", { name: "3 places where we do not fully follow the Code" })).toBeVisible();
  await device.close();

  // Importing the same file again where it came from changes nothing.
  await page.goto("/assessments");
  await page.getByLabel("Assessment file").setInputFiles({ name: "code.json", mimeType: "application/json", buffer: Buffer.from(text) });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText(/is already on this device, exactly as in the file\. Nothing changed\./)).toBeVisible();
});

test("an assessment past its review date is on My work until the next one starts", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-03-27T10:00:00"));
  await start(page, "NCMG good practice principles (2016)", "2024 to 2025");
  await setDateCompleted(page, "2", "3", "2025");
  await page.getByRole("button", { name: "Save and return to the assessment" }).click();
  await page.getByRole("link", { name: "My work" }).click();
  const banner = page.getByRole("region", { name: "Self-assessment due for review" });
  await expect(banner).toContainText("NCMG good practice principles (2016), 2024 to 2025 was due for review on Mon 2 Mar 2026.");
  await expectNoViolations(page, "my work with a review due");
  await banner.getByRole("link", { name: "Start the next one" }).click();
  await page.getByRole("radio", { name: "NCMG good practice principles (2016)" }).check();
  await page.getByLabel("Organisation").fill("Exampleshire Council");
  await page.getByLabel("Period the assessment covers").fill("2025 to 2026");
  await page.getByRole("button", { name: "Start", exact: true }).click();
  await page.getByRole("link", { name: "My work" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Self-assessment due for review" })).toHaveCount(0);
});

test("starting an assessment says what is missing, and a wrong date is named but kept", async ({ page }) => {
  await page.goto("/assessments/new");
  await page.getByLabel("Organisation").fill("");
  await page.getByRole("button", { name: "Start", exact: true }).click();
  const summary = page.getByRole("alert");
  await expect(summary.getByRole("link", { name: "Select what to assess against" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Enter the name of the organisation" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Enter the period the assessment covers" })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await expectNoViolations(page, "start with errors");

  await start(page, "NCMG good practice principles (2016)", "2025 to 2026");
  await setDateCompleted(page, "31", "2", "2026");
  await page.getByRole("button", { name: "Save and return to the assessment" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: "Date completed must be a real date" })).toBeVisible();
  await expectNoViolations(page, "details with a date error");
  await page.reload();
  await expect(page.getByRole("group", { name: "Date completed" }).getByLabel("Day")).toHaveValue("31");

  await page.getByRole("link", { name: "Back to the assessment" }).click();
  await page.getByRole("link", { name: "Delete this assessment" }).click();
  await expectNoViolations(page, "delete an assessment");
  await page.getByRole("button", { name: "Yes, delete this self-assessment" }).click();
  await expect(page.getByText("There are no self-assessments on this device yet.")).toBeVisible();
});

test("a date with only its month wrong marks only the month box, and the summary links to it", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-03-27T10:00:00"));
  await start(page, "NCMG good practice principles (2016)", "2025 to 2026");
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });

  // The date completed, on the details page.
  await setDateCompleted(page, "27", "13", "2026");
  const completed = page.getByRole("group", { name: "Date completed" });
  const review = page.getByRole("group", { name: "Review date" });
  await expect(summary).toHaveCount(0);
  await page.getByRole("button", { name: "Save and return to the assessment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Details, conclusions and dates" })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(summary.getByRole("link")).toHaveText(["Date completed must be a real date"]);
  const month = summary.getByRole("link", { name: "Date completed must be a real date" });
  await expect(month).toHaveAttribute("href", "#completed-month");
  await expect(completed.getByLabel("Month")).toHaveClass(/govuk-input--error/);
  await expect(completed.getByLabel("Day")).not.toHaveClass(/govuk-input--error/);
  await expect(completed.getByLabel("Year")).not.toHaveClass(/govuk-input--error/);
  for (const box of ["Day", "Month", "Year"]) {
    await expect(review.getByLabel(box)).not.toHaveClass(/govuk-input--error/);
  }
  await expectNoViolations(page, "details with only the month wrong");
  await month.click();
  await expect(completed.getByLabel("Month")).toBeFocused();
  // Put right, the summary goes and the page can be left.
  await completed.getByLabel("Month").fill("3");
  await expect(summary).toHaveCount(0);
  await page.getByRole("button", { name: "Save and return to the assessment" }).click();
  await expect(page.getByText("Completed Fri 27 Mar 2026")).toBeVisible();

  // A due date in a principle's action plan.
  await page.getByRole("link", { name: /^Principle one:/ }).click();
  await page.getByRole("button", { name: "Add an action" }).click();
  const due = page.getByRole("group", { name: "Due date of action 1" });
  await due.getByLabel("Day").fill("1");
  await due.getByLabel("Month").fill("13");
  await due.getByLabel("Year").fill("2027");
  await page.getByRole("button", { name: "Save and return to the assessment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Principle one/ })).toBeVisible();
  await expect(summary.getByRole("link")).toHaveText(["Due date of action 1 must be a real date"]);
  await expect(summary.getByRole("link", { name: "Due date of action 1 must be a real date" })).toHaveAttribute(
    "href",
    "#plan-0-due-month",
  );
  await expect(due.getByLabel("Month")).toHaveClass(/govuk-input--error/);
  await expect(due.getByLabel("Day")).not.toHaveClass(/govuk-input--error/);
  await expect(due.getByLabel("Year")).not.toHaveClass(/govuk-input--error/);
  // Nothing typed is thrown away.
  await page.reload();
  await expect(page.getByRole("group", { name: "Due date of action 1" }).getByLabel("Month")).toHaveValue("13");
});
