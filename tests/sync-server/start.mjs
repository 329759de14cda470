// Starts pouchdb-server in memory on 127.0.0.1 at the port given, for the team sync journeys,
// with its config and log in a directory of their own that goes when it stops.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const port = process.argv[2] ?? "8082";
const here = path.dirname(fileURLToPath(import.meta.url));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "redress-couch-"));
const server = spawn(
  path.join(here, "node_modules", ".bin", "pouchdb-server"),
  ["--in-memory", "--host", "127.0.0.1", "--port", port, "--dir", dir, "--config", path.join(dir, "config.json"), "--no-stdout-logs"],
  { cwd: dir, stdio: "inherit" },
);
const stop = () => {
  server.kill();
  fs.rmSync(dir, { recursive: true, force: true });
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", (code) => {
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
