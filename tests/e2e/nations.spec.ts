// Every UK nation's complaint procedures as a person meets them: the nation set in Settings offers
// its own procedure first; a Scottish complaint's dates skip St Andrew's Day and go on to stage 2;
// a Welsh social services complaint's acknowledgement, discussion and written resolution, then
// the formal investigation; the calculator answers a link for each procedure; an advocate's
// "not sure" follows the nation.
import "./starts";
import { expect, Page, test } from "@playwright/test";
import { expectNoViolations, recordEvent } from "./helpers";

const SPSO = "Scottish Public Services Ombudsman Model Complaints Handling Procedure, 2020";
const NIPSO = "Northern Ireland Public Services Ombudsman Model Complaints Handling Procedure (local government), 2024";
const WALES_SS = "Social Services Complaints Procedure (Wales) Regulations 2014";
const PSOW = "Public Services Ombudsman for Wales Model Concerns and Complaints Policy";

function deadline(page: Page, label: string) {
  return page
    .getByRole("region", { name: /Deadlines|The dates/ })
    .getByRole("term")
    .filter({ hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) })
    .locator("xpath=following-sibling::dd[1]");
}

async function setNation(page: Page, nation: string) {
  await page.goto("/settings");
  await page.getByRole("radio", { name: nation, exact: true }).check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();
}

/** Starts a complaint received on the day given, about `service`, and returns when the form shows its procedure. */
async function newComplaint(page: Page, day: string, month: string, year: string, service: string) {
  await page.getByRole("link", { name: "New record" }).click();
  await page.getByRole("radio", { name: "Complaint", exact: true }).check();
  const date = page.getByRole("group", { name: "Date received" });
  await date.getByLabel("Day").fill(day);
  await date.getByLabel("Month").fill(month);
  await date.getByLabel("Year").fill(year);
  await page.getByRole("radio", { name: service }).check();
  await page.getByLabel("Name of the person it is about (optional)").fill("Morgan Reid");
  await page.getByLabel("Summary").fill("The bins were not collected for a month.");
}

test("Scotland: an SPSO complaint skips St Andrew's Day at stage 1 and goes on to stage 2", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-11-25T10:00:00"));
  await setNation(page, "Scotland");
  await expectNoViolations(page, "settings with the nation");

  await newComplaint(page, "25", "11", "2026", "Corporate");
  // The nation's own procedure is offered for the service.
  await expect(page.getByRole("radio", { name: SPSO })).toBeChecked();
  await page.getByRole("button", { name: "Save record" }).click();

  // Wed 25 Nov: Thu 26, Fri 27, (Mon 30, St Andrew's Day), Tue 1, Wed 2, Thu 3 December.
  await expect(deadline(page, "Stage 1 response")).toContainText("Thursday 3 December 2026");
  await expect(deadline(page, "Stage 1 response: longest extension allowed")).toContainText("Thursday 10 December 2026");
  await deadline(page, "Stage 1 response").getByText("How was this worked out?").click();
  await expect(deadline(page, "Stage 1 response")).toContainText("St Andrew’s Day (Mon 30 Nov 2026)");
  await expect(deadline(page, "Stage 1 response")).toContainText("SPSO model, stage 1: a decision in five working days or less");
  await expect(page.getByText("Counted in working days: weekends and Scotland bank holidays do not count.")).toBeVisible();
  await expectNoViolations(page, "a Scottish record with an explanation open");

  await page.clock.setFixedTime(new Date("2026-12-04T10:00:00"));
  await page.reload();
  await recordEvent(page, "Response sent", "2", "12", "2026");
  // Two months after the stage 1 response.
  await expect(deadline(page, "Last day to ask for stage 2 (investigation)")).toContainText("Tuesday 2 February 2027");

  // Escalated on Thu 3 Dec: acknowledge in 3 working days; respond in 20, past Christmas, Boxing
  // Day's substitute (Mon 28 Dec), New Year's Day and 2 January's substitute (Mon 4 Jan).
  await recordEvent(page, "Next stage asked for", "3", "12", "2026");
  await expect(deadline(page, "Stage 2 acknowledgement")).toContainText("Tuesday 8 December 2026");
  await expect(deadline(page, "Stage 2 response")).toContainText("Wednesday 6 January 2027");
  await deadline(page, "Stage 2 response").getByText("How was this worked out?").click();
  await expect(deadline(page, "Stage 2 response")).toContainText("longer only with revised time limits told to the person");
  // No fixed limit on putting it back: a revised date can be recorded, and no longest date shows.
  await expect(page.getByRole("radio", { name: "Response extended", exact: true })).toBeVisible();
  await expect(deadline(page, "Stage 2 response: longest extension allowed")).toHaveCount(0);
});

