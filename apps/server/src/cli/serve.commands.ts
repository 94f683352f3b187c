import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { type Role, startApp } from "../app.js";
import { loadConfig } from "../platform/config.js";
import { createLogger } from "../platform/logging/logger.js";

const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../web");

/** Builds the web app when it has never been built (first `npm start` after `npm install`). */
function ensureWebBuilt() {
  if (fs.existsSync(path.join(WEB_DIR, "dist", "index.html"))) return;
  process.stderr.write("Building the web app (first start only)…\n");
  execFileSync(
    process.execPath,
    [path.join(WEB_DIR, "..", "..", "node_modules", "vite", "bin", "vite.js"), "build", "--logLevel", "warn"],
    {
      cwd: WEB_DIR,
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
}

async function run(roles: Role[], opts: { banner: boolean }) {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  if (roles.includes("api") && config.serveWeb) ensureWebBuilt();
  const app = await startApp(config, log, roles);
  if (opts.banner) {
    const url = (config.publicUrl ?? app.url ?? "").replace("127.0.0.1", "localhost");
    const lines = [
      "",
      `  Rapport is running at ${url}`,
      ...(app.demo ? [`  Demo sign-in: ${app.demo.email} / ${app.demo.password}`] : []),
      `  Data directory: ${app.database.embedded ? config.dataDir : "external PostgreSQL (DATABASE_URL)"}`,
      "  Press Ctrl+C to stop.",
      "",
    ];
    process.stderr.write(`${lines.join("\n")}\n`);
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    await app.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

export function registerServeCommands(program: Command) {
  program
    .command("start")
    .description("run the API and the worker in one process (what `npm start` does)")
    .action(() => run(["api", "worker"], { banner: true }));
  program
    .command("serve")
    .description("run the API only (run as many copies as needed)")
    .action(() => run(["api"], { banner: true }));
  program
    .command("worker")
    .description("run the worker only: events, jobs and schedules")
    .action(() => run(["worker"], { banner: false }));
}
