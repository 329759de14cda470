// The first vertical slice: create a record, find it, reload, see its deadlines explained.
import "./starts";
import { expect, test } from "@playwright/test";
import { createRecord, expectNoViolations, workedExample } from "./helpers";

test("an empty device says what to do", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
  await expect(page.getByText("There are no records on this device yet.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Create a record" })).toBeVisible();
  await expect(page.getByRole("contentinfo")).toContainText("Your data stays on this device.");
  await expect(page.getByRole("contentinfo")).toContainText(/Redress version \d+\.\d+\.\d+/);
});

test("a complaint is created, listed, kept over a reload, with its LGSCO deadlines explained", async ({ page }) => {
  await page.goto("/");
  await createRecord(page, workedExample);

  // The record page: what was entered, and DOMAIN.md's worked example.
  await expect(page).toHaveURL(/\/records\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Received Friday 19 December 2025", { exact: true })).toBeVisible();
  await expect(page.getByRole("term").filter({ hasText: /^The person it is about$/ }).locator("xpath=following-sibling::dd[1]")).toHaveText("Alex Taylor");
  const deadlines = page.getByRole("region", { name: "Deadlines" });
  await expect(deadlines.getByRole("term")).toHaveText([
    "Stage 1 acknowledgement",
    "Stage 1 response",
    "Stage 1 response: longest extension allowed",
  ]);
  await expect(deadlines.getByRole("definition").nth(0)).toContainText("Tuesday 30 December 2025");
  await expect(deadlines.getByRole("definition").nth(1)).toContainText("Wednesday 14 January 2026");
  await expect(deadlines.getByRole("definition").nth(1)).toContainText("Projected");
  await expect(deadlines.getByRole("definition").nth(2)).toContainText("Wednesday 28 January 2026");

  const how = deadlines.getByText("How was this worked out?").first();
  await how.click();
  await expect(deadlines.getByText(/5 working days after the date received, Fri 19 Dec 2025/)).toBeVisible();
  await expect(deadlines.getByText(/Christmas Day \(Thu 25 Dec 2025\), Boxing Day \(Fri 26 Dec 2025\)/)).toBeVisible();

  // The list, newest first, and a reload keeps everything.
  await page.getByRole("link", { name: "Records", exact: true }).click();
  await createRecord(page, {
    ...workedExample,
    kind: "Compliment",
    procedure: undefined,
    day: "3",
    month: "1",
    year: "2026",
    summary: "Thanks to the hospital social work team.",
  });
  await expect(page.getByText("A compliment has no statutory deadlines.")).toBeVisible();
  await page.getByRole("link", { name: "Records", exact: true }).click();
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText("Thanks to the hospital social work team.");
  await expect(rows.nth(2)).toContainText("Waited six weeks for a reply about a blue badge.");

  await page.reload();
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(3);
  await expect(rows.nth(2)).toContainText("C-2025-0001");
  await page.getByRole("link", { name: "C-2025-0001" }).click();
  await expect(page.getByText("Received Friday 19 December 2025", { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByText("Received Friday 19 December 2025", { exact: true })).toBeVisible();
});

test("mistakes are listed in an error summary and nothing typed is lost", async ({ page }) => {
  await page.goto("/records/new");
  await page.getByLabel("Name of the person it is about (optional)").fill("Jo Bloggs");
  await page.getByLabel("Summary").fill("Carer did not arrive on Tuesday.");
  await page.getByRole("group", { name: "Date received" }).getByLabel("Day").fill("31");
  await page.getByRole("group", { name: "Date received" }).getByLabel("Month").fill("2");
  await page.getByRole("group", { name: "Date received" }).getByLabel("Year").fill("2026");
  await page.getByRole("button", { name: "Save record" }).click();

  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link")).toHaveText([
    "Select what kind of record this is",
    "Date received must be a real date",
    "Select the service it is about",
  ]);
  await expect(page).toHaveTitle("Error: New record – Redress");
  // Each message is also shown by its field.
  await expect(page.getByRole("group", { name: "Date received" })).toContainText("Error: Date received must be a real date");
  // What was typed is still there.
  await expect(page.getByLabel("Name of the person it is about (optional)")).toHaveValue("Jo Bloggs");
  await expect(page.getByLabel("Summary")).toHaveValue("Carer did not arrive on Tuesday.");
  await expect(page.getByRole("group", { name: "Date received" }).getByLabel("Day")).toHaveValue("31");

  // A link in the summary moves focus to the box at fault.
  await summary.getByRole("link", { name: "Date received must be a real date" }).click();
  await expect(page.getByRole("group", { name: "Date received" }).getByLabel("Day")).toBeFocused();

  // A complaint's procedure is offered from the service: adult social care, the 2009 regulations.
  await page.getByRole("radio", { name: "Complaint" }).check();
  await page.getByRole("radio", { name: "Adult social care" }).check();
  const adults = page.getByRole("radio", { name: /Local Authority Social Services and NHS Complaints/ });
  await expect(adults).toBeChecked();
  // One the person chooses stands when the service changes.
  await page.getByRole("radio", { name: "LGSCO Complaint Handling Code 2024" }).check();
  await page.getByRole("radio", { name: "Children’s social care" }).check();
  await expect(page.getByRole("radio", { name: "LGSCO Complaint Handling Code 2024" })).toBeChecked();
  await page.getByRole("radio", { name: "Adult social care" }).check();
  await adults.check();
  await page.getByRole("group", { name: "Date received" }).getByLabel("Day").fill("27");
  await page.getByRole("button", { name: "Save record" }).click();
  await expect(page.getByText("Received Friday 27 February 2026", { exact: true })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Success" })).toContainText(/Record C-2026-\d{4} created\./);
  await expect(page.getByRole("term").filter({ hasText: "Complaint response" })).toBeVisible();
  await expect(page.getByText("Complaint acknowledgement")).toBeVisible();
});

test("the settings keep the organisation's name", async ({ page }) => {
  await page.goto("/settings");
  await page.getByLabel("Organisation name").fill("Northshire County Council");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();
  await expect(page.getByRole("banner")).toContainText("Northshire County Council");
  await page.reload();
  await expect(page.getByLabel("Organisation name")).toHaveValue("Northshire County Council");

  await page.getByLabel("Organisation name").fill("x".repeat(201));
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText(
    "Organisation name must be 200 characters or fewer",
  );
  await expect(page.getByLabel("Organisation name")).toHaveValue("x".repeat(201));
});

test("an unknown address shows page not found, and the shell works by keyboard", async ({ page }) => {
  await page.goto("/no/such/page");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page).toHaveTitle("Page not found – Redress");

  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();

  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "New record" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/records\/new$/);
  await expect(page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "New record" })).toHaveAttribute("aria-current", "page");
});