test("Wales: a social services complaint's acknowledgement, discussion, written resolution and formal investigation", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2025-12-22T10:00:00"));
  await setNation(page, "Wales");

  await newComplaint(page, "22", "12", "2025", "Adult social care");
  await expect(page.getByRole("radio", { name: WALES_SS })).toBeChecked();
  await page.getByRole("button", { name: "Save record" }).click();

  // Mon 22 Dec: acknowledge by Wed 24 Dec; the discussion within 10 working days of that (past
  // Christmas, Boxing Day and New Year's Day); the written resolution 5 working days after it.
  await expect(deadline(page, "Stage 1 acknowledgement")).toContainText("Wednesday 24 December 2025");
  await expect(deadline(page, "Stage 1 discussion")).toContainText("Monday 12 January 2026");
  await expect(deadline(page, "Stage 1 written resolution")).toContainText("Monday 19 January 2026");
  await deadline(page, "Stage 1 acknowledgement").getByText("How was this worked out?").click();
  await expect(deadline(page, "Stage 1 acknowledgement")).toContainText("reg 15(2)");

  await page.clock.setFixedTime(new Date("2026-01-20T10:00:00"));
  await page.reload();
  await recordEvent(page, "Acknowledged", "23", "12", "2025");
  await expect(deadline(page, "Stage 1 discussion")).toContainText("Friday 9 January 2026");
  await recordEvent(page, "Discussion held", "8", "1", "2026");
  await expect(deadline(page, "Stage 1 written resolution")).toContainText("Thursday 15 January 2026");
  await recordEvent(page, "Response sent", "14", "1", "2026");

  // The formal investigation asked for on Mon 19 Jan: 25 working days of the request.
  await recordEvent(page, "Next stage asked for", "19", "1", "2026");
  await expect(deadline(page, "Stage 2 response")).toContainText("Monday 23 February 2026");
  await deadline(page, "Stage 2 response").getByText("How was this worked out?").click();
  await expect(deadline(page, "Stage 2 response")).toContainText("within 25 working days of the request for a formal investigation");
  await expectNoViolations(page, "a Welsh social services record");
});

test("the calculator answers a link for every nation's procedure", async ({ page }) => {
  // Scotland's, over St Andrew's Day.
  await setNation(page, "Scotland");
  await page.goto("/calculator?procedure=spso-mchp-2020&stage=1&start=2026-11-25");
  await expect(page.getByRole("radio", { name: SPSO })).toBeChecked();
  await expect(deadline(page, "Stage 1 response")).toContainText("Thursday 3 December 2026");
  await page.goto("/calculator?procedure=spso-mchp-2020&stage=2&start=2026-04-02");
  await expect(deadline(page, "Stage 2 acknowledgement")).toContainText("Wednesday 8 April 2026");
  await expect(deadline(page, "Stage 2 response")).toContainText("Friday 1 May 2026");

  // Northern Ireland's, over 12 July's substitute day (Mon 13 Jul 2026).
  await setNation(page, "Northern Ireland");
  await page.goto("/calculator?procedure=nipso-lg-mchp-2024&stage=1&start=2026-07-08");
  await expect(page.getByRole("radio", { name: NIPSO })).toBeChecked();
  await expect(deadline(page, "Stage 1 response")).toContainText("Thursday 16 July 2026");
  await deadline(page, "Stage 1 response").getByText("How was this worked out?").click();
  await expect(deadline(page, "Stage 1 response")).toContainText("Battle of the Boyne");

  // Wales's two, over Easter.
  await setNation(page, "Wales");
  await page.goto("/calculator?procedure=wales-social-services-2014&stage=2&start=2026-04-02");
  await expect(page.getByRole("radio", { name: WALES_SS })).toBeChecked();
  await expect(deadline(page, "Stage 2 response")).toContainText("Tuesday 12 May 2026");
  await page.goto("/calculator?procedure=psow-model-policy&stage=2&start=2026-04-02");
  await expect(page.getByRole("radio", { name: PSOW })).toBeChecked();
  await expect(deadline(page, "Stage 2 acknowledgement")).toContainText("Monday 13 April 2026");
  await expect(deadline(page, "Stage 2 response")).toContainText("Tuesday 5 May 2026");
  await expectNoViolations(page, "the calculator with a Welsh procedure");

  // Asked by the form, the link names the procedure.
  await page.getByRole("radio", { name: SPSO }).check();
  await page.getByRole("radio", { name: "Stage 1 (frontline response)" }).check();
  await page.getByRole("button", { name: "Work out the dates" }).click();
  await expect(page).toHaveURL(/\/calculator\?procedure=spso-mchp-2020&stage=1&start=2026-04-02$/);
});

test("an advocate's 'not sure' follows the nation", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-01-05T10:00:00"));
  await setNation(page, "Scotland");
  await page.goto("/cases");
  await page.getByRole("button", { name: "Start a case" }).click();
  await page.getByLabel("Who is the complaint for?").fill("Jamie Reed");
  await page.getByLabel("Which organisation is the complaint to?").fill("Northshire Council");
  await page.getByRole("radio", { name: "Adult social care" }).check();
  await page.getByRole("radio", { name: "Not sure" }).check();
  await expect(page.getByText("every Scottish public service follows it, social work included")).toBeVisible();
  await expect(page.getByText("Complaints should normally be made within 6 months")).toBeVisible();
  await page.getByRole("button", { name: "Start the case" }).click();
  await expect(page.getByText(SPSO)).toBeVisible();
});
