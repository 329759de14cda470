// Starts pouchdb-server on 127.0.0.1 at the port given, for the team sync journeys: in memory,
// with its config and log in a directory of its own that goes when it stops; or, with
// `--on-disk DIR`, keeping its databases in DIR (jsondown, a LevelDOWN that writes plain files)
// so a journey can stop it mid-sync and start it again with everything it had.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const port = process.argv[2] ?? "8082";
const onDisk = process.argv[3] === "--on-disk" ? process.argv[4] : undefined;
const here = path.dirname(fileURLToPath(import.meta.url));
const dir = onDisk ?? fs.mkdtempSync(path.join(os.tmpdir(), "redress-couch-"));
fs.mkdirSync(dir, { recursive: true });
const store = onDisk ? ["--level-backend", "jsondown"] : ["--in-memory"];
const server = spawn(
  path.join(here, "node_modules", ".bin", "pouchdb-server"),
  [...store, "--host", "127.0.0.1", "--port", port, "--dir", dir, "--config", path.join(dir, "config.json"), "--no-stdout-logs"],
  { cwd: dir, stdio: "inherit" },
);
const forget = () => {
  if (!onDisk) fs.rmSync(dir, { recursive: true, force: true });
};
const stop = () => {
  server.kill();
  forget();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", (code) => {
  forget();
  process.exit(code ?? 0);
});
