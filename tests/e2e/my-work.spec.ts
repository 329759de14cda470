// My work as a complaints officer uses it: a remedy due on Friday shows, with the person and
// what the complaint is about; "Mine" shows only what the officer handles; and a restriction on
// contact is recorded on the record, shows its review, and is lifted.
import "./starts";
import { expect, Page, test } from "@playwright/test";
import { createRecord, expectNoViolations, fillDate, recordEvent, workedExample } from "./helpers";

async function setUserName(page: Page, name: string) {
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("Your name").fill(name);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();
}

test("a remedy due on Friday is on My work, and Mine shows only the officer's own work", async ({ page }) => {
  // Monday 12 January 2026.
  await page.clock.setFixedTime(new Date("2026-01-12T10:00:00"));
  await page.goto("/");
  await setUserName(page, "Ann Handler");
  // Received Monday 5 January, acknowledged the next day by Ann Handler, who handles the
  // stage: the response is due Tuesday 20 January, after this week.
  await createRecord(page, { ...workedExample, day: "5", month: "1", year: "2026" });
  await recordEvent(page, "Acknowledged", "6", "1", "2026");

  await page.getByText("Add a remedy").click();
  await page.getByRole("radio", { name: "Apology" }).check();
  await page.getByRole("textbox", { name: "What will happen" }).fill("Write to say sorry for the delay");
  await fillDate(page, "Due by (optional)", "16", "1", "2026");
  await page.getByRole("button", { name: "Add remedy" }).click();
  await expect(page.getByRole("term").filter({ hasText: "Apology" })).toBeVisible();

  await page.getByText("Add an action").click();
  await page.getByRole("textbox", { name: "What will be done" }).fill("Brief the blue badge team");
  await page.getByRole("combobox", { name: "Who is responsible" }).fill("Cal Officer");
  await fillDate(page, "Due by", "9", "1", "2026");
  await page.getByRole("button", { name: "Add action" }).click();
  await expect(page.getByRole("term").filter({ hasText: "Brief the blue badge team" })).toBeVisible();

  await page.getByRole("link", { name: "My work" }).click();
  const week = page.getByRole("table", { name: /Due in the next 7 days/ });
  const apology = week.getByRole("row", { name: /Remedy: Apology — Write to say sorry for the delay/ });
  await expect(apology).toContainText("Fri 16 Jan 2026");
  await expect(apology).toContainText("Alex Taylor");
  await expect(apology).toContainText("Waited six weeks for a reply about a blue badge.");
  await expect(apology).toContainText("Ann Handler");
  const overdue = page.getByRole("table", { name: /Overdue/ });
  await expect(overdue.getByRole("row", { name: /Action: Brief the blue badge team/ })).toContainText("Cal Officer");
  await expect(page.getByText("Nothing is due today.")).toBeVisible();
  await expect(page.getByRole("table", { name: /Later/ }).getByRole("row", { name: /Stage 1 response/ })).toContainText("Tue 20 Jan 2026");
  await expectNoViolations(page, "my work, everyone's");

  // Mine: Ann's remedy and deadline, not Cal's action.
  const whose = page.getByLabel("Show work for");
  await whose.selectOption({ label: "Mine (Ann Handler)" });
  await expect(week.getByRole("row", { name: /Remedy: Apology/ })).toBeVisible();
  await expect(page.getByText("Nothing is overdue.")).toBeVisible();
  await expectNoViolations(page, "my work, mine");

  // One handler: Cal's action only.
  await whose.selectOption({ label: "Cal Officer" });
  await expect(page.getByRole("table", { name: /Overdue/ }).getByRole("row", { name: /Brief the blue badge team/ })).toBeVisible();
  await expect(page.getByText("Nothing else is due in the next 7 days.")).toBeVisible();

  // Delivered, it is no longer due; the row links to the record.
  await whose.selectOption({ label: "Everyone" });
  await apology.getByRole("link", { name: "C-2026-0001" }).click();
  await page.getByRole("button", { name: /Mark delivered.*Apology/ }).click();
  await expect(page.getByText("Remedy marked as delivered today.")).toBeVisible();
  await page.getByRole("link", { name: "My work" }).click();
  await expect(page.getByRole("table", { name: /Overdue/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /Remedy: Apology/ })).toHaveCount(0);
});

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

test("the team listed in Settings is offered for the handler, and a name typed in other capitals is kept as the team spells it", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-01-12T10:00:00"));
  await page.goto("/");
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("Your name").fill("Sam Officer");
  await page.getByLabel("Your team, one name a line").fill("Ann Handler\nBo Reviewer\nann handler");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();
  await expectNoViolations(page, "settings with a team");
  await page.reload();
  await expect(page.getByLabel("Your team, one name a line")).toHaveValue("Ann Handler\nBo Reviewer");

  await createRecord(page, workedExample);
  await page.getByRole("radio", { name: "Acknowledged", exact: true }).check();
  const handler = page.getByRole("combobox", { name: "Who will handle this stage?" });
  await expect(handler).toHaveAttribute("list", "team-names");
  const offered = await page.locator("datalist#team-names option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  expect(offered).toEqual(["Ann Handler", "Bo Reviewer", "Sam Officer"]);
  const date = page.getByRole("group", { name: "Date", exact: true });
  await date.getByLabel("Day").fill("22");
  await date.getByLabel("Month").fill("12");
  await date.getByLabel("Year").fill("2025");
  await handler.fill("bo   REVIEWER");
  await page.getByRole("button", { name: "Record it" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Recorded: Acknowledged" })).toBeVisible();
  await page.getByText(/Show all \d+ changes/).click();
  await expect(page.getByRole("table", { name: "Every change to this record, newest first" })).toContainText(
    "Acknowledged: Mon 22 Dec 2025, handled by Bo Reviewer",
  );

  await page.getByRole("link", { name: "My work" }).click();
  await page.getByLabel("Show work for").selectOption({ label: "Bo Reviewer" });
  await expect(page.getByRole("row", { name: /Stage 1 response/ })).toContainText("Bo Reviewer");
  await expect(page.getByLabel("Show work for").getByRole("option")).toHaveText(["Everyone", "Mine (Sam Officer)", "Ann Handler", "Bo Reviewer", "Not yet assigned"]);
});
