import { type Endpoint, importEndpoints } from "@rapport/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestWorkspace,
  snapshotCounts,
  startTestApi,
  type TestApi,
  type TestUser,
  type TestWorkspace,
} from "../../../test/harness.js";
import { asOn, callAs, importStorage, multipartFile, transferApp, uploadImport } from "../test-api.js";
import { runImport } from "./import-job.js";

/** What the web import wizard reads besides the import itself: the list, the errors as JSON, the raw sample, undo's events. */
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
const call = (user: TestUser, method: "GET" | "POST" | "PATCH", url: string, payload?: object) => callAs(t.app, user, method, url, payload);

async function upload(user: TestUser, csv: string) {
  const res = await uploadImport(t.app, user, "people.csv", Buffer.from(csv));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function run(w: TestWorkspace, user: TestUser, id: string) {
  expect((await call(user, "POST", `/api/v1/imports/${id}/start`)).statusCode).toBe(202);
  expect(await runImport({ db: api.db, storage: storage() }, { workspaceId: w.id, importId: id })).toBe("completed");
}

describe("imports: list", () => {
  it("answers 401 on every JSON endpoint without credentials, and describes them in the OpenAPI document", async () => {
    for (const e of Object.values(importEndpoints) as Endpoint[]) {
      const res = await t.app.inject({ method: e.method, url: e.path.replace("{id}", ZERO), payload: e.body ? {} : undefined });
      expect(res.statusCode, `${e.method} ${e.path}`).toBe(401);
    }
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    expect(doc.paths["/api/v1/imports"].get).toBeDefined();
    expect(doc.paths["/api/v1/imports/{id}/errors"].get).toBeDefined();
  });

  it("answers 401 without credentials and 403 for read-only users", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/v1/imports" })).statusCode).toBe(401);
    expect((await t.app.inject({ method: "GET", url: `/api/v1/imports/${ZERO}/errors` })).statusCode).toBe(401);
    expect((await call(ws.users.read_only, "GET", "/api/v1/imports")).statusCode).toBe(403);
    expect((await call(ws.users.read_only, "GET", `/api/v1/imports/${ZERO}/errors`)).statusCode).toBe(403);
  });

  it("lists the caller's own imports (all of them for managers), newest first, page by page, never another workspace's", async () => {
    const w = await createTestWorkspace(api);
    const a = await upload(w.users.member, "First Name\nAna\n");
    const b = await upload(w.users.member, "First Name\nBea\n");
    const c = await upload(w.users.admin, "First Name\nCid\n");
    await upload(other.users.admin, "First Name\nOther\n");

    const mine = await call(w.users.member, "GET", "/api/v1/imports");
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items.map((i: { id: string }) => i.id)).toEqual([b.id, a.id]);
    expect(mine.json().items[0]).toMatchObject({ status: "uploaded", filename: "people.csv", dryRun: false, progress: { rowsDone: 0 } });
    expect(mine.json().items[0].headers).toBeUndefined();

    const first = await call(w.users.manager, "GET", "/api/v1/imports?limit=2");
    expect(first.json().items.map((i: { id: string }) => i.id)).toEqual([c.id, b.id]);
    const second = await call(w.users.manager, "GET", `/api/v1/imports?limit=2&cursor=${first.json().nextCursor}`);
    expect(second.json()).toEqual({ items: [expect.objectContaining({ id: a.id })], nextCursor: null });

    expect((await call(w.users.manager, "GET", "/api/v1/imports?cursor=nonsense")).statusCode).toBe(400);
    expect((await call(w.users.manager, "GET", "/api/v1/imports?limit=0")).statusCode).toBe(400);
  });
});

