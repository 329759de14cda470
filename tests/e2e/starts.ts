// Imported by every spec: after each test, whatever it stored, the app still starts.
import { expect, test } from "@playwright/test";

test.afterEach(async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
});
