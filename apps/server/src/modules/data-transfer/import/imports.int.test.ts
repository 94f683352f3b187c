import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../../../platform/auth/principal.js";
import type { StoredEvent } from "../../../platform/events/processor.js";
import {
  as,
  createTestWorkspace,
  snapshotCounts,
  startTestApi,
  type TestApi,
  type TestUser,
  type TestWorkspace,
} from "../../../test/harness.js";
import { asOn, importStorage, multipartFile, transferApp, uploadImport } from "../test-api.js";
import { runImport } from "./import-job.js";
import { importEventRule } from "./imports.visibility.js";

let api: TestApi;
let t: Awaited<ReturnType<typeof transferApp>>;
let ws: TestWorkspace;
let other: TestWorkspace;
const ZERO = "00000000-0000-4000-8000-000000000000";

beforeAll(async () => {
  api = await startTestApi();
  t = await transferApp(api);
  ws = await createTestWorkspace(api);
  other = await createTestWorkspace(api);
});
afterAll(async () => {
  await t?.close();
  await api?.close();
});

const storage = importStorage;

async function upload(user: TestUser, bytes: Buffer, name = "people.csv") {
  return uploadImport(t.app, user, name, bytes);
}

/** Upload, settings, start, and run the job to the end, as the worker would. */
async function importFile(w: TestWorkspace, bytes: Buffer, settings: Record<string, unknown> = {}, user = w.users.admin) {
  const up = await upload(user, bytes);
  expect(up.statusCode, up.body).toBe(201);
  const id = up.json().id as string;
  if (Object.keys(settings).length) {
    const res = await asOn(t.app, user, { method: "PATCH", url: `/api/v1/imports/${id}`, payload: settings });
    expect(res.statusCode, res.body).toBe(200);
  }
  const started = await asOn(t.app, user, { method: "POST", url: `/api/v1/imports/${id}/start` });
  expect(started.statusCode, started.body).toBe(202);
  expect(await runImport({ db: api.db, storage: storage() }, { workspaceId: w.id, importId: id })).toBe("completed");
  const res = await asOn(t.app, user, { method: "GET", url: `/api/v1/imports/${id}` });
  return res.json();
}

