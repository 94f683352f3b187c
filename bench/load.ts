import http from "node:http";
import { median, percentile } from "./lib.js";

export type LoadResult = { requests: number; errors: number; rps: number; p50: number; p95: number; p99: number };

/**
 * A closed-loop load generator on keep-alive connections: `concurrency` workers each send
 * their next request when the previous answer arrived, for `durationMs`.
 */
export async function load(opts: {
  base: string;
  headers: Record<string, string>;
  concurrency: number;
  durationMs: number;
  request: (i: number) => { method?: string; path: string; body?: unknown };
}): Promise<LoadResult> {
  const url = new URL(opts.base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const latencies: number[] = [];
  let errors = 0;
  let counter = 0;
  const end = performance.now() + opts.durationMs;
  const send = (r: { method?: string; path: string; body?: unknown }) =>
    new Promise<number>((resolve) => {
      const body = r.body === undefined ? undefined : JSON.stringify(r.body);
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: r.path,
          method: r.method ?? "GET",
          agent,
          headers: { ...opts.headers, ...(body ? { "content-type": "application/json", "content-length": Buffer.byteLength(body) } : {}) },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.on("error", () => resolve(0));
      if (body) req.write(body);
      req.end();
    });
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (performance.now() < end) {
        const r = opts.request(counter++);
        const s = performance.now();
        const status = await send(r);
        latencies.push(performance.now() - s);
        if (status < 200 || status >= 300) errors++;
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  agent.destroy();
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    requests: latencies.length,
    errors,
    rps: Math.round(latencies.length / elapsed),
    p50: round(median(latencies)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
  };
}

/** Latencies of a function run `n` times one after another (for the direct-SQL baselines). */
export async function timeSerial(n: number, fn: (i: number) => Promise<unknown>) {
  const lat: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    await fn(i);
    lat.push(performance.now() - s);
  }
  const round = (x: number) => Math.round(x * 100) / 100;
  return { p50: round(median(lat)), p95: round(percentile(lat, 95)), p99: round(percentile(lat, 99)) };
}
