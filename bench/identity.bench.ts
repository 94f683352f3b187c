import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import anyAscii from "any-ascii";
import { sql } from "kysely";
import pg from "pg";
import { v7 as uuidv7 } from "uuid";
import { FIRST_NAMES, LAST_NAMES } from "../apps/server/src/modules/demo/names.js";
import { createWorkspace } from "../apps/server/src/modules/iam/index.js";
import { scanWorkspace } from "../apps/server/src/modules/identity/index.js";
import { loadConfig } from "../apps/server/src/platform/config.js";
import { openDatabase } from "../apps/server/src/platform/db/connection.js";
import { createLogger } from "../apps/server/src/platform/logging/logger.js";
import { memoryOf, postgresPids, ROOT } from "./lib.js";

/**
 * Issue 4: duplicate detection over a generated workspace with known duplicates.
 *
 * The set (seeded PRNG, so every run generates the same people):
 * - BENCH_IDENTITY_PEOPLE people (default 1,000,000), of which 5 % are duplicates of another
 *   person, each of a different original (so the true pairs are exactly (original, copy)).
 * - Originals: given names from 270 common names (English and international), surnames
 *   30 % from 1,000 common surnames and 70 % built from three syllables (≈ 27,000 rarer
 *   surnames: a real population's long tail); 3 % are Russian names written in Cyrillic.
 *   Each has a unique email (first.last.N@ one of 6 domains, a third on gmail.com), a
 *   unique E.164 phone for 60 %, and a company for 60 % (20,000 companies).
 * - A copy changes its name in one way: unchanged (20 %), upper/lower case (10 %),
 *   nickname swap (Robert → Bob, 20 %; a typo when the name has none), surname typo
 *   (adjacent swap, dropped or doubled letter, 20 %), given-name typo (10 %), initial only
 *   (10 %), or transliteration (10 %: Cyrillic originals written in Latin, others accented).
 *   It keeps some evidence: the same mailbox written differently (case, dots in Gmail,
 *   +tag; 40 %), the same phone (25 %; phones are stored E.164 by every write path, so
 *   format variants are already equal), the company under a variant name ("Acme" /
 *   "ACME Inc.", a different company record; 15 %), or an email with a typo (10 %); 10 %
 *   keep both email and phone. Everything else (title, dates) is regenerated.
 * - Hard negatives (not duplicates): 1 % are relatives sharing a phone with someone of the
 *   same surname but another given name; 0.5 % share a team inbox (info@company) in
 *   groups of 3–40 with unrelated names.
 * Precision = proposed true pairs / proposed pairs; recall = proposed true pairs / true pairs.
 */
const PEOPLE = Number(process.env.BENCH_IDENTITY_PEOPLE ?? 1_000_000);
/** Linux clock ticks per second (USER_HZ) for /proc/<pid>/stat times. */
const TICKS = 100;
const DATA_DIR = process.env.BENCH_DATA_DIR ?? path.join(ROOT, "data-bench-identity");
const BATCH = 10_000;