async function people(w: TestWorkspace, filter = "") {
  const res = await as(api, w.users.admin, { method: "GET", url: `/api/v1/contacts?limit=200&sort=firstName,lastName${filter}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Record<string, unknown>[];
}

async function errorsCsv(user: TestUser, id: string) {
  const res = await asOn(t.app, user, { method: "GET", url: `/api/v1/imports/${id}/errors.csv` });
  expect(res.statusCode).toBe(200);
  return res.body;
}

describe("imports: access", () => {
  it("answer 401 without credentials, 403 for read-only users, 404 across workspaces", async () => {
    const file = multipartFile("a.csv", Buffer.from("First Name\nAna\n"));
    for (const call of [
      { method: "POST" as const, url: "/api/v1/imports", ...file },
      { method: "GET" as const, url: `/api/v1/imports/${ZERO}` },
      { method: "PATCH" as const, url: `/api/v1/imports/${ZERO}`, payload: {} },
      { method: "POST" as const, url: `/api/v1/imports/${ZERO}/start` },
      { method: "POST" as const, url: `/api/v1/imports/${ZERO}/undo` },
      { method: "GET" as const, url: `/api/v1/imports/${ZERO}/errors.csv` },
    ]) {
      expect((await t.app.inject(call)).statusCode, `${call.method} ${call.url}`).toBe(401);
    }
    const before = await snapshotCounts(api);
    expect((await upload(ws.users.read_only, Buffer.from("First Name\nAna\n"))).statusCode).toBe(403);
    expect(await snapshotCounts(api)).toEqual(before);

    const up = await upload(ws.users.admin, Buffer.from("First Name\nAna\n"));
    const id = up.json().id;
    for (const call of [
      { method: "GET" as const, url: `/api/v1/imports/${id}` },
      { method: "PATCH" as const, url: `/api/v1/imports/${id}`, payload: { dryRun: true } },
      { method: "POST" as const, url: `/api/v1/imports/${id}/start` },
      { method: "GET" as const, url: `/api/v1/imports/${id}/errors.csv` },
    ]) {
      expect((await asOn(t.app, other.users.admin, call)).statusCode, `${call.method} ${call.url}`).toBe(404);
    }
    // A member sees their own imports only; undo needs the right to delete records.
    expect((await asOn(t.app, ws.users.member, { method: "GET", url: `/api/v1/imports/${id}` })).statusCode).toBe(404);
    expect((await asOn(t.app, ws.users.member, { method: "POST", url: `/api/v1/imports/${id}/undo` })).statusCode).toBe(403);
  });

  it("show an import's events on the realtime stream to those who may read the import only", async () => {
    const mine = (await upload(ws.users.member, Buffer.from("First Name\nAna\n"))).json().id as string;
    const event = (workspaceId: string, entityId: string) =>
      ({ workspaceId, entityType: "import", entityId, type: "import.rows_applied", payload: {} }) as unknown as StoredEvent;
    const principal = (u: TestUser, workspaceId = ws.id): Principal => ({
      workspaceId,
      actorType: "user",
      actorId: u.id,
      userId: u.id,
      role: u.role,
      teamIds: [],
      sessionId: null,
    });
    const rule = importEventRule(api.db);
    const sees = async (u: TestUser, workspaceId = ws.id) => rule(principal(u, workspaceId), event(ws.id, mine));
    expect(await sees(ws.users.member)).toBe(true);
    expect(await sees(ws.users.manager)).toBe(true);
    expect(await sees(ws.users.admin)).toBe(true);
    expect(await sees(ws.users.read_only)).toBe(false);
    const admins = (await upload(ws.users.admin, Buffer.from("First Name\nBen\n"))).json().id as string;
    expect(await rule(principal(ws.users.member), event(ws.id, admins))).toBe(false);
  });

  it("rejects bad requests with 400, 409 and 415, changing nothing", async () => {
    const up = await upload(ws.users.admin, Buffer.from("First Name,Email\nAna,a@x.io\n"));
    const id = up.json().id;
    const before = await snapshotCounts(api);
    for (const payload of [
      { mapping: ["firstName"] },
      { mapping: ["firstName", "password"] },
      { mapping: ["email", "firstName", null] },
      { matchBy: "fax" },
      { id: ZERO },
    ]) {
      const res = await asOn(t.app, ws.users.admin, { method: "PATCH", url: `/api/v1/imports/${id}`, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const noName = await asOn(t.app, ws.users.admin, {
      method: "PATCH",
      url: `/api/v1/imports/${id}`,
      payload: { mapping: [null, "email"] },
    });
    expect(noName.statusCode).toBe(200);
    expect((await asOn(t.app, ws.users.admin, { method: "POST", url: `/api/v1/imports/${id}/start` })).statusCode).toBe(400);
    expect((await asOn(t.app, ws.users.admin, { method: "POST", url: `/api/v1/imports/${id}/undo` })).statusCode).toBe(409);
    const json = await asOn(t.app, ws.users.admin, { method: "POST", url: "/api/v1/imports", payload: { file: "x" } });
    expect(json.statusCode).toBe(415);
    expect((await upload(ws.users.admin, Buffer.alloc(0))).statusCode).toBe(400);
    const after = await snapshotCounts(api);
    expect({ ...after, domain_events: 0 }).toEqual({ ...before, domain_events: 0 });
  });
});

describe("imports: files as they come", () => {
  it("detects a semicolon-delimited UTF-8 file with a BOM, quoted fields with line breaks, and suggests the mapping", async () => {
    const csv = '\uFEFFFirst Name;Last Name;Email;Notes\r\nAna;Souza;ANA@Example.com;"line 1\r\nline 2; with ""quotes"""\r\n';
    const up = await upload(ws.users.admin, Buffer.from(csv, "utf8"));
    expect(up.statusCode, up.body).toBe(201);
    const imp = up.json();
    expect(imp).toMatchObject({
      encoding: "utf-8-bom",
      delimiter: ";",
      headers: ["First Name", "Last Name", "Email", "Notes"],
      mapping: ["firstName", "lastName", "email", "notes"],
      status: "uploaded",
    });
    expect(imp.preview).toEqual([
      {
        row: 2,
        values: { firstName: "Ana", lastName: "Souza", email: ["ana@example.com"], notes: 'line 1\r\nline 2; with "quotes"' },
        errors: [],
      },
    ]);
  });

  it("reads UTF-16 and Latin-1 files", async () => {
    const w = await createTestWorkspace(api);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Given Name\tFamily Name\nJosé\tNuñez\n", "utf16le")]);
    const a = await importFile(w, utf16);
    expect(a).toMatchObject({ encoding: "utf-16le", delimiter: "\t", progress: { created: 1, failed: 0 } });
    const latin1 = iconv.encode("Vorname,Nachname,E-Mail\nJürgen,Müller,jm@example.de\n", "latin1");
    const b = await importFile(w, latin1);
    expect(b).toMatchObject({ encoding: "windows-1252", mapping: ["firstName", "lastName", "email"], progress: { created: 1 } });
    expect((await people(w)).map((p) => p.name)).toEqual(["José Nuñez", "Jürgen Müller"]);
  });

  it("imports vCard files of Google, Apple and Outlook like CSV files", async () => {
    const w = await createTestWorkspace(api);
    const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
    const files = ["google-contacts.vcf", "apple-contacts.vcf", "outlook.vcf"].map((f) => fs.readFileSync(path.join(dir, f)));
    const up = await upload(w.users.admin, files[0] as Buffer, "contacts.vcf");
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ delimiter: "vcard", encoding: "utf-8" });
    expect(up.json().preview[0].values).toMatchObject({ firstName: "Ana Maria", email: ["ana.souza@gmail.example", "ana@acme.example"] });
    for (const f of files) expect((await importFile(w, f)).progress).toMatchObject({ failed: 0 });
    const list = await people(w);
    expect(list.map((p) => [p.name, p.emails, p.phones, (p.companies as { name: string }[]).map((c) => c.name), p.tags])).toEqual([
      ["Ana Maria Souza", ["ana.souza@gmail.example", "ana@acme.example"], ["+5511912345678"], ["Acme Ltda."], ["myContacts", "Suppliers"]],
      ["Ben Okafor", ["ben@okafor.example"], [], [], ["myContacts"]],
      ["Jürgen Müller", ["juergen.mueller@mueller-soehne.example"], ["+49301234567", "+491712345678"], ["Müller & Söhne GmbH"], []],
      ["Renée Grün", ["renee.gruen@fabrikam.example"], ["+14255550100", "+14255550199"], ["Fabrikam Inc."], []],
    ]);
  });

  it("imports good rows, reports bad ones with row, column and reason, and keeps formula text as text", async () => {
    const w = await createTestWorkspace(api);
    const csv = [
      "First Name,Last Name,Email,Phone Number",
      "Ana,Souza,ana@x.io,+55 11 91234-5678",
      "Bo,Lind,not-an-email,",
      ",,nobody@x.io,",
      '\'=HYPERLINK("http://evil"),Formula,f@x.io,',
      "Cy,Young,cy@x.io,12",
    ].join("\n");
    const imp = await importFile(w, Buffer.from(csv));
    expect(imp.progress).toMatchObject({ rowsDone: 5, created: 2, updated: 0, skipped: 0, failed: 3 });
    expect(imp.status).toBe("completed");
    const report = await errorsCsv(w.users.admin, imp.id);
    expect(
      report
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n"),
    ).toEqual([
      "row,column,reason",
      "3,Email,not an email address",
      "4,First Name,a first or last name is required",
      "6,Phone Number,not a phone number",
    ]);
    const stored = await people(w);
    expect(stored.map((p) => p.firstName)).toEqual(['=HYPERLINK("http://evil")', "Ana"]);
    expect(stored[1]).toMatchObject({ emails: ["ana@x.io"], phones: ["+5511912345678"], ownerId: w.users.admin.id });
  });

  it("accepts a 1-byte file (a header and no rows) and a very wide header", async () => {
    const w = await createTestWorkspace(api);
    const tiny = await upload(w.users.admin, Buffer.from("x"));
    expect(tiny.statusCode, tiny.body).toBe(201);
    expect(tiny.json()).toMatchObject({ headers: ["x"], preview: [] });
    const headers = ["First Name", ...Array.from({ length: 10_000 }, (_, i) => `Col ${i}`)];
    const row = ["Wide", ...Array.from({ length: 10_000 }, (_, i) => String(i))];
    const imp = await importFile(w, Buffer.from(`${headers.join(",")}\n${row.join(",")}\n`));
    expect(imp.headers).toHaveLength(10_001);
    expect(imp.progress).toMatchObject({ created: 1, failed: 0 });
  });
});

describe("imports: one record per person", () => {
  it("creates a person once when the file repeats them, and updates, skips or creates on a match as asked", async () => {
    const w = await createTestWorkspace(api);
    const existing = await as(api, w.users.admin, {
      method: "POST",
      url: "/api/v1/contacts",
      payload: { firstName: "Old", lastName: "Name", emails: ["dup@x.io"], tags: ["kept"] },
    });
    expect(existing.statusCode).toBe(201);
    const csv = "First Name,Last Name,Email,Tags\nNew,Person,new@x.io,a\nNew,Person,NEW@x.io,b\nUpd,Ated,dup@x.io,c\n";
    const skip = await importFile(w, Buffer.from(csv), { onMatch: "skip" });
    expect(skip.progress).toMatchObject({ created: 1, updated: 0, skipped: 2, failed: 0 });
    const update = await importFile(w, Buffer.from(csv), { onMatch: "update" });
    expect(update.progress).toMatchObject({ created: 0, updated: 3 });
    const list = await people(w);
    expect(list.map((p) => [p.name, p.emails, p.tags])).toEqual([
      ["New Person", ["new@x.io"], ["a", "b"]],
      ["Upd Ated", ["dup@x.io"], ["kept", "c"]],
    ]);
    const create = await importFile(w, Buffer.from(csv), { onMatch: "create" });
    expect(create.progress).toMatchObject({ created: 2, updated: 1 });
    expect(await people(w)).toHaveLength(4);
  });

  it("matches by phone, runs dry without writing, links companies, and undoes", async () => {
    const w = await createTestWorkspace(api);
    const before = await as(api, w.users.admin, {
      method: "POST",
      url: "/api/v1/contacts",
      payload: { firstName: "Phone", lastName: "Owner", phones: ["+4930123456"], title: "Old title" },
    });
    const csv = "Name,Phone,Company,Title\nPhone Owner,+49 30 123456,Acme,New title\nFresh Face,+49 30 999999,ACME,\n";
    const counts = await snapshotCounts(api);
    const dry = await importFile(w, Buffer.from(csv), { matchBy: "phone", dryRun: true });
    expect(dry.progress).toMatchObject({ created: 1, updated: 1, failed: 0 });
    const after = await snapshotCounts(api);
    for (const table of ["contacts", "companies", "search_tokens", "contact_companies"]) expect(after[table], table).toBe(counts[table]);

    const real = await importFile(w, Buffer.from(csv), { matchBy: "phone" });
    expect(real.progress).toMatchObject({ created: 1, updated: 1 });
    expect(real.undoableUntil).not.toBeNull();
    const list = await people(w);
    expect(list.map((p) => [p.name, p.title, (p.companies as { name: string }[]).map((c) => c.name)])).toEqual([
      ["Fresh Face", null, ["Acme"]],
      ["Phone Owner", "New title", ["Acme"]],
    ]);
    const found = await as(api, w.users.admin, { method: "GET", url: "/api/v1/search?q=fresh" });
    expect(found.json().items.map((h: { title: string }) => h.title)).toContain("Fresh Face");

    const undo = await asOn(t.app, w.users.manager, { method: "POST", url: `/api/v1/imports/${real.id}/undo` });
    expect(undo.statusCode, undo.body).toBe(200);
    expect(undo.json()).toEqual({ removed: 1, restored: 1 });
    const restored = await people(w);
    expect(restored.map((p) => [p.name, p.title, p.companies])).toEqual([["Phone Owner", "Old title", []]]);
    expect(restored[0]?.id).toBe(before.json().id);
    const companies = await as(api, w.users.admin, { method: "GET", url: "/api/v1/companies" });
    expect(companies.json().items).toEqual([]);
    expect((await asOn(t.app, w.users.admin, { method: "POST", url: `/api/v1/imports/${real.id}/undo` })).statusCode).toBe(409);
  });

  it("announces each person it creates or changes with the event the contacts commands write", async () => {
    const w = await createTestWorkspace(api);
    const before = await as(api, w.users.admin, {
      method: "POST",
      url: "/api/v1/contacts",
      payload: { firstName: "Kept", lastName: "Same", emails: ["same@x.io"], title: "CTO" },
    });
    const existing = await as(api, w.users.admin, {
      method: "POST",
      url: "/api/v1/contacts",
      payload: { firstName: "Eve", lastName: "Old", emails: ["eve@x.io"] },
    });
    const csv = "First Name,Last Name,Email,Company,Title\nNia,New,nia@x.io,Acme,Buyer\nEve,Old,eve@x.io,,CEO\nKept,Same,same@x.io,,CTO\n";
    const done = await importFile(w, Buffer.from(csv), {}, w.users.manager);
    expect(done.progress).toMatchObject({ created: 1, updated: 2 });
    const events = await api.database.pool.query(
      `SELECT type, entity_id, actor_type, actor_id, payload FROM domain_events
        WHERE workspace_id = $1 AND type IN ('contact.created', 'contact.updated') AND occurred_at >= $2 ORDER BY seq`,
      [w.id, done.startedAt],
    );
    const nia = (await people(w)).find((p) => p.firstName === "Nia") as Record<string, unknown>;
    const acme = (nia.companies as { companyId: string }[])[0]?.companyId;
    expect(events.rows.map((e) => [e.type, e.entity_id, e.actor_type, e.actor_id])).toEqual([
      ["contact.created", nia.id, "user", w.users.manager.id],
      ["contact.updated", existing.json().id, "user", w.users.manager.id],
    ]);
    expect(events.rows[0].payload).toEqual({
      after: {
        firstName: "Nia",
        lastName: "New",
        title: "Buyer",
        emails: ["nia@x.io"],
        phones: [],
        addresses: [],
        social: {},
        lifecycleStage: "lead",
        source: null,
        ownerId: w.users.manager.id,
        tags: [],
        notes: null,
        custom: {},
        companyIds: [acme],
      },
      ownerId: w.users.manager.id,
    });
    expect(events.rows[1].payload).toEqual({
      changes: { title: { old: null, new: "CEO" } },
      ownerId: existing.json().ownerId,
      previousOwnerId: existing.json().ownerId,
    });
    // "Kept Same" changed nothing: no event for them.
    expect(events.rows.map((e) => e.entity_id)).not.toContain(before.json().id);
  });

  it("are described in the OpenAPI document", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    for (const path of [
      "/api/v1/imports",
      "/api/v1/imports/{id}",
      "/api/v1/imports/{id}/start",
      "/api/v1/imports/{id}/undo",
      "/api/v1/imports/{id}/errors.csv",
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.paths["/api/v1/contacts/export.csv"]).toBeDefined();
  });

  it("queues the job in the transaction that starts the import", async () => {
    const up = await upload(ws.users.admin, Buffer.from("First Name\nQueued\n"));
    const id = up.json().id;
    await asOn(t.app, ws.users.admin, { method: "POST", url: `/api/v1/imports/${id}/start` });
    const jobs = await api.database.pool.query(
      "SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'data-transfer.import' AND data->>'importId' = $1",
      [id],
    );
    expect(jobs.rows[0].n).toBe(1);
  });
});
