// End-to-end and accessibility tests: Debian's Chromium against the release build in dist/,
// served on loopback exactly as `scripts/serve.sh` serves it.
import { defineConfig } from "@playwright/test";

// Another port with REDRESS_E2E_PORT, so two checkouts can run their journeys side by side.
const port = Number(process.env.REDRESS_E2E_PORT ?? 8081);
const syncPort = port + 1;

export default defineConfig({
  testDir: "tests/e2e",
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  // Long journeys on a busy two-core machine (CI shares it with the build): generous, so a slow
  // moment is not a failure; a real failure still shows in the step that waited.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
      ],
    },
  },
  webServer: [
    {
      command: `python3 scripts/serve.py --port ${port} --directory dist`,
      url: `http://127.0.0.1:${port}/`,
      env: { REDRESS_SERVE_QUIET: "1" },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    // The team's CouchDB for the sync journeys: pouchdb-server, in memory, on loopback, started
    // here and stopped when the run ends (tests/e2e/sync.spec.ts; its port is the app's + 1).
    {
      command: `node tests/sync-server/start.mjs ${syncPort}`,
      url: `http://127.0.0.1:${syncPort}/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
