import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestWorkspace,
  snapshotCounts,
  startTestApi,
  type TestApi,
  type TestUser,
  type TestWorkspace,
} from "../../../test/harness.js";
import { callAs, importStorage, transferApp, uploadImport } from "../test-api.js";
import { runImport } from "./import-job.js";

/** Issue 4 item 3: rows matched with existing people by an external id. */
let api: TestApi;
let t: Awaited<ReturnType<typeof transferApp>>;

beforeAll(async () => {
  api = await startTestApi();
  t = await transferApp(api);
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

/** Upload, match by external id, start, and run the job (in batches of `batchRows`) to the end. */
async function importByExternalId(w: TestWorkspace, csv: string, opts: { batchRows?: number; onMatch?: string; user?: TestUser } = {}) {
  const user = opts.user ?? w.users.admin;
  const up = await upload(user, csv);
  const set = await call(user, "PATCH", `/api/v1/imports/${up.id}`, {
    matchBy: "externalId",
    ...(opts.onMatch ? { onMatch: opts.onMatch } : {}),
  });
  expect(set.statusCode, set.body).toBe(200);
  expect(set.json().matchBy).toBe("externalId");
  expect((await call(user, "POST", `/api/v1/imports/${up.id}/start`)).statusCode).toBe(202);
  const done = await runImport({ db: api.db, storage: storage() }, { workspaceId: w.id, importId: up.id }, { batchRows: opts.batchRows });
  expect(done).toBe("completed");
  return (await call(user, "GET", `/api/v1/imports/${up.id}`)).json();
}

async function person(w: TestWorkspace, payload: object, externalId: string, user = w.users.admin) {
  const created = await call(user, "POST", "/api/v1/contacts", payload);
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const identity = await call(user, "POST", `/api/v1/contacts/${id}/identities`, { kind: "external_id", value: externalId, source: "api" });
  expect(identity.statusCode, identity.body).toBe(201);
  return id;
}

async function everyone(w: TestWorkspace) {
  const res = await call(w.users.admin, "GET", "/api/v1/contacts?limit=200&sort=firstName,lastName");
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { id: string; name: string; title: string | null; emails: string[] }[];
}

describe("imports: matching by external id", () => {
  it("updates the person holding the external id, creates for new ones, and folds duplicates of the file into one person", async () => {
    const w = await createTestWorkspace(api);
    const ana = await person(w, { firstName: "Ana", lastName: "Souza", emails: ["ana@x.io"], title: "Old" }, "hubspot:101");
    // Same email as a row below, but another external id: matching by external id must not pick her.
    const bea = await person(w, { firstName: "Bea", lastName: "Other", emails: ["shared@x.io"] }, "hubspot:102");
    const csv = [
      "External ID,First Name,Last Name,Email,Job Title",
      "hubspot:101,Ana,Souza,ana.new@x.io,Head of Sales",
      "hubspot:900,Carl,New,shared@x.io,",
      "hubspot:901,Dora,Twice,dora@x.io,",
      "hubspot:901,Dora,Twice,,CTO",
      ",No,Identifier,,",
      "hubspot:901,Dora,Twice,dora2@x.io,",
      "",
    ].join("\n");
    const up = await upload(w.users.admin, csv);
    expect(up.mapping[0]).toBe("externalId");
    // Batches of two rows: the duplicates of hubspot:901 are found across batches too.
    const imp = await importByExternalId(w, csv, { batchRows: 2 });
    expect(imp.progress).toMatchObject({ created: 3, updated: 3, skipped: 0, failed: 0 });

    const list = await everyone(w);
    expect(list.map((p) => p.name)).toEqual(["Ana Souza", "Bea Other", "Carl New", "Dora Twice", "No Identifier"]);
    const byName = new Map(list.map((p) => [p.name, p]));
    expect(byName.get("Ana Souza")).toMatchObject({ id: ana, title: "Head of Sales", emails: ["ana@x.io", "ana.new@x.io"] });
    expect(byName.get("Bea Other")).toMatchObject({ id: bea, title: null, emails: ["shared@x.io"] });
    expect(byName.get("Dora Twice")).toMatchObject({ title: "CTO", emails: ["dora@x.io", "dora2@x.io"] });

    const external = async (id: string) =>
      ((await call(w.users.admin, "GET", `/api/v1/contacts/${id}/identities`)).json().items as { kind: string; value: string }[])
        .filter((i) => i.kind === "external_id")
        .map((i) => i.value);
    expect(await external(byName.get("Carl New")?.id as string)).toEqual(["hubspot:900"]);
    expect(await external(byName.get("Dora Twice")?.id as string)).toEqual(["hubspot:901"]);

    // A second import of the same ids finds the people the first one created.
    const again = await importByExternalId(w, "External ID,First Name,Job Title\nhubspot:900,Carl,Buyer\nhubspot:901,Dora,\n");
    expect(again.progress).toMatchObject({ created: 0, updated: 2 });
    expect((await everyone(w)).find((p) => p.name === "Carl New")?.title).toBe("Buyer");

    const skipped = await importByExternalId(w, "External ID,First Name,Job Title\nhubspot:101,Ana,Skipped\nhubspot:902,Eva,\n", {
      onMatch: "skip",
    });
    expect(skipped.progress).toMatchObject({ created: 1, updated: 0, skipped: 1 });
    expect((await everyone(w)).find((p) => p.id === ana)?.title).toBe("Head of Sales");
  });

  it("does not update people the importer may not see: their external id creates a new person", async () => {
    const w = await createTestWorkspace(api);
    // Members see their team's records; the admin is in no team with them.
    const hidden = await person(w, { firstName: "Hidden", lastName: "Admin", ownerId: w.users.admin.id }, "crm:7");
    const imp = await importByExternalId(w, "External ID,First Name,Last Name\ncrm:7,Seen,ByMember\n", { user: w.users.member });
    expect(imp.progress).toMatchObject({ created: 1, updated: 0 });
    const list = await everyone(w);
    expect(list.find((p) => p.id === hidden)?.name).toBe("Hidden Admin");
    expect(list.map((p) => p.name)).toContain("Seen ByMember");
  });

  it("rejects matching by external id without a column mapped to it (400, nothing changed)", async () => {
    const w = await createTestWorkspace(api);
    const up = await upload(w.users.admin, "First Name,Email\nAna,a@x.io\n");
    const before = await snapshotCounts(api);
    const res = await call(w.users.admin, "PATCH", `/api/v1/imports/${up.id}`, { matchBy: "externalId" });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe("match_column_not_mapped");
    expect((await call(w.users.admin, "PATCH", `/api/v1/imports/${up.id}`, { matchBy: "external-id" })).statusCode).toBe(400);
    expect(await snapshotCounts(api)).toEqual(before);
    expect((await call(w.users.admin, "GET", `/api/v1/imports/${up.id}`)).json().matchBy).toBe("email");

    // Mapped, then unmapped while matching by it: also refused.
    const ok = await call(w.users.admin, "PATCH", `/api/v1/imports/${up.id}`, {
      mapping: ["firstName", "externalId"],
      matchBy: "externalId",
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const unmap = await call(w.users.admin, "PATCH", `/api/v1/imports/${up.id}`, { mapping: ["firstName", "email"] });
    expect(unmap.statusCode).toBe(400);
    expect((await call(w.users.admin, "GET", `/api/v1/imports/${up.id}`)).json()).toMatchObject({
      matchBy: "externalId",
      mapping: ["firstName", "externalId"],
    });
  });
});
