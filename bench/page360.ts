import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { PreparingClient } from "../apps/server/src/platform/db/prepared-statements.js";
import { BENCH_SERVER_ENV, BIN, median, percentile, ROOT, startServer } from "./lib.js";

/**
 * The 360° page of a person as the web app loads it on open (apps/web RecordPage and every
 * panel registered for people, recorded from headless Chromium on the demo): the record, its
 * summary (header counts), the first timeline page, the deals panel (the person's deals and
 * the pipelines they are drawn with), possible duplicates, open tasks, custom field
 * definitions, documents and the change history (admins: audit.read). The app shell's own
 * requests (/me, notifications, task counts, the event stream, the user directory it caches
 * for 5 minutes) are not part of the page.
 */
export function personPageRequests(person: string): { name: string; path: string }[] {
  const id = encodeURIComponent(person);
  return [
    { name: "record", path: `/api/v1/contacts/${id}` },
    { name: "summary", path: `/api/v1/contacts/${id}/summary` },
    { name: "timeline", path: `/api/v1/contacts/${id}/timeline?limit=15` },
    { name: "deals", path: `/api/v1/deals?limit=50&filter%5BcontactId%5D%5Beq%5D=${id}` },
    { name: "pipelines", path: "/api/v1/pipelines?archived=all" },
    { name: "duplicates", path: `/api/v1/contacts/${id}/duplicates` },
    {
      name: "tasks",
      path: `/api/v1/tasks?filter%5BlinkedType%5D%5Beq%5D=contact&filter%5BlinkedId%5D%5Beq%5D=${id}&filter%5Bstatus%5D%5Beq%5D=open&sort=due&limit=50`,
    },
    { name: "customFields", path: "/api/v1/custom-fields?objectType=contact" },
    { name: "documents", path: `/api/v1/contacts/${id}/documents?limit=50` },
    { name: "history", path: `/api/v1/audit?limit=15&entityId=${id}` },
  ];
}

export type Statement = { text: string; values: (string | null)[] };
/** A request's statements in the order sent; the statements of one wave were in flight together. */
export type Waves = Statement[][];

/**
 * The statements the server sends for each request, recorded by a second `rapport start` of
 * the same checkout on the same cluster with bench/record-sql.mjs preloaded (it is never
 * timed). Each request is sent `warm` times first so that what a steady server remembers
 * (verified API keys, definitions) is remembered, then once more and recorded.
 */
export async function recordStatements(opts: {
  dataDir: string;
  port: number;
  headers: Record<string, string>;
  paths: string[];
  warm?: number;
}): Promise<Map<string, Waves>> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "rapport-record-")), "sql.jsonl");
  const server = await startServer(
    opts.dataDir,
    opts.port,
    { ...BENCH_SERVER_ENV, RECORD_SQL_SERVER_DIR: path.resolve(path.dirname(BIN), ".."), RECORD_SQL_FILE: file },
    { nodeArgs: ["--import", path.join(ROOT, "bench/record-sql.mjs")] },
  );
  try {
    const get = async (p: string) => {
      const res = await fetch(`${server.url}${p}`, { headers: opts.headers });
      if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };
    for (let i = 0; i < (opts.warm ?? 3); i++) for (const p of opts.paths) await get(p);
    fs.writeFileSync(file, "");
    for (const p of opts.paths) await get(p);
  } finally {
    await server.stop();
  }
  type Line = Statement & { url: string; sent: number; answered: number };
  const lines = fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line)
    .sort((a, b) => a.sent - b.sent);
  const byUrl = new Map<string, Waves>(opts.paths.map((p) => [p, []]));
  const waveEnd = new Map<string, number>();
  for (const { url, text, values, sent, answered } of lines) {
    if (values.some((v) => v !== null && typeof v !== "string")) throw new Error(`unexpected non-text parameter in ${text}`);
    const waves = byUrl.get(url);
    if (!waves) continue;
    // Sent before the wave's statements were all answered: it ran beside them.
    const last = waves.at(-1);
    const end = waveEnd.get(url) ?? Number.NEGATIVE_INFINITY;
    const beside = last !== undefined && sent < end;
    if (beside) last.push({ text, values });
    else waves.push([{ text, values }]);
    waveEnd.set(url, beside ? Math.max(end, answered) : answered);
  }
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return byUrl;
}

/**
 * Connection settings like those of the server's pool: the runtime role, the cluster's Unix
 * socket when it has one (decision 0029).
 */
export function runtimeConnection(dataDir: string) {
  const secrets = JSON.parse(fs.readFileSync(path.join(dataDir, "secrets.json"), "utf8")) as { appPassword: string };
  const port = Number(fs.readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[3]);
  const socketDir = path.join(dataDir, "pg-socket");
  return {
    host: fs.existsSync(path.join(socketDir, `.s.PGSQL.${port}`)) ? socketDir : "127.0.0.1",
    port,
    user: "rapport_app",
    password: secrets.appPassword,
    database: "rapport",
  };
}

/** One such connection running parameterised statements as named prepared statements (decision 0014), as the server's. */
export async function replayClient(dataDir: string): Promise<PreparingClient> {
  const client = new PreparingClient(runtimeConnection(dataDir));
  await client.connect();
  return client;
}

type Timing = { p50: number; p95: number };
const round = (x: number) => Math.round(x * 100) / 100;
const timing = (xs: number[]): Timing => ({ p50: round(median(xs)), p95: round(percentile(xs, 95)) });

/**
 * Each request's statements run one after another, those of a wave side by side on as many
 * connections, the requests in page order, `pages` times: per request and per page (all of
 * them) latencies.
 */
export async function timeReplay(clients: PreparingClient[], requests: Waves[], pages: number) {
  const perRequest: number[][] = requests.map(() => []);
  const perPage: number[] = [];
  for (let p = 0; p < pages; p++) {
    const pageStart = performance.now();
    for (const [i, waves] of requests.entries()) {
      const start = performance.now();
      for (const wave of waves) await Promise.all(wave.map((s, k) => clients[k]?.query(s.text, s.values)));
      perRequest[i]?.push(performance.now() - start);
    }
    perPage.push(performance.now() - pageStart);
  }
  return { perRequest: perRequest.map(timing), perPage: timing(perPage) };
}

/** The most statements a request had in flight at once: the connections its replay needs. */
export const widestWave = (requests: Waves[]) => Math.max(1, ...requests.flatMap((waves) => waves.map((w) => w.length)));

/**
 * The page's requests in page order over one keep-alive connection (autocannon, as the other
 * parts), for `durationMs`: per request and per page (the sum of one pass) latencies.
 */
export async function timeApiPages(base: string, headers: Record<string, string>, paths: string[], durationMs: number) {
  const sent: number[] = [];
  const perRequest: number[][] = paths.map(() => []);
  const passes: number[] = [];
  let current = 0;
  let errors = 0;
  let counter = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: 1,
        duration: durationMs / 1000,
        headers,
        requests: [
          {
            setupRequest: (req) => {
              const i = counter++ % paths.length;
              sent.push(i);
              return { ...req, method: "GET", path: paths[i] as string };
            },
          },
        ],
      },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
    // One connection, no pipelining: answers come in the order the requests were set up.
    instance.on("response", (_client, statusCode, _bytes, ms) => {
      const i = sent.shift() as number;
      if (statusCode < 200 || statusCode >= 300) errors++;
      perRequest[i]?.push(ms);
      current += ms;
      if (i === paths.length - 1) {
        passes.push(current);
        current = 0;
      }
    });
  });
  return { pages: passes.length, errors: errors + result.errors, perRequest: perRequest.map(timing), perPage: timing(passes) };
}
