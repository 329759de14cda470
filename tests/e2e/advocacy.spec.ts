// The advocate's workspace, by keyboard: a complaint to a council's children's services drafted
// from the person's answers, sent, chased when a date is missed, taken to stage 2 inside its
// window, and put together for the Ombudsman.
import "./starts";
import { expect, test } from "@playwright/test";
import { expectNoViolations, recordEvent } from "./helpers";

const ANSWERS = [
  "No social worker has visited since October.",
  "Since 10 November 2025.",
  "The children’s disability team.",
  "Jamie has had no respite and the family is exhausted.",
  "A visit within two weeks and respite restored.",
  "Letters in large print.",
  "Through the advocate, by phone.",
];

test("an advocate drafts, sends, chases, escalates and packs a complaint for the Ombudsman", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-01-05T10:00:00"));
  await page.goto("/cases");
  await page.getByRole("button", { name: "Start a case" }).click();
  await page.getByRole("button", { name: "Start the case" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: "Enter the name of the person the complaint is for" })).toBeVisible();
  await expectNoViolations(page, "start a case, with errors");

  // From the error summary to the field, and on through the form, by keyboard alone.
  await page.getByRole("alert").getByRole("link", { name: "Enter the name of the person the complaint is for" }).press("Enter");
  await expect(page.getByLabel("Who is the complaint for?")).toBeFocused();
  const keys = async (...presses: string[]) => {
    for (const press of presses) await page.keyboard.press(press);
  };
  await page.keyboard.type("Jamie Reed");
  await keys("Tab");
  await page.keyboard.type("Ash Advocate");
  await keys("Tab", "Tab", "Tab", "Tab"); // past the optional date of agreement
  await page.keyboard.type("Northshire County Council");
  await keys("Tab"); // the organisation's address, for the letters
  await page.keyboard.type("County Hall\nNorthtown");
  await keys("Tab", "Space"); // the first service: children's social care
  await keys("Tab", "ArrowUp"); // round to the last procedure: not sure
  await keys("Tab");
  await page.keyboard.type("10");
  await keys("Tab");
  await page.keyboard.type("11");
  await keys("Tab");
  await page.keyboard.type("2025");
  await keys("Tab");
  await expect(page.getByRole("button", { name: "Start the case" })).toBeFocused();
  await expect(page.getByRole("radio", { name: "Children’s social care" })).toBeChecked();
  await expect(page.getByRole("radio", { name: "Not sure" })).toBeChecked();
  await keys("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Complaint to Northshire County Council for Jamie Reed" })).toBeVisible();
  await expect(page.getByText("Children Act 1989 representations procedure")).toBeVisible();
  await expect(page.getByText("Send it before the time limit, Tue 10 Nov 2026")).toBeVisible();
  await expectNoViolations(page, "a new case");

  // The questions, one to a page, answered by keyboard alone.
  await page.getByRole("link", { name: /Answer the questions/ }).click();
  for (const [i, answer] of ANSWERS.entries()) {
    await expect(page.getByText(`Question ${i + 1} of 7`)).toBeVisible();
    if (i === 0) await expectNoViolations(page, "a drafting question");
    await page.getByRole("textbox").focus();
    await page.keyboard.type(answer);
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Continue" })).toBeFocused();
    await page.keyboard.press("Enter");
  }
  await expect(page.getByRole("heading", { level: 1, name: "The complaint letter" })).toBeVisible();
  const letter = page.getByLabel("Letter", { exact: true });
  for (const answer of ANSWERS) await expect(letter).toHaveValue(new RegExp(answer.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  await expect(letter).toHaveValue(/within 10 working days of the date received: by Monday 19 January 2026/);
  await page.getByLabel("Large print").check();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Menu" })).toBeHidden();
  await page.screenshot({ path: test.info().outputPath("complaint-letter-print.png") });
  await page.emulateMedia({ media: "screen" });
  await expectNoViolations(page, "the complaint letter");
  await page.getByRole("button", { name: "Mark as sent" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Success" })).toContainText("The complaint letter is marked sent.");

  // Sent today: the council's dates are shown from the engine.
  await expect(page.getByText("Sent", { exact: true }).locator("xpath=following-sibling::dd[1]")).toHaveText("Monday 5 January 2026");
  const owes = page.getByRole("region", { name: "What Northshire County Council owes, and by when" });
  await expect(owes).toContainText("Stage 1 response");
  await expect(owes).toContainText("Monday 19 January 2026");

  // Nothing heard by Tuesday 20 January: a chaser.
  await page.clock.setFixedTime(new Date("2026-01-20T10:00:00"));
  await page.reload();
  await expect(page.getByText(/^Chase: .*stage 1 response overdue since/)).toBeVisible();
  // The response is late, so stage 2 may be asked for now, beside the chaser.
  await expect(page.getByText("Or ask for stage 2 now: the response is late")).toBeVisible();
  await page.getByRole("link", { name: "Draft a chaser" }).click();
  await expect(page.getByLabel("Letter", { exact: true })).toHaveValue(/your stage 1 response was due by Monday 19 January 2026/);
  await expect(page.getByLabel("Letter", { exact: true })).toHaveValue(/Please reply by Tuesday 27 January 2026/);
  await page.getByRole("button", { name: "Mark as sent" }).click();
  await page.goto("/cases");
  await page.getByRole("link", { name: "A-2026-0001" }).click();
  await expect(page.getByText("Wait for the reply to the chaser of Tue 20 Jan 2026: due by Tue 27 Jan 2026")).toBeVisible();

  // The council answers on Wednesday 21 January; not upheld. Stage 2 may be asked for by 18 February.
  await page.clock.setFixedTime(new Date("2026-01-22T10:00:00"));
  await page.reload();
  await recordEvent(page, "Acknowledged", "6", "1", "2026");
  await recordEvent(page, "Response sent", "21", "1", "2026");
  await expect(page.getByText("If not resolved, ask for stage 2 by Wed 18 Feb 2026")).toBeVisible();
  await page.getByRole("link", { name: "Draft the request for the next stage" }).click();
  await expect(page.getByLabel("Letter", { exact: true })).toHaveValue(/You do not have to give reasons/);
  await page.getByRole("button", { name: "Mark as sent" }).click();
  await expect(page.getByRole("region", { name: /owes, and by when/ })).toContainText("Stage 2");
  await page.screenshot({ path: test.info().outputPath("case.png"), fullPage: true });
  await expectNoViolations(page, "a case at stage 2");

  // On My work, the council's dates sit apart from our own.
  await page.getByRole("link", { name: "My work" }).click();
  await expect(page.getByRole("region", { name: "Owed to us by other organisations" })).toContainText("Northshire County Council");

  // The Ombudsman pack: a dated timeline, oldest first, printable in large print.
  await page.getByRole("link", { name: "Advocacy" }).click();
  await page.getByRole("link", { name: "A-2026-0001" }).click();
  await page.getByRole("link", { name: "The Ombudsman pack: a dated timeline" }).click();
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.nth(1)).toContainText("Monday 10 November 2025");
  await expect(page.getByRole("table")).toContainText("Stage 1: Northshire County Council responded. Outcome: partially upheld.");
  await expect(page.getByText("A visit within two weeks and respite restored.", { exact: true })).toBeVisible();
  // The letters sent, in full; the complaint is one line of the timeline, not two.
  await expect(page.getByRole("heading", { name: "The letters sent" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Tuesday 20 January 2026 Chaser sent." })).toBeVisible();
  await expect(page.getByRole("table").getByRole("row").filter({ hasText: "Complaint sent" })).toHaveCount(1);
  await expectNoViolations(page, "the Ombudsman pack");
  await page.getByLabel("Large print").check();
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: test.info().outputPath("ombudsman-pack-print.png"), fullPage: true });
});

test("a case's date typed wrong marks the box at fault, and the summary links to it", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-01-05T10:00:00"));
  await page.goto("/cases/new");
  await page.getByLabel("Who is the complaint for?").fill("Jamie Reed");
  const agreed = page.getByRole("group", { name: "When did they agree that you may act for them? (optional)" });
  await agreed.getByLabel("Day").fill("2");
  await agreed.getByLabel("Month").fill("13");
  await agreed.getByLabel("Year").fill("2025");
  await page.getByRole("button", { name: "Start the case" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeVisible();
  await expect(agreed.getByLabel("Month")).toHaveClass(/govuk-input--error/);
  await expect(agreed.getByLabel("Day")).not.toHaveClass(/govuk-input--error/);
  await expect(agreed.getByLabel("Year")).not.toHaveClass(/govuk-input--error/);
  const link = summary.getByRole("link").filter({ hasText: /date/i }).first();
  await expect(link).toHaveAttribute("href", "#authority-month");
  await expect(page.getByLabel("Who is the complaint for?")).toHaveValue("Jamie Reed");
});
