import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

let api: TestApi;
let t: Awaited<ReturnType<typeof transferApp>>;
let ws: TestWorkspace;
let other: TestWorkspace;

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

const upload = (user: TestUser, csv: string, query = "?objectType=company") =>
  uploadImport(t.app, user, "companies.csv", Buffer.from(csv), query);

async function importCompanies(w: TestWorkspace, csv: string, settings: Record<string, unknown> = {}, user = w.users.admin) {
  const up = await upload(user, csv);
  expect(up.statusCode, up.body).toBe(201);
  const id = up.json().id as string;
  if (Object.keys(settings).length) {
    const res = await asOn(t.app, user, { method: "PATCH", url: `/api/v1/imports/${id}`, payload: settings });
    expect(res.statusCode, res.body).toBe(200);
  }
  const started = await asOn(t.app, user, { method: "POST", url: `/api/v1/imports/${id}/start` });
  expect(started.statusCode, started.body).toBe(202);
  expect(await runImport({ db: api.db, storage: storage() }, { workspaceId: w.id, importId: id }, { batchRows: 2 })).toBe("completed");
  return (await asOn(t.app, user, { method: "GET", url: `/api/v1/imports/${id}` })).json();
}

async function companies(w: TestWorkspace) {
  const res = await as(api, w.users.admin, { method: "GET", url: "/api/v1/companies?limit=200&sort=name" });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Record<string, unknown>[];
}

