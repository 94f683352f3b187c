import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, createTestWorkspace, startTestApi, type TestApi, type TestUser, type TestWorkspace } from "../../../test/harness.js";
import { neutraliseCell } from "../csv-cells.rules.js";
import { formatCustomCell } from "../custom-cells.rules.js";
import { asOn, transferApp } from "../test-api.js";

let api: TestApi;
let t: Awaited<ReturnType<typeof transferApp>>;
let ws: TestWorkspace;

beforeAll(async () => {
  api = await startTestApi();
  t = await transferApp(api);
  ws = await createTestWorkspace(api);
});
afterAll(async () => {
  await t?.close();
  await api?.close();
});

async function person(user: TestUser, body: Record<string, unknown>) {
  const res = await as(api, user, { method: "POST", url: "/api/v1/contacts", payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function exportCsv(user: TestUser, query = "", object = "contacts") {
  const res = await asOn(t.app, user, { method: "GET", url: `/api/v1/${object}/export.csv${query}` });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.body.startsWith("\uFEFF")).toBe(true);
  return parse(res.body, { bom: true }) as string[][];
}

describe("exports", () => {
  it("answer 401 without credentials and 400 for unknown fields or columns", async () => {
    for (const url of ["/api/v1/contacts/export.csv", "/api/v1/companies/export.csv", "/api/v1/contacts/export.vcf"]) {
      expect((await t.app.inject({ method: "GET", url })).statusCode, url).toBe(401);
    }
    for (const url of [
      "/api/v1/contacts/export.csv?columns=name,password",
      "/api/v1/contacts/export.csv?filter[password][eq]=x",
      "/api/v1/contacts/export.csv?sort=emails",
      "/api/v1/companies/export.csv?columns=firstName",
      "/api/v1/contacts/export.vcf?filter[name][gt]=x",
    ]) {
      const res = await asOn(t.app, ws.users.admin, { method: "GET", url });
      expect(res.statusCode, url).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
    }
  });

  it("writes an RFC 4180 file with a BOM, neutralised formulas and joined multi-values, as an attachment", async () => {
    const w = await createTestWorkspace(api);
    await person(w.users.admin, {
      firstName: "=1+2",
      lastName: 'Quote "Comma", Line\nBreak',
      emails: ["a@x.io", "b@x.io"],
      phones: ["+4930123456"],
      tags: ["vip", "-1"],
      lifecycleStage: "customer",
    });
    const res = await asOn(t.app, w.users.read_only, {
      method: "GET",
      url: "/api/v1/contacts/export.csv?columns=firstName,lastName,email,phone,tags,lifecycleStage,ownerId",
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="people-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.body).toContain('"Quote ""Comma"", Line\nBreak"');
    expect(res.body.split("\r\n")[0]).toBe("\uFEFFFirst name,Last name,Email,Phone,Tags,Lifecycle stage,Owner");
    const rows = parse(res.body, { bom: true }) as string[][];
    expect(rows[1]).toEqual([
      "'=1+2",
      'Quote "Comma", Line\nBreak',
      "a@x.io; b@x.io",
      "'+4930123456",
      "vip; -1",
      "customer",
      w.users.admin.email,
    ]);
  });

  it("exports the rows of the list view: its filters, search, trash and the caller's visibility", async () => {
    const w = await createTestWorkspace(api);
    await person(w.users.member, { firstName: "Mine", lastName: "Member", lifecycleStage: "customer" });
    await person(w.users.admin, { firstName: "Theirs", lastName: "Admin", lifecycleStage: "customer" });
    await person(w.users.admin, { firstName: "Nobody", lastName: "Unowned", ownerId: null, lifecycleStage: "lead" });
    const gone = await person(w.users.admin, { firstName: "Gone", lastName: "Trash" });
    await as(api, w.users.admin, { method: "DELETE", url: `/api/v1/contacts/${gone.id}` });
    const names = (rows: string[][]) => rows.slice(1).map((r) => r[0]);
    expect(names(await exportCsv(w.users.admin, "?columns=name"))).toEqual(["Mine Member", "Nobody Unowned", "Theirs Admin"]);
    expect(names(await exportCsv(w.users.member, "?columns=name"))).toEqual(["Mine Member", "Nobody Unowned"]);
    expect(names(await exportCsv(w.users.admin, "?columns=name&filter[lifecycleStage][eq]=customer&sort=-name"))).toEqual([
      "Theirs Admin",
      "Mine Member",
    ]);
    expect(names(await exportCsv(w.users.admin, "?columns=name&q=theirs"))).toEqual(["Theirs Admin"]);
    expect(names(await exportCsv(w.users.member, "?columns=name&q=theirs"))).toEqual([]);
    expect(names(await exportCsv(w.users.admin, "?columns=name&trash=true"))).toEqual(["Gone Trash"]);
  });

  it("exports companies and vCards", async () => {
    const w = await createTestWorkspace(api);
    const co = await as(api, w.users.admin, {
      method: "POST",
      url: "/api/v1/companies",
      payload: { name: "Acme, Inc.", domain: "acme.example" },
    });
    expect(co.statusCode).toBe(201);
    await person(w.users.admin, {
      firstName: "Ana",
      lastName: "Souza",
      emails: ["ana@acme.example"],
      companies: [{ companyId: co.json().id }],
    });
    const companies = await exportCsv(w.users.admin, "?columns=name,domain", "companies");
    expect(companies).toEqual([
      ["Name", "Domain"],
      ["Acme, Inc.", "acme.example"],
    ]);
    const card = await asOn(t.app, w.users.admin, { method: "GET", url: "/api/v1/contacts/export.vcf" });
    expect(card.statusCode).toBe(200);
    expect(card.headers["content-type"]).toBe("text/vcard; charset=utf-8");
    expect(card.body).toContain("BEGIN:VCARD\r\nVERSION:4.0\r\n");
    expect(card.body).toContain("FN:Ana Souza\r\n");
    expect(card.body).toContain("ORG:Acme\\, Inc.\r\n");
  });

  it("writes cells in PostgreSQL exactly as the API shows the values, with filter values that look like SQL kept as data", async () => {
    const w = await createTestWorkspace(api);
    const field = await as(api, w.users.admin, {
      method: "POST",
      url: "/api/v1/custom-fields",
      payload: { objectType: "contact", key: "budget", label: "=Budget", type: "money" },
    });
    expect(field.statusCode, field.body).toBe(201);
    const co = await as(api, w.users.admin, { method: "POST", url: "/api/v1/companies", payload: { name: "Zeta" } });
    const tricky = "O'Br\\ien $1 '); DROP TABLE contacts; --";
    const budgets = [
      { amount: 1999, currency: "EUR" },
      { amount: -5, currency: "EUR" },
      { amount: 1234567, currency: "JPY" },
      { amount: 7, currency: "BHD" },
      { amount: 0, currency: "USD" },
    ];
    const titles = ["''@twice", "\\tab", "@handle", null, "plain"];
    const made = [];
    for (const [i, budget] of budgets.entries()) {
      made.push(
        await person(w.users.admin, {
          firstName: `P${i}`,
          lastName: tricky,
          title: titles[i],
          companies: i === 0 ? [{ companyId: co.json().id }] : [],
          custom: { budget },
        }),
      );
    }
    await person(w.users.admin, { firstName: "Other", lastName: "Person" });
    const rows = await exportCsv(
      w.users.admin,
      `?columns=id,firstName,title,companyId,ownerId,createdAt,custom.budget&sort=firstName&filter[lastName][contains]=${encodeURIComponent(tricky)}`,
    );
    expect(rows[0]).toEqual(["ID", "First name", "Title", "Company", "Owner", "Created", "'=Budget"]);
    expect(rows.slice(1)).toEqual(
      made.map((p, i) => [
        p.id,
        p.firstName,
        neutraliseCell(p.title ?? ""),
        i === 0 ? "Zeta" : "",
        w.users.admin.email,
        p.createdAt,
        neutraliseCell(formatCustomCell({ type: "money" }, budgets[i])),
      ]),
    );
    expect(rows.slice(1).map((r) => r[2])).toEqual(["'''@twice", "\\tab", "'@handle", "", "plain"]);
    expect(rows.slice(1).map((r) => r[6])).toEqual(["19.99 EUR", "'-0.05 EUR", "1234567 JPY", "0.007 BHD", "0.00 USD"]);
  });
});
