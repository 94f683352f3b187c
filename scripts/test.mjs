#!/usr/bin/env node
// `npm test`: type checks, lint, unit and integration tests (Vitest, real PostgreSQL), then
// browser journeys (Playwright + Debian's Chromium). Ends with one summary line.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const reports = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-test-reports-"));
const skipE2e = process.argv.includes("--no-e2e");
let passed = 0;
let failed = 0;
const failures = [];

function step(name, cmd, args, env = {}) {
  process.stderr.write(`\n▶ ${name}\n`);
  const t = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  process.stderr.write(`  ${name}: ${r.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
  if (r.status !== 0) failures.push(name);
  return r.status === 0;
}

const npx = (bin) => path.join(root, "node_modules", ".bin", bin);

step("type check: contract and server", npx("tsc"), ["-p", "apps/server", "--noEmit"]);
step("type check: web", npx("tsc"), ["-p", "apps/web", "--noEmit"]);
step("type check: e2e", npx("tsc"), ["-p", "e2e", "--noEmit"]);
step("lint", npx("biome"), ["check", "."]);

const vitestJson = path.join(reports, "vitest.json");
step("unit and integration tests", npx("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
if (fs.existsSync(vitestJson)) {
  const r = JSON.parse(fs.readFileSync(vitestJson, "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
}

if (!skipE2e) {
  if (step("build the web app", "npm", ["run", "build", "--silent"])) {
    const pwJson = path.join(reports, "playwright.json");
    step("browser journeys", npx("playwright"), ["test", "-c", "e2e/playwright.config.ts"], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
    });
    if (fs.existsSync(pwJson)) {
      const r = JSON.parse(fs.readFileSync(pwJson, "utf8"));
      passed += r.stats.expected + r.stats.flaky;
      failed += r.stats.unexpected;
    }
  }
}

fs.rmSync(reports, { recursive: true, force: true });
if (failures.length) process.stderr.write(`\nFailed steps: ${failures.join(", ")}\n`);
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failures.length || failed ? 1 : 0);