describe("imports of companies", () => {
  it("suggest company fields for the headers of HubSpot, Salesforce and Pipedrive exports", async () => {
    const up = await upload(
      ws.users.admin,
      "Company name,Company Domain Name,Industry,Number of Employees,Billing Country,Phone Number,First Name\nAcme,acme.com,Retail,12,Germany,+49 30 123456,x\n",
    );
    expect(up.statusCode, up.body).toBe(201);
    const body = up.json();
    expect(body.objectType).toBe("company");
    expect(body.mapping).toEqual(["name", "domain", "industry", "employees", "country", "phone", null]);
    expect(body.targets.map((x: { key: string }) => x.key)).toContain("website");
    expect(body.targets.map((x: { key: string }) => x.key)).not.toContain("firstName");
    expect(body.preview[0].values).toMatchObject({ name: "Acme", domain: "acme.com", employees: 12, country: "DE" });
    for (const header of ["Account Name", "Organization - Name"]) {
      expect((await upload(ws.users.admin, `${header},Website\nA,https://www.a.io/x\n`)).json().mapping).toEqual(["name", "website"]);
    }
    // People stay the default.
    expect((await upload(ws.users.admin, "First Name\nAna\n", "")).json().objectType).toBe("contact");
  });

  it("create, match by domain and by name, fold duplicates of the file, report bad rows, and undo", async () => {
    const w = await createTestWorkspace(api);
    const seeded = await as(api, w.users.admin, {
      method: "POST",
      url: "/api/v1/companies",
      payload: { name: "Globex Corporation", domain: "globex.com", industry: "Energy", tags: ["old"] },
    });
    expect(seeded.statusCode, seeded.body).toBe(201);
    const byName = await as(api, w.users.admin, { method: "POST", url: "/api/v1/companies", payload: { name: "Initech" } });
    expect(byName.statusCode).toBe(201);

    const csv = [
      "Company name,Website,Industry,Employees,Tags,City",
      "Globex,https://www.globex.com,Utilities,1200,key,Springfield", // matches by domain: updated
      "Acme Inc,acme.com,Retail,10,,Berlin", // new
      "ACME INC,,,,vip,", // same company as the row above (folded name): updated in the file
      ",nameless.io,,,,", // no name: an error
      "Initéch,,Software,,,", // matches Initech by folded name
      "Umbrella,umbrella.com,,lots,,", // bad employees: an error
    ].join("\n");
    const done = await importCompanies(w, csv);
    expect(done.status).toBe("completed");
    expect(done.progress).toMatchObject({ rowsDone: 6, created: 1, updated: 3, skipped: 0, failed: 2 });

    const list = await companies(w);
    // The later row of the same company wins, as for people: its name cell is the newer value.
    expect(list.map((c) => c.name)).toEqual(["ACME INC", "Globex", "Initéch"]);
    const acme = list.find((c) => c.name === "ACME INC");
    expect(acme).toMatchObject({ domain: "acme.com", industry: "Retail", employees: 10, tags: ["vip"], ownerId: w.users.admin.id });
    expect(acme?.addresses).toEqual([{ city: "Berlin" }]);
    const globex = list.find((c) => c.id === seeded.json().id);
    expect(globex).toMatchObject({ name: "Globex", industry: "Utilities", employees: 1200, domain: "globex.com" });
    expect(globex?.tags).toEqual(expect.arrayContaining(["old", "key"]));

    const report = await asOn(t.app, w.users.admin, { method: "GET", url: `/api/v1/imports/${done.id}/errors` });
    expect(report.json().items).toEqual([
      { row: 5, column: "Company name", reason: "a company name is required" },
      { row: 7, column: "Employees", reason: expect.any(String) },
    ]);

    // Search finds the new company and the events say what happened.
    const hits = await as(api, w.users.admin, { method: "GET", url: "/api/v1/search?q=acme" });
    expect(JSON.stringify(hits.json())).toContain(acme?.id as string);
    const events = await api.database.pool.query<{ type: string; n: number }>(
      `SELECT type, count(*)::int AS n FROM domain_events WHERE workspace_id = $1 AND type LIKE 'company.%' GROUP BY type ORDER BY type`,
      [w.id],
    );
    // Two made by the API above, one by the import; updates: Globex, Initech, and Acme by its second row (a later batch).
    expect(events.rows).toEqual([
      { type: "company.created", n: 3 },
      { type: "company.updated", n: 3 },
    ]);

    const undo = await asOn(t.app, w.users.admin, { method: "POST", url: `/api/v1/imports/${done.id}/undo` });
    expect(undo.statusCode, undo.body).toBe(200);
    expect(undo.json()).toEqual({ removed: 1, restored: 2 });
    const after = await companies(w);
    expect(after.map((c) => c.name)).toEqual(["Globex Corporation", "Initech"]);
    expect(after[0]).toMatchObject({ industry: "Energy", employees: null, tags: ["old"] });
  });

  it("skip or create matches as chosen", async () => {
    const w = await createTestWorkspace(api);
    await as(api, w.users.admin, { method: "POST", url: "/api/v1/companies", payload: { name: "Hooli", domain: "hooli.com" } });
    const csv = "Company,Domain\nHooli XYZ,hooli.com\nPied Piper,piedpiper.com\n";
    const skipped = await importCompanies(w, csv, { onMatch: "skip" });
    expect(skipped.progress).toMatchObject({ created: 1, updated: 0, skipped: 1, failed: 0 });
    expect((await companies(w)).map((c) => c.name)).toEqual(["Hooli", "Pied Piper"]);
    const created = await importCompanies(w, "Company,Domain\nHooli XYZ,hooli.com\n", { onMatch: "create" });
    expect(created.progress).toMatchObject({ created: 1, updated: 0 });
  });

  it("answer 401, 403 and 400 on upload and 404 across workspaces, changing nothing", async () => {
    const csv = "Company name\nAcme\n";
    expect(
      (await t.app.inject({ method: "POST", url: "/api/v1/imports?objectType=company", ...multipartFile("a.csv", Buffer.from(csv)) }))
        .statusCode,
    ).toBe(401);
    const before = await snapshotCounts(api);
    expect((await upload(ws.users.read_only, csv)).statusCode).toBe(403);
    expect((await upload(ws.users.admin, csv, "?objectType=deal")).statusCode).toBe(400);
    expect((await upload(ws.users.admin, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nEND:VCARD\r\n")).statusCode).toBe(422);
    expect(await snapshotCounts(api)).toEqual(before);

    const id = (await upload(ws.users.admin, csv)).json().id as string;
    expect((await asOn(t.app, other.users.admin, { method: "GET", url: `/api/v1/imports/${id}` })).statusCode).toBe(404);
    expect((await asOn(t.app, other.users.admin, { method: "POST", url: `/api/v1/imports/${id}/start` })).statusCode).toBe(404);
    // People's fields are not targets of a companies file.
    const bad = await asOn(t.app, ws.users.admin, { method: "PATCH", url: `/api/v1/imports/${id}`, payload: { mapping: ["firstName"] } });
    expect(bad.statusCode).toBe(400);
  });
});