test("a record id that is not on this device is reported, not a blank page", async ({ page }) => {
  await page.goto("/records/00000000-0000-4000-8000-000000000000");
  await expect(page.getByRole("heading", { level: 1, name: "Record not found" })).toBeVisible();
});

test("the page runs under its Content-Security-Policy with nothing refused", async ({ page }) => {
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
  });
  page.on("pageerror", (error) => refused.push(error.message));
  await page.goto("/");
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("'wasm-unsafe-eval'");
  await createRecord(page, workedExample);
  await expect(page.getByText("Received Friday 19 December 2025", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Calculator", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Deadline calculator" })).toBeVisible();
  expect(refused).toEqual([]);
});

test("times are shown on UK clocks: BST in summer, GMT in winter", async ({ page }) => {
  // 13:05 UTC on 1 July is 2:05pm on UK clocks (British Summer Time).
  await page.clock.setFixedTime(new Date("2026-07-01T13:05:00Z"));
  await page.goto("/");
  await createRecord(page, { ...workedExample, day: "1", month: "7", year: "2026" });
  await expect(page.getByText("Received Wednesday 1 July 2026", { exact: true })).toBeVisible();
  await page.getByText("Show the 1 change").click();
  const changes = page.getByRole("table", { name: "Every change to this record, newest first" });
  await expect(changes.getByRole("cell").first()).toHaveText("1 Jul 2026, 2:05pm BST");

  // 09:30 UTC on 15 January is 9:30am on UK clocks (Greenwich Mean Time).
  await page.clock.setFixedTime(new Date("2026-01-15T09:30:00Z"));
  await page.goto("/");
  await createRecord(page, { ...workedExample, day: "15", month: "1", year: "2026" });
  await page.getByText("Show the 1 change").click();
  await expect(changes.getByRole("cell").first()).toHaveText("15 Jan 2026, 9:30am GMT");
});

test("on a phone the service navigation folds behind a Menu button, as GOV.UK's does", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  const menu = page.getByRole("button", { name: "Menu" });
  const navigation = page.getByRole("navigation", { name: "Menu" });
  await expect(menu).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(navigation.getByRole("link", { name: "Records", exact: true })).toBeHidden();
  // By keyboard: the button opens the list, and a chosen page folds it again.
  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expectNoViolations(page, "the phone's menu, open");
  await navigation.getByRole("link", { name: "Records", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Records" })).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(navigation.getByRole("link", { name: "Records", exact: true })).toBeHidden();
  // On a wide screen there is no button and the list shows.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(menu).toBeHidden();
  await expect(navigation.getByRole("link", { name: "Records", exact: true })).toBeVisible();
});