describe("imports: what the wizard shows", () => {
  it("gives the first raw rows per column next to the preview", async () => {
    const up = await upload(ws.users.admin, 'Name,Email,Notes\nAna Souza,ana@x.io,"a, b\nc"\nBo,,\nCy,cy@x.io\nDi,di@x.io,x\n');
    expect(up.sample).toEqual([
      ["Ana Souza", "ana@x.io", "a, b\nc"],
      ["Bo", "", ""],
      ["Cy", "cy@x.io", ""],
    ]);
    expect(up.preview).toHaveLength(4);
  });

  it("lists a dry run's rejected rows as JSON, in file order, page by page", async () => {
    const csv = "First Name,Email,Phone\nAna,bad-email,\nBea,bea@x.io,\nCid,also bad,not a phone\nDan,dan@x.io,\n";
    const up = await upload(ws.users.admin, csv);
    expect((await call(ws.users.admin, "PATCH", `/api/v1/imports/${up.id}`, { dryRun: true })).statusCode).toBe(200);
    const before = await snapshotCounts(api);
    await run(ws, ws.users.admin, up.id);
    expect((await snapshotCounts(api)).contacts).toBe(before.contacts);

    const all = await call(ws.users.admin, "GET", `/api/v1/imports/${up.id}/errors`);
    expect(all.statusCode, all.body).toBe(200);
    const items = all.json().items as { row: number; column: string; reason: string }[];
    expect(items.map((e) => [e.row, e.column])).toEqual([
      [2, "Email"],
      [4, "Email"],
      [4, "Phone"],
    ]);
    expect(items.every((e) => e.reason.length > 0)).toBe(true);
    expect(all.json().nextCursor).toBeNull();

    const page1 = await call(ws.users.admin, "GET", `/api/v1/imports/${up.id}/errors?limit=2`);
    expect(page1.json().items).toEqual(items.slice(0, 2));
    const page2 = await call(ws.users.admin, "GET", `/api/v1/imports/${up.id}/errors?limit=2&cursor=${page1.json().nextCursor}`);
    expect(page2.json()).toEqual({ items: items.slice(2), nextCursor: null });

    expect((await call(other.users.admin, "GET", `/api/v1/imports/${up.id}/errors`)).statusCode).toBe(404);
    expect((await call(ws.users.member, "GET", `/api/v1/imports/${up.id}/errors`)).statusCode).toBe(404);
    expect((await call(ws.users.admin, "GET", `/api/v1/imports/${up.id}/errors?cursor=x`)).statusCode).toBe(400);
    expect((await call(ws.users.admin, "GET", "/api/v1/imports/not-a-uuid/errors")).statusCode).toBe(400);
  });
});

describe("imports: undo", () => {
  it("announces which people it trashed and which it restored, by id", async () => {
    const w = await createTestWorkspace(api);
    const existing = await call(w.users.admin, "POST", "/api/v1/contacts", { firstName: "Eve", lastName: "Old", emails: ["eve@x.io"] });
    const up = await upload(w.users.admin, "First Name,Last Name,Email,Company\nNia,New,nia@x.io,Acme\nEve,Old,eve@x.io,\n");
    await run(w, w.users.admin, up.id);
    const done = (await call(w.users.admin, "GET", `/api/v1/imports/${up.id}`)).json();
    expect(done.progress).toMatchObject({ created: 1, updated: 1 });
    const created = await api.database.pool.query(
      "SELECT entity_id FROM import_rows WHERE workspace_id = $1 AND import_id = $2 AND action = 'c' ORDER BY entity_type",
      [w.id, up.id],
    );
    const [companyId, niaId] = created.rows.map((r) => r.entity_id);

    const undo = await call(w.users.admin, "POST", `/api/v1/imports/${up.id}/undo`);
    expect(undo.statusCode, undo.body).toBe(200);
    const events = await api.database.pool.query(
      "SELECT type, entity_id, payload FROM domain_events WHERE workspace_id = $1 AND type LIKE 'import.%undone' ORDER BY seq",
      [w.id],
    );
    expect(events.rows.map((e) => [e.type, e.entity_id])).toEqual([
      ["import.rows_undone", up.id],
      ["import.rows_undone", up.id],
      ["import.rows_undone", up.id],
      ["import.undone", up.id],
    ]);
    const ids = (key: string) => events.rows.flatMap((e) => e.payload[key] ?? []);
    expect(ids("removedIds")).toEqual([niaId]);
    expect(ids("removedCompanyIds")).toEqual([companyId]);
    expect(ids("restoredIds")).toEqual([existing.json().id]);
    expect(events.rows[3].payload).toEqual({ removed: 1, restored: 1 });

    const listed = (await call(w.users.admin, "GET", "/api/v1/imports")).json().items[0];
    expect(listed).toMatchObject({ id: up.id, status: "undone", undoableUntil: null });
    expect(listed.undoneAt).not.toBeNull();
  });
});

