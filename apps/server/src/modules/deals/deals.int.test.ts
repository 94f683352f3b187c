import { dealEndpoints, type Endpoint, pipelineEndpoints, productEndpoints } from "@rapport/contract";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  as,
  createTestWorkspace,
  snapshotCounts,
  startTestApi,
  type TestApi,
  type TestUser,
  type TestWorkspace,
} from "../../test/harness.js";
import { dealEventRule } from "./index.js";

let api: TestApi;
let ws: TestWorkspace;
let other: TestWorkspace;

beforeAll(async () => {
  api = await startTestApi();
  ws = await createTestWorkspace(api);
  other = await createTestWorkspace(api);
});
afterAll(() => api?.close());

const ZERO = "00000000-0000-4000-8000-000000000000";
// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely; the assertions check them.
type Json = Record<string, any>;

async function call(user: TestUser, method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE", url: string, payload?: Json) {
  return as(api, user, { method, url, ...(payload ? { payload } : {}) });
}
async function ok(user: TestUser, method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE", url: string, payload?: Json, status = 200) {
  const res = await call(user, method, url, payload);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return res.statusCode === 204 ? undefined : res.json();
}
const pipeline = (t: TestWorkspace, payload: Json = { name: `Pipe ${Math.random()}` }) =>
  ok(t.users.admin, "POST", "/api/v1/pipelines", payload, 201);
const deal = (user: TestUser, payload: Json) => ok(user, "POST", "/api/v1/deals", payload, 201);
const events = async (entityId: string) =>
  (
    await sql<{
      type: string;
      payload: Json;
    }>`SELECT type, payload FROM domain_events WHERE entity_id = ${entityId}::uuid ORDER BY id`.execute(api.db)
  ).rows;

describe("sales endpoints", () => {
  it("answer 401 without credentials", async () => {
    const all: Endpoint[] = [...Object.values(pipelineEndpoints), ...Object.values(dealEndpoints), ...Object.values(productEndpoints)];
    for (const e of all) {
      const url = e.path.replace("{id}", ZERO).replace("{stageId}", ZERO);
      const res = await api.app.inject({ method: e.method, url, payload: e.body ? {} : undefined });
      expect(res.statusCode, `${e.method} ${e.path}`).toBe(401);
    }
  });
});