/** Mulberry32: a small seeded PRNG, so the generated set is the same on every run. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = prng(42);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;

const SYLLABLES =
  "ber,kan,dor,mel,tis,ran,vol,gar,sen,lin,mor,hal,den,fer,wick,ton,ley,ham,ford,stein,bach,ski,nov,ova,ler,man,son,ter,ver,zan".split(",");
const CYR_FIRST = ["Дмитрий", "Алексей", "Сергей", "Наталья", "Ольга", "Екатерина", "Михаил", "Иван", "Татьяна", "Юрий", "Андрей", "Мария"];
const CYR_LAST = [
  "Иванов",
  "Смирнов",
  "Кузнецов",
  "Попов",
  "Соколов",
  "Лебедев",
  "Козлов",
  "Новиков",
  "Морозов",
  "Петров",
  "Волков",
  "Соловьёв",
  "Васильев",
  "Зайцев",
  "Павлов",
  "Семёнов",
  "Голубев",
  "Виноградов",
  "Богданов",
  "Воробьёв",
];
const NICK: Record<string, string[]> = {
  Robert: ["Bob", "Rob", "Bobby"],
  William: ["Bill", "Will", "Billy"],
  Elizabeth: ["Liz", "Beth", "Betty"],
  Margaret: ["Maggie", "Peggy"],
  Michael: ["Mike", "Mick"],
  James: ["Jim", "Jimmy"],
  Richard: ["Rick", "Dick"],
  Thomas: ["Tom", "Tommy"],
  Katherine: ["Kate", "Kathy"],
  Catherine: ["Cathy", "Kate"],
  Christopher: ["Chris"],
  Jennifer: ["Jen", "Jenny"],
  Joseph: ["Joe", "Joey"],
  Daniel: ["Dan", "Danny"],
  Matthew: ["Matt"],
  Anthony: ["Tony"],
  Andrew: ["Andy", "Drew"],
  Edward: ["Ed", "Ted"],
  Alexander: ["Alex"],
  Samuel: ["Sam"],
  Nicholas: ["Nick"],
  Patricia: ["Pat", "Trish"],
  Susan: ["Sue"],
  Deborah: ["Debbie"],
  Jonathan: ["Jon"],
  Benjamin: ["Ben"],
  Timothy: ["Tim"],
  Stephen: ["Steve"],
  Kenneth: ["Ken"],
  Victoria: ["Vicky"],
  Rebecca: ["Becky"],
  Dorothy: ["Dot"],
  Ronald: ["Ron"],
  Donald: ["Don"],
  Gregory: ["Greg"],
  Lawrence: ["Larry"],
  Samantha: ["Sam"],
  Jessica: ["Jess"],
  Abigail: ["Abby"],
};
const DOMAINS = ["gmail.com", "gmail.com", "outlook.example", "mail.example", "work.example", "corp.example"];
const SUFFIXES = ["", " Inc", " Ltd", " GmbH", " LLC", " Corp"];

type Person = {
  id: string;
  first: string;
  last: string;
  emails: string[];
  phones: string[];
  company: number | null;
  created: number;
  kind?: string;
};

function surname() {
  if (rnd() < 0.3) return pick(LAST_NAMES);
  const s = pick(SYLLABLES) + pick(SYLLABLES) + pick(SYLLABLES);
  return s[0]?.toUpperCase() + s.slice(1);
}
function typo(s: string) {
  if (s.length < 3) return `${s}${s.slice(-1)}`;
  const i = 1 + Math.floor(rnd() * (s.length - 2));
  const r = rnd();
  if (r < 0.4) return s.slice(0, i) + (s[i + 1] ?? "") + s[i] + s.slice(i + 2);
  if (r < 0.7) return s.slice(0, i) + s.slice(i + 1);
  return s.slice(0, i) + s[i] + s.slice(i);
}
function emailVariant(e: string) {
  const [local, domain] = e.split("@") as [string, string];
  const r = rnd();
  if (domain === "gmail.com" && r < 0.4) return `${local.replace(/\./g, "")}@${domain}`;
  if (r < 0.7) return `${local}+crm@${domain}`;
  return e; // case is folded by every write path: the stored value is the same
}
const ACCENT: Record<string, string> = { e: "é", a: "á", o: "ö", u: "ü", i: "í", n: "ñ" };
function accented(s: string) {
  return s.replace(/[aeioun]/, (c) => ACCENT[c] ?? c);
}
function translit(s: string) {
  return anyAscii(s)
    .replace(/ii$/, rnd() < 0.5 ? "iy" : "y")
    .replace(/iy$/, "y");
}

function mutateName(o: Person): { first: string; last: string; kind: string } {
  const r = rnd();
  const cyrillic = /[а-яё]/i.test(o.first);
  if (r < 0.2) return { first: o.first, last: o.last, kind: "same name" };
  if (r < 0.3)
    return rnd() < 0.5
      ? { first: o.first.toUpperCase(), last: o.last.toUpperCase(), kind: "case" }
      : { first: o.first.toLowerCase(), last: o.last, kind: "case" };
  if (r < 0.5) {
    const n = NICK[o.first];
    return n ? { first: pick(n), last: o.last, kind: "nickname" } : { first: typo(o.first), last: o.last, kind: "given-name typo" };
  }
  if (r < 0.7) return { first: o.first, last: typo(o.last), kind: "surname typo" };
  if (r < 0.8) return { first: typo(o.first), last: o.last, kind: "given-name typo" };
  if (r < 0.9) return { first: `${o.first[0]}.`, last: o.last, kind: "initial" };
  return cyrillic
    ? { first: translit(o.first), last: translit(o.last), kind: "transliteration" }
    : { first: o.first, last: accented(o.last), kind: "accents" };
}

async function insertPeople(db: Parameters<typeof scanWorkspace>[0], ws: string, people: Person[], companyIds: string[]) {
  await sql`INSERT INTO contacts (workspace_id, id, first_name, last_name, emails, phones, source, created_at, updated_at)
            SELECT ${ws}::uuid, id, f, l, string_to_array(e, ' '), string_to_array(p, ' '), 'bench', to_timestamp(t), to_timestamp(t)
              FROM unnest(${people.map((p) => p.id)}::uuid[], ${people.map((p) => p.first)}::text[], ${people.map((p) => p.last)}::text[],
                          ${people.map((p) => p.emails.join(" "))}::text[], ${people.map((p) => p.phones.join(" "))}::text[],
                          ${people.map((p) => p.created)}::float8[]) AS x(id, f, l, e, p, t)`.execute(db);
  const linked = people.filter((p) => p.company !== null);
  if (linked.length > 0) {
    await sql`INSERT INTO contact_companies (workspace_id, contact_id, company_id, is_primary)
              SELECT ${ws}::uuid, c, co, true FROM unnest(${linked.map((p) => p.id)}::uuid[],
                ${linked.map((p) => companyIds[p.company as number])}::uuid[]) AS x(c, co)`.execute(db);
  }
}

/**
 * CPU seconds used by PostgreSQL so far: every live server process, plus the children that
 * have exited (the postmaster's cutime/cstime). Unlike wall time, it does not grow when
 * other engineers' work shares the two cores.
 */
