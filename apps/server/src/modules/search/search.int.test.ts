import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, createTestWorkspace, startTestApi, type TestApi, type TestWorkspace } from "../../test/harness.js";

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
