import autocannon from "autocannon";
import { median, percentile } from "./lib.js";

export type LoadResult = { requests: number; errors: number; rps: number; p50: number; p95: number; p99: number };

/**
 * A closed-loop load generator on keep-alive connections: `concurrency` connections each send
 * their next request when the previous answer arrived, for `durationMs`.
 *
 * Driven by autocannon (raw sockets, one prebuilt request buffer per request, bodies counted
 * but never parsed) because the generator shares the 2 cores with the server and PostgreSQL:
 * the former `http.request` loop spent as much CPU per request as the bare calibration route,
 * so it measured the client as much as the server. Latencies come from autocannon's per-response
 * event (float ms) so p95 is exact, not read off a histogram.
 */
export async function load(opts: {
  base: string;
  headers: Record<string, string>;
  concurrency: number;
  durationMs: number;
  request: (i: number) => { method?: autocannon.Request["method"]; path: string; body?: unknown };
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let counter = 0;
  let done!: (r: autocannon.Result) => void;
  let failed!: (e: unknown) => void;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    done = resolve;
    failed = reject;
  });
  const options: autocannon.Options = {
    url: opts.base,
    connections: opts.concurrency,
    duration: opts.durationMs / 1000,
    headers: opts.headers,
    requests: [
      {
        // One shared counter across connections, so they don't walk the request list in lockstep.
        setupRequest: (req) => {
          const r = opts.request(counter++);
          if (r.body === undefined) return { ...req, method: r.method ?? "GET", path: r.path };
          return {
            ...req,
            method: r.method ?? "POST",
            path: r.path,
            body: JSON.stringify(r.body),
            headers: { ...req.headers, "content-type": "application/json" },
          };
        },
      },
    ],
  };
  const instance = autocannon(options, (err, result) => (err ? failed(err) : done(result)));
  instance.on("response", (_client, statusCode, _bytes, ms) => {
    latencies.push(ms);
    if (statusCode < 200 || statusCode >= 300) errors++;
  });
  const result = await finished;
  const elapsed = result.duration;
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    requests: latencies.length,
    errors: errors + result.errors,
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
