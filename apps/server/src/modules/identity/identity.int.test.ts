import { type Endpoint, identityEndpoints } from "@rapport/contract";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoredEvent } from "../../platform/events/processor.js";
import {
  as,
  createTestWorkspace,
  snapshotCounts,
  startTestApi,
  type TestApi,
  type TestUser,
  type TestWorkspace,
} from "../../test/harness.js";
import { companyLinkMergeParticipant } from "../contacts/index.js";
import { documentMergeParticipant } from "../documents/index.js";
import { interactionMergeParticipant } from "../interactions/index.js";
import { MergeParticipants } from "../records/index.js";
import { identityConsumer, runScan, scanWorkspace } from "./index.js";

let api: TestApi;
let ws: TestWorkspace;
let other: TestWorkspace;

const registry = new MergeParticipants();
registry.register(interactionMergeParticipant);
registry.register(documentMergeParticipant);
registry.register(companyLinkMergeParticipant);
const consumer = identityConsumer(registry);

beforeAll(async () => {
  api = await startTestApi();
  ws = await createTestWorkspace(api);
  other = await createTestWorkspace(api);
});
afterAll(() => api?.close());

const ZERO = "00000000-0000-4000-8000-000000000000";
type Json = Record<string, unknown>;

async function call(user: TestUser, method: "GET" | "POST" | "PUT", url: string, payload?: Json, status = 200) {
  const res = await as(api, user, { method, url, ...(payload ? { payload } : {}) });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return res.json();
}
const person = (user: TestUser, body: Json) => call(user, "POST", "/api/v1/contacts", body, 201);
/**
 * Runs the identity consumer over this file's workspaces' new events (the worker runs it
 * over every event in production). Other test files run in parallel: their workspaces are
 * left alone so their "nothing changed" snapshots hold.
 */
let lastSeq = 0;
async function catchUp() {
  for (;;) {
    const rows = await sql<{
      workspace_id: string;
      id: string;
      seq: string;
      type: string;
      entity_type: string;
      entity_id: string;
      payload: Record<string, unknown>;
    }>`SELECT workspace_id, id, seq, type, entity_type, entity_id, payload FROM domain_events
        WHERE workspace_id = ANY(${api.workspaceIds}::uuid[]) AND seq > ${lastSeq} ORDER BY seq LIMIT 500`.execute(api.db);
    if (rows.rows.length === 0) return;
    const events: StoredEvent[] = rows.rows.map((r) => ({
      workspaceId: r.workspace_id,
      id: r.id,
      seq: Number(r.seq),
      txid: "0",
      type: r.type,
      entityType: r.entity_type,
      entityId: r.entity_id,
      actorType: "system",
      actorId: null,
      payload: r.payload,
      occurredAt: new Date(),
    }));
    await api.db.transaction().execute((tx) => consumer.handle(tx, events));
    lastSeq = Number(rows.rows[rows.rows.length - 1]?.seq);
  }
}
/** Everything undo must bring back, for two people. */
async function stateOf(ids: string[]) {
  const q = (text: ReturnType<typeof sql>) => text.execute(api.db).then((r) => r.rows);
  return {
    contacts: await q(sql`SELECT to_jsonb(c) AS row FROM contacts c WHERE id = ANY(${ids}::uuid[]) ORDER BY id`),
    links: await q(sql`SELECT entity_id, interaction_id FROM interaction_links WHERE entity_id = ANY(${ids}::uuid[]) ORDER BY 1, 2`),
    companies: await q(
      sql`SELECT contact_id, company_id, role, is_primary FROM contact_companies WHERE contact_id = ANY(${ids}::uuid[]) ORDER BY 1, 2`,
    ),
    identities: await q(
      sql`SELECT contact_id, kind, value, source FROM contact_identities WHERE contact_id = ANY(${ids}::uuid[]) ORDER BY 1, 2, 3`,
    ),
  };
}

