import { searchEndpoints } from "@rapport/contract";
import { Kysely, PostgresDialect, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../../platform/auth/principal.js";
import type { DB } from "../../platform/db/schema.js";
import { as, createTestWorkspace, startTestApi, type TestApi, type TestWorkspace } from "../../test/harness.js";
import { companySearchResolver } from "../companies/index.js";
import { contactSearchResolver } from "../contacts/index.js";
import { runImport } from "../data-transfer/import/import-job.js";
import { asOn, importStorage, transferApp, uploadImport } from "../data-transfer/test-api.js";
import { dealSearchResolver } from "../deals/index.js";
import { SearchService } from "./search.service.js";
import { VocabularyCache } from "./vocabulary-cache.js";

/**
 * The in-memory vocabulary (decision 0019) across two server copies on one database: a copy
 * that loaded a workspace's vocabulary learns the words another copy (or any writer) adds.
 */
let writer: TestApi;
let reader: TestApi;
let t: TestWorkspace;

beforeAll(async () => {
  writer = await startTestApi();
  reader = await startTestApi();
  t = await createTestWorkspace(writer);
});
afterAll(async () => {
  await writer?.close();
  await reader?.close();
});

async function create(body: Record<string, unknown>) {
  const res = await as(writer, t.users.admin, { method: "POST", url: "/api/v1/contacts", payload: body });
  if (res.statusCode !== 201) throw new Error(`create failed ${res.statusCode}: ${res.body}`);
  return res.json() as { id: string };
}

async function titles(api: TestApi, q: string): Promise<string[]> {
  const res = await as(api, t.users.admin, { method: "GET", url: `/api/v1/search?q=${encodeURIComponent(q)}` });
  expect(res.statusCode).toBe(200);
  return res.json().items.map((h: { title: string }) => h.title);
}

/** Notices travel asynchronously after the commit: wait (briefly) for the other copy to learn. */
async function eventually(api: TestApi, q: string, title: string) {
  const until = Date.now() + 5_000;
  for (;;) {
    const found = await titles(api, q);
    if (found.includes(title) || Date.now() > until) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("vocabulary kept in memory", () => {
  it("serves prefixes and typos from the vocabulary it loaded", async () => {
    await create({ firstName: "Ada", lastName: "Lovelace" });
    expect(await titles(reader, "Lovel")).toEqual(["Ada Lovelace"]);
    expect(await titles(reader, "Ada Lovleace")).toEqual(["Ada Lovelace"]);
  });

  it("learns words another copy writes after the load", async () => {
    expect(await titles(reader, "Hoppre")).toEqual([]);
    await create({ firstName: "Grace", lastName: "Hopper" });
    expect(await eventually(reader, "Hoppre", "Grace Hopper")).toEqual(["Grace Hopper"]);
    expect(await eventually(reader, "Hopp", "Grace Hopper")).toEqual(["Grace Hopper"]);
  });

  it("reloads when one statement adds many words (an import)", async () => {
    const person = await create({ firstName: "Plain", lastName: "Person" });
    expect(await titles(reader, "Bartholomwe")).toEqual([]);
    const words = ["bartholomew", ...Array.from({ length: 30 }, (_, i) => `filler${String.fromCharCode(97 + (i % 26))}${i}`)];
    await sql`INSERT INTO search_tokens (workspace_id, token, entity_type, entity_id, field)
              VALUES (${t.id}::uuid, 'bartholomew', 'p', ${person.id}::uuid, 'n')`.execute(writer.db);
    await sql`INSERT INTO search_vocabulary (workspace_id, token) SELECT ${t.id}::uuid, unnest(${words}::text[])`.execute(writer.db);
    expect(await eventually(reader, "Bartholomwe", "Plain Person")).toEqual(["Plain Person"]);
  });
});

describe("near spellings", () => {
  it("uses the closest spellings, and further ones only when the closest find nothing", async () => {
    await create({ firstName: "Maria", lastName: "Zedler" });
    await create({ firstName: "Marie", lastName: "Quinlan" });
    // "marei" is one swap from "marie", two edits from "maria".
    expect(await titles(writer, "Marei")).toEqual(["Marie Quinlan"]);
    expect(await titles(writer, "Marei Quinlan")).toEqual(["Marie Quinlan"]);
    expect(await titles(writer, "Marei Zedler")).toEqual(["Maria Zedler"]);
  });
});

describe("several words", () => {
  it("finds and ranks the same records whichever word is the rarest and wherever it stands", async () => {
    // "Orla" becomes a common word, "Quennell" a rare one: the query starts from the rarest
    // word (decision 0025), which must not change what is found or how it is ranked.
    for (let i = 0; i < 6; i++) await create({ firstName: "Orla", lastName: `Vantablack${String.fromCharCode(97 + i)}` });
    await create({ firstName: "Orla", lastName: "Quennell", emails: ["orla.quennell@example.com"] });
    await create({ firstName: "Orlagh", lastName: "Quennell" });
    await create({ firstName: "Pia", lastName: "Quennell", emails: ["orla@quennell.example"] });
    const expected = ["Orla Quennell", "Pia Quennell", "Orlagh Quennell"];
    expect(await titles(writer, "orla quennell")).toEqual(["Orla Quennell", "Pia Quennell"]);
    // "orlagh" reaches this copy's vocabulary through the notice (see `eventually`).
    expect(await eventually(writer, "quennell orla", "Orlagh Quennell")).toEqual(expected);
    // Only the last word stands for its prefixes too.
    expect(await titles(writer, "Quennell Orla Quennell")).toEqual(["Orla Quennell", "Pia Quennell"]);
    expect(await titles(writer, "orla quenell")).toEqual(["Orla Quennell", "Pia Quennell"]);
  });
});

describe("hits", () => {
  it("show a person's title and primary company, and highlight the match across accents", async () => {
    const post = async (url: string, payload: Record<string, unknown>) => {
      const res = await as(writer, t.users.admin, { method: "POST", url, payload });
      if (res.statusCode !== 201) throw new Error(`create failed ${res.statusCode}: ${res.body}`);
      return res.json() as { id: string };
    };
    const other = await post("/api/v1/companies", { name: "Aardvark Holdings" });
    const primary = await post("/api/v1/companies", { name: "Zephyr Works" });
    await create({
      firstName: "Zoë",
      lastName: "Ångelstam",
      title: "Buyer",
      companies: [{ companyId: other.id }, { companyId: primary.id, isPrimary: true }],
    });
    const res = await as(writer, t.users.admin, { method: "GET", url: "/api/v1/search?q=zoe%20angelstam&types=contact" });
    expect(res.json().items).toMatchObject([
      {
        title: "Zoë Ångelstam",
        subtitle: "Buyer · Zephyr Works",
        highlights: [
          {
            field: "name",
            value: "Zoë Ångelstam",
            ranges: [
              [0, 3],
              [4, 13],
            ],
          },
        ],
      },
    ]);
  });
});

describe("word pairs (decision 0030)", () => {
  const principalOf = (ws: TestWorkspace, role: "admin" | "member"): Principal => ({
    workspaceId: ws.id,
    actorType: "user",
    actorId: ws.users[role].id,
    userId: ws.users[role].id,
    role,
    teamIds: [],
    sessionId: null,
  });
  const service = (wordPairs: boolean) => {
    const s = new SearchService(writer.db, new VocabularyCache(writer.db), wordPairs);
    s.register("p", contactSearchResolver(writer.db));
    s.register("c", companySearchResolver(writer.db));
    s.register("d", dealSearchResolver(writer.db));
    return s;
  };
  /** The pair and long-record rows stored for a workspace, as `field:token@entity`. */
  const pairRows = async (ws: string) =>
    (
      await sql<{ r: string }>`SELECT field || ':' || token || '@' || entity_id AS r FROM search_tokens
                                WHERE workspace_id = ${ws}::uuid AND field IN ('w', 'l') ORDER BY 1`.execute(writer.db)
    ).rows.map((x) => x.r);

  it("find the same records in the same order as the general path, for every role", async () => {
    const w = await createTestWorkspace(writer);
    const post = async (url: string, payload: Record<string, unknown>, role: "admin" | "member" = "admin") => {
      const res = await as(writer, w.users[role], { method: "POST", url, payload });
      if (res.statusCode !== 201) throw new Error(`create failed ${res.statusCode}: ${res.body}`);
      return res.json() as { id: string };
    };
    for (let i = 0; i < 4; i++)
      await post("/api/v1/contacts", { firstName: "Marie", lastName: "Cortes", emails: [`marie.cortes${i}@work.example`] });
    await post("/api/v1/contacts", { firstName: "Marie", lastName: "Cortes" }, "member");
    const trashed = await post("/api/v1/contacts", { firstName: "Marie", lastName: "Cortes", title: "Trashed" });
    expect((await as(writer, w.users.admin, { method: "DELETE", url: `/api/v1/contacts/${trashed.id}` })).statusCode).toBe(204);
    await post("/api/v1/contacts", { firstName: "Cortes", lastName: "Marie" });
    await post("/api/v1/contacts", { firstName: "Marie", lastName: "Cortese" });
    await post("/api/v1/contacts", { firstName: "Mario", lastName: "Cortes" });
    // One word only in an email, in a tag, in a company's domain label; a record too long for pairs.
    await post("/api/v1/contacts", { firstName: "Pia", lastName: "Lind", emails: ["marie.cortes@elsewhere.example"] });
    await post("/api/v1/contacts", { firstName: "Marie", lastName: "Berg", tags: ["cortes"] });
    await post("/api/v1/companies", { name: "Cortes Trading", domain: "marie.example" });
    const long = "Marie Cortes and Sons Trading Company of the North West Region Limited Partners";
    await post("/api/v1/companies", { name: long });
    // Changing a name replaces its pairs.
    const renamed = await post("/api/v1/contacts", { firstName: "Orla", lastName: "Cortes" });
    const patched = await as(writer, w.users.admin, {
      method: "PATCH",
      url: `/api/v1/contacts/${renamed.id}`,
      payload: { firstName: "Marie" },
    });
    expect(patched.statusCode).toBe(200);
    expect((await pairRows(w.id)).filter((r) => r.endsWith(renamed.id))).toEqual([`w:\u0001cortes marie@${renamed.id}`]);

    const pairs = service(true);
    const general = service(false);
    const queries = [
      "marie cortes",
      "Cortes Marie",
      "Marei Cortse",
      "marie cort",
      "mari cortes",
      "marie cortes trading",
      "marie marie",
      "pia marie",
      "marie 0",
    ];
    for (const role of ["admin", "member"] as const) {
      for (const q of queries) {
        for (const opts of [{ limit: 10 }, { limit: 3 }, { limit: 10, types: ["company" as const] }]) {
          const args = { ...opts, defaultCountry: "US" };
          const expected = await general.search(principalOf(w, role), q, args);
          expect(await pairs.search(principalOf(w, role), q, args), `${role} "${q}" ${JSON.stringify(opts)}`).toEqual(expected);
        }
      }
    }
    const titles = (await pairs.search(principalOf(w, "admin"), "marie cortes", { limit: 20, defaultCountry: "US" })).map((h) => h.title);
    expect(titles).toEqual(expect.arrayContaining(["Pia Lind", "Marie Berg", "Cortes Trading", long, "Cortes Marie", "Marie Cortese"]));
    expect(titles.filter((x) => x === "Marie Cortes")).toHaveLength(6);
    expect(titles).not.toContain("Mario Cortes");
    const member = await pairs.search(principalOf(w, "member"), "marie cortes", { limit: 20, defaultCountry: "US" });
    expect(member.filter((h) => h.title === "Marie Cortes")).toHaveLength(1);
  });

  it("are written by imports, and the migration's SQL derives the same rows as the application", async () => {
    const w = await createTestWorkspace(writer);
    const transfer = await transferApp(writer);
    try {
      const up = await uploadImport(
        transfer.app,
        w.users.admin,
        "people.csv",
        Buffer.from("First Name,Last Name,Email\nAda,Quill,ada.quill@x.example\n"),
      );
      expect(up.statusCode, up.body).toBe(201);
      const id = up.json().id as string;
      const started = await asOn(transfer.app, w.users.admin, { method: "POST", url: `/api/v1/imports/${id}/start` });
      expect(started.statusCode, started.body).toBe(202);
      expect(await runImport({ db: writer.db, storage: importStorage() }, { workspaceId: w.id, importId: id })).toBe("completed");
    } finally {
      await transfer.close();
    }
    const res = await as(writer, w.users.admin, {
      method: "POST",
      url: "/api/v1/contacts",
      payload: { firstName: "Zoë", lastName: "Ångelstam Ö" },
    });
    expect(res.statusCode).toBe(201);
    const long = "One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen";
    expect((await as(writer, w.users.admin, { method: "POST", url: "/api/v1/companies", payload: { name: long } })).statusCode).toBe(201);
    const written = await pairRows(w.id);
    expect(written.some((r) => r.startsWith("w:\u0001ada quill@"))).toBe(true);
    expect(written.some((r) => r.startsWith("l:\u0002thirteen@"))).toBe(true);
    await sql`DELETE FROM search_tokens WHERE workspace_id = ${w.id}::uuid AND field IN ('w', 'l')`.execute(writer.db);
    await sql`SELECT search_pairs_backfill(${w.id}::uuid)`.execute(writer.db);
    expect(await pairRows(w.id)).toEqual(written);
  });
});

describe("one statement per search (decision 0033)", () => {
  it("reads candidates, records and a remembered key's check together: revoked, the very next search is 401", async () => {
    const w = await createTestWorkspace(writer);
    const created = await as(writer, w.users.admin, { method: "POST", url: "/api/v1/api-keys", payload: { name: "Sync", role: "member" } });
    expect(created.statusCode).toBe(201);
    const headers = { authorization: `Bearer ${created.json().secret}` };
    const search = (q: string, key = headers) =>
      writer.app.inject({ method: "GET", url: `/api/v1/search?q=${encodeURIComponent(q)}`, headers: key });
    const unowned = await as(writer, w.users.admin, {
      method: "POST",
      url: "/api/v1/contacts",
      payload: { firstName: "Quorra", lastName: "Unowned", emails: ["quorra@unowned.example"], ownerId: null },
    });
    expect(unowned.statusCode).toBe(201);
    const owned = await as(writer, w.users.admin, {
      method: "POST",
      url: "/api/v1/contacts",
      payload: { firstName: "Quorra", lastName: "Owned" },
    });
    expect(owned.statusCode).toBe(201);
    // The first search looks the key up and remembers it; the next ones fold the check. A
    // member's key sees only records without an owner, in every kind of query.
    for (const q of ["quorra", "quorra unowned", "Qorra Unowend", "quorra@unowned.example", "unowned.example", "quorra", "Quor"]) {
      const res = await search(q);
      expect(res.statusCode, q).toBe(200);
      expect(
        res.json().items.map((h: { id: string }) => h.id),
        q,
      ).toEqual([unowned.json().id]);
      // Sent without the response parse: exactly the contract's fields, nothing more.
      expect(searchEndpoints.search.response.parse(res.json()), q).toStrictEqual(res.json());
      expect(res.json().items[0].highlights.length, q).toBeGreaterThan(0);
    }
    const forged = created.json().secret.replace(/.$/, (ch: string) => (ch === "A" ? "B" : "A"));
    expect((await search("quorra", { authorization: `Bearer ${forged}` })).statusCode).toBe(401);
    // Revoked elsewhere: only the row changes, no notice reaches this copy.
    await writer.database.pool.query("UPDATE api_keys SET revoked_at = now() WHERE id = $1", [created.json().apiKey.id]);
    // A word query, one that falls back to wider spellings, an email, one that runs no statement.
    for (const q of ["quorra", "Qourar", "quorra@unowned.example", "!!", "quorra unowned"]) {
      const res = await search(q);
      expect(res.statusCode, q).toBe(401);
      expect(res.body, q).not.toContain("Unowned");
    }
  });

  it("sends PostgreSQL one statement for each kind of query once the vocabulary is loaded", async () => {
    const w = await createTestWorkspace(writer);
    await as(writer, w.users.admin, {
      method: "POST",
      url: "/api/v1/contacts",
      payload: { firstName: "Ilse", lastName: "Vandermeer", emails: ["ilse@vandermeer.example"], phones: ["+1 415 555 0134"] },
    });
    await as(writer, w.users.admin, {
      method: "POST",
      url: "/api/v1/companies",
      payload: { name: "Vandermeer Freight", domain: "vandermeer.example" },
    });
    const statements: string[] = [];
    const db = new Kysely<DB>({
      dialect: new PostgresDialect({ pool: writer.database.pool }),
      log: (e) => {
        if (e.level === "query") statements.push(e.query.sql);
      },
    });
    const s = new SearchService(db);
    s.register("p", contactSearchResolver(db));
    s.register("c", companySearchResolver(db));
    s.register("d", dealSearchResolver(db));
    const admin: Principal = {
      workspaceId: w.id,
      actorType: "user",
      actorId: w.users.admin.id,
      userId: w.users.admin.id,
      role: "admin",
      teamIds: [],
      sessionId: null,
    };
    const expected: Record<string, string[]> = {
      Vandermeer: ["Ilse Vandermeer", "Vandermeer Freight"],
      Vander: ["Ilse Vandermeer", "Vandermeer Freight"],
      "ilse vandermeer": ["Ilse Vandermeer"],
      "Ilse Vandermere": ["Ilse Vandermeer"],
      "ilse@vandermeer.example": ["Ilse Vandermeer"],
      "vandermeer.example": ["Ilse Vandermeer", "Vandermeer Freight"],
      "415 555 01": ["Ilse Vandermeer"],
    };
    for (const [q, titles] of Object.entries(expected)) {
      statements.length = 0;
      const hits = await s.search(admin, q, { limit: 10, defaultCountry: "US" });
      expect(hits.map((h) => h.title).sort(), q).toEqual(titles);
      // Without a cache listener the vocabulary is read on every search; nothing else is separate.
      expect(
        statements.filter((x) => !x.includes("search_vocabulary")),
        q,
      ).toHaveLength(1);
    }
  });
});