function postgresCpuSeconds(): number {
  let ticks = 0;
  try {
    const pids = postgresPids(DATA_DIR);
    for (const pid of pids) {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      ticks += Number(fields[11]) + Number(fields[12]);
      if (pid === pids[0]) ticks += Number(fields[13]) + Number(fields[14]);
    }
  } catch {
    // a process exited between the listing and the read: counted by the next sample
  }
  return ticks / TICKS;
}

export async function identityBench() {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const config = loadConfig({ ...process.env, RAPPORT_DATA_DIR: DATA_DIR, LOG_LEVEL: "warn" });
  const database = await openDatabase(config, createLogger("warn", "stderr"), {
    migrate: true,
    poolSize: 4,
    applicationName: "rapport-bench",
  });
  const { db } = database;
  try {
    const slug = `identity-${PEOPLE}`;
    const old = await db.selectFrom("workspaces").select("id").where("slug", "=", slug).executeTakeFirst();
    if (old) {
      // A million people of an earlier run: the runtime pool's statement timeout is far too
      // short for the cascade, so the tables this bench fills are emptied first, in bulk, on
      // the admin connection without a timeout.
      const admin = new pg.Client(database.adminConnection);
      await admin.connect();
      const d0 = performance.now();
      try {
        await admin.query("SET statement_timeout = 0");
        for (const table of [
          "identity_match_keys",
          "duplicate_candidates",
          "contact_identities",
          "contact_companies",
          "contacts",
          "companies",
        ]) {
          await admin.query(`DELETE FROM ${table} WHERE workspace_id = $1`, [old.id]);
        }
        await admin.query("DELETE FROM workspaces WHERE id = $1", [old.id]);
      } finally {
        await admin.end();
      }
      process.stderr.write(`  identity bench: removed the earlier ${slug} in ${Math.round(performance.now() - d0)} ms\n`);
    }
    const ws = (await db.transaction().execute((tx) => createWorkspace(tx, { slug, name: "Identity bench" }))).id;

    // Companies: 20,000, each with a variant spelling used by some duplicates.
    const genStart = performance.now();
    const COMPANIES = Math.max(100, Math.round(PEOPLE / 50));
    const companyNames = Array.from(
      { length: COMPANIES },
      (_, i) => `${surname()} ${pick(["Systems", "Foods", "Logistics", "Partners", "Labs", "Works"])} ${i}`,
    );
    const companyIds = companyNames.map(() => uuidv7());
    const variantIds = companyNames.map(() => uuidv7());
    for (let i = 0; i < COMPANIES; i += BATCH) {
      const ids = [...companyIds.slice(i, i + BATCH), ...variantIds.slice(i, i + BATCH)];
      const names = [
        ...companyNames.slice(i, i + BATCH),
        ...companyNames.slice(i, i + BATCH).map((n) => `${n.toUpperCase()}${pick(SUFFIXES)}`),
      ];
      await sql`INSERT INTO companies (workspace_id, id, name) SELECT ${ws}::uuid, id, n FROM unnest(${ids}::uuid[], ${names}::text[]) AS x(id, n)`.execute(
        db,
      );
    }

    // Originals, then copies of 5 % of them, then the hard negatives; truth = (original, copy).
    const DUPES = Math.round(PEOPLE * 0.05);
    const RELATIVES = Math.round(PEOPLE * 0.01);
    const INBOX = Math.round(PEOPLE * 0.005);
    const ORIGINALS = PEOPLE - DUPES - RELATIVES - INBOX;
    const truth = new Set<string>();
    const truthOfCopy = new Map<string, string>();
    const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
    const originals: Person[] = [];
    let created = Date.parse("2024-01-01") / 1000;
    const nextPhone = (() => {
      let n = 2_000_000;
      return () => `+1415${String(n++).padStart(7, "0")}`;
    })();
    for (let i = 0; i < ORIGINALS; i++) {
      const cyr = rnd() < 0.03;
      const first = cyr ? pick(CYR_FIRST) : pick(FIRST_NAMES);
      const last = cyr ? pick(CYR_LAST) : surname();
      const local = `${anyAscii(first)}.${anyAscii(last)}.${i}`.toLowerCase().replace(/[^a-z0-9.]/g, "");
      originals.push({
        id: uuidv7(),
        first,
        last,
        emails: [`${local}@${pick(DOMAINS)}`],
        phones: rnd() < 0.6 ? [nextPhone()] : [],
        company: rnd() < 0.6 ? Math.floor(rnd() * COMPANIES) : null,
        created: created++,
      });
    }
    // Copies: 5 % of the set, each of a different original.
    const chosen = new Set<number>();
    while (chosen.size < DUPES) chosen.add(Math.floor(rnd() * ORIGINALS));
    const copies: Person[] = [];
    let variantCompanies = 0;
    for (const idx of chosen) {
      const o = originals[idx] as Person;
      const name = mutateName(o);
      const r = rnd();
      const copy: Person = { id: uuidv7(), first: name.first, last: name.last, emails: [], phones: [], company: null, created: created++ };
      let evidence = "";
      const otherEmail = () =>
        `${
          anyAscii(name.first)
            .toLowerCase()
            .replace(/[^a-z]/g, "") || "x"
        }${copies.length}@other.example`;
      const sameMailbox = () => {
        copy.emails = [emailVariant(o.emails[0] as string)];
        evidence = "email";
      };
      if (r < 0.4) sameMailbox();
      else if (r < 0.65) {
        if (o.phones.length) {
          copy.phones = [...o.phones];
          copy.emails = [otherEmail()];
          evidence = "phone";
        } else sameMailbox();
      } else if (r < 0.8) {
        if (o.company !== null) {
          copy.emails = [otherEmail()];
          copy.company = -1 - o.company; // the variant company record
          variantCompanies++;
          evidence = "company variant";
        } else sameMailbox();
      } else if (r < 0.9) {
        const [local, domain] = (o.emails[0] as string).split("@") as [string, string];
        copy.emails = [`${typo(local)}@${domain}`];
        evidence = "email typo";
      } else {
        sameMailbox();
        copy.phones = [...o.phones];
        evidence = "email+phone";
      }
      copy.kind = `${name.kind} / ${evidence}`;
      copies.push(copy);
      const key = pairKey(o.id, copy.id);
      truth.add(key);
      truthOfCopy.set(copy.id, key);
    }
    // Hard negatives: relatives (same surname and phone, another given name), team inboxes.
    const negatives: Person[] = [];
    for (let i = 0; i < RELATIVES; i++) {
      let o = pick(originals);
      while (o.phones.length === 0) o = pick(originals);
      let first = pick(FIRST_NAMES);
      while (first === o.first) first = pick(FIRST_NAMES);
      negatives.push({
        id: uuidv7(),
        first,
        last: o.last,
        emails: [`${first.toLowerCase()}.${i}@family.example`],
        phones: [...o.phones],
        company: null,
        created: created++,
      });
    }
    for (let i = 0; i < INBOX; ) {
      const size = 3 + Math.floor(rnd() * 38);
      const inbox = `info${i}@team.example`;
      for (let j = 0; j < size && i < INBOX; j++, i++) {
        negatives.push({
          id: uuidv7(),
          first: pick(FIRST_NAMES),
          last: surname(),
          emails: [inbox],
          phones: [],
          company: null,
          created: created++,
        });
      }
    }
    const everyone = [...originals, ...copies, ...negatives];
    const resolveCompany = (p: Person) => (p.company === null ? null : p.company >= 0 ? p.company : -1 - p.company);
    for (let i = 0; i < everyone.length; i += BATCH) {
      const batch = everyone.slice(i, i + BATCH);
      const plain = batch.map((p) => ({ ...p, company: resolveCompany(p) }));
      await insertPeople(db, ws, plain, companyIds);
      // Copies on a variant company: re-point their link at the variant record.
      const onVariant = batch.filter((p) => p.company !== null && p.company < 0);
      if (onVariant.length > 0) {
        await sql`UPDATE contact_companies cc SET company_id = v.co FROM unnest(${onVariant.map((p) => p.id)}::uuid[],
                    ${onVariant.map((p) => variantIds[-1 - (p.company as number)])}::uuid[]) AS v(c, co)
                   WHERE cc.workspace_id = ${ws}::uuid AND cc.contact_id = v.c`.execute(db);
      }
      if ((i / BATCH) % 10 === 0) process.stderr.write(`  identity bench: ${i + batch.length}/${everyone.length} people\n`);
    }
    const admin = new pg.Client(database.adminConnection);
    await admin.connect();
    await admin.query("ANALYZE contacts; ANALYZE contact_companies; ANALYZE companies");
    const generateMs = Math.round(performance.now() - genStart);
    await admin.end();
    originals.length = 0;

    // Baseline, same run: one paged read of every person (what any detection must at least do).
    const b0 = performance.now();
    for (let after = "00000000-0000-0000-0000-000000000000"; ; ) {
      const page = await sql<{ id: string }>`SELECT id, first_name, last_name, emails, phones FROM contacts
          WHERE workspace_id = ${ws}::uuid AND id > ${after}::uuid AND deleted_at IS NULL ORDER BY id LIMIT 20000`.execute(db);
      if (page.rows.length === 0) break;
      after = page.rows[page.rows.length - 1]?.id as string;
    }
    const baselineReadMs = Math.round(performance.now() - b0);
    const loadBefore = os.loadavg()[0];

    // The measured part: the full detection job, as the worker runs it.
    let peakNodeMb = 0;
    let peakPgMb = 0;
    const sample = () => {
      peakNodeMb = Math.max(peakNodeMb, process.memoryUsage().rss / 1024 / 1024);
      try {
        peakPgMb = Math.max(peakPgMb, memoryOf(postgresPids(DATA_DIR)).pssMb);
      } catch {
        // external database: not measured
      }
    };
    const timer = setInterval(sample, 500);
    const nodeCpu0 = process.cpuUsage();
    const pgCpu0 = postgresCpuSeconds();
    const t0 = performance.now();
    const result = await scanWorkspace(db, ws, async (p) => {
      if (p.phase !== "keys" || p.processed % 200_000 === 0) process.stderr.write(`  scan: ${p.phase} ${p.processed}/${p.total}\n`);
    });
    const totalMs = Math.round(performance.now() - t0);
    const nodeCpu = process.cpuUsage(nodeCpu0);
    const pgCpuS = postgresCpuSeconds() - pgCpu0;
    clearInterval(timer);
    sample();

    // Precision and recall against the known pairs.
    const found = await sql<{
      a: string;
      b: string;
      reasons: string[];
    }>`SELECT contact_a AS a, contact_b AS b, reasons FROM duplicate_candidates
        WHERE workspace_id = ${ws}::uuid AND status = 'open'`.execute(db);
    let tp = 0;
    const foundKeys = new Set<string>();
    const falsePositiveReasons: Record<string, number> = {};
    for (const r of found.rows) {
      const k = pairKey(r.a, r.b);
      foundKeys.add(k);
      if (truth.has(k)) tp++;
      else falsePositiveReasons[r.reasons.join("+")] = (falsePositiveReasons[r.reasons.join("+")] ?? 0) + 1;
    }
    const missedByKind: Record<string, number> = {};
    for (const c of copies) {
      if (!foundKeys.has(truthOfCopy.get(c.id) as string)) missedByKind[c.kind as string] = (missedByKind[c.kind as string] ?? 0) + 1;
    }
    return {
      people: everyone.length,
      truePairs: truth.size,
      copiesOnVariantCompany: variantCompanies,
      generateMs,
      baselineReadAllPeopleMs: baselineReadMs,
      loadAverage1m: { before: loadBefore, after: os.loadavg()[0], cpus: os.cpus().length },
      detection: { totalMs, phasesMs: result.ms, pairsCompared: result.pairs, proposed: result.candidates },
      // Node's figure includes this bench's memory sampler (a `ps` every 0.5 s).
      cpuSeconds: {
        node: Math.round((nodeCpu.user + nodeCpu.system) / 100_000) / 10,
        postgres: Math.round(pgCpuS * 10) / 10,
      },
      precision: Math.round((tp / Math.max(1, found.rows.length)) * 10_000) / 10_000,
      recall: Math.round((tp / truth.size) * 10_000) / 10_000,
      memory: { nodePeakRssMb: Math.round(peakNodeMb), postgresPeakPssMb: Math.round(peakPgMb) },
      falsePositiveReasons,
      missedByKind,
    };
  } finally {
    await database.close();
  }
}