describe("OpenAPI", () => {
  it("documents the sales endpoints", async () => {
    const doc = (await api.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    for (const path of ["/api/v1/pipelines/{id}/board", "/api/v1/deals/{id}/stage", "/api/v1/deals/{id}/history", "/api/v1/products"]) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
    expect(Object.keys(doc.paths["/api/v1/deals/{id}/stage"])).toEqual(["post"]);
  });
});

describe("pipelines and stages", () => {
  it("creates a pipeline with the standard stages, changes, reorders and removes stages", async () => {
    const p = await pipeline(ws);
    expect(p.stages.map((s: Json) => [s.name, s.probability, s.kind])).toEqual([
      ["Qualification", 10, "open"],
      ["Needs analysis", 25, "open"],
      ["Proposal", 50, "open"],
      ["Negotiation", 75, "open"],
      ["Won", 100, "won"],
      ["Lost", 0, "lost"],
    ]);
    const m = ws.users.manager;
    const added = await ok(
      m,
      "POST",
      `/api/v1/pipelines/${p.id}/stages`,
      { name: "Demo", probability: 30, rottingDays: 7, position: 2 },
      201,
    );
    expect(added.stages.map((s: Json) => s.name).slice(0, 4)).toEqual(["Qualification", "Needs analysis", "Demo", "Proposal"]);
    const demo = added.stages[2];
    const changed = await ok(m, "PATCH", `/api/v1/pipelines/${p.id}/stages/${demo.id}`, { name: "Live demo", probability: 35 });
    expect(changed.stages[2]).toMatchObject({ name: "Live demo", probability: 35, rottingDays: 7, position: 2 });
    const reversed = [...changed.stages].reverse().map((s: Json) => s.id);
    const reordered = await ok(m, "PUT", `/api/v1/pipelines/${p.id}/stages/order`, { stageIds: reversed });
    expect(reordered.stages.map((s: Json) => s.id)).toEqual(reversed);
    expect((await call(m, "PUT", `/api/v1/pipelines/${p.id}/stages/order`, { stageIds: reversed.slice(1) })).statusCode).toBe(400);
    await ok(m, "DELETE", `/api/v1/pipelines/${p.id}/stages/${demo.id}`, undefined, 204);
    expect((await ok(m, "GET", `/api/v1/pipelines/${p.id}`)).stages).toHaveLength(6);
    const types = (await events(p.id)).map((e) => e.type);
    expect(types[0]).toBe("pipeline.created");
    expect(types.filter((t) => t === "pipeline.updated")).toHaveLength(4);
  });

  it("keeps a stage that deals were in, and at least one open stage", async () => {
    const p = await pipeline(ws, {
      name: "Tiny",
      stages: [
        { name: "Open", probability: 20 },
        { name: "Won", probability: 100, kind: "won" },
      ],
    });
    const [open, won] = p.stages;
    const a = ws.users.admin;
    const d = await deal(a, { name: "Uses stage", pipelineId: p.id });
    expect(d.stageId).toBe(open.id);
    expect((await call(a, "DELETE", `/api/v1/pipelines/${p.id}/stages/${open.id}`)).json().code).toBe("stage_in_use");
    expect((await call(a, "PATCH", `/api/v1/pipelines/${p.id}/stages/${open.id}`, { kind: "won" })).statusCode).toBe(409);
    expect((await call(a, "DELETE", `/api/v1/pipelines/${p.id}/stages/${won.id}`)).statusCode).toBe(204);
    const onlyOpen = await ok(a, "GET", `/api/v1/pipelines/${p.id}`);
    expect(onlyOpen.stages).toHaveLength(1);
    expect(
      (await call(a, "POST", "/api/v1/pipelines", { name: "x", stages: [{ name: "W", probability: 100, kind: "won" }] })).statusCode,
    ).toBe(400);
  });

  it("archives a pipeline: hidden by default, no deal can enter, back on unarchive", async () => {
    const p = await pipeline(ws);
    const a = ws.users.admin;
    const d = await deal(a, { name: "Before archive", pipelineId: p.id });
    await ok(a, "POST", `/api/v1/pipelines/${p.id}/archive`);
    const active = await ok(a, "GET", "/api/v1/pipelines");
    expect(active.items.map((x: Json) => x.id)).not.toContain(p.id);
    expect((await ok(a, "GET", "/api/v1/pipelines?archived=true")).items.map((x: Json) => x.id)).toContain(p.id);
    expect((await call(a, "POST", "/api/v1/deals", { name: "x", pipelineId: p.id })).json().code).toBe("pipeline_archived");
    expect((await call(a, "POST", `/api/v1/deals/${d.id}/stage`, { stageId: p.stages[1].id })).statusCode).toBe(422);
    await ok(a, "POST", `/api/v1/pipelines/${p.id}/unarchive`);
    await ok(a, "POST", `/api/v1/deals/${d.id}/stage`, { stageId: p.stages[1].id });
  });

  it("lets only admins and managers change pipelines; denied or invalid calls change nothing; other workspaces' ids are 404", async () => {
    const p = await pipeline(ws);
    const before = await snapshotCounts(api);
    for (const role of ["member", "read_only"] as const) {
      const u = ws.users[role];
      for (const [method, url, payload] of [
        ["POST", "/api/v1/pipelines", { name: "No" }],
        ["PATCH", `/api/v1/pipelines/${p.id}`, { name: "No" }],
        ["POST", `/api/v1/pipelines/${p.id}/archive`, undefined],
        ["POST", `/api/v1/pipelines/${p.id}/stages`, { name: "No", probability: 1 }],
        ["PATCH", `/api/v1/pipelines/${p.id}/stages/${p.stages[0].id}`, { name: "No" }],
        ["DELETE", `/api/v1/pipelines/${p.id}/stages/${p.stages[0].id}`, undefined],
        ["PUT", `/api/v1/pipelines/${p.id}/stages/order`, { stageIds: p.stages.map((s: Json) => s.id) }],
        ["POST", "/api/v1/products", { code: "NO", name: "No" }],
      ] as const) {
        const res = await call(u, method, url, payload as Json | undefined);
        expect(res.statusCode, `${role} ${method} ${url}`).toBe(403);
      }
      expect((await call(u, "GET", `/api/v1/pipelines/${p.id}`)).statusCode).toBe(200);
    }
    const a = ws.users.admin;
    for (const [method, url, payload] of [
      ["POST", "/api/v1/pipelines", { name: "" }],
      ["POST", "/api/v1/pipelines", { name: "x", id: ZERO }],
      ["POST", `/api/v1/pipelines/${p.id}/stages`, { name: "x", probability: 101 }],
      ["PATCH", `/api/v1/pipelines/${p.id}/stages/${p.stages[0].id}`, { kind: "maybe" }],
      ["POST", "/api/v1/deals", { name: "x", amountMinor: 1.5 }],
      ["POST", "/api/v1/deals", { name: "x", stageId: ZERO }],
      ["POST", "/api/v1/deals", { name: "x", status: "won" }],
      ["POST", "/api/v1/products", { code: "bad code!", name: "x" }],
    ] as const) {
      expect((await call(a, method, url, payload)).statusCode, `${method} ${url} ${JSON.stringify(payload)}`).toBe(400);
    }
    const o = other.users.admin;
    expect((await call(o, "GET", `/api/v1/pipelines/${p.id}`)).statusCode).toBe(404);
    expect((await call(o, "GET", `/api/v1/pipelines/${p.id}/board`)).statusCode).toBe(404);
    expect((await call(o, "PATCH", `/api/v1/pipelines/${p.id}`, { name: "Hijack" })).statusCode).toBe(404);
    expect((await call(o, "PATCH", `/api/v1/pipelines/${p.id}/stages/${p.stages[0].id}`, { name: "Hijack" })).statusCode).toBe(404);
    expect(await snapshotCounts(api)).toEqual(before);
  });
});

describe("products", () => {
  it("keeps a catalogue with a price per currency and unique codes", async () => {
    const m = ws.users.manager;
    const p = await ok(
      m,
      "POST",
      "/api/v1/products",
      {
        code: "CRM-PRO",
        name: "CRM Pro seat",
        productLine: "Software",
        prices: [
          { currency: "eur", unitPriceMinor: 4900 },
          { currency: "USD", unitPriceMinor: 5500 },
        ],
      },
      201,
    );
    expect(p.prices).toEqual([
      { currency: "EUR", unitPriceMinor: 4900 },
      { currency: "USD", unitPriceMinor: 5500 },
    ]);
    expect((await call(m, "POST", "/api/v1/products", { code: "crm-pro", name: "Duplicate" })).statusCode).toBe(409);
    expect(
      (
        await call(m, "POST", "/api/v1/products", {
          code: "X1",
          name: "Two EUR",
          prices: [
            { currency: "EUR", unitPriceMinor: 1 },
            { currency: "EUR", unitPriceMinor: 2 },
          ],
        })
      ).statusCode,
    ).toBe(400);
    const changed = await ok(m, "PATCH", `/api/v1/products/${p.id}`, {
      active: false,
      prices: [{ currency: "EUR", unitPriceMinor: 5900 }],
    });
    expect(changed).toMatchObject({ active: false, prices: [{ currency: "EUR", unitPriceMinor: 5900 }] });
    for (let i = 0; i < 5; i++) await ok(m, "POST", "/api/v1/products", { code: `PAGE-${i}`, name: `Paged ${i}` }, 201);
    const first = await ok(ws.users.read_only, "GET", "/api/v1/products?q=paged&limit=3");
    expect(first.items.map((x: Json) => x.name)).toEqual(["Paged 0", "Paged 1", "Paged 2"]);
    const second = await ok(ws.users.read_only, "GET", `/api/v1/products?q=paged&limit=3&cursor=${first.nextCursor}`);
    expect(second.items.map((x: Json) => x.name)).toEqual(["Paged 3", "Paged 4"]);
    expect(second.nextCursor).toBeNull();
    expect((await call(other.users.admin, "GET", `/api/v1/products/${p.id}`)).statusCode).toBe(404);
    expect((await call(other.users.admin, "PATCH", `/api/v1/products/${p.id}`, { name: "x" })).statusCode).toBe(404);
  });
});

describe("deals", () => {
  it("computes the amount from line items priced in the deal's currency", async () => {
    const a = ws.users.admin;
    await pipeline(ws);
    const seat = await ok(
      a,
      "POST",
      "/api/v1/products",
      { code: `SEAT-${Math.random()}`.slice(0, 20), name: "Seat", prices: [{ currency: "EUR", unitPriceMinor: 33_33 }] },
      201,
    );
    const svc = await ok(
      a,
      "POST",
      "/api/v1/products",
      { code: `SVC-${Math.random()}`.slice(0, 20), name: "Service", prices: [{ currency: "USD", unitPriceMinor: 100_00 }] },
      201,
    );
    const d = await deal(a, {
      name: "Lines",
      currency: "EUR",
      lineItems: [
        { productId: seat.id, quantity: 3, discountPercent: 12.5 },
        { productId: svc.id, quantity: 1.5, unitPriceMinor: 99, discountMinor: 10 },
      ],
    });
    // 3 × 33.33 = 99.99 − 12.50 = 87.49; 1.5 × 0.99 = 1.485 → 1.49 − 0.10 = 1.39
    expect(d.lineItems.map((l: Json) => [l.unitPriceMinor, l.discountMinor, l.totalMinor])).toEqual([
      [33_33, 12_50, 87_49],
      [99, 10, 1_39],
    ]);
    expect(d).toMatchObject({ amountMinor: 88_88, amountFromLineItems: true, currency: "EUR" });
    const before = await snapshotCounts(api);
    const mismatch = await call(a, "POST", "/api/v1/deals", {
      name: "x",
      currency: "EUR",
      lineItems: [{ productId: seat.id, quantity: 1, currency: "USD" }],
    });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().code).toBe("currency_mismatch");
    const noPrice = await call(a, "POST", "/api/v1/deals", { name: "x", currency: "EUR", lineItems: [{ productId: svc.id, quantity: 1 }] });
    expect(noPrice.json().code).toBe("no_price_in_currency");
    expect(
      (await call(a, "POST", "/api/v1/deals", { name: "x", amountMinor: 5, lineItems: [{ productId: seat.id, quantity: 1 }] })).statusCode,
    ).toBe(400);
    expect(
      (await call(a, "POST", "/api/v1/deals", { name: "x", lineItems: [{ productId: seat.id, quantity: 1, discountMinor: 999_999 }] }))
        .statusCode,
    ).toBe(422);
    expect((await call(a, "PATCH", `/api/v1/deals/${d.id}`, { currency: "USD" })).json().code).toBe("currency_mismatch");
    expect((await call(a, "PATCH", `/api/v1/deals/${d.id}`, { amountMinor: 1 })).statusCode).toBe(400);
    expect(await snapshotCounts(api)).toEqual(before);
    const manual = await ok(a, "PATCH", `/api/v1/deals/${d.id}`, { lineItems: [], amountMinor: 500_00 });
    expect(manual).toMatchObject({ amountMinor: 500_00, amountFromLineItems: false, lineItems: [] });
  });

  it("moves through stages with periods, snapshots and stage_changed events; winning and losing close the deal", async () => {
    const a = ws.users.admin;
    const p = await pipeline(ws);
    const [qual, , proposal, , won, lost] = p.stages;
    const company = await ok(a, "POST", "/api/v1/companies", { name: "Region Co", region: "EMEA" }, 201);
    const d = await deal(a, {
      name: "Mover",
      pipelineId: p.id,
      amountMinor: 10_000_00,
      currency: "EUR",
      companyId: company.id,
      expectedCloseDate: "2026-12-31",
    });
    expect(d).toMatchObject({
      stageId: qual.id,
      status: "open",
      probability: 10,
      weightedAmountMinor: 1_000_00,
      region: "EMEA",
      companyName: "Region Co",
      rotting: false,
      daysInStage: 0,
    });
    const moved = await ok(a, "POST", `/api/v1/deals/${d.id}/stage`, { stageId: proposal.id });
    expect(moved).toMatchObject({ stageId: proposal.id, status: "open", probability: 50, closedAt: null });
    await ok(a, "PATCH", `/api/v1/deals/${d.id}`, { amountMinor: 12_000_00, expectedCloseDate: "2027-01-15", name: "Mover 2" });
    const lostDeal = await ok(a, "POST", `/api/v1/deals/${d.id}/stage`, { stageId: lost.id, lostReason: "Price" });
    expect(lostDeal).toMatchObject({ status: "lost", lostReason: "Price" });
    expect(lostDeal.closedAt).not.toBeNull();
    const wonDeal = await ok(a, "POST", `/api/v1/deals/${d.id}/stage`, { stageId: won.id, lostReason: "ignored" });
    expect(wonDeal).toMatchObject({ status: "won", lostReason: null, probability: 100 });
    const reopened = await ok(a, "POST", `/api/v1/deals/${d.id}/stage`, { stageId: qual.id });
    expect(reopened).toMatchObject({ status: "open", closedAt: null });

    const history = await ok(ws.users.read_only, "GET", `/api/v1/deals/${d.id}/history`);
    expect(history.stages.map((s: Json) => s.stageName)).toEqual(["Qualification", "Proposal", "Lost", "Won", "Qualification"]);
    expect(history.stages.slice(0, -1).every((s: Json) => s.leftAt !== null)).toBe(true);
    expect(history.stages.at(-1).leftAt).toBeNull();
    expect(history.snapshots.map((s: Json) => s.changed)).toEqual([
      ["created"],
      ["stage", "probability"],
      ["amount", "expectedCloseDate"],
      ["stage", "status", "probability"],
      ["stage", "status", "probability"],
      ["stage", "status", "probability"],
    ]);
    expect(history.snapshots[2]).toMatchObject({
      amountMinor: 12_000_00,
      expectedCloseDate: "2027-01-15",
      probability: 50,
      currency: "EUR",
    });

    const stageEvents = (await events(d.id)).filter((e) => e.type === "deal.stage_changed");
    expect(stageEvents).toHaveLength(5);
    expect(stageEvents[1]?.payload).toMatchObject({
      dealId: d.id,
      pipelineId: p.id,
      fromStageId: qual.id,
      toStageId: proposal.id,
      ownerId: a.id,
      region: "EMEA",
      amountMinor: 10_000_00,
      currency: "EUR",
      status: "open",
    });
    expect(stageEvents[0]?.payload).toMatchObject({ fromStageId: null, toStageId: qual.id });
    expect((await events(d.id)).map((e) => e.type)).toContain("deal.updated");

    // A stage's probability change is a forecast change of the deals in it.
    await ok(a, "PATCH", `/api/v1/pipelines/${p.id}/stages/${qual.id}`, { probability: 15 });
    const after = await ok(a, "GET", `/api/v1/deals/${d.id}/history`);
    expect(after.snapshots.at(-1)).toMatchObject({ probability: 15, changed: ["probability"] });
  });

  it("orders cards within a stage by position", async () => {
    const a = ws.users.admin;
    const p = await pipeline(ws);
    const first = p.stages[0].id;
    const ids: string[] = [];
    for (const n of ["A", "B", "C"]) ids.push((await deal(a, { name: n, pipelineId: p.id })).id);
    const cards = async () => (await ok(a, "GET", `/api/v1/pipelines/${p.id}/board`)).columns[0].deals.map((c: Json) => c.name);
    expect(await cards()).toEqual(["A", "B", "C"]);
    await ok(a, "POST", `/api/v1/deals/${ids[2]}/stage`, { stageId: first, position: 0 });
    expect(await cards()).toEqual(["C", "A", "B"]);
    await ok(a, "POST", `/api/v1/deals/${ids[2]}/stage`, { stageId: first, position: 1 });
    expect(await cards()).toEqual(["A", "C", "B"]);
    await ok(a, "POST", `/api/v1/deals/${ids[0]}/stage`, { stageId: p.stages[1].id });
    await ok(a, "POST", `/api/v1/deals/${ids[0]}/stage`, { stageId: first, position: 1 });
    expect(await cards()).toEqual(["C", "A", "B"]);
    expect((await events(ids[2] as string)).map((e) => e.type)).toEqual([
      "deal.created",
      "deal.stage_changed",
      "deal.reordered",
      "deal.reordered",
    ]);
  });

  it("shows per-stage counts, totals per currency and weighted totals, pages a column and filters the board", async () => {
    const t = await createTestWorkspace(api);
    const a = t.users.admin;
    const p = await pipeline(t);
    const [qual, needs] = p.stages;
    for (let i = 0; i < 5; i++) await deal(a, { name: `Q${i}`, pipelineId: p.id, amountMinor: 1_000, currency: "EUR" });
    await deal(a, { name: "Q-usd", pipelineId: p.id, amountMinor: 333, currency: "USD" });
    const big = await deal(a, { name: "Big", pipelineId: p.id, amountMinor: 5_005, currency: "EUR" });
    await ok(a, "POST", `/api/v1/deals/${big.id}/stage`, { stageId: needs.id });
    const board = await ok(t.users.read_only, "GET", `/api/v1/pipelines/${p.id}/board?limit=4`);
    expect(board.columns).toHaveLength(6);
    const [c0, c1] = board.columns;
    expect(c0).toMatchObject({ stageId: qual.id, count: 6 });
    expect(c0.totals).toEqual([
      { currency: "EUR", amountMinor: 5_000, weightedAmountMinor: 500 },
      { currency: "USD", amountMinor: 333, weightedAmountMinor: 33 },
    ]);
    expect(c0.deals).toHaveLength(4);
    expect(Object.keys(c0.deals[0]).sort()).toEqual(
      [
        "amountMinor",
        "companyId",
        "companyName",
        "currency",
        "daysInStage",
        "expectedCloseDate",
        "id",
        "name",
        "ownerId",
        "rotting",
        "status",
      ].sort(),
    );
    expect(c1.totals).toEqual([{ currency: "EUR", amountMinor: 5_005, weightedAmountMinor: 1_251 }]); // 1251.25
    const more = await ok(a, "GET", `/api/v1/pipelines/${p.id}/board/stages/${qual.id}?limit=4&cursor=${c0.nextCursor}`);
    expect(more.items.map((c: Json) => c.name)).toEqual(["Q4", "Q-usd"]);
    expect(more.nextCursor).toBeNull();
    const usd = await ok(a, "GET", `/api/v1/pipelines/${p.id}/board?filter[currency][eq]=USD`);
    expect(usd.columns[0]).toMatchObject({ count: 1 });
    expect(usd.columns[1]).toMatchObject({ count: 0, totals: [], deals: [] });
    const q = await ok(a, "GET", `/api/v1/pipelines/${p.id}/board?q=big`);
    expect(q.columns.map((c: Json) => c.count)).toEqual([0, 1, 0, 0, 0, 0]);
    expect((await call(a, "GET", `/api/v1/pipelines/${p.id}/board?filter[nope][eq]=1`)).statusCode).toBe(400);
    expect((await call(a, "GET", `/api/v1/pipelines/${p.id}/board/stages/${qual.id}?cursor=garbage`)).statusCode).toBe(400);
  });

  it("flags deals that stayed too long in a stage", async () => {
    const t = await createTestWorkspace(api);
    const a = t.users.admin;
    const p = await pipeline(t);
    const d = await deal(a, { name: "Old", pipelineId: p.id });
    await deal(a, { name: "Fresh", pipelineId: p.id });
    await sql`UPDATE deals SET stage_entered_at = now() - interval '40 days' WHERE workspace_id = ${t.id}::uuid AND id = ${d.id}::uuid`.execute(
      api.db,
    );
    await ok(a, "PATCH", `/api/v1/pipelines/${p.id}/stages/${p.stages[0].id}`, { rottingDays: 30 });
    const rotting = await ok(a, "GET", "/api/v1/deals?filter[rotting][eq]=true");
    expect(rotting.items.map((x: Json) => x.name)).toEqual(["Old"]);
    expect(rotting.items[0]).toMatchObject({ rotting: true, daysInStage: 40 });
    const board = await ok(a, "GET", `/api/v1/pipelines/${p.id}/board?filter[rotting][eq]=true`);
    expect(board.columns[0].deals.map((c: Json) => [c.name, c.rotting])).toEqual([["Old", true]]);
  });

  it("lists with filters, sort, keyset pages and name search; related panels by company and contact", async () => {
    const t = await createTestWorkspace(api);
    const a = t.users.admin;
    const p = await pipeline(t);
    const company = await ok(a, "POST", "/api/v1/companies", { name: "Acme" }, 201);
    const person = await ok(a, "POST", "/api/v1/contacts", { firstName: "Ada", lastName: "Buyer" }, 201);
    for (let i = 0; i < 7; i++) {
      await deal(a, {
        name: `Ärger ${i}`,
        pipelineId: p.id,
        amountMinor: i * 100,
        ...(i % 2 === 0 ? { companyId: company.id, contacts: [{ contactId: person.id, role: "Decision maker" }] } : {}),
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Json = await ok(a, "GET", `/api/v1/deals?sort=-amountMinor&limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.items.map((x: Json) => x.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([6, 5, 4, 3, 2, 1, 0].map((i) => `Ärger ${i}`));
    const byCompany = await ok(a, "GET", `/api/v1/deals?filter[companyId][eq]=${company.id}&sort=name`);
    expect(byCompany.items.map((x: Json) => x.name)).toEqual(["Ärger 0", "Ärger 2", "Ärger 4", "Ärger 6"]);
    const byContact = await ok(a, "GET", `/api/v1/deals?filter[contactId][eq]=${person.id}&sort=name`);
    expect(byContact.items).toHaveLength(4);
    expect(byContact.items[0].contacts).toEqual([{ contactId: person.id, name: "Ada Buyer", role: "Decision maker" }]);
    expect((await ok(a, "GET", `/api/v1/deals?filter[contactId][isNull]=true`)).items).toHaveLength(3);
    expect((await ok(a, "GET", "/api/v1/deals?q=arger 3")).items.map((x: Json) => x.name)).toEqual(["Ärger 3"]);
    expect((await ok(a, "GET", "/api/v1/deals?filter[amountMinor][gte]=500&filter[status][eq]=open")).items).toHaveLength(2);
    expect((await call(a, "GET", "/api/v1/deals?sort=drop table")).statusCode).toBe(400);
    expect((await call(a, "GET", "/api/v1/deals?filter[amountMinor][contains]=1")).statusCode).toBe(400);
    const summary = await ok(a, "GET", `/api/v1/companies/${company.id}/summary`);
    // Without a currency a deal takes the workspace default (USD for test workspaces).
    expect(summary).toMatchObject({ openDealCount: 4, openDealValue: [{ currency: "USD", amountMinor: 1_200 }] });
    expect(await ok(a, "GET", `/api/v1/contacts/${person.id}/summary`)).toMatchObject({ openDealCount: 4 });
  });

  it("trashes and restores deals (managers and admins only)", async () => {
    const a = ws.users.admin;
    await pipeline(ws);
    const d = await deal(ws.users.member, { name: "Trash me" });
    expect((await call(ws.users.member, "DELETE", `/api/v1/deals/${d.id}`)).statusCode).toBe(403);
    expect((await call(ws.users.read_only, "PATCH", `/api/v1/deals/${d.id}`, { name: "x" })).statusCode).toBe(403);
    expect((await call(ws.users.read_only, "POST", `/api/v1/deals/${d.id}/stage`, { stageId: d.stageId })).statusCode).toBe(403);
    await ok(ws.users.manager, "DELETE", `/api/v1/deals/${d.id}`, undefined, 204);
    expect((await call(a, "DELETE", `/api/v1/deals/${d.id}`)).statusCode).toBe(404);
    expect((await ok(a, "GET", "/api/v1/deals?trash=true")).items.map((x: Json) => x.id)).toContain(d.id);
    expect((await ok(a, "GET", `/api/v1/deals/${d.id}`)).deletedAt).not.toBeNull();
    expect((await call(a, "POST", `/api/v1/deals/${d.id}/stage`, { stageId: d.stageId })).statusCode).toBe(404);
    expect((await ok(a, "POST", `/api/v1/deals/${d.id}/restore`)).deletedAt).toBeNull();
    expect((await events(d.id)).map((e) => e.type)).toEqual(["deal.created", "deal.stage_changed", "deal.deleted", "deal.restored"]);
  });

  it("answers 404 for another workspace's deals and refuses its records as links", async () => {
    const a = ws.users.admin;
    await pipeline(ws);
    await pipeline(other);
    const d = await deal(a, { name: "Mine" });
    const o = other.users.admin;
    const before = await snapshotCounts(api);
    expect((await call(o, "GET", `/api/v1/deals/${d.id}`)).statusCode).toBe(404);
    expect((await call(o, "GET", `/api/v1/deals/${d.id}/history`)).statusCode).toBe(404);
    expect((await call(o, "PATCH", `/api/v1/deals/${d.id}`, { name: "x" })).statusCode).toBe(404);
    expect((await call(o, "POST", `/api/v1/deals/${d.id}/stage`, { stageId: d.stageId })).statusCode).toBe(404);
    expect((await call(o, "DELETE", `/api/v1/deals/${d.id}`)).statusCode).toBe(404);
    const otherDeal = await ok(o, "GET", "/api/v1/deals").then((r) => r.items);
    expect(otherDeal.map((x: Json) => x.id)).not.toContain(d.id);
    const company = await ok(a, "POST", "/api/v1/companies", { name: "Not yours" }, 201);
    const before2 = await snapshotCounts(api);
    expect((await call(o, "POST", "/api/v1/deals", { name: "x", companyId: company.id })).statusCode).toBe(400);
    expect((await call(o, "POST", "/api/v1/deals", { name: "x", stageId: d.stageId })).statusCode).toBe(400);
    expect((await call(o, "POST", "/api/v1/deals", { name: "x", ownerId: a.id })).statusCode).toBe(400);
    expect(await snapshotCounts(api)).toEqual(before2);
    expect(before.deals).toBe(before2.deals);
  });
});

describe("deal visibility", () => {
  it("members see their own, their team's and unassigned deals on get, list, board, history, summary and realtime", async () => {
    const t = await createTestWorkspace(api);
    const a = t.users.admin;
    const member = t.users.member;
    const mate = t.users.manager;
    await ok(a, "POST", "/api/v1/teams", { name: "Team", memberIds: [member.id, mate.id] }, 201);
    const p = await pipeline(t);
    const company = await ok(a, "POST", "/api/v1/companies", { name: "Shared Co", ownerId: null }, 201);
    const mine = await deal(member, { name: "Mine", pipelineId: p.id, companyId: company.id, amountMinor: 1 });
    const mates = await deal(a, { name: "Mate's", pipelineId: p.id, ownerId: mate.id, companyId: company.id, amountMinor: 10 });
    const admins = await deal(a, { name: "Admin's", pipelineId: p.id, companyId: company.id, amountMinor: 100 });
    const nobody = await deal(a, { name: "Nobody's", pipelineId: p.id, ownerId: null, companyId: company.id, amountMinor: 1000 });

    expect((await call(member, "GET", `/api/v1/deals/${admins.id}`)).statusCode).toBe(404);
    expect((await call(member, "GET", `/api/v1/deals/${admins.id}/history`)).statusCode).toBe(404);
    expect((await call(member, "PATCH", `/api/v1/deals/${admins.id}`, { name: "x" })).statusCode).toBe(404);
    expect((await call(member, "POST", `/api/v1/deals/${admins.id}/stage`, { stageId: p.stages[1].id })).statusCode).toBe(404);
    expect((await call(member, "GET", `/api/v1/deals/${mates.id}`)).statusCode).toBe(200);
    const visible = [mine.id, mates.id, nobody.id].sort();
    expect((await ok(member, "GET", "/api/v1/deals")).items.map((x: Json) => x.id).sort()).toEqual(visible);
    expect((await ok(member, "GET", "/api/v1/deals?q=admin")).items).toEqual([]);
    // Global search: deals by name, only the visible ones.
    expect((await ok(member, "GET", "/api/v1/search?q=admin&types=deal")).items).toEqual([]);
    const found = await ok(a, "GET", "/api/v1/search?q=admin&types=deal");
    expect(found.items.map((h: Json) => [h.type, h.id, h.subtitle])).toEqual([["deal", admins.id, "Shared Co"]]);
    expect((await ok(member, "GET", "/api/v1/search?q=mate")).items.map((h: Json) => h.id)).toEqual([mates.id]);
    expect((await ok(member, "GET", `/api/v1/deals?filter[companyId][eq]=${company.id}`)).items).toHaveLength(3);
    const board = await ok(member, "GET", `/api/v1/pipelines/${p.id}/board`);
    expect(board.columns[0].count).toBe(3);
    expect(board.columns[0].totals).toEqual([{ currency: "USD", amountMinor: 1011, weightedAmountMinor: 101 }]);
    expect(board.columns[0].deals.map((c: Json) => c.id).sort()).toEqual(visible);
    const column = await ok(member, "GET", `/api/v1/pipelines/${p.id}/board/stages/${p.stages[0].id}`);
    expect(column.items).toHaveLength(3);
    expect(await ok(member, "GET", `/api/v1/companies/${company.id}/summary`)).toMatchObject({ openDealCount: 3 });
    expect(await ok(a, "GET", `/api/v1/companies/${company.id}/summary`)).toMatchObject({ openDealCount: 4 });
    // Owner "own" scope: a member may not hand a deal to someone outside their team.
    expect((await call(member, "PATCH", `/api/v1/deals/${mine.id}`, { ownerId: a.id })).statusCode).toBe(403);

    const rule = dealEventRule(api.db);
    const principal = {
      workspaceId: t.id,
      actorType: "user" as const,
      actorId: member.id,
      userId: member.id,
      role: member.role,
      teamIds: [] as string[],
      sessionId: null,
    };
    const teamIds = (
      await sql<{ team_id: string }>`SELECT team_id FROM team_members WHERE user_id = ${member.id}::uuid`.execute(api.db)
    ).rows.map((r) => r.team_id);
    const p2 = { ...principal, teamIds };
    const stored = async (id: string) => {
      const e = (
        await sql<{
          type: string;
          payload: Json;
        }>`SELECT type, payload FROM domain_events WHERE entity_id = ${id}::uuid AND type = 'deal.created'`.execute(api.db)
      ).rows[0];
      return { id: "x", workspaceId: t.id, type: e?.type ?? "", entityType: "deal", entityId: id, payload: e?.payload ?? {} } as never;
    };
    expect(await rule(p2, await stored(admins.id))).toBe(false);
    expect(await rule(p2, await stored(mates.id))).toBe(true);
    expect(await rule(p2, await stored(nobody.id))).toBe(true);
    expect(await rule({ ...p2, role: "read_only" }, await stored(admins.id))).toBe(true);
  });
});
