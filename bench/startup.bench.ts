import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { median, memoryOf, postgresPids, startServer } from "./lib.js";

/**
 * Issue 2: cold start (cluster creation, migrations, demo seed) and warm restart to a
 * healthy /healthz, and the idle memory of the server and PostgreSQL together.
 */
export async function startupBench(runs = 3) {
  const cold: number[] = [];
  const warm: number[] = [];
  let memory = { rssMb: 0, pssMb: 0 };
  for (let i = 0; i < runs; i++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-bench-start-"));
    const port = 3700 + i;
    const first = await startServer(dir, port);
    cold.push(first.ms);
    await first.stop();
    for (let j = 0; j < 2; j++) {
      const again = await startServer(dir, port);
      warm.push(again.ms);
      if (i === runs - 1 && j === 1) {
        await new Promise((r) => setTimeout(r, 5000));
        memory = memoryOf([again.proc.pid as number, ...postgresPids(dir)]);
      }
      await again.stop();
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return {
    coldStartMs: { median: median(cold), runs: cold },
    warmStartMs: { median: median(warm), runs: warm },
    idleMemory: memory,
  };
}
