import fs from "node:fs";
import path from "node:path";
import { customersBench } from "./customers.bench.js";
import { ROOT } from "./lib.js";
import { salesBench } from "./sales.bench.js";
import { startupBench } from "./startup.bench.js";

/**
 * `npm run bench [-- suite…]`: runs the named suites (default: all) and writes the figures
 * to bench/out/results.json. docs/benchmarks.md explains each and records the latest.
 */
const suites: Record<string, () => Promise<unknown>> = {
  startup: () => startupBench(),
  customers: () => customersBench(),
  sales: () => salesBench(),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const results: Record<string, unknown> = {
  machine: { cpus: (await import("node:os")).cpus().length, node: process.version },
  at: new Date().toISOString(),
};
for (const name of wanted.length ? wanted : Object.keys(suites)) {
  const suite = suites[name];
  if (!suite) throw new Error(`unknown suite ${name}; known: ${Object.keys(suites).join(", ")}`);
  process.stderr.write(`bench: ${name}…\n`);
  results[name] = await suite();
  process.stdout.write(`${JSON.stringify({ [name]: results[name] }, null, 2)}\n`);
}
const out = path.join(ROOT, "bench/out");
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, "results.json"), JSON.stringify(results, null, 2));
