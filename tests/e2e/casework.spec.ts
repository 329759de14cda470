// Case handling: a complaint from first contact to closure, a concern escalated, the work on a
// record, My work, finding records, sample data and deletion. Reloaded along the way.
import "./starts";
import { expect, Page, test } from "@playwright/test";
import { createRecord, fillDate, workedExample } from "./helpers";

async function record(page: Page, what: string, date: [string, string, string], extra: Record<string, string> = {}) {
  await page.getByRole("radio", { name: what, exact: true }).check();
  const legend = what === "Response extended" ? "New response date" : "Date";
  await fillDate(page, legend, ...date);
  for (const [label, value] of Object.entries(extra)) {
    if (label === "outcome") await page.getByRole("radio", { name: value, exact: true }).check();
    else await page.getByRole(label.startsWith("Who will handle") ? "combobox" : "textbox", { name: label }).fill(value);
  }
  await page.getByRole("button", { name: "Record it" }).click();
  await expect(page.getByRole("alert").filter({ hasText: `Recorded: ${what}` })).toBeVisible();
}

test("an LGSCO complaint from receipt to stage 2, closed and reopened, with its history", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-02-20T10:00:00"));
  await page.goto("/settings");
  await page.getByLabel("Your name").fill("Sam Officer");
  await page.getByRole("button", { name: "Save settings" }).click();
  await createRecord(page, workedExample);
  await expect(page.getByRole("heading", { level: 1, name: "C-2025-0001: Complaint about Alex Taylor" })).toBeVisible();

  await record(page, "Acknowledged", ["29", "12", "2025"], { "Who will handle this stage?": "Ann Handler" });
  await record(page, "Response extended", ["28", "1", "2026"], { "Why is the response being extended?": "Waiting for the contractor’s records" });
  await page.reload();
  await record(page, "Response sent", ["27", "1", "2026"], { outcome: "Partially upheld" });
  await expect(page.getByRole("definition").filter({ hasText: "Partially upheld" })).toBeVisible();

  // Stage 2 with the same handler is warned about (Code 6.14).
  await record(page, "Next stage asked for", ["2", "2", "2026"], { "Who will handle this stage?": "Ann Handler" });
  await expect(page.getByText(/Ann Handler handles stage 2 and also handled stage 1/)).toBeVisible();
  await record(page, "Acknowledged", ["5", "2", "2026"], { "Who will handle this stage?": "Bo Reviewer" });
  await record(page, "Response sent", ["19", "2", "2026"], { outcome: "Not upheld" });

  // Referred to the Ombudsman, who investigates and makes a recommendation.
  await page.getByText("Record the Ombudsman stage").click();
  await fillDate(page, "Date referred to the Ombudsman", "20", "2", "2026");
  await page.getByRole("radio", { name: "Investigated" }).check();
  await page.getByRole("radio", { name: "Upheld: fault causing injustice" }).check();
  await page.getByRole("textbox", { name: "Add a recommendation (optional)" }).fill("Apologise and pay £150");
  await fillDate(page, "Date the recommendation is due", "20", "3", "2026");
  await page.getByRole("button", { name: "Save Ombudsman stage" }).click();
  await expect(page.getByRole("definition").filter({ hasText: "Apologise and pay £150, due Fri 20 Mar 2026" })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "Upheld: fault causing injustice" })).toBeVisible();

  // Close, reload, reopen.
  await fillDate(page, "Date closed", "20", "2", "2026");
  await page.getByRole("button", { name: "Close record" }).click();
  await expect(page.getByText("Closed Fri 20 Feb 2026")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Record what happened" })).toHaveCount(0);
  await page.getByRole("textbox", { name: "Why is it being reopened?" }).fill("New evidence from the family");
  await page.getByRole("button", { name: "Reopen record" }).click();
  await expect(page.getByRole("heading", { name: "Close the record" })).toBeVisible();

  await page.getByText(/Show all \d+ changes/).click();
  const history = page.getByRole("table", { name: "Every change to this record, newest first" });
  await expect(history.getByRole("row").nth(1)).toContainText("Reopened: New evidence from the family");
  await expect(history).toContainText("Acknowledged: Mon 29 Dec 2025, handled by Ann Handler");
  await expect(history).toContainText("Sam Officer");
});