describe("imports: identities", () => {
  it("gives people the vCard's UID and social profiles as identities with the import as source, and undo takes them back", async () => {
    const w = await createTestWorkspace(api);
    const holder = await call(w.users.admin, "POST", "/api/v1/contacts", { firstName: "Holder", lastName: "Of", emails: ["holder@x.io"] });
    expect(
      (
        await call(w.users.admin, "POST", `/api/v1/contacts/${holder.json().id}/identities`, {
          kind: "external_id",
          value: "vcard:taken-uid",
          source: "api",
        })
      ).statusCode,
    ).toBe(201);
    const vcf = [
      "BEGIN:VCARD",
      "VERSION:3.0",
      "FN:Ana Souza",
      "N:Souza;Ana;;;",
      "EMAIL:ana@x.io",
      "UID:urn:uuid:0b8e6f1c-1111-4222-8333-944455556666",
      "X-SOCIALPROFILE;type=twitter:https://twitter.com/AnaSouza",
      "IMPP:skype:ana.souza",
      "URL:https://www.linkedin.com/in/ana-souza/",
      "URL:https://souza-foods.example",
      "END:VCARD",
      "BEGIN:VCARD",
      "VERSION:3.0",
      "FN:Ben Taken",
      "N:Taken;Ben;;;",
      "UID:taken-uid",
      "END:VCARD",
      "",
    ].join("\r\n");
    const res = await asOn(t.app, w.users.admin, {
      method: "POST",
      url: "/api/v1/imports",
      ...multipartFile("contacts.vcf", Buffer.from(vcf)),
    });
    expect(res.statusCode, res.body).toBe(201);
    const up = res.json();
    expect(up.mapping.slice(-2)).toEqual(["externalId", "social"]);
    expect(up.preview[0].values).toMatchObject({
      externalId: "vcard:urn:uuid:0b8e6f1c-1111-4222-8333-944455556666",
      social: ["x:anasouza", "skype:ana.souza", "linkedin:ana-souza"],
    });
    await run(w, w.users.admin, up.id);
    const people = (await call(w.users.admin, "GET", "/api/v1/contacts?sort=firstName")).json().items as { id: string; name: string }[];
    const ana = people.find((p) => p.name === "Ana Souza") as { id: string };
    const ben = people.find((p) => p.name === "Ben Taken") as { id: string };
    const identities = async (id: string) =>
      (
        (await call(w.users.admin, "GET", `/api/v1/contacts/${id}/identities`)).json().items as {
          kind: string;
          value: string;
          source: string;
        }[]
      )
        .filter((i) => i.kind === "external_id" || i.kind === "social")
        .map((i) => [i.kind, i.value, i.source])
        .sort();
    const source = `import:${up.id}`;
    expect(await identities(ana.id)).toEqual([
      ["external_id", "vcard:urn:uuid:0b8e6f1c-1111-4222-8333-944455556666", source],
      ["social", "linkedin:ana-souza", source],
      ["social", "skype:ana.souza", source],
      ["social", "x:anasouza", source],
    ]);
    // An external id identifies one person: the one who already holds it keeps it alone.
    expect(await identities(ben.id)).toEqual([]);

    // Undo takes back what the import added, also from people it only updated.
    const again = await asOn(t.app, w.users.admin, {
      method: "POST",
      url: "/api/v1/imports",
      ...multipartFile("holder.csv", Buffer.from("Email,First Name,Social profiles\nholder@x.io,Holder,github:holder\n")),
    });
    await run(w, w.users.admin, again.json().id);
    expect(await identities(holder.json().id)).toEqual([
      ["external_id", "vcard:taken-uid", "api"],
      ["social", "github:holder", `import:${again.json().id}`],
    ]);
    expect((await call(w.users.admin, "POST", `/api/v1/imports/${again.json().id}/undo`)).statusCode).toBe(200);
    expect(await identities(holder.json().id)).toEqual([["external_id", "vcard:taken-uid", "api"]]);
  });
});
