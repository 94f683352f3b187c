import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, createTestWorkspace, startTestApi, type TestApi, type TestWorkspace } from "../../test/harness.js";
import { runImport } from "./import/import-job.js";
import { asOn, importStorage, multipartFile, transferApp } from "./test-api.js";

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

const FIELDS = [
  { key: "tier", label: "Tier", type: "select", options: ["gold", "silver"] },
  { key: "topics", label: "Topics", type: "multi_select", options: ["crm", "erp"] },
  { key: "score", label: "Score", type: "number" },
  { key: "budget", label: "Budget", type: "money" },
  { key: "since", label: "Customer since", type: "date" },
  { key: "active", label: "Active", type: "boolean" },
  { key: "site", label: "Website", type: "url" },
  { key: "assistant", label: "Assistant email", type: "email" },
  { key: "hotline", label: "Hotline", type: "phone" },
  { key: "motto", label: "Motto", type: "text" },
];

async function withFields(w: TestWorkspace) {
  for (const f of FIELDS) {
    const res = await as(api, w.users.admin, { method: "POST", url: "/api/v1/custom-fields", payload: { objectType: "contact", ...f } });
    expect(res.statusCode, res.body).toBe(201);
  }
}

async function all(w: TestWorkspace) {
  const res = await as(api, w.users.admin, { method: "GET", url: "/api/v1/contacts?limit=200&sort=lastName" });
  return (res.json().items as Record<string, unknown>[]).map(
    ({ id: _i, ownerId: _o, createdAt: _c, updatedAt: _u, lastInteractionAt: _l, deletedAt: _d, companies, ...rest }) => ({
      ...rest,
      companies: (companies as { name: string }[]).map((c) => c.name),
    }),
  );
}

describe("export → import round trip", () => {
  it("reads an exported file back to exactly the stored values", async () => {
    const a = await createTestWorkspace(api);
    const b = await createTestWorkspace(api);
    await withFields(a);
    await withFields(b);
    const co = await as(api, a.users.admin, { method: "POST", url: "/api/v1/companies", payload: { name: 'Müller & "Söhne", GmbH' } });
    const people = [
      {
        firstName: "=cmd|' /C calc'!A0",
        lastName: 'O\'Brien; "Jr."',
        title: "-Head of @ops",
        emails: ["ana@example.com", "a.souza@example.org"],
        phones: ["+49 30 1234567", "+1 415 555 0100"],
        tags: ["vip", "+plus", "ünïcødé 🎉"],
        lifecycleStage: "customer",
        source: "@web",
        notes: 'line 1\nline 2, with "quotes"\r\n\tand a tab',
        addresses: [{ street: "Hauptstr. 1", city: "Berlin", postalCode: "10115", region: "BE", country: "DE" }],
        companies: [{ companyId: co.json().id }],
        custom: {
          tier: "gold",
          topics: ["crm", "erp"],
          score: -3.5,
          budget: { amount: 1999, currency: "EUR" },
          since: "2020-02-29",
          active: false,
          site: "https://example.com/a?b=1",
          assistant: "assist@example.com",
          hotline: "+4930901820",
          motto: "'=quoted already",
        },
      },
      { firstName: "Solo", lastName: "", emails: ["solo@example.com"] },
      { firstName: "", lastName: "Lastonly", phones: ["+44 20 7946 0958"], custom: { active: true } },
    ];
    for (const p of people) {
      const res = await as(api, a.users.admin, { method: "POST", url: "/api/v1/contacts", payload: p });
      expect(res.statusCode, res.body).toBe(201);
    }
    const columns = "firstName,lastName,title,email,phone,companyId,lifecycleStage,source,tags,street,city,postalCode,region,country,notes";
    const custom = FIELDS.map((f) => `custom.${f.key}`).join(",");
    const file = await asOn(t.app, a.users.admin, { method: "GET", url: `/api/v1/contacts/export.csv?columns=${columns},${custom}` });
    expect(file.statusCode).toBe(200);

    const up = await asOn(t.app, b.users.admin, {
      method: "POST",
      url: "/api/v1/imports",
      ...multipartFile("people.csv", file.rawPayload),
    });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json().mapping).not.toContain(null);
    expect((await asOn(t.app, b.users.admin, { method: "POST", url: `/api/v1/imports/${up.json().id}/start` })).statusCode).toBe(202);
    const storage = importStorage();
    expect(await runImport({ db: api.db, storage }, { workspaceId: b.id, importId: up.json().id })).toBe("completed");

    const errors = await asOn(t.app, b.users.admin, { method: "GET", url: `/api/v1/imports/${up.json().id}/errors.csv` });
    expect(errors.body.replace(/^\uFEFF/, "").trim()).toBe("row,column,reason");
    const original = await all(a);
    expect(original).toHaveLength(3);
    expect(original.find((p) => (p as { lastName?: string }).lastName === 'O\'Brien; "Jr."')).toMatchObject({
      custom: { budget: { amount: 1999, currency: "EUR" } },
      companies: ['Müller & "Söhne", GmbH'],
    });
    expect(await all(b)).toEqual(original);
  });
});