test("a concern is escalated to a linked complaint carrying its details", async ({ page }) => {
  await page.goto("/");
  await createRecord(page, { kind: "Concern, representation or comment", day: "5", month: "1", year: "2026", service: "Adult social care", name: "Jo Bloggs", summary: "Carer arrived late three times." });
  await expect(page.getByRole("heading", { level: 1, name: "N-2026-0001: Concern about Jo Bloggs" })).toBeVisible();
  await page.getByRole("button", { name: "Escalate to a complaint" }).click();
  await page.getByRole("radio", { name: /Local Authority Social Services and NHS Complaints/ }).check();
  await fillDate(page, "Date it became a complaint", "12", "1", "2026");
  await page.getByRole("button", { name: "Make the complaint" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "C-2026-0001: Complaint about Jo Bloggs" })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "Carer arrived late three times." })).toBeVisible();
  await page.getByRole("link", { name: "N-2026-0001" }).click();
  await expect(page.getByText("Escalated to complaint C-2026-0001.")).toBeVisible();
  await page.reload();
  await page.getByRole("link", { name: "C-2026-0001" }).click();
  await expect(page.getByText("Complaint acknowledgement")).toBeVisible();
});

test("correspondence, remedies, actions and learning are kept and actions overdue show on My work", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-03-10T10:00:00"));
  await page.goto("/");
  await createRecord(page, workedExample);

  await page.getByText("Log a letter, email, call or meeting").click();
  await page.getByRole("radio", { name: "Phone call" }).check();
  await fillDate(page, "Date of the contact", "22", "12", "2025");
  await page.getByRole("textbox", { name: "Note" }).fill("Agreed the outcome wanted: an apology and a refund.");
  await page.getByRole("button", { name: "Log it" }).click();
  await expect(page.getByText("Agreed the outcome wanted: an apology and a refund.")).toBeVisible();

  await page.getByText("Add a remedy").click();
  await page.getByRole("radio", { name: "Financial remedy" }).check();
  await page.getByRole("textbox", { name: "What will happen" }).fill("Refund the parking charge");
  await page.getByRole("button", { name: "Add remedy" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Enter the amount of the financial remedy");
  await page.getByRole("textbox", { name: "Amount in pounds (financial remedies)" }).fill("70");
  await page.getByRole("button", { name: "Add remedy" }).click();
  await expect(page.getByRole("term").filter({ hasText: "Financial remedy (£70.00)" })).toBeVisible();

  await page.getByText("Add an action").click();
  await page.getByRole("textbox", { name: "What will be done" }).fill("Brief the parking team");
  await page.getByRole("combobox", { name: "Who is responsible" }).fill("Cal Officer");
  await fillDate(page, "Due by", "1", "3", "2026");
  await page.getByRole("button", { name: "Add action" }).click();
  await expect(page.getByRole("term").filter({ hasText: "Brief the parking team" })).toBeVisible();

  await page.getByText("Add a learning statement").click();
  await page.getByRole("textbox", { name: "What changed because of this" }).fill("Appeals are now answered within 10 days.");
  await page.getByRole("checkbox", { name: "Publish it in the annual report" }).check();
  await page.getByRole("button", { name: "Add learning" }).click();
  await expect(page.getByText("For publication", { exact: true })).toBeVisible();

  await page.reload();
  await expect(page.getByRole("term").filter({ hasText: "Financial remedy (£70.00)" })).toBeVisible();
  await page.getByRole("link", { name: "My work" }).click();
  const overdueAction = page.getByRole("table", { name: /Overdue/ }).getByRole("row", { name: /Action: Brief the parking team/ });
  await expect(overdueAction).toContainText("C-2025-0001");
  await expect(overdueAction).toContainText("Sun 1 Mar 2026");
  await expect(overdueAction).toContainText("Cal Officer");

  await page.getByRole("link", { name: "C-2025-0001" }).first().click();
  await page.getByRole("button", { name: /Mark done.*Brief the parking team/ }).click();
  await expect(page.getByText("Done Tue 10 Mar 2026")).toBeVisible();
  await page.getByRole("button", { name: /Person told today.*Brief the parking team/ }).click();
  await expect(page.getByText("Done Tue 10 Mar 2026, person told Tue 10 Mar 2026")).toBeVisible();

  // A remedy that cannot be delivered keeps its reason and the alternative offered.
  await page.getByText("Add a remedy").click();
  await page.getByRole("radio", { name: "Amending a record" }).check();
  await page.getByRole("textbox", { name: "What will happen" }).fill("Remove the wrong address from the file");
  await page.getByRole("button", { name: "Add remedy" }).click();
  await page.getByText("A remedy cannot be delivered").click();
  await page.getByRole("radio", { name: "Amending a record: Remove the wrong address from the file" }).check();
  await page.getByRole("textbox", { name: "Why it cannot be delivered" }).fill("The file is held by the DVLA");
  await page.getByRole("textbox", { name: "The alternative offered" }).fill("We wrote to the DVLA for them");
  await page.getByRole("button", { name: "Record it" }).last().click();
  await expect(page.getByText("Cannot be delivered: The file is held by the DVLA. Instead: We wrote to the DVLA for them")).toBeVisible();
});

test("sample data is marked, searchable, and removed in one step; a record is deleted with a note", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Explore with sample data" }).click();
  await expect(page.getByText("You are exploring with made-up sample records.")).toBeVisible();
  await expect(page.getByRole("table", { name: /Due in the next 7 days/ })).toBeVisible();

  await page.getByRole("link", { name: "Records", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("20 of 20 records");
  await page.getByRole("searchbox", { name: "Search" }).fill("respite");
  await expect(page.getByRole("status")).toHaveText("1 of 20 records");
  await page.getByRole("searchbox", { name: "Search" }).fill("");
  await page.getByRole("combobox", { name: "Kind" }).selectOption({ label: "Compliment" });
  await expect(page.getByRole("status")).toHaveText("3 of 20 records");
  await page.getByRole("combobox", { name: "Kind" }).selectOption({ label: "Any kind" });
  await page.getByRole("combobox", { name: "State" }).selectOption({ label: "Closed" });
  await expect(page.getByRole("status")).toHaveText("3 of 20 records");

  await page.getByRole("button", { name: "Remove all sample records" }).click();
  await expect(page.getByText("Remove all 20 sample records? Records you made yourself are kept.")).toBeVisible();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("status")).toHaveText("3 of 20 records");
  await page.getByRole("button", { name: "Remove all sample records" }).click();
  await page.getByRole("button", { name: "Yes, remove them" }).click();
  await expect(page.getByText("There are no records on this device yet.")).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Success" })).toContainText("20 sample records removed.");
  await page.reload();
  await expect(page.getByText("There are no records on this device yet.")).toBeVisible();

  await createRecord(page, workedExample);
  await page.getByRole("link", { name: "Delete this record" }).click();
  await expect(page.getByRole("heading", { name: "Are you sure you want to delete this record?" })).toBeVisible();
  await page.getByLabel("Why is it being deleted? (optional)").fill("Entered by mistake");
  await page.getByRole("button", { name: "Yes, delete this record" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Records" })).toBeVisible();
  await expect(page.getByText("There are no records on this device yet.")).toBeVisible();
  await page.goto("/settings");
  const deleted = page.getByRole("table", { name: "Deleted records" });
  await expect(deleted.getByRole("row").filter({ hasText: "C-2025-0001" })).toContainText("Entered by mistake");
});

test("an adult complaint's intake with a risk assessment, and an agreed response date", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-01-07T10:00:00"));
  await page.goto("/");
  await createRecord(page, { kind: "Complaint", day: "5", month: "1", year: "2026", service: "Adult social care", name: "Joan Fletcher", summary: "Home care visits cut short.", procedure: "Local Authority Social Services and NHS Complaints (England) Regulations 2009" });
  await expect(page.getByRole("list").filter({ hasText: "Who raised it" }).getByText("Incomplete").first()).toBeVisible();
  await page.getByRole("link", { name: "Who raised it" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Intake and triage" })).toBeVisible();
  await page.getByRole("radio", { name: "Relative" }).check();
  await page.getByRole("textbox", { name: "The representative’s name" }).fill("Mary Fletcher");
  await page.getByRole("textbox", { name: "The representative’s phone number (optional)" }).fill("01632 960 123");
  await page.getByRole("group", { name: "How does the representative want to be contacted?" }).getByRole("radio", { name: "Phone", exact: true }).check();
  await page.getByRole("radio", { name: "The person agreed (consent)" }).check();
  await fillDate(page, "Date the person gave their consent", "5", "1", "2026");
  await page.getByRole("textbox", { name: "What they want to happen, as agreed with them" }).fill("Full-length visits and an apology.");
  await page.getByRole("radio", { name: "Hospital social work" }).check();
  await page.getByRole("checkbox", { name: "Delay or failure to act" }).check();
  await page.getByRole("radio", { name: /^4 – Significant/ }).check();
  await page.getByRole("button", { name: "Save intake and triage" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Choose both the seriousness and the likelihood, or neither");
  await expect(page.getByRole("textbox", { name: "What they want to happen, as agreed with them" })).toHaveValue("Full-length visits and an apology.");
  await page.getByRole("radio", { name: /^3 – Possible/ }).check();
  await page.getByRole("button", { name: "Save intake and triage" }).click();

  await expect(page.getByRole("definition").filter({ hasText: "High (4 × 3 = 12)" })).toBeVisible();
  await expect(page.getByRole("table", { name: /Risk: seriousness/ })).toContainText("12 High (this record)");
  await expect(page.getByRole("definition").filter({ hasText: "Delay or failure to act" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("definition").filter({ hasText: "Full-length visits and an apology." })).toBeVisible();

  await page.getByRole("radio", { name: "Response date agreed in the complaint plan" }).check();
  const date = page.getByRole("group", { name: "Agreed response date" });
  await date.getByLabel("Day").fill("13");
  await date.getByLabel("Month").fill("2");
  await date.getByLabel("Year").fill("2026");
  await page.getByRole("button", { name: "Record it" }).click();
  const response = page.getByRole("region", { name: "Deadlines" }).getByRole("term").filter({ hasText: /^Complaint response$/ }).locator("xpath=following-sibling::dd[1]");
  await expect(response).toContainText("Friday 13 February 2026");
});

test("a complaint made after 12 months needs a decision, and one not accepted is closed with its reason", async ({ page }) => {
  await page.goto("/");
  await createRecord(page, { ...workedExample });
  await page.getByRole("link", { name: "Decision to accept" }).click();
  await page.getByRole("button", { name: "Save intake and triage" }).click();
  // In time (no awareness date given), so accepted by default.
  await expect(page.getByRole("heading", { name: "Intake and triage" })).toBeVisible();

  await page.goto("/records/new");
  await page.getByRole("radio", { name: "Complaint" }).check();
  for (const [group, d, m, y] of [["Date received", "19", "12", "2025"], ["Date the person became aware of it (optional)", "1", "6", "2024"]]) {
    const g = page.getByRole("group", { name: group });
    await g.getByLabel("Day").fill(d);
    await g.getByLabel("Month").fill(m);
    await g.getByLabel("Year").fill(y);
  }
  await page.getByRole("radio", { name: "Corporate" }).check();
  await page.getByLabel("Summary").fill("Parking fine from 2024.");
  await page.getByRole("radio", { name: "LGSCO Complaint Handling Code 2024" }).check();
  await page.getByRole("button", { name: "Save record" }).click();
  await expect(page.getByText("Passed: decide whether to accept")).toBeVisible();
  await page.getByRole("link", { name: "Decision to accept" }).click();
  await page.getByRole("button", { name: "Save intake and triage" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("made after the time limit for making it");
  await page.getByRole("radio", { name: "Not accepted" }).check();
  await page.getByRole("radio", { name: "Older than 12 months" }).check();
  await page.getByRole("checkbox", { name: "The person was told of their right to go to the Ombudsman" }).check();
  await page.getByRole("button", { name: "Save intake and triage" }).click();
  await expect(page.getByRole("definition").filter({ hasText: "Not accepted: Older than 12 months" })).toContainText("Told of the Ombudsman.");
  await expect(page.getByText(/^Closed /)).toBeVisible();
});

test("a letter drafted for the day it is sent, marked sent, records the acknowledgement; a placeholder and sending twice ask first", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2025-12-30T10:00:00"));
  await page.goto("/settings");
  await page.getByLabel("Organisation name").fill("Northshire County Council");
  await page.getByLabel("Your name").fill("Sam Officer");
  await page.getByRole("button", { name: "Save settings" }).click();
  await createRecord(page, workedExample);
  await page.getByRole("link", { name: "Draft the acknowledgement letter" }).click();
  const letter = page.getByRole("textbox", { name: "Letter" });
  await expect(letter).toHaveValue(/Dear Alex Taylor/);
  await expect(letter).toHaveValue(/Our reference is C-2025-0001/);
  // Sent today (Tuesday 30 December): the response is promised ten working days on, not the
  // date projected before the acknowledgement was sent.
  await expect(letter).toHaveValue(/by Wednesday 14 January 2026/);
  const sent = page.getByRole("group", { name: "Date sent" });
  await sent.getByLabel("Day").fill("29");
  await expect(letter).toHaveValue(/by Tuesday 13 January 2026/);
  await page.getByLabel("Who will handle it").fill("Ann Handler");
  await expect(letter).toHaveValue(/Ann Handler will handle your complaint/);
  await expect(letter).toHaveValue(/Sam Officer\nNorthshire County Council/);
  await expect(page.getByText("Still to fill in: [Address], [the outcome they want]")).toBeVisible();

  await page.getByRole("button", { name: "Mark as sent" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary.getByRole("link", { name: "The letter still has [Address], [the outcome they want] to fill in. Replace them, or say it went as it is" })).toBeVisible();
  await letter.fill((await letter.inputValue()).replace("[Address]", "4 Mill Lane\nNorthtown").replace("[the outcome they want]", "a decision on the badge").replace("Dear Alex Taylor", "Dear Mx Taylor"));
  await expect(page.getByText(/Still to fill in/)).toBeHidden();
  // Edited by hand, the letter is no longer drafted again when the answers change.
  await page.getByLabel("Who will handle it").fill("Ann Handler-Jones");
  await expect(letter).toHaveValue(/Dear Mx Taylor/);

  await page.emulateMedia({ media: "print" });
  await expect(page.getByText("Dear Mx Taylor")).toBeVisible();
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await page.screenshot({ path: "test-results/letter-print.png", fullPage: true });
  await page.emulateMedia({ media: "screen" });

  await page.getByRole("button", { name: "Mark as sent" }).click();
  await expect(page.getByText("Acknowledgement letter marked sent. The acknowledgement is recorded.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("C-2025-0001: Complaint about Alex Taylor");
  const deadlines = page.getByRole("region", { name: "Deadlines" });
  await expect(deadlines.getByRole("term").filter({ hasText: /^Stage 1 response$/ }).locator("xpath=following-sibling::dd[1]")).toContainText("Tuesday 13 January 2026");
  await expect(page.getByRole("term").filter({ hasText: "Mon 29 Dec 2025 Letter" })).toBeVisible();
  // The letter is folded in the log: its name opens it.
  await expect(page.getByText(/Dear Mx Taylor/)).toBeHidden();
  await page.getByText("Acknowledgement letter, stage 1").click();
  await expect(page.getByText(/Dear Mx Taylor/)).toBeVisible();

  // The same letter again: the page says when it went, and asks.
  await page.getByRole("link", { name: "Draft the acknowledgement letter" }).click();
  await expect(page.getByText("This letter was already marked sent on Mon 29 Dec 2025.")).toBeVisible();
  await page.getByRole("button", { name: "Mark as sent" }).click();
  await expect(summary.getByRole("link", { name: /already marked sent on Mon 29 Dec 2025/ })).toBeVisible();
  await page.getByRole("checkbox", { name: "Mark it sent again" }).check();
  await page.getByRole("checkbox", { name: "It went with the square brackets left in" }).check();
  await page.getByRole("button", { name: "Mark as sent" }).click();
  await expect(page.getByText("Acknowledgement letter marked sent and added to the correspondence log.")).toBeVisible();
  await expect(page.getByRole("term").filter({ hasText: "Tue 30 Dec 2025 Letter" })).toBeVisible();
});

test("a response letter marked sent records the response with the outcome it asks for", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-01-12T10:00:00"));
  await page.goto("/");
  await createRecord(page, workedExample);
  await record(page, "Acknowledged", ["29", "12", "2025"], { "Who will handle this stage?": "Ann Handler" });
  await page.getByRole("link", { name: "Draft the stage response" }).click();
  await page.getByRole("checkbox", { name: "It went with the square brackets left in" }).check();
  await page.getByRole("button", { name: "Mark as sent" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" }).getByRole("link", { name: "Select the outcome" })).toBeVisible();
  await page.getByRole("radio", { name: "Partially upheld" }).check();
  await expect(page.getByRole("textbox", { name: "Letter" })).toHaveValue(/Your complaint is partially upheld\./);
  await page.getByRole("button", { name: "Mark as sent" }).click();
  await expect(page.getByText("Stage response marked sent. The response is recorded.")).toBeVisible();
  await expect(page.getByRole("term").filter({ hasText: "Mon 12 Jan 2026 Letter" })).toBeVisible();
  await expect(page.getByRole("term").filter({ hasText: /^Response sent$/ }).locator("xpath=following-sibling::dd[1]")).toHaveText("Monday 12 January 2026");
  await expect(page.getByRole("term").filter({ hasText: /^Outcome$/ }).locator("xpath=following-sibling::dd[1]")).toHaveText("Partially upheld");
});

test("a children's complaint through all three stages", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-06-01T10:00:00"));
  await page.goto("/");
  await createRecord(page, { kind: "Complaint", day: "5", month: "1", year: "2026", service: "Children’s social care", name: "Leah Brown", summary: "Social worker changed four times.", procedure: "Children Act 1989 Representations Procedure (England) Regulations 2006" });
  await record(page, "Acknowledged", ["7", "1", "2026"], { "Who will handle this stage?": "Ann Handler" });
  await record(page, "Response sent", ["16", "1", "2026"], { outcome: "Not upheld" });
  await record(page, "Next stage asked for", ["2", "2", "2026"], {
    "Who will handle this stage?": "Ian Investigator",
    "Investigating officer (optional)": "Ian Investigator",
    "Independent person (optional)": "Pat Independent",
  });
  await expect(page.getByRole("definition").filter({ hasText: "Pat Independent" })).toBeVisible();
  await record(page, "Complaint statement agreed", ["9", "2", "2026"]);
  await record(page, "Response sent", ["9", "3", "2026"], { outcome: "Partially upheld" });
  await record(page, "Next stage asked for", ["16", "3", "2026"], { "Who will handle this stage?": "Panel chair" });
  await record(page, "Review panel held", ["21", "4", "2026"]);
  await record(page, "Panel’s findings issued", ["28", "4", "2026"]);
  await record(page, "Response sent", ["15", "5", "2026"], { outcome: "Upheld" });
  await page.reload();
  const deadlines = page.getByRole("region", { name: "Deadlines" });
  await expect(deadlines.getByRole("term").filter({ hasText: "Stage 3 panel meets" })).toBeVisible();
  const row = (label: string) => deadlines.getByRole("term").filter({ hasText: new RegExp(`^${label.replace(/[()]/g, "\\$&")}$`) }).locator("xpath=following-sibling::dd[1]");
  await expect(row("Stage 3 panel meets")).toContainText("Met");
  await expect(row("Stage 3 panel’s findings")).toContainText("Met");
  await expect(row("Stage 3 council’s response")).toContainText("Met");
  await expect(row("Last day to ask for stage 3 (review panel)")).toContainText("Requested in time");
  await expect(page.getByRole("heading", { level: 3, name: "Stage 3 (review panel)" })).toBeVisible();

  // The person's feedback on the handling.
  await page.getByText("Record their feedback").click();
  await fillDate(page, "Date of the feedback", "20", "5", "2026");
  await page.getByRole("radio", { name: "Partly" }).check();
  await page.getByRole("textbox", { name: "What they said (optional)" }).fill("Slow at first, good in the end.");
  await page.getByRole("button", { name: "Save feedback" }).click();
  await expect(page.getByText("Wed 20 May 2026: satisfied with the handling? Partly. Slow at first, good in the end.")).toBeVisible();
});

test("a casework form sent back marks only the date box at fault, sums up its problems and says 'added' only once saved", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-03-10T10:00:00"));
  await page.goto("/");
  await createRecord(page, workedExample);
  await page.getByText("Add an action").click();
  await page.getByRole("textbox", { name: "What will be done" }).fill("Brief the parking team");
  await page.getByRole("combobox", { name: "Who is responsible" }).fill("Cal Officer");
  await fillDate(page, "Due by", "1", "13", "2026");
  await page.getByRole("button", { name: "Add action" }).click();

  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  // GOV.UK's summary takes the focus as a whole (the box around its alert).
  await expect(summary.locator("xpath=..")).toBeFocused();
  const due = page.getByRole("group", { name: "Due by", exact: true });
  await expect(due.getByLabel("Month")).toHaveClass(/govuk-input--error/);
  await expect(due.getByLabel("Day")).not.toHaveClass(/govuk-input--error/);
  await expect(due.getByLabel("Year")).not.toHaveClass(/govuk-input--error/);
  // The summary's link takes the person to the box at fault.
  await summary.getByRole("link").first().click();
  await expect(due.getByLabel("Month")).toBeFocused();
  // Nothing typed was lost.
  await expect(page.getByRole("textbox", { name: "What will be done" })).toHaveValue("Brief the parking team");

  await due.getByLabel("Month").fill("3");
  await page.getByRole("button", { name: "Add action" }).click();
  await expect(page.getByText("Action added.")).toBeVisible();
  await expect(summary).toHaveCount(0);
  await expect(page.getByRole("term").filter({ hasText: "Brief the parking team" })).toBeVisible();
});