describe("identity resolution", () => {
  it("answers 401 on every endpoint without credentials", async () => {
    for (const e of Object.values(identityEndpoints) as Endpoint[]) {
      const res = await api.app.inject({ method: e.method, url: e.path.replace("{id}", ZERO), payload: e.body ? {} : undefined });
      expect(res.statusCode, `${e.method} ${e.path}`).toBe(401);
    }
  });

  it("detects a nickname pair sharing a mailbox, with reasons, and keeps identities in sync", async () => {
    const admin = ws.users.admin;
    const a = await person(admin, { firstName: "Robert", lastName: "Fairweather", emails: ["robert.fairweather@gmail.com"] });
    const b = await person(admin, { firstName: "Bob", lastName: "Fairweather", emails: ["RobertFairweather+crm@gmail.com"] });
    await person(admin, { firstName: "Alice", lastName: "Unrelated", emails: ["alice@unrelated.example"] });
    await catchUp();
    const list = await call(admin, "GET", "/api/v1/duplicates");
    const pair = list.items.find((d: Json) => [(d.a as Json).id, (d.b as Json).id].sort().join() === [a.id, b.id].sort().join());
    expect(pair).toBeDefined();
    expect(pair.score).toBeGreaterThanOrEqual(0.9);
    expect(pair.reasons).toEqual(expect.arrayContaining(["same_email", "nickname"]));
    expect(list.items).toHaveLength(1);
    const ids = await call(admin, "GET", `/api/v1/contacts/${b.id}/identities`);
    expect(ids.items).toEqual([expect.objectContaining({ kind: "email", value: "robertfairweather+crm@gmail.com", source: "record" })]);
    // A change is followed: the identity follows the new address.
    await call(admin, "PATCH" as "PUT", `/api/v1/contacts/${b.id}`, { emails: ["bob@fairweather.example"] });
    await catchUp();
    const after = await call(admin, "GET", `/api/v1/contacts/${b.id}/identities`);
    expect(after.items.map((i: Json) => i.value)).toEqual(["bob@fairweather.example"]);
    // No shared evidence any more: the pair is withdrawn.
    expect((await call(admin, "GET", `/api/v1/contacts/${a.id}/duplicates`)).items).toHaveLength(0);
  });

  it("merges field by field, moves everything, and undo restores both records exactly", async () => {
    const admin = ws.users.admin;
    const co1 = await call(admin, "POST", "/api/v1/companies", { name: "Merge Works" }, 201);
    const co2 = await call(admin, "POST", "/api/v1/companies", { name: "Other Works" }, 201);
    const s = await person(admin, {
      firstName: "Katherine",
      lastName: "Mergeton",
      title: "Buyer",
      emails: ["kate@merge.example"],
      tags: ["vip"],
      companies: [{ companyId: co1.id, isPrimary: true }],
    });
    const m = await person(admin, {
      firstName: "Kate",
      lastName: "Mergeton",
      title: "Head of Buying",
      emails: ["kate.m@other.example"],
      phones: ["+4930123456"],
      tags: ["VIP", "newsletter"],
      companies: [{ companyId: co2.id, isPrimary: true }],
    });
    await call(admin, "POST", "/api/v1/interactions", { type: "note", body: "on the survivor", contactIds: [s.id] }, 201);
    await call(admin, "POST", "/api/v1/interactions", { type: "call", body: "on the merged", contactIds: [m.id] }, 201);
    await call(admin, "POST", "/api/v1/interactions", { type: "meeting", subject: "both", contactIds: [s.id, m.id] }, 201);
    await call(
      admin,
      "POST",
      `/api/v1/contacts/${m.id}/identities`,
      { kind: "external_id", value: "Salesforce:003ABC", source: "salesforce" },
      201,
    );
    await catchUp();
    const before = await stateOf([s.id, m.id]);

    const preview = await call(admin, "GET", `/api/v1/merges/preview?survivorId=${s.id}&mergedId=${m.id}`);
    expect(preview.fields.map((f: Json) => f.field)).toEqual(expect.arrayContaining(["firstName", "title"]));
    expect(preview.moves).toMatchObject({ interactions: 2, companyLinks: 1, identities: 1 });

    const merge = await call(
      admin,
      "POST",
      "/api/v1/merges",
      { survivorId: s.id, mergedId: m.id, fields: { firstName: "survivor", title: "merged" } },
      201,
    );
    expect(merge.moved).toMatchObject({ interactions: 2, companyLinks: 1, identities: 1, documents: 0 });
    const survivor = await call(admin, "GET", `/api/v1/contacts/${s.id}`);
    expect(survivor.firstName).toBe("Katherine");
    expect(survivor.title).toBe("Head of Buying");
    expect(survivor.emails).toEqual(["kate@merge.example", "kate.m@other.example"]);
    expect(survivor.phones).toEqual(["+4930123456"]);
    expect(survivor.tags).toEqual(["vip", "newsletter"]);
    expect(survivor.companies.map((c: Json) => c.companyId).sort()).toEqual([co1.id, co2.id].sort());
    expect(survivor.companies.find((c: Json) => c.isPrimary).companyId).toBe(co1.id);
    const timeline = await call(admin, "GET", `/api/v1/contacts/${s.id}/timeline`);
    expect(timeline.items).toHaveLength(3);
    const gone = await call(admin, "GET", `/api/v1/contacts/${m.id}`);
    expect(gone.deletedAt).not.toBeNull();
    const idents = await call(admin, "GET", `/api/v1/contacts/${s.id}/identities`);
    expect(idents.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: "external_id", value: "salesforce:003ABC" })]));
    const history = await call(admin, "GET", "/api/v1/merges");
    expect(history.items[0]).toMatchObject({ id: merge.id, survivorName: "Katherine Mergeton", canUndo: true });

    const undone = await call(admin, "POST", `/api/v1/merges/${merge.id}/undo`);
    expect(undone.undoneAt).not.toBeNull();
    expect(undone.canUndo).toBe(false);
    expect(await stateOf([s.id, m.id])).toEqual(before);
    await call(admin, "POST", `/api/v1/merges/${merge.id}/undo`, undefined, 409);
    const events = await sql<{ type: string }>`SELECT type FROM domain_events WHERE entity_id = ${merge.id}::uuid ORDER BY seq`.execute(
      api.db,
    );
    expect(events.rows.map((e) => e.type)).toEqual(["merge.created", "merge.undone"]);
  });

  it("checks permissions and visibility of both records; a refused merge changes nothing", async () => {
    const { admin, member, read_only: reader } = ws.users;
    const mine = await person(member, { firstName: "Priya", lastName: "Permtest", emails: ["priya@perm.example"] });
    const theirs = await person(admin, { firstName: "Priya", lastName: "Permtest", emails: ["priya@perm.example"] });
    const mine2 = await person(member, { firstName: "P.", lastName: "Permtest", emails: ["priya@perm.example"] });
    await catchUp();
    // The member does not see the admin's record: the pair is not in their queue.
    const queue = await call(member, "GET", "/api/v1/duplicates");
    expect(queue.items.every((d: Json) => (d.a as Json).id !== theirs.id && (d.b as Json).id !== theirs.id)).toBe(true);
    expect(queue.items.some((d: Json) => [(d.a as Json).id, (d.b as Json).id].includes(mine2.id))).toBe(true);
    const hidden = (await call(admin, "GET", `/api/v1/contacts/${theirs.id}/duplicates`)).items[0];
    const snap = await snapshotCounts(api);
    await call(member, "GET", `/api/v1/duplicates/${hidden.id}`, undefined, 404);
    await call(member, "POST", `/api/v1/duplicates/${hidden.id}/distinct`, undefined, 404);
    await call(member, "POST", "/api/v1/merges", { survivorId: mine.id, mergedId: theirs.id }, 404);
    await call(member, "POST", "/api/v1/merges", { survivorId: theirs.id, mergedId: mine.id }, 404);
    await call(reader, "POST", "/api/v1/merges", { survivorId: mine.id, mergedId: mine2.id }, 403);
    await call(other.users.admin, "POST", "/api/v1/merges", { survivorId: mine.id, mergedId: mine2.id }, 404);
    await call(admin, "POST", "/api/v1/merges", { survivorId: mine.id, mergedId: mine.id }, 400);
    await call(admin, "POST", "/api/v1/merges", { survivorId: mine.id, mergedId: mine2.id, fields: { id: "merged" } }, 400);
    await call(admin, "POST", "/api/v1/merges", { survivorId: mine.id, mergedId: mine2.id, workspaceId: other.id }, 400);
    await call(member, "PUT", "/api/v1/identity/settings", { autoMergeThreshold: 0.9, autoMergeExactEmail: true }, 403);
    await call(member, "POST", "/api/v1/duplicates/scans", undefined, 403);
    expect(await snapshotCounts(api)).toEqual(snap);

    // The member merges their own two; the admin's merge is invisible in their history, undo of it is a 404.
    const merge = await call(member, "POST", "/api/v1/merges", { survivorId: mine.id, mergedId: mine2.id }, 201);
    const adminMerge = await call(admin, "POST", "/api/v1/merges", { survivorId: theirs.id, mergedId: mine.id }, 201);
    expect((await call(member, "GET", "/api/v1/merges")).items.map((x: Json) => x.id)).not.toContain(adminMerge.id);
    await call(member, "POST", `/api/v1/merges/${adminMerge.id}/undo`, undefined, 404);
    // The member's earlier merge now has a later one on top: undo that one first.
    await call(member, "POST", `/api/v1/merges/${merge.id}/undo`, undefined, 409);
    await call(admin, "POST", `/api/v1/merges/${adminMerge.id}/undo`);
    await call(member, "POST", `/api/v1/merges/${merge.id}/undo`);
  });

  it("never proposes or merges two people marked distinct", async () => {
    const admin = ws.users.admin;
    const a = await person(admin, { firstName: "Jon", lastName: "Twinsworth", phones: ["+4940111222"] });
    const b = await person(admin, { firstName: "John", lastName: "Twinsworth", phones: ["+4940111222"] });
    await catchUp();
    const [pair] = (await call(admin, "GET", `/api/v1/contacts/${a.id}/duplicates`)).items;
    expect(pair.reasons).toEqual(expect.arrayContaining(["same_phone"]));
    await call(admin, "POST", `/api/v1/duplicates/${pair.id}/distinct`);
    await call(admin, "POST", "/api/v1/merges", { survivorId: a.id, mergedId: b.id }, 409);
    await call(admin, "PATCH" as "PUT", `/api/v1/contacts/${b.id}`, { title: "changed" });
    await catchUp();
    expect((await call(admin, "GET", `/api/v1/contacts/${a.id}/duplicates`)).items).toHaveLength(0);
    expect((await call(admin, "GET", "/api/v1/duplicates?status=distinct")).items.map((d: Json) => d.id)).toContain(pair.id);
  });

  it("merges automatically on an exact email when an administrator turned the rule on", async () => {
    const admin = ws.users.admin;
    const auto = await createTestWorkspace(api);
    const boss = auto.users.admin;
    expect(await call(boss, "GET", "/api/v1/identity/settings")).toMatchObject({ autoMergeThreshold: null, autoMergeExactEmail: false });
    const x = await person(boss, { firstName: "Zoë", lastName: "Automerge", emails: ["zoe@auto.example"] });
    const y = await person(boss, { firstName: "Zoe", lastName: "Automerge", emails: ["ZOE@auto.example"], title: "CFO" });
    await catchUp();
    expect((await call(boss, "GET", "/api/v1/merges")).items).toHaveLength(0);
    await call(boss, "PUT", "/api/v1/identity/settings", { autoMergeThreshold: null, autoMergeExactEmail: true });
    await call(boss, "PUT", "/api/v1/identity/settings", { autoMergeThreshold: 0.2, autoMergeExactEmail: true }, 400);
    await call(boss, "PATCH" as "PUT", `/api/v1/contacts/${y.id}`, { notes: "touch" });
    await catchUp();
    const merges = (await call(boss, "GET", "/api/v1/merges")).items;
    expect(merges).toHaveLength(1);
    expect(merges[0]).toMatchObject({ survivorId: x.id, mergedId: y.id, automatic: true, mergedBy: null });
    expect((await call(boss, "GET", `/api/v1/contacts/${x.id}`)).title).toBe("CFO");
    expect(admin).toBeDefined();
  });

  it("runs the full scan with progress and finds the same pairs", async () => {
    const scanWs = await createTestWorkspace(api);
    const boss = scanWs.users.admin;
    await person(boss, { firstName: "Дмитрий", lastName: "Иванов", phones: ["+74951234567"] });
    await person(boss, { firstName: "Dmitry", lastName: "Ivanov", phones: ["+7 495 123-45-67"] });
    await person(boss, { firstName: "William", lastName: "Scanner", companies: [] });
    const analyses = async () =>
      Number(
        (await api.database.pool.query("SELECT analyze_count FROM pg_stat_user_tables WHERE relname = 'identity_match_keys'")).rows[0]
          .analyze_count,
      );
    const analysedBefore = await analyses();
    const queued = await call(boss, "POST", "/api/v1/duplicates/scans", undefined, 202);
    expect(queued.status).toBe("queued");
    await call(boss, "POST", "/api/v1/duplicates/scans", undefined, 409);
    const result = await runScan(api.db, { workspaceId: scanWs.id, scanId: queued.id });
    expect(result.candidates).toBe(1);
    const { scan } = await call(boss, "GET", "/api/v1/duplicates/scans/latest");
    expect(scan).toMatchObject({ status: "done", candidates: 1 });
    const [pair] = (await call(boss, "GET", "/api/v1/duplicates")).items;
    expect(pair.reasons).toEqual(expect.arrayContaining(["same_phone", "transliteration"]));
    // The scan refreshed the statistics of the keys it wrote before planning the blocking join
    // (the runtime role may: migration 20261129T2200). Statistics reach the view within a second or so.
    await expect.poll(analyses, { timeout: 5_000 }).toBeGreaterThan(analysedBefore);
  });

  it("a full scan brings the stored keys in line with the records and keeps decided pairs decided", async () => {
    const scanWs = await createTestWorkspace(api);
    const boss = scanWs.users.admin;
    const a = await person(boss, { firstName: "Robert", lastName: "Keyholder", emails: ["rob.keyholder@scan.example"] });
    const b = await person(boss, { firstName: "Bob", lastName: "Keyholder", emails: ["Rob.Keyholder+crm@scan.example"] });
    const c = await person(boss, { firstName: "Ann", lastName: "Twofold", phones: ["+4940999888"] });
    const d = await person(boss, { firstName: "Anne", lastName: "Twofold", phones: ["+4940999888"] });
    await catchUp();
    const keysOf = async () =>
      (
        await sql<{ key: string; contact_id: string }>`SELECT key, contact_id FROM identity_match_keys
          WHERE workspace_id = ${scanWs.id}::uuid ORDER BY key, contact_id`.execute(api.db)
      ).rows;
    const kept = await keysOf();
    expect(kept.length).toBeGreaterThan(8);
    const [twofold] = (await call(boss, "GET", `/api/v1/contacts/${c.id}/duplicates`)).items;
    await call(boss, "POST", `/api/v1/duplicates/${twofold.id}/distinct`);
    // Keys gone astray: one person lost theirs, a stale one remains for another.
    await sql`DELETE FROM identity_match_keys WHERE workspace_id = ${scanWs.id}::uuid AND contact_id = ${a.id}::uuid`.execute(api.db);
    await sql`INSERT INTO identity_match_keys (workspace_id, key, contact_id) VALUES (${scanWs.id}::uuid, 'e:gone@scan.example', ${d.id}::uuid)`.execute(
      api.db,
    );
    const queued = await call(boss, "POST", "/api/v1/duplicates/scans", undefined, 202);
    const result = await runScan(api.db, { workspaceId: scanWs.id, scanId: queued.id });
    expect(await keysOf()).toEqual(kept);
    // Robert/Bob share the mailbox and the name blocks: proposed once; the distinct pair stays out.
    expect(result.candidates).toBe(1);
    const open = (await call(boss, "GET", "/api/v1/duplicates")).items;
    expect(open).toHaveLength(1);
    expect(JSON.stringify(open[0])).toContain(a.id);
    expect(JSON.stringify(open[0])).toContain(b.id);
    expect((await call(boss, "GET", "/api/v1/duplicates?status=distinct")).items.map((x: Json) => x.id)).toEqual([twofold.id]);
  });

  it("a scan in pages of one or two people stores the consumer's keys and finds the same pairs", async () => {
    const scanWs = await createTestWorkspace(api);
    const boss = scanWs.users.admin;
    const acme = await call(boss, "POST", "/api/v1/companies", { name: "Pagewise Labs" }, 201);
    const acmeToo = await call(boss, "POST", "/api/v1/companies", { name: "PAGEWISE LABS Inc" }, 201);
    const people = [
      await person(boss, { firstName: "Margaret", lastName: "Pager", companies: [{ companyId: acme.id, isPrimary: true }] }),
      await person(boss, { firstName: "Peggy", lastName: "Pager", companies: [{ companyId: acmeToo.id, isPrimary: true }] }),
      await person(boss, { firstName: "Zoë", lastName: "Séitenwechsel", emails: ["zoe.s+news@gmail.com"] }),
      await person(boss, { firstName: "Zoe", lastName: "Seitenwechsel", emails: ["Zoe.S@googlemail.com"] }),
      await person(boss, { firstName: "Gone", lastName: "Pager", emails: ["zoe.s@gmail.com"] }),
    ];
    await call(
      boss,
      "POST",
      `/api/v1/contacts/${people[1].id}/identities`,
      { kind: "external_id", value: "crm:page-2", source: "crm" },
      201,
    );
    expect((await as(api, boss, { method: "DELETE", url: `/api/v1/contacts/${people[4].id}` })).statusCode).toBe(204);
    await catchUp();
    const keysOf = async () =>
      (
        await sql<{ key: string; contact_id: string }>`SELECT key, contact_id FROM identity_match_keys
          WHERE workspace_id = ${scanWs.id}::uuid ORDER BY key, contact_id`.execute(api.db)
      ).rows;
    const pairsOf = async () =>
      (
        await sql<{ a: string; b: string; score: number }>`SELECT contact_a AS a, contact_b AS b, score FROM duplicate_candidates
          WHERE workspace_id = ${scanWs.id}::uuid AND status = 'open' ORDER BY 1, 2`.execute(api.db)
      ).rows;
    const consumerKeys = await keysOf();
    expect(consumerKeys).toContainEqual({ key: "x:crm:page-2", contact_id: people[1].id });
    expect(consumerKeys.some((k) => k.contact_id === people[4].id)).toBe(false);
    const consumerPairs = await pairsOf();
    expect(consumerPairs).toHaveLength(2);
    for (const pages of [
      { people: 1, blocks: 1 },
      { people: 2, blocks: 3 },
    ]) {
      // Every stored key lost, and a stale one of the deleted person: the scan restores the consumer's.
      await sql`DELETE FROM identity_match_keys WHERE workspace_id = ${scanWs.id}::uuid`.execute(api.db);
      await sql`INSERT INTO identity_match_keys (workspace_id, key, contact_id) VALUES (${scanWs.id}::uuid, 'e:gone@scan.example', ${people[4].id}::uuid)`.execute(
        api.db,
      );
      const result = await scanWorkspace(api.db, scanWs.id, async () => undefined, pages);
      expect(result.candidates).toBe(2);
      expect(await keysOf()).toEqual(consumerKeys);
      expect(await pairsOf()).toEqual(consumerPairs);
    }
  });

  it("keeps one external id to one person", async () => {
    const admin = ws.users.admin;
    const a = await person(admin, { firstName: "Ext", lastName: "One" });
    const b = await person(admin, { firstName: "Ext", lastName: "Two" });
    const body = { kind: "external_id", value: "hubspot:77", source: "hubspot" };
    await call(admin, "POST", `/api/v1/contacts/${a.id}/identities`, body, 201);
    await call(admin, "POST", `/api/v1/contacts/${b.id}/identities`, body, 409);
    await call(admin, "POST", `/api/v1/contacts/${b.id}/identities`, { ...body, value: "no-colon" }, 400);
    await call(ws.users.read_only, "POST", `/api/v1/contacts/${b.id}/identities`, body, 403);
    await call(other.users.admin, "POST", `/api/v1/contacts/${b.id}/identities`, { ...body, value: "hubspot:78" }, 404);
  });
});
